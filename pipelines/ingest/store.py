"""Write parsed files into the raw layer: one transaction per file, with its lineage.

A file's rows, its quarantined problems and its registry entry are committed together, so a
run that dies halfway through a file leaves nothing of it and the next run takes it again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pandas as pd

from ..audit_log import log_event
from . import editions
from .bulk import without_cycle_collection
from .dates import AmbiguousDates
from .inbox import InboxItem, list_items
from .layout import Layout, ParsedTable, Problem
from .parse_ahead import ParseAhead
from .pseudonym import Pseudonymiser
from .reading import UnreadableFile, read_delimited
from .row_contract import RowKeys, apply_row_contract, drop_rows
from .source import ReadOptions, Source
from .staged import ORDINAL, StagedRows

logger = logging.getLogger(__name__)

LINEAGE_COLUMNS = (
    ("source_file", "VARCHAR"),
    ("source_sha256", "VARCHAR"),
    ("source_member", "VARCHAR"),
    ("source_row", "INTEGER"),
    ("ingest_run_id", "VARCHAR"),
)

REGISTRY_DDL = """
create table if not exists raw.inbox_files (
    sha256 varchar primary key,
    source varchar not null,
    file_name varchar not null,
    size_bytes bigint not null,
    status varchar not null,          -- ingested | rejected
    rows_read bigint not null,
    rows_loaded bigint not null,
    rows_quarantined bigint not null,
    ingest_run_id varchar,
    ingested_at timestamp not null,
    lines_read bigint,               -- non-blank physical lines after the header (CSV only)
    lines_in_records bigint          -- the lines of every record the CSV reader returned
);
create table if not exists raw.inbox_duplicates (
    sha256 varchar not null,
    source varchar not null,
    file_name varchar not null,
    first_file_name varchar not null,
    ingest_run_id varchar,
    seen_at timestamp not null
);
create table if not exists raw.inbox_notes (
    source varchar not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    note varchar not null,
    ingest_run_id varchar,
    noted_at timestamp not null
);
create table if not exists raw.quarantine (
    source varchar not null,
    source_file varchar not null,
    source_sha256 varchar not null,
    source_member varchar,
    source_row integer,
    column_name varchar,
    problem varchar not null,
    ingest_run_id varchar,
    quarantined_at timestamp not null
);
"""


@dataclass
class FileResult:
    source: str
    file_name: str
    sha256: str
    status: str  # ingested | rejected | already_ingested | waiting (for a setting)
    rows_read: int = 0
    rows_loaded: int = 0
    rows_quarantined: int = 0
    lines_read: int | None = None
    lines_in_records: int | None = None
    problems: list[Problem] = field(default_factory=list)
    note: str = ""
    table_rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # said once per file (ParsedTable.notes)
    edition: str | None = None  # the window the file covers (editions.edition_of)


def ensure_tables(con: duckdb.DuckDBPyConnection, layouts: tuple[Layout, ...]) -> None:
    con.execute("create schema if not exists raw")
    con.execute(REGISTRY_DDL)
    for name in ("lines_read", "lines_in_records"):  # registries of earlier versions
        con.execute(f"alter table raw.inbox_files add column if not exists {name} bigint")
    editions.ensure_tables(con)
    for layout in layouts:
        columns = [*layout.ddl_columns(), *LINEAGE_COLUMNS]
        ddl = ", ".join(f'"{name}" {kind}' for name, kind in columns)
        con.execute(f"create table if not exists raw.{layout.table} ({ddl})")
        for name, kind in columns:  # a warehouse made by an earlier version gains new columns
            con.execute(f'alter table raw.{layout.table} add column if not exists "{name}" {kind}')


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class KeyMismatch(RuntimeError):
    """The warehouse holds pseudonyms made with another key; mixing them would split people."""


def check_key(con: duckdb.DuckDBPyConnection, pseudonymise: Pseudonymiser) -> None:
    """Remember a fingerprint of the key on first use and refuse any other key afterwards."""
    con.execute(
        "create table if not exists raw.pseudonym_key "
        "(fingerprint varchar, first_used_at timestamp)"
    )
    fingerprint = pseudonymise("fingerprint", namespace="snm-key-check")
    known = con.execute("select fingerprint from raw.pseudonym_key").fetchone()
    if known is None:
        now = _now()
        con.execute("insert into raw.pseudonym_key values (?, ?)", [fingerprint, now])
    elif known[0] != fingerprint:
        raise KeyMismatch(
            "this warehouse was pseudonymised with a different SNM_PSEUDONYM_KEY; use the "
            "original key, or another warehouse file (--warehouse) for a new key"
        )


def _known(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str, str | None]]:
    rows = con.execute(
        "select sha256, file_name, status, withdrawn_reason from raw.inbox_files"
    ).fetchall()
    return {sha: (name, status, reason) for sha, name, status, reason in rows}


def _insert_rows(con, layout: Layout, table: ParsedTable, item: InboxItem, run_id: str) -> None:
    if not table.rows:
        return
    lineage = {"source_file": item.name, "source_sha256": item.sha256, "ingest_run_id": run_id}
    if isinstance(table.rows, StagedRows):
        table.rows.insert_into(con, f"raw.{layout.table}", lineage)
        return
    wanted = [name for name, _ in layout.ddl_columns()] + [name for name, _ in LINEAGE_COLUMNS]
    frame = pd.DataFrame.from_records(table.rows, columns=wanted)  # one copy, in table order
    for name, value in lineage.items():
        frame[name] = value
    con.register("incoming_rows", frame)
    try:
        con.execute(f"insert into raw.{layout.table} by name select * from incoming_rows")
    finally:
        con.unregister("incoming_rows")


def _insert_problems(con, item: InboxItem, problems: list[Problem], run_id: str) -> None:
    if not problems:
        return
    now = _now()
    con.executemany(
        "insert into raw.quarantine values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (item.source, item.name, item.sha256, p.member, p.row, p.column, p.message, run_id, now)
            for p in problems
        ],
    )


def _insert_notes(con, item: InboxItem, notes: list[str], run_id: str) -> None:
    if notes:
        now = _now()
        con.executemany(
            "insert into raw.inbox_notes values (?, ?, ?, ?, ?, ?)",
            [(item.source, item.name, item.sha256, note, run_id, now) for note in notes],
        )


def _register(con, result: FileResult, item: InboxItem, run_id: str) -> None:
    log_event(
        con,
        run_id,
        result.status,  # ingested | rejected
        subject=f"{item.source}/{item.name}",
        sha256=item.sha256,
        detail=f"rows loaded {result.rows_loaded}, quarantined {result.rows_quarantined}"
        + (f"; {result.note}" if result.note else ""),
    )
    con.execute(
        "insert into raw.inbox_files (sha256, source, file_name, size_bytes, status, rows_read,"
        " rows_loaded, rows_quarantined, ingest_run_id, ingested_at, lines_read,"
        " lines_in_records, edition) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            item.sha256,
            item.source,
            item.name,
            item.size_bytes,
            result.status,
            result.rows_read,
            result.rows_loaded,
            result.rows_quarantined,
            run_id,
            _now(),
            result.lines_read,
            result.lines_in_records,
            result.edition,
        ],
    )


# Microsoft 365 reports that users download by mistake: a column only each of them has, and
# what to say about it.
OTHER_REPORTS = {
    "has exchange license": "the Microsoft 365 'Active users' report "
    "(getOffice365ActiveUserDetail)",
    "storage used (byte)": "a Microsoft 365 storage or usage report",
    "site url": "a SharePoint or OneDrive report",
}


def _looks_like(item: InboxItem, source: Source) -> str:
    """For a file whose required columns are missing: which source's export it resembles, or
    which report the monitor does not read it is."""
    from .registry import SOURCES  # the registry imports every source module

    try:
        header, _ = read_delimited(item.read_bytes())
    except (UnreadableFile, OSError, UnicodeDecodeError):
        return ""
    present = {h.strip().lower() for h in header}
    for column, report in OTHER_REPORTS.items():
        if column in present:
            return (
                f" This is {report}, which the monitor does not read: download the e-mail "
                "activity, Teams user activity or Viva Engage activity user detail report "
                "(Microsoft 365 admin center > Reports > Usage) instead."
            )
    for other in SOURCES:
        if other.name == source.name or other.allow_folders:
            continue
        required = {c.header.lower() for c in other.layouts[0].columns if c.required}
        if required <= present:
            return f" This looks like a {other.name} export: move it to inbox/{other.name}/."
    return ""


def read_item(
    source: Source, item: InboxItem, pseudonymise: Pseudonymiser, options: ReadOptions
) -> tuple[FileResult, dict[str, ParsedTable]]:
    """Parse a file without writing to the warehouse; an unreadable file becomes one file-level
    problem, a file waiting for a setting has status `waiting`."""
    result = FileResult(source.name, item.name, item.sha256, "ingested")
    try:
        tables = source.parse(item, pseudonymise, options)
        layouts = {layout.table: layout for layout in source.layouts}
        for name, table in tables.items():
            table.stage(layouts[name])
        return result, tables
    except AmbiguousDates as exc:  # a setting decides it: the file waits, nothing is stored
        result.status = "waiting"
        result.problems = [Problem(None, None, str(exc))]
    except (UnreadableFile, zipfile.BadZipFile, UnicodeDecodeError, ValueError, KeyError) as exc:
        result.status = "rejected"
        result.problems = [Problem(None, None, f"file rejected: {exc}")]
    except Exception as exc:  # a parser bug must not stop the other files: reject, say why
        logger.exception("unexpected error while reading %s", item.path)
        result.status = "rejected"
        message = f"file rejected: unexpected {type(exc).__name__}: {exc}"
        result.problems = [Problem(None, None, message)]
    return result, {}


EXAMPLE_PROBLEMS = 20  # of a file quarantined whole, the problems kept as examples


def _reject_when_mostly_bad(
    result: FileResult, tables: dict[str, ParsedTable], options: ReadOptions
) -> None:
    """Past the bad-row threshold the file is the wrong one: store none of it, keep one
    file-level problem and the first row problems as examples (not 100,000 of them)."""
    read, bad = result.rows_read, result.rows_quarantined
    if read < options.min_rows_for_threshold or 100.0 * bad / read <= options.max_bad_rows_pct:
        return
    first = result.problems[:EXAMPLE_PROBLEMS]
    summary = Problem(
        None,
        None,
        f"file rejected: {bad:,} of {read:,} rows ({100.0 * bad / read:.1f} %) break the input "
        f"contract, more than ingestion.max_bad_rows_pct ({options.max_bad_rows_pct:g} %) of "
        f"monitor.yml: is this the right export? The first {len(first)} problems follow.",
    )
    result.status = "rejected"
    result.problems = [summary, *first]
    result.rows_loaded, result.rows_quarantined = 0, read
    result.table_rows = {name: 0 for name in tables}
    for table in tables.values():
        table.clear_rows()


def check_rows(
    source: Source,
    item: InboxItem,
    result: FileResult,
    tables: dict[str, ParsedTable],
    stored: RowKeys | None = None,
    options: ReadOptions | None = None,
) -> None:
    """Apply the contracts' row rules (`stored` looks up the keys already in the warehouse)
    and count what each table keeps and sets aside."""
    _apply_contracts(source, tables, stored)
    for name, table in tables.items():
        result.table_rows[name] = len(table.rows)
        result.rows_read += table.rows_read
        result.rows_loaded += len(table.rows)
        result.rows_quarantined += table.rows_quarantined
        if table.lines_read is not None:
            result.lines_read = (result.lines_read or 0) + table.lines_read
            result.lines_in_records = (result.lines_in_records or 0) + table.lines_in_records
        result.problems.extend(table.problems)
        result.notes.extend(n for n in table.notes if n not in result.notes)
    _reject_when_mostly_bad(result, tables, options or ReadOptions())
    missing = [p for p in result.problems if p.row is None and "missing; the header" in p.message]
    if missing and item.path.is_file() and not zipfile.is_zipfile(item.path):
        hint = _looks_like(item, source)
        for problem in missing:
            problem.message += hint


def _apply_contracts(source: Source, tables: dict[str, ParsedTable], stored) -> None:
    """Row rules per table; a record set aside in the source's main table takes its rows in
    the other tables with it (a Slack message's reactions, a survey response's answers)."""
    main, *others = source.layouts
    dropped = (
        apply_row_contract(main, tables[main.table], stored) if main.table in tables else set()
    )
    for layout in others:
        if layout.table in tables:
            drop_rows(tables[layout.table], dropped)
            apply_row_contract(layout, tables[layout.table], stored)


class StoredKeys:
    """Which of a file's keys a raw table already holds, with the file and row of each; rows
    of the files in `leaving` (about to be replaced) do not count. Only the file's own keys are
    looked up (a join), not the whole table read for every file."""

    def __init__(self, con: duckdb.DuckDBPyConnection, leaving: frozenset[str] = frozenset()):
        self.con, self.leaving = con, sorted(leaving)

    def __call__(self, table: str, columns: tuple[str, ...], wanted: set[tuple]) -> dict:
        if not wanted:
            return {}
        self.con.register("incoming_keys", pd.DataFrame(list(wanted), columns=list(columns)))
        try:
            selected = ", ".join(f'"{c}"' for c in columns)
            rows = self.con.execute(
                f"select {selected}, source_file, source_row from raw.{table}"
                f" inner join incoming_keys using ({selected})"
                " where not list_contains(?, source_sha256)",
                [self.leaving],
            ).fetchall()
        finally:
            self.con.unregister("incoming_keys")
        return {tuple(row[: len(columns)]): (row[-2], row[-1]) for row in rows}

    def staged_matches(
        self, table: str, columns: tuple[str, ...], rows: StagedRows
    ) -> list[tuple[int, tuple, str, int | None]]:
        """(ordinal, key, file, row) of each staged row whose key the table holds."""
        keys = ", ".join(f's."{c}"' for c in columns)
        on = " and ".join(f's."{c}" = r."{c}"' for c in columns)
        with rows.kept_view(self.con) as kept:
            found = self.con.execute(
                f"select s.{ORDINAL}, {keys}, r.source_file, r.source_row from {kept} s"
                f" join raw.{table} r on {on} where not list_contains(?, r.source_sha256)",
                [self.leaving],
            ).fetchall()
        return [(o, tuple(key), file, row) for o, *key, file, row in found]


def _record_duplicate(con, item: InboxItem, first: str, run_id: str) -> None:
    seen = con.execute(
        "select count(*) from raw.inbox_duplicates where sha256 = ? and file_name = ?",
        [item.sha256, item.name],
    ).fetchone()[0]
    if not seen:
        con.execute(
            "insert into raw.inbox_duplicates values (?, ?, ?, ?, ?, ?)",
            [item.sha256, item.source, item.name, first, run_id, _now()],
        )
        log_event(
            con,
            run_id,
            "duplicate",
            subject=f"{item.source}/{item.name}",
            sha256=item.sha256,
            detail=f"same content as {first}, ingested once",
        )


def rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Undo the file's transaction. DuckDB has already ended it when the commit itself failed
    (a full disk): the error then is the commit's, not "no transaction is active"."""
    with contextlib.suppress(duckdb.TransactionException):
        con.execute("rollback")


def _fault_injection_pause(item: InboxItem) -> None:
    """Crash-safety tests set SNM_TEST_PAUSE_BEFORE_COMMIT to hold a file's transaction open
    and kill the process there; unset, this does nothing. It writes to the process's own
    stderr: `snm run` sends a run's output to its log file."""
    pause = os.environ.get("SNM_TEST_PAUSE_BEFORE_COMMIT")
    if pause:
        print(f"snm: {item.name} written, not yet committed", file=sys.__stderr__, flush=True)
        time.sleep(float(pause))


def ingest_source(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    inbox: Path,
    pseudonymise: Pseudonymiser,
    run_id: str,
    options: ReadOptions | None = None,
) -> list[FileResult]:
    """Ingest every file of one source that the warehouse has not seen (by content hash). A
    file waiting for a setting (status waiting) is left for a later run, nothing stored.
    Large files are parsed ahead on the other cores (parse_ahead.py); each is written here,
    in order, one transaction per file."""
    options = options or ReadOptions()
    ensure_tables(con, source.layouts)
    editions.backfill_editions(con, source)
    check_key(con, pseudonymise)
    results = []
    items = list_items(inbox, source.name, allow_folders=source.allow_folders)
    unseen = [item for item in items if item.sha256 not in _known(con)]
    with ParseAhead(source, unseen, pseudonymise, options) as ahead:
        for item in items:
            known = _known(con).get(item.sha256)
            if known:
                ahead.skip(item)
                results.append(_already_ingested(con, item, known, run_id))
                continue
            with without_cycle_collection():
                result, tables = ahead.take(item)
                try:
                    if result.status != "waiting":
                        _store(con, source, item, result, tables, run_id, options)
                finally:
                    for table in tables.values():
                        table.release()  # its rows go now, not when the next file's are here
                results.append(result)
                del tables
    return results


def _already_ingested(con, item: InboxItem, known: tuple, run_id: str) -> FileResult:
    """A file whose content the warehouse holds: said, and recorded when it came under
    another name."""
    first, status, reason = known
    note = ""
    if status not in editions.COUNTED:  # a withdrawn file put back is not read again
        note = f"same content as {first}, which no longer counts ({status}: {reason})"
    elif first != item.name:
        note = f"same content as {first}, ingested once"
        _record_duplicate(con, item, first, run_id)
    return FileResult(item.source, item.name, item.sha256, "already_ingested", note=note)


def _store(
    con,
    source: Source,
    item: InboxItem,
    result: FileResult,
    tables: dict[str, ParsedTable],
    run_id: str,
    options: ReadOptions,
) -> None:
    """Check a parsed file's rows and write them, its problems, notes and registry entry (and
    withdraw the file it replaces) in one transaction."""
    layouts = {layout.table: layout for layout in source.layouts}
    result.edition = editions.edition_of(source, tables)
    replaced, notes = editions.replaced_by_new(con, source, item.name, result.edition)
    if result.status == "ingested":
        leaving = frozenset(old.sha256 for old in replaced)
        check_rows(source, item, result, tables, StoredKeys(con, leaving), options)
    if result.status == "rejected":  # a broken file corrects nothing: the earlier stays
        notes += [editions.kept_note(old) for old in replaced]
        replaced = []
    result.notes[:0] = [editions.replacement_note(old) for old in replaced] + notes
    con.execute("begin transaction")
    try:
        for old in replaced:
            editions.withdraw(
                con,
                source,
                old.sha256,
                "superseded",
                f"replaced by {item.name}",
                item.sha256,
                run_id,
            )
        for table_name, table in tables.items():
            _insert_rows(con, layouts[table_name], table, item, run_id)
        _insert_problems(con, item, result.problems, run_id)
        _insert_notes(con, item, result.notes, run_id)
        _register(con, result, item, run_id)
        _fault_injection_pause(item)
        con.execute("commit")
    except Exception:
        rollback(con)
        raise
