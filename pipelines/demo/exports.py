"""The two archive exports: Viva Engage network data and a Slack workspace, one per month."""

from __future__ import annotations

from .conversations import Post, SlackMessage
from .formats import csv_bytes, json_bytes
from .organisation import Person
from .texts import COMMUNITY_WEIGHTS

MESSAGE_HEADER = [
    "id",
    "replied_to_id",
    "thread_id",
    "group_id",
    "group_name",
    "participants",
    "in_private_group",
    "in_private_conversation",
    "sender_id",
    "sender_type",
    "sender_name",
    "sender_email",
    "body",
    "api_url",
    "attachments",
    "deleted_by_id",
    "deleted_by_type",
    "created_at",
    "deleted_at",
]
USER_HEADER = [
    "id",
    "email",
    "name",
    "job_title",
    "location",
    "department",
    "joined_at",
    "deleted_at",
    "suspended_at",
    "state",
]
GROUP_IDS = {name: 5000 + i for i, name in enumerate(COMMUNITY_WEIGHTS)}


def _iso(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else ""


def _members(writers: set[str], population: int) -> int:
    """Members of a community: everyone who has written in it so far, and as many again who
    only read along."""
    return min(population, 2 * len(writers) + 25)


def viva_engage_export(
    posts: list[Post], people: list[Person], writers: dict[str, set[str]]
) -> dict[str, bytes]:
    """One month's network export: that month's `posts`; `writers` per community so far."""
    user_ids = {p.email: 1_500_000 + i for i, p in enumerate(people)}
    rows = []
    for post in posts:
        author = post.author
        # One in ten rows leaves sender_email empty, as real exports do: Users.csv fills it in.
        email = "" if post.id % 10 == 0 else author.email
        rows.append(
            [
                post.id,
                post.replied_to_id or "",
                post.thread_id,
                GROUP_IDS[post.community],
                post.community,
                "",
                "false",
                "false",
                user_ids[author.email],
                "user",
                author.name,
                email,
                post.body,
                f"https://www.yammer.com/api/v1/messages/{post.id}",
                "",
                user_ids[author.email] if post.deleted_at else "",
                "user" if post.deleted_at else "",
                _iso(post.created_at),
                _iso(post.deleted_at),
            ]
        )
    users = [
        [
            user_ids[p.email],
            p.email,
            p.name,
            "",
            p.location,
            p.department,
            p.start_date.isoformat(),
            "",
            "",
            "active",
        ]
        for p in people
    ]
    groups = [
        [gid, name, "", "false", _members(writers[name], len(people))]
        for name, gid in GROUP_IDS.items()
    ]
    topics = [[i, tag] for i, tag in enumerate(["reorganisatie", "duurzaam", "idee", "storing"])]
    return {
        "Messages.csv": csv_bytes(MESSAGE_HEADER, rows),
        "Users.csv": csv_bytes(USER_HEADER, users),
        "Groups.csv": csv_bytes(["id", "name", "description", "private", "members"], groups),
        "Topics.csv": csv_bytes(["id", "name"], topics),
    }


def slack_export(
    messages: list[SlackMessage],
    people: list[Person],
    slack_ids: dict[str, str],
    used: set[str],
    channels: list[str],
) -> dict[str, bytes]:
    """One month's workspace export: that month's `messages` in posting order; the users
    who have written or reacted so far (`used`) and every channel."""
    members: dict[str, bytes] = {}
    by_file: dict[str, list[dict]] = {}
    for message in messages:
        record = {"type": "message", "ts": message.ts, "text": message.text}
        if message.bot:
            record |= {"bot_id": message.user, "subtype": "bot_message", "username": "deploybot"}
        else:
            record["user"] = message.user
        if message.subtype and not message.bot:
            record["subtype"] = message.subtype
        if message.thread_ts:
            record["thread_ts"] = message.thread_ts
        if message.edited:
            record["edited"] = {"user": message.user, "ts": message.ts}
        if message.reactions:
            record["reactions"] = [
                {"name": n, "users": u, "count": len(u)} for n, u in message.reactions.items()
            ]
        by_file.setdefault(f"{message.channel}/{message.day.isoformat()}.json", []).append(record)
    for path, records in by_file.items():
        members[path] = json_bytes(records)
    users = [
        {
            "id": slack_ids[p.email],
            "name": p.email.split("@")[0],
            "real_name": p.name,
            "deleted": False,
            "is_bot": False,
            "profile": {"email": p.email, "real_name": p.name},
        }
        for p in people
        if slack_ids.get(p.email) in used
    ]
    users.append({"id": "B0DEPLOY", "name": "deploybot", "is_bot": True, "profile": {}})
    members["users.json"] = json_bytes(users)
    members["channels.json"] = json_bytes(
        [{"id": f"C{i:05d}", "name": c} for i, c in enumerate(channels)]
    )
    return members
