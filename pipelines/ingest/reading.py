"""Turn the bytes of a delimited export into header + rows, whatever encoding and delimiter the
tool or Dutch Excel chose."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

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
