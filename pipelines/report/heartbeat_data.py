"""The organisation's heartbeat as read from the warehouse (issue 17): the daily messages of the
busiest themes and issues and the events calendar. Apart from the charts so that the month's
report (read at definition load) does not import plotnine."""

from __future__ import annotations

from datetime import date

import pandas as pd

SUBJECTS = 6  # the busiest themes and issues of the period, one small panel each
STRIP_SUBJECTS = 3  # on the monthly infographic's strip: one line each


def daily(con, first: date, last: date, subjects: int = SUBJECTS) -> pd.DataFrame:
    """Daily messages and spikes of the `subjects` busiest themes and issues in [first, last]."""
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
        [first, last, subjects],
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
