"""Activity of other tools, survey waves and the actions register of the demo organisation."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from ..months import add_months, month_days, month_end
from .adoption import Adoption
from .formats import csv_bytes
from .organisation import Person

ACTIVITY_HEADER = ["date", "email", "tool", "action", "count"]
TOOL_ACTIONS = {
    "intranet": ["visit", "view", "view", "react", "comment", "post"],
    "lindendaal_app": ["visit", "view", "react"],
}


def activity_file(
    rng: random.Random, people: list[Person], adoption: Adoption, m: int, first_month: date
) -> bytes:
    first = add_months(first_month, m)
    rows = []
    for person in people:
        for tool, actions in TOOL_ACTIONS.items():
            if not adoption.is_active(person, tool, m):
                continue
            days = [
                d
                for d in month_days(first)
                if person.employed_in(first)
                and d >= person.start_date
                and (not person.end_date or d <= person.end_date)
            ]
            if not days:
                continue
            for day in sorted(rng.sample(days, min(len(days), rng.randint(1, 4)))):
                action = rng.choice(actions[: 2 + int(person.keenness * len(actions))])
                rows.append([day.isoformat(), person.email, tool, action, rng.randint(1, 9)])
    return csv_bytes(ACTIVITY_HEADER, rows, bom=False)


SURVEY_ITEMS = {
    "Ik ben trots op mijn organisatie": "engagement",
    "Ik voel me betrokken bij mijn werk": "engagement",
    "Ik zou Lindendaal aanraden als werkgever": "engagement",
    "Ik word goed geïnformeerd over wat er speelt": "informedness",
}
CHANNEL_QUESTION = "Via welk kanaal wil je het liefst geïnformeerd worden?"
CHANNELS = ["Viva Engage", "Intranet", "E-mail", "Teamoverleg", "App"]


def _forms_time(at: datetime) -> str:
    return f"{at.month}/{at.day}/{at.year} {at.hour}:{at.minute:02d}:{at.second:02d}"


def survey_file(rng: random.Random, people: list[Person], opens: date, mood: float) -> bytes:
    """One wave in Microsoft Forms' format; `mood` shifts the answers (after a reorganisation)."""
    header = [
        "ID",
        "Start time",
        "Completion time",
        "Email",
        "Name",
        *SURVEY_ITEMS,
        CHANNEL_QUESTION,
        "Afdeling",
    ]
    rows = []
    employed = [p for p in people if p.employed_in(opens.replace(day=1))]
    for number, person in enumerate(p for p in employed if rng.random() < 0.46):
        started = datetime(opens.year, opens.month, opens.day, 8) + timedelta(
            minutes=rng.randint(0, 19 * 24 * 60)
        )
        done = started + timedelta(seconds=rng.randint(90, 900))
        base = 2.4 + 2.0 * person.keenness + mood
        answers = [min(5, max(1, round(rng.gauss(base, 0.8)))) for _ in SURVEY_ITEMS]
        rows.append(
            [
                number + 1,
                _forms_time(started),
                _forms_time(done),
                person.email,
                person.name,
                *answers,
                rng.choice(CHANNELS),
                person.department,
            ]
        )
    return csv_bytes(header, rows)


ACTIONS_HEADER = [
    "issue",
    "signalled_on",
    "signalled_to",
    "responded_on",
    "action",
    "outcome",
    "closed_on",
]
ACTION_ISSUES = {
    "werkdruk": ("MT", "Werkdrukgesprekken per team gestart"),
    "parkeren": ("Facilitair", "Extra parkeerplaatsen bij de Werf onderzocht"),
    "storingen": ("Servicedesk", "Monitoring zaaksysteem verbeterd"),
    "reorganisatie": ("Directie", "Extra informatiebijeenkomst georganiseerd"),
    "Ideeën": ("Innovatieteam", "Idee uitgewerkt tot pilot"),
}


def actions_file(rng: random.Random, first_month: date, months: int) -> bytes:
    """The register as kept up to the end of the history: a response or closure that would
    come later has not happened yet (the row is still open)."""
    history_end = month_end(add_months(first_month, months - 1))
    rows = []
    for m in range(months):
        first = add_months(first_month, m)
        for _ in range(rng.randint(2, 6)):
            issue = rng.choice(list(ACTION_ISSUES))
            to, action = ACTION_ISSUES[issue]
            signalled = first + timedelta(days=rng.randint(0, 25))
            responded = (
                signalled + timedelta(days=rng.randint(1, 21)) if rng.random() < 0.8 else None
            )
            outcome = (
                rng.choice(["adopted", "implemented", "rejected", "in progress"])
                if responded
                else "open"
            )
            closed = (
                responded + timedelta(days=rng.randint(3, 40))
                if outcome in ("implemented", "rejected") and responded
                else None
            )
            if responded and responded > history_end:
                responded, outcome = None, "open"
            if closed and closed > history_end:
                closed = None
            rows.append(
                [
                    issue,
                    signalled.isoformat(),
                    to,
                    responded.isoformat() if responded else "",
                    action if responded else "",
                    outcome,
                    closed.isoformat() if closed else "",
                ]
            )
    return csv_bytes(ACTIONS_HEADER, rows, bom=False)


def events_file(first_month: date, reorganisation_month: int) -> bytes:
    """The IC lead's calendar: the reorganisation's announcement, the staff meeting after it
    and the day the new organisation starts, which the heartbeat's timeline draws."""
    announced = add_months(first_month, reorganisation_month)
    rows = [
        (announced.replace(day=5), "Aankondiging reorganisatie"),
        (announced.replace(day=19), "Personeelsbijeenkomst over de reorganisatie"),
        (add_months(announced, 2), "Nieuwe organisatie van kracht"),
    ]
    return csv_bytes(["date", "name"], ((day.isoformat(), name) for day, name in rows), bom=False)
