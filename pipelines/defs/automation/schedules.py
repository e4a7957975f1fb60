"""Time-driven work: message texts past their retention are removed every night."""

from __future__ import annotations

import os

import dagster as dg

from .jobs import maintenance_job

nightly_retention = dg.ScheduleDefinition(
    name="nightly_retention",
    job=maintenance_job,
    cron_schedule=os.environ.get("SNM_RETENTION_CRON", "30 3 * * *"),
    execution_timezone=os.environ.get("SNM_TIMEZONE", "Europe/Amsterdam"),
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Removes message texts older than message_body_retention_days (monitor.yml).",
)
