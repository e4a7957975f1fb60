"""Where things live: every path and secret comes from the environment, with embedded defaults.

The CLI sets these variables before it loads the Definitions, so the UI, the CLI and the tests
all read their settings from one place.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DEFAULT_VAR_DIR = PROJECT_ROOT / "var"

ENV_WAREHOUSE = "SNM_WAREHOUSE"
ENV_INBOX = "SNM_INBOX"
ENV_OUT = "SNM_OUT"
ENV_CONFIG = "SNM_CONFIG"
ENV_KEY = "SNM_PSEUDONYM_KEY"
ENV_DEMO = "SNM_DEMO"
# DuckDB's memory ceiling in every process that opens the warehouse (runs, dbt, the UI):
# past it, joins and sorts spill to disk. The default is DuckDB's own, 80 % of the machine;
# a shared server sets e.g. 3GB (see BENCHMARKS.md for what a size needs). profiles.yml
# reads the same variable.
ENV_MEMORY_LIMIT = "SNM_DUCKDB_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "80%"

# The demo's fixed key: public on purpose, so the demo is reproducible; never for real data.
DEMO_PSEUDONYM_KEY = "snm-demo-key-not-for-real-data"


@dataclass(frozen=True)
class Settings:
    warehouse: Path
    inbox: Path
    out: Path
    config: Path
    pseudonym_key: str | None
    demo_mode: bool


def _path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


def load_settings() -> Settings:
    """Read the settings from the environment; defaults keep everything under `var/`."""
    return Settings(
        warehouse=_path(ENV_WAREHOUSE, DEFAULT_VAR_DIR / "warehouse.duckdb"),
        inbox=_path(ENV_INBOX, DEFAULT_VAR_DIR / "demo" / "inbox"),
        out=_path(ENV_OUT, PROJECT_ROOT / "reports" / "out"),
        config=_path(ENV_CONFIG, DEFAULT_VAR_DIR / "demo" / "monitor.yml"),
        pseudonym_key=os.environ.get(ENV_KEY) or None,
        demo_mode=os.environ.get(ENV_DEMO, "").lower() in {"1", "true", "yes"},
    )


@dataclass(frozen=True)
class ServiceSettings:
    """How often the service looks and when it cleans up: fixed when the code location loads
    (a sensor's interval and a schedule's cron are part of its definition)."""

    automation_seconds: int  # SNM_AUTOMATION_SECONDS: automation conditions evaluated
    inbox_sensor_seconds: int  # SNM_INBOX_SENSOR_SECONDS: the inbox looked at
    inbox_settle_seconds: float  # SNM_INBOX_SETTLE_SECONDS: a file unchanged this long is whole
    month_close_seconds: int  # SNM_MONTH_CLOSE_SENSOR_SECONDS: closing months looked at
    retention_cron: str  # SNM_RETENTION_CRON: the nightly retention
    timezone: str  # SNM_TIMEZONE: the schedules' time zone


def service_settings() -> ServiceSettings:
    """The service's intervals from the environment, with the defaults of a small deployment."""
    get = os.environ.get
    return ServiceSettings(
        automation_seconds=int(get("SNM_AUTOMATION_SECONDS", "30")),
        inbox_sensor_seconds=int(get("SNM_INBOX_SENSOR_SECONDS", "30")),
        inbox_settle_seconds=float(get("SNM_INBOX_SETTLE_SECONDS", "10")),
        month_close_seconds=int(get("SNM_MONTH_CLOSE_SENSOR_SECONDS", "60")),
        retention_cron=get("SNM_RETENTION_CRON", "30 3 * * *"),
        timezone=get("SNM_TIMEZONE", "Europe/Amsterdam"),
    )


def apply_defaults() -> None:
    """Put the embedded defaults into the environment where nothing is set, so resources can
    read their paths from environment variables when a run starts (dg.EnvVar), not when the
    code location loads."""
    settings = load_settings()
    for name, value in (
        (ENV_WAREHOUSE, settings.warehouse),
        (ENV_INBOX, settings.inbox),
        (ENV_OUT, settings.out),
        (ENV_CONFIG, settings.config),
        (ENV_MEMORY_LIMIT, memory_limit()),
    ):
        os.environ.setdefault(name, str(value))


def memory_limit() -> str:
    """DuckDB's memory ceiling as DuckDB writes it (`3GB`, `512MB`, `50%`), from the
    environment."""
    value = (os.environ.get(ENV_MEMORY_LIMIT) or DEFAULT_MEMORY_LIMIT).strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*([KMGT]i?B|%)", value, re.IGNORECASE):
        raise ValueError(
            f"{ENV_MEMORY_LIMIT}={value!r} is not an amount of memory such as 3GB, 512MB or 50%"
        )
    return value


def export_warehouse_path(path: Path) -> None:
    """dbt reads the warehouse path from the environment (profiles.yml), so keep it in sync."""
    os.environ[ENV_WAREHOUSE] = str(Path(path).resolve())
