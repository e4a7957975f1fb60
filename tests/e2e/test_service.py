"""The monitor as a service, set up as the README's "Running it as a service" says: a code
server of its own, the real dagster-daemon and webserver using it (workspace.service.yaml), on
a temporary DAGSTER_HOME with the project's dagster.yaml. Twenty files dropped into an empty
inbox at once must, with nobody clicking, be ingested, built, alerted on and reported, one run
at a time; the runs are checked through the webserver's GraphQL API."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
import urllib.request
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest

from pipelines import service_processes
from tests.conftest import FIXTURES, TEST_KEY
from tests.servers import WebhookReceiver, free_port

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 900  # generous: the suite runs another test file beside this one

RUNS_QUERY = """
{ runsOrError { ... on Runs { results {
    runId jobName status startTime endTime tags { key value }
} } } }
"""


def twenty_files(inbox_source: Path) -> list[tuple[Path, str]]:
    """The fixture's eleven inbox items, and nine re-sent copies under other names."""
    items = sorted(p for p in inbox_source.glob("*/*"))
    copies = [(p, f"{p.stem} (resent {i}){p.suffix}") for i, p in enumerate(items[:9], 1)]
    return [(p, p.name) for p in items] + copies


BACKFILL = """
mutation($params: LaunchBackfillParams!) { launchPartitionBackfill(backfillParams: $params) {
    __typename ... on LaunchBackfillSuccess { backfillId } ... on PythonError { message }
} }
"""


def teams_rows() -> tuple[str, str]:
    """The header and anna's row of the fixture's February Teams export."""
    path = FIXTURES / "small_inbox" / "inbox" / "m365_teams"
    lines = (
        (path / "TeamsUserActivityUserDetail_2026-02-28.csv").read_text("utf-8-sig").splitlines()
    )
    return lines[0], lines[1]


def graphql(port: int, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["data"]


def wait_for(what: str, condition, logs: list[Path], timeout: float = DEADLINE_SECONDS):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(3)
    tails = "\n".join(f"--- {log.name}\n{log.read_text()[-4000:]}" for log in logs if log.exists())
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}\n{tails}")


@pytest.fixture
def service(tmp_path):
    home, inbox, out = tmp_path / "dagster_home", tmp_path / "inbox", tmp_path / "out"
    home.mkdir()
    inbox.mkdir()
    shutil.copy(ROOT / "dagster.yaml", home / "dagster.yaml")
    receiver = WebhookReceiver()
    config = tmp_path / "monitor.yml"
    config.write_text(
        (FIXTURES / "small_inbox" / "monitor.yml").read_text()
        + f"alerts:\n  webhook_url: {receiver.url}\n  spike_min_messages: 1\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SNM_", "DAGSTER_"))}
    env |= {
        "DAGSTER_HOME": str(home),
        "SNM_INBOX": str(inbox),
        "SNM_CONFIG": str(config),
        "SNM_WAREHOUSE": str(tmp_path / "warehouse.duckdb"),
        "SNM_OUT": str(out),
        "SNM_PSEUDONYM_KEY": TEST_KEY,
        "SNM_INBOX_SETTLE_SECONDS": "2",
        "SNM_INBOX_SENSOR_SECONDS": "5",
        "SNM_MONTH_CLOSE_SENSOR_SECONDS": "10",
        "SNM_AUTOMATION_SECONDS": "10",
    }
    port, code_port = free_port(), free_port()
    env["SNM_CODE_SERVER_PORT"] = str(code_port)
    commands = service_processes.commands(service_processes.SERVICE_WORKSPACE, code_port, port)
    logs = {name: tmp_path / f"{name}.log" for name in commands}
    service_processes.migrate_instance(env)
    processes = []
    for name, command in commands.items():
        if name == "daemon":  # the code server first: the daemon would retry only a minute later
            up = partial(service_processes.listening, code_port)
            wait_for("the code server", up, list(logs.values()), 300)
        processes.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=logs[name].open("w"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        )
    try:
        yield {"inbox": inbox, "out": out, "port": port, "receiver": receiver, "logs": logs}
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        receiver.close()


def test_dropped_files_become_a_report_and_an_alert_without_anyone_clicking(service):
    logs = list(service["logs"].values())
    port = service["port"]

    def webserver_up():
        try:
            graphql(port, "{ version }")
            return True
        except OSError:
            return False

    wait_for("the webserver", webserver_up, logs, timeout=180)

    staging = service["inbox"].parent / "staging"
    for path, name in twenty_files(FIXTURES / "small_inbox" / "inbox"):
        target = staging / path.parent.name / name
        target.parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, target)
    dropped = sum(1 for _ in staging.glob("*/*"))
    assert dropped == 20
    for folder in staging.iterdir():  # all twenty at once: one rename per source folder
        folder.rename(service["inbox"] / folder.name)

    report = service["out"] / "2026-02" / "infographic.pdf"
    wait_for("the February report", report.exists, logs)
    wait_for("an alert at the webhook", lambda: service["receiver"].received, logs)

    (alert,) = [a for a in service["receiver"].received if a["issue"] == "server"]
    assert (alert["day"], alert["kinds"]) == ("2026-02-02", ["spike"])
    document = json.loads((service["out"] / "2026-02" / "figures.json").read_text())
    assert {f["id"]: f["value"] for f in document["figures"]}["headcount"] == 5
    assert document["missing_sources"] == []

    def settled():
        runs = graphql(port, RUNS_QUERY)["runsOrError"]["results"]
        return runs and all(r["status"] in ("SUCCESS", "FAILURE", "CANCELED") for r in runs)

    wait_for("every run to finish", settled, logs, timeout=300)
    runs = graphql(port, RUNS_QUERY)["runsOrError"]["results"]
    failed = [(r["jobName"], r["runId"]) for r in runs if r["status"] != "SUCCESS"]
    assert failed == [], failed
    jobs = [r["jobName"] for r in runs]
    assert jobs.count("ingest_job") == 1  # twenty files, eleven contents: one run
    assert "report_job" in jobs and "__ASSET_JOB" in jobs  # reports, and automation's runs
    triggers = {t["value"] for r in runs for t in r["tags"] if t["key"] == "snm/trigger"}
    assert {"inbox", "month_close:complete"} <= triggers

    # a backfill of both months from the UI's API renders them again, through the same queue
    launched = graphql(
        port,
        BACKFILL,
        {
            "params": {
                "partitionNames": ["2026-01", "2026-02"],
                "assetSelection": [{"path": ["reports", "monthly_infographic"]}],
            }
        },
    )["launchPartitionBackfill"]
    assert launched["__typename"] == "LaunchBackfillSuccess", launched
    status_query = (
        f'{{ partitionBackfillOrError(backfillId: "{launched["backfillId"]}")'
        " { ... on PartitionBackfill { status } } }"
    )

    def backfill_done():
        status = graphql(port, status_query)["partitionBackfillOrError"]["status"]
        return status not in ("REQUESTED", "CANCELING")

    wait_for("the backfill", backfill_done, logs, timeout=300)
    wait_for("every run to finish", settled, logs, timeout=300)
    assert graphql(port, status_query)["partitionBackfillOrError"]["status"] in (
        "COMPLETED",
        "COMPLETED_SUCCESS",
    )
    runs = graphql(port, RUNS_QUERY)["runsOrError"]["results"]
    assert [r["runId"] for r in runs if r["status"] != "SUCCESS"] == []
    backfilled = [r for r in runs if any(t["key"] == "dagster/backfill" for t in r["tags"])]
    assert len(backfilled) == 2

    # a late file: January's Teams export arrives after January's report went out
    late = service["inbox"] / "m365_teams" / "TeamsUserActivityUserDetail_2026-01-31.csv"
    header, first_row = teams_rows()
    row = first_row.replace("2026-02-28", "2026-01-31").replace("2026-02-27", "2026-01-20")
    late.write_text("\ufeff" + header + "\n" + row + "\n", encoding="utf-8")
    january = service["out"] / "2026-01"
    wait_for("January rendered again", (january / "previous" / "1" / "figures.json").exists, logs)
    wait_for("every run to finish", settled, logs, timeout=300)
    renewed = json.loads((january / "figures.json").read_text())
    kept = json.loads((january / "previous" / "1" / "figures.json").read_text())
    assert kept["missing_sources"] == ["m365_teams"] and renewed["missing_sources"] == []
    usage = {f["id"]: f["value"] for f in renewed["figures"]}
    assert usage["tool_usage_pct.teams"] == 20.0  # anna, of January's five employees
    runs = graphql(port, RUNS_QUERY)["runsOrError"]["results"]
    assert [r["runId"] for r in runs if r["status"] != "SUCCESS"] == []
    triggers = {t["value"] for r in runs for t in r["tags"] if t["key"] == "snm/trigger"}
    assert "month_close:late_file" in triggers

    # one writer: the run queue never let two runs overlap
    spans = sorted((r["startTime"], r["endTime"]) for r in runs)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert start >= end, f"runs overlapped at {datetime.fromtimestamp(start)}"
