"""Turn the bytes of a delimited export into header + rows, whatever encoding and delimiter the
tool or Dutch Excel chose; and a survey tool's .xlsx download into the same shape."""

from __future__ import annotations

import csv
import io
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


def read_delimited(data: bytes) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """Header and (row number, fields) pairs; row numbers count the header as row 1, as a
    spreadsheet shows them, so a quarantine message can be found in Excel."""
    text = decode(data)
    if not text.strip():
        raise UnreadableFile("the file is empty")
    first_line = text.splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        raise UnreadableFile(f"the header cannot be read: {exc}") from None

    def rows() -> Iterator[tuple[int, list[str] | RowError]]:
        number = 1
        while True:
            number += 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                reason = str(exc).replace(f"({MAX_FIELD_BYTES})", f"of {MAX_FIELD_BYTES} bytes")
                yield number, RowError(f"the record cannot be read: {reason}")
                continue
            if not any(f.strip() for f in fields):
                continue
            yield number, fields

    return header, rows()


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
