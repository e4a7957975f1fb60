"""HR roster snapshots: who is employed when, and in which segment."""

from __future__ import annotations

import re
from datetime import date

from .inbox import InboxItem
from .layout import Column, Layout, ParsedTable
from .pseudonym import Pseudonymiser
from .source import Source, csv_parser

LAYOUT = Layout(
    "roster",
    (
        Column("employee_key", "employee_id", "identity"),
        Column("person_key", "email", "identity"),
        Column("department", "department"),
        Column("location", "location"),
        Column("role_type", "role_type"),
        Column("birth_year", "birth_year", "int", nullable=True),
        Column("start_date", "start_date", "date"),
        Column("end_date", "end_date", "date", nullable=True),
        Column("snapshot_date", "snapshot_date", "date", required=False, nullable=True),
    ),
    key=("person_key",),
)


def snapshot_date(item: InboxItem) -> date:
    """A snapshot is dated by the date in its file name (roster_2026-10-31.csv), else by the
    file's modification date; the latest snapshot wins per employee."""
    match = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", item.name)
    if match:
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    return date.fromtimestamp(item.path.stat().st_mtime)


def _parse_with_snapshot(item: InboxItem, pseudonymise: Pseudonymiser) -> dict[str, ParsedTable]:
    """A `snapshot_date` column in the file wins over the date taken from its name."""
    tables = csv_parser(LAYOUT)(item, pseudonymise)
    fallback = snapshot_date(item)
    for row in tables[LAYOUT.table].rows:
        row["snapshot_date"] = row.get("snapshot_date") or fallback
    return tables


SOURCE = Source(
    "roster",
    "HR roster snapshots (CSV): employment dates and segments per employee.",
    (LAYOUT,),
    _parse_with_snapshot,
)
