"""Month close: the decision on its own, and the sensor on the fixture warehouse (January 2026
lacks the Teams file, February 2026 has every expected source)."""

from __future__ import annotations

from datetime import date

import dagster as dg
import pytest

from pipelines.defs.automation.month_close import (
    REPORT_KEY,
    Decision,
    MonthState,
    decide,
    month_close_sensor,
    run_requests,
)
from pipelines.resources import MonitorConfigResource, WarehouseResource

COMPLETE = MonthState("2026-02", "fp-feb", ())
INCOMPLETE = MonthState("2026-03", "fp-mar", ("m365_teams",))


def test_a_complete_ended_month_is_rendered():
    (decision,) = decide([COMPLETE], {}, date(2026, 3, 1), deadline_day=10)
    assert decision == Decision("2026-02", "complete", "fp-feb", ())


def test_a_month_that_has_not_ended_waits():
    assert decide([COMPLETE], {}, date(2026, 2, 28), deadline_day=10) == []


def test_an_incomplete_month_waits_until_the_deadline_then_names_what_is_missing():
    assert decide([INCOMPLETE], {}, date(2026, 4, 9), deadline_day=10) == []
    (decision,) = decide([INCOMPLETE], {}, date(2026, 4, 10), deadline_day=10)
    assert (decision.reason, decision.missing) == ("deadline", ("m365_teams",))


def test_a_late_file_renders_the_month_again_and_an_unchanged_month_does_not():
    assert decide([COMPLETE], {"2026-02": "fp-feb"}, date(2026, 6, 1), deadline_day=10) == []
    (decision,) = decide([COMPLETE], {"2026-02": "fp-old"}, date(2026, 6, 1), deadline_day=10)
    assert decision.reason == "late_file"


def test_closing_december_also_draws_the_yearly_monitor():
    requests = run_requests([Decision("2025-12", "complete", "f" * 64, ())])
    assert [(r.job_name, r.partition_key) for r in requests] == [
        ("report_job", "2025-12"),
        ("yearly_job", "2025"),
    ]
    assert requests[0].run_key == "report:2025-12:" + "f" * 32  # the same files: one run


@pytest.fixture
def sensor_context(fixture_run):
    env, result = fixture_run
    assert result.success
    instance = dg.DagsterInstance.ephemeral()

    def build():
        return dg.build_sensor_context(
            instance=instance,
            resources={
                "warehouse": WarehouseResource(path=str(env.warehouse)),
                "monitor_config": MonitorConfigResource(path=str(env.config)),
            },
        )

    return instance, build


def test_the_sensor_renders_what_is_due_on_the_fixture_warehouse(sensor_context, monkeypatch):
    instance, build = sensor_context
    monkeypatch.setenv("SNM_TODAY", "2026-03-05")  # before February's deadline day (10)
    requests = month_close_sensor(build())
    assert [(r.partition_key, r.tags["snm/trigger"]) for r in requests] == [
        ("2026-01", "month_close:deadline"),  # 10 February has passed; Teams never came
        ("2026-02", "month_close:complete"),
    ]
    assert requests[0].tags["snm/missing"] == "m365_teams"

    # February's report rests on today's files; January's on files since replaced
    for month, fingerprint in (("2026-01", "other files"), ("2026-02", current(build, "2026-02"))):
        instance.report_runless_asset_event(
            dg.AssetMaterialization(
                REPORT_KEY, partition=month, metadata={"data_fingerprint": fingerprint}
            )
        )
    (again,) = month_close_sensor(build())
    assert (again.partition_key, again.tags["snm/trigger"]) == ("2026-01", "month_close:late_file")


def current(build, month: str) -> str:
    from pipelines.defs.automation.month_close import month_states

    with build().resources.warehouse.connect(read_only=True) as con:
        return {s.month: s.fingerprint for s in month_states(con, [])}[month]


def test_the_sensor_waits_while_runs_are_queued(sensor_context):
    instance, build = sensor_context
    instance.add_run(
        dg.DagsterRun(job_name="ingest_job", run_id="busy-run", status=dg.DagsterRunStatus.STARTED)
    )
    result = month_close_sensor(build())
    assert "waiting for 1 queued or running run(s)" in result.skip_message


def test_the_sensor_is_on_by_default():
    assert month_close_sensor.default_status == dg.DefaultSensorStatus.RUNNING
