"""The demo on the real calendar: on every day of this year its history ends with the last
complete month, and no file it writes holds a date after the day it is generated (the demo
broke on 1 December while every test pinned to October stayed green)."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pipelines import clock
from pipelines.demo import HISTORY_MONTHS, generate_demo
from pipelines.months import add_months, last_complete_month

ISO_DATE = re.compile(rb"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
FORMS_DATE = re.compile(rb"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")  # M/D/YYYY
SLACK_TS = ("ts", "thread_ts")


def _slack_dates(records) -> list[date]:
    found = []
    for record in records if isinstance(records, list) else []:
        for key in SLACK_TS:
            if key in record:
                found.append(datetime.fromtimestamp(float(record[key]), tz=UTC).date())
        if "edited" in record:
            found.append(datetime.fromtimestamp(float(record["edited"]["ts"]), tz=UTC).date())
    return found


def dates_in(name: str, data: bytes) -> list[date]:
    """Every date a file's name or bytes carry: ISO dates and times, Forms' M/D/YYYY times,
    Slack's epoch timestamps."""
    found = [date(*map(int, m.groups())) for m in ISO_DATE.finditer(name.encode() + b" " + data)]
    found += [date(int(y), int(m), int(d)) for m, d, y in FORMS_DATE.findall(data)]
    if name.endswith(".json"):
        found += _slack_dates(json.loads(data))
    return found


def latest_date(inbox: Path) -> tuple[date, str]:
    latest = (date.min, "")
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        members = {path.name: path.read_bytes()}
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                members = {f"{path.name}:{n}": archive.read(n) for n in archive.namelist()}
        for name, data in members.items():
            latest = max([latest, *((d, name) for d in dates_in(name, data))])
    return latest


def days_of_this_year() -> list[date]:
    first = date(clock.today().year, 1, 1)
    return [first + timedelta(days=i) for i in range((date(first.year + 1, 1, 1) - first).days)]


def test_the_date_scanner_finds_every_kind_of_date():
    slack = json.dumps([{"ts": "1770109200.000100", "edited": {"ts": "1770195600.0"}}])
    assert dates_in("general/2026-02-01.json", slack.encode()) == [
        date(2026, 2, 1),
        date(2026, 2, 3),
        date(2026, 2, 4),
    ]
    assert dates_in("x.csv", b"2026-12-13,12/3/2026 8:05:00,2026-11-30T09:00:00Z") == [
        date(2026, 12, 13),
        date(2026, 11, 30),
        date(2026, 12, 3),
    ]


@pytest.mark.parametrize("month_index", range(12))
def test_no_demo_file_holds_a_date_after_the_day_it_is_generated(month_index, tmp_path):
    """Every day d of this year whose last complete month is the month under test. The first
    of the month is the strictest; the generator's output depends on the month only."""
    days = [d for d in days_of_this_year() if last_complete_month(d).month == (month_index or 12)]
    data = generate_demo(tmp_path, today=days[0], employees=200)
    assert data.last_month == last_complete_month(days[0])
    assert data.first_month == add_months(data.last_month, -(HISTORY_MONTHS - 1))
    latest, where = latest_date(data.inbox)
    assert latest >= add_months(data.last_month, 1) - timedelta(days=3), "dates were found"
    for day in days:
        assert latest <= day, f"{where} holds {latest}, after {day} (demo generated that day)"


def test_the_demo_refuses_a_month_that_has_not_ended(tmp_path):
    with pytest.raises(ValueError, match="2026-12 has not ended on 2026-12-01"):
        generate_demo(tmp_path, last_month=date(2026, 12, 1), today=date(2026, 12, 1))
