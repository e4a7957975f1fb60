"""The organisation's heartbeat as a timeline (issue 17): daily messages of the busiest themes
and issues over a period, spikes of attention marked, and the events calendar (a
reorganisation, a launch) drawn across it, so the IC lead sees when attention peaked and
beside what."""

from __future__ import annotations

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
    scale_x_date,
    theme,
)

from . import i18n
from .charts import ACCENT, MUTED, WARNING, base_theme, data_label, no_data_panel

SUBJECTS = 6  # the busiest themes and issues of the period, one small panel each


def daily(con, first: date, last: date) -> pd.DataFrame:
    """Daily messages and spikes of the SUBJECTS busiest themes and issues in [first, last]."""
    return con.execute(
        """
        with period as (
            select * from marts.fct_heartbeat_daily where day between ? and ?
        ),
        busiest as (
            select subject_kind, subject
            from period
            group by all
            order by sum(messages) desc, subject_kind desc, subject
            limit ?
        )
        select period.subject_kind, period.subject, period.day, period.messages, period.is_spike
        from period
        inner join busiest using (subject_kind, subject)
        order by all
        """,
        [first, last, SUBJECTS],
    ).df()


def events(con, first: date, last: date) -> pd.DataFrame:
    """The events calendar of the inbox (events/*.csv) in [first, last]; none without one."""
    from ..warehouse import table_exists

    if not table_exists(con, "staging", "stg_events__calendar"):
        return pd.DataFrame(columns=["day", "event"])
    return con.execute(
        "select day, event from staging.stg_events__calendar where day between ? and ?"
        " order by day, event",
        [first, last],
    ).df()


def timeline(con, first: date, last: date, title: str, language: str):
    """Small panels of daily messages per theme or issue, spikes as dots, events as lines."""
    data = daily(con, first, last)
    if data.empty:
        return no_data_panel(title, language, i18n.text(language, "no_data_year"))
    kinds = {"theme": i18n.text(language, "heartbeat_theme"), "issue": "issue"}
    data["panel"] = [
        f"{kinds[kind]} {data_label(subject, 30)}"
        for kind, subject in zip(data["subject_kind"], data["subject"], strict=True)
    ]
    data["day"] = pd.to_datetime(data["day"])
    spikes = data[data["is_spike"]]
    calendar = events(con, first, last)
    plot = (
        ggplot(data, aes("day", "messages"))
        + geom_line(color=ACCENT, size=0.4)
        + geom_point(spikes, aes("day", "messages"), color=WARNING, size=1.8)
        + facet_wrap("panel", ncol=2, scales="free_y")
        + scale_x_date(date_labels="%Y-%m")
        + labs(
            title=title,
            caption=i18n.text(language, "heartbeat_caption"),
            x="",
            y=i18n.text(language, "heartbeat_axis"),
        )
        + base_theme()
        + theme(
            figure_size=(11.69, 8.27),
            strip_text=element_text(size=7.5),
            axis_text_x=element_text(size=6),
            axis_text_y=element_text(size=6),
            plot_caption=element_text(size=7, color=MUTED, ha="left"),
        )
    )
    if not calendar.empty:
        calendar = calendar.assign(
            day=pd.to_datetime(calendar["day"]),
            label=[data_label(name, 24) for name in calendar["event"]],
            top=data["messages"].max(),
        )
        plot += geom_vline(calendar, aes(xintercept="day"), color=MUTED, linetype="dashed")
        plot += geom_text(  # along its line, so that events days apart stay readable
            calendar,
            aes("day", "top", label="label"),
            size=5.5,
            color=MUTED,
            angle=90,
            ha="right",
            va="bottom",
        )
    return plot
