"""Time-driven work: message texts past their retention are removed every night."""

from __future__ import annotations

import dagster as dg

from ...settings import service_settings
from .jobs import maintenance_job

nightly_retention = dg.ScheduleDefinition(
    name="nightly_retention",
    job=maintenance_job,
    cron_schedule=service_settings().retention_cron,
    execution_timezone=service_settings().timezone,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Removes message texts older than message_body_retention_days (monitor.yml).",
)
