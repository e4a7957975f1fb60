"""What `snm trace` gives an auditor for one figure of a month: where it came from (files, run,
code), the SQL its mart ran with, and the source rows behind it, so the figure can be recounted
by hand from the files it names. People appear as keyed pseudonyms only."""

from __future__ import annotations

import json
from pathlib import Path

from ..builds import compiled_sql
from ..csv_out import write_csv
from ..months import parse_month
from .catalogue import catalogue
from .evidence import describe, light_text


class NotTraceable(LookupError):
    """No report of the month, or no such figure in it."""


def load_figure(out: Path, figure_id: str, month: str) -> dict:
    path = out / month / "figures.json"
    if not path.exists():
        raise NotTraceable(f"no report for {month} at {path}; run `snm run --month {month}` first")
    document = json.loads(path.read_text(encoding="utf-8"))
    figure = next((f for f in document["figures"] if f["id"] == figure_id), None)
    if figure is None:
        known = ", ".join(f["id"] for f in document["figures"])
        raise NotTraceable(f"no figure '{figure_id}' in {path}; known: {known}")
    return figure


def lineage_lines(figure: dict, month: str) -> list[str]:
    entry, parts = catalogue().find(figure["id"])
    lineage = figure["lineage"]
    lines = [
        f"{figure['id']} = {figure['value']} {figure['unit']}  ({month})",
        f"  figure     : {entry.label('en', parts)} (catalogue {entry.pattern})",
        f"  sections   : {', '.join(entry.sections)}",
        f"  dbt model  : {lineage['dbt_model']}.{lineage['column']}",
        f"  run id     : {lineage['run_id']}",
        f"  code       : {lineage['code_version']}",
        f"  from {len(lineage['source_files'])} file(s):",
    ]
    lines += [
        f"    {source['name']}  sha256 {source['sha256']}  rows used {source['rows_used']}"
        for source in lineage["source_files"]
    ]
    return lines + evidence_lines(figure)


def evidence_lines(figure: dict) -> list[str]:
    """A sentiment figure is traced to what stands behind it too: messages per polarity, the
    90% interval, the words that moved it (an issue list: per issue, with its light)."""
    lines = []
    if "evidence" in figure:
        lines.append(f"  evidence   : {describe(figure['evidence'], 'en')}")
    if figure["id"] == "issues.top10":
        lines.append("  evidence per issue:")
        for issue in figure["value"] or []:
            light = light_text(issue["light"], issue.get("light_is_firm"), "en")
            lines.append(
                f"    {issue['rank']}. {issue['issue']}: {issue['net_sentiment']} ({light}); "
                f"{describe(issue.get('evidence'), 'en')}"
            )
    return lines


def sql_lines(con, figure: dict) -> list[str]:
    """The SQL of the figure's mart as dbt compiled it in the run that built the figures."""
    model, run_id = figure["lineage"]["dbt_model"], figure["lineage"]["run_id"]
    sql = compiled_sql(con, run_id, model)
    if sql is None:
        return [f"  compiled SQL of {model}: not kept for run {run_id} (built before it was)"]
    return [f"  compiled SQL of {model} (run {run_id}):", "", sql.rstrip(), ""]


ROW_COLUMNS = ("source_file", "source_sha256", "source_row", "person_key", "detail")


def export_rows(con, figure: dict, month: str, path: Path) -> tuple[int, int]:
    """The source rows behind the figure's lineage family in the month, as a CSV an auditor
    recounts the figure from; (rows, distinct people)."""
    entry, parts = catalogue().find(figure["id"])
    family = entry.lineage_id(parts)
    rows = con.execute(
        f"select {', '.join(ROW_COLUMNS)} from marts.fct_figure_rows"
        " where figure_id = ? and month_start = ? order by source_file, source_row, detail",
        [family, parse_month(month)],
    ).fetchall()
    header = ["month", "lineage_family", *ROW_COLUMNS]
    write_csv(path, header, ([month, family, *row] for row in rows))
    return len(rows), len({row[3] for row in rows if row[3] is not None})
