"""Any other tool's activity (intranet, app): one row per person, day, tool and action."""

from __future__ import annotations

from .layout import Column, Layout
from .source import Source, csv_parser

LAYOUT = Layout(
    "activity_events",
    (
        Column("activity_date", "date", "date"),
        Column("person_key", "email", "identity"),
        Column("tool", "tool"),
        Column("action", "action", allowed=("visit", "view", "react", "comment", "post")),
        Column("event_count", "count", "int"),
    ),
    description="Activity rows of other tools (intranet, app).",
)

SOURCE = Source(
    "activity",
    "Activity of other tools (CSV date,email,tool,action,count).",
    (LAYOUT,),
    csv_parser(LAYOUT),
)
