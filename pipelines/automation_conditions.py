"""Declarative automation: when an asset updates on its own after new data. The transform and
alerts domains attach these conditions; defs/automation runs the sensor that evaluates them."""

from __future__ import annotations

import dagster as dg

A = dg.AutomationCondition


def after_upstream(reads_raw: bool = False) -> dg.AutomationCondition:
    """Run once upstream assets were updated and none of them is missing or still running;
    what reads the raw tables also waits for their blocking checks (input contracts, nothing
    lost) to pass. Like Dagster's eager condition, but a model that fails is retried by new
    data, not on every tick. Every ingestion run materialises all raw tables, so a source that
    never delivered a file is an empty table, not a missing one. Only the raw tables' blocking
    checks are waited for: the dbt tests of a model requested in the same tick have not run
    yet, and waiting for them split one build into a run per layer."""
    condition = (
        A.any_deps_updated().since_last_handled()
        & ~A.any_deps_missing()
        & ~A.any_deps_in_progress()
        & ~A.in_progress()
    )
    if reads_raw:
        condition &= A.all_deps_blocking_checks_passed().allow(dg.AssetSelection.groups("raw"))
    return condition.with_label("after_upstream")


def when_missing() -> dg.AutomationCondition:
    """Reference data (the dbt seeds) is built when it is not there yet."""
    return (A.missing() & ~A.in_progress()).with_label("when_missing")
