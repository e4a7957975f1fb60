"""`snm` as a user types it: a real subprocess, exit codes, the summary, `trace`."""

import os
import subprocess
import sys
from pathlib import Path

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
