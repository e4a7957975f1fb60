"""The dbt models on a distributed engine (issue 15): the fixture run's raw tables built by
`dbt build --target spark` in a local Spark session give every intermediate and mart table
row for row as on DuckDB, and the hand-computed figures of tests/fixtures/small_inbox/EXPECTED.md
read from Spark's own tables. Spark needs Java 17+ (scripts/test.sh installs it on Debian)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb

from pipelines.config import load_config
from pipelines.defs.transform.dbt_models import dbt_vars
from pipelines.portability import check_on_spark
from pipelines.settings import DBT_PROJECT_DIR


def spark_rows(spark_warehouse: Path, table: str, query: str) -> list[tuple]:
    """Rows of a query over one table Spark wrote (marts.<table>, read from its parquet).
    Spark types some percentages DECIMAL where DuckDB has DOUBLE (same values): the queries
    cast to double."""
    files = [str(f) for f in sorted((spark_warehouse / "marts.db" / table).glob("*.parquet"))]
    with duckdb.connect() as con:
        con.execute(f"create view t as select * from read_parquet({files!r})")
        return con.execute(query).fetchall()


def data_tests_on_spark(duckdb_only_models: list[str]) -> int:
    """The data tests of the prepared manifest, less those of DuckDB-only models."""
    manifest = json.loads((DBT_PROJECT_DIR / "target" / "manifest.json").read_text())
    duckdb_only = {f"model.social_network_monitor.{name}" for name in duckdb_only_models}
    return sum(
        1
        for node in manifest["nodes"].values()
        if node["resource_type"] == "test" and not duckdb_only & set(node["depends_on"]["nodes"])
    )


def test_the_models_build_on_spark_with_the_same_tables_and_figures(fixture_run, tmp_path):
    assert shutil.which("java"), "Spark needs Java 17+: scripts/test.sh installs it (apt)"
    env, result = fixture_run
    assert result.success
    work = tmp_path / "spark"

    check = check_on_spark(env.warehouse, dbt_vars(load_config(env.config)), work)

    assert check.build_ok, check.log.read_text(encoding="utf-8")[-4000:]
    assert set(check.nodes) <= {"success", "pass", "no-op"}, check.nodes
    # the Python models (the ONNX backend's scores, betweenness, the Bass fit) are what
    # dbt-spark cannot run locally, and their columns in the marts stay NULL there; the months'
    # fingerprints serve DuckDB's incremental builds (Spark builds every table whole)
    assert check.duckdb_only == [
        "int_adoption_bass",
        "int_message_month_inputs",
        "int_message_sentiment_model",
        "int_month_inputs",
        "int_network_betweenness",
    ]
    assert check.nodes["pass"] == data_tests_on_spark(check.duckdb_only)
    with duckdb.connect(str(env.warehouse), read_only=True) as con:
        (tables,) = con.execute(
            "select count(*) from duckdb_tables()"
            " where schema_name in ('intermediate', 'marts') and table_name not in ?",
            [check.duckdb_only],
        ).fetchone()
    assert len(check.tables_compared) == tables
    assert check.differences == []

    spark = work / "warehouse"
    usage = "select tool, usage_pct::double from t where month = '2026-02' order by tool"
    assert spark_rows(spark, "fct_tool_usage_monthly", usage) == [
        ("email", 60.0),
        ("intranet", 20.0),
        ("slack", 40.0),
        ("teams", 40.0),
        ("viva_engage", 40.0),
    ]
    inequality = (
        "select top20_share_pct::double, pct_for_80::double, gini::double from t"
        " where month_start = date '2026-02-01' and platform = 'all'"
    )
    assert spark_rows(spark, "fct_participation_monthly", inequality) == [(50.0, 100.0, 0.167)]
    welkom = (
        "select net_sentiment::double, net_sentiment_low, net_sentiment_high, words_positive"
        " from t where month = '2026-02' and theme = 'Welkom'"
    )
    assert spark_rows(spark, "fct_themes_monthly", welkom) == [
        (100.0, 41.1, 100.0, ["dank", "welkom"])
    ]
    yields = (
        "select email_sent_per_person_per_day, email_change_vs_baseline_pct,"
        " engagement_index::double,"
        " median_days_to_response from t where month = '2026-02'"
    )
    assert spark_rows(spark, "fct_yields_monthly", yields) == [(2.67, 6.0, 62.5, 7.0)]
