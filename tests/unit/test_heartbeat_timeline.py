"""The yearly heartbeat's events and numbers: events numbered in every panel and named once in
the caption, and the spikes and events as the chart's table, in the order of the days."""

from __future__ import annotations

import pandas as pd

from pipelines.report.heartbeat import event_names, numbered, timeline_table

CALENDAR = numbered(
    pd.DataFrame({"day": ["2026-03-02", "2026-06-05"], "event": ["Launch", "Reorganisation"]})
)


def test_each_event_is_named_once_by_its_number():
    assert event_names(CALENDAR, "en") == (
        "Events: 1 Launch (2026-03-02); 2 Reorganisation (2026-06-05)"
    )
    assert event_names(CALENDAR, "nl").startswith("Gebeurtenissen: 1 Launch (2026-03-02)")
    assert event_names(CALENDAR.iloc[0:0], "en") == ""  # no calendar: nothing to name


def test_the_spikes_and_events_are_the_charts_numbers_by_day():
    spikes = pd.DataFrame(
        {
            "day": [pd.Timestamp("2026-06-05"), pd.Timestamp("2026-01-13")],
            "panel": ["theme Reorganisatie", "issue storingen"],
            "messages": [15, 8],
        }
    )
    table = timeline_table(spikes, CALENDAR, "en")
    assert list(table.columns) == ["Day", "What", "Messages"]
    assert table.values.tolist() == [
        ["2026-01-13", "spike: issue storingen", "8"],
        ["2026-03-02", "event 1: Launch", ""],
        ["2026-06-05", "event 2: Reorganisation", ""],
        ["2026-06-05", "spike: theme Reorganisatie", "15"],
    ]
