"""The monitor's one "today", and what it means for the dates in an export.

Nothing in an export can have happened after the day it is read: such a date is a typo or a
date entered ahead of time, a finding for its row, never a reason to stop the month. Planned
dates (an HR start or end date) may lie ahead, within a year. Timestamps are stored in UTC, so
they get a day's grace for the time zones ahead of the machine's.

SNM_TODAY=YYYY-MM-DD replays a day (month close, tests); otherwise it is the machine's date.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta

ENV_TODAY = "SNM_TODAY"
TIMESTAMP_GRACE = timedelta(days=1)
PLANNING_HORIZON = timedelta(days=366)


def today() -> date:
    override = os.environ.get(ENV_TODAY)
    if not override:
        return date.today()
    try:
        return date.fromisoformat(override)
    except ValueError:
        raise ValueError(f"{ENV_TODAY}='{override}' is not a date in the form YYYY-MM-DD") from None


@dataclass(frozen=True)
class DateLimits:
    """The latest plausible date of each kind of value, as of one day."""

    today: date

    @property
    def latest_timestamp_day(self) -> date:
        return self.today + TIMESTAMP_GRACE

    @property
    def latest_planned(self) -> date:
        return self.today + PLANNING_HORIZON

    @property
    def first_future_timestamp(self) -> datetime:
        """The first moment no timestamp can have reached: a test as quick as one comparison
        for the millions of timestamps of a large export."""
        return datetime.combine(self.latest_timestamp_day + timedelta(days=1), datetime.min.time())

    def problem(self, value: date | datetime, planned: bool = False) -> str | None:
        """Why `value` cannot be in an export read today, or None when it can."""
        if isinstance(value, datetime):
            if value < self.first_future_timestamp:
                return None
            return (
                f"'{value:%Y-%m-%d %H:%M:%S}' UTC lies in the future (today is {self.today}): "
                "a wrong clock or time zone in the export?"
            )
        if planned:
            if value <= self.latest_planned:
                return None
            return f"'{value}' lies more than a year ahead (today is {self.today}): a typo?"
        if value <= self.today:
            return None
        return (
            f"'{value}' lies in the future (today is {self.today}): a typo, or entered ahead "
            "of time?"
        )

    def as_numbers(self) -> dict[str, int]:
        """The limits as YYYYMMDD numbers: the parameters of the Great Expectations suites."""
        return {
            "today": _number(self.today),
            "latest_timestamp_day": _number(self.latest_timestamp_day),
            "latest_planned": _number(self.latest_planned),
        }


def _number(day: date) -> int:
    return int(day.strftime("%Y%m%d"))


def date_limits() -> DateLimits:
    return DateLimits(today())
