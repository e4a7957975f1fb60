"""The yearly Social Network Monitor as an asset, partitioned by year: reports/out/<YYYY>/."""

import dagster as dg

from ...audit_log import log_event
from ...builds import latest_build_run_id
from ...partitions import yearly_partitions
from ...report.figures import NO_DATA_FOR_MONTH, NoDataForMonth
from ...resources import MonitorConfigResource, ReportsResource, WarehouseResource
from ...version import code_version
from .monthly_infographic import REPORT_MODELS


@dg.asset(
    key=["reports", "yearly_monitor"],
    group_name="reports",
    partitions_def=yearly_partitions,
    deps=[dg.AssetKey(["marts", model]) for model in REPORT_MODELS],
    description="The yearly Social Network Monitor: monitor.pdf (pages per audit area) and "
    "monitor.html (self-contained, with an appendix of every figure and its lineage).",
    kinds={"python", "plotnine"},
    owners=["team:internal-communication"],
    pool="duckdb",
)
def yearly_monitor(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    monitor_config: MonitorConfigResource,
    reports: ReportsResource,
) -> dg.MaterializeResult:
    from ...report.yearly import render_yearly  # plotnine is heavy: load it only when drawing

    year = int(context.partition_key)
    config = monitor_config.load()
    with warehouse.connect(read_only=True) as con:
        try:
            paths = render_yearly(
                con,
                year,
                config.language,
                config.organisation,
                latest_build_run_id(con) or context.run.run_id,
                code_version(),
                reports.location / str(year),
                config.advice,
                tuple(config.month_close.expected_sources),
            )
        except NoDataForMonth as exc:  # `snm` turns this into a usage error (exit 2)
            raise dg.Failure(str(exc), metadata={NO_DATA_FOR_MONTH: True}) from exc
    with warehouse.connect() as con:
        log_event(con, context.run.run_id, "rendered", period=str(year), subject=str(paths["pdf"]))
    return dg.MaterializeResult(
        metadata={
            "monitor_pdf": dg.MetadataValue.path(str(paths["pdf"])),
            "monitor_html": dg.MetadataValue.path(str(paths["html"])),
        }
    )
