"""A Slack export's day files read by DuckDB's `read_json`, messages and reactions typed and
staged (staged.py) without becoming Python objects.

Only a plain export takes this path: every day file one JSON array of objects, each message
with a `ts` as Slack writes it ("1772434807.123315", no later than today), `user`, `subtype`,
`thread_ts`, `text` and `bot_id` text or null, `reactions` a list of objects whose `name` is text
and `users` a list of texts, and nothing DuckDB's JSON reader would forgive that Python's
refuses (a trailing comma, a key twice). Anything else is read by slack.py's Python loop, which
words each problem for the quarantine; so is an export without day files. Both paths give the
same rows, row numbers and order (tests/unit/test_slack_days.py).
"""

from __future__ import annotations

import contextlib
import logging
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from .layout import Layout, ParsedTable
from .staged import ORDINAL, scratch, sql_text, stage_query, staged_columns
from .staged import _folder as staging_folder

logger = logging.getLogger(__name__)

# DuckDB's JSON reader accepts `[1, 2,]` and `{"a": 1,}`; Python's refuses them. A match may be
# inside a text: then the export only takes the slower path.
TRAILING_COMMA = re.compile(rb",\s*[\]}]")
SLACK_TS = r"[0-9]{1,11}\.[0-9]{6}"  # seconds and microseconds: exact as a BIGINT of micros
DEFAULT_OBJECT_SIZE = 16 * 1024 * 1024  # DuckDB reserves buffers of twice the largest value
TEXT_OR_NULL = "('VARCHAR', 'NULL')"


@dataclass(frozen=True)
class DayFile:
    """One `<channel>/<day>.json`: the member name stored as lineage (a private conversation's
    with its pseudonym), the channel as stored, and the file's bytes."""

    member: str
    channel: str
    private: bool
    content: bytes


def read_plain(
    days: list[DayFile],
    layouts: tuple[Layout, Layout],
    person: Callable[[str], str | None],
    bots: set[str],
    too_late: datetime,
) -> tuple[ParsedTable, ParsedTable] | None:
    """The messages and reactions of a plain export, staged; None when it is not plain."""
    if not days or any(TRAILING_COMMA.search(day.content) for day in days):
        return None
    con = scratch()
    folder = tempfile.mkdtemp(prefix="slack-days-", dir=staging_folder())
    try:
        if not _load(con, folder, days):
            return None
        return _stage(con, layouts, person, bots, too_late)
    except duckdb.OutOfMemoryException as exc:  # the slower path still reads it
        logger.warning("Slack day files read in Python: DuckDB's scratch memory is short (%s)", exc)
        return None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        for table in ("slack_day_files", "slack_days", "slack_raw", "slack_reacted"):
            con.execute(f"drop table if exists {table}").fetchall()
        for view in ("slack_day_list", "slack_people"):
            with contextlib.suppress(duckdb.Error):
                con.unregister(view)


def _load(con: duckdb.DuckDBPyConnection, folder: str, days: list[DayFile]) -> bool:
    """Each day file read as one JSON array; False when DuckDB cannot, or reads other than one
    value from a file, or a message is not plain."""
    paths = []
    for number, day in enumerate(days):
        path = f"{folder}/{number:07d}.json"
        with open(path, "wb") as out:
            out.write(day.content)
        paths.append(path)
    listed = pd.DataFrame(
        {
            "day": range(len(days)),
            "path": paths,
            "member": [day.member for day in days],
            "channel": [day.channel for day in days],
            "private": [day.private for day in days],
        }
    )
    largest = max(DEFAULT_OBJECT_SIZE, *(len(day.content) + 1 for day in days))
    con.register("slack_day_list", listed)
    con.execute("create temp table slack_day_files as select * from slack_day_list").fetchall()
    try:
        con.execute(
            "create temp table slack_days as select filename as path, m from read_json(?,"
            " format = 'unstructured', records = false, columns = {m: 'JSON[]'},"
            f" maximum_object_size = {largest}, filename = true)",
            [paths],
        ).fetchall()
    except duckdb.Error:
        return False  # not JSON, not an array, not UTF-8: the Python loop says which
    [(values, files)] = con.execute(
        "select count(*), count(distinct path) from slack_days"
    ).fetchall()
    if values != len(days) or files != len(days):
        return False  # an empty file, or two values in one
    con.execute(
        """
        create temp table slack_raw as
        select f.day, f.member, f.channel, f.private, u.message_number, u.message,
               json_type(u.message) as kind,
               json_keys(u.message) as keys,
               json_type(u.message, ['$.ts', '$.user', '$.subtype', '$.thread_ts', '$.text',
                                     '$.bot_id', '$.reactions']) as types,
               json_extract_string(u.message, ['$.ts', '$.user', '$.subtype', '$.thread_ts',
                                               '$.text', '$.bot_id']) as fields,
               json_exists(u.message, '$.edited') as is_edited
        from slack_days d
        join slack_day_files f using (path),
        lateral (select unnest(generate_series(1, len(d.m))) as message_number,
                        unnest(d.m) as message) u
        """
    ).fetchall()
    [(plain,)] = con.execute(
        f"""
        select coalesce(bool_and(
            kind = 'OBJECT'
            and len(keys) = len(list_distinct(keys))
            and types[1] = 'VARCHAR' and regexp_full_match(fields[1], '{SLACK_TS}')
            and list_bool_and(list_transform(types[2:6],
                              lambda t: t is null or t in {TEXT_OR_NULL}))
            and (types[7] is null or types[7] in ('ARRAY', 'NULL'))
        ), true) from slack_raw
        """
    ).fetchall()
    return bool(plain) and _reactions_plain(con)


def _reactions_plain(con: duckdb.DuckDBPyConnection) -> bool:
    """Each reaction an object with a text `name` (or none) and `users` a list of texts."""
    con.execute(
        """
        create temp table slack_reacted as
        select r.day, r.message_number, u.reaction_number, u.reaction,
               json_type(u.reaction) as kind,
               json_keys(u.reaction) as keys,
               json_type(u.reaction, ['$.name', '$.users']) as types
        from slack_raw r,
        lateral (select unnest(generate_series(
                            1, json_array_length(r.message, '$.reactions')::bigint))
                            as reaction_number,
                        unnest(json_extract(r.message, '$.reactions[*]')) as reaction) u
        where r.types[7] = 'ARRAY'
        """
    ).fetchall()
    [(plain,)] = con.execute(
        """
        select coalesce(bool_and(
            kind = 'OBJECT'
            and len(keys) = len(list_distinct(keys))
            and (types[1] is null or types[1] = 'VARCHAR')
            and (types[2] is null or types[2] = 'NULL' or (types[2] = 'ARRAY'
                 and list_bool_and(list_transform(json_extract(reaction, '$.users[*]'),
                                                  lambda u: json_type(u) = 'VARCHAR'))))
        ), true) from slack_reacted
        """
    ).fetchall()
    return bool(plain)


def _stage(
    con: duckdb.DuckDBPyConnection,
    layouts: tuple[Layout, Layout],
    person: Callable[[str], str | None],
    bots: set[str],
    too_late: datetime,
) -> tuple[ParsedTable, ParsedTable] | None:
    """Messages and reactions typed, with pseudonyms for the Slack ids, in file order."""
    con.execute(
        """
        alter table slack_raw add column message_at timestamp;
        update slack_raw
        set message_at = make_timestamp(cast(replace(fields[1], '.', '') as bigint));
        """
    ).fetchall()
    [(late,)] = con.execute(
        "select count(*) from slack_raw where message_at >= ?", [too_late]
    ).fetchall()
    if late:
        return None  # the Python loop words the problem with the date limits
    reactors = """
        select day, message_number, reaction_number,
               json_extract_string(reaction, '$.name') as name,
               unnest(generate_series(1, json_array_length(reaction, '$.users')::bigint))
                   as reactor_number,
               unnest(json_extract_string(reaction, '$.users[*]')) as reactor
        from slack_reacted where types[2] = 'ARRAY'
    """
    ids = con.execute(
        f"select fields[2] from slack_raw where fields[2] <> ''"
        f" union select reactor from ({reactors})"
    ).fetchall()
    people = pd.DataFrame(
        [(slack_id, person(slack_id)) for (slack_id,) in ids], columns=["slack_id", "user_key"]
    )
    con.register("slack_people", people.astype({"user_key": "object"}))
    messages_layout, reactions_layout = layouts
    messages = stage_query(
        con,
        f"""
        select r.member as source_member, r.message_number as source_row,
               r.channel as channel_name, r.fields[1] as message_ts, r.message_at,
               p.user_key, r.fields[3] as subtype,
               coalesce(r.fields[6], '') <> ''
                   or list_contains({_text_list(bots)}, coalesce(r.fields[2], '')) as is_bot,
               r.fields[4] as thread_ts, r.is_edited, r.fields[5] as text,
               r.private as is_private_conversation,
               row_number() over (order by r.day, r.message_number) as {ORDINAL}
        from slack_raw r left join slack_people p on p.slack_id = r.fields[2]
        """,
        staged_columns(messages_layout.ddl_columns()),
    )
    reactions = stage_query(
        con,
        f"""
        select r.member as source_member, r.message_number as source_row,
               r.channel as channel_name, r.fields[1] as message_ts, r.message_at,
               coalesce(x.name, '') as reaction, p.user_key,
               row_number() over (order by x.day, x.message_number, x.reaction_number,
                                           x.reactor_number) as {ORDINAL}
        from ({reactors}) x
        join slack_raw r using (day, message_number)
        left join slack_people p on p.slack_id = x.reactor
        """,
        staged_columns(reactions_layout.ddl_columns()),
    )
    return (
        ParsedTable(rows=messages, rows_read=messages.staged),
        ParsedTable(rows=reactions, rows_read=reactions.staged),
    )


def _text_list(texts: set[str]) -> str:
    quoted = ", ".join(sql_text(text) for text in sorted(texts))
    return f"cast([{quoted}] as varchar[])"
