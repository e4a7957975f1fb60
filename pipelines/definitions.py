"""The one place where the Dagster Definitions are assembled."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from .alerts.asset import webcare_alerts
from .automation.conditions import automation_sensor
from .automation.inbox_sensor import inbox_sensor
from .automation.month_close import month_close_sensor
from .automation.schedules import nightly_retention
from .identity_check import identity_coverage
from .ingest.assets import inbox_specs, raw_assets
from .ingest.checks import ingest_checks
from .jobs import ingest_job, maintenance_job, monitor_job, report_job, yearly_job
from .project import dbt_executable, dbt_project
from .quality import contract_checks
from .report.assets import monthly_infographic
from .report.delivery_asset import monthly_delivery
from .report.yearly_asset import yearly_monitor
from .resources import (
    InboxResource,
    MonitorConfigResource,
    PseudonymiserResource,
    ReportsResource,
    WarehouseResource,
)
from .retention import message_body_retention
from .settings import ENV_CONFIG, ENV_INBOX, ENV_OUT, ENV_WAREHOUSE, apply_defaults
from .transform import dbt_models


def build_resources() -> dict:
    """Paths come from SNM_* environment variables, resolved when a run starts."""
    apply_defaults()
    return {
        "warehouse": WarehouseResource(path=dg.EnvVar(ENV_WAREHOUSE)),
        "inbox": InboxResource(path=dg.EnvVar(ENV_INBOX)),
        "monitor_config": MonitorConfigResource(path=dg.EnvVar(ENV_CONFIG)),
        "pseudonyms": PseudonymiserResource(),
        "reports": ReportsResource(path=dg.EnvVar(ENV_OUT)),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable()),
    }


defs = dg.Definitions(
    assets=[
        *inbox_specs,
        *raw_assets,
        dbt_models,
        message_body_retention,
        monthly_infographic,
        monthly_delivery,
        yearly_monitor,
        webcare_alerts,
    ],
    asset_checks=[*ingest_checks, *contract_checks, identity_coverage],
    jobs=[monitor_job, yearly_job, ingest_job, report_job, maintenance_job],
    sensors=[inbox_sensor, month_close_sensor, automation_sensor],
    schedules=[nightly_retention],
    resources=build_resources(),
    executor=dg.in_process_executor,
)
