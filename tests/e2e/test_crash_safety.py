"""A run killed in the middle of a file leaves nothing of that file; the next run takes it
whole. The kill is a real SIGKILL of a real `snm run` process holding the file's transaction."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.conftest import TEST_KEY, run_month

ROOT = Path(__file__).resolve().parents[2]


def test_a_killed_ingestion_leaves_no_partial_file_and_the_next_run_completes(monitor_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNM_")}
    env |= {"SNM_PSEUDONYM_KEY": TEST_KEY, "SNM_TEST_PAUSE_BEFORE_COMMIT": "120"}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--inbox",
            str(monitor_env.inbox),
            "--config",
            str(monitor_env.config),
            "--warehouse",
            str(monitor_env.warehouse),
            "--out",
            str(monitor_env.out),
            "--month",
            "2026-02",
        ],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    deadline = time.monotonic() + 300
    paused = ""
    while "not yet committed" not in paused:
        assert time.monotonic() < deadline, "the ingestion never reached its transaction"
        line = process.stderr.readline()
        assert line or process.poll() is None, "snm run ended before the kill"
        paused = line
    assert paused.startswith("snm: actions.csv written")  # the first source Dagster runs
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL

    with duckdb.connect(str(monitor_env.warehouse)) as con:
        assert con.execute("select count(*) from raw.actions_register").fetchone() == (0,)
        assert con.execute("select count(*) from raw.inbox_files").fetchone() == (0,)

    result = run_month("2026-02")
    assert result.success
    with duckdb.connect(str(monitor_env.warehouse), read_only=True) as con:
        assert con.execute("select count(*) from raw.actions_register").fetchone() == (1,)
        assert con.execute(
            "select count(*), sum(rows_loaded) from raw.inbox_files where source = 'actions'"
        ).fetchone() == (1, 1)
