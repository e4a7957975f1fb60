"""The code location as a data engineer sees it in the Dagster UI."""

import json
import subprocess
import sys
from pathlib import Path

import dagster as dg

ROOT = Path(__file__).resolve().parents[1]


def test_loading_the_definitions_imports_neither_great_expectations_nor_plotnine():
    probe = (
        "import sys, json, pipelines.definitions as d; "
        "print(json.dumps([m for m in ('great_expectations', 'plotnine') if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_groups_follow_the_flow_and_every_asset_is_described_and_owned():
    from pipelines.definitions import defs

    graph = defs.resolve_asset_graph()
    specs = {key: graph.get(key) for key in graph.get_all_asset_keys()}
    groups = {node.group_name for node in specs.values()}
    assert groups == {"inbox", "raw", "staging", "intermediate", "marts", "reports", "alerts"}
    for key, node in specs.items():
        assert node.description, key
        assert node.owners, key
    assert graph.get(dg.AssetKey(["reports", "monthly_infographic"])).partitions_def is not None
    kinds = graph.get(dg.AssetKey(["marts", "fct_tool_usage_monthly"])).kinds
    assert {"dbt", "duckdb"} <= kinds


def test_input_contracts_are_blocking_checks_on_the_raw_tables():
    from pipelines.definitions import defs

    checks = {
        spec.key.name: spec
        for check_def in defs.asset_checks or []
        for spec in check_def.check_specs
    }
    assert checks["raw_roster_contract"].blocking
    assert checks["raw_roster_contract"].asset_key == dg.AssetKey(["raw", "roster"])
    assert checks["raw_m365_email_activity_contract"].blocking


def test_the_report_depends_on_exactly_the_marts_of_the_dbt_exposure():
    from pipelines.definitions import defs
    from pipelines.project import dbt_project

    manifest = json.loads(Path(dbt_project.manifest_path).read_text())
    exposure = manifest["exposures"]["exposure.social_network_monitor.monthly_infographic"]
    exposed = {node.split(".")[-1] for node in exposure["depends_on"]["nodes"]}
    graph = defs.resolve_asset_graph()
    parents = graph.get(dg.AssetKey(["reports", "monthly_infographic"])).parent_keys
    assert {key.path[-1] for key in parents} == exposed
