"""The one place where the Dagster Definitions are assembled."""

from __future__ import annotations

import dagster as dg
from dagster_dbt import DbtCliResource

from .ingest.assets import inbox_specs, raw_assets
from .jobs import monitor_job
from .project import dbt_executable, dbt_project
from .quality import contract_checks
from .report.assets import monthly_infographic
from .resources import (
    InboxResource,
    MonitorConfigResource,
    PseudonymiserResource,
    ReportsResource,
    WarehouseResource,
)
from .settings import load_settings
from .transform import dbt_models


def build_resources() -> dict:
    """Resources from the environment (SNM_* variables), read when the code location loads."""
    settings = load_settings()
    return {
        "warehouse": WarehouseResource(path=str(settings.warehouse)),
        "inbox": InboxResource(path=str(settings.inbox)),
        "monitor_config": MonitorConfigResource(path=str(settings.config)),
        "pseudonyms": PseudonymiserResource(
            key=settings.pseudonym_key, demo_mode=settings.demo_mode
        ),
        "reports": ReportsResource(path=str(settings.out)),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=dbt_executable()),
    }


defs = dg.Definitions(
    assets=[*inbox_specs, *raw_assets, dbt_models, monthly_infographic],
    asset_checks=contract_checks,
    jobs=[monitor_job],
    resources=build_resources(),
    executor=dg.in_process_executor,
)
