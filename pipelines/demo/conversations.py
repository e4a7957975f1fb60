"""Viva Engage and Slack conversations: heavy-tailed authorship, threads with replies, a
reorganisation month full of worried messages, Dutch and English with hashtags."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

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


class _Picker:
    """Picks a person weighted by their voice (a few write most): the cumulative weights are
    summed once per month, so a pick costs log(people), not people (100,000-person demos)."""

    def __init__(self, people: list[Person]):
        self.people = people
        self.cum_weights = list(accumulate(p.voice for p in people))

    def __call__(self, rng: random.Random) -> Person:
        return rng.choices(self.people, cum_weights=self.cum_weights)[0]


def _month_key(moment: datetime | date) -> tuple[int, int]:
    return moment.year, moment.month


class VivaEngagePosts:
    """The posts of the history, month by month: only one month (and the replies that fall
    after it) is held at a time, so a demo of 30 million messages fits in memory.
    `volume` scales the threads per active person (1.0: the 1,200-person demo's rate)."""

    def __init__(
        self,
        rng: random.Random,
        people: list[Person],
        guests: list[Person],
        adoption: Adoption,
        first_month: date,
        reorganisation_month: int,
        volume: float = 1.0,
    ):
        self.rng, self.people, self.guests, self.adoption = rng, people, guests, adoption
        self.first_month, self.reorganisation_month, self.volume = (
            first_month,
            reorganisation_month,
            volume,
        )
        self.next_id = 1_000_001
        self.later: dict[tuple[int, int], list[Post]] = {}
        self.writers: dict[str, set[str]] = {c: set() for c in COMMUNITY_WEIGHTS}

    def month(self, m: int) -> list[Post]:
        """Posts created in month `m`: threads started in it, and replies to earlier ones."""
        rng = self.rng
        first = add_months(self.first_month, m)
        posts = self.later.pop(_month_key(first), [])
        days = [d for d in month_days(first) if d.weekday() < 5]
        active = [p for p in self.people if self.adoption.is_active(p, "viva_engage", m)]
        writers = active + [g for g in self.guests if rng.random() < 0.5]
        if active:
            posts += self._threads(m, first, days, active, writers)
        posts.sort(key=lambda post: post.id)
        for post in posts:
            self.writers[post.community].add(post.author.email)
        return posts

    def _threads(self, m, first, days, active, writers) -> list[Post]:
        rng = self.rng
        posts: list[Post] = []
        communities = list(COMMUNITY_WEIGHTS)
        pick_writer, pick_active = _Picker(writers), _Picker(active)
        reorganisation = self.reorganisation_month
        boost = {reorganisation: 6.0, reorganisation + 1: 2.5}.get(m, 0.3)
        weights = [
            COMMUNITY_WEIGHTS[c] * (boost if c.startswith("Reorg") else 1) for c in communities
        ]
        threads = int(len(active) * 0.3 * self.volume) + (150 if m == reorganisation else 0)
        mood = "reorganisation" if m in (reorganisation, reorganisation + 1) else "normal"
        for _ in range(threads):
            community = rng.choices(communities, weights)[0]
            author = pick_writer(rng)
            text, sentiment = message(rng, community, author.language, mood)
            start = _moment(rng, rng.choice(days))
            thread = Post(self.next_id, self.next_id, None, community, author, text, start)
            posts.append(thread)
            self.next_id += 1
            thread.reactors = rng.sample(active, min(len(active), int(rng.expovariate(1 / 3))))
            at = start
            for _ in range(rng.choices([0, 1, 2, 3, 5, 8], [30, 25, 18, 12, 10, 5])[0]):
                at = at + timedelta(hours=rng.expovariate(1 / 40))
                replier = pick_active(rng)
                post = Post(
                    self.next_id,
                    thread.id,
                    thread.id,
                    community,
                    replier,
                    reply(rng, sentiment, replier.language),
                    at,
                )
                if _month_key(at) == _month_key(first):
                    posts.append(post)
                else:
                    self.later.setdefault(_month_key(at), []).append(post)
                self.next_id += 1
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


class SlackMessages:
    """The workspace's messages, month by month (see VivaEngagePosts): channel joins, threads
    with replies and reactions, a deploy bot. `volume` scales the threads per user."""

    def __init__(
        self,
        rng: random.Random,
        people: list[Person],
        adoption: Adoption,
        first_month: date,
        slack_ids: dict[str, str],
        volume: float = 1.0,
    ):
        self.rng, self.people, self.adoption = rng, people, adoption
        self.first_month, self.slack_ids, self.volume = first_month, slack_ids, volume
        self.joined: set[str] = set()
        self.later: dict[tuple[int, int], list[SlackMessage]] = {}
        self.seen_users: set[str] = set()

    def month(self, m: int) -> list[SlackMessage]:
        """Messages posted in month `m`, in the order they were posted."""
        first = add_months(self.first_month, m)
        messages = self.later.pop(_month_key(first), [])
        for posted in self._generate(m, first):
            if _month_key(posted.day) == _month_key(first):
                messages.append(posted)
            else:
                self.later.setdefault(_month_key(posted.day), []).append(posted)
        messages.sort(key=lambda posted: float(posted.ts))
        for posted in messages:
            self.seen_users.add(posted.user)
            for users in posted.reactions.values():
                self.seen_users.update(users)
        return messages

    def _generate(self, m: int, first: date) -> list[SlackMessage]:
        rng, slack_ids = self.rng, self.slack_ids
        messages: list[SlackMessage] = []
        days = [d for d in month_days(first) if d.weekday() < 5]
        users = [p for p in self.people if self.adoption.is_active(p, "slack", m)]
        if not users:
            return messages
        for person in users:
            if person.email not in self.joined:
                self.joined.add(person.email)
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
        pick = _Picker(users)
        channels = list(SLACK_CHANNELS)
        for _ in range(int(len(users) * 2.2 * self.volume)):
            channel = rng.choice(channels)
            author = pick(rng)
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
                replier = pick(rng)
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
