"""No names past raw from conversations: a Slack export with group DMs (folders named after
their members) and direct messages, and a Viva Engage export with a private conversation and
a group named after a person. Real ingestion into DuckDB; then nothing in raw, not even the
archive member a quarantined row names, holds a name or an address."""

from __future__ import annotations

import io
import json
import zipfile

import duckdb

from pipelines.ingest import slack, viva_engage
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.store import ingest_source

KEY = Pseudonymiser("k")
NAMES = ("anna", "jansen", "bert", "boer")
GROUP_DM = "mpdm-anna.jansen--bert.deboer-1"
DM = "D0123456789"
TS = "1770109200.000100"  # 2026-02-03


def slack_zip() -> bytes:
    users = [
        {"id": "U1", "real_name": "Anna Jansen", "profile": {"email": "anna.jansen@x.nl"}},
        {"id": "U2", "real_name": "Bert de Boer", "profile": {"email": "bert.deboer@x.nl"}},
    ]
    files = {
        "users.json": users,
        "channels.json": [{"id": "C1", "name": "algemeen"}],
        "mpims.json": [{"id": "G1", "name": GROUP_DM}],
        "dms.json": [{"id": DM, "members": ["U1", "U2"]}],
        "algemeen/2026-02-03.json": [
            {"type": "message", "user": "U1", "text": "Bedankt Bert! #parkeren", "ts": TS}
        ],
        f"{GROUP_DM}/2026-02-03.json": [
            {"type": "message", "user": "U1", "text": "Jansen, Anna hier #parkeren", "ts": TS},
            {"type": "message", "user": "U2", "text": "geen tijd", "ts": "not a time"},
        ],
        f"{DM}/2026-02-03.json": [
            {"type": "message", "user": "U2", "text": "mail bert.deboer(at)x.nl", "ts": TS}
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, content in files.items():
            archive.writestr(path, json.dumps(content))
    return buffer.getvalue()


def everything(con, table: str) -> str:
    return " ".join(str(row) for row in con.execute(f"select * from raw.{table}").fetchall())


def test_slack_group_dms_and_dms_reach_raw_as_pseudonyms_only(tmp_path):
    inbox = tmp_path / "inbox" / "slack_export"
    inbox.mkdir(parents=True)
    (inbox / "export.zip").write_bytes(slack_zip())
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    (result,) = ingest_source(con, slack.SOURCE, inbox.parent, KEY, "run")
    assert (result.rows_loaded, result.rows_quarantined) == (3, 1)
    rows = con.execute(
        "select channel_name, source_member, is_private_conversation, text"
        " from raw.slack_messages order by is_private_conversation, text"
    ).fetchall()
    group_dm = "private-" + KEY(GROUP_DM, namespace="slack-conversation")[:16]
    dm = "private-" + KEY(DM, namespace="slack-conversation")[:16]
    assert rows == [
        ("algemeen", "algemeen/2026-02-03.json", False, "Bedankt [naam]! #parkeren"),
        (group_dm, f"{group_dm}/2026-02-03.json", True, "[naam] hier #parkeren"),
        (dm, f"{dm}/2026-02-03.json", True, "mail [e-mail]"),
    ]
    problems = con.execute("select source_member, problem from raw.quarantine").fetchall()
    assert problems == [(f"{group_dm}/2026-02-03.json", "message has no valid 'ts' timestamp")]
    stored = (everything(con, "slack_messages") + everything(con, "quarantine")).lower()
    assert not [name for name in NAMES if name in stored]


def test_a_viva_engage_group_named_after_a_person_loses_the_name(tmp_path):
    export = tmp_path / "inbox" / "viva_engage_export" / "export"
    export.mkdir(parents=True)
    (export / "Users.csv").write_text("id,name,email\n7,Anna Jansen,anna.jansen@x.nl\n")
    (export / "Groups.csv").write_text("id,name,private,members\n5,Team Anna Jansen,false,12\n")
    (export / "Messages.csv").write_text(
        "id,replied_to_id,thread_id,group_id,group_name,in_private_conversation,sender_id,"
        "sender_email,body,created_at\n"
        "1,,1,5,Team Anna Jansen,false,7,anna.jansen@x.nl,Welkom allemaal,2026-02-03 09:00:00\n"
        "2,,2,,,true,7,anna.jansen@x.nl,Anna's vraag,2026-02-03 10:00:00\n"
    )
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    (result,) = ingest_source(con, viva_engage.SOURCE, export.parent.parent, KEY, "run")
    assert (result.rows_loaded, result.rows_quarantined) == (3, 0)
    assert con.execute(
        "select message_id, group_name, in_private_conversation, body"
        " from raw.viva_engage_messages order by message_id"
    ).fetchall() == [
        ("1", "Team [naam]", False, "Welkom allemaal"),
        ("2", None, True, "[naam]'s vraag"),
    ]
    assert con.execute("select group_name from raw.viva_engage_groups").fetchall() == [
        ("Team [naam]",)
    ]
