"""The resources every domain shares, and the executor: one process per run, so the run that
owns the warehouse (the `duckdb` pool, dagster.yaml) is the only writer."""

import dagster as dg
from dagster_dbt import DbtCliResource

from ..project import dbt_executable, dbt_project
from ..resources import (
    InboxResource,
    MonitorConfigResource,
    PseudonymiserResource,
    ReportsResource,
    SmtpResource,
    WarehouseResource,
    WebhookResource,
)
from ..settings import ENV_CONFIG, ENV_INBOX, ENV_OUT, ENV_WAREHOUSE, apply_defaults


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
        # each SNM_SMTP_* setting is read when mail is sent: a code location loaded before
        # the mail server was configured finds it, and no run fails for a variable it
        # does not need
        "smtp": SmtpResource(),
        "webhook": WebhookResource(),
    }


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources=build_resources(), executor=dg.in_process_executor)
