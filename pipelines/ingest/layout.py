"""Declarative column layouts: which export header becomes which raw column, with which type.

One generic row parser serves every CSV source, so type rules, identity handling and
quarantine messages are the same everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from ..clock import DateLimits, date_limits
from .dates import AmbiguousDates, CellError, DateOrder, decide_order, parse_date, parse_datetime
from .pseudonym import Pseudonymiser
from .reading import DelimitedRows, RowError
from .scrub import mask_personal
from .staged import StagedRows, stage_dicts, staged_columns

DUCKDB_TYPES = {
    "text": "VARCHAR",
    "int": "BIGINT",
    "date": "DATE",
    "datetime": "TIMESTAMP",
    "bool": "BOOLEAN",
    "identity": "VARCHAR",
    "period": "INTEGER",
}


@dataclass(frozen=True)
class Column:
    """One column of an export. `kind` "identity" is pseudonymised; `drop` columns (names) are
    read for nothing and never stored; a `planned` date may lie ahead (see clock.DateLimits);
    an identity's `prefix` names the vendor whose user id it is (see pseudonym.py)."""

    name: str
    header: str
    kind: str = "text"
    required: bool = True
    nullable: bool = False
    drop: bool = False
    allowed: tuple[str, ...] = ()
    planned: bool = False
    prefix: str = ""


@dataclass(frozen=True)
class Layout:
    """A raw table and the export columns it is read from: the raw contract, which ingestion
    applies, dbt's `_sources.yml` is written from (raw_contract.py) and the GX suite is tested
    against. `key` names the columns that identify a row within one file (empty: the whole
    row); a repeated key is a duplicate."""

    table: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    description: str = ""  # what the raw table holds (dbt's _sources.yml, the GX suite)

    @property
    def stored(self) -> list[Column]:
        return [c for c in self.columns if not c.drop]

    def ddl_columns(self) -> list[tuple[str, str]]:
        return [(c.name, DUCKDB_TYPES[c.kind]) for c in self.stored]


@cache
def known_headers() -> frozenset[str]:
    """Every column header a source expects, in lower case: never mistaken for a name."""
    from .registry import SOURCES  # the registry imports every layout

    return frozenset(c.header.lower() for s in SOURCES for lay in s.layouts for c in lay.columns)


@dataclass
class Problem:
    """A quarantined file or row: where it is and what is wrong, in words for a data engineer.
    The message quotes values from the file, so e-mail addresses and names in it are masked
    here, the one place every quarantine message passes: it reaches raw.quarantine,
    quarantine.csv and the console, beyond the raw tables' pseudonyms."""

    row: int | None
    column: str | None
    message: str
    member: str | None = None

    def __post_init__(self) -> None:
        self.message = mask_personal(self.message, known_headers())


STAGE_FROM_ROWS = 20_000  # about 12 MB as dicts, passed between processes as a pickle


@dataclass
class ParsedTable:
    """A file's rows for one raw table, as Python dicts or staged as Parquet (staged.py), with
    what was set aside and why. Sources change rows through the methods below, which work on
    either."""

    rows: list[dict] | StagedRows = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows_read: int = 0
    rows_quarantined: int = 0
    # what a data engineer must know about a file that was read fine (concealed names, ...)
    notes: list[str] = field(default_factory=list)
    # physical lines of a delimited file, counted apart from the CSV parser (reading.py)
    lines_read: int | None = None
    lines_in_records: int | None = None

    def row_dicts(self) -> list[dict]:
        """The rows kept, as dicts in file order (a staged table is read back)."""
        return self.rows.dicts() if isinstance(self.rows, StagedRows) else self.rows

    def distinct(self, columns: list[str]) -> set[tuple]:
        """The distinct combinations of `columns` without a null among the rows."""
        if isinstance(self.rows, StagedRows):
            return self.rows.distinct(columns)
        keys = {tuple(row.get(column) for column in columns) for row in self.rows}
        return {key for key in keys if None not in key}

    def map_column(self, column: str, change: Callable[[object], object]) -> None:
        """Pass every non-null value of `column` through `change` (scrubbing a text), each
        distinct value once: a group's name comes with each of its messages."""
        if isinstance(self.rows, StagedRows):
            self.rows.map_column(column, change)
            return
        once = cache(change)
        for row in self.rows:
            if row.get(column) is not None:
                row[column] = once(row[column])

    def set_aside_nulls(self, column: str) -> int:
        """Remove the rows without a value in `column` (their problem the caller's to say);
        how many."""
        if isinstance(self.rows, StagedRows):
            return self.rows.set_aside(self.rows.ordinals_where_null(column))
        kept = [row for row in self.rows if row.get(column) is not None]
        removed, self.rows = len(self.rows) - len(kept), kept
        return removed

    def fill_nulls(self, column: str, value) -> None:
        if isinstance(self.rows, StagedRows):
            self.rows.fill_nulls(column, value)
            return
        for row in self.rows:
            if row.get(column) is None:
                row[column] = value

    def null_unless(self, column: str, flag: str) -> None:
        """Empty `column` where `flag` is not true: a value kept only with the person's consent
        is never stored without it."""
        if isinstance(self.rows, StagedRows):
            self.rows.null_unless(column, flag)
            return
        for row in self.rows:
            if row.get(flag) is not True:
                row[column] = None

    def stage(self, layout: Layout) -> None:
        """Many rows built in Python go to Parquet like those DuckDB typed (staged.py); a few
        stay dicts, cheaper than the round trip's ~10 ms a table (101 small demo files)."""
        if not isinstance(self.rows, StagedRows) and len(self.rows) >= STAGE_FROM_ROWS:
            self.rows = stage_dicts(self.rows, staged_columns(layout.ddl_columns()))

    def clear_rows(self) -> None:
        self.release()
        self.rows = []

    def release(self) -> None:
        """Remove the staged file, once its rows are stored or set aside."""
        if isinstance(self.rows, StagedRows):
            self.rows.release()

    def account_lines(self, rows: object) -> ParsedTable:
        """Take the line counts of fully read DelimitedRows (workbooks have none)."""
        if isinstance(rows, DelimitedRows):
            self.lines_read, self.lines_in_records = rows.lines_read, rows.lines_in_records
        return self


LARGEST_COUNT = 2**63 - 1  # what a raw table's BIGINT holds


def parse_int(text: str) -> int:
    if text.isascii() and text.isdigit():  # nearly every count: no pattern needed
        return _storable(int(text), text)
    cleaned = text.replace(" ", "")
    if re.fullmatch(r"\d+([.,]0+)?", cleaned):
        return _storable(int(re.split(r"[.,]", cleaned)[0]), text)
    if re.fullmatch(r"-\d+([.,]\d+)?", cleaned):
        raise CellError(f"'{text}' is negative; a count cannot be")
    raise CellError(f"'{text}' is not a whole number")


# the words a yes/no column may hold, in any case (the DuckDB reader types them in SQL too)
TRUE_WORDS = ("true", "1", "yes", "ja", "waar")
FALSE_WORDS = ("false", "0", "no", "nee", "onwaar")


def _storable(count: int, text: str) -> int:
    if count > LARGEST_COUNT:
        raise CellError(f"'{text}' is too large for a count")
    return count


def parse_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in TRUE_WORDS:
        return True
    if lowered in FALSE_WORDS:
        return False
    raise CellError(f"'{text}' is not true or false")


def parse_period(text: str) -> int:
    """Microsoft writes the report period as `30` or `D30`."""
    cleaned = text.strip().upper().removeprefix("D")
    if not cleaned.isdigit() or int(cleaned) == 0:
        raise CellError(f"'{text}' is not a report period in days (such as 30 or D30)")
    return int(cleaned)


_PARSERS: dict[str, Callable[[str], object]] = {
    "text": str,
    "int": parse_int,
    "date": parse_date,
    "datetime": parse_datetime,
    "bool": parse_bool,
    "period": parse_period,
}


def match_header(layout: Layout, header: list[str]) -> tuple[dict[str, int], list[Problem]]:
    """Column positions by case-insensitive header name; missing required columns are one
    problem for the whole file."""
    positions = {h.strip().lower(): i for i, h in enumerate(header)}
    found: dict[str, int] = {}
    missing: list[str] = []
    for column in layout.columns:
        index = positions.get(column.header.lower())
        if index is not None:
            found[column.name] = index
        elif column.required:
            missing.append(column.header)
    if not missing:
        return found, []
    names = ", ".join(f"'{m}'" for m in missing)
    what = f"required column {names} is" if len(missing) == 1 else f"required columns {names} are"
    message = f"{what} missing; the header has: " + ", ".join(h[:40] for h in header[:40])
    return found, [Problem(None, ", ".join(missing), message)]


def _shown(raw: str) -> str:
    """A cell value as quoted in a quarantine message: short, on one line."""
    flat = " ".join(raw.split())
    return flat if len(flat) <= 60 else flat[:57] + "..."


def width_problem(fields: list[str], width: int) -> str | None:
    if len(fields) < width:
        return (
            f"the record has {len(fields)} of {width} columns: a broken line, or the file "
            "was cut off"
        )
    if len(fields) > width:
        return (
            f"the record has {len(fields)} columns where the header has {width}: a delimiter "
            "inside an unquoted value?"
        )
    return None


def _parse_cell(
    column: Column,
    raw: str,
    pseudonymise: Pseudonymiser,
    limits: DateLimits,
    order: DateOrder | None,
):
    if column.kind == "identity":
        return pseudonymise(column.prefix + raw)
    if column.allowed and raw.lower() not in column.allowed:
        raise CellError(f"'{_shown(raw)}' is not one of: {', '.join(column.allowed)}")
    try:
        value = (
            _PARSERS[column.kind](raw)
            if column.kind not in ("date", "datetime")
            else _PARSERS[column.kind](raw, order)
        )
    except CellError as exc:
        raise CellError(str(exc).replace(f"'{raw}'", f"'{_shown(raw)}'")) from None
    except ValueError:
        raise CellError(f"'{_shown(raw)}' is not valid") from None
    if column.kind in ("date", "datetime"):
        future = limits.problem(value, column.planned)
        if future:
            raise CellError(future)
    return value.lower() if column.allowed else value


def file_date_order(
    layout: Layout,
    positions: dict[str, int],
    rows: list[tuple[int, list[str] | RowError]],
    configured: DateOrder | None,
    setting: str,
) -> DateOrder | None:
    """The day/month order of a file's slashed dates: what its values prove, else the
    configured one; neither raises AmbiguousDates naming the setting that decides it."""
    indexes = [
        positions[c.name]
        for c in layout.columns
        if c.kind in ("date", "datetime") and c.name in positions
    ]
    values = (
        fields[i]
        for _, fields in rows
        if isinstance(fields, list)
        for i in indexes
        if i < len(fields)
    )
    proven, slashed = decide_order(values)
    if proven or not slashed:
        return proven
    if configured:
        return configured
    raise AmbiguousDates(
        "every date in the file, such as 3/4/2026, can be read as day/month or as month/day: "
        f"{setting}"
    )


def parse_rows(
    layout: Layout,
    header: list[str],
    rows: Iterable[tuple[int, list[str] | RowError]],
    pseudonymise: Pseudonymiser,
    member: str | None = None,
    date_order: DateOrder | None = None,
    date_order_setting: str = "write the dates as YYYY-MM-DD",
) -> ParsedTable:
    """Typed, pseudonymised rows. A record that cannot be read, has the wrong number of
    columns, has a bad cell (a date after today among them) or repeats an earlier row's key
    goes to quarantine whole. Slashed dates are read in the order the file proves, else in
    `date_order`; a file that proves neither raises AmbiguousDates (`date_order_setting`
    tells the user how to decide it)."""
    positions, problems = match_header(layout, header)
    if not problems:
        rows = list(rows)
        try:
            order = file_date_order(layout, positions, rows, date_order, date_order_setting)
        except CellError as exc:  # dates of both orders: not one export's
            problems = [Problem(None, None, str(exc))]
    if problems:
        return unreadable_layout(problems, sum(1 for _ in rows), member)
    reader = RecordParser(layout, positions, len(header), pseudonymise, order, member)
    return collect_records(layout, (reader.parse(number, fields) for number, fields in rows))


def unreadable_layout(problems: list[Problem], records: int, member: str | None) -> ParsedTable:
    """A file whose header or dates make every record unreadable: all of them quarantined."""
    for problem in problems:
        problem.member = member
    return ParsedTable(problems=problems, rows_read=records, rows_quarantined=records)


# a record read: (row number, its typed values or None, what is wrong with it)
ParsedRecord = tuple[int, dict | None, list[Problem]]


@dataclass
class RecordParser:
    """Types and pseudonymises one record's fields, or says what is wrong with them."""

    layout: Layout
    positions: dict[str, int]
    width: int
    pseudonymise: Pseudonymiser
    order: DateOrder | None
    member: str | None
    limits: DateLimits = field(default_factory=date_limits)

    def parse(self, number: int, fields: list[str] | RowError) -> ParsedRecord:
        member = self.member
        record: dict = {"source_member": member, "source_row": number}
        broken = str(fields) if isinstance(fields, RowError) else width_problem(fields, self.width)
        if broken:
            return number, None, [Problem(number, None, broken, member)]
        problems: list[Problem] = []
        for column in self.layout.columns:
            index = self.positions.get(column.name)
            raw = fields[index].strip() if index is not None else ""
            if column.drop:
                continue
            if raw == "":
                if not column.nullable and index is not None:
                    problems.append(Problem(number, column.header, "value is empty", member))
                record[column.name] = None
                continue
            try:
                record[column.name] = _parse_cell(
                    column, raw, self.pseudonymise, self.limits, self.order
                )
            except CellError as exc:
                problems.append(Problem(number, column.header, str(exc), member))
        return number, (None if problems else record), problems


def key_columns(layout: Layout) -> tuple[str, ...]:
    """The columns whose repetition within a file makes a row a duplicate."""
    return layout.key or tuple(c.name for c in layout.stored)


def duplicate_message(layout: Layout, first: int) -> str:
    named = ", ".join(c.header for c in layout.columns if c.name in layout.key)
    return f"duplicate of row {first} ({f'same {named}' if layout.key else 'identical values'})"


def collect_records(layout: Layout, records: Iterable[ParsedRecord]) -> ParsedTable:
    """The records in file order, each kept or quarantined; a record repeating the key of an
    earlier kept one is a duplicate."""
    result = ParsedTable()
    keys = key_columns(layout)
    seen: dict[tuple, int] = {}
    for number, record, problems in records:
        result.rows_read += 1
        if record is not None:
            key = tuple(record.get(name) for name in keys)
            if key in seen:
                message = duplicate_message(layout, seen[key])
                problems = [Problem(number, None, message, record["source_member"])]
            else:
                seen[key] = number
        if problems:
            result.problems.extend(problems)
            result.rows_quarantined += 1
        else:
            result.rows.append(record)
    return result
