"""Score a large backlog of messages in slices before the build (issue 15).

The per-message models (int_message_features, int_message_sentiment and its model backend)
take every message not yet scored in one query. A first year at 100,000 employees is 27 million
messages, which does not fit DuckDB under a 3 GB ceiling; three million does. So when more
messages wait than one slice holds, the run scores them a run of months at a time: it writes
the slice's upper bound for posted_at into ops.scoring_slice (dbt_project/macros/
scoring_slices.sql), runs those models, and moves on; the build that follows scores the rest.
A monthly run, the demo and every fixture have a backlog under one slice and pay nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import duckdb

from .warehouse import table_exists

SLICE_MESSAGES = 3_000_000
SCORING_MODEL_NAMES = ("int_message_features", "int_message_sentiment")
SCORING_MODELS = tuple(f"+{name}" for name in SCORING_MODEL_NAMES)


def backlog_by_month(con: duckdb.DuckDBPyConnection) -> list[tuple[date, int]]:
    """Messages per month in the raw layer of the months the scoring models have not both
    scored yet (ops.months_built), oldest first: counts, not keys (deleted, bot and duplicate rows
    count too), enough to cut slices. A month already scored counts as done: what a late file
    adds to it, the build scores, and the raw rows that never become messages (deleted, bots)
    do not look like a backlog."""
    raw = """
        select cast(date_trunc('month', created_at) as date) as month_start, count(*) as n
        from raw.viva_engage_messages group by all
        union all
        select cast(date_trunc('month', message_at) as date), count(*)
        from raw.slack_messages group by all
    """
    scored = "select null::date as month_start where false"
    if table_exists(con, "ops", "months_built"):
        scored = f"""
            select month_start from ops.months_built
            where model in {SCORING_MODEL_NAMES}
            group by month_start
            having count(distinct model) = {len(SCORING_MODEL_NAMES)}
        """
    rows = con.execute(
        f"""
        with raw_counts as (select month_start, sum(n) as n from ({raw}) group by all)
        select month_start, n as waiting
        from raw_counts
        where month_start is not null and month_start not in ({scored})
        order by month_start
        """
    ).fetchall()
    return [(month, int(waiting)) for month, waiting in rows if waiting > 0]


def slice_bounds(backlog: Iterable[tuple[date, int]], limit: int = SLICE_MESSAGES) -> list[date]:
    """The exclusive upper bounds (first days of months) of the slices to score before the
    build: consecutive months up to `limit` messages each (a month larger than that is a slice
    of its own). The last slice is left to the build itself; no bounds when all fit in one."""
    backlog = list(backlog)
    if sum(waiting for _, waiting in backlog) <= limit:
        return []
    bounds, in_slice = [], 0
    for month, waiting in backlog:
        if in_slice and in_slice + waiting > limit:
            bounds.append(month)
            in_slice = 0
        in_slice += waiting
    return bounds


def score_in_slices(
    connect: Callable[..., object],
    run_models: Callable[[list[str]], None],
    limit: int = SLICE_MESSAGES,
) -> list[date]:
    """Score the backlog slice by slice; returns the bounds used. `connect()` opens the
    warehouse for writing (closed before dbt runs: one writer), `run_models(args)` runs dbt.
    A bound left behind by a run that was killed is cleared first: it would hold the build
    back."""
    with connect() as con:
        con.execute("drop table if exists ops.scoring_slice")
        if not table_exists(con, "raw", "viva_engage_messages"):
            return []
        bounds = slice_bounds(backlog_by_month(con), limit)
    try:
        for bound in bounds:
            with connect() as con:
                _set_slice(con, bound)
            run_models(["--select", *SCORING_MODELS])
    finally:
        if bounds:
            with connect() as con:
                con.execute("drop table if exists ops.scoring_slice")
    return bounds


def _set_slice(con: duckdb.DuckDBPyConnection, bound: date) -> None:
    con.execute("create schema if not exists ops")
    con.execute("create or replace table ops.scoring_slice (score_before timestamp)")
    con.execute("insert into ops.scoring_slice values (?)", [bound])
