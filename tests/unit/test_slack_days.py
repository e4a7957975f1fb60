"""A Slack export read by DuckDB (slack_days.py) gives the rows the Python loop gives: the same
values, row numbers and order, on a real export, the fixture month and a hand-made export with
every corner the SQL must agree on; an export with anything DuckDB would forgive or the Python
loop must word goes to the loop."""

from __future__ import annotations

import json
import threading
import zipfile
from pathlib import Path

import pytest

from pipelines.ingest import slack, staged
from pipelines.ingest.inbox import InboxItem
from pipelines.ingest.pseudonym import SLACK_USER, Pseudonymiser
from pipelines.ingest.source import ReadOptions
from pipelines.ingest.staged import StagedRows

FIXTURES = Path(__file__).parents[1] / "fixtures"
REAL = FIXTURES / "real_exports" / "slack" / "slack-export-viewer-testarchive.zip"
MONTH = FIXTURES / "small_inbox" / "inbox" / "slack_export" / "slack_export_2026-02.zip"
KEY = Pseudonymiser("k")
TS = "1770109200.000100"  # 2026-02-03 09:00:00.0001 UTC

USERS = [
    {"id": "U1", "real_name": "Anna Jansen", "profile": {"email": "anna.jansen@x.nl"}},
    {"id": "U2", "real_name": "Bert de Boer", "profile": {}},
    {"id": "B1", "is_bot": True, "profile": {}},
]
CORNERS = [
    {"type": "message", "user": "U1", "text": "Bedankt Bert <@U2>!", "ts": TS},
    {"ts": "1770109201.999999", "user": "U2", "edited": None, "thread_ts": TS, "text": ""},
    {"ts": "1770109202.000000", "bot_id": "B9", "subtype": "bot_message", "text": None},
    {"ts": "1770109203.500000", "user": "B1", "reactions": []},
    {"ts": "1770109204.000001", "user": "", "reactions": None, "edited": {"user": "U1"}},
    {
        "ts": "1770109205.123456",
        "user": "U9",
        "text": "mail anna.jansen@x.nl",
        "reactions": [
            {"name": "+1", "users": ["U2", "U1", "U9"], "count": 3},
            {"users": ["U1"]},
            {"name": "eyes", "users": None},
            {"name": "tada"},
            {"name": "heart", "users": ["U2"]},
        ],
    },
]


def _zip(path: Path, files: dict[str, object], raw: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, json.dumps(content, indent=1))
        for name, content in (raw or {}).items():
            archive.writestr(name, content)
    return path


def _parse(path: Path, monkeypatch=None, in_python: bool = False):
    item = InboxItem("slack_export", path, "", path.stat().st_size)
    if in_python:
        monkeypatch.setattr(slack, "read_plain", lambda *args: None)
    tables = slack.parse(item, KEY, ReadOptions())
    try:
        return {
            name: (table.row_dicts(), table.rows_read, table.problems, table.notes)
            for name, table in tables.items()
        }, {name: isinstance(t.rows, StagedRows) for name, t in tables.items()}
    finally:
        for table in tables.values():
            table.release()


def _both(path: Path, monkeypatch):
    in_sql, staged = _parse(path)
    with monkeypatch.context() as patched:
        in_python, _ = _parse(path, patched, in_python=True)
    return in_sql, staged, in_python


@pytest.mark.parametrize(
    ("path", "messages", "reactions"),
    [(REAL, 158, 1), (MONTH, 5, 1)],  # counted in the day files' JSON
    ids=["real export", "fixture month"],
)
def test_an_export_read_by_duckdb_gives_the_python_loops_rows(
    path, messages, reactions, monkeypatch
):
    in_sql, staged, in_python = _both(path, monkeypatch)
    assert staged == {"slack_messages": True, "slack_reactions": True}
    assert in_sql == in_python
    assert len(in_sql["slack_messages"][0]) == in_sql["slack_messages"][1] == messages
    assert len(in_sql["slack_reactions"][0]) == in_sql["slack_reactions"][1] == reactions


def test_every_corner_reads_the_same_in_sql_and_in_python(tmp_path, monkeypatch):
    group_dm = "mpdm-anna--bert-1"
    path = _zip(
        tmp_path / "corners.zip",
        {
            "users.json": USERS,
            "algemeen/2026-02-03.json": CORNERS,
            "algemeen/2026-02-04.json": [],
            f"{group_dm}/2026-02-03.json": CORNERS[:2],
        },
        raw={"random/2026-02-03.json": b"\xef\xbb\xbf" + json.dumps(CORNERS[:1]).encode()},
    )
    in_sql, staged, in_python = _both(path, monkeypatch)
    assert staged["slack_messages"]
    assert in_sql == in_python
    messages, read, problems, notes = in_sql["slack_messages"]
    assert (read, problems) == (9, [])
    assert notes and "for 1 of 2 people" in notes[0]
    by_ts = {m["message_ts"]: m for m in messages if m["channel_name"] == "algemeen"}
    assert by_ts[TS]["text"] == f"Bedankt [naam] [@{KEY(SLACK_USER + 'U2')}]!"
    assert by_ts["1770109201.999999"]["is_edited"] is True  # "edited": null is still an edit
    assert [by_ts[ts]["is_bot"] for ts in sorted(by_ts)] == [False, False, True, True, False, False]
    assert by_ts["1770109204.000001"]["user_key"] is None
    assert str(by_ts["1770109205.123456"]["message_at"]) == "2026-02-03 09:00:05.123456"
    reactions, read, _, _ = in_sql["slack_reactions"]
    assert read == 5
    assert [(r["reaction"], r["source_row"]) for r in reactions] == [
        ("+1", 6), ("+1", 6), ("+1", 6), ("", 6), ("heart", 6),
    ]  # fmt: skip
    assert [r["user_key"] for r in reactions][:3] == [
        KEY(SLACK_USER + "U2"), KEY("anna.jansen@x.nl"), KEY(SLACK_USER + "U9"),
    ]  # fmt: skip


NOT_READABLE = "day file not readable: "
ODD_DAYS = {
    # DuckDB forgives the comma, Python does not
    "trailing comma": (b'[{"ts": "1770109200.000100", "text": "a",}]', NOT_READABLE),
    "key twice": (b'[{"ts": "1770109200.000100", "ts": "1770109300.000100"}]', None),
    "numeric ts": (b'[{"ts": 1770109200.0001}]', None),
    "short ts": (b'[{"ts": "1770109200.1"}]', None),
    "numeric user": (b'[{"ts": "1770109200.000100", "user": 7}]', "'user' is not a text but 7"),
    "numeric reactor": (
        b'[{"ts": "1770109200.000100", "reactions": [{"name": "x", "users": [1]}]}]',
        "'reactions' is not a list of reaction names with user ids",
    ),
    "reactions an object": (
        b'[{"ts": "1770109200.000100", "reactions": {"name": "x"}}]',
        "'reactions' is not a list of reaction names with user ids",
    ),
    "a text for a message": (b'["just a text"]', "message has no valid 'ts' timestamp"),
    "an object": (b'{"ts": "1770109200.000100"}', NOT_READABLE + "expected a list of messages"),
    "two arrays": (b'[{"ts": "1770109200.000100"}] [{"ts": "1"}]', NOT_READABLE + "Extra data"),
    "empty": (b"", NOT_READABLE + "Expecting value"),
    "not UTF-8": (b'[{"ts": "1770109200.000100", "text": "\xff"}]', "can't decode byte 0xff"),
    "future": (b'[{"ts": "4102444800.000000"}]', "'2100-01-01 00:00:00' UTC lies in the future"),
}


@pytest.mark.parametrize("odd", ODD_DAYS)
def test_what_is_not_plain_goes_to_the_python_loop_with_its_words(odd, tmp_path, monkeypatch):
    day, words = ODD_DAYS[odd]
    path = _zip(
        tmp_path / "odd.zip",
        {"users.json": USERS, "algemeen/2026-02-02.json": CORNERS[:1]},
        raw={"algemeen/2026-02-03.json": day},
    )
    in_sql, staged, in_python = _both(path, monkeypatch)
    assert staged == {"slack_messages": False, "slack_reactions": False}
    assert in_sql == in_python
    rows, read, problems, _ = in_sql["slack_messages"]
    assert read == 2
    if words is None:  # read as Python reads it
        assert (len(rows), problems) == (2, [])
    else:
        [problem] = problems
        assert (len(rows), problem.member) == (1, "algemeen/2026-02-03.json")
        assert words in problem.message


def test_an_export_too_large_for_duckdbs_scratch_memory_is_read_in_python(monkeypatch):
    monkeypatch.setattr(staged, "SCRATCH_MEMORY", "256KB")
    found = {}

    def parse_in_a_thread_of_its_own():  # with a scratch DuckDB of its own, that small
        found["tables"], found["staged"] = _parse(MONTH)

    worker = threading.Thread(target=parse_in_a_thread_of_its_own)
    worker.start()
    worker.join()
    assert found["staged"] == {"slack_messages": False, "slack_reactions": False}
    in_sql, _, _ = _both(MONTH, monkeypatch)
    assert found["tables"] == in_sql
