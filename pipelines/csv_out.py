"""Every CSV the project writes goes through here: values that a spreadsheet would run as a
formula (=, +, -, @, tab, carriage return at the start) are neutralised with a leading quote."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text that would start a formula gets a leading apostrophe; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(path: Path, header: list[str], rows: Iterable[Iterable]) -> Path:
    """UTF-8 with BOM (Excel opens it right), comma-separated, every cell neutralised."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([neutralise(h) for h in header])
        for row in rows:
            writer.writerow(["" if v is None else neutralise(v) for v in row])
    return path
