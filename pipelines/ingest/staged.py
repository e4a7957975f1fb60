"""A parsed table's rows on their way to the warehouse, kept as a Parquet file.

Rows that DuckDB's reader types never become Python objects: they are written to Parquet by
the reader's own DuckDB and inserted from it by the writing process (store.py), which checks
the contract's row rules on them in SQL (row_contract.py). Rows a source builds in Python (a
survey's answers, files the Python reader reads) are staged the same way once parsed, so the
writer has one path. A million rows as Python dicts take about 0.6 GB; as Parquet a few dozen
MB, written and read by DuckDB in C on both cores.

Each row carries its place in the file (`ORDINAL`): the order of the quarantine's messages and
the handle by which the contract sets a row aside (`excluded`) or stores a corrected copy of
it (`replaced`) without rewriting the file. Staged files live in a folder of this process's own
(readable by this user only; in a parse-ahead worker inside the parse-ahead folder) until the
writer has stored them (`release`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import duckdb
import pandas as pd

ORDINAL = "_ordinal"
LINEAGE = (("source_member", "VARCHAR"), ("source_row", "INTEGER"))
SCRATCH_MEMORY = "1GB"  # the in-memory DuckDB that rewrites and reads staged files

_local = threading.local()


def _folder() -> str:
    """This process's staging folder, made on first use in the temporary folder of the moment
    (a parse-ahead worker's is the parse-ahead folder) and removed when the process ends."""
    folder = getattr(_local, "folder", None)
    if folder is None or not os.path.isdir(folder):
        folder = _local.folder = tempfile.mkdtemp(prefix="snm-staged-")
        atexit.register(shutil.rmtree, folder, True)
    return folder


def scratch() -> duckdb.DuckDBPyConnection:
    """A connection to this thread's in-memory DuckDB for work on staged files (never the
    warehouse): bounded, spilling into the staging folder."""
    con = getattr(_local, "scratch", None)
    if con is None:
        con = _local.scratch = duckdb.connect(
            config={"memory_limit": SCRATCH_MEMORY, "temp_directory": _folder()}
        )
        con.execute("set enable_progress_bar = false").fetchall()
    return con


def new_path() -> str:
    handle, path = tempfile.mkstemp(suffix=".parquet", dir=_folder())
    os.close(handle)
    return path


def sql_name(name: str) -> str:
    """A column or table name quoted for DuckDB's SQL."""
    return '"' + name.replace('"', '""') + '"'


def sql_text(text: str) -> str:
    """A text as a string literal of DuckDB's SQL."""
    return "'" + text.replace("'", "''") + "'"


@dataclass
class StagedRows:
    """The rows of one raw table from one file, in a Parquet file at `path` holding `columns`
    (the stored columns, the lineage's member and row, and ORDINAL). Not iterable on purpose:
    code written for rows in Python fails loudly here instead of seeing none."""

    path: str
    columns: tuple[tuple[str, str], ...]  # (name, DuckDB type), without ORDINAL
    staged: int
    excluded: set[int] = field(default_factory=set)  # ordinals set aside since staging
    replaced: list[dict] = field(default_factory=list)  # stored instead of their staged rows

    def __len__(self) -> int:
        return self.staged - len(self.excluded) + len(self.replaced)

    @property
    def source(self) -> str:
        return f"read_parquet({sql_text(self.path)})"

    def fetch(self, con=None, ordinals: set[int] | None = None) -> list[dict]:
        """The rows kept so far (those of `ordinals` only, when given), as dicts in file
        order, each with its ORDINAL; corrected copies in place of their staged rows."""
        con = con or scratch()
        names = [*(name for name, _ in self.columns), ORDINAL]
        selected = ", ".join(sql_name(n) for n in names)
        replaced = self.replaced
        query = f"select {selected} from {{}} order by {ORDINAL}"
        with self.kept_view(con) as kept:
            if ordinals is None:
                found = con.execute(query.format(kept)).fetchall()
            else:
                replaced = [row for row in replaced if row[ORDINAL] in ordinals]
                con.register("wanted_ordinals", pd.DataFrame({"o": sorted(ordinals)}))
                try:
                    wanted = (
                        f"(select * from {kept} semi join wanted_ordinals w on w.o = {ORDINAL})"
                    )
                    found = con.execute(query.format(wanted)).fetchall()
                finally:
                    con.unregister("wanted_ordinals")
        rows = [dict(zip(names, values, strict=True)) for values in found]
        return sorted([*rows, *replaced], key=lambda row: row[ORDINAL])

    def dicts(self) -> list[dict]:
        """Every row kept, as the Python reader gives them (no ORDINAL)."""
        return [{k: v for k, v in row.items() if k != ORDINAL} for row in self.fetch()]

    def distinct(self, columns: Iterable[str]) -> set[tuple]:
        """The distinct combinations of `columns` without a null among the kept rows."""
        columns = list(columns)
        quoted = [sql_name(c) for c in columns]
        present = " and ".join(f"{c} is not null" for c in quoted)
        con = scratch()
        with self.kept_view(con) as kept:
            found = con.execute(
                f"select distinct {', '.join(quoted)} from {kept} where {present}"
            ).fetchall()
        replaced = {tuple(row.get(c) for c in columns) for row in self.replaced}
        return set(found) | {key for key in replaced if None not in key}

    def ordinals_of(self, records: set[tuple[str | None, int]]) -> set[int]:
        """The ordinals of the kept rows belonging to the records (member, row)."""
        if not records:
            return set()
        frame = pd.DataFrame(
            [("" if member is None else member, row) for member, row in records],
            columns=["member", "row"],
        )
        con = scratch()
        con.register("wanted_records", frame)
        try:
            found = con.execute(
                f"select {ORDINAL} from {self.source} s join wanted_records w"
                " on coalesce(s.source_member, '') = w.member and s.source_row = w.row"
            ).fetchall()
        finally:
            con.unregister("wanted_records")
        found = {ordinal for (ordinal,) in found}
        replaced = {row[ORDINAL] for row in self.replaced}
        return (found - self.excluded) | (found & replaced)

    def set_aside(self, ordinals: set[int]) -> int:
        """Exclude rows (staged or replaced) by ordinal; how many were still kept."""
        before = len(self)
        self.replaced = [row for row in self.replaced if row[ORDINAL] not in ordinals]
        self.excluded |= ordinals
        return before - len(self)

    def map_column(self, column: str, change: Callable[[object], object]) -> None:
        """Pass every non-null value of `column` through `change`, rewriting the file: each
        distinct value once (short messages repeat: "thanks!"), and only the values that
        change travel back into DuckDB."""
        con = scratch()
        name = sql_name(column)
        values = con.execute(
            f"select distinct {name} from {self.source} where {name} is not null"
        ).fetchall()
        changed = [(value, new) for (value,) in values if (new := change(value)) != value]
        del values
        for row in self.replaced:
            if row.get(column) is not None:
                row[column] = change(row[column])
        if not changed:
            return
        frame = pd.DataFrame(changed, columns=["before", "after"], dtype=object)
        del changed
        kind = dict(self.columns)[column]
        con.register("changed_values", frame)
        try:
            self._rewrite(
                f"case when c.before is null then s.{name} else cast(c.after as {kind}) end"
                f" as {name}",
                [],
                f"left join changed_values c on c.before = s.{name}",
            )
        finally:
            con.unregister("changed_values")

    def ordinals_where_null(self, column: str) -> set[int]:
        name = sql_name(column)
        con = scratch()
        with self.kept_view(con) as kept:
            found = con.execute(f"select {ORDINAL} from {kept} where {name} is null").fetchall()
        replaced = {row[ORDINAL] for row in self.replaced if row.get(column) is None}
        return {o for (o,) in found} - {row[ORDINAL] for row in self.replaced} | replaced

    def fill_nulls(self, column: str, value) -> None:
        """Give every null of `column` the value `value` (rewriting the file)."""
        for row in self.replaced:
            if row.get(column) is None:
                row[column] = value
        self._rewrite(f"coalesce({sql_name(column)}, ?) as {sql_name(column)}", [value])

    def null_unless(self, column: str, flag: str) -> None:
        """Empty `column` in every row whose `flag` is not true (rewriting the file)."""
        for row in self.replaced:
            if row.get(flag) is not True:
                row[column] = None
        name = sql_name(column)
        self._rewrite(f"case when s.{sql_name(flag)} then s.{name} end as {name}", [])

    def _rewrite(self, replacement: str, parameters: list, joined: str = "") -> None:
        """Write the staged file again with one column replaced (`replacement`, SQL over the
        staged row `s` and the `joined` clause)."""
        path = new_path()
        scratch().execute(
            f"copy (select s.* replace ({replacement}) from {self.source} s {joined}"
            f" order by s.{ORDINAL}) to {sql_text(path)} (format parquet)",
            parameters,
        ).fetchall()
        os.unlink(self.path)
        self.path = path

    def insert_into(self, con: duckdb.DuckDBPyConnection, table: str, constants: dict) -> None:
        """Insert the kept rows into `table` (by column name) with `constants` as columns."""
        extra = "".join(f", ? as {sql_name(name)}" for name in constants)
        with self.kept_view(con) as kept:
            con.execute(
                f"insert into {table} by name select * exclude ({ORDINAL}){extra} from {kept}",
                list(constants.values()),
            ).fetchall()
        if self.replaced:
            names = [name for name, _ in self.columns]
            frame = pd.DataFrame.from_records(self.replaced, columns=names)
            for name, value in constants.items():
                frame[name] = value
            con.register("replaced_rows", frame)
            try:
                con.execute(f"insert into {table} by name select * from replaced_rows").fetchall()
            finally:
                con.unregister("replaced_rows")

    @contextlib.contextmanager
    def kept_view(self, con):
        """The staged rows minus the excluded ones, as a FROM clause on `con`."""
        if not self.excluded:
            yield self.source
            return
        frame = pd.DataFrame({"ordinal": sorted(self.excluded)})
        con.register("excluded_ordinals", frame)
        try:
            yield (
                f"(select * from {self.source} anti join excluded_ordinals e"
                f" on e.ordinal = {ORDINAL})"
            )
        finally:
            con.unregister("excluded_ordinals")

    def release(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)


def staged_columns(stored: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """A layout's stored columns (name, DuckDB type) with the lineage's member and row."""
    return (*LINEAGE, *stored)


def stage_query(
    con: duckdb.DuckDBPyConnection, query: str, columns: tuple[tuple[str, str], ...]
) -> StagedRows:
    """Write the result of `query` (its columns by name, and ORDINAL) as a staged table, each
    column cast to its type, in ORDINAL order."""
    selected = ", ".join(f"cast({sql_name(n)} as {kind}) as {sql_name(n)}" for n, kind in columns)
    path = new_path()
    [(count,)] = con.execute(
        f"copy (select {selected}, cast({ORDINAL} as bigint) as {ORDINAL} from ({query})"
        f" order by {ORDINAL}) to {sql_text(path)} (format parquet)"
    ).fetchall()
    return StagedRows(path, columns, count)


def stage_dicts(rows: list[dict], columns: tuple[tuple[str, str], ...]) -> StagedRows:
    """Rows built in Python, staged in their order."""
    names = [name for name, _ in columns]
    frame = pd.DataFrame.from_records(rows, columns=names) if rows else None
    con = scratch()
    if frame is None:
        empty = ", ".join(f"null as {sql_name(n)}" for n in names)
        return stage_query(con, f"select {empty}, 0 as {ORDINAL} where false", columns)
    frame[ORDINAL] = range(len(frame))
    con.register("python_rows", frame)
    try:
        return stage_query(con, "select * from python_rows", columns)
    finally:
        con.unregister("python_rows")
