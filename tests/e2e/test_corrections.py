"""A corrected export and a retired file, end to end with `snm` on a copy of the demo: after
the correction and the retirement, every figure of the month is exactly what a clean run on
the corrected inbox gives, and the summary and figures.json say which file was replaced.

Also the warehouse's own failures, in one line each: a second run while one writes, and a
file that is not a DuckDB database."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.demo import generate_demo
from tests.conftest import TEST_KEY
from tests.e2e.test_cli import SNM, snm
from tests.unit.test_corrections import corrected_email

MONTH = "2026-10"
EMAIL = "EmailActivityUserDetail_2026-10-31.csv"
ACTIVITY = "activity_2026-10.csv"


def run(root: Path, command: str, *args: str):
    places = ["--config", str(root / "monitor.yml"), "--warehouse", str(root / "w.duckdb")]
    return snm(
        command,
        *args,
        *places,
        "--out",
        str(root / "out"),
        env_extra={"SNM_PSEUDONYM_KEY": TEST_KEY},
    )


def figures(root: Path) -> dict[str, float]:
    document = json.loads((root / "out" / MONTH / "figures.json").read_text(encoding="utf-8"))
    return {figure["id"]: figure["value"] for figure in document["figures"]}


@pytest.fixture(scope="module")
def corrected(tmp_path_factory):
    """The demo run once; then October's e-mail report is re-issued with 20 users silenced
    and October's activity file retired; and a clean run on the inbox as it now stands."""
    root = tmp_path_factory.mktemp("corrections")
    generate_demo(root, last_month=date(2026, 10, 1), employees=150, today=date(2026, 11, 5))
    inbox = root / "inbox"
    first = run(root, "run", "--inbox", str(inbox), "--month", MONTH)
    assert first.returncode == 0, first.stdout + first.stderr
    before = figures(root)

    report = inbox / "m365_email" / EMAIL
    report.write_bytes(corrected_email(report.read_bytes(), silenced=20))
    retired = run(root, "inbox", "retire", ACTIVITY, "--inbox", str(inbox), "--reason", "test")

    clean = tmp_path_factory.mktemp("clean")
    shutil.copytree(inbox, clean / "inbox")
    (clean / "inbox" / "activity" / ACTIVITY).unlink()
    shutil.copy(root / "monitor.yml", clean / "monitor.yml")
    fresh = run(clean, "run", "--inbox", str(clean / "inbox"), "--month", MONTH)
    assert fresh.returncode == 0, fresh.stdout + fresh.stderr
    return root, clean, before, retired


def test_after_a_correction_and_a_retirement_every_figure_is_the_clean_runs(corrected):
    root, clean, before, retired = corrected
    assert retired.returncode == 0, retired.stdout + retired.stderr
    after = figures(root)
    assert after == figures(clean)
    assert after["tool_usage_pct.email"] < before["tool_usage_pct.email"]
    assert "tool_usage_pct.intranet" in before
    assert after.get("tool_usage_pct.intranet") is None  # its only file is retired


def test_the_run_says_what_was_retired_and_replaced(corrected):
    root, _, _, retired = corrected
    lines = retired.stdout.splitlines()
    assert lines[0].startswith(f"Retired activity/{ACTIVITY} (")
    assert lines[0].endswith("rows moved to raw.withdrawn_rows; it is not read again.")
    assert f"Rebuilding the figures and the report of {MONTH}:" in lines
    note = next(line for line in lines if line.startswith(f"Note: {EMAIL}: replaces {EMAIL}"))
    assert "the same window (refresh date 2026-10-31, period (days) 30)" in note
    document = json.loads((root / "out" / MONTH / "figures.json").read_text(encoding="utf-8"))
    (replaced,) = document["replaced_files"]
    assert (replaced["source"], replaced["file"], replaced["replaced_file"]) == (
        "m365_email",
        EMAIL,
        EMAIL,
    )
    assert replaced["sha256"] != replaced["replaced_sha256"]
    listing = snm("inbox", "list", "--warehouse", str(root / "w.duckdb"))
    assert listing.returncode == 0, listing.stderr
    states = [line.split()[:3] for line in listing.stdout.splitlines()]
    assert ["activity", ACTIVITY, "retired"] in states
    assert states.count(["m365_email", EMAIL, "superseded"]) == 1


def test_a_second_run_on_a_warehouse_in_use_is_refused_in_one_line(corrected, tmp_path):
    root, _, _, _ = corrected
    holder = subprocess.Popen(
        [
            *SNM[:1],
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(root / 'w.duckdb')!r});"
            " print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        second = run(root, "run", "--inbox", str(root / "inbox"), "--month", MONTH)
    finally:
        holder.kill()
        holder.wait()
    assert second.returncode == 2
    assert second.stderr.strip().splitlines() == [
        f"snm: the warehouse {root / 'w.duckdb'} is in use by process {holder.pid} (another "
        "run, or the Dagster UI's daemon): wait until it has finished, or stop it"
    ]


def test_a_damaged_warehouse_file_is_named_with_what_to_do(corrected, tmp_path):
    root, _, _, _ = corrected
    shutil.copy(root / "monitor.yml", tmp_path / "monitor.yml")
    (tmp_path / "w.duckdb").write_bytes(b"\x00garbage" * 4096)
    result = run(tmp_path, "run", "--inbox", str(root / "inbox"), "--month", MONTH)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"snm: the warehouse {tmp_path / 'w.duckdb'} cannot be opened (")
    assert "move it aside and run again" in line
    with duckdb.connect(str(root / "w.duckdb"), read_only=True) as con:  # untouched
        assert con.execute("select count(*) from raw.inbox_files").fetchone()[0] > 0


def test_the_audit_log_lists_every_run_file_build_report_and_withdrawal_of_the_month(corrected):
    """`snm audit --month M`: the first run's files, build and report; the retirement (outside
    a run) and the run it started; the corrected file superseding the first, each with its
    time and run id, oldest first."""
    root = corrected[0]
    audit = snm("audit", "--month", MONTH, "--warehouse", str(root / "w.duckdb"))
    assert audit.returncode == 0, audit.stderr
    lines = audit.stdout.splitlines()
    assert lines[0].startswith(f"Audit log of {MONTH}: ")
    runs = [line for line in lines if line.startswith("Run ")]
    assert len(runs) == 3  # the first run, the retirement, the run that rebuilt October
    events = [line.split()[2] for line in lines if line.startswith("  20")]
    assert events.count("rendered") == 2 and events.count("built") == 2
    assert events.count("retired") == 1 and events.count("superseded") == 1
    assert "ingested" in events
    (retired,) = [line for line in lines if " retired " in line]
    assert f"activity/{ACTIVITY} [{MONTH}]" in retired and "test" in retired
    (superseded,) = [line for line in lines if " superseded " in line]
    assert f"m365_email/{EMAIL}" in superseded and f"replaced by {EMAIL}" in superseded
    times = [line[2:21] for line in lines if line.startswith("  20")]
    assert times == sorted(times)
    assert "(outside a run)" in runs[1]
    assert "@" not in audit.stdout  # people appear in no event
