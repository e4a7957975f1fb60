"""A corrected export replaces the one it corrects, and a file can be retired by hand: after
either, the raw tables hold exactly what a clean ingestion of the remaining files gives, the
old file stays in the registry with why, and its rows are kept aside in raw.withdrawn_rows.

Real-shaped files: the demo's e-mail report and roster, and a real Microsoft 365 export."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.defs.ingest.raw_checks import _accounting, _loses_rows
from pipelines.demo import generate_demo
from pipelines.inbox_commands import NoSuchFile, find_counted, retire
from pipelines.ingest import m365, roster
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.store import ingest_source

KEY = Pseudonymiser("k")
EMAIL = "EmailActivityUserDetail_2026-10-31.csv"
ROSTER = "roster_2026-10-31.csv"
REAL = Path(__file__).parents[1] / "fixtures" / "real_exports" / "m365"


@pytest.fixture(scope="module")
def demo_inbox(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    generate_demo(root, last_month=date(2026, 10, 1), employees=150, today=date(2026, 11, 5))
    return root / "inbox"


def corrected_email(data: bytes, silenced: int) -> bytes:
    """The report as Microsoft re-issues it: the first `silenced` users had no activity after
    all (no last activity date, zero counts); same refresh date and period."""
    lines = data.decode("utf-8-sig").split("\n")
    for number in range(1, silenced + 1):
        fields = lines[number].split(",")
        fields[5:11] = ["", "0", "0", "0", "0", "0"]
        lines[number] = ",".join(fields)
    return "\n".join(lines).encode("utf-8-sig")


def raw_rows(con, table: str) -> list[tuple]:
    """A raw table without what differs between two ingestions of the same bytes."""
    return con.execute(f"select * exclude (ingest_run_id) from raw.{table} order by all").fetchall()


def ingest(con, source, inbox: Path, run: str):
    return ingest_source(con, source, inbox, KEY, run)


def registry(con) -> list[tuple]:
    return con.execute(
        "select file_name, status, replaced_by is not null, withdrawn_reason"
        " from raw.inbox_files order by ingested_at, file_name"
    ).fetchall()


def test_a_reissued_report_under_the_same_name_replaces_the_first(demo_inbox, tmp_path):
    original = (demo_inbox / "m365_email" / EMAIL).read_bytes()
    corrected = corrected_email(original, silenced=20)
    inbox = tmp_path / "inbox" / "m365_email"
    inbox.mkdir(parents=True)
    (inbox / EMAIL).write_bytes(original)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    (first,) = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-1")
    assert first.edition == "refresh date 2026-10-31, period (days) 30"

    (inbox / EMAIL).write_bytes(corrected)  # the download overwrites the old file
    (second,) = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-2")
    assert second.status == "ingested" and second.rows_quarantined == 0
    assert second.notes == [
        f"replaces {EMAIL} (ingested {date.today():%Y-%m-%d}, 194 rows, sha256 "
        f"{first.sha256[:12]}): the same window (refresh date 2026-10-31, period (days) 30); "
        "the newer file counts, the months it fed are computed again"
    ]
    assert registry(con) == [
        (EMAIL, "superseded", True, f"replaced by {EMAIL}"),
        (EMAIL, "ingested", False, None),
    ]
    # the raw table is what a clean ingestion of the corrected file alone gives
    clean_inbox = tmp_path / "clean" / "m365_email"
    clean_inbox.mkdir(parents=True)
    (clean_inbox / EMAIL).write_bytes(corrected)
    clean = duckdb.connect(str(tmp_path / "clean.duckdb"))
    ingest(clean, m365.EMAIL_SOURCE, clean_inbox.parent, "clean")
    assert raw_rows(con, "m365_email_activity") == raw_rows(clean, "m365_email_activity")
    silenced = con.execute(
        "select source_row from raw.m365_email_activity"
        " where last_activity_date is null and send_count = 0 and source_row <= 21"
    ).fetchall()
    assert silenced == [(row,) for row in range(2, 22)]  # the header is row 1
    # nothing is lost: the old rows are kept aside, and every counted file adds up
    assert con.execute(
        "select count(*) from raw.withdrawn_rows where source_sha256 = ?", [first.sha256]
    ).fetchone() == (194,)
    assert not any(_loses_rows(f) for f in _accounting(con, m365.EMAIL_SOURCE))
    # putting the old bytes back does not bring them back: the registry says why
    (inbox / "old copy.csv").write_bytes(original)
    results = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-3")
    old = next(r for r in results if r.file_name == "old copy.csv")
    assert old.status == "already_ingested"
    assert old.note == f"same content as {EMAIL}, which no longer counts (superseded: " + (
        f"replaced by {EMAIL})"
    )


def test_a_corrected_roster_snapshot_replaces_the_earlier_one_whatever_its_name(
    demo_inbox, tmp_path
):
    """Same snapshot date, another name: before, its 251 keys were quarantined as already
    stored; now it replaces the first snapshot and its corrected department counts."""
    inbox = tmp_path / "inbox" / "roster"
    inbox.mkdir(parents=True)
    original = (demo_inbox / "roster" / ROSTER).read_text(encoding="utf-8")
    (inbox / ROSTER).write_text(original, encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ingest(con, roster.SOURCE, inbox.parent, "run-1")
    header, first_row, *rest = original.splitlines()
    column = header.split(",").index("department")
    fields = first_row.split(",")
    fields[column] = "Corrected department"
    fixed = "\n".join([header, ",".join(fields), *rest]) + "\n"
    (inbox / "roster_2026-10-31 (corrected).csv").write_text(fixed, encoding="utf-8")
    results = ingest(con, roster.SOURCE, inbox.parent, "run-2")
    new = next(r for r in results if r.status == "ingested")
    assert len(rest) + 1 == 251  # employees and leavers of the demo's October snapshot
    assert (new.rows_loaded, new.rows_quarantined) == (251, 0)
    assert new.notes[0].startswith(f"replaces {ROSTER} (ingested ")
    assert con.execute(
        "select count(*), count(*) filter (where department = 'Corrected department')"
        " from raw.roster"
    ).fetchone() == (251, 1)


def test_same_name_another_window_keeps_both_and_says_how_to_retire(tmp_path):
    """A user who saves each month's real Microsoft 365 report under one name: the new window
    does not erase the old one; the note names the command should it be a correction."""
    inbox = tmp_path / "inbox" / "m365_email"
    inbox.mkdir(parents=True)
    real = (REAL / "pnp_mailactivityuserdetail.csv").read_text(encoding="utf-8-sig")
    (inbox / "email.csv").write_text(real, encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    (first,) = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-1")
    assert real.splitlines()[1].startswith("2023-01-24,")  # its refresh date
    (inbox / "email.csv").write_text(real.replace("2023-01-24,", "2023-02-24,"), encoding="utf-8")
    (second,) = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-2")
    assert second.edition == "refresh date 2023-02-24, period (days) 7"
    assert con.execute(
        "select count(*), sum(rows_loaded) from raw.inbox_files where status = 'ingested'"
    ).fetchone() == (2, 2)
    assert second.notes[0] == (
        "an earlier file of the same name (ingested "
        f"{date.today():%Y-%m-%d}, refresh date 2023-01-24, period (days) 7) covers another "
        f"window, so both count; if this file corrects it, run: snm inbox retire "
        f"{first.sha256[:12]}"
    )


def test_a_rejected_file_corrected_under_its_name_stops_warning(tmp_path):
    inbox = tmp_path / "inbox" / "m365_email"
    inbox.mkdir(parents=True)
    (inbox / "email.csv").write_text("not,a,report\n1,2,3\n", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    (bad,) = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-1")
    assert (bad.status, bad.rows_loaded) == ("ingested", 0)  # the header is missing columns
    shutil.copy(REAL / "pnp_mailactivityuserdetail.csv", inbox / "email.csv")
    (good,) = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-2")
    assert good.rows_loaded > 0 and good.notes[0].startswith("replaces email.csv")
    assert "): the same name; the newer file counts" in good.notes[0]  # it had no window
    warned = con.execute(
        "select count(*) from raw.quarantine where source_sha256 in"
        " (select sha256 from raw.inbox_files where status in ('ingested', 'rejected'))"
    ).fetchone()
    assert warned == (0,)


def test_retiring_a_file_takes_its_rows_out_and_it_is_not_read_again(demo_inbox, tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(demo_inbox / "m365_email", inbox / "m365_email")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    ingest(con, m365.EMAIL_SOURCE, inbox, "run-1")
    before = con.execute("select count(*) from raw.m365_email_activity").fetchone()[0]
    retired = retire(con, f"m365_email/{EMAIL}", "wrong tenant")
    assert (retired.file_name, retired.rows_moved) == (EMAIL, 194)
    after = con.execute("select count(*) from raw.m365_email_activity").fetchone()[0]
    assert after == before - 194
    assert con.execute(
        "select status, withdrawn_reason from raw.inbox_files where file_name = ?", [EMAIL]
    ).fetchone() == ("retired", "wrong tenant")
    results = ingest(con, m365.EMAIL_SOURCE, inbox, "run-2")  # the file is still there
    assert {r.status for r in results} == {"already_ingested"}
    assert con.execute("select count(*) from raw.m365_email_activity").fetchone()[0] == after
    with pytest.raises(NoSuchFile, match="no longer counts"):
        find_counted(con, EMAIL)
    with pytest.raises(NoSuchFile, match="no ingested file matches 'EmailActivityUserDetail'"):
        find_counted(con, "EmailActivityUserDetail")  # a name is matched whole


def test_files_registered_before_editions_get_theirs_and_can_be_replaced(demo_inbox, tmp_path):
    """A registry of an earlier version has no edition: it is filled from the stored rows, so
    a re-issued report under another name still replaces the file it corrects."""
    inbox = tmp_path / "inbox" / "m365_email"
    inbox.mkdir(parents=True)
    original = (demo_inbox / "m365_email" / EMAIL).read_bytes()
    (inbox / EMAIL).write_bytes(original)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    (first,) = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-1")
    con.execute("update raw.inbox_files set edition = null")  # as an earlier version left it
    ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-2")
    assert con.execute("select edition from raw.inbox_files").fetchall() == [(first.edition,)]
    (inbox / "EmailActivityUserDetail (1).csv").write_bytes(corrected_email(original, 5))
    results = ingest(con, m365.EMAIL_SOURCE, inbox.parent, "run-3")
    new = next(r for r in results if r.status == "ingested")
    assert new.notes[0].startswith(f"replaces {EMAIL} (")
    assert registry(con)[0][:2] == (EMAIL, "superseded")


def test_a_month_that_cannot_be_rendered_is_refused_before_anything_is_retired(
    demo_inbox, tmp_path, monkeypatch, capsys
):
    from pipelines.cli import main

    monkeypatch.delenv("SNM_WAREHOUSE", raising=False)
    inbox = tmp_path / "inbox"
    shutil.copytree(demo_inbox / "m365_email", inbox / "m365_email")
    warehouse = tmp_path / "w.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        ingest(con, m365.EMAIL_SOURCE, inbox, "run-1")
    args = ["inbox", "retire", EMAIL, "--inbox", str(inbox), "--warehouse", str(warehouse)]
    assert main([*args, "--month", "2999-01"]) == 2
    assert capsys.readouterr().err == (
        "snm: 2999-01 is not a complete month yet; the monitor reports whole months\n"
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(
            "select count(*) from raw.inbox_files where status = 'ingested'"
        ).fetchone() == (14,)
