"""The DuckDB reader gives what the Python reader gives, problem for problem (ingest/records.py).

Every delimited file the tests know (the fixture inbox, the real exports, the bad inputs) and
a set of hand-written awkward files is parsed by each source twice, once per engine; the
typed rows, the quarantine entries, the counts and the notes must be identical. Files that
DuckDB reads as Python does must really be read by DuckDB, or the fast path proves nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from pipelines.ingest.duckdb_records import SPACES
from pipelines.ingest.inbox import InboxItem
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.reading import UnreadableFile
from pipelines.ingest.records import DUCKDB_FROM_BYTES, ENGINE_SETTING, read_records
from pipelines.ingest.registry import SOURCES_BY_NAME
from pipelines.ingest.source import ReadOptions
from tests.fixtures.bad_inputs import CASES, EMAIL_HEADER, VIVA_HEADER, write_case

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_INBOX = ROOT / "tests/fixtures/small_inbox/inbox"
REAL_M365 = ROOT / "tests/fixtures/real_exports/m365"
CSV_SOURCES = ("roster", "m365_email", "m365_teams", "viva_engage_usage", "activity", "actions")
LATER = date.today() + timedelta(days=3)


def _parse(source: str, path: Path, engine: str, monkeypatch) -> object:
    monkeypatch.setenv(ENGINE_SETTING, engine)
    item = InboxItem(source, path, "0" * 64, 0)
    try:
        tables = SOURCES_BY_NAME[source].parse(item, Pseudonymiser("k"), ReadOptions())
    except UnreadableFile as exc:
        return ("unreadable", str(exc))
    return {
        name: (
            t.row_dicts(),
            [(p.row, p.column, p.message, p.member) for p in t.problems],
            (t.rows_read, t.rows_quarantined, t.lines_read, t.lines_in_records),
            t.notes,
        )
        for name, t in tables.items()
    }


def _same(source: str, path: Path, monkeypatch) -> object:
    python = _parse(source, path, "python", monkeypatch)
    duckdb = _parse(source, path, "duckdb", monkeypatch)
    assert duckdb == python
    return python


def _known_files() -> list[tuple[str, Path]]:
    files = [
        (p.relative_to(FIXTURE_INBOX).parts[0], p)
        for p in sorted(FIXTURE_INBOX.glob("*/*.csv"))
        if p.relative_to(FIXTURE_INBOX).parts[0] in CSV_SOURCES
    ]
    files += [(source, p) for p in sorted(REAL_M365.glob("*.csv")) for source in CSV_SOURCES[1:4]]
    return files


@pytest.mark.parametrize(("source", "path"), _known_files(), ids=lambda v: getattr(v, "name", v))
def test_every_fixture_and_real_export_reads_the_same_by_both_engines(source, path, monkeypatch):
    parsed = _same(source, path, monkeypatch)
    assert parsed != ("unreadable", "")


def test_clean_files_are_really_read_by_duckdb(monkeypatch):
    monkeypatch.setenv(ENGINE_SETTING, "duckdb")
    clean = [
        FIXTURE_INBOX / "m365_email/EmailActivityUserDetail_2026-02-28.csv",
        FIXTURE_INBOX / "roster/roster_2026-02-28.csv",
        FIXTURE_INBOX / "activity/activity_2026-02.csv",
        FIXTURE_INBOX / "viva_engage_export/export_2026-02/Messages.csv",
        *sorted(REAL_M365.glob("*.csv")),
    ]
    assert [read_records(p.read_bytes()).engine for p in clean] == ["duckdb"] * len(clean)


def test_the_fixture_viva_engage_export_reads_the_same_by_both_engines(monkeypatch):
    parsed = _same(
        "viva_engage_export", FIXTURE_INBOX / "viva_engage_export/export_2026-02", monkeypatch
    )
    messages = parsed["viva_engage_messages"][0]
    assert messages and all(row["sender_key"] for row in messages)


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.path.split("/")[0] != "slack_export"], ids=lambda c: c.name
)
def test_every_bad_input_reads_the_same_by_both_engines(case, tmp_path, monkeypatch):
    target = write_case(tmp_path, case)
    _same(case.path.split("/")[0], target, monkeypatch)


EMAIL_ROW = "2026-02-27,{upn},Ext,False,,2026-02-20,{send},5,5,0,0,,{period}"
HAND_CASES = {
    "quoted values over several lines, CRLF line ends": (
        "m365_email",
        "\r\n".join(
            [
                EMAIL_HEADER,
                EMAIL_ROW.format(upn="a@x.org", send=1, period=30),
                '2026-02-27,b@x.org,"Two\r\nlines",False,,2026-02-20,2,5,5,0,0,"A\r\nB",30',
                EMAIL_ROW.format(upn="c@x.org", send=3, period="D30"),
            ]
        )
        + "\r\n\r\n",
    ),
    "a blank line between records, and blank records": (
        "m365_email",
        "\n".join(
            [
                EMAIL_HEADER,
                EMAIL_ROW.format(upn="a@x.org", send=1, period=30),
                "",
                ",,,,,,,,,,,,",
                EMAIL_ROW.format(upn="b@x.org", send=2, period=7),
            ]
        ),
    ),
    "blanks around quotes, which Python keeps as text": (
        "activity",
        'date,email,tool,action,count\n2026-02-03, "a@x.org" ,intranet,visit,1\n'
        '2026-02-03,b@x.org,"intranet" ,view,2\n2026-02-04,c@x.org,app,view,3\n',
    ),
    "semicolons, a byte-order mark, unusual blanks and cases": (
        "activity",
        "\ufeffdate;email;tool;action;count\n2026-02-03;\u00a0A@X.org\u00a0;intranet; VISIT ;1\n"
        "2026-02-03;b@x.org;intranet;Post;0\n2026-02-04;c@x.org;app;like;3\n",
    ),
    "tabs, counts with separators, negative and empty counts": (
        "activity",
        "date\temail\ttool\taction\tcount\n2026-02-03\ta@x.org\tintranet\tvisit\t1.000\n"
        "2026-02-03\tb@x.org\tintranet\tview\t1 234\n2026-02-04\tc@x.org\tapp\tview\t-2\n"
        "2026-02-04\td@x.org\tapp\tview\t\n2026-02-04\te@x.org\tapp\tview\t99999999999999999999\n"
        "2026-02-03\tA@x.org\tintranet\tvisit\t1\n",
    ),
    "dates in other forms, slashed, impossible and after today": (
        "activity",
        "date,email,tool,action,count\n2026-02-03T10:00:00,a@x.org,intranet,visit,1\n"
        f"2026-02-30,b@x.org,intranet,view,2\n{LATER},c@x.org,app,view,3\n"
        "20260204,d@x.org,app,view,4\n2026-2-4,e@x.org,app,view,5\n",
    ),
    "slashed dates that prove their order": (
        "activity",
        "date,email,tool,action,count\n3/4/2026,a@x.org,intranet,visit,1\n"
        "25/4/2026,b@x.org,intranet,view,2\n",
    ),
    "wrong widths, a stray quote and duplicates": (
        "activity",
        "date,email,tool,action,count\n2026-02-03,a@x.org,intranet,visit,1\n"
        "2026-02-03,a@x.org,intranet,visit\n2026-02-03,a@x.org,intranet,visit,1,9\n"
        '2026-02-03,"b@x.org,intranet,visit,1\n2026-02-03,a@x.org,intranet,visit,1\n'
        "2026-02-03,A@x.org ,intranet,visit,1\n",
    ),
    "a roster with planned dates, empty identities and booleans": (
        "roster",
        "employee_id,email,department,location,role_type,birth_year,start_date,end_date\n"
        f"E1,a@x.org,HR,Utrecht,office,1980,2020-01-01,{LATER}\n"
        "E2,,HR,Utrecht,office,,2020-01-01,\n"
        "E3,c@x.org,,Utrecht,office,19x0,2020-01-01,\n"
        f"E4,d@x.org,IT,Zwolle,field,1990,{date.today() + timedelta(days=800)},\n",
    ),
    "a register with Dutch words and empty optional dates": (
        "actions",
        "issue,signalled_on,signalled_to,responded_on,action,outcome,closed_on\n"
        "parkeren,2025-06-02,Facilitair,2025-06-05,Onderzocht,adopted,\n"
        "werkdruk,2025-06-02 ,,,,,\n'quote',2025-07-01,MT,2025-07-40,x,y,\n",
    ),
    "concealed user names": (
        "m365_teams",
        "Report Refresh Date,User Principal Name,Last Activity Date,Team Chat Message Count,"
        "Private Chat Message Count,Call Count,Meeting Count,Is Licensed,Report Period\n"
        "2026-02-28,0123456789ABCDEF0123456789ABCDEF,2026-02-10,1,1,1,1,Yes,30\n"
        "2026-02-28,fedcba9876543210fedcba9876543210,,0,0,0,0,Nee,30\n"
        "2026-02-28,x@y.org,2026-02-11,2,2,2,2,maybe,30\n",
    ),
}


# what DuckDB cannot read as Python does goes to the Python reader whole
READ_BY_PYTHON = {
    "a blank line between records, and blank records",
    "blanks around quotes, which Python keeps as text",
    "wrong widths, a stray quote and duplicates",
}


def test_only_files_duckdb_reads_otherwise_go_to_python(monkeypatch):
    monkeypatch.setenv(ENGINE_SETTING, "duckdb")
    engines = {name: read_records(text.encode()).engine for name, (_, text) in HAND_CASES.items()}
    assert {name for name, engine in engines.items() if engine == "python"} == READ_BY_PYTHON


@pytest.mark.parametrize("name", list(HAND_CASES))
def test_awkward_files_read_the_same_by_both_engines(name, tmp_path, monkeypatch):
    source, text = HAND_CASES[name]
    path = tmp_path / "file.csv"
    path.write_bytes(text.encode("utf-8"))
    _same(source, path, monkeypatch)


def test_viva_engage_senders_and_broken_bodies_read_the_same(tmp_path, monkeypatch):
    row = "{id},,{id},500,Prikbord,,false,false,{sender},user,{name},{email},{body},,,,,{at},"
    lines = [
        VIVA_HEADER,
        row.format(
            id=1, sender=901, name="An", email="an@x.org", body="hoi", at="2026-02-07T09:00:00Z"
        ),
        row.format(
            id=2, sender=902, name="Bo", email="", body='"a\nb, ""c"""', at="2026-02-07 10:00:00"
        ),
        row.format(
            id=3,
            sender=903,
            name="Cy",
            email="",
            body="zonder mail",
            at="2026-02-07T11:00:00+01:00",
        ),
        row.format(id=4, sender="", name="", email="", body="niemand", at="2026-02-07T12:00:00Z"),
        row.format(
            id=4, sender=901, name="An", email="an@x.org", body="dubbel", at="2026-02-07T12:00:00Z"
        ),
        row.format(
            id=5, sender=901, name="An", email="an@x.org", body="kapot", at="2026-02-07T12:00"
        )[:-1],
    ]
    folder = tmp_path / "export_2026-02"
    folder.mkdir()
    (folder / "Messages.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "Users.csv").write_text("id,name,email\n902,Bo Berg,bo@x.org\n", encoding="utf-8")
    rows, problems, counts, _ = _same("viva_engage_export", folder, monkeypatch)[
        "viva_engage_messages"
    ]
    key = Pseudonymiser("k")
    # An by her e-mail, Bo by Users.csv, Cy by his vendor id, the fourth by nobody
    senders = [key("an@x.org"), key("bo@x.org"), key("viva-engage-user:903"), None]
    assert [(r["source_row"], r["sender_key"]) for r in rows] == list(
        zip([2, 3, 4, 5], senders, strict=True)
    )
    assert rows[1]["body"] == 'a\nb, "c"'
    assert str(rows[2]["created_at"]) == "2026-02-07 10:00:00"  # 11:00 at +01:00, in UTC
    assert problems == [
        (6, None, "duplicate of row 5 (same id)", "Messages.csv"),
        (
            7,
            None,
            "the record has 18 of 19 columns: a broken line, or the file was cut off",
            "Messages.csv",
        ),
    ]
    assert counts == (6, 2, 7, 7)  # records read, quarantined; lines read, lines in records


def test_by_default_only_large_files_are_read_by_duckdb(monkeypatch):
    """DuckDB's reader pays a start per file that only a large file wins back."""
    monkeypatch.delenv(ENGINE_SETTING, raising=False)
    row = "2026-02-03,a@x.org,intranet,visit,1\n"
    small = ("date,email,tool,action,count\n" + row).encode()
    large = small + row.encode() * (DUCKDB_FROM_BYTES // len(row) + 1)
    assert [read_records(small).engine, read_records(large).engine] == ["python", "duckdb"]


def test_the_sql_whitespace_is_what_str_strip_removes():
    every = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert every == SPACES
