"""Month close: once a month has ended and its expected sources have delivered data, its
report is rendered and delivered; on the configured day of the next month it is rendered
anyway (the report names what was missing). A late file changes the files a month rests on
(its fingerprint), so the month is rendered again; the report asset keeps the old version.
Closing December also draws that year's yearly monitor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import dagster as dg
import duckdb

from ...builds import latest_build_run_id
from ...clock import today
from ...months import add_months, parse_month
from ...report.completeness import fingerprint, lineage_files_by_month, missing_sources
from ...report.figures import months_with_data
from ...resources import MonitorConfigResource, WarehouseResource
from ...settings import service_settings
from .jobs import report_job, yearly_job

REPORT_KEY = dg.AssetKey(["reports", "monthly_infographic"])
BUSY = (
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
)


@dataclass(frozen=True)
class MonthState:
    month: str
    fingerprint: str
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    month: str
    reason: str  # complete | deadline | late_file
    fingerprint: str
    missing: tuple[str, ...]


def decide(
    states: list[MonthState], rendered: dict[str, str | None], today: date, deadline_day: int
) -> list[Decision]:
    """Which months to render now. `rendered` maps a month to the fingerprint of its last
    report (None: never rendered)."""
    decisions = []
    current = today.replace(day=1)
    for state in states:
        first = parse_month(state.month)
        if first >= current:
            continue  # the month has not ended
        last = rendered.get(state.month)
        if last == state.fingerprint:
            continue
        if last is not None:
            reason = "late_file"
        elif not state.missing:
            reason = "complete"
        elif today >= add_months(first, 1).replace(day=deadline_day):
            reason = "deadline"
        else:
            continue  # still waiting for sources, before the deadline
        decisions.append(Decision(state.month, reason, state.fingerprint, state.missing))
    return decisions


def run_requests(decisions: list[Decision]) -> list[dg.RunRequest]:
    requests = []
    for d in decisions:
        tags = {"snm/trigger": f"month_close:{d.reason}", "snm/missing": ",".join(d.missing)}
        requests.append(
            dg.RunRequest(
                run_key=f"report:{d.month}:{d.fingerprint[:32]}",
                job_name=report_job.name,
                partition_key=d.month,
                tags=tags,
            )
        )
        if d.month.endswith("-12"):
            year = d.month[:4]
            requests.append(
                dg.RunRequest(
                    run_key=f"yearly:{year}:{d.fingerprint[:32]}",
                    job_name=yearly_job.name,
                    partition_key=year,
                    tags={"snm/trigger": "month_close:december"},
                )
            )
    return requests


def month_states(con, expected: list[str]) -> list[MonthState]:
    files = lineage_files_by_month(con)
    return [
        MonthState(
            month,
            fingerprint(files.get(month, [])),
            tuple(missing_sources(files.get(month, []), expected)),
        )
        for month in months_with_data(con)
    ]


def marts_are_current(con) -> bool:
    """False while files were ingested or withdrawn after the last dbt build (the marts lag
    behind)."""
    if latest_build_run_id(con) is None:
        return False
    changed = "max(greatest(ingested_at, coalesce(withdrawn_at, ingested_at)))"
    try:
        built, ingested = con.execute(
            "select (select max(finished_at) from ops.dbt_builds),"
            f" (select {changed} from raw.inbox_files)"
        ).fetchone()
    except duckdb.BinderException:  # a registry from before withdrawals, not yet upgraded
        built, ingested = con.execute(
            "select (select max(finished_at) from ops.dbt_builds),"
            " (select max(ingested_at) from raw.inbox_files)"
        ).fetchone()
    return ingested is None or built >= ingested


def rendered_fingerprints(instance: dg.DagsterInstance, months: list[str]) -> dict:
    out = {}
    for month in months:
        records = instance.fetch_materializations(
            dg.AssetRecordsFilter(asset_key=REPORT_KEY, asset_partitions=[month]), limit=1
        ).records
        metadata = records[0].asset_materialization.metadata if records else {}
        value = metadata.get("data_fingerprint")
        out[month] = value.value if value is not None else None
    return out


@dg.sensor(
    jobs=[report_job, yearly_job],
    minimum_interval_seconds=service_settings().month_close_seconds,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Renders and delivers a month's report when the month is complete (or at the "
    "deadline), again after a late file; closing December draws the yearly monitor.",
)
def month_close_sensor(
    context: dg.SensorEvaluationContext,
    warehouse: WarehouseResource,
    monitor_config: MonitorConfigResource,
):
    busy = context.instance.get_runs_count(dg.RunsFilter(statuses=list(BUSY)))
    if busy:
        return dg.SkipReason(f"waiting for {busy} queued or running run(s) to finish")
    config = monitor_config.load()
    try:
        with warehouse.connect(read_only=True, wait_seconds=5) as con:
            if not marts_are_current(con):
                return dg.SkipReason("the marts are older than the newest ingested file")
            states = month_states(con, config.month_close.expected_sources)
    except duckdb.Error as exc:
        return dg.SkipReason(f"warehouse not readable now: {exc}")
    rendered = rendered_fingerprints(context.instance, [s.month for s in states])
    decisions = decide(states, rendered, today(), config.month_close.deadline_day)
    if not decisions:
        return dg.SkipReason("no month to close or to render again")
    for d in decisions:
        missing = f" (missing: {', '.join(d.missing)})" if d.missing else ""
        context.log.info(f"{d.month}: {d.reason}{missing}")
    return run_requests(decisions)
