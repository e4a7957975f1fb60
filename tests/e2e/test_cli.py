"""`snm` as a user types it: a real subprocess, exit codes, the summary, `trace`."""

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import TEST_KEY

SNM = [sys.executable, "-m", "pipelines.cli"]
ROOT = Path(__file__).resolve().parents[2]


def snm(*args, env_extra=None, drop=()):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNM_") and k not in drop}
    env.update(env_extra or {})
    return subprocess.run(
        [*SNM, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def snm_run(monitor_env, *options: str):
    """`snm run` on the test's inbox and config, with the test key."""
    inbox = ["--inbox", str(monitor_env.inbox), "--config", str(monitor_env.config)]
    return snm("run", *inbox, *options, env_extra={"SNM_PSEUDONYM_KEY": TEST_KEY})


def test_run_prints_the_summary_and_the_infographic_path_then_trace_explains_a_figure(
    monitor_env,
):
    out = monitor_env.out
    places = ["--out", str(out), "--warehouse", str(monitor_env.warehouse)]
    result = snm_run(monitor_env, *places, "--month", "2026-02")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert f"Infographic: {out / '2026-02' / 'infographic.png'}" in lines
    assert any(line.split()[:3] == ["roster", "2", "file(s)"] for line in lines)
    assert (out / "2026-02" / "infographic.pdf").exists()
    (slowest,) = [line for line in lines if line.startswith("Slowest:")]
    assert re.fullmatch(r"Slowest: +(\w+ \d+ s, ){4}\w+ \d+ s \(of \d+ s in \d+ steps\)", slowest)
    assert "dbt_models" in slowest  # the build is among the five slowest steps
    (log,) = [
        line.removeprefix("Run log:").strip() for line in lines if line.startswith("Run log:")
    ]
    logs = monitor_env.warehouse.parent / "logs"
    assert re.fullmatch(rf"{re.escape(str(logs))}/snm-run-2026-02-\d{{8}}-\d{{6}}-\d+\.log", log)

    no_data = snm_run(monitor_env, *places, "--month", "2025-06")
    assert no_data.returncode == 2, no_data.stdout + no_data.stderr
    assert no_data.stderr.strip().splitlines() == [
        "snm: no figures for 2025-06: months with data: 2026-01 to 2026-02"
    ]

    traced = snm("trace", "tool_usage_pct.email", "--month", "2026-02", "--out", str(out))
    assert traced.returncode == 0, traced.stderr
    assert "tool_usage_pct.email = 60.0 %  (2026-02)" in traced.stdout
    assert "EmailActivityUserDetail_2026-02-28.csv" in traced.stdout
    assert "rows used 3" in traced.stdout

    # a sentiment figure is traced to the messages and words behind it (EXPECTED.md)
    welkom = snm("trace", "themes.Welkom.net_sentiment", "--month", "2026-02", "--out", str(out))
    assert welkom.returncode == 0, welkom.stderr
    assert (
        "  evidence   : 2 positive, 0 negative, 0 neutral; 90% interval +41.1 to +100.0; "
        "words + dank, welkom; − none"
    ) in welkom.stdout.splitlines()
    issues = snm("trace", "issues.top10", "--month", "2026-02", "--out", str(out))
    assert (
        "    1. server: None (grey); not shown: fewer writers than the minimum group size"
        in issues.stdout.splitlines()
    )

    # with the warehouse: the SQL the mart ran with, and the rows to recount the figure from
    def traced_rows(figure_id):
        path = monitor_env.root / f"{figure_id}.csv"
        where = ["--out", str(out), "--warehouse", str(monitor_env.warehouse)]
        done = snm("trace", figure_id, "--month", "2026-02", *where, "--rows", str(path))
        assert done.returncode == 0, done.stdout + done.stderr
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return done.stdout, list(csv.DictReader(handle))

    def people(rows):
        return len({row["person_key"] for row in rows})

    text, headcount = traced_rows("headcount")
    assert people(headcount) == len(headcount) == 5  # EXPECTED.md: 5 employees in February
    sql = text.split("compiled SQL of fct_headcount_monthly (run ", 1)[1]
    assert '"intermediate"."int_headcount_members"' in sql  # the SQL itself, compiled
    text, email = traced_rows("tool_usage_pct.email")
    assert f"({len(email)} rows, {people(email)} people by pseudonym)" in text
    assert round(100 * people(email) / people(headcount), 1) == 60.0  # the figure, recounted
    assert {row["source_file"] for row in email} == {"EmailActivityUserDetail_2026-02-28.csv"}
    assert all(row["source_row"] and row["detail"] == "user_detail" for row in email)
    _, slack = traced_rows("participation.slack.contributors")
    assert people(slack) == 2  # the figure: 2 contributors on Slack
    _, welkom = traced_rows("themes.Welkom.messages")
    welkom_messages = next(
        f
        for f in json.loads((out / "2026-02" / "figures.json").read_text())["figures"]
        if f["id"] == "themes.Welkom.messages"
    )["value"]
    assert len({row["detail"] for row in welkom}) == welkom_messages  # one row per message
    assert "@" not in (monitor_env.root / "headcount.csv").read_text(encoding="utf-8-sig")


def test_run_without_a_key_refuses_to_start(monitor_env):
    result = snm("run", "--inbox", str(monitor_env.inbox), "--config", str(monitor_env.config))
    assert result.returncode == 2
    assert "SNM_PSEUDONYM_KEY is not set" in result.stderr


def test_a_bad_config_is_reported_with_exit_code_2(monitor_env):
    monitor_env.config.write_text("organisation: X\nlanguage: fr\n")
    result = snm_run(monitor_env)
    assert result.returncode == 2
    assert "language: Input should be 'nl' or 'en'" in result.stderr


def test_a_month_before_first_month_is_bad_usage(monitor_env):
    result = snm_run(monitor_env, "--month", "2014-06")
    assert result.returncode == 2
    assert "2014-06 is before first_month 2015-01" in result.stderr


def test_an_unfinished_month_is_bad_usage(monitor_env):
    result = snm_run(monitor_env, "--month", "2999-01")
    assert result.returncode == 2
    assert "not a complete month yet" in result.stderr


def test_an_output_folder_that_cannot_be_written_blocks_no_warehouse_build(monitor_env):
    """The report folder is unusable (here a file stands where it should be): the contracts
    and the dbt build still run, and the one failure says what could not be written and why."""
    blocked = monitor_env.root / "out-is-a-file"
    blocked.write_text("not a folder")
    places = ["--out", str(blocked), "--warehouse", str(monitor_env.warehouse)]
    result = snm_run(monitor_env, *places, "--month", "2026-02")
    assert result.returncode == 1, result.stdout + result.stderr
    failed = [line for line in result.stdout.splitlines() if line.startswith("Step failed")]
    assert failed == [
        "Step failed: reports__monthly_infographic: report of 2026-02 not written: cannot "
        f"write to {blocked / '2026-02'}: Not a directory"
    ]
    checks = [line for line in result.stdout.splitlines() if line.startswith("Check ")]
    assert checks == [  # the fixture's guest, a warning; no contract check failed
        "Check warning: identity_coverage on marts/fct_identity_coverage_monthly"
    ]
    assert f"Quarantine:  not written, cannot write to {blocked}: File exists" in result.stdout, (
        result.stdout
    )
    with duckdb.connect(str(monitor_env.warehouse), read_only=True) as con:
        usage = con.execute(
            "select usage_pct from marts.fct_tool_usage_monthly"
            " where month = '2026-02' and tool = 'email'"
        ).fetchall()
    assert usage == [(60.0,)]  # tests/fixtures/small_inbox/EXPECTED.md: 3 of 5
