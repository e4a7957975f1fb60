"""The monthly report asset: figures.json, infographic.png and infographic.pdf for month M."""

import hashlib
import json
import shutil
from pathlib import Path

import dagster as dg
from dagster_dbt import get_asset_key_for_model

from ...audit_log import log_event
from ...builds import build_docs, latest_build_run_id
from ...output_folder import staged, why_not_written
from ...partitions import monthly_partitions
from ...project import dbt_project
from ...report.figures import NO_DATA_FOR_MONTH, NoDataForMonth, write_figures
from ...report.monthly import month_report
from ...report.versions import DOCS_FILE, REPORT_FILES, keep_previous_version
from ...resources import MonitorConfigResource, ReportsResource, WarehouseResource
from ..transform.dbt_models import dbt_models


def exposure_models(name: str) -> list[str]:
    """The models a dbt exposure depends on: the report's upstream is declared once, in dbt."""
    manifest = json.loads(Path(dbt_project.manifest_path).read_text(encoding="utf-8"))
    exposure = manifest["exposures"][f"exposure.{manifest['metadata']['project_name']}.{name}"]
    return [node.split(".")[-1] for node in exposure["depends_on"]["nodes"]]


REPORT_MODELS = exposure_models("monthly_infographic")


@dg.asset(
    key=["reports", "monthly_infographic"],
    group_name="reports",
    partitions_def=monthly_partitions,
    deps=[get_asset_key_for_model([dbt_models], model) for model in REPORT_MODELS],
    description="Monthly infographic (PNG, PDF) and figures.json with every figure's lineage.",
    kinds={"python", "plotnine"},
    owners=["team:internal-communication"],
    pool="duckdb",
)
def monthly_infographic(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    monitor_config: MonitorConfigResource,
    reports: ReportsResource,
) -> dg.MaterializeResult:
    from ...report.infographic import (
        render,  # plotnine is heavy: load it only when a report is drawn
    )

    month = context.partition_key
    config = monitor_config.load()
    with warehouse.connect(read_only=True) as con:
        # figures name the run that computed them, so re-rendering gives the same bytes
        built_by = latest_build_run_id(con) or context.run.run_id
        try:
            report = month_report(con, month, config, built_by)
        except NoDataForMonth as exc:  # `snm` turns this into a usage error (exit 2)
            raise dg.Failure(str(exc), metadata={NO_DATA_FOR_MONTH: True}) from exc
        docs = build_docs(con, built_by)  # the dbt docs of the build, kept beside the report
    document = report.document
    document["report_run_id"] = context.run.run_id
    folder = reports.location / month
    try:  # drawn aside, then moved into place together with the earlier version kept
        with staged(folder, REPORT_FILES, context.run.run_id[:8]) as staging:
            write_figures(document, staging / "figures.json")
            render(report, config.language, config.trend_months, staging)
            if docs:
                shutil.copyfile(docs, staging / DOCS_FILE)
            replaced = keep_previous_version(folder, document["data_fingerprint"])
    except OSError as exc:
        raise dg.Failure(f"report of {month} not written: {why_not_written(folder, exc)}") from None
    if replaced:
        context.log.info(f"{month}: figures changed since the last report, kept in {replaced}")
    with warehouse.connect() as con:
        log_event(
            con,
            context.run.run_id,
            "rendered",
            period=month,
            subject=str(folder / "infographic.pdf"),
            detail=f"figures of build {built_by}; data fingerprint {document['data_fingerprint']}"
            + (f"; earlier version kept in {replaced}" if replaced else ""),
        )
    figures_path = folder / "figures.json"
    paths = {"png": folder / "infographic.png", "pdf": folder / "infographic.pdf"}
    digest = hashlib.sha256(paths["png"].read_bytes()).hexdigest()
    preview = "\n".join(f"| {f['id']} | {f['value']} | {f['unit']} |" for f in document["figures"])
    return dg.MaterializeResult(
        data_version=dg.DataVersion(digest),
        metadata={
            "infographic_png": dg.MetadataValue.path(str(paths["png"])),
            "infographic_pdf": dg.MetadataValue.path(str(paths["pdf"])),
            "figures_json": dg.MetadataValue.path(str(figures_path)),
            "dbt_docs": dg.MetadataValue.path(str(folder / DOCS_FILE)) if docs else "",
            "figures": dg.MetadataValue.md("| id | value | unit |\n|---|---|---|\n" + preview),
            "data_fingerprint": document["data_fingerprint"],
            "missing_sources": dg.MetadataValue.json(document["missing_sources"]),
            "previous_version": str(replaced) if replaced else "",
        },
    )
