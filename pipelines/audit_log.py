"""The audit log: what happened to the figures and when, in the warehouse beside them.

Every step that changes what a report rests on or where it went appends one row to
`ops.audit_log`: a file ingested, rejected, recorded as a duplicate or withdrawn, a dbt build,
a report rendered or delivered, a webcare alert sent or failed. Rows are only ever added, so the
log keeps the history that the registry tables overwrite (a file's status today, not when it
changed). `snm audit --month M` lists the events behind a month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from .warehouse import table_exists

SCHEMA = """
create schema if not exists ops;
create table if not exists ops.audit_log (
    logged_at timestamp not null,
    run_id varchar not null,
    event varchar not null,
    period varchar,
    subject varchar,
    sha256 varchar,
    detail varchar
);
"""
NO_RUN = "(outside a run)"  # e.g. `snm inbox retire`, which then starts a run of its own


def log_event(
    con,
    run_id: str | None,
    event: str,
    *,
    period: str | None = None,
    subject: str | None = None,
    sha256: str | None = None,
    detail: str | None = None,
) -> None:
    """Append one event. `period`: the month (YYYY-MM) or year it concerns, where it has one."""
    con.execute(SCHEMA)
    con.execute(
        "insert into ops.audit_log values (?, ?, ?, ?, ?, ?, ?)",
        [
            datetime.now(UTC).replace(tzinfo=None),
            run_id or NO_RUN,
            event,
            period,
            subject,
            sha256,
            detail,
        ],
    )


@dataclass(frozen=True)
class Event:
    logged_at: datetime
    run_id: str
    event: str
    period: str | None
    subject: str | None
    sha256: str | None
    detail: str | None


def month_events(con, month_start: date) -> list[Event]:
    """The events behind month M: those of M (its reports, deliveries, alerts), those of the
    files its figures rest on (fct_figure_lineage), and every event without a period (builds,
    files rejected) of the runs among them. Oldest first."""
    if not table_exists(con, "ops", "audit_log"):
        return []
    month = f"{month_start:%Y-%m}"
    lineage = (
        "select source_sha256 from marts.fct_figure_lineage where month_start = $start"
        if table_exists(con, "marts", "fct_figure_lineage")
        else "select null::varchar where false"
    )
    rows = con.execute(
        f"""
        with files as ({lineage}),
        of_month as (
            select * from ops.audit_log
            where period in ($month, $year) or sha256 in (select source_sha256 from files)
        )
        select * from of_month
        union
        select * from ops.audit_log
        where period is null and run_id in (select run_id from of_month)
        order by logged_at, event, subject
        """,
        {"start": month_start, "month": month, "year": month[:4]},
    ).fetchall()
    return [Event(*row) for row in rows]


def describe(events: list[Event], month: str) -> list[str]:
    """The log of a month as the command prints it: per run, its events with their time."""
    if not events:
        return [f"No events recorded for {month}."]
    runs: dict[str, list[Event]] = {}
    for event in events:
        runs.setdefault(event.run_id, []).append(event)
    lines = [f"Audit log of {month}: {len(events)} event(s) in {len(runs)} run(s), times in UTC"]
    for run_id, run_events in runs.items():
        first, last = run_events[0].logged_at, run_events[-1].logged_at
        lines.append(f"Run {run_id}  {first:%Y-%m-%d %H:%M:%S} – {last:%H:%M:%S}")
        for e in run_events:
            where = f"  sha256 {e.sha256[:12]}…" if e.sha256 else ""
            period = f" [{e.period}]" if e.period else ""
            lines.append(
                f"  {e.logged_at:%Y-%m-%d %H:%M:%S}  {e.event:<12} {e.subject or ''}{period}{where}"
                + (f"  ({e.detail})" if e.detail else "")
            )
    return lines
