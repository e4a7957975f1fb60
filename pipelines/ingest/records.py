"""A delimited export's header and records, read by DuckDB where it reads them exactly as the
Python reader does, else by that reader (`reading.DelimitedRows`).

Sources ask one thing of a file: its typed rows for a layout (`parse`), after registering the
columns they add from other columns (`derive`: the Viva Engage sender's identity) and the raw
values they watch (`watch`: names for the scrubber, Microsoft's concealed names). Both engines
give the same ParsedTable, problem for problem: DuckDB reads and types the clean records, the
few it cannot type exactly as Python would are handed to the Python record parser, and a file
DuckDB reads differently from the Python reader (a broken quote, a blank line, a swallowed
record) is read by Python whole (`tests/unit/test_records_engines.py` holds them equal).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .dates import DateOrder
from .layout import Layout, ParsedTable, parse_rows, width_problem
from .pseudonym import Pseudonymiser
from .reading import DelimitedRows, RowError, decode, header_and_lines

ENGINE_SETTING = "SNM_CSV_ENGINE"  # "auto" (default), "duckdb" or "python" for every file
# DuckDB's reader costs 0.1-0.3 s a file to start and wins only on large files (BENCHMARKS.md:
# a month's Viva Engage messages at 10,000 employees, 20 MB, parse 1.86 s vs 2.09 s; a 1.5 MB
# usage report 0.30 s vs 0.26 s); "auto" gives it the files of at least this size
DUCKDB_FROM_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Derived:
    """A column computed from the raw values of other columns (by header, '' when absent)."""

    name: str
    inputs: tuple[str, ...]
    compute: Callable[..., str]


@dataclass
class Records:
    """What both engines share: the header, the derived columns and the watched values."""

    header: list[str]
    derived: list[Derived] = field(default_factory=list)
    watched: dict[str, list[str]] = field(default_factory=dict)
    engine = "python"

    def derive(self, name: str, inputs: tuple[str, ...], compute: Callable[..., str]) -> None:
        self.derived.append(Derived(name, inputs, compute))

    def watch(self, header: str) -> list[str]:
        """The raw value of the column `header` in every record of the right width, filled
        by `parse` (empty when the file has no such column)."""
        return self.watched.setdefault(header.lower(), [])

    def _index(self, header: str) -> int | None:
        lower = [h.lower() for h in self.header]
        return lower.index(header.lower()) if header.lower() in lower else None

    def parse(
        self,
        layout: Layout,
        pseudonymise: Pseudonymiser,
        member: str | None = None,
        date_order: DateOrder | None = None,
        date_order_setting: str | None = None,
    ) -> ParsedTable:
        """The typed rows, as `layout.parse_rows` gives them (its wording for the date order
        when `date_order_setting` is None)."""
        raise NotImplementedError  # each engine parses in its own way


@dataclass
class PythonRecords(Records):
    """The Python reader: every record through `reading.DelimitedRows` and `parse_rows`."""

    rows: DelimitedRows | None = None

    def _records(self) -> Iterator[tuple[int, list[str] | RowError]]:
        width = len(self.header)
        watched = [(self._index(h), values) for h, values in self.watched.items()]
        inputs = [[self._index(h) for h in d.inputs] for d in self.derived]
        for number, fields in self.rows:
            if isinstance(fields, list):
                for at, values in watched:
                    if at is not None and at < len(fields):
                        values.append(fields[at])
            if self.derived:
                # the derived columns need a whole record: one of the wrong width is broken
                broken = None if isinstance(fields, RowError) else width_problem(fields, width)
                if isinstance(fields, RowError) or broken:
                    yield number, fields if isinstance(fields, RowError) else RowError(broken)
                    continue
                fields = [
                    *fields,
                    *(
                        d.compute(*(fields[i] if i is not None else "" for i in at))
                        for d, at in zip(self.derived, inputs, strict=True)
                    ),
                ]
            yield number, fields

    def parse(self, layout, pseudonymise, member=None, date_order=None, date_order_setting=None):
        header = [*self.header, *(d.name for d in self.derived)]
        extra = {} if date_order_setting is None else {"date_order_setting": date_order_setting}
        table = parse_rows(
            layout, header, self._records(), pseudonymise, member, date_order, **extra
        )
        return table.account_lines(self.rows)


def read_records(data: bytes) -> Records:
    """The file's records, by DuckDB when the file is large enough to gain from it (or
    SNM_CSV_ENGINE=duckdb) and DuckDB reads it as Python would (see the module)."""
    header, lines, start, delimiter = header_and_lines(decode(data))  # the text kept as lines
    engine = os.environ.get(ENGINE_SETTING, "auto")
    if engine == "duckdb" or (engine != "python" and len(data) >= DUCKDB_FROM_BYTES):
        from .duckdb_records import DuckDBRecords  # imports duckdb: only when reading a file

        fast = DuckDBRecords.load(header, lines, start, delimiter)
        if fast is not None:
            return fast
    return PythonRecords(header, rows=DelimitedRows(lines, start, delimiter, len(header)))
