"""figures.json: every figure of a month, its value, unit and lineage (docs/DESIGN.md §4).

The report draws from this document only, so what the infographic prints is what an auditor
can trace: dbt model and column, source files with SHA-256 and rows used, run id, code version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..months import add_months, parse_month


class NoDataForMonth(ValueError):
    """The warehouse has no figures for the month asked for."""


NO_DATA_FOR_MONTH = "snm/no_data_for_month"  # marks the failure of a run for such a month


@dataclass(frozen=True)
class FigureSource:
    """Where a family of figures is read from in the marts."""

    model: str
    column: str
    unit: str


HEADCOUNT = FigureSource("fct_headcount_monthly", "headcount", "people")
TOOL_USAGE = FigureSource("fct_tool_usage_monthly", "usage_pct", "%")


def _lineage(con, month_start) -> dict[str, list[dict]]:
    rows = con.execute(
        """
        select figure_id, source_file, source_sha256, rows_used
        from marts.fct_figure_lineage
        where month_start = ?
        order by figure_id, source_file, source_sha256
        """,
        [month_start],
    ).fetchall()
    files: dict[str, list[dict]] = {}
    for figure_id, name, sha, used in rows:
        files.setdefault(figure_id, []).append({"name": name, "sha256": sha, "rows_used": used})
    return files


def _figure(
    figure_id,
    value,
    source: FigureSource,
    files,
    run_id,
    code_version,
    lineage_key: str | None = None,
    **extra,
) -> dict:
    return {
        "id": figure_id,
        "value": value,
        "unit": source.unit,
        **extra,
        "lineage": {
            "dbt_model": source.model,
            "column": source.column,
            "source_files": files.get(lineage_key or figure_id, []),
            "run_id": run_id,
            "code_version": code_version,
        },
    }


def _rows(con, model: str, month_start, order: str) -> list[dict]:
    cursor = con.execute(
        f"select * from marts.{model} where month_start = ? order by {order}", [month_start]
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def sentiment_evidence(row: dict) -> dict | None:
    """What stands behind a theme's or issue's net sentiment, for the IC lead and the auditor:
    how many messages read positive / negative / neutral, the 90% interval of the figure and
    the words that moved it most. None where the sentiment itself is withheld."""
    if row.get("net_sentiment") is None:
        return None
    return {
        "positive": row["positive_messages"],
        "negative": row["negative_messages"],
        "neutral": row["neutral_messages"],
        "interval_90": [row["net_sentiment_low"], row["net_sentiment_high"]],
        "words_positive": list(row["words_positive"] or []),
        "words_negative": list(row["words_negative"] or []),
    }


ISSUE_KEYS = ("rank", "issue", "messages", "net_sentiment", "light", "light_is_firm", "trend")
FUNNEL_STEPS = ("reach", "visit", "view", "interact", "contribute")
PARTICIPATION = {
    "contributors": "people",
    "top20_share_pct": "%",
    "pct_for_80": "%",
    "gini": "ratio",
    "lurkers_pct": "%",
    "occasional_pct": "%",
    "heavy_pct": "%",
    "net_sentiment": "points",
}
THEME_METRICS = {
    "messages": "messages",
    "threads_started": "threads",
    "contributors": "people",
    "participants": "people",
    "response_rate_pct": "%",
    "growth_pct": "%",
    "net_sentiment": "points",
    "active_communities": "communities",
    "is_successful": "yes/no",
}
YIELDS = {  # column -> (unit, lineage family)
    "email_sent_per_person_per_day": ("e-mails", "yields.email"),
    "email_change_vs_baseline_pct": ("%", "yields.email"),
    "email_change_vs_year_ago_pct": ("%", "yields.email"),
    "ideas": ("messages", "yields.ideas"),
    "ideas_adopted": ("ideas", "yields.register"),
    "engagement_index": ("0-100", "yields.engagement"),
    "engagement_change_vs_previous_wave": ("points", "yields.engagement"),
    "survey_response_rate_pct": ("%", "yields.engagement"),
    "signalled": ("register rows", "yields.register"),
    "responded": ("register rows", "yields.register"),
    "acted_on": ("register rows", "yields.register"),
    "median_days_to_response": ("days", "yields.register"),
}


def _family_figures(con, month_start, files, run_id, code_version) -> list[dict]:
    """Every figure of docs/DESIGN.md section 4 beyond headcount and usage, from the marts."""
    out = []

    def add(figure_id, value, model, column, unit, lineage_key, **extra):
        source = FigureSource(model, column, unit)
        out.append(
            _figure(figure_id, value, source, files, run_id, code_version, lineage_key, **extra)
        )

    for row in _rows(con, "fct_adoption_funnel_monthly", month_start, "platform"):
        platform = row["platform"]
        for step in FUNNEL_STEPS:
            add(
                f"funnel.{platform}.{step}",
                row[step],
                "fct_adoption_funnel_monthly",
                step,
                "%",
                f"tool_usage_pct.{platform}",
            )
        add(
            f"ambition_level.{platform}",
            row["ambition_level"],
            "fct_adoption_funnel_monthly",
            "ambition_level",
            "level",
            f"tool_usage_pct.{platform}",
        )
    for row in _rows(con, "fct_participation_monthly", month_start, "platform"):
        for column, unit in PARTICIPATION.items():
            add(
                f"participation.{row['platform']}.{column}",
                row[column],
                "fct_participation_monthly",
                column,
                unit,
                f"participation.{row['platform']}",
            )
    for row in _rows(con, "fct_themes_monthly", month_start, "theme"):
        for column, unit in THEME_METRICS.items():
            extra = {}
            if column == "response_rate_pct" and row["has_no_threads"]:
                extra["note"] = "no_threads"
            if column == "net_sentiment" and row["net_sentiment"] is not None:
                extra["evidence"] = sentiment_evidence(row)
            add(
                f"themes.{row['theme']}.{column}",
                row[column],
                "fct_themes_monthly",
                column,
                unit,
                f"themes.{row['theme']}",
                **extra,
            )
    top10 = [
        {key: row[key] for key in ISSUE_KEYS} | {"evidence": sentiment_evidence(row)}
        for row in _rows(con, "fct_issues_monthly", month_start, "rank")
        if row["is_top10"]
    ]
    add(
        "issues.top10",
        top10,
        "fct_issues_monthly",
        ", ".join(ISSUE_KEYS) + ", positive_messages ... words_negative (evidence)",
        "list",
        "issues.top10",
    )
    for row in _rows(con, "fct_yields_monthly", month_start, "month_start"):
        for column, (unit, family) in YIELDS.items():
            add(f"yields.{column}", row[column], "fct_yields_monthly", column, unit, family)
    for row in _rows(con, "fct_reach_by_segment_monthly", month_start, "dimension, segment"):
        extra = {"suppressed": row["is_suppressed"]}
        if row["is_suppressed"]:  # a secondary one is no small group: it hides a small one
            small = row.get("suppression", "primary") == "primary"
            extra["shown_as"] = f"< {row['min_group_size']}" if small else "–"
        add(
            f"reach.{row['dimension']}.{row['segment']}",
            row["reach_pct"],
            "fct_reach_by_segment_monthly",
            "reach_pct",
            "%",
            "reach",
            **extra,
        )
    for row in _rows(con, "fct_social_reach_monthly", month_start, "month_start"):
        add(
            "social_active_pct",
            row["active_social_pct"],
            "fct_social_reach_monthly",
            "active_social_pct",
            "%",
            "reach",
        )
        add(
            "reach_beyond_email_pct",
            row["active_beyond_email_pct"],
            "fct_social_reach_monthly",
            "active_beyond_email_pct",
            "%",
            "reach",
        )
    for row in _rows(con, "fct_identity_coverage_monthly", month_start, "source"):
        add(
            f"identity_coverage.{row['source']}",
            row["matched_pct"],
            "fct_identity_coverage_monthly",
            "matched_pct",
            "%",
            f"identity_coverage.{row['source']}",
            below_threshold=row["is_below_threshold"],
        )
    return out


def months_with_data(con) -> list[str]:
    rows = con.execute("select month from marts.fct_headcount_monthly order by 1").fetchall()
    return [r[0] for r in rows]


def build_figures(con, month: str, run_id: str, code_version: str, organisation: str) -> dict:
    """The figures.json document of one month, read from the marts."""
    month_start = parse_month(month)
    row = con.execute(
        "select headcount from marts.fct_headcount_monthly where month_start = ?", [month_start]
    ).fetchone()
    if row is None:
        available = months_with_data(con)
        span = f"{available[0]} to {available[-1]}" if available else "none"
        raise NoDataForMonth(f"no figures for {month}: months with data: {span}")
    files = _lineage(con, month_start)
    figures = [_figure("headcount", row[0], HEADCOUNT, files, run_id, code_version)]
    usage = con.execute(
        """
        select tool, usage_pct, usage_status, window_days from marts.fct_tool_usage_monthly
        where month_start = ? order by tool
        """,
        [month_start],
    ).fetchall()
    for tool, pct, status, window_days in usage:
        extra = {} if status == "ok" else {"status": status}  # why there is no figure
        if window_days is not None:
            extra["window_days"] = window_days  # a partial month (a D7 report)
        figures.append(
            _figure(f"tool_usage_pct.{tool}", pct, TOOL_USAGE, files, run_id, code_version, **extra)
        )
    figures += _family_figures(con, month_start, files, run_id, code_version)
    return {
        "organisation": organisation,
        "month": month,
        "run_id": run_id,
        "code_version": code_version,
        "figures": figures,
    }


def trend(con, month: str, months: int) -> list[dict]:
    """Usage per tool for the `months` months up to and including `month` (for the charts)."""
    last = parse_month(month)
    first = add_months(last, -(months - 1))
    rows = con.execute(
        """
        select u.month, u.month_start, u.tool, u.usage_pct, h.headcount
        from marts.fct_tool_usage_monthly u
        join marts.fct_headcount_monthly h using (month_start)
        where u.month_start between ? and ?
        order by u.month_start, u.tool
        """,
        [first, last],
    ).fetchall()
    keys = ("month", "month_start", "tool", "usage_pct", "headcount")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def participation_curve(con, month: str) -> list[tuple[float, float]]:
    """(share of people, share of messages) points of the month, most active first."""
    return con.execute(
        "select people_pct, messages_pct from marts.fct_participation_curve_monthly"
        " where month_start = ? order by rank",
        [parse_month(month)],
    ).fetchall()


def write_figures(document: dict, path: Path) -> Path:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
    return path
