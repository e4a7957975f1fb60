"""Declarative automation: what updates on its own after new data."""

from __future__ import annotations

import os

import dagster as dg


def after_upstream() -> dg.AutomationCondition:
    """Run once upstream assets were updated and none of them is still running or missing
    (Dagster's eager condition). Every ingestion run materialises all raw tables, so a source
    that never delivered a file is an empty table, not a missing one."""
    return dg.AutomationCondition.eager()


automation_sensor = dg.AutomationConditionSensorDefinition(
    "automation_sensor",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=int(os.environ.get("SNM_AUTOMATION_SECONDS", "30")),
    description="Builds the dbt models after new raw data and then sends the webcare alerts.",
)
