"""The organisation's heartbeat as a timeline (issue 17): daily messages of the busiest themes
and issues over a period, spikes of attention marked, and the events calendar (a
reorganisation, a launch) drawn across it, so the IC lead sees when attention peaked and
beside what."""

from __future__ import annotations

import textwrap
from datetime import date

import pandas as pd
from plotnine import (
    aes,
    element_text,
    facet_wrap,
    geom_line,
    geom_point,
    geom_text,
    geom_vline,
    ggplot,
    labs,
    scale_color_manual,
    scale_x_date,
    scale_y_continuous,
    theme,
)

from . import i18n
from .charts import ACCENT, MUTED, WARNING, base_theme, data_label, no_data_panel
from .heartbeat_data import daily, events

STRIP_COLOURS = (ACCENT, "#7c3aed", "#2563eb")  # apart from the spikes' orange


def _subject_labels(data: pd.DataFrame, language: str, width: int) -> list[str]:
    kinds = {"theme": i18n.text(language, "heartbeat_theme"), "issue": "issue"}
    return [
        f"{kinds[kind]} {data_label(subject, width)}"
        for kind, subject in zip(data["subject_kind"], data["subject"], strict=True)
    ]


def _with_events(plot, calendar: pd.DataFrame, top: float, size: float):
    """The events calendar across a timeline: a dashed line per event, named along it."""
    if calendar.empty:
        return plot
    calendar = calendar.assign(
        day=pd.to_datetime(calendar["day"]),
        label=[data_label(name, 24) for name in calendar["event"]],
        top=top,
    )
    plot += geom_vline(calendar, aes(xintercept="day"), color=MUTED, linetype="dashed")
    return plot + geom_text(  # along its line, so that events days apart stay readable
        calendar,
        aes("day", "top", label="label"),
        size=size,
        color=MUTED,
        angle=90,
        ha="right",
        va="bottom",
    )


def _whole_numbers(limits) -> list[float]:
    """At most five breaks on whole messages (a quiet month's axis never reads 0.25)."""
    from matplotlib.ticker import MaxNLocator

    low, high = limits
    return [
        b for b in MaxNLocator(nbins=4, integer=True).tick_values(low, high) if low <= b <= high
    ]


def strip(
    data: pd.DataFrame,
    calendar: pd.DataFrame,
    days: tuple[date, date],
    title: str,
    subtitle: str,
    language: str,
):
    """The month's heartbeat for the infographic: a line per busiest theme or issue over the
    month's `days` (first, last), spikes as dots named by their subject, the month's events
    as dashed lines; one low panel."""
    if data.empty:
        message = f"{i18n.text(language, 'pulse_none')}\n{subtitle}"
        return no_data_panel(title, language, message)
    data = data.assign(day=pd.to_datetime(data["day"]), subject=_subject_labels(data, language, 22))
    spikes = data[data["is_spike"]]
    plot = (
        ggplot(data, aes("day", "messages", color="subject"))
        + geom_line(size=0.5)
        + geom_point(spikes, aes("day", "messages"), color=WARNING, size=1.6)
        + geom_text(
            spikes,
            aes("day", "messages", label="subject"),
            size=5.5,
            va="bottom",
            nudge_y=0.3,
            color=WARNING,
            show_legend=False,
        )
        + scale_x_date(
            limits=tuple(pd.Timestamp(day) for day in days),
            date_breaks="7 days",
            date_labels="%d-%m",
        )
        + scale_y_continuous(limits=(0, None), breaks=_whole_numbers)
        + scale_color_manual(values=list(STRIP_COLOURS))
        + labs(title=title, subtitle=subtitle, x="", y="", color="")
        + base_theme()
        + theme(
            legend_position="right",
            legend_text=element_text(size=6),
            legend_key_size=8,
            axis_text_x=element_text(size=6),
            axis_text_y=element_text(size=6),
            plot_subtitle=element_text(size=7, color=MUTED),
        )
    )
    return _with_events(plot, calendar, float(data["messages"].max()), 5)


def numbered(calendar: pd.DataFrame) -> pd.DataFrame:
    """The events by day with their number (1, 2, ...): the panels, the caption and the
    table name an event by it."""
    return calendar.assign(day=pd.to_datetime(calendar["day"]), number=range(1, len(calendar) + 1))


def _numbered_events(plot, calendar: pd.DataFrame):
    """Events across small panels: a dashed line with the event's number at the top of every
    panel (whatever its own scale); the caption names each number once."""
    if calendar.empty:
        return plot
    calendar = calendar.assign(label=calendar["number"].astype(str), top=float("inf"))
    plot += geom_vline(calendar, aes(xintercept="day"), color=MUTED, linetype="dashed")
    return plot + geom_text(
        calendar,
        aes("day", "top", label="label"),
        size=6,
        color=MUTED,
        ha="left",
        va="top",
        nudge_x=2,  # days: beside its line
    )


def event_names(calendar: pd.DataFrame, language: str) -> str:
    """'Events: 1 Launch (2026-03-02); 2 ...' for the caption under the panels (`calendar`
    as `numbered` gives it)."""
    named = "; ".join(
        f"{event.number} {event.event} ({event.day:%Y-%m-%d})" for event in calendar.itertuples()
    )
    return f"{i18n.text(language, 'heartbeat_events')}: {named}" if named else ""


def timeline(con, first: date, last: date, title: str, language: str):
    """Small panels of daily messages per theme or issue, spikes as dots, events as numbered
    lines; returns the chart and its numbers (the spikes and the events) as a table."""
    data = daily(con, first, last)
    if data.empty:
        return no_data_panel(title, language, i18n.text(language, "no_data_year")), None
    data["panel"] = _subject_labels(data, language, 30)
    data["day"] = pd.to_datetime(data["day"])
    spikes = data[data["is_spike"]]
    calendar = numbered(events(con, first, last))
    caption = "\n".join(
        textwrap.wrap(i18n.text(language, "heartbeat_caption"), 150)
        + textwrap.wrap(event_names(calendar, language), 150)
    )
    plot = (
        ggplot(data, aes("day", "messages"))
        + geom_line(color=ACCENT, size=0.4)
        + geom_point(spikes, aes("day", "messages"), color=WARNING, size=1.8)
        + facet_wrap("panel", ncol=2, scales="free_y")
        + scale_x_date(date_labels="%Y-%m")
        + scale_y_continuous(limits=(0, None), breaks=_whole_numbers)  # each panel's own
        + labs(title=title, caption=caption, x="", y=i18n.text(language, "heartbeat_axis"))
        + base_theme()
        + theme(
            figure_size=(11.69, 8.27),
            strip_text=element_text(size=7.5),
            axis_text_x=element_text(size=6),
            axis_text_y=element_text(size=6),
            plot_caption=element_text(size=7, color=MUTED, ha="left"),
        )
    )
    return _numbered_events(plot, calendar), timeline_table(spikes, calendar, language)


def timeline_table(spikes: pd.DataFrame, calendar: pd.DataFrame, language: str):
    """The spikes (day, subject, messages) and the numbered events (day, name), by day."""
    day, what = i18n.text(language, "table_day"), i18n.text(language, "table_what")
    messages = i18n.text(language, "table_messages")
    rows = [
        (
            f"{row.day:%Y-%m-%d}",
            f"{i18n.text(language, 'heartbeat_spike')}: {row.panel}",
            str(int(row.messages)),
        )
        for row in spikes.itertuples()
    ] + [
        (
            f"{event.day:%Y-%m-%d}",
            f"{i18n.text(language, 'heartbeat_event')} {event.number}: {event.event}",
            "",
        )
        for event in calendar.itertuples()
    ]
    return pd.DataFrame(sorted(rows), columns=[day, what, messages])
