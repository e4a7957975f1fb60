"""Turn the bytes of a delimited export into header + rows, whatever encoding and delimiter the
tool or Dutch Excel chose; and a survey tool's .xlsx download into the same shape."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime

MAX_FIELD_BYTES = 1024 * 1024
csv.field_size_limit(MAX_FIELD_BYTES)


class UnreadableFile(ValueError):
    """The file cannot be read as a delimited text file at all."""


class RowError(str):
    """Stands in for the fields of a record the CSV reader could not read (the reason)."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise UnreadableFile("binary content (NUL bytes) where a text export was expected")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(first_line: str) -> str:
    """Dutch Excel writes `;`, everyone else `,`: pick whichever splits the header more."""
    counts = {d: len(next(csv.reader([first_line], delimiter=d))) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


MAX_RECORD_LINES = 500
# a physical line with its own break (a quoted value spanning lines keeps its breaks)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


class DelimitedRows:
    """The records after the header: (row number, fields or RowError). Row numbers count
    records as a spreadsheet shows them (the header is row 1).

    A quoted value may hold line breaks, but a quote that never closes must not swallow the
    rest of the file: a record that spans several physical lines is accepted only when it
    looks like an honest multi-line value (see `_swallowed`); otherwise its first line alone
    is a broken record and reading goes on at the next line.
    `lines_read` counts the non-blank physical lines after the header with a plain line split,
    independently of the CSV parser; `lines_in_records` adds up the lines of every record
    yielded. Once all rows are read, both must agree (the nothing-lost check compares them)."""

    def __init__(self, lines: list[str], start: int, delimiter: str, width: int):
        self._lines, self._start = lines, start
        self._delimiter, self._width = delimiter, width
        self.lines_read = sum(1 for line in lines[start:] if line.strip())
        self.lines_in_records = 0

    def _fields(self, line: str, quoting: int = csv.QUOTE_MINIMAL) -> int:
        try:
            return len(next(csv.reader([line], delimiter=self._delimiter, quoting=quoting)))
        except (csv.Error, StopIteration):
            return 0

    def _swallowed(self, fields: list[str], first: int, end: int) -> bool:
        """A record over lines first..end-1 that is no honest multi-line value: it has the
        wrong width; or its first line, with the quote read as a plain character, is a whole
        record (unless the line break sits in the last column, where both read alike); or a
        line inside it is a whole record with balanced quotes (a swallowed one)."""
        if len(fields) != self._width:
            return True
        broken_at = next((i for i, f in enumerate(fields) if "\n" in f or "\r" in f), 0)
        literal = self._fields(self._lines[first], csv.QUOTE_NONE) == self._width
        if literal and broken_at < self._width - 1:
            return True
        return any(
            line.count('"') % 2 == 0 and self._fields(line) == self._width
            for line in self._lines[first + 1 : end - 1]
        )

    def __iter__(self) -> Iterator[tuple[int, list[str] | RowError]]:
        """One csv reader runs while records are honest; after a broken one it restarts at
        the line after that record's first line."""
        state = {"next": self._start, "first": self._start, "capped": False}

        def feed(position: int):
            for index in range(position, len(self._lines)):
                if index - state["first"] >= MAX_RECORD_LINES:
                    state["capped"] = True
                    return
                state["next"] = index + 1
                yield self._lines[index]

        number = 1
        reader = csv.reader(feed(self._start), delimiter=self._delimiter)
        while state["next"] < len(self._lines):
            first = state["first"] = state["next"]
            broken: RowError | None = None
            try:
                fields = next(reader)
                if state["capped"]:  # a record longer than MAX_RECORD_LINES lines
                    broken = RowError(_UNCLOSED)
            except StopIteration:
                fields, broken = [], RowError(_UNCLOSED)
            except csv.Error as exc:
                reason = str(exc).replace(f"({MAX_FIELD_BYTES})", f"of {MAX_FIELD_BYTES} bytes")
                fields, broken = [], RowError(f"the record cannot be read: {reason}")
            spans = state["next"] - first
            if broken is None and spans > 1 and self._swallowed(fields, first, state["next"]):
                broken = RowError(_UNCLOSED)
            if broken is not None and spans != 1:
                state["next"], state["capped"] = first + 1, False
                reader = csv.reader(feed(first + 1), delimiter=self._delimiter)
            number += 1
            self.lines_in_records += sum(
                1 for line in self._lines[first : state["next"]] if line.strip()
            )
            if broken is not None:
                yield number, broken
            elif any(f.strip() for f in fields):
                yield number, fields


_UNCLOSED = (
    "a quote opens a value that does not close on this line (the line is quarantined alone "
    "and the next line is read as the next record)"
)


def read_delimited(data: bytes) -> tuple[list[str], DelimitedRows]:
    """Header and records of a delimited export (see DelimitedRows)."""
    header, lines, start, delimiter = header_and_lines(decode(data))
    return header, DelimitedRows(lines, start, delimiter, len(header))


def header_and_lines(text: str) -> tuple[list[str], list[str], int, str]:
    """The header, the physical lines, the index of the first line after the header, and the
    delimiter of a decoded export."""
    if not text.strip():
        raise UnreadableFile("the file is empty")
    lines = _LINE.findall(text)
    delimiter = sniff_delimiter(lines[0])
    feed = [0]

    def header_lines():
        for index, line in enumerate(lines):
            feed[0] = index + 1
            yield line

    try:
        header = [h.strip() for h in next(csv.reader(header_lines(), delimiter=delimiter))]
    except (csv.Error, StopIteration) as exc:
        raise UnreadableFile(f"the header cannot be read: {exc}") from None
    return header, lines, feed[0], delimiter


def _cell_text(value) -> str:
    """A spreadsheet cell as the CSV download would write it: ISO dates and times, whole
    numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_workbook(data: bytes) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The first sheet of an .xlsx file (the Microsoft Forms download) as header and rows,
    numbered as the spreadsheet numbers them."""
    from openpyxl import load_workbook  # only surveys come as workbooks

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is no workbook
        raise UnreadableFile(f"not a readable .xlsx workbook: {exc}") from None
    sheet = book.worksheets[0]
    lines = sheet.iter_rows(values_only=True)
    first = next(lines, None)
    if first is None:
        raise UnreadableFile("the workbook's first sheet is empty")
    header = [_cell_text(h).strip() for h in first]

    def rows() -> Iterator[tuple[int, list[str]]]:
        for number, values in enumerate(lines, start=2):
            fields = [_cell_text(v) for v in values]
            if any(f.strip() for f in fields):
                yield number, fields
        book.close()

    return header, rows()


def is_workbook(name: str, data: bytes) -> bool:
    return name.lower().endswith((".xlsx", ".xlsm")) and data[:4] == b"PK\x03\x04"
