"""The nightly schedule and the declarative automation are part of the definitions and on by
default: nobody has to switch anything on in the UI."""

from __future__ import annotations

from datetime import datetime

import dagster as dg

from pipelines.definitions import defs
from pipelines.defs.automation.schedules import nightly_retention


def test_the_retention_schedule_runs_the_maintenance_job_every_night():
    context = dg.build_schedule_context(scheduled_execution_time=datetime(2026, 11, 27, 3, 30))
    (request,) = nightly_retention.evaluate_tick(context).run_requests
    assert nightly_retention.job_name == "maintenance_job"
    assert request.job_name in (None, "maintenance_job")
    assert nightly_retention.cron_schedule == "30 3 * * *"
    assert nightly_retention.execution_timezone == "Europe/Amsterdam"
    assert nightly_retention.default_status == dg.DefaultScheduleStatus.RUNNING
    job = defs.resolve_job_def("maintenance_job")
    assert job.asset_layer.executable_asset_keys == {dg.AssetKey(["raw", "message_body_retention"])}


def test_models_and_alerts_update_on_their_own_and_reports_by_sensor():
    graph = defs.resolve_asset_graph()
    automated = {key for key in graph.get_all_asset_keys() if graph.get(key).automation_condition}
    assert dg.AssetKey(["marts", "fct_issues_monthly"]) in automated
    assert dg.AssetKey(["ops", "webcare_alerts"]) in automated
    assert dg.AssetKey(["reports", "monthly_infographic"]) not in automated  # month close does
    sensors = {s.name: s for s in defs.sensors}
    assert set(sensors) == {"inbox_sensor", "month_close_sensor", "automation_sensor"}
    assert all(s.default_status == dg.DefaultSensorStatus.RUNNING for s in sensors.values())
