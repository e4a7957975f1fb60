"""The monthly infographic: one A4 portrait page, PNG (150 dpi) and PDF, from figures.json and
the trend of the previous months. Files are byte-identical for the same warehouse."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from plotnine import theme  # noqa: E402

from ..months import parse_month  # noqa: E402
from . import charts, i18n  # noqa: E402
from .figures import figure_value  # noqa: E402

A4_PORTRAIT = (8.27, 11.69)
PNG_DPI = 150


def _usage_now(document: dict) -> pd.DataFrame:
    rows = [
        (f["id"].split(".", 1)[1], f["value"])
        for f in document["figures"]
        if f["id"].startswith("tool_usage_pct.")
    ]
    return pd.DataFrame(rows, columns=["tool", "usage_pct"])


def _previous(history: pd.DataFrame, month: str) -> pd.DataFrame:
    earlier = history[history["month"] < month]
    if earlier.empty:
        return earlier
    return earlier[earlier["month"] == earlier["month"].max()]


def compose(document: dict, history_rows: list[dict], language: str, months: int):
    """The plotnine composition: (headline | usage bars) / usage trend."""
    month = document["month"]
    history = pd.DataFrame(history_rows)
    history["month_label"] = [
        i18n.month_name(parse_month(m), language, short=True) for m in history["month"]
    ]
    previous = _previous(history, month)
    headcount = figure_value(document, "headcount")
    if previous.empty:
        change = i18n.text(language, "no_previous")
    else:
        before = int(previous["headcount"].iloc[0])
        prior_month = i18n.month_name(parse_month(previous["month"].iloc[0]), language)
        change = (
            f"{i18n.number(headcount - before, language, sign=True)} "
            f"{i18n.text(language, 'vs_previous', month=prior_month)}"
        )
    current = _usage_now(document).merge(
        previous[["tool", "usage_pct"]].rename(columns={"usage_pct": "before"}),
        on="tool",
        how="left",
    )
    current["change_pp"] = current["usage_pct"] - current["before"]
    colours = charts.tool_colours(list(current["tool"]))
    footer = i18n.text(
        language,
        "footer",
        period=f"{history['month'].min()} – {month}",
        run_id=document["run_id"][:8],
        lineage=f"{month}/figures.json",
    )
    month_label = i18n.month_name(parse_month(month), language)
    top = charts.headline(document["organisation"], month_label, headcount, change, language)
    bars = charts.usage_bars(current, colours, language)
    trend = charts.usage_trend(history, colours, language, months, footer)
    return ((top | bars) / trend) + theme(figure_size=A4_PORTRAIT, dpi=PNG_DPI)


def render(
    document: dict, history_rows: list[dict], language: str, months: int, folder: Path
) -> dict[str, Path]:
    """Write infographic.png and infographic.pdf into `folder`; no timestamps in metadata."""
    figure = compose(document, history_rows, language, months).draw()
    png = folder / "infographic.png"
    pdf = folder / "infographic.pdf"
    figure.savefig(png, dpi=PNG_DPI, metadata={"Software": None})
    figure.savefig(pdf, metadata={"CreationDate": None, "Creator": None, "Producer": None})
    matplotlib.pyplot.close(figure)
    return {"png": png, "pdf": pdf}
