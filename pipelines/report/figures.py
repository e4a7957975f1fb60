"""figures.json: every figure of a month, its value, unit and lineage (docs/DESIGN.md §4).

The report draws from this document only, so what the infographic prints is what an auditor
can trace: dbt model and column, source files with SHA-256 and rows used, run id, code version.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..months import add_months, parse_month
from .catalogue import Figure, catalogue


class NoDataForMonth(ValueError):
    """The warehouse has no figures for the month asked for."""


NO_DATA_FOR_MONTH = "snm/no_data_for_month"  # marks the failure of a run for such a month


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


def _figure(entry: Figure, parts: dict, value, files, run_id, code_version, **extra) -> dict:
    return {
        "id": entry.figure_id(parts),
        "value": value,
        "unit": entry.unit,
        **extra,
        "lineage": {
            "dbt_model": entry.model,
            "column": entry.column,
            "source_files": files.get(entry.lineage_id(parts), []),
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


def _usage_extra(entry: Figure, row: dict) -> dict:
    extra = {} if row["usage_status"] == "ok" else {"status": row["usage_status"]}  # why none
    if row["window_days"] is not None:
        extra["window_days"] = row["window_days"]  # a partial month (a D7 report)
    return extra


def _theme_extra(entry: Figure, row: dict) -> dict:
    if entry.column == "response_rate_pct" and row["has_no_threads"]:
        return {"note": "no_threads"}
    if entry.column == "net_sentiment" and row["net_sentiment"] is not None:
        return {"evidence": sentiment_evidence(row)}
    return {}


def _suppression_extra(entry: Figure, row: dict) -> dict:
    extra = {"suppressed": row["is_suppressed"]}
    if row["is_suppressed"]:  # a secondary one is no small group: it hides a small one
        small = row.get("suppression", "primary") == "primary"
        extra["shown_as"] = f"< {row['min_group_size']}" if small else "–"
    return extra


def _adoption_extra(entry: Figure, row: dict) -> dict:
    if row["usage_status"] != "ok":  # why none: the month's usage of the tool is unknown
        return {"status": row["usage_status"]}
    if not entry.column.startswith(("bass_", "forecast_")):
        return {}
    if row["bass_status"] != "fitted":  # not enough history (yet), or no curve to fit
        return {"status": row["bass_status"]}
    extra = {"fit_error_pts": row["bass_rmse_pts"]}
    if entry.column == "forecast_pct":
        extra |= {
            "forecast_month": f"{row['forecast_month']:%Y-%m}",
            "interval_90": [row["forecast_low_pct"], row["forecast_high_pct"]],
        }
    return extra


def _coverage_extra(entry: Figure, row: dict) -> dict:
    return {"below_threshold": row["is_below_threshold"]}


# what a figure carries beside its value, per mart (why it is empty, its evidence, ...)
EXTRAS = {
    "fct_tool_usage_monthly": _usage_extra,
    "fct_themes_monthly": _theme_extra,
    "fct_reach_by_segment_monthly": _suppression_extra,
    "fct_network_departments_monthly": _suppression_extra,
    "fct_adoption_phase_monthly": _adoption_extra,
    "fct_identity_coverage_monthly": _coverage_extra,
}


def _top10(rows: list[dict]) -> list[dict]:
    """The top-10 issues as one list figure, each with the evidence behind its sentiment."""
    return [
        {key: row[key] for key in ISSUE_KEYS} | {"evidence": sentiment_evidence(row)}
        for row in rows
        if row["is_top10"]
    ]


FAQ_KEYS = ("theme", "rank", "platform", "community", "distinct_repliers", "replies", "first_line")


def _faq(rows: list[dict]) -> list[dict]:
    """The FAQ candidates of the month, per theme by rank (a list figure)."""
    return [{key: row[key] for key in FAQ_KEYS} for row in rows]


NAMED_KEYS = ("role", "tool", "display_name", "department", "degree", "responses_received")
UNNAMED_KEYS = ("department", "role", "unnamed")


def _named_ambassadors(rows: list[dict]) -> list[dict]:
    """The ambassadors who agreed to be named (a list figure); never anyone's pseudonym."""
    return [{key: row[key] for key in NAMED_KEYS} for row in rows if row["is_named"]]


def _unnamed_ambassadors(rows: list[dict]) -> list[dict]:
    """The others, counted per shown department (a list figure): suppressed departments and
    departments without any are left out."""
    return [{key: row[key] for key in UNNAMED_KEYS} for row in rows if row["unnamed"]]


# a figure whose value is the mart's rows: how each such mart is listed, and in which order
LISTS = {
    "fct_issues_monthly": (_top10, "rank"),
    "fct_faq_candidates_monthly": (_faq, "theme, rank"),
    "fct_ambassadors_monthly": (_named_ambassadors, "role, tool, display_name"),
    "fct_ambassador_departments_monthly": (_unnamed_ambassadors, "department, role"),
}


def _model_figures(con, model: str, month_start, files, run_id, code_version) -> list[dict]:
    """The figures of one mart in catalogue order: per row (a platform, theme, ...), each
    figure the catalogue reads from it."""
    entries = catalogue().of_model(model)
    lists = [entry for entry in entries if entry.unit == "list"]
    values = [entry for entry in entries if entry.unit != "list"]
    out = []
    if lists:  # a figure whose value is the mart's rows (the top-10 issues, FAQ candidates)
        listed, order = LISTS[model]
        rows = _rows(con, model, month_start, order)
        out += [_figure(e, {}, listed(rows), files, run_id, code_version) for e in lists]
    if values:
        keys = list(dict.fromkeys(key for entry in values for key in entry.keys))
        extra = EXTRAS.get(model, lambda entry, row: {})
        out += [
            _figure(e, row, row[e.column], files, run_id, code_version, **extra(e, row))
            for row in _rows(con, model, month_start, ", ".join(keys) or "month_start")
            for e in values
        ]
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
    figures = [
        figure
        for model in catalogue().models()
        for figure in _model_figures(con, model, month_start, files, run_id, code_version)
    ]
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
