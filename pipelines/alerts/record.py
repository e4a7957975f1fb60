"""Which signals still need an alert, and what was sent: ops.webcare_alerts in the warehouse
holds one row per issue and day, so an issue is alerted at most once a day."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ..audit_log import log_event

SCHEMA = """
create schema if not exists ops;
create table if not exists ops.webcare_alerts (
    issue varchar not null,
    day date not null,
    kinds varchar not null,
    messages integer not null,
    median_previous double,
    messages_window integer,
    net_sentiment_window double,
    light_window varchar,
    top_themes varchar[],
    channels varchar[] not null,
    status varchar not null,
    error varchar,
    alerted_at timestamp not null,
    run_id varchar not null,
    primary key (issue, day)
);
"""


@dataclass(frozen=True)
class Signal:
    issue: str
    day: date
    messages: int
    median_previous: float | None
    is_spike: bool
    turned_red: bool
    messages_window: int
    net_sentiment_window: float | None
    light_window: str
    top_themes: list[str]

    @property
    def kinds(self) -> list[str]:
        return [k for k, on in (("turned_red", self.turned_red), ("spike", self.is_spike)) if on]

    def payload(self) -> dict:
        """The JSON body of a webhook alert."""
        return {
            "type": "snm.webcare_alert",
            "issue": self.issue,
            "day": self.day.isoformat(),
            "kinds": self.kinds,
            "messages": self.messages,
            "median_previous_days": self.median_previous,
            "messages_in_light_window": self.messages_window,
            "net_sentiment_in_light_window": self.net_sentiment_window,
            "light": self.light_window,
            "top_themes": self.top_themes,
        }


def pending_signals(con, lookback_days: int) -> list[Signal]:
    """Signals of the last `lookback_days` days of data not yet alerted successfully."""
    con.execute(SCHEMA)
    rows = con.execute(
        f"""
        with last_day as (
            select cast(max(posted_at) as date) as day from intermediate.int_messages
        )
        select s.issue, s.day, s.messages::integer, s.median_previous::double, s.is_spike,
               s.turned_red, s.messages_window::integer, s.net_sentiment_window::double,
               s.light_window, s.top_themes
        from marts.fct_issue_alert_signals as s, last_day
        where s.day > last_day.day - {int(lookback_days)}
          and not exists (
              select 1 from ops.webcare_alerts as a
              where a.issue = s.issue and a.day = s.day and a.status in ('sent', 'recorded')
          )
        order by s.day, s.issue
        """
    ).fetchall()
    return [Signal(*row) for row in rows]


def record(con, signal: Signal, channels: list[str], status: str, error: str | None, run_id):
    log_event(
        con,
        run_id,
        f"alert {status}",  # sent | recorded (no channel) | failed
        period=f"{signal.day:%Y-%m}",
        subject=f"issue {signal.issue} on {signal.day}",
        detail=f"{'+'.join(signal.kinds)} via {', '.join(channels) or 'no channel'}"
        + (f": {error}" if error else ""),
    )
    con.execute(
        """
        insert or replace into ops.webcare_alerts values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
            signal.issue,
            signal.day,
            ",".join(signal.kinds),
            signal.messages,
            signal.median_previous,
            signal.messages_window,
            signal.net_sentiment_window,
            signal.light_window,
            signal.top_themes,
            channels,
            status,
            error,
            datetime.now(UTC).replace(tzinfo=None),
            run_id,
        ],
    )


def as_json(signals: list[Signal]) -> str:
    return json.dumps([s.payload() for s in signals], ensure_ascii=False)
