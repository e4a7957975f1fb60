"""Per month and tool, the Bass diffusion fit of the tool's adoption up to that month and its
forecast six months on (pipelines/adoption.py, scipy): SQL has no curve fitting. Each month
is fitted on the history known then, so an earlier month's forecast can be checked against
what came. Incremental: a month and tool are fitted again only when the history up to that
month changed (history_fingerprint). DuckDB only, like every Python model here."""

TYPED = """
    cast(month_start as date) as month_start,
    cast(tool as varchar) as tool,
    cast(bass_status as varchar) as bass_status,
    cast(bass_p as double) as bass_p,
    cast(bass_q as double) as bass_q,
    cast(bass_m_pct as double) as bass_m_pct,
    cast(bass_rmse_pts as double) as bass_rmse_pts,
    cast(forecast_month as date) as forecast_month,
    cast(forecast_pct as double) as forecast_pct,
    cast(forecast_low_pct as double) as forecast_low_pct,
    cast(forecast_high_pct as double) as forecast_high_pct,
    cast(history_fingerprint as varchar) as history_fingerprint
"""


def kept(value, digits):
    """A fitted number rounded for the table; none where there is no fit."""
    return None if value is None else round(value, digits)


def model(dbt, session):
    dbt.config(materialized="incremental", unique_key=["month_start", "tool"])
    import hashlib

    import pandas as pd

    from pipelines.adoption import HORIZON, fit
    from pipelines.months import add_months

    history = (
        dbt.ref("int_tool_adoption")
        .project("tool, month_start, adopters_pct")
        .order("tool, month_start")
        .fetchall()
    )
    done = set()
    if dbt.is_incremental:
        done = set(
            session.sql(f"select tool, month_start, history_fingerprint from {dbt.this}").fetchall()
        )
    rows, shares, tool_before = [], [], None
    for tool, month_start, share in history:
        shares = shares + [share] if tool == tool_before else [share]
        tool_before = tool
        fingerprint = hashlib.sha256(repr(shares).encode()).hexdigest()[:32]
        if (tool, month_start, fingerprint) in done:
            continue
        result = fit(shares)
        rows.append(
            (
                month_start,
                tool,
                result.status,
                kept(result.p, 4),
                kept(result.q, 4),
                kept(None if result.m is None else 100 * result.m, 1),
                kept(result.rmse_pts, 2),
                add_months(month_start, HORIZON) if result.status == "fitted" else None,
                kept(result.forecast_pct, 1),
                kept(result.low_pct, 1),
                kept(result.high_pct, 1),
                fingerprint,
            )
        )
    columns = [
        "month_start", "tool", "bass_status", "bass_p", "bass_q", "bass_m_pct",
        "bass_rmse_pts", "forecast_month", "forecast_pct", "forecast_low_pct",
        "forecast_high_pct", "history_fingerprint",
    ]  # fmt: skip
    return session.from_df(pd.DataFrame(rows, columns=columns)).project(TYPED)
