"""Dates as survey tools write them: the day/month order is proven by a file's values or set
in the configuration, never guessed."""

from datetime import date, datetime

import pytest

from pipelines.ingest.dates import (
    AmbiguousDates,
    CellError,
    decide_order,
    parse_date,
    parse_datetime,
)
from pipelines.ingest.layout import Column, Layout, parse_rows
from pipelines.ingest.pseudonym import Pseudonymiser

KEY = Pseudonymiser("k")
LAYOUT = Layout("t", (Column("at", "Completion time", "datetime"),))


def rows(*values):
    return list(enumerate([[v] for v in values], start=2))


def test_forms_times_with_two_digit_years_and_either_order():
    assert parse_datetime("7/2/20 11:00:22", "mdy") == datetime(2020, 7, 2, 11, 0, 22)
    assert parse_datetime("7/2/20 11:00:22", "dmy") == datetime(2020, 2, 7, 11, 0, 22)
    assert parse_datetime("7/2/2020 1:05 PM", "mdy") == datetime(2020, 7, 2, 13, 5)
    assert parse_datetime("7/2/2020 12:05:09 AM", "mdy") == datetime(2020, 7, 2, 0, 5, 9)
    assert parse_date("31/12/25", None) == date(2025, 12, 31)  # a day above 12 decides
    with pytest.raises(CellError, match="'3/4/2026' can be day/month or month/day"):
        parse_date("3/4/2026")
    with pytest.raises(CellError, match="not a date or time"):
        parse_date("31/12/2025", "mdy")


def test_the_file_proves_its_order_or_contradicts_itself():
    assert decide_order(["3/4/2026 9:00:00", "13/4/2026 9:00:00"]) == ("dmy", True)
    assert decide_order(["3/4/2026", "4/13/2026"]) == ("mdy", True)
    assert decide_order(["3/4/2026", "4/5/2026"]) == (None, True)
    assert decide_order(["2026-04-03", ""]) == (None, False)
    with pytest.raises(CellError, match="'4/13/2026' contradicts"):
        decide_order(["13/4/2026", "4/13/2026"])


def test_a_file_reads_in_the_order_its_values_prove():
    table = parse_rows(LAYOUT, ["Completion time"], rows("3/4/26 9:00:00", "13/4/26 9:00:00"), KEY)
    assert [r["at"] for r in table.rows] == [datetime(2026, 4, 3, 9), datetime(2026, 4, 13, 9)]


def test_an_undecidable_file_takes_the_setting_or_asks_for_it():
    ambiguous = rows("3/4/26 9:00:00", "5/6/26 9:00:00")
    table = parse_rows(LAYOUT, ["Completion time"], ambiguous, KEY, date_order="mdy")
    assert [r["at"] for r in table.rows] == [datetime(2026, 3, 4, 9), datetime(2026, 5, 6, 9)]
    with pytest.raises(AmbiguousDates, match="set survey.date_order"):
        parse_rows(
            LAYOUT,
            ["Completion time"],
            ambiguous,
            KEY,
            date_order_setting="set survey.date_order (dmy or mdy) in monitor.yml",
        )


def test_the_data_wins_over_the_setting_and_a_contradiction_quarantines_the_file():
    table = parse_rows(LAYOUT, ["Completion time"], rows("13/4/26 9:00"), KEY, date_order="mdy")
    assert table.rows[0]["at"] == datetime(2026, 4, 13, 9)
    table = parse_rows(LAYOUT, ["Completion time"], rows("13/4/26", "4/13/26"), KEY)
    assert table.rows == [] and table.rows_quarantined == 2
    assert "contradicts the day/month order" in table.problems[0].message
