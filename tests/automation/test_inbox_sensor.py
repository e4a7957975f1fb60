"""The inbox sensor, evaluated with Dagster's sensor test context on real folders."""

from __future__ import annotations

import os
import time

import dagster as dg
import pytest

from pipelines.defs.automation.inbox_sensor import InboxCursor, inbox_sensor
from pipelines.resources import InboxResource


def drop(folder, name: str, content: bytes, age_seconds: float = 60):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    past = time.time() - age_seconds
    os.utime(path, (past, past))
    return path


def tick(inbox, cursor=None):
    context = dg.build_sensor_context(
        cursor=cursor, resources={"inbox": InboxResource(path=str(inbox))}
    )
    return inbox_sensor(context), context


@pytest.fixture
def inbox(tmp_path):
    return tmp_path / "inbox"


def test_a_new_file_requests_one_ingestion_run(inbox):
    drop(inbox / "roster", "roster_2026-01-31.csv", b"employee_email,department\n")
    drop(inbox / "actions", "register.csv", b"id\n1\n")
    result, _ = tick(inbox)
    (request,) = result.run_requests
    assert request.run_key.startswith("ingest:")
    assert request.tags["snm/sources"] == "actions,roster"
    assert "roster/roster_2026-01-31.csv" in request.tags["snm/files"]


def test_a_known_file_under_another_name_or_touched_starts_nothing(inbox):
    path = drop(inbox / "roster", "roster.csv", b"same content\n")
    first, _ = tick(inbox)
    assert len(first.run_requests) == 1
    drop(inbox / "roster", "roster (copy).csv", b"same content\n")  # renamed copy
    os.utime(path, (time.time() - 30, time.time() - 30))  # touched: new mtime, same bytes
    second, _ = tick(inbox, first.cursor)
    assert second.run_requests == []
    assert "no new files" in second.skip_reason.skip_message


def test_new_content_under_a_known_name_is_new(inbox):
    drop(inbox / "roster", "roster.csv", b"version 1\n")
    first, _ = tick(inbox)
    drop(inbox / "roster", "roster.csv", b"version 2\n")
    second, _ = tick(inbox, first.cursor)
    (request,) = second.run_requests
    assert request.run_key != first.run_requests[0].run_key


def test_a_file_still_being_written_waits_for_the_next_tick(inbox):
    drop(inbox / "slack_export", "slack.zip", b"PK partial", age_seconds=0)
    result, _ = tick(inbox)
    assert result.run_requests == []
    assert "still being written: slack_export/slack.zip" in result.skip_reason.skip_message
    assert InboxCursor.load(result.cursor).requested == {}  # not taken, so not forgotten


def test_a_file_is_hashed_again_only_when_it_changed(inbox, monkeypatch):
    drop(inbox / "survey", "wave1.csv", b"respondent\n")
    first, _ = tick(inbox)
    calls = []
    import pipelines.defs.automation.inbox_sensor as module

    monkeypatch.setattr(module, "sha256_of", lambda p: calls.append(p) or ("x", 0))
    tick(inbox, first.cursor)
    assert calls == []  # size and modification time unchanged: the remembered hash is used


def test_hidden_files_and_unknown_folders_are_ignored(inbox):
    drop(inbox / "roster", ".~lock.roster.csv#", b"lock")
    drop(inbox / "not_a_source", "x.csv", b"x")
    result, _ = tick(inbox)
    assert result.run_requests == []


def test_the_sensor_is_on_by_default_and_targets_the_ingestion_job():
    assert inbox_sensor.default_status == dg.DefaultSensorStatus.RUNNING
    assert inbox_sensor.job_name == "ingest_job"
