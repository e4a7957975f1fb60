"""The main job: the whole asset graph, from inbox to the month's report."""

from __future__ import annotations

import dagster as dg

monitor_job = dg.define_asset_job(
    "monitor_job",
    selection=dg.AssetSelection.all(),
    description="Ingest new inbox files, build the dbt models and render the month's report.",
)
