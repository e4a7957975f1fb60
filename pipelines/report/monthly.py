"""What one month's report is drawn from, read from the warehouse: the figures document (with
the sources it rests on), the figures of the month before, the usage trend, the
participation curve and the month's heartbeat. The report asset and the tests draw from the
same function."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pandas as pd

from ..builds import build_config_sha256
from ..config import MonitorConfig
from ..months import add_months, parse_month
from ..version import code_version
from . import heartbeat_data
from .completeness import fingerprint, lineage_files, missing_sources, replaced_files
from .figures import NoDataForMonth, build_figures, participation_curve, trend


@dataclass
class MonthReport:
    document: dict
    previous: dict | None
    history: list[dict]
    curve: list[tuple[float, float]]
    # the month's daily messages of its busiest themes and issues, and its events calendar
    pulse: pd.DataFrame = field(default_factory=pd.DataFrame)
    events: pd.DataFrame = field(default_factory=pd.DataFrame)


def month_report(con, month: str, config: MonitorConfig, built_by: str) -> MonthReport:
    """Raises NoDataForMonth when the warehouse has no figures for the month."""
    version = code_version()
    document = build_figures(con, month, built_by, version, config.organisation)
    files = lineage_files(con, month)
    document["data_fingerprint"] = fingerprint(files)
    document["missing_sources"] = missing_sources(files, config.month_close.expected_sources)
    document["replaced_files"] = replaced_files(con, files)
    document["config_sha256"] = build_config_sha256(con, built_by)  # monitor.yml of the build
    prior = f"{add_months(parse_month(month), -1):%Y-%m}"
    try:
        previous = build_figures(con, prior, built_by, version, config.organisation)
    except NoDataForMonth:
        previous = None
    first = parse_month(month)
    last = add_months(first, 1) - timedelta(days=1)
    return MonthReport(
        document,
        previous,
        trend(con, month, config.trend_months),
        participation_curve(con, month),
        heartbeat_data.daily(con, first, last, heartbeat_data.STRIP_SUBJECTS),
        heartbeat_data.events(con, first, last),
    )
