"""Monthly partitions: month M is one calendar month, keyed YYYY-MM; the last partition is the
last complete month."""

from __future__ import annotations

import os

import dagster as dg

FIRST_MONTH = os.environ.get("SNM_FIRST_MONTH", "2024-01")

monthly_partitions = dg.MonthlyPartitionsDefinition(start_date=FIRST_MONTH, fmt="%Y-%m")

# Years, including the running one: the yearly monitor can be drawn for the year so far.
yearly_partitions = dg.TimeWindowPartitionsDefinition(
    cron_schedule="0 0 1 1 *", fmt="%Y", start=FIRST_MONTH[:4], end_offset=1
)
