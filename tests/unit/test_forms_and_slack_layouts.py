"""Exports as their tools really lay them out: Microsoft Forms downloads (CSV and .xlsx) and a
Slack ZIP re-packed under one folder. Each goes through the real ingestion into DuckDB."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime

import duckdb
from openpyxl import Workbook

from pipelines.ingest import slack, survey
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.source import ReadOptions
from pipelines.ingest.store import ingest_source

KEY = Pseudonymiser("k")
QUESTION = "Hoe betrokken voel je je\nbij je werk?"  # Forms keeps the line break of the question
CHANNELS = "Via welke kanalen wil je informatie?"
HEADER = ["ID", "Start time", "Completion time", "Email", "Name", "Last modified time"]
ROWS = [
    [
        1,
        "7/2/20 11:00:22",
        "7/2/20 11:03:40",
        "anna@example.org",
        "Anna Jansen",
        "",
        "4",
        "Intranet;E-mail;",
    ],
    [2, "7/14/20 9:15:00", "7/14/20 9:20:05", "anonymous", "", "", "2", "Teamoverleg;"],
]


def forms_csv(rows=ROWS) -> bytes:
    lines = [",".join(f'"{h}"' for h in [*HEADER, QUESTION, CHANNELS])]
    lines += [",".join(f'"{v}"' for v in row) for row in rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def forms_xlsx() -> bytes:
    """The native download: real date cells, numbers as numbers."""
    book = Workbook()
    sheet = book.active
    sheet.append([*HEADER, QUESTION, CHANNELS])
    sheet.append(
        [
            1,
            datetime(2020, 7, 2, 11, 0, 22),
            datetime(2020, 7, 2, 11, 3, 40),
            "anna@example.org",
            "Anna Jansen",
            None,
            4,
            "Intranet;E-mail;",
        ]
    )
    sheet.append(
        [
            2,
            datetime(2020, 7, 14, 9, 15),
            datetime(2020, 7, 14, 9, 20, 5),
            "anonymous",
            None,
            None,
            2,
            "Teamoverleg;",
        ]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def ingest(tmp_path, source, files: dict[str, bytes], options: ReadOptions | None = None):
    for name, data in files.items():
        path = tmp_path / "inbox" / source.name / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    return con, ingest_source(con, source, tmp_path / "inbox", KEY, "run", options or ReadOptions())


def test_a_forms_csv_download_reads_as_forms_wrote_it(tmp_path):
    con, (result,) = ingest(tmp_path, survey.SOURCE, {"wave.csv": forms_csv()})
    assert (result.status, result.rows_quarantined) == ("ingested", 0)
    responses = con.execute(
        "select response_id, completed_at, respondent_key is null from raw.survey_responses"
        " order by 1"
    ).fetchall()
    assert responses == [
        ("1", datetime(2020, 7, 2, 11, 3, 40), False),  # 14 July proves month/day
        ("2", datetime(2020, 7, 14, 9, 20, 5), True),  # anonymous: nobody
    ]
    answers = con.execute(
        "select response_id, question, answer from raw.survey_answers order by 1, 2, 3"
    ).fetchall()
    assert answers == [
        ("1", "Hoe betrokken voel je je bij je werk?", "4"),  # the question on one line
        ("1", CHANNELS, "E-mail"),  # a multiple-choice answer: one row per choice
        ("1", CHANNELS, "Intranet"),
        ("2", "Hoe betrokken voel je je bij je werk?", "2"),
        ("2", CHANNELS, "Teamoverleg"),
    ]  # 'Last modified time' is no question


def test_the_xlsx_download_gives_the_same_rows(tmp_path):
    con, (result,) = ingest(tmp_path, survey.SOURCE, {"wave.xlsx": forms_xlsx()})
    assert (result.status, result.rows_loaded) == ("ingested", 7)
    completed = con.execute("select completed_at from raw.survey_responses order by 1").fetchall()
    assert completed == [(datetime(2020, 7, 2, 11, 3, 40),), (datetime(2020, 7, 14, 9, 20, 5),)]


def test_an_undecidable_download_waits_for_the_setting_and_then_reads(tmp_path):
    ambiguous = [ROWS[0][:1] + ["7/2/20 11:00:22", "7/2/20 11:03:40"] + ROWS[0][3:]]
    con, (result,) = ingest(tmp_path, survey.SOURCE, {"wave.csv": forms_csv(ambiguous)})
    assert result.status == "waiting"
    assert "set survey.date_order (dmy or mdy) in monitor.yml" in result.problems[0].message
    assert con.execute("select count(*) from raw.inbox_files").fetchone() == (0,)
    result = ingest_source(con, survey.SOURCE, tmp_path / "inbox", KEY, "run", ReadOptions("dmy"))
    assert result[0].status == "ingested"
    assert con.execute("select completed_at from raw.survey_responses").fetchall() == [
        (datetime(2020, 2, 7, 11, 3, 40),)
    ]


def slack_zip(prefix: str) -> bytes:
    buffer = io.BytesIO()
    users = [{"id": "U1", "profile": {"email": "anna@example.org"}}]
    day = [{"type": "message", "user": "U1", "text": "hallo", "ts": "1770109200.000100"}]
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{prefix}users.json", json.dumps(users))
        archive.writestr(f"{prefix}channels.json", json.dumps([{"id": "C1", "name": "general"}]))
        archive.writestr(f"{prefix}integration_logs.json", "[]")
        archive.writestr(f"{prefix}general/2026-02-03.json", json.dumps(day))
        archive.writestr("__MACOSX/._users.json", b"\x00\x05")
    return buffer.getvalue()


def test_a_slack_zip_under_one_folder_reads_like_a_flat_one(tmp_path):
    _, (nested,) = ingest(tmp_path / "nested", slack.SOURCE, {"n.zip": slack_zip("export/")})
    _, (top,) = ingest(tmp_path / "flat", slack.SOURCE, {"f.zip": slack_zip("")})
    for result in (nested, top):
        assert (result.status, result.rows_read, result.rows_quarantined) == ("ingested", 1, 0)
        assert result.problems == [] and result.notes == []
