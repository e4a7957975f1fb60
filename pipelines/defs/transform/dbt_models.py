"""dbt models as Dagster assets: staging -> intermediate -> marts, dbt tests as asset checks."""

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from typing import Any

import dagster as dg
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    dbt_assets,
)

from ...automation_conditions import after_upstream, when_missing
from ...builds import record_build
from ...dbt_docs import static_docs
from ...dbt_parse_cache import keep_state, run_target_path
from ...project import dbt_project
from ...resources import MonitorConfigResource, WarehouseResource
from ...scoring_slices import score_in_slices
from ...settings import WAREHOUSE_VAR
from ...version import code_version


class MonitorTranslator(DagsterDbtTranslator):
    """Groups follow the dbt layers (staging, intermediate, marts; seeds with staging); every
    model is a DuckDB table or view, so it carries the duckdb kind beside dbt."""

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        node = manifest["nodes"].get(unique_id) or manifest["sources"].get(unique_id) or {}
        fqn = node.get("fqn", [])
        group = fqn[1] if node.get("resource_type") == "model" and len(fqn) > 2 else None
        upstream = node.get("depends_on", {}).get("nodes", [])
        condition = after_upstream(reads_raw=any(u.startswith("source.") for u in upstream))
        if node.get("resource_type") == "seed":
            group = "staging"  # reference data (sentiment lexicons) sits beside the staging models
            condition = when_missing()
        return spec.replace_attributes(
            group_name=group or spec.group_name, automation_condition=condition
        ).merge_attributes(kinds={"duckdb"})


PRODUCTION_EXCLUDES = ("--exclude-resource-type", "unit_test")
# a slice of the scoring backlog builds the models and seeds it needs; the build tests them
SLICE_EXCLUDES = (*PRODUCTION_EXCLUDES, "--exclude-resource-type", "test")

translator = MonitorTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


def dbt_vars(config) -> dict:
    """Settings of monitor.yml that the SQL needs, passed as dbt vars (never SQL literals), with
    a fingerprint of them and of the dbt project's code: models incremental by month rebuild
    every month when either changes (dbt_project/macros/incremental_by_month.sql)."""
    settings = {
        "min_group_size": config.min_group_size,
        "thresholds": config.thresholds.model_dump(),
        "sentiment_thresholds": {
            language: pair.model_dump() for language, pair in config.sentiment.thresholds.items()
        },
        "sentiment_backend": config.sentiment.backend,
        "sentiment_model_path": str(config.sentiment.model_path or ""),
        "themes": [theme.model_dump() for theme in config.themes],
        "issues": [issue.model_dump() for issue in config.issues],
        "synonyms": config.synonyms,
        "ideas_theme": config.ideas_theme,
        "survey_scale_max": config.survey.scale_max,
        "survey_constructs": config.survey.constructs,
        "segments": config.segments,
        "email_baseline_months": config.email_baseline_months,
        "alerts": config.alerts.model_dump(
            include={"spike_factor", "baseline_days", "spike_min_messages", "light_window_days"}
        ),
        "heartbeat": config.heartbeat.model_dump(),
        "ambassadors": config.ambassadors.model_dump(),
    }
    encoded = json.dumps(settings, sort_keys=True, ensure_ascii=False).encode()
    fingerprint = hashlib.sha256(encoded + dbt_code_fingerprint().encode()).hexdigest()
    return {**settings, "build_fingerprint": fingerprint}


@cache
def dbt_code_fingerprint() -> str:
    """A hash of the dbt project's code (models, macros, seeds, dbt_project.yml): what a month
    built by an earlier version may differ by."""
    digest = hashlib.sha256()
    root = dbt_project.project_dir
    files = [root / "dbt_project.yml"]
    for folder in ("models", "macros", "seeds"):
        files += (path for path in (root / folder).rglob("*") if path.is_file())
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=translator,
    pool="duckdb",
)
def dbt_models(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    monitor_config: MonitorConfigResource,
):
    """`dbt build`: models and data tests, in one process that owns the warehouse. dbt's unit
    tests prove the SQL, not the month's data: the test suite runs them (as dbt advises for
    production), so a monthly run does not pay for them. A run with the settings of an earlier
    one starts from its parsed state (dbt_parse_cache.py). A backlog of messages too large to
    score in one query (a first year of a large organisation) is scored in slices first
    (scoring_slices.py)."""
    # the warehouse reaches dbt's profile as a var (profiles.yml), not through the environment
    variables = {**dbt_vars(monitor_config.load()), WAREHOUSE_VAR: str(warehouse.location)}
    passed_vars = ["--vars", json.dumps(variables)]
    arguments = ["build", *PRODUCTION_EXCLUDES, *passed_vars]
    target = run_target_path(context.run.run_id, variables)

    def score_slice(selection: list[str]) -> None:
        dbt.cli(["build", *SLICE_EXCLUDES, *selection, *passed_vars], target_path=target).wait()

    try:
        bounds = score_in_slices(warehouse.connect, score_slice)
        if bounds:
            context.log.info(
                f"Scored a backlog of messages in {len(bounds)} slices before the build"
                f" (up to {', '.join(f'{b:%Y-%m-%d}' for b in bounds)})"
            )
        yield from dbt.cli(arguments, context=context, target_path=target).stream()
        # the page holds the project's code (docs, SQL, graph), not the settings' values
        docs = static_docs(dbt, target, passed_vars, dbt_code_fingerprint(), context.log)
    finally:
        keep_state(target, variables)
    with warehouse.connect() as con:  # dbt has exited: the run owns the warehouse again
        config = monitor_config.location
        record_build(con, context.run.run_id, code_version(), target, config, docs)
