"""Viva Engage network data export (ZIP or its unzipped folder): messages and communities.

Senders are pseudonymised by e-mail (from the message row, else from Users.csv), so a
message and a Microsoft 365 usage row of the same person share one pseudonym.
"""

from __future__ import annotations

from .inbox import InboxItem
from .layout import Column, Layout, ParsedTable
from .pseudonym import VIVA_ENGAGE_USER, Pseudonymiser
from .reading import RowError, UnreadableFile, read_delimited
from .records import read_records
from .scrub import Scrubber
from .source import ReadOptions, Source

MESSAGES = Layout(
    "viva_engage_messages",
    (
        Column("message_id", "id"),
        Column("replied_to_id", "replied_to_id", nullable=True),
        Column("thread_id", "thread_id"),
        Column("group_id", "group_id", nullable=True),
        Column("group_name", "group_name", required=False, nullable=True),
        Column("in_private_group", "in_private_group", "bool", required=False, nullable=True),
        Column("in_private_conversation", "in_private_conversation", "bool", False, nullable=True),
        Column("sender_id", "sender_id", drop=True),
        Column("sender_type", "sender_type", required=False, nullable=True),
        Column("sender_name", "sender_name", required=False, nullable=True, drop=True),
        Column("sender_email", "sender_email", required=False, nullable=True, drop=True),
        Column("participants", "participants", required=False, nullable=True, drop=True),
        Column("body", "body", nullable=True),
        Column("created_at", "created_at", "datetime"),
        Column("deleted_at", "deleted_at", "datetime", required=False, nullable=True),
        Column("sender_key", "sender_key", "identity", required=False, nullable=True),
    ),
    key=("message_id",),
    description="Messages of the Viva Engage network export.",
)

GROUPS = Layout(
    "viva_engage_groups",
    (
        Column("group_id", "id"),
        Column("group_name", "name"),
        Column("is_private", "private", "bool", required=False, nullable=True),
        Column("member_count", "members", "int", required=False, nullable=True),
    ),
    key=("group_id",),
    description="Communities (groups) of the Viva Engage network export.",
)


def _member(members: dict[str, bytes], name: str) -> tuple[str, bytes] | None:
    """Exports nest their CSVs differently; match on the file name, case-insensitively."""
    for path, data in members.items():
        if path.rsplit("/", 1)[-1].lower() == name.lower():
            return path, data
    return None


def _users(members: dict[str, bytes]) -> tuple[dict[str, str], list[str]]:
    """User id -> e-mail, and the people's names, from Users.csv."""
    found = _member(members, "Users.csv")
    if not found:
        return {}, []
    header, rows = read_delimited(found[1])
    index = {h.lower(): i for i, h in enumerate(header)}
    emails, names = {}, []
    for _, fields in rows:
        if isinstance(fields, RowError):
            continue
        if "id" in index and "email" in index:
            emails[_field(fields, index["id"])] = _field(fields, index["email"])
        names.append(_field(fields, index.get("name")))
    return emails, names


def _field(fields: list[str], index: int | None) -> str:
    return fields[index] if index is not None and index < len(fields) else ""


def parse(
    item: InboxItem, pseudonymise: Pseudonymiser, options: ReadOptions
) -> dict[str, ParsedTable]:
    members = item.members()
    found = _member(members, "Messages.csv")
    if not found:
        raise UnreadableFile("the export has no Messages.csv; is this a Viva Engage export?")
    path = found[0]
    del found
    emails, names = _users(members)
    records = read_records(members.pop(path))  # the bytes go once read (hundreds of MB)

    def sender_key(sender_id: str, email: str) -> str:
        """The sender's identity: e-mail, else the namespaced vendor id."""
        identity = email.strip() or emails.get(sender_id, "").strip()
        return identity or (VIVA_ENGAGE_USER + sender_id if sender_id else "")

    records.derive("sender_key", ("sender_id", "sender_email"), sender_key)
    sender_names = records.watch("sender_name")
    messages = records.parse(MESSAGES, pseudonymise, member=path)
    names.extend(sender_names)

    def mentioned(user_id: str) -> str | None:
        email = emails.get(user_id, "").strip()
        return pseudonymise(email or VIVA_ENGAGE_USER + user_id)

    scrub = Scrubber([*names, *emails.values()], mention=mentioned)
    # a group named after a person ("Team <name>") loses the name
    messages.map_column("body", scrub)
    messages.map_column("group_name", scrub)
    tables = {MESSAGES.table: messages}
    groups = _member(members, "Groups.csv")
    if groups:
        groups_table = read_records(groups[1]).parse(GROUPS, pseudonymise, groups[0])
        groups_table.map_column("group_name", scrub)
        tables[GROUPS.table] = groups_table
    else:
        tables[GROUPS.table] = ParsedTable()
    return tables


SOURCE = Source(
    "viva_engage_export",
    "Viva Engage network data export (ZIP or folder): Messages.csv, Users.csv, Groups.csv.",
    (MESSAGES, GROUPS),
    parse,
    allow_folders=True,
)
