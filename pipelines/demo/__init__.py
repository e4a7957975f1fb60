"""Deterministic demo data: a fictional Dutch municipality of about 1,200 employees, with every
source of the inbox in its real export format. Same seed, same bytes."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import clock
from ..months import add_months, last_complete_month, month_end
from . import conversations, m365_files, registers
from .adoption import Adoption
from .config_file import demo_config
from .conversations import SLACK_CHANNELS
from .exports import slack_export, viva_engage_export
from .formats import csv_bytes, write, write_zip
from .organisation import build_staff, guests

HISTORY_MONTHS = 14
ROSTER_HEADER = [
    "employee_id",
    "email",
    "department",
    "location",
    "role_type",
    "birth_year",
    "start_date",
    "end_date",
    "ambassador_consent",
    "display_name",
]


@dataclass(frozen=True)
class DemoData:
    inbox: Path
    config: Path
    first_month: date
    last_month: date


def _consent(person) -> tuple[str, str]:
    """The keenest agree to be named as ambassadors; the least keen decline (their name in the
    file shows ingestion dropping it); the rest leave it open."""
    if person.keenness >= 0.6:
        return "ja", person.name
    if person.keenness < 0.2:
        return "nee", person.name
    return "", ""


def _roster(people, as_of: date) -> bytes:
    rows = [
        [
            p.employee_id,
            p.email,
            p.department,
            p.location,
            p.role_type,
            p.birth_year,
            p.start_date.isoformat(),
            p.end_date.isoformat() if p.end_date and p.end_date <= as_of else "",
            *_consent(p),
        ]
        for p in people
        if p.start_date <= as_of
    ]
    return csv_bytes(ROSTER_HEADER, rows)


def generate_demo(
    target: Path,
    last_month: date | None = None,
    seed: int = 2026,
    employees: int = 1200,
    today: date | None = None,
    messages_per_person: float = 1.0,
) -> DemoData:
    """Write `target/inbox/<source>/...` and `target/monitor.yml`; returns where they are.

    The history ends with `last_month` (default: the last complete month of `today`), and no
    file holds a date after its last day, so none after the day the demo is generated.
    `employees` sizes the organisation; `messages_per_person` scales Viva Engage and Slack
    threads per active person (1.0: about 9 messages per employee a year; 38: about 300, so
    3 million a year at 10,000 employees and 30 million at 100,000)."""
    today = today or clock.today()
    last_month = last_month or last_complete_month(today)
    if last_month > last_complete_month(today):
        raise ValueError(
            f"{last_month:%Y-%m} has not ended on {today}: the demo needs whole months"
        )
    rng = random.Random(seed)
    first_month = add_months(last_month, -(HISTORY_MONTHS - 1))
    inbox = Path(target) / "inbox"
    if inbox.exists():  # the demo inbox is generated, never edited: start it afresh
        shutil.rmtree(inbox)
    staff = build_staff(rng, first_month, HISTORY_MONTHS, employees)
    outsiders = guests(rng, 14)
    adoption = Adoption(rng, staff, first_month, HISTORY_MONTHS)
    reorganisation = HISTORY_MONTHS - 6

    for m in range(HISTORY_MONTHS):  # HR delivers a snapshot at every month's end
        as_of = month_end(add_months(first_month, m))
        write(inbox / "roster" / f"roster_{as_of.isoformat()}.csv", _roster(staff, as_of))

    viva = conversations.VivaEngagePosts(
        rng, staff, outsiders, adoption, first_month, reorganisation, messages_per_person
    )
    slack_ids = {p.email: f"U{i:07d}" for i, p in enumerate(staff, start=1)}
    slack = conversations.SlackMessages(
        rng, staff, adoption, first_month, slack_ids, messages_per_person
    )
    everyone = staff + outsiders
    for m in range(HISTORY_MONTHS):  # one month in memory at a time
        first = add_months(first_month, m)
        stamp = month_end(first).isoformat()
        posts = viva.month(m)
        posted = Counter(post.author.email for post in posts)
        write(
            inbox / "m365_email" / f"EmailActivityUserDetail_{stamp}.csv",
            m365_files.email_file(rng, staff, adoption, m, first_month),
        )
        write(
            inbox / "m365_teams" / f"TeamsUserActivityUserDetail_{stamp}.csv",
            m365_files.teams_file(rng, everyone, adoption, m, first_month),
        )
        write(
            inbox / "viva_engage_usage" / f"YammerActivityUserDetail_{stamp}.csv",
            m365_files.viva_usage_file(rng, everyone, adoption, m, first_month, posted),
        )
        write_zip(
            inbox / "viva_engage_export" / f"viva_engage_export_{first:%Y-%m}.zip",
            viva_engage_export(posts, everyone, viva.writers),
        )
        messages = slack.month(m)
        write_zip(
            inbox / "slack_export" / f"slack_export_{first:%Y-%m}.zip",
            slack_export(messages, staff, slack_ids, slack.seen_users, sorted(SLACK_CHANNELS)),
        )
        write(
            inbox / "activity" / f"activity_{first:%Y-%m}.csv",
            registers.activity_file(rng, staff, adoption, m, first_month),
        )
    for m, mood in ((3, 0.0), (HISTORY_MONTHS - 3, -0.35)):
        opens = add_months(first_month, m).replace(day=20)
        write(
            inbox / "survey" / f"medewerkersonderzoek_{opens:%Y-%m}.csv",
            registers.survey_file(rng, staff, opens, mood),
        )
    write(
        inbox / "actions" / "actieregister.csv",
        registers.actions_file(rng, first_month, HISTORY_MONTHS),
    )
    write(
        inbox / "events" / "agenda.csv",
        registers.events_file(first_month, reorganisation),
    )
    config = write(Path(target) / "monitor.yml", demo_config(first_month).encode("utf-8"))
    return DemoData(inbox, config, first_month, last_month)
