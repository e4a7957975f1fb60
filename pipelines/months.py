"""Month arithmetic for the demo and the reports."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def parse_month(text: str) -> date:
    """'2026-10' -> date(2026, 10, 1); a clear error for anything else."""
    try:
        year, month = (int(part) for part in text.split("-"))
        return date(year, month, 1)
    except (ValueError, TypeError):
        raise ValueError(f"'{text}' is not a month in the form YYYY-MM") from None


def month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def last_complete_month(today: date) -> date:
    return add_months(today.replace(day=1), -1)


def month_days(first: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((month_end(first) - first).days + 1)]
