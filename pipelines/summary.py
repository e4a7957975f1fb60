"""The end-of-run summary of `snm`: what was ingested, what was quarantined and why, failed
checks and steps, and where the report is."""

from __future__ import annotations

import re
from pathlib import Path

import dagster as dg
import duckdb

from .csv_out import write_csv
from .output_folder import why_not_written
from .settings import Settings

MAX_PROBLEMS_SHOWN = 25
DAGSTER_FAILURE = re.compile(r"^dagster\.[\w.]+\.Failure: ")


def _ingestion(con, run_id: str) -> None:
    rows = con.execute(
        """
        select source, count(*), sum(rows_loaded), sum(rows_quarantined),
               count(*) filter (where status = 'rejected')
        from raw.inbox_files where ingest_run_id = ? group by source order by source
        """,
        [run_id],
    ).fetchall()
    if not rows:
        print("Ingested: no new files (everything in the inbox was ingested before).")
        return
    print("Ingested (new files only):")
    for source, files, loaded, quarantined, rejected in rows:
        extra = f", {rejected} file(s) rejected" if rejected else ""
        counts = f"{files:>3} file(s)  {loaded:>8} rows  {quarantined:>5} quarantined"
        print(f"  {source:<20} {counts}{extra}")


def _quarantine(con, run_id: str) -> None:
    problems = con.execute(
        """
        select source_file, source_member, source_row, column_name, problem
        from raw.quarantine where ingest_run_id = ?
        order by source_file, source_member, source_row
        """,
        [run_id],
    ).fetchall()
    if not problems:
        return
    print(f"Quarantined input ({len(problems)} problem(s); all in table raw.quarantine):")
    for file, member, row, column, problem in problems[:MAX_PROBLEMS_SHOWN]:
        where = "".join(
            [
                f" [{member}]" if member else "",
                f" row {row}" if row else "",
                f" column '{column}'" if column else "",
            ]
        )
        print(f"  {file}{where}: {problem}")
    if len(problems) > MAX_PROBLEMS_SHOWN:
        print(f"  ... and {len(problems) - MAX_PROBLEMS_SHOWN} more")


def _notes(con, run_id: str) -> None:
    """What must be known about files that were read fine, once per file."""
    rows = con.execute(
        "select source_file, note from raw.inbox_notes where ingest_run_id = ?"
        " order by source_file, note",
        [run_id],
    ).fetchall()
    for file, note in rows:
        print(f"Note: {file}: {note}")


def _identity_coverage(con, month: str) -> None:
    """Per source, the share of rows naming a person that matched the roster."""
    try:
        rows = con.execute(
            "select source, matched_pct, is_below_threshold, unmatched_people"
            " from marts.fct_identity_coverage_monthly where month = ? order by source",
            [month],
        ).fetchall()
    except duckdb.CatalogException:
        return  # the marts were not built
    if not rows:
        return
    print(f"Identity coverage {month} (rows matched to the roster):")
    for source, pct, below, unmatched in rows:
        warn = f"  below the threshold; {unmatched} people not in the roster" if below else ""
        print(f"  {source:<20} {pct:>5.1f}%{warn}")


def _duplicates(con, run_id: str) -> None:
    rows = con.execute(
        "select source, file_name, first_file_name from raw.inbox_duplicates"
        " where ingest_run_id = ? order by source, file_name",
        [run_id],
    ).fetchall()
    for source, name, first in rows:
        print(f"Skipped {source}/{name}: same content as {first}, ingested once.")


def export_quarantine(con, folder: Path, run_id: str) -> Path:
    """What this run quarantined, as a CSV a data engineer can filter (formulas neutralised);
    the header alone when it quarantined nothing. Only the run's own problems: rewriting every
    earlier one on each run grows without end (all of them stay in raw.quarantine)."""
    rows = con.execute(
        """
        select source, source_file, source_sha256, source_member, source_row, column_name,
               problem, ingest_run_id, quarantined_at
        from raw.quarantine where ingest_run_id = ?
        order by quarantined_at, source_file, source_member, source_row
        """,
        [run_id],
    ).fetchall()
    header = ["source", "file", "sha256", "member", "row", "column", "problem", "run_id", "at"]
    return write_csv(folder / "quarantine.csv", header, rows)


def failed_expectations(metadata: dict) -> list[str]:
    """A contract check's failed expectations, one line each, and where the Data Docs are."""
    failed = metadata.get("failed")
    lines = []
    for item in (failed.value if failed is not None else [])[:10]:
        column = item.get("column")
        where = f" on {column}" if column else ""
        count = item.get("unexpected_count")
        examples = ", ".join(item.get("examples") or [])
        detail = f"{count} unexpected" if count is not None else item.get("error", "failed")
        lines.append(
            f"{item['expectation']}{where}: {detail}" + (f" (e.g. {examples})" if examples else "")
        )
    docs = metadata.get("data_docs")
    if lines and docs is not None:
        lines.append(f"details: {docs.value}")
    return lines


def failure_reason(error) -> str:
    """What went wrong in one line: the exception raised in the step, not Dagster's wrapper
    ("Error occurred while executing op ...") around it."""
    if error is None:
        return "unknown error"
    while error.cause is not None and "Error occurred while executing" in error.message:
        error = error.cause
    lines = [line.strip() for line in error.message.strip().splitlines() if line.strip()]
    if not lines:
        return error.cls_name or "unknown error"
    return DAGSTER_FAILURE.sub("", lines[0])  # a deliberate Failure's text is the reason


def _failures(result) -> None:
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed:
            warning = evaluation.severity == dg.AssetCheckSeverity.WARN
            print(
                f"Check {'warning' if warning else 'failed'}: {evaluation.check_name} on "
                f"{evaluation.asset_key.to_user_string()}"
            )
            for line in failed_expectations(evaluation.metadata):
                print(f"  {line}")
    for event in result.get_step_failure_events():
        print(f"Step failed: {event.step_key}: {failure_reason(event.event_specific_data.error)}")


SLOWEST_SHOWN = 5


def step_seconds(result) -> dict[str, float]:
    """How long each step of the run took, from Dagster's own step events."""
    return {
        event.step_key: event.event_specific_data.duration_ms / 1000
        for event in result.all_events
        if event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE")
        and getattr(event.event_specific_data, "duration_ms", None) is not None
    }


def _slowest_steps(result) -> None:
    """Where the run's time went: the operator of a large organisation sees which step to
    look at (and the scale benchmark reads it)."""
    seconds = step_seconds(result)
    if seconds:
        slowest = sorted(seconds.items(), key=lambda item: -item[1])[:SLOWEST_SHOWN]
        shown = ", ".join(f"{step} {took:.0f} s" for step, took in slowest)
        print(f"Slowest:     {shown} (of {sum(seconds.values()):.0f} s in {len(seconds)} steps)")


def print_summary(result, month: str, settings: Settings) -> None:
    try:
        con = duckdb.connect(str(settings.warehouse), read_only=True)
    except duckdb.Error as exc:
        print(f"(no summary: warehouse {settings.warehouse} cannot be read: {exc})")
        con = None
    if con is not None:
        try:
            _ingestion(con, result.run_id)
            _duplicates(con, result.run_id)
            _notes(con, result.run_id)
            _quarantine(con, result.run_id)
            _identity_coverage(con, month)
            try:
                exported = export_quarantine(con, settings.out, result.run_id)
                print(f"Quarantine:  {exported} (this run's; every run's in raw.quarantine)")
            except OSError as exc:
                print(f"Quarantine:  not written, {why_not_written(settings.out, exc)}")
        except duckdb.CatalogException:
            print("Nothing was ingested: the inbox has none of the expected source folders.")
        finally:
            con.close()
    _failures(result)
    _slowest_steps(result)
    folder = settings.out / month
    print(f"Run {result.run_id} {'succeeded' if result.success else 'FAILED'} for {month}.")
    if (folder / "infographic.png").exists() and result.success:
        print(f"Figures:     {folder / 'figures.json'}")
        print(f"PDF:         {folder / 'infographic.pdf'}")
        if (folder / "dbt_docs.html").exists():
            print(f"dbt docs:    {folder / 'dbt_docs.html'}")
        print(f"Infographic: {folder / 'infographic.png'}")
    elif not result.success:
        print("Run `snm ... -v` to see the full run log.")
