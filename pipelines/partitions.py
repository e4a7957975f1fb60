"""Monthly partitions: month M is one calendar month, keyed YYYY-MM, from `first_month` of
monitor.yml (default 2015-01) to the last complete month; yearly partitions for the yearly
monitor, the running year included.

The first month is read from monitor.yml when the code location loads (the partitions of a
Dagster asset are fixed then): after changing it, reload the code location or restart
`dagster dev`. A missing or broken monitor.yml falls back to the default here; the run
itself then reports what is wrong with the file."""

from __future__ import annotations

import dagster as dg

from .config import DEFAULT_FIRST_MONTH, ConfigError, load_config
from .settings import load_settings


def first_month() -> str:
    try:
        return load_config(load_settings().config).first_month
    except ConfigError:
        return DEFAULT_FIRST_MONTH


FIRST_MONTH = first_month()

monthly_partitions = dg.MonthlyPartitionsDefinition(start_date=FIRST_MONTH, fmt="%Y-%m")

yearly_partitions = dg.TimeWindowPartitionsDefinition(
    cron_schedule="0 0 1 1 *", fmt="%Y", start=FIRST_MONTH[:4], end_offset=1
)
