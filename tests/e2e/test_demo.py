"""The demo generator: deterministic, realistic in shape, and the README's demo command works."""

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from pipelines.demo import generate_demo
from pipelines.demo.m365_files import EMAIL_HEADER, TEAMS_HEADER
from pipelines.months import last_complete_month

ROOT = Path(__file__).resolve().parents[2]


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return generate_demo(tmp_path_factory.mktemp("demo"), last_month=date(2026, 10, 1))


def test_the_same_seed_gives_the_same_bytes(demo, tmp_path):
    again = generate_demo(tmp_path, last_month=date(2026, 10, 1))
    assert digests(again.inbox) == digests(demo.inbox)
    other = generate_demo(tmp_path / "other", last_month=date(2026, 10, 1), seed=7)
    assert digests(other.inbox) != digests(demo.inbox)


def test_fourteen_months_of_every_source_in_its_real_format(demo):
    folders = {p.name: sorted(p.iterdir()) for p in demo.inbox.iterdir()}
    assert demo.first_month == date(2025, 9, 1)
    for source in (
        "m365_email",
        "m365_teams",
        "viva_engage_usage",
        "viva_engage_export",
        "slack_export",
        "activity",
    ):
        assert len(folders[source]) == 14, source
    assert len(folders["survey"]) == 2 and len(folders["roster"]) == 14
    assert [p.name for p in folders["events"]] == ["agenda.csv"]
    email = folders["m365_email"][-1].read_bytes()
    assert email.startswith(b"\xef\xbb\xbf" + ",".join(EMAIL_HEADER).encode() + b"\r\n")
    teams_header = folders["m365_teams"][0].read_bytes()[3:].split(b"\r\n")[0].decode()
    assert teams_header.split(",") == TEAMS_HEADER and len(TEAMS_HEADER) == 33
    with zipfile.ZipFile(folders["viva_engage_export"][0]) as archive:
        assert {"Messages.csv", "Users.csv", "Groups.csv", "Topics.csv"} <= set(archive.namelist())
    with zipfile.ZipFile(folders["slack_export"][0]) as archive:
        names = archive.namelist()
        assert "users.json" in names and "channels.json" in names
        day = json.loads(archive.read(next(n for n in names if n.count("/") == 1)))
        assert {"ts", "text"} <= set(day[0])


def test_the_organisation_has_the_promised_shape(demo):
    lines = (demo.inbox / "roster" / "roster_2026-10-31.csv").read_text("utf-8-sig").splitlines()
    rows = [line.split(",") for line in lines[1:]]
    employed = [r for r in rows if not r[7]]
    assert 1150 <= len(employed) <= 1250
    assert len({r[2] for r in rows}) == 8 and len({r[3] for r in rows}) == 5
    small = [r for r in rows if r[3] == "Gemeentearchief" and not r[7]]
    assert 0 < len(small) < 10  # below the minimum group size: reported as "< 10"
    assert {r[4] for r in rows} == {"office", "frontline"}
    assert sum(1 for r in rows if r[7]) >= 50  # leavers over 14 months
    teams = (demo.inbox / "m365_teams").iterdir().__next__().read_text("utf-8-sig")
    assert "partnerbureau.nl" in teams  # guests appear in the tools, never in the roster
    assert "partnerbureau.nl" not in "\n".join(lines)


def test_the_readme_demo_command_runs_everything_on_todays_calendar(tmp_path):
    """No pinned month: the README's command as a newcomer types it today."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNM_")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "demo",
            "--dir",
            str(tmp_path / "demo"),
            "--warehouse",
            str(tmp_path / "w.duckdb"),
            "--out",
            str(tmp_path / "out"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    month = f"{last_complete_month(date.today()):%Y-%m}"
    png = tmp_path / "out" / month / "infographic.png"
    assert f"Infographic: {png}" in result.stdout.splitlines()
    ingested = [line for line in result.stdout.splitlines() if " file(s) " in line]
    assert len(ingested) == 10 and all(line.endswith(" 0 quarantined") for line in ingested)
    figures = json.loads((tmp_path / "out" / month / "figures.json").read_text())
    values = {f["id"]: f["value"] for f in figures["figures"]}
    assert 1150 <= values["headcount"] <= 1250
    assert set(values) >= {
        "tool_usage_pct.email",
        "tool_usage_pct.teams",
        "tool_usage_pct.viva_engage",
        "tool_usage_pct.slack",
        "tool_usage_pct.intranet",
    }
    assert all(0 <= values[k] <= 100 for k in values if k.startswith("tool_usage_pct."))
    # fourteen months: each platform's adoption curve has a Bass fit and a forecast with its
    # interval; the demo's people answer and mention each other across departments
    forecasts = [f for f in figures["figures"] if f["id"].endswith(".forecast_pct")]
    assert forecasts and all(f.get("status") is None for f in forecasts), forecasts
    for forecast in forecasts:
        low, high = forecast["interval_90"]
        assert low <= forecast["value"] <= high and forecast["fit_error_pts"] >= 0
    assert values["network.people"] > 100 and values["network.ties"] > values["network.people"]
    assert 0 < values["network.cross_department_pct"] < 100
    assert isinstance(values["heartbeat.spikes"], int)  # the month has message exports
    # the keenest agreed to be named: some ambassadors by name, never more than there are
    named = values["ambassadors.named"]
    assert named and values["ambassadors.fans"] > 0 and values["ambassadors.first_followers"] > 0
    assert {a["role"] for a in named} <= {"first_follower", "fan"}
    fans = {a["display_name"] for a in named if a["role"] == "fan"}
    assert len(fans) <= values["ambassadors.fans"]


def test_the_demo_of_a_month_that_has_not_ended_is_bad_usage(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNM_")}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "demo",
            "--dir",
            str(tmp_path),
            "--month",
            "2999-01",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "2999-01 is not a complete month yet" in result.stderr


def test_new_demo_data_starts_a_fresh_demo_warehouse(tmp_path, monkeypatch, capsys):
    from pipelines import settings
    from pipelines.cli import _fresh_warehouse_for_new_demo_data

    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse.duckdb"
    (inbox / "roster").mkdir(parents=True)
    (inbox / "roster" / "roster.csv").write_text("version 1")
    monkeypatch.setenv(settings.ENV_WAREHOUSE, str(warehouse))
    warehouse.write_bytes(b"an older demo")
    _fresh_warehouse_for_new_demo_data(inbox)  # no record of what it holds: start afresh
    assert not warehouse.exists()
    warehouse.write_bytes(b"this demo")
    _fresh_warehouse_for_new_demo_data(inbox)  # the same demo data: kept
    assert warehouse.read_bytes() == b"this demo"
    (inbox / "roster" / "roster.csv").write_text("version 2")  # next month's demo
    _fresh_warehouse_for_new_demo_data(inbox)
    assert not warehouse.exists()
    assert capsys.readouterr().out.count("starting a fresh demo warehouse") == 2
