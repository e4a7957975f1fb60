"""The resources every domain shares, and the executor: one process per run, so the run that
owns the warehouse (the `duckdb` pool, dagster.yaml) is the only writer."""

import os

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
from ..settings import (
    ENV_CONFIG,
    ENV_INBOX,
    ENV_OUT,
    ENV_WAREHOUSE,
    configured,
    load_settings,
)


def _location(setting: str, variable: str) -> dict:
    """A path resource's configuration: the value `settings.configure` set (the CLI's option),
    else dg.EnvVar when the variable is set (resolved when a run starts, shown in the UI),
    else nothing: the setting's default, read when the run needs it."""
    if configured(setting):
        return {"path": str(getattr(load_settings(), setting))}
    return {"path": dg.EnvVar(variable)} if os.environ.get(variable) else {}


def build_resources() -> dict:
    """The resources of every run, configured from the settings (settings.py)."""
    return {
        "warehouse": WarehouseResource(**_location("warehouse", ENV_WAREHOUSE)),
        "inbox": InboxResource(**_location("inbox", ENV_INBOX)),
        "monitor_config": MonitorConfigResource(**_location("config", ENV_CONFIG)),
        "pseudonyms": PseudonymiserResource(),
        "reports": ReportsResource(**_location("out", ENV_OUT)),
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
