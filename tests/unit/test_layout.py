"""The generic typed row parser: types, case-insensitive headers, quarantine messages."""

from datetime import date, datetime

from pipelines.ingest.layout import Column, Layout, parse_date, parse_datetime, parse_rows
from pipelines.ingest.pseudonym import Pseudonymiser

LAYOUT = Layout(
    "t",
    (
        Column("person_key", "Email", "identity"),
        Column("display_name", "Name", required=False, nullable=True, drop=True),
        Column("day", "Day", "date"),
        Column("n", "Count", "int"),
        Column("period", "Report Period", "period", required=False, nullable=True),
    ),
)
KEY = Pseudonymiser("k")


def parse(header, *rows):
    return parse_rows(LAYOUT, header, list(enumerate(rows, start=2)), KEY)


def test_headers_match_case_insensitively_and_names_are_dropped():
    table = parse(["NAME", "email", "day", "COUNT"], ["Anna", "A@x.nl", "2026-02-01", "3"])
    assert table.rows == [
        {
            "source_member": None,
            "source_row": 2,
            "person_key": KEY("a@x.nl"),
            "day": date(2026, 2, 1),
            "n": 3,
            "period": None,
        }
    ]


def test_bad_cells_quarantine_the_row_with_row_column_and_reason():
    table = parse(
        ["Email", "Day", "Count"],
        ["a@x.nl", "2026-02-30", "1"],
        ["b@x.nl", "2026-02-01", "-4"],
        ["c@x.nl", "2026-02-01", "twelve"],
        ["d@x.nl", "2026-02-01", "5"],
    )
    assert [r["n"] for r in table.rows] == [5]
    assert table.rows_read == 4 and table.rows_quarantined == 3
    assert [(p.row, p.column, p.message) for p in table.problems] == [
        (2, "Day", "'2026-02-30' is not a date or time this tool understands"),
        (3, "Count", "'-4' is negative; a count cannot be"),
        (4, "Count", "'twelve' is not a whole number"),
    ]


def test_a_missing_required_column_quarantines_the_whole_file():
    table = parse(["Email", "Day"], ["a@x.nl", "2026-02-01"])
    assert table.rows == [] and table.rows_quarantined == 1
    assert table.problems[0].row is None
    assert table.problems[0].message.startswith("required column 'Count' is missing")


def test_dates_in_the_formats_tools_write():
    assert parse_date("2026-02-03") == date(2026, 2, 3)
    assert parse_date("3-2-2026") == date(2026, 2, 3)  # Dutch
    assert parse_date("2/3/2026", "mdy") == date(2026, 2, 3)  # Microsoft Forms, US order
    assert parse_datetime("2/10/2026 9:05:00", "mdy") == datetime(2026, 2, 10, 9, 5)
    assert parse_datetime("2026-02-03T09:00:00Z") == datetime(2026, 2, 3, 9, 0)
    assert parse_datetime("2026-02-03T10:00:00+01:00") == datetime(2026, 2, 3, 9, 0)


def test_report_period_is_read_as_days():
    table = parse(["Email", "Day", "Count", "Report Period"], ["a@x.nl", "2026-02-01", "1", "D30"])
    assert table.rows[0]["period"] == 30


PLANNED = Layout(
    "planned",
    (
        Column("start_date", "start", "date", planned=True),
        Column("moment", "at", "datetime"),
        Column("day", "day", "date"),
    ),
)


def test_a_date_after_today_quarantines_its_row_and_planned_dates_may_lie_ahead(monkeypatch):
    monkeypatch.setenv("SNM_TODAY", "2026-12-01")
    table = parse_rows(
        PLANNED,
        ["start", "at", "day"],
        list(
            enumerate(
                [
                    ["2027-03-01", "2026-12-01 23:59:59", "2026-12-01"],  # a planned start
                    ["2026-01-01", "2026-12-02 22:00:00", "2026-11-30"],  # UTC, a day's grace
                    ["2026-01-01", "2026-11-30 08:00:00", "2026-12-13"],
                    ["2026-01-01", "2026-12-03 00:00:00", "2026-11-30"],
                    ["2028-01-01", "2026-11-30 08:00:00", "2026-11-30"],
                ],
                start=2,
            )
        ),
        KEY,
    )
    assert [r["source_row"] for r in table.rows] == [2, 3]
    assert table.rows_read == 5 and table.rows_quarantined == 3
    assert [(p.row, p.column, p.message) for p in table.problems] == [
        (
            4,
            "day",
            "'2026-12-13' lies in the future (today is 2026-12-01): a typo, or entered "
            "ahead of time?",
        ),
        (
            5,
            "at",
            "'2026-12-03 00:00:00' UTC lies in the future (today is 2026-12-01): a wrong "
            "clock or time zone in the export?",
        ),
        (6, "start", "'2028-01-01' lies more than a year ahead (today is 2026-12-01): a typo?"),
    ]


def test_quarantine_messages_never_carry_an_e_mail_address():
    """A file without its header row, and an address where a date belongs (issue 13, item 5)."""
    headerless = parse(["E00001", "anna.jansen@example.org", "2026-02-01", "3"], ["x"] * 4)
    assert "anna.jansen@example.org" not in headerless.problems[0].message
    assert headerless.problems[0].message.endswith(
        "the header has: E00001, [e-mail], 2026-02-01, 3"
    )
    misplaced = parse(["Email", "Day", "Count"], ["a@x.nl", "bert.smit@example.org", "1"])
    assert [(p.row, p.column, p.message) for p in misplaced.problems] == [
        (2, "Day", "'[e-mail]' is not a date or time this tool understands")
    ]
