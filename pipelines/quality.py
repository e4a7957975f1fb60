"""Input contracts: Great Expectations suites from `expectations/*.json`, run as blocking asset
checks on the raw tables. GX is imported inside the check only: it costs seconds of CPU, and
the code location is loaded by the UI, the daemon and every run."""

import json
import os
from pathlib import Path

import dagster as dg

from .resources import WarehouseResource
from .settings import EXPECTATIONS_DIR

# suite file (expectations/<name>.json) -> (raw asset, raw table it validates)
CONTRACTS = {
    "raw_roster": (["raw", "roster"], "raw.roster"),
    "raw_m365_email_activity": (["raw", "m365_email_activity"], "raw.m365_email_activity"),
}


def load_suite_dict(name: str) -> dict:
    return json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))


def validate_frame(suite_dict: dict, frame) -> dict:
    """Validate a pandas DataFrame against a suite in an ephemeral GX context; returns GX's
    result as a JSON-ready dict."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    suite = context.suites.add(gx.ExpectationSuite(**suite_dict))
    batch = (
        context.data_sources.add_pandas("warehouse")
        .add_dataframe_asset(suite.name)
        .add_batch_definition_whole_dataframe("all_rows")
    )
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=suite.name, data=batch, suite=suite)
    )
    return definition.run(batch_parameters={"dataframe": frame}).to_json_dict()


def _failures(result: dict) -> list[dict]:
    failed = []
    for item in result["results"]:
        if item["success"]:
            continue
        config = item["expectation_config"]
        details = item.get("result", {})
        failed.append(
            {
                "expectation": config["type"],
                "column": config["kwargs"].get("column") or config["kwargs"].get("column_list"),
                "unexpected_count": details.get("unexpected_count"),
                "examples": [str(v) for v in (details.get("partial_unexpected_list") or [])[:5]],
            }
        )
    return failed


def contract_check(suite_name: str, asset_key: list[str], table: str) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(asset_key),
        name=f"{suite_name}_contract",
        description=f"Great Expectations suite expectations/{suite_name}.json on {table}.",
        blocking=True,
    )
    def check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            frame = con.sql(f"select * from {table}").df()
        result = validate_frame(load_suite_dict(suite_name), frame)
        failures = _failures(result)
        return dg.AssetCheckResult(
            passed=bool(result["success"]),
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "rows_validated": len(frame),
                "expectations": result["statistics"]["evaluated_expectations"],
                "failed": dg.MetadataValue.json(failures),
                "suite": dg.MetadataValue.path(str(Path(EXPECTATIONS_DIR) / f"{suite_name}.json")),
            },
        )

    return check


contract_checks = [contract_check(name, key, table) for name, (key, table) in CONTRACTS.items()]
