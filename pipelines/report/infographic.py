"""The monthly infographic: one A4 portrait page, PNG (150 dpi) and PDF, from figures.json and
the trend of the previous months. Files are byte-identical for the same warehouse."""

from __future__ import annotations

import textwrap
from datetime import timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from plotnine import theme  # noqa: E402

from ..months import add_months, parse_month  # noqa: E402
from . import charts, heartbeat, i18n, panels  # noqa: E402
from .layout import Rows  # noqa: E402
from .monthly import MonthReport  # noqa: E402

A4_PORTRAIT = (8.27, 11.69)
PNG_DPI = 150
NOTE_WIDTH = 62  # characters of a 7-point line in half the page
# tiles, usage, funnel and curve, issues and themes, heartbeat strip, reach: the tiles and the
# charts keep the room they had before the strip, which takes what a thin line of text needs
ROW_PANELS = (1.5, 1, 1, 1, 0.6, 1)


def _usage_now(document: dict) -> pd.DataFrame:
    rows = [
        (f["id"].split(".", 1)[1], f["value"], f.get("status", "ok"), f.get("window_days"))
        for f in document["figures"]
        if f["id"].startswith("tool_usage_pct.")
    ]
    frame = pd.DataFrame(rows, columns=["tool", "usage_pct", "status", "window_days"])
    # numbers even when every tool lacks a figure (None would make the columns text)
    return frame.astype({"usage_pct": float, "window_days": float})


def _coverage_note(document: dict, language: str) -> str:
    """Sources whose rows matched the roster less than the threshold, in one line."""
    low = [
        f"{i18n.source_name(f['id'].split('.', 1)[1], language)} "
        f"{i18n.number(f['value'], language, 0)}%"
        for f in document["figures"]
        if f["id"].startswith("identity_coverage.") and f.get("below_threshold")
    ]
    note = i18n.text(language, "coverage_note", sources=", ".join(low)) if low else ""
    return textwrap.fill(note, NOTE_WIDTH)  # within its half of the page


def _network_line(document: dict, language: str) -> str:
    """The month's network in one line: its size, how much crosses departments, ambassadors."""
    people = panels.value(document, "network.people")
    if people is None:
        return i18n.text(language, "pulse_no_network")
    cross = panels.value(document, "network.cross_department_pct")
    return i18n.text(
        language,
        "pulse_network",
        people=i18n.number(people, language, 0),
        cross="–" if cross is None else i18n.number(cross, language, 0),
        first_followers=i18n.number(
            panels.value(document, "ambassadors.first_followers", 0), language, 0
        ),
        fans=i18n.number(panels.value(document, "ambassadors.fans", 0), language, 0),
    )


def _previous(history: pd.DataFrame, month: str) -> pd.DataFrame:
    earlier = history[history["month"] < month]
    if earlier.empty:
        return earlier
    return earlier[earlier["month"] == earlier["month"].max()]


def compose(report: MonthReport, language: str, months: int):
    """The one-page plotnine composition (docs/DESIGN.md section 4): a title row with headline
    tiles and the yields; usage per tool now and over the last months; the adoption funnel and
    the participation curve; the top-10 issues and the themes; the month's heartbeat with its
    network in a line; who we reach; a footer."""
    document, previous, curve = report.document, report.previous, report.curve
    month = document["month"]
    first_day = parse_month(month)
    history = pd.DataFrame(
        report.history, columns=["month", "month_start", "tool", "usage_pct", "headcount"]
    )
    history["month_label"] = [
        i18n.month_name(parse_month(m), language, short=True) for m in history["month"]
    ]
    before = _previous(history, month)
    current = _usage_now(document).merge(
        before[["tool", "usage_pct"]].rename(columns={"usage_pct": "before"}),
        on="tool",
        how="left",
    )
    current["change_pp"] = current["usage_pct"] - current["before"]
    colours = charts.tool_colours(list(current["tool"]))
    footer = i18n.text(
        language,
        "footer",
        period=f"{history['month'].min() if not history.empty else month} – {month}",
        run_id=document["run_id"][:8],
        lineage=f"{month}/figures.json",
    )
    if document.get("missing_sources"):
        footer += "\n" + i18n.text(
            language, "missing", sources=", ".join(document["missing_sources"])
        )
    if document.get("replaced_files"):
        footer += "\n" + i18n.text(
            language,
            "replaced",
            files="; ".join(
                f"{charts.data_label(r['file'])} ← {charts.data_label(r['replaced_file'])}"
                for r in document["replaced_files"]
            ),
        )
    title = (
        f"{i18n.text(language, 'title')} · {document['organisation']} · "
        f"{i18n.month_name(parse_month(month), language)}"
    )
    rows = Rows(
        [
            panels.tiles(document, previous, language, title),
            charts.usage_bars(current, colours, language, _coverage_note(document, language))
            | charts.usage_trend(history, colours, language, months),
            panels.funnel(document, language) | panels.lorenz(document, curve, language),
            panels.issues(document, language) | panels.themes(document, language),
            heartbeat.strip(
                report.pulse,
                report.events,
                (first_day, add_months(first_day, 1) - timedelta(days=1)),
                i18n.text(language, "pulse_title"),
                _network_line(document, language),
                language,
            ),
            panels.reach(document, language, footer),
        ],
        panel_heights=ROW_PANELS,
    )
    return rows + theme(figure_size=A4_PORTRAIT, dpi=PNG_DPI)


def render(report: MonthReport, language: str, months: int, folder: Path) -> dict[str, Path]:
    """Write infographic.png and infographic.pdf into `folder`; no timestamps in metadata."""
    figure = compose(report, language, months).draw()
    png = folder / "infographic.png"
    pdf = folder / "infographic.pdf"
    figure.savefig(png, dpi=PNG_DPI, metadata={"Software": None})
    figure.savefig(pdf, metadata={"CreationDate": None, "Creator": None, "Producer": None})
    matplotlib.pyplot.close(figure)
    return {"png": png, "pdf": pdf}
