"""Viva Engage and Slack conversations: heavy-tailed authorship, threads with replies, a
reorganisation month full of worried messages, Dutch and English with hashtags."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from ..months import add_months, month_days
from .adoption import Adoption
from .organisation import Person
from .texts import COMMUNITY_WEIGHTS, message, reply


@dataclass
class Post:
    id: int
    thread_id: int
    replied_to_id: int | None
    community: str
    author: Person
    body: str
    created_at: datetime
    deleted_at: datetime | None = None
    reactors: list[Person] = field(default_factory=list)


def _moment(rng: random.Random, day: date) -> datetime:
    return datetime(
        day.year, day.month, day.day, rng.randint(7, 17), rng.randint(0, 59), rng.randint(0, 59)
    )


def _epoch(moment: datetime) -> float:
    """Seconds since 1970 for a naive UTC moment, independent of the machine's time zone."""
    return moment.replace(tzinfo=UTC).timestamp()


def _pick(rng: random.Random, people: list[Person]) -> Person:
    return rng.choices(people, [p.voice for p in people])[0]


def viva_engage_posts(
    rng: random.Random,
    people: list[Person],
    guests: list[Person],
    adoption: Adoption,
    first_month: date,
    months: int,
    reorganisation_month: int,
) -> list[Post]:
    """All posts of the history; the exports are cut from this by month."""
    posts: list[Post] = []
    next_id = 1_000_001
    communities = list(COMMUNITY_WEIGHTS)
    for m in range(months):
        first = add_months(first_month, m)
        days = [d for d in month_days(first) if d.weekday() < 5]
        active = [p for p in people if adoption.is_active(p, "viva_engage", m)]
        writers = active + [g for g in guests if rng.random() < 0.5]
        if not active:
            continue
        boost = {reorganisation_month: 6.0, reorganisation_month + 1: 2.5}.get(m, 0.3)
        weights = [
            COMMUNITY_WEIGHTS[c] * (boost if c.startswith("Reorg") else 1) for c in communities
        ]
        threads = int(len(active) * 0.3) + (150 if m == reorganisation_month else 0)
        for _ in range(threads):
            community = rng.choices(communities, weights)[0]
            author = _pick(rng, writers)
            mood = (
                "reorganisation"
                if m in (reorganisation_month, reorganisation_month + 1)
                else "normal"
            )
            text, sentiment = message(rng, community, author.language, mood)
            start = _moment(rng, rng.choice(days))
            thread = Post(next_id, next_id, None, community, author, text, start)
            posts.append(thread)
            next_id += 1
            thread.reactors = rng.sample(active, min(len(active), int(rng.expovariate(1 / 3))))
            at = start
            for _ in range(rng.choices([0, 1, 2, 3, 5, 8], [30, 25, 18, 12, 10, 5])[0]):
                at = at + timedelta(hours=rng.expovariate(1 / 40))
                replier = _pick(rng, active)
                post = Post(
                    next_id,
                    thread.id,
                    thread.id,
                    community,
                    replier,
                    reply(rng, sentiment, replier.language),
                    at,
                )
                posts.append(post)
                next_id += 1
            if rng.random() < 0.01:
                thread.deleted_at = start + timedelta(hours=20)
    return posts


@dataclass
class SlackMessage:
    channel: str
    ts: str
    user: str
    text: str
    thread_ts: str | None = None
    subtype: str | None = None
    bot: bool = False
    reactions: dict[str, list[str]] = field(default_factory=dict)
    edited: bool = False

    @property
    def day(self) -> date:
        return datetime.fromtimestamp(float(self.ts), tz=UTC).date()


SLACK_CHANNELS = {
    "ict-storingen": [
        "Zaaksysteem traag vanochtend #storing",
        "Printer 2e verdieping doet het weer",
        "VPN problemen opgelost, dank!",
        "Outage on the file share again #storing",
    ],
    "webteam": [
        "Nieuwe pagina afvalkalender staat live",
        "Can someone review the cookie banner?",
        "Top werk aan de nieuwe zoekfunctie!",
    ],
    "random": ["Koffie bij de automaat?", "Wie gaat er mee lunchen?", "Great talk today!"],
}


def slack_messages(
    rng: random.Random,
    people: list[Person],
    adoption: Adoption,
    first_month: date,
    months: int,
    slack_ids: dict[str, str],
) -> list[SlackMessage]:
    messages: list[SlackMessage] = []
    joined: set[str] = set()
    for m in range(months):
        first = add_months(first_month, m)
        days = [d for d in month_days(first) if d.weekday() < 5]
        users = [p for p in people if adoption.is_active(p, "slack", m)]
        if not users:
            continue
        for person in users:
            if person.email not in joined:
                joined.add(person.email)
                at = _epoch(_moment(rng, rng.choice(days)))
                messages.append(
                    SlackMessage(
                        "random",
                        f"{at:.6f}",
                        slack_ids[person.email],
                        f"<@{slack_ids[person.email]}> has joined the channel",
                        subtype="channel_join",
                    )
                )
        for _ in range(int(len(users) * 2.2)):
            channel = rng.choice(list(SLACK_CHANNELS))
            author = _pick(rng, users)
            at = _epoch(_moment(rng, rng.choice(days))) + rng.random()
            parent = SlackMessage(
                channel,
                f"{at:.6f}",
                slack_ids[author.email],
                rng.choice(SLACK_CHANNELS[channel]),
                edited=rng.random() < 0.05,
            )
            for reactor in rng.sample(users, min(len(users), int(rng.expovariate(1 / 2)))):
                name = rng.choice(["+1", "tada", "eyes", "white_check_mark"])
                parent.reactions.setdefault(name, []).append(slack_ids[reactor.email])
            messages.append(parent)
            for _ in range(rng.choices([0, 1, 2, 4], [50, 25, 15, 10])[0]):
                at += rng.expovariate(1 / 7200)
                replier = _pick(rng, users)
                parent.thread_ts = parent.ts
                messages.append(
                    SlackMessage(
                        channel,
                        f"{at:.6f}",
                        slack_ids[replier.email],
                        "Dank, ik kijk ernaar",
                        thread_ts=parent.ts,
                    )
                )
        for day in days[::5]:
            at = _epoch(_moment(rng, day))
            messages.append(
                SlackMessage(
                    "ict-storingen",
                    f"{at:.6f}",
                    "B0DEPLOY",
                    "Deploy van zaaksysteem v2 geslaagd",
                    subtype="bot_message",
                    bot=True,
                )
            )
    return messages
