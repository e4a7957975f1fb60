"""HR roster snapshots: who is employed when, and in which segment."""

from __future__ import annotations

import re
from datetime import date

from ..clock import date_limits
from .inbox import InboxItem
from .layout import Column, Layout, ParsedTable, Problem
from .pseudonym import SLACK_USER, VIVA_ENGAGE_USER, Pseudonymiser
from .source import ReadOptions, Source, csv_parser

LAYOUT = Layout(
    "roster",
    (
        Column("employee_key", "employee_id", "identity"),
        Column("person_key", "email", "identity"),
        Column("department", "department"),
        Column("location", "location"),
        Column("role_type", "role_type"),
        Column("birth_year", "birth_year", "int", nullable=True),
        Column("start_date", "start_date", "date", planned=True),
        Column("end_date", "end_date", "date", nullable=True, planned=True),
        Column("snapshot_date", "snapshot_date", "date", required=False, nullable=True),
        # how the tools know this person when their export carries no e-mail address
        Column("upn_key", "upn", "identity", required=False, nullable=True),
        Column(
            "slack_user_key",
            "slack_user_id",
            "identity",
            required=False,
            nullable=True,
            prefix=SLACK_USER,
        ),
        Column(
            "viva_engage_user_key",
            "viva_engage_user_id",
            "identity",
            required=False,
            nullable=True,
            prefix=VIVA_ENGAGE_USER,
        ),
        Column("ambassador_consent", "ambassador_consent", "bool", required=False, nullable=True),
        # the name reports may print for an ambassador: stored only when ambassador_consent is yes
        Column("display_name", "display_name", required=False, nullable=True),
    ),
    key=("person_key",),
    description="HR roster snapshots, one row per employee per snapshot; identities pseudonymised.",
)


def snapshot_date(item: InboxItem) -> date:
    """A snapshot is dated by the date in its file name (roster_2026-10-31.csv), else by the
    file's modification date. Each month reads the snapshot valid for it (int_headcount_members)."""
    match = re.search(r"(\d{4})-?(\d{2})-?(\d{2})", item.name)
    if match:
        try:
            return date(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    return date.fromtimestamp(item.path.stat().st_mtime)


def _parse_with_snapshot(
    item: InboxItem, pseudonymise: Pseudonymiser, options: ReadOptions
) -> dict[str, ParsedTable]:
    """A `snapshot_date` column in the file wins over the date taken from its name; a
    `display_name` is kept only for those who agreed to be named (ambassador_consent). A name
    that dates the snapshot after today sets aside the rows it would date: as the latest
    snapshot it would otherwise win over every real one."""
    tables = csv_parser(LAYOUT)(item, pseudonymise, options)
    table = tables[LAYOUT.table]
    table.null_unless("display_name", "ambassador_consent")
    fallback = snapshot_date(item)
    today = date_limits().today
    undated = table.set_aside_nulls("snapshot_date") if fallback > today else 0
    if undated:
        table.rows_quarantined += undated
        table.problems.append(
            Problem(
                None,
                "snapshot_date",
                f"the file name dates this snapshot {fallback}, after today ({today}): "
                "name the file after the day it was exported, or add a snapshot_date column",
            )
        )
    table.fill_nulls("snapshot_date", fallback)
    return tables


SOURCE = Source(
    "roster",
    "HR roster snapshots (CSV): employment dates and segments per employee.",
    (LAYOUT,),
    _parse_with_snapshot,
    edition_columns=(("snapshot_date", "snapshot date"),),  # a corrected snapshot replaces it
)
