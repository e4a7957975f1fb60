"""Files parsed ahead in worker processes are stored exactly as files parsed in the writing
process: the same rows, pseudonyms, quarantine and registry, in the same order."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from pathlib import Path

import duckdb
import pytest

from pipelines.ingest import parse_ahead
from pipelines.ingest.inbox import InboxItem, list_items
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.registry import SOURCES, SOURCES_BY_NAME
from pipelines.ingest.source import ReadOptions
from tests.conftest import FIXTURES, TEST_KEY
from tests.fixtures.bad_inputs import CASES, write_case

INBOX = FIXTURES / "small_inbox" / "inbox"
OPTIONS = ReadOptions(survey_date_order="mdy")  # as the fixture's monitor.yml says


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    """The fixture inbox with every bad input beside its files: rows and whole files to
    quarantine, from parsers in both processes."""
    inbox = tmp_path_factory.mktemp("parse_ahead") / "inbox"
    shutil.copytree(INBOX, inbox)
    for case in CASES:
        write_case(inbox, case)
    return inbox


def ingest_everything(inbox: Path, warehouse: Path) -> dict[str, list]:
    """Every raw table (rows, quarantine, registry), without the run's id and clock times."""
    from pipelines.ingest.store import ingest_source

    with duckdb.connect(str(warehouse)) as con:
        for source in SOURCES:
            ingest_source(con, source, inbox, Pseudonymiser(TEST_KEY), "run", OPTIONS)
        columns: dict[str, list[str]] = {}
        for table, column in con.execute(
            "select table_name, column_name from duckdb_columns() where schema_name = 'raw'"
            " order by table_name, column_index"
        ).fetchall():
            if column != "ingest_run_id" and not column.endswith("_at"):
                columns.setdefault(table, []).append(f'"{column}"')
        return {
            table: con.execute(
                f"select {', '.join(names)} from raw.{table} order by all"
            ).fetchall()
            for table, names in columns.items()
        }


def in_flight_counts(monkeypatch) -> list[int]:
    """How many files were parsed ahead after each time ParseAhead started files."""
    counts, fill = [], parse_ahead.ParseAhead._fill

    def counted(self):
        fill(self)
        counts.append(len(self._running))

    monkeypatch.setattr(parse_ahead.ParseAhead, "_fill", counted)
    return counts


# a budget below any file: one file at a time ahead; a budget above all of them: one per worker
@pytest.mark.parametrize("budget, most_ahead", [(1, 1), (2**40, 2)])
def test_workers_store_what_the_writing_process_stores(
    inbox, tmp_path, monkeypatch, budget, most_ahead
):
    alone = ingest_everything(inbox, tmp_path / "alone.duckdb")

    monkeypatch.setattr(parse_ahead, "WORTH_A_WORKER_BYTES", 0)
    monkeypatch.setattr(parse_ahead, "AHEAD_UNPACKED_BYTES", budget)
    roster = SOURCES_BY_NAME["roster"]
    assert parse_ahead.workers_for(roster, list_items(INBOX, "roster")) == 2  # both cores
    counts = in_flight_counts(monkeypatch)
    waiting = tmp_path / "parsed"  # where the files parsed ahead wait, in a folder of their own
    waiting.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(waiting))
    with_workers = ingest_everything(inbox, tmp_path / "workers.duckdb")

    assert with_workers == alone
    assert max(counts) == most_ahead
    assert not list(waiting.iterdir())  # gone with the ingestion
    assert len(alone["inbox_duplicates"]) == 1  # the activity file sent twice: skipped, once
    statuses = [row[4] for row in alone["inbox_files"]]
    assert (statuses.count("ingested"), statuses.count("rejected")) == (22, 4)
    assert len(alone["quarantine"]) == 18 and len(alone["survey_answers"]) == 4


def test_an_archive_counts_what_it_unpacks_to(tmp_path):
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr("a/2026-10-01.json", "[]" + " " * 9_998)
        zipped.writestr("users.json", "[]")
    item = InboxItem("slack_export", archive, "sha", archive.stat().st_size)
    assert item.size_bytes < 1_000 and item.unpacked_bytes() == 10_002
    folder = tmp_path / "unzipped"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "2026-10-01.json").write_text("[]" * 10)
    assert InboxItem("slack_export", folder, "sha", 0).unpacked_bytes() == 20
    broken = tmp_path / "broken.zip"  # rejected later with its reason; here it counts its size
    broken.write_bytes(b"PK not really")
    assert InboxItem("slack_export", broken, "sha", 13).unpacked_bytes() == 13


@pytest.mark.parametrize("count", [0, 1])
def test_no_worker_for_a_single_or_no_file(count, monkeypatch):
    monkeypatch.setattr(parse_ahead, "WORTH_A_WORKER_BYTES", 0)
    items = list_items(INBOX, "roster")[:count]
    assert parse_ahead.workers_for(SOURCES_BY_NAME["roster"], items) == 0
