"""The sensor that evaluates the assets' automation conditions (pipelines/automation_conditions.py):
what updates on its own after new data."""

import dagster as dg

from ...settings import service_settings

automation_sensor = dg.AutomationConditionSensorDefinition(
    "automation_sensor",
    target=dg.AssetSelection.all(),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=service_settings().automation_seconds,
    description="Builds the dbt models after new raw data and then sends the webcare alerts.",
)
