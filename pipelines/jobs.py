"""The main job: the whole asset graph, from inbox to the month's report."""

from __future__ import annotations

import dagster as dg

YEARLY = dg.AssetSelection.assets(dg.AssetKey(["reports", "yearly_monitor"]))

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
