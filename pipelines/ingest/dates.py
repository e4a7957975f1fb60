"""Dates and times as exports write them: ISO, Dutch `31-01-2026`, and the slashed forms of
survey tools, whose day/month order depends on the locale of whoever downloaded the file.

A slashed date is never guessed: the order is decided per file from its values (a first part
above 12 is a day, a second part above 12 is a day), else taken from the configuration, else
the file waits with a message asking for it (`AmbiguousDates`). Two-digit years are 20yy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Literal

DateOrder = Literal["dmy", "mdy"]

_DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%Y/%m/%d")
_DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
)
SLASHED = re.compile(
    r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?"
)


_ISO_DIGITS = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class CellError(ValueError):
    """A value that cannot be read; the message says why, for the quarantine."""


class AmbiguousDates(ValueError):
    """A file whose slashed dates can all be read either way (every day 12 or less)."""


def _slashed_parts(text: str) -> tuple[int, int] | None:
    match = SLASHED.fullmatch(text.strip())
    return (int(match[1]), int(match[2])) if match else None


def decide_order(values: Iterable[str]) -> tuple[DateOrder | None, bool]:
    """The day/month order the values themselves prove, and whether any value was slashed.
    A file that proves both orders is not one export's dates."""
    order, slashed = None, False
    for value in values:
        parts = _slashed_parts(value)
        if parts is None:
            continue
        slashed = True
        first, second = parts
        found = "dmy" if first > 12 else "mdy" if second > 12 else None
        if found and order and found != order:
            raise CellError(f"'{value}' contradicts the day/month order of the file's other dates")
        order = found or order
    return order, slashed


def _from_slashes(match: re.Match, order: DateOrder | None, text: str) -> datetime:
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    if order is None:
        if first <= 12 and second <= 12:
            raise CellError(f"'{text}' can be day/month or month/day")
        order = "dmy" if first > 12 else "mdy"
    day, month = (first, second) if order == "dmy" else (second, first)
    year += 2000 if year < 100 else 0
    hour, minute, second_ = int(match[4] or 0), int(match[5] or 0), int(match[6] or 0)
    if match[7]:
        hour = hour % 12 + (12 if match[7].lower() == "p" else 0)
    try:
        return datetime(year, month, day, hour, minute, second_)
    except ValueError:
        raise CellError(f"'{text}' is not a date or time this tool understands") from None


def parse_datetime(text: str, order: DateOrder | None = None) -> datetime:
    """Timestamps are stored as naive UTC."""
    if sum(c.isdigit() for c in text) < 4:
        raise _not_a_date(text)
    cleaned = text.strip().replace(" UTC", "").replace("Z", "+00:00")
    match = SLASHED.fullmatch(cleaned)
    if match:
        return _from_slashes(match, order, text)
    try:
        parsed = datetime.fromisoformat(cleaned)
    except ValueError:
        parsed = None
        for fmt in _DATETIME_FORMATS + _DATE_FORMATS:
            try:
                parsed = datetime.strptime(cleaned, fmt)
                break
            except ValueError:
                continue
        if parsed is None:
            raise _not_a_date(text) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _not_a_date(text: str) -> CellError:
    return CellError(f"'{text}' is not a date or time this tool understands")


def parse_date(text: str, order: DateOrder | None = None) -> date:
    if len(text) == 10 and text[4] == text[7] == "-" and _ISO_DIGITS.fullmatch(text):
        try:  # YYYY-MM-DD, as most exports write it
            return date(int(text[:4]), int(text[5:7]), int(text[8:]))
        except ValueError:
            pass  # the formats below say what is wrong with it
    if sum(c.isdigit() for c in text) < 4:  # no format can read it: fail before trying each
        raise _not_a_date(text)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return parse_datetime(text, order).date()
