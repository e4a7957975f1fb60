"""The one place where the Dagster Definitions are assembled."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from .ingest.assets import inbox_specs, raw_assets
from .ingest.checks import ingest_checks
from .jobs import monitor_job, yearly_job
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
    ],
    asset_checks=[*ingest_checks, *contract_checks],
    jobs=[monitor_job, yearly_job],
    resources=build_resources(),
    executor=dg.in_process_executor,
)
