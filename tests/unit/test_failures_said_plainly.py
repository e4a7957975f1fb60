"""Failures a user sees say what and why in one line, and a failure leaves nothing half done:
a full disk at commit, a run killed while drawing the report, an unwritable output folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from dagster._utils.error import SerializableErrorInfo

from pipelines.ingest import m365
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.store import ingest_source
from pipelines.output_folder import staged, unwritable
from pipelines.report.versions import REPORT_FILES
from pipelines.summary import failure_reason

REAL = Path(__file__).parents[1] / "fixtures" / "real_exports" / "m365"
FULL = 'IO Error: Could not write file "w.duckdb.wal": No space left on device'


class FullDisk:
    """A connection whose commit fails as DuckDB's does on a full disk: the transaction is
    already gone when the error arrives."""

    def __init__(self, con):
        self._con = con

    def execute(self, sql, *args):
        if sql == "commit":
            self._con.execute("rollback")
            raise duckdb.IOException(FULL)
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_a_full_disk_at_commit_is_the_error_reported_and_nothing_is_kept(tmp_path):
    inbox = tmp_path / "inbox" / "m365_email"
    inbox.mkdir(parents=True)
    shutil.copy(REAL / "pnp_mailactivityuserdetail.csv", inbox)
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    with pytest.raises(duckdb.IOException, match="No space left on device"):
        ingest_source(FullDisk(con), m365.EMAIL_SOURCE, inbox.parent, Pseudonymiser("k"), "r")
    assert con.execute("select count(*) from raw.inbox_files").fetchone() == (0,)


def test_a_failed_step_is_told_by_the_error_raised_in_it():
    cause = SerializableErrorInfo("OSError: [Errno 28] No space left on device\n", [], "OSError")
    wrapper = SerializableErrorInfo(
        "dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while "
        'executing op "reports__monthly_infographic":\n',
        [],
        "DagsterExecutionStepExecutionError",
        cause,
    )
    assert failure_reason(wrapper) == "OSError: [Errno 28] No space left on device"
    failure = "dagster._core.definitions.events.Failure: report of 2026-10 not written\n"
    assert failure_reason(SerializableErrorInfo(failure, [], "Failure")) == (
        "report of 2026-10 not written"
    )


def old_report(folder: Path) -> None:
    folder.mkdir(parents=True)
    for name in REPORT_FILES:
        (folder / name).write_text(f"old {name}")


def test_a_report_interrupted_while_drawn_leaves_the_earlier_one_whole(tmp_path):
    folder = tmp_path / "2026-10"
    old_report(folder)
    with pytest.raises(RuntimeError), staged(folder, REPORT_FILES, "run1") as staging:
        (staging / "figures.json").write_text("new")
        raise RuntimeError("killed while drawing the PNG")
    assert {p.name: p.read_text() for p in folder.iterdir()} == {
        name: f"old {name}" for name in REPORT_FILES
    }


def test_a_complete_report_replaces_all_its_files_and_leftovers_are_cleared(tmp_path):
    folder = tmp_path / "2026-10"
    old_report(folder)
    (folder / ".incoming-killed").mkdir()  # what a run killed mid-drawing leaves
    with staged(folder, REPORT_FILES, "run2") as staging:
        for name in REPORT_FILES:
            (staging / name).write_text(f"new {name}")
    assert {p.name: p.read_text() for p in folder.iterdir()} == {
        name: f"new {name}" for name in REPORT_FILES
    }


def test_an_unwritable_folder_is_named_with_the_systems_reason(tmp_path):
    (tmp_path / "out").write_text("a file where the folder should be")
    assert unwritable(tmp_path / "out" / "data_docs") == (
        f"cannot write to {tmp_path / 'out' / 'data_docs'}: Not a directory"
    )
    assert unwritable(tmp_path / "fine") is None
