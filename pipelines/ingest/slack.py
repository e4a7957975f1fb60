"""Slack workspace export (ZIP): messages per channel and day, with threads and reactions.

Users are pseudonymised by the e-mail of their profile in users.json (else by their Slack id),
so they match the roster; the Slack id itself is never stored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache

from ..clock import date_limits
from .inbox import InboxItem
from .layout import Column, Layout, ParsedTable, Problem
from .pseudonym import SLACK_USER, Pseudonymiser
from .reading import UnreadableFile
from .scrub import Scrubber
from .slack_days import DayFile, read_plain
from .source import ReadOptions, Source

MESSAGES = Layout(
    "slack_messages",
    (
        Column("channel_name", "channel"),
        Column("message_ts", "ts"),
        Column("message_at", "ts", "datetime"),
        Column("user_key", "user", "identity", nullable=True),
        Column("subtype", "subtype", nullable=True),
        Column("is_bot", "bot_id", "bool"),
        Column("thread_ts", "thread_ts", nullable=True),
        Column("is_edited", "edited", "bool"),
        Column("text", "text", nullable=True),
        # a direct message or group DM: no community, its folder name (made of its members'
        # names) replaced by a pseudonym in channel_name and source_member
        Column("is_private_conversation", "is_private_conversation", "bool", nullable=True),
    ),
    description="Messages of the Slack export, one row per message.",
)

REACTIONS = Layout(
    "slack_reactions",
    (
        Column("channel_name", "channel"),
        Column("message_ts", "ts"),
        Column("message_at", "ts", "datetime"),
        Column("reaction", "name"),
        Column("user_key", "users", "identity"),
    ),
    description="Reactions of the Slack export, one row per reacting user.",
)


def _json(members: dict[str, bytes], path: str):
    return json.loads(members[path].decode("utf-8-sig"))


def _root(members: dict[str, bytes]) -> str:
    """The folder of the export inside the archive: where users.json is (the top, or one
    folder that a re-zipped export puts everything under)."""
    found = sorted(
        (p for p in members if p.rsplit("/", 1)[-1] == "users.json" and not _is_noise(p)),
        key=lambda p: p.count("/"),
    )
    if not found:
        raise UnreadableFile("the export has no users.json; is this a Slack export?")
    return found[0][: -len("users.json")]


PRIVATE_LISTS = ("mpims.json", "dms.json")  # group DMs and DMs of a full export
DM_FOLDER = re.compile(r"D[A-Z0-9]{8,}")


def _private_conversations(members: dict[str, bytes], root: str) -> set[str]:
    """The folders of direct messages and group DMs, by the export's own lists; a folder named
    like one (mpdm-..., a D... id) counts as one even without the lists."""
    folders = set()
    for name in PRIVATE_LISTS:
        try:
            listed = _json(members, root + name) if root + name in members else []
        except (UnicodeDecodeError, ValueError):
            continue
        for conversation in listed if isinstance(listed, list) else []:
            if isinstance(conversation, dict):
                folders |= {conversation.get("name"), conversation.get("id")} - {None}
    return folders


def _is_private(folder: str, listed: set[str]) -> bool:
    return folder in listed or folder.startswith("mpdm-") or bool(DM_FOLDER.fullmatch(folder))


def _is_noise(path: str) -> bool:
    """What a Mac adds to a ZIP (__MACOSX/, ._ files) is no part of the export."""
    return path.startswith("__MACOSX/") or path.rsplit("/", 1)[-1].startswith("._")


def _day_files(members: dict[str, bytes], root: str) -> list[str]:
    """`<channel>/<YYYY-MM-DD>.json` under the export's folder."""
    return sorted(
        p
        for p in members
        if p.startswith(root)
        and p[len(root) :].count("/") == 1
        and p.endswith(".json")
        and not _is_noise(p)
    )


def _identities(members: dict[str, bytes], root: str) -> tuple[dict[str, str], set[str], list[str]]:
    """Slack id -> e-mail (or namespaced id), the ids of bot users, and people's names."""
    identities, bots, names = {}, set(), []
    for user in _json(members, root + "users.json"):
        user_id = user.get("id", "")
        profile = user.get("profile") or {}
        email = profile.get("email") or ""
        identities[user_id] = email or SLACK_USER + user_id
        names += [user.get("real_name"), profile.get("real_name"), profile.get("display_name")]
        if user.get("is_bot") or user_id == "USLACKBOT":
            bots.add(user_id)
    return identities, bots, [n for n in names if n]


NO_EMAIL_NOTE = (
    "users.json has no e-mail address for {missing} of {people} people: they can only be "
    "matched to the roster by its slack_user_id column (or export again with e-mail "
    "addresses, which needs a Slack owner or admin)."
)


def _without_email(identities: dict[str, str], bots: set[str]) -> str | None:
    people = [uid for uid in identities if uid not in bots]
    missing = [uid for uid in people if identities[uid].startswith(SLACK_USER)]
    return NO_EMAIL_NOTE.format(missing=len(missing), people=len(people)) if missing else None


def _timestamp(ts: str) -> datetime:
    return datetime.fromtimestamp(float(ts), tz=UTC).replace(tzinfo=None)


def _days(members: dict[str, bytes], root: str, pseudonymise: Pseudonymiser) -> list[DayFile]:
    """The day files in order, a private conversation's folder name (made of its members'
    names) replaced by its pseudonym in the channel and the member name stored as lineage."""
    listed_private = _private_conversations(members, root)
    days = []
    for original_path in _day_files(members, root):
        folder = original_path.rsplit("/", 2)[-2]
        private = _is_private(folder, listed_private)
        channel, path = folder, original_path
        if private:
            channel = "private-" + pseudonymise(folder, namespace="slack-conversation")[:16]
            path = f"{channel}/{original_path.rsplit('/', 1)[-1]}"
        days.append(DayFile(path, channel, private, members[original_path]))
    return days


def parse(
    item: InboxItem, pseudonymise: Pseudonymiser, options: ReadOptions
) -> dict[str, ParsedTable]:
    members = item.members()
    root = _root(members)
    identities, bots, names = _identities(members, root)

    @cache  # a month names the same people hundreds of thousands of times
    def person(user_id: str) -> str | None:
        return pseudonymise(identities.get(user_id, SLACK_USER + user_id))

    addresses = [identity for identity in identities.values() if "@" in identity]
    scrub = Scrubber([*names, *addresses], mention=person)
    limits = date_limits()
    days = _days(members, root, pseudonymise)
    plain = read_plain(days, (MESSAGES, REACTIONS), person, bots, limits.first_future_timestamp)
    if plain is None:
        messages, reactions = read_in_python(days, person, bots, scrub)
    else:
        messages, reactions = plain
        messages.map_column("text", scrub)
    note = _without_email(identities, bots)
    if note:
        messages.notes.append(note)
    return {MESSAGES.table: messages, REACTIONS.table: reactions}


TEXT_FIELDS = ("user", "subtype", "thread_ts", "text", "bot_id")


def _misshapen(message: dict) -> tuple[str, str] | None:
    """(field, problem) when a message holds what no Slack export writes: a number where a
    text or user id belongs, reactions that are not a list of names with user ids."""
    for field in TEXT_FIELDS:
        if not isinstance(message.get(field), str | None):
            return field, f"'{field}' is not a text but {json.dumps(message[field])[:40]}"
    reactions = message.get("reactions") or []
    if not isinstance(reactions, list) or not all(
        isinstance(r, dict)
        and isinstance(r.get("name", ""), str)
        and all(isinstance(u, str) for u in (r.get("users") or []))
        and isinstance(r.get("users") or [], list)
        for r in reactions
    ):
        return "reactions", "'reactions' is not a list of reaction names with user ids"
    return None


def read_in_python(
    days: list[DayFile], person: Callable[[str], str | None], bots: set[str], scrub: Scrubber
) -> tuple[ParsedTable, ParsedTable]:
    """Messages and reactions of any export, each problem worded for the quarantine: an
    unreadable day file, a message without a valid `ts` or dated in the future."""
    limits = date_limits()
    too_late = limits.first_future_timestamp
    messages, reactions = ParsedTable(), ParsedTable()
    for day_file in days:
        path, channel, private = day_file.member, day_file.channel, day_file.private
        try:
            day = json.loads(day_file.content.decode("utf-8-sig"))
            if not isinstance(day, list):
                raise ValueError("expected a list of messages")
        except (UnicodeDecodeError, ValueError) as exc:
            # the unreadable day file counts as one quarantined row, so the books still balance
            messages.rows_read += 1
            messages.rows_quarantined += 1
            messages.problems.append(Problem(None, None, f"day file not readable: {exc}", path))
            continue
        for index, message in enumerate(day, start=1):
            messages.rows_read += 1
            try:
                at = _timestamp(message["ts"])
            except (KeyError, TypeError, ValueError):
                messages.problems.append(
                    Problem(index, "ts", "message has no valid 'ts' timestamp", path)
                )
                messages.rows_quarantined += 1
                continue
            if at >= too_late:
                messages.problems.append(Problem(index, "ts", limits.problem(at), path))
                messages.rows_quarantined += 1
                continue
            misshapen = _misshapen(message)
            if misshapen:
                messages.problems.append(Problem(index, *misshapen, path))
                messages.rows_quarantined += 1
                continue
            user = message.get("user") or ""
            base = {"source_member": path, "source_row": index, "channel_name": channel}
            base |= {"message_ts": message["ts"], "message_at": at}
            messages.rows.append(
                base
                | {
                    "user_key": person(user) if user else None,
                    "subtype": message.get("subtype"),
                    "is_bot": bool(message.get("bot_id")) or user in bots,
                    "thread_ts": message.get("thread_ts"),
                    "is_edited": "edited" in message,
                    "text": scrub(message.get("text")),
                    "is_private_conversation": private,
                }
            )
            for reaction in message.get("reactions") or []:
                for reactor in reaction.get("users") or []:
                    reactions.rows_read += 1
                    reactions.rows.append(
                        base
                        | {
                            "reaction": reaction.get("name", ""),
                            "user_key": person(reactor),
                        }
                    )
    return messages, reactions


SOURCE = Source(
    "slack_export",
    "Slack workspace export (ZIP): users.json, channels.json and per-channel daily messages.",
    (MESSAGES, REACTIONS),
    parse,
)
