"""One Dagster asset per inbox source: new files (by content hash) into the raw tables."""

import dagster as dg

from ...ingest.registry import SOURCES
from ...ingest.source import ReadOptions, Source
from ...ingest.store import FileResult, ingest_source
from ...output_folder import why_not_written
from ...resources import (
    InboxResource,
    MonitorConfigResource,
    PseudonymiserResource,
    ReportsResource,
    WarehouseResource,
)
from ...summary import export_quarantine

OWNER = "team:data-engineering"


def inbox_spec(source: Source) -> dg.AssetSpec:
    return dg.AssetSpec(
        key=["inbox", source.name],
        group_name="inbox",
        description=f"Files arriving in inbox/{source.name}/. {source.description}",
        kinds={"folder"},
        owners=[OWNER],
    )


def _files_table(results: list[FileResult]) -> str:
    lines = [
        "| file | status | rows read | loaded | quarantined | sha256 |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        status = f"{r.status} {r.note}".strip()
        lines.append(
            f"| {r.file_name} | {status} | {r.rows_read} | {r.rows_loaded} | "
            f"{r.rows_quarantined} | `{r.sha256[:12]}` |"
        )
    return "\n".join(lines)


def _log_problems(context: dg.AssetExecutionContext, results: list[FileResult]) -> None:
    for result in results:
        for note in result.notes:
            context.log.warning(f"{result.file_name}: {note}")
        for problem in result.problems[:20]:
            where = ", ".join(
                part
                for part in (
                    problem.member and f"member {problem.member}",
                    problem.row and f"row {problem.row}",
                    problem.column and f"column '{problem.column}'",
                )
                if part
            )
            context.log.warning(f"quarantined: {result.file_name} {where}: {problem.message}")
        if len(result.problems) > 20:
            context.log.warning(f"{result.file_name}: {len(result.problems) - 20} more problems")


def _table_metadata(results: list[FileResult], table: str, total: int) -> dict:
    new = [r for r in results if r.status != "already_ingested"]
    return {
        "files_new": len(new),
        "files_already_ingested": len(results) - len(new),
        "rows_loaded": sum(r.table_rows.get(table, 0) for r in new),
        "dagster/row_count": total,
    }


def raw_asset(source: Source) -> dg.AssetsDefinition:
    """One multi-asset per source: it reads the source's files once and fills each raw table."""
    specs = [
        dg.AssetSpec(
            key=["raw", layout.table],
            group_name="raw",
            deps=[inbox_spec(source).key],
            description=f"raw.{layout.table}: {source.description} Pseudonymised; every row "
            "keeps its file, SHA-256 and row number.",
            kinds={"python", "duckdb"},
            owners=[OWNER],
        )
        for layout in source.layouts
    ]

    @dg.multi_asset(name=f"ingest_{source.name}", specs=specs, pool="duckdb")
    def ingest(
        context: dg.AssetExecutionContext,
        warehouse: WarehouseResource,
        inbox: InboxResource,
        pseudonyms: PseudonymiserResource,
        reports: ReportsResource,
        monitor_config: MonitorConfigResource,
    ):
        pseudonymise = pseudonyms.pseudonymiser()
        config = monitor_config.load()
        options = ReadOptions(
            survey_date_order=config.survey.date_order,
            max_bad_rows_pct=config.ingestion.max_bad_rows_pct,
            min_rows_for_threshold=config.ingestion.min_rows_for_threshold,
        )
        with warehouse.connect() as con:
            results = ingest_source(
                con, source, inbox.location, pseudonymise, context.run.run_id, options
            )
            totals = {
                layout.table: con.execute(f"select count(*) from raw.{layout.table}").fetchone()[0]
                for layout in source.layouts
            }
            try:  # a side file: a full or read-only output folder must not stop ingestion
                quarantine_csv = str(export_quarantine(con, reports.location, context.run.run_id))
            except OSError as exc:
                quarantine_csv = f"not written: {why_not_written(reports.location, exc)}"
                context.log.warning(f"quarantine.csv {quarantine_csv}")
        _log_problems(context, results)
        new = [r for r in results if r.status != "already_ingested"]
        for index, layout in enumerate(source.layouts):
            metadata = _table_metadata(results, layout.table, totals[layout.table])
            if index == 0:  # the file-level story is told once, on the source's main table
                metadata |= {
                    "rows_read": sum(r.rows_read for r in new),
                    "rows_quarantined": sum(r.rows_quarantined for r in new),
                    "files_rejected": sum(r.status == "rejected" for r in new),
                    "files": dg.MetadataValue.md(_files_table(results) if results else "none"),
                    "quarantine_csv": quarantine_csv,
                    "notes": dg.MetadataValue.md(
                        "\n".join(f"- {r.file_name}: {n}" for r in new for n in r.notes) or "none"
                    ),
                }
            yield dg.MaterializeResult(asset_key=["raw", layout.table], metadata=metadata)
        waiting = [r for r in results if r.status == "waiting"]
        if waiting:  # the other files are in; these wait in the inbox for a setting
            raise dg.Failure(
                "; ".join(f"{r.file_name} waits: {r.problems[0].message}" for r in waiting)
            )

    return ingest


inbox_specs = [inbox_spec(source) for source in SOURCES]
raw_assets = [raw_asset(source) for source in SOURCES]
