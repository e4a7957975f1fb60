"""The delivery asset: after the month's infographic exists, send and/or copy it as the
config says. Nothing configured means nothing to deliver (recorded as such)."""

from pathlib import Path

import dagster as dg

from ...audit_log import log_event
from ...months import parse_month
from ...partitions import monthly_partitions
from ...report.delivery import DeliveryError, build_message, copy_to_folder
from ...report.i18n import month_name, text
from ...report.versions import previous_versions
from ...resources import (
    MonitorConfigResource,
    ReportsResource,
    SmtpResource,
    WarehouseResource,
)
from .monthly_infographic import monthly_infographic


@dg.asset(
    key=["reports", "monthly_delivery"],
    group_name="reports",
    partitions_def=monthly_partitions,
    deps=[monthly_infographic],
    description="Delivers the month's infographic by e-mail and/or to a folder (monitor.yml).",
    kinds={"python", "email"},
    owners=["team:internal-communication"],
    pool="duckdb",  # it writes the audit log
)
def monthly_delivery(
    context: dg.AssetExecutionContext,
    warehouse: WarehouseResource,
    monitor_config: MonitorConfigResource,
    reports: ReportsResource,
    smtp: SmtpResource,
) -> dg.MaterializeResult:
    month = context.partition_key
    config = monitor_config.load()
    folder = reports.location / month
    files = [folder / "infographic.pdf", folder / "infographic.png"]
    delivered: dict = {"emailed_to": [], "copied_to": []}
    try:
        if config.delivery.email_to:
            title = (
                f"{text(config.language, 'title')} · {config.organisation} · "
                f"{month_name(parse_month(month), config.language)}"
            )
            if previous_versions(folder):  # a late file changed the figures: say so
                title += f" ({text(config.language, 'revised')})"
            settings = smtp.settings()
            message = build_message(
                settings.sender,
                config.delivery.email_to,
                title,
                f"{title}\n\n{folder / 'figures.json'}",
                files,
            )
            smtp.send(message)
            delivered["emailed_to"] = config.delivery.email_to
        if config.delivery.copy_to_folder:
            copies = copy_to_folder(files, Path(config.delivery.copy_to_folder), month)
            delivered["copied_to"] = [str(p) for p in copies]
    except DeliveryError as exc:
        _log(warehouse, context.run.run_id, month, "delivery failed", str(exc))
        raise dg.Failure(str(exc)) from exc
    emailed, copied = len(delivered["emailed_to"]), delivered["copied_to"]
    if emailed or copied:  # recipients by number: the log holds no e-mail addresses
        done = [f"e-mailed to {emailed} recipient(s)"] if emailed else []
        done += [f"copied to {Path(copied[0]).parent}"] if copied else []
        _log(warehouse, context.run.run_id, month, "delivered", "; ".join(done))
    return dg.MaterializeResult(
        metadata={
            "emailed_to": len(delivered["emailed_to"]),
            "copied_to": dg.MetadataValue.json(delivered["copied_to"]),
        }
    )


def _log(warehouse: WarehouseResource, run_id: str, month: str, event: str, detail: str) -> None:
    with warehouse.connect() as con:
        log_event(con, run_id, event, period=month, subject="infographic", detail=detail)
