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


def _figure(figure_id, value, source: FigureSource, files, run_id, code_version) -> dict:
    return {
        "id": figure_id,
        "value": value,
        "unit": source.unit,
        "lineage": {
            "dbt_model": source.model,
            "column": source.column,
            "source_files": files.get(figure_id, []),
            "run_id": run_id,
            "code_version": code_version,
        },
    }


def months_with_data(con) -> list[str]:
    return [r[0] for r in con.execute("select month from marts.fct_headcount_monthly order by 1")]


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
        select tool, usage_pct from marts.fct_tool_usage_monthly
        where month_start = ? order by tool
        """,
        [month_start],
    ).fetchall()
    for tool, pct in usage:
        figures.append(
            _figure(f"tool_usage_pct.{tool}", pct, TOOL_USAGE, files, run_id, code_version)
        )
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


def write_figures(document: dict, path: Path) -> Path:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n")
    return path


def figure_value(document: dict, figure_id: str):
    for figure in document["figures"]:
        if figure["id"] == figure_id:
            return figure["value"]
    raise KeyError(figure_id)
