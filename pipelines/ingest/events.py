"""The events calendar (issue 17): the days of living topics and events (a reorganisation, a
launch, a staff meeting) that the heartbeat's timeline draws beside the spikes of attention.
Optional; one or more CSVs `date,name` in inbox/events/."""

from __future__ import annotations

from .layout import Column, Layout
from .source import Source, csv_parser

LAYOUT = Layout(
    "events_calendar",
    (
        # a calendar names planned events too: a day ahead is no error
        Column("event_date", "date", "date", planned=True),
        Column("event_name", "name"),
    ),
    description="The events calendar: a day and the name of what happened or is planned.",
)

SOURCE = Source(
    "events",
    "Events calendar (CSV `date,name`): drawn on the heartbeat's timeline.",
    (LAYOUT,),
    csv_parser(LAYOUT),
)
