"""The infographic's panels, each a plotnine plot."""

from __future__ import annotations

import matplotlib
import pandas as pd
from plotnine import (
    aes,
    annotate,
    coord_cartesian,
    coord_flip,
    element_blank,
    element_line,
    element_rect,
    element_text,
    geom_col,
    geom_line,
    geom_point,
    geom_text,
    ggplot,
    labs,
    scale_color_manual,
    scale_fill_manual,
    scale_x_discrete,
    scale_y_continuous,
    theme,
    theme_minimal,
    xlim,
    ylim,
)

from . import i18n

# Text from the data (a location called "Kantoor $\\foo$") is drawn as written, never read as
# mathtext markup: one malformed label would otherwise stop every report.
matplotlib.rcParams["text.parse_math"] = False

LABEL_LIMIT = 36

FONT = "DejaVu Sans"
INK = "#1f2a44"
MUTED = "#6b7280"
ACCENT = "#0f766e"
WARNING = "#b45309"
PALETTE = ["#0f766e", "#2563eb", "#9333ea", "#d97706", "#dc2626", "#4b5563", "#0891b2", "#65a30d"]


def data_label(text: object, limit: int = LABEL_LIMIT) -> str:
    """A name from the data as a chart label: on one line and at most `limit` characters, cut
    with an ellipsis, so a 5,000-character department cannot wreck the page."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def base_theme() -> theme:
    return theme_minimal(base_family=FONT) + theme(
        text=element_text(family=FONT, color=INK, size=9),
        plot_title=element_text(size=11, weight="bold", ha="left"),
        panel_grid_minor=element_blank(),
        plot_background=element_rect(fill="white", color="white"),
    )


def blank(plot: ggplot) -> ggplot:
    """A plot used as a canvas for text and shapes: no axes, no grid."""
    return (
        plot
        + base_theme()
        + theme(axis_text=element_blank(), axis_title=element_blank(), panel_grid=element_blank())
    )


def no_data_panel(
    title: str, language: str, message: str | None = None, caption: str | None = None
) -> ggplot:
    """A part of the page without data this month keeps its place and says so, so that an
    empty chart is never read as zero."""
    plot = ggplot(pd.DataFrame({"x": [0.5], "y": [0.5]}), aes("x", "y")) + annotate(
        "text",
        x=0.5,
        y=0.5,
        label=message or i18n.text(language, "no_data_part"),
        size=8,
        color=MUTED,
        family=FONT,
    )
    plot += labs(title=title, caption=caption or "")
    return blank(plot + xlim(0, 1) + ylim(0, 1)) + theme(
        plot_caption=element_text(size=6.5, color=MUTED, ha="left")
    )


def count_scale(language: str, top: float, room: float) -> scale_y_continuous:
    """An axis of counts: whole-number ticks only, written in the report's language, with
    `room` × the largest value left free for the bar labels."""
    from matplotlib.ticker import MaxNLocator

    ticks = [t for t in MaxNLocator(nbins=4, integer=True).tick_values(0, top) if 0 <= t <= top]
    return scale_y_continuous(
        limits=(0, top * room),
        breaks=ticks,
        labels=lambda values: [i18n.number(v, language, 0) for v in values],
    )


def tool_colours(tools: list[str]) -> dict[str, str]:
    """A stable colour per tool, the same in every panel."""
    return {i18n.tool_name(t): PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(tools))}


def usage_bars(
    current: pd.DataFrame, colours: dict[str, str], language: str, note: str = ""
) -> ggplot:
    """Usage per tool in the month, highest first, each bar labelled with its % and change,
    or with why there is no figure; `note` warns of people the roster could not match."""
    if current.empty:
        return no_data_panel(i18n.text(language, "usage_title"), language)
    data = current.assign(
        tool_label=current["tool"].map(i18n.tool_name),
        shown=current["usage_pct"].fillna(0.0),
        label=[
            _bar_label(row, language)
            for row in current[["usage_pct", "change_pp", "status", "window_days"]].itertuples()
        ],
    ).sort_values(["shown", "tool"])
    order = list(data["tool_label"])
    return (
        ggplot(data, aes("tool_label", "shown", fill="tool_label"))
        + geom_col(width=0.7, show_legend=False)
        + geom_text(aes(label="label"), ha="left", nudge_y=2, size=7.5, color=INK, family=FONT)
        + coord_flip()
        + scale_x_discrete(limits=order)
        + scale_y_continuous(limits=(0, 175), breaks=[0, 25, 50, 75, 100])
        + scale_fill_manual(values=colours)
        + labs(title=i18n.text(language, "usage_title"), subtitle=note, x="", y="")
        + base_theme()
        + theme(
            panel_grid_major_y=element_blank(),
            plot_subtitle=element_text(size=7, color=WARNING),
        )
    )


def _bar_label(row, language: str) -> str:
    """'48,9% (+2,7 %-punt)'; no data or nobody matched reads as such, never as 0%; a report
    of fewer than 28 days says so."""
    pct, change = row.usage_pct, row.change_pp
    if pct is None or pd.isna(pct):
        return i18n.text(language, "not_matched" if row.status == "unmatched" else "no_data")
    label = f"{i18n.number(pct, language, 1)}%"
    if change is not None and not pd.isna(change):
        label += f" ({i18n.number(change, language, 1, sign=True)} {i18n.text(language, 'pp')})"
    if row.window_days is not None and not pd.isna(row.window_days):
        label += " · " + i18n.text(language, "window_days", n=int(row.window_days))
    return label


def usage_trend(
    history: pd.DataFrame, colours: dict[str, str], language: str, months: int
) -> ggplot:
    """Usage per tool over the last months, one line per tool."""
    data = history.dropna(subset=["usage_pct"]).assign(
        tool_label=lambda d: d["tool"].map(i18n.tool_name)
    )
    if data.empty:
        return no_data_panel(i18n.text(language, "trend_title", n=months), language)
    month_order = list(dict.fromkeys(history["month_label"]))
    return (
        ggplot(data, aes("month_label", "usage_pct", color="tool_label", group="tool_label"))
        + geom_line(  # a line needs two months; the first month of a history is a point
            data=lambda d: d[d.groupby("tool_label")["tool_label"].transform("size") > 1],
            size=1.1,
        )
        + geom_point(size=2)
        + scale_x_discrete(limits=month_order)
        + scale_color_manual(values=colours)
        + coord_cartesian(ylim=(0, 100))
        + labs(
            title=i18n.text(language, "trend_title", n=months),
            subtitle=i18n.text(language, "trend_subtitle"),
            x="",
            y="",
        )
        + base_theme()
        + theme(
            legend_position="none",  # the bars beside it carry the same colours and names
            axis_text_x=element_text(size=7),
            plot_subtitle=element_text(size=7, color=MUTED),
            panel_grid_major_x=element_line(color="#e5e7eb"),
        )
    )
