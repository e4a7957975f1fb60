"""Microsoft 365 user-detail CSVs, one D30 file per month with Graph's real headers."""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from ..months import add_months, month_end
from .adoption import Adoption
from .formats import csv_bytes
from .organisation import Person

PERIOD = 30
EMAIL_HEADER = [
    "Report Refresh Date",
    "User Principal Name",
    "Display Name",
    "Is Deleted",
    "Deleted Date",
    "Last Activity Date",
    "Send Count",
    "Receive Count",
    "Read Count",
    "Meeting Created Count",
    "Meeting Interacted Count",
    "Assigned Products",
    "Report Period",
]
TEAMS_HEADER = [
    "Report Refresh Date",
    "Tenant Display Name",
    "Shared Channel Tenant Display Names",
    "User Id",
    "User Principal Name",
    "Last Activity Date",
    "Is Deleted",
    "Deleted Date",
    "Assigned Products",
    "Team Chat Message Count",
    "Private Chat Message Count",
    "Call Count",
    "Meeting Count",
    "Post Messages",
    "Reply Messages",
    "Urgent Messages",
    "Meetings Organized Count",
    "Meetings Attended Count",
    "Ad Hoc Meetings Organized Count",
    "Ad Hoc Meetings Attended Count",
    "Scheduled One-time Meetings Organized Count",
    "Scheduled One-time Meetings Attended Count",
    "Scheduled Recurring Meetings Organized Count",
    "Scheduled Recurring Meetings Attended Count",
    "Audio Duration",
    "Video Duration",
    "Screen Share Duration",
    "Audio Duration In Seconds",
    "Video Duration In Seconds",
    "Screen Share Duration In Seconds",
    "Has Other Action",
    "Is Licensed",
    "Report Period",
]
VIVA_HEADER = [
    "Report Refresh Date",
    "User Principal Name",
    "Display Name",
    "User State",
    "State Change Date",
    "Last Activity Date",
    "Posted Count",
    "Read Count",
    "Liked Count",
    "Assigned Products",
    "Report Period",
]
PRODUCTS = "MICROSOFT 365 E3+MICROSOFT 365 F3"


class Window:
    """The D30 window of a file refreshed on the last day of the month."""

    def __init__(self, first: date):
        self.end = month_end(first)
        self.start = self.end - timedelta(days=PERIOD - 1)

    def listed(self, person: Person) -> bool:
        """Microsoft lists licensed users, and deleted ones for a while after they leave."""
        left_long_ago = person.end_date and person.end_date < self.start - timedelta(days=30)
        return person.start_date <= self.end and not left_long_ago

    def activity_day(self, rng: random.Random, person: Person) -> date:
        first = max(self.start, person.start_date)
        last = min(self.end, person.end_date) if person.end_date else self.end
        if last < first:
            return last
        return first + timedelta(days=int((last - first).days * (1 - rng.random() ** 2)))


def _user_id(person: Person) -> str:
    """A stable vendor id (Entra object id style) derived from the address."""
    return str(uuid.uuid5(uuid.NAMESPACE_DNS, person.email))


def _deleted(person: Person, window: Window) -> tuple[str, str]:
    if person.end_date and person.end_date < window.end:
        return "True", (person.end_date + timedelta(days=1)).isoformat()
    return "False", ""


def _last_activity(rng, person, window: Window, active: bool) -> str:
    if active:
        return window.activity_day(rng, person).isoformat()
    if rng.random() < 0.4 or person.start_date > window.start:
        return ""
    return (window.start - timedelta(days=rng.randint(1, 120))).isoformat()


def email_file(rng, people, adoption: Adoption, m: int, first_month: date) -> bytes:
    window = Window(add_months(first_month, m))
    rows = []
    for person in people:
        if person.is_guest or not window.listed(person):
            continue
        active = adoption.is_active(person, "email", m)
        per_day = (14.0 if person.role_type == "office" else 3.0) * (1 - 0.011 * m)
        sends = int(per_day * PERIOD * rng.lognormvariate(0, 0.45)) if active else 0
        deleted, deleted_on = _deleted(person, window)
        rows.append(
            [
                window.end,
                person.email,
                person.name,
                deleted,
                deleted_on,
                _last_activity(rng, person, window, active),
                sends,
                sends * 3 + rng.randint(0, 40),
                int(sends * 2.6),
                rng.randint(0, 12) if active else 0,
                rng.randint(0, 30) if active else 0,
                PRODUCTS,
                PERIOD,
            ]
        )
    return csv_bytes(EMAIL_HEADER, rows)


def teams_file(rng, people, adoption: Adoption, m: int, first_month: date) -> bytes:
    window = Window(add_months(first_month, m))
    rows = []
    for person in people:
        if not window.listed(person):
            continue
        guest = person.is_guest
        active = adoption.is_active(person, "teams", m) or (guest and rng.random() < 0.7)
        chats = rng.randint(5, 160) if active else 0
        deleted, deleted_on = _deleted(person, window)
        meetings = rng.randint(1, 40) if active else 0
        rows.append(
            [
                window.end,
                "Gemeente Lindendaal",
                "",
                _user_id(person),
                person.email,
                _last_activity(rng, person, window, active),
                deleted,
                deleted_on,
                PRODUCTS,
                chats // 3,
                chats,
                rng.randint(0, 25) if active else 0,
                meetings,
                rng.randint(0, 6) if active else 0,
                rng.randint(0, 12) if active else 0,
                0,
                meetings // 3,
                meetings,
                0,
                0,
                0,
                0,
                0,
                0,
                "PT0S",
                "PT0S",
                "PT0S",
                0,
                0,
                0,
                "No",
                "No" if guest else "Yes",
                PERIOD,
            ]
        )
    return csv_bytes(TEAMS_HEADER, rows)


def viva_usage_file(
    rng, people, adoption: Adoption, m: int, first_month: date, posted: dict[str, int]
) -> bytes:
    window = Window(add_months(first_month, m))
    rows = []
    for person in people:
        if not window.listed(person):
            continue
        count = posted.get(person.email, 0)
        active = adoption.is_active(person, "viva_engage", m) or count > 0
        deleted, deleted_on = _deleted(person, window)
        state = "Deleted" if deleted == "True" else "Active"
        rows.append(
            [
                window.end,
                person.email,
                person.name,
                state,
                deleted_on,
                _last_activity(rng, person, window, active),
                count,
                rng.randint(3, 90) if active else 0,
                rng.randint(0, 25) if active else 0,
                PRODUCTS,
                PERIOD,
            ]
        )
    return csv_bytes(VIVA_HEADER, rows)
