"""The DuckDB engine of `records.py`: DuckDB's CSV reader reads the file, SQL trims and types
every cell it can type exactly as the Python record parser would, and Python takes the rest.

A file is read here only when DuckDB provably reads the same records as the Python reader:
DuckDB's strict reader rejects nothing (`store_rejects`), its records cover every physical
line (a blank line, which Python numbers and DuckDB skips, sends the file to Python), no
multi-line record is one the Python reader calls swallowed, no value is longer than Python's
field limit, and no date is slashed (the day/month order is Python's to decide). Within such
a file, a cell SQL cannot type with certainty (an unusual date form, a count with a
separator, an empty required value, a date after today) sends its record to the Python
record parser, which also words the problem: the quarantine reads the same either way.
"""

from __future__ import annotations

import bisect
import csv
import itertools
import os
import re
import shutil
import tempfile
from dataclasses import dataclass

import duckdb
import pandas as pd

from ..clock import date_limits
from .layout import (
    FALSE_WORDS,
    TRUE_WORDS,
    Column,
    Layout,
    ParsedTable,
    Problem,
    RecordParser,
    duplicate_message,
    key_columns,
    match_header,
    unreadable_layout,
)
from .reading import MAX_FIELD_BYTES, MAX_RECORD_LINES, DelimitedRows
from .records import PythonRecords, Records
from .staged import ORDINAL, sql_text, stage_query, staged_columns

# str.strip()'s whitespace (every character whose str.isspace() is true), for SQL; written out
# because finding them costs every process a fifth of a second (test_records_engines.py checks)
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SPACE = "[" + "".join(f"\\x{{{ord(c):x}}}" for c in SPACES) + "]"
_ASCII = r"[\x{00}-\x{7f}]*"
_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIME = r"([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
_TIMESTAMP = rf"{_DATE}([T ]{_TIME}(Z| UTC)?)?"  # what datetime.fromisoformat reads alike


def _trimmed(value: str) -> str:
    """`value` as str.strip() leaves it: most values start and end with a printable ASCII
    character and are kept as they are, without a pattern."""
    printable = f"ord({value}) between 33 and 126 and ord(right({value}, 1)) between 33 and 126"
    stripped = f"regexp_replace({value}, '^{_SPACE}+|{_SPACE}+$', '', 'g')"
    return f"case when {value} = '' or ({printable}) then {value} else {stripped} end"


def _in(expression: str, values) -> str:
    return f"{expression} in ({', '.join(sql_text(v) for v in values)})"


@dataclass
class _Cell:
    """The SQL of one column: its typed value, and whether SQL typed it as Python would."""

    value: str
    ok: str


def _typed(column: Column, raw: str, limits) -> _Cell:
    """`raw` is the trimmed text; '' is an empty value."""
    kind, empty = column.kind, f"{raw} = ''"
    on_empty = "true" if column.nullable else "false"
    if kind == "text" and not column.allowed:
        return _Cell(f"nullif({raw}, '')", "true" if column.nullable else f"not ({empty})")
    if kind == "text":
        ok = f"(regexp_full_match({raw}, '{_ASCII}') and {_in(f'lower({raw})', column.allowed)})"
        return _Cell(
            f"nullif(lower({raw}), '')", f"case when {empty} then {on_empty} else {ok} end"
        )
    if kind == "int":
        return _Cell(
            f"try_cast({raw} as bigint)",
            f"case when {empty} then {on_empty} else regexp_full_match({raw}, '[0-9]{{1,18}}') end",
        )
    if kind == "bool":
        ascii_ = f"regexp_full_match({raw}, '{_ASCII}')"
        ok = f"({ascii_} and {_in(f'lower({raw})', TRUE_WORDS + FALSE_WORDS)})"
        return _Cell(
            f"case when {empty} then null else {_in(f'lower({raw})', TRUE_WORDS)} end",
            f"case when {empty} then {on_empty} else {ok} end",
        )
    if kind == "period":
        pattern = "[Dd]?0*[1-9][0-9]{0,8}"
        return _Cell(
            f"try_cast(regexp_replace({raw}, '^[Dd]', '') as integer)",
            f"case when {empty} then {on_empty} else regexp_full_match({raw}, '{pattern}') end",
        )
    if kind in ("date", "datetime"):
        stamp = (
            f"case when regexp_full_match({raw}, '{_TIMESTAMP}') and left({raw}, 4) <> '0000'"
            f" then try_strptime(left({raw}, 19),"
            " ['%Y-%m-%dT%H:%M:%S', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d']) end"
        )
        if kind == "datetime":
            latest, value = limits.latest_timestamp_day, stamp
        else:
            latest = limits.latest_planned if column.planned else limits.today
            value = f"cast({stamp} as date)"
        ok = f"coalesce(cast({stamp} as date) <= date '{latest}', false)"
        return _Cell(value, f"case when {empty} then {on_empty} else {ok} end")
    raise ValueError(f"no SQL for a {kind} column")  # identity columns are joined, not typed


class DuckDBRecords(Records):
    """A file's records in an in-memory DuckDB table `rec` (`ordinal`, then c0..cN as text)."""

    engine = "duckdb"

    def __init__(self, header, lines, start, delimiter, con, records, lines_read):
        super().__init__(header)
        self._lines, self._start, self._delimiter = lines, start, delimiter
        self._con, self._records, self._lines_read = con, records, lines_read

    @classmethod
    def load(cls, header, lines, start, delimiter) -> DuckDBRecords | None:
        """The file read by DuckDB, or None when DuckDB would not read it as Python does."""
        end = len(lines)
        while end > start and lines[end - 1] in ("\n", "\r\n", "\r"):
            end -= 1  # trailing empty lines: no record in either reader
        body = "".join(lines[start:end])
        if not body or "\x00" in body or not header:
            return None
        con = _connect()
        try:
            records = _read_into(con, body, len(header), delimiter)
            del body  # in DuckDB now; a large export is hundreds of MB as text
            if records is None:
                return None
            count, physical, longest, widest = con.execute(
                "select count(*), coalesce(sum(1 + breaks), 0), coalesce(max(breaks), 0),"
                " coalesce(max(widest), 0) from rec_shape"
            ).fetchone()
            if physical != end - start or longest + 1 >= MAX_RECORD_LINES:
                return None  # a skipped blank line, or a record Python caps
            if widest >= MAX_FIELD_BYTES:
                return None  # the Python reader refuses such a value
            lines_read = sum(1 for line in lines[start:] if line.strip())
            fast = cls(header, lines, start, delimiter, con, count, lines_read)
            if fast._differs_from_python():
                return None
            con = None  # kept by the instance
            return fast
        finally:
            if con is not None:
                _close(con)

    def _differs_from_python(self) -> bool:
        """Whether a record DuckDB read may be one the Python reader reads otherwise: a
        multi-line record (Python may call it swallowed and read it line by line), or one on
        a line where a quote follows or precedes blanks around a delimiter (Python keeps
        such quotes as text). Each is read by Python's csv module and compared."""
        suspicious = self._suspicious_lines()
        shape = self._con.execute(
            "select ordinal, first_line, breaks from rec_shape order by ordinal"
        ).fetchall()
        firsts = [first for _, first, _ in shape]
        wanted = {ordinal for ordinal, _, breaks in shape if breaks > 0}
        wanted |= {shape[bisect.bisect_right(firsts, line) - 1][0] for line in suspicious}
        if not wanted:
            return False
        found = self._con.execute(
            "select ordinal, * exclude (ordinal, blank) from rec"
            " where list_contains(?, ordinal) order by ordinal",
            [sorted(wanted)],
        ).fetchall()
        width = len(self.header)
        python = DelimitedRows(self._lines, self._start, self._delimiter, width)
        for ordinal, *fields in found:
            _, first, breaks = shape[ordinal]
            begin, end = self._start + first, self._start + first + 1 + breaks
            cells = ["" if f is None else f for f in fields]
            try:
                read = next(csv.reader(self._lines[begin:end], delimiter=self._delimiter))
            except (csv.Error, StopIteration):
                return True
            if read != cells or (breaks and python._swallowed(cells, begin, end)):
                return True
        return False

    def _suspicious_lines(self) -> set[int]:
        """Lines (counted from the first after the header) with blanks between a delimiter
        or the line's edge and a quote."""
        d = re.escape(self._delimiter)
        pattern = re.compile(rf'(?:^|{d})[ \t]+"|"[ \t]+(?:{d}|$)', re.M)
        body = self._lines[self._start :]
        text = "".join(body)
        if not any(pair in text for pair in (' "', '\t"', '" ', '"\t')):
            return set()  # str's own search is far quicker than the pattern's
        offsets = list(itertools.accumulate(len(line) for line in body))
        return {bisect.bisect_right(offsets, m.start()) for m in pattern.finditer(text)}

    def _python(self) -> PythonRecords:
        rows = DelimitedRows(self._lines, self._start, self._delimiter, len(self.header))
        return PythonRecords(self.header, self.derived, self.watched, rows=rows)

    def parse(
        self,
        layout: Layout,
        pseudonymise,
        member: str | None = None,
        date_order=None,
        date_order_setting: str | None = None,
    ) -> ParsedTable:
        try:
            return self._parse(layout, pseudonymise, member, date_order, date_order_setting)
        finally:
            _close(self._con)

    def _parse(self, layout, pseudonymise, member, date_order, date_order_setting):
        width = len(self.header)
        derived = self.derived
        header = [*self.header, *(d.name for d in derived)]
        positions, problems = match_header(layout, header)
        dated = [
            positions[c.name]
            for c in layout.columns
            if c.kind in ("date", "datetime") and c.name in positions
        ]
        if not problems and dated and self._slashed(dated, derived):
            return self._python().parse(
                layout, pseudonymise, member, date_order, date_order_setting
            )
        self._lines = None  # from here on every record comes from DuckDB
        self._fill_watched()
        raw_sql = [f"c{i}" for i in range(width)]
        for number, d in enumerate(derived):
            raw_sql.append(self._derive_column(number, d))
        if problems:
            table = unreadable_layout(problems, self._records, member)
        else:
            table = self._typed_rows(layout, positions, raw_sql, pseudonymise, member)
        table.lines_read = table.lines_in_records = self._lines_read
        return table

    def _slashed(self, indexes, derived) -> bool:
        width = len(self.header)
        columns = [f"c{i}" for i in indexes if i < width]
        if len(columns) < len(indexes):  # a date among the derived columns: let Python decide
            return True
        test = " or ".join(f"contains(coalesce({c}, ''), '/')" for c in columns)
        return self._con.execute(f"select count(*) > 0 from rec where {test}").fetchone()[0]

    def _fill_watched(self) -> None:
        for name, values in self.watched.items():
            at = self._index(name)
            if at is None:
                continue
            values.extend(
                v
                for (v,) in self._con.execute(
                    f"select coalesce(c{at}, '') from rec where not blank order by ordinal"
                ).fetchall()
            )

    def _derive_column(self, number: int, derived) -> str:
        """The derived column as SQL: computed in Python once per distinct input."""
        indexes = [self._index(h) for h in derived.inputs]
        inputs = [f"coalesce(c{i}, '')" if i is not None else "''" for i in indexes]
        distinct = self._con.execute(
            f"select distinct {', '.join(inputs)} from rec where not blank"
        ).fetchall()
        frame = pd.DataFrame(
            [(*values, derived.compute(*values)) for values in distinct],
            columns=[*(f"i{k}" for k in range(len(inputs))), "value"],
            dtype=object,
        )
        table = f"derived_{number}"
        self._con.register(f"{table}_frame", frame)
        self._con.execute(f"create temp table {table} as select * from {table}_frame")
        self._con.unregister(f"{table}_frame")
        match = " and ".join(f"d.i{k} = {e}" for k, e in enumerate(inputs)) or "true"
        return f"(select d.value from {table} d where {match})"

    def _typed_rows(self, layout, positions, raw_sql, pseudonymise, member) -> ParsedTable:
        """The typed rows, staged as Parquet without passing through Python; a record SQL
        could not type goes through the Python record parser, which words its problems."""
        con, limits = self._con, date_limits()
        trimmed = {name: _trimmed(f"coalesce({raw_sql[i]}, '')") for name, i in positions.items()}
        con.execute(  # a view: its values are computed once, by the query that reads them
            "create temp view trimmed as select ordinal, "
            + ", ".join([f'{sql} as "{name}"' for name, sql in trimmed.items()] or ["1 as none"])
            + " from rec where not blank"
        )
        columns = staged_columns(layout.ddl_columns())
        types = dict(columns)
        values, oks, joins = [], [], []
        for column in layout.stored:
            if column.name not in positions:
                values.append(f'cast(null as {types[column.name]}) as "{column.name}"')
                continue
            raw = f't."{column.name}"'
            if column.kind == "identity":
                alias = f"p_{len(joins)}"
                self._pseudonyms(alias, column, pseudonymise)
                joins.append(f"left join {alias} on {alias}.raw = {raw}")
                values.append(f'{alias}.pseudonym as "{column.name}"')
                if not column.nullable:
                    oks.append(f"{raw} <> ''")
                continue
            cell = _typed(column, raw, limits)
            values.append(f'cast({cell.value} as {types[column.name]}) as "{column.name}"')
            oks.append(cell.ok)
        ok = " and ".join(oks) or "true"
        con.execute(
            f"create temp table typed as select t.ordinal as {ORDINAL}, t.ordinal + 2 as"
            f" source_row, {sql_text(member) if member else 'null'} as source_member,"
            f" coalesce({ok}, false) as ok, {', '.join(values) or 'null as none'}"
            " from trimmed t " + " ".join(joins)
        )
        table = ParsedTable(rows_read=self._records)
        parsed = self._parse_slowly(layout, positions, raw_sql, pseudonymise, member)
        good = [record | {ORDINAL: number - 2} for number, record, _ in parsed if record]
        if good:  # typed in Python: in place of their untyped rows
            frame = pd.DataFrame.from_records(good, columns=[ORDINAL, *(n for n, _ in columns)])
            con.register("typed_in_python", frame)
            con.execute(
                "insert into typed by name select *, true as ok from typed_in_python"
            ).fetchall()
            con.unregister("typed_in_python")
        keys = ", ".join(f'"{name}"' for name in key_columns(layout))
        duplicates = con.execute(
            f"select {ORDINAL}, first from (select {ORDINAL}, ok, min({ORDINAL}) over (partition"
            f" by {keys}) as first from typed where ok) where {ORDINAL} <> first order by 1"
        ).fetchall()
        told = [(n, problems) for n, _, problems in parsed if problems]
        told += [
            (o + 2, [Problem(o + 2, None, duplicate_message(layout, first + 2), member)])
            for o, first in duplicates
        ]
        for _, problems in sorted(told, key=lambda found: found[0]):
            table.problems.extend(problems)
        table.rows_quarantined = len(told)
        kept = "ok"
        if duplicates:
            con.register("duplicate_rows", pd.DataFrame({"o": [o for o, _ in duplicates]}))
            kept += f" and {ORDINAL} not in (select o from duplicate_rows)"
        table.rows = stage_query(con, f"select * from typed where {kept}", columns)
        return table

    def _parse_slowly(self, layout, positions, raw_sql, pseudonymise, member) -> list:
        """The records SQL could not type, parsed by the Python record parser."""
        bad = self._con.execute(f"select {ORDINAL} from typed where not ok order by 1").fetchall()
        slow = self._slow_fields(raw_sql, [ordinal for (ordinal,) in bad])
        parser = RecordParser(layout, positions, len(raw_sql), pseudonymise, None, member)
        return [parser.parse(ordinal + 2, slow[ordinal]) for (ordinal,) in bad]

    def _pseudonyms(self, alias: str, column: Column, pseudonymise) -> None:
        distinct = self._con.execute(
            f'select distinct "{column.name}" from trimmed where "{column.name}" <> \'\''
        ).fetchall()
        frame = pd.DataFrame(
            [(raw, pseudonymise(column.prefix + raw)) for (raw,) in distinct],
            columns=["raw", "pseudonym"],
            dtype=object,
        )
        self._con.register(f"{alias}_frame", frame)
        self._con.execute(f"create temp table {alias} as select * from {alias}_frame")
        self._con.unregister(f"{alias}_frame")

    def _slow_fields(self, raw_sql: list[str], ordinals: list[int]) -> dict[int, list[str]]:
        """The raw fields (derived ones appended) of the records SQL could not type."""
        if not ordinals:
            return {}
        cells = ", ".join(f"coalesce({sql}, '')" for sql in raw_sql)
        found = self._con.execute(
            f"select ordinal, {cells} from rec where list_contains(?, ordinal)", [ordinals]
        ).fetchall()
        return {ordinal: list(fields) for ordinal, *fields in found}


# A file's records are typed and sorted in a DuckDB of their own; unbounded, it took 3 GB more
# than this for a month of Viva Engage messages at 100,000 employees (1.57 million records),
# bounded it spills to a temporary folder and takes about a second more.
READER_MEMORY = "1GB"


def _connect() -> duckdb.DuckDBPyConnection:
    spill = tempfile.mkdtemp(prefix="snm-records-")
    return duckdb.connect(config={"memory_limit": READER_MEMORY, "temp_directory": spill})


def _close(con: duckdb.DuckDBPyConnection) -> None:
    spill = con.execute("select current_setting('temp_directory')").fetchone()[0]
    con.close()
    shutil.rmtree(spill, ignore_errors=True)


def _read_into(con, body: str, width: int, delimiter: str) -> int | None:
    """Read `body` (the lines after the header) with DuckDB's strict CSV reader into `rec`
    and its line shape into `rec_shape`; None when DuckDB rejects any record."""
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width))
    handle, path = tempfile.mkstemp(suffix=".csv", prefix="snm-records-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(body)
        delim = "\\t" if delimiter == "\t" else delimiter
        con.execute(
            "create table rec_read as select * from read_csv("
            f"{sql_text(path)}, columns = {{{columns}}}, header = false, auto_detect = false,"
            f" delim = e'{delim}', quote = '\"', escape = '\"', strict_mode = true,"
            f" store_rejects = true, max_line_size = {4 * MAX_FIELD_BYTES}, null_padding = false)"
        )
        if con.execute("select count(*) from reject_errors").fetchone()[0]:
            return None
    except (duckdb.Error, UnicodeEncodeError):
        return None
    finally:
        os.unlink(path)
    cells = [f"coalesce(c{i}, '')" for i in range(width)]
    whole = f"concat({', '.join(cells)})"
    # joined by a character that makes no line break with its neighbours
    joined = f"concat_ws(chr(1), {', '.join(cells)})"
    widest = f"greatest({', '.join(f'length({c})' for c in cells)})"
    con.execute(
        f"create table rec as select rowid as ordinal, regexp_full_match({whole}, '{_SPACE}*')"
        " as blank, * from rec_read"
    )
    con.execute("drop table rec_read")  # one copy of the records in memory, not two
    con.execute(
        f"create table rec_shape as select ordinal, case when regexp_matches({joined}, '[\\r\\n]')"
        f" then length(regexp_extract_all({joined}, '\\r\\n|\\r|\\n')) else 0 end as breaks,"
        f" {widest} as widest from rec"
    )
    con.execute(
        "create or replace table rec_shape as select *, cast(ordinal + coalesce(sum(breaks)"
        " over (order by ordinal rows between unbounded preceding and 1 preceding), 0)"
        " as bigint) as first_line from rec_shape"
    )
    return con.execute("select count(*) from rec where not blank").fetchone()[0]
