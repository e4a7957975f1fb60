"""A sector benchmark (issue 17, seeds 003): organisations pool anonymised headline ratios of a
year and each compares itself with the pool (median and quartiles).

The export holds ratios only, never a count: per figure the mean of the year's monthly values
(months without a value left out), the organisation's size as a band, and nothing from a month
whose group is smaller than the minimum group size (participation figures of a month with
fewer writers; nothing at all for an organisation that small). No names, no organisation name.
The format (`snm-benchmark/1`) is documented in docs/BENCHMARK_FORMAT.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

FORMAT = "snm-benchmark/1"
# the headline ratios, by figure id: shares and rates that mean the same in any organisation
RATIOS = (
    "social_active_pct",
    "reach_beyond_email_pct",
    "tool_usage_pct.email",
    "tool_usage_pct.teams",
    "tool_usage_pct.viva_engage",
    "tool_usage_pct.slack",
    "tool_usage_pct.intranet",
    "participation.all.top20_share_pct",
    "participation.all.pct_for_80",
    "participation.all.gini",
    "participation.all.net_sentiment",
    "network.cross_department_pct",
    "yields.email_sent_per_person_per_day",
    "yields.engagement_index",
    "yields.survey_response_rate_pct",
)
# figures that rest on the month's writers rather than its employees
ON_WRITERS = ("participation.all.", "network.")
SIZE_BANDS = ((250, "<250"), (1_000, "250-999"), (5_000, "1000-4999"), (20_000, "5000-19999"))


class BenchmarkError(ValueError):
    """The export cannot be made (too small an organisation) or a file is not a benchmark."""


def size_band(headcount: float) -> str:
    for upper, band in SIZE_BANDS:
        if headcount < upper:
            return band
    return "20000+"


def export(documents: dict[str, dict], year: int, min_group_size: int) -> dict:
    """The benchmark document of a year from its months' figures.json documents."""
    months = {m: d for m, d in documents.items() if m.startswith(str(year))}
    values: dict[str, list[float]] = {ratio: [] for ratio in RATIOS}
    headcounts = []
    for document in months.values():
        figures = {f["id"]: f["value"] for f in document["figures"]}
        headcount = figures.get("headcount")
        if headcount is None or headcount < min_group_size:
            continue
        headcounts.append(headcount)
        writers = figures.get("participation.all.contributors") or 0
        for ratio in RATIOS:
            value = figures.get(ratio)
            small = ratio.startswith(ON_WRITERS) and writers < min_group_size
            if isinstance(value, int | float) and not isinstance(value, bool) and not small:
                values[ratio].append(float(value))
    if not headcounts:
        raise BenchmarkError(
            f"no month of {year} has at least the minimum group size ({min_group_size}) of "
            "employees: nothing can be shared"
        )
    return {
        "format": FORMAT,
        "year": year,
        "months": len(headcounts),
        "size_band": size_band(sum(headcounts) / len(headcounts)),
        "ratios": {r: round(sum(v) / len(v), 3) for r, v in values.items() if v},
    }


def load(path: Path) -> dict:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BenchmarkError(f"{path}: not readable as a benchmark file ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BenchmarkError(f"{path}: not a {FORMAT} file")
    return document


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """(Q1, median, Q3) by linear interpolation between the sorted values (numpy's default,
    Hyndman and Fan's type 7)."""
    q1, median, q3 = np.percentile(np.asarray(values, dtype=float), [25, 50, 75])
    return round(float(q1), 2), round(float(median), 2), round(float(q3), 2)


def compare(ours: dict, pool: list[dict]) -> dict:
    """Per ratio: ours, the pool's quartiles and how many organisations, and where ours lies
    (below Q1, between, above Q3). A ratio fewer than three organisations share is left out."""
    rows = {}
    for ratio in RATIOS:
        theirs = [p["ratios"][ratio] for p in pool if ratio in p.get("ratios", {})]
        if len(theirs) < 3 or ratio not in ours["ratios"]:
            continue
        q1, median, q3 = quartiles(theirs)
        value = ours["ratios"][ratio]
        where = "below_q1" if value < q1 else "above_q3" if value > q3 else "between"
        rows[ratio] = {
            "ours": value,
            "q1": q1,
            "median": median,
            "q3": q3,
            "organisations": len(theirs),
            "position": where,
        }
    return {
        "format": FORMAT,
        "year": ours["year"],
        "size_band": ours["size_band"],
        "pool_size_bands": sorted({p["size_band"] for p in pool}),
        "ratios": rows,
    }
