"""Where things live: every path and secret comes from the environment, with embedded defaults.

The UI and the service read the SNM_* variables; the CLI hands its options to `configure`,
which this process's settings take over the environment's (never written into it: a child
process gets what it needs as arguments, dbt the warehouse as a var). One place either way.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DEFAULT_VAR_DIR = PROJECT_ROOT / "var"

ENV_WAREHOUSE = "SNM_WAREHOUSE"
# the dbt var that hands a run's warehouse to dbt's profile (dbt_project/profiles.yml)
WAREHOUSE_VAR = "warehouse_path"
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


# what this process was told to use instead of the environment (the CLI's options)
_CONFIGURED: dict[str, object] = {}
PATH_SETTINGS = ("warehouse", "inbox", "out", "config")


def configure(**settings) -> None:
    """Use these settings in this process instead of the environment's: `warehouse`, `inbox`,
    `out`, `config` (paths) and `demo_mode`. None leaves a setting as it is."""
    unknown = set(settings) - {*PATH_SETTINGS, "demo_mode"}
    if unknown:
        raise TypeError(f"no such setting: {', '.join(sorted(unknown))}")
    for name, value in settings.items():
        if value is not None:
            _CONFIGURED[name] = (
                Path(value).expanduser().resolve() if name in PATH_SETTINGS else value
            )


def configured(name: str) -> bool:
    """Whether `configure` set this setting (the resources then take it as a value)."""
    return name in _CONFIGURED


def load_settings() -> Settings:
    """The settings: what `configure` set, else the environment, else the defaults (all
    under `var/`)."""
    from_environment = Settings(
        warehouse=_path(ENV_WAREHOUSE, DEFAULT_VAR_DIR / "warehouse.duckdb"),
        inbox=_path(ENV_INBOX, DEFAULT_VAR_DIR / "demo" / "inbox"),
        out=_path(ENV_OUT, PROJECT_ROOT / "reports" / "out"),
        config=_path(ENV_CONFIG, DEFAULT_VAR_DIR / "demo" / "monitor.yml"),
        pseudonym_key=os.environ.get(ENV_KEY) or None,
        demo_mode=os.environ.get(ENV_DEMO, "").lower() in {"1", "true", "yes"},
    )
    return replace(from_environment, **_CONFIGURED)


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


def memory_limit() -> str:
    """DuckDB's memory ceiling as DuckDB writes it (`3GB`, `512MB`, `50%`), from the
    environment."""
    value = (os.environ.get(ENV_MEMORY_LIMIT) or DEFAULT_MEMORY_LIMIT).strip()
    if not re.fullmatch(r"\d+(\.\d+)?\s*([KMGT]i?B|%)", value, re.IGNORECASE):
        raise ValueError(
            f"{ENV_MEMORY_LIMIT}={value!r} is not an amount of memory such as 3GB, 512MB or 50%"
        )
    return value
