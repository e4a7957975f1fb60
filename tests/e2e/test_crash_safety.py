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


def start_snm_run(monitor_env, **extra_env: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNM_")}
    env |= {"SNM_PSEUDONYM_KEY": TEST_KEY, **extra_env}
    return subprocess.Popen(
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


def test_a_killed_ingestion_leaves_no_partial_file_and_the_next_run_completes(monitor_env):
    process = start_snm_run(monitor_env, SNM_TEST_PAUSE_BEFORE_COMMIT="120")
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


def children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of the live processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append((int(entry.name), command))
    return found


def alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_killing_a_run_during_the_dbt_build_ends_dbt_too(monitor_env):
    """dbt is the run's child: a SIGKILL of `snm run` must not leave it writing the warehouse
    on its own (it went on for 26 s), and the next run then completes."""
    process = start_snm_run(monitor_env)
    deadline, dbt = time.monotonic() + 300, []
    while not dbt:
        assert time.monotonic() < deadline and process.poll() is None, "dbt never started"
        dbt = [(pid, cmd) for pid, cmd in children(process.pid) if " build " in f"{cmd} "]
        time.sleep(0.2)
    (dbt_pid, command) = dbt[0]
    assert "snm-dbt" in command or "/dbt" in command
    time.sleep(2)  # well inside the build
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while alive(dbt_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(dbt_pid), "dbt outlived the run that started it"

    assert run_month("2026-02").success
