"""The main job: the whole asset graph, from inbox to the month's report."""

from __future__ import annotations

import dagster as dg

YEARLY = dg.AssetSelection.assets(dg.AssetKey(["reports", "yearly_monitor"]))
MONTHLY_REPORT = dg.AssetSelection.assets(
    dg.AssetKey(["reports", "monthly_infographic"]), dg.AssetKey(["reports", "monthly_delivery"])
)

monitor_job = dg.define_asset_job(
    "monitor_job",
    selection=dg.AssetSelection.all() - YEARLY,
    description="Ingest new inbox files, build the dbt models and render the month's report.",
)

yearly_job = dg.define_asset_job(
    "yearly_job",
    selection=YEARLY,
    description="Render the yearly Social Network Monitor from the warehouse as it is.",
)

RETENTION = dg.AssetSelection.assets(dg.AssetKey(["raw", "message_body_retention"]))

ingest_job = dg.define_asset_job(
    "ingest_job",
    selection=dg.AssetSelection.groups("raw") - RETENTION,
    description="Ingest new inbox files (the inbox sensor picks the sources with new files).",
)

report_job = dg.define_asset_job(
    "report_job",
    selection=MONTHLY_REPORT,
    description="Render and deliver one month's report from the warehouse as it is.",
)

maintenance_job = dg.define_asset_job(
    "maintenance_job",
    selection=RETENTION,
    description="Remove message texts older than the configured retention.",
)
