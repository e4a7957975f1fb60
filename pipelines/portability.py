"""The same dbt models on Apache Spark: proof that the project runs on a distributed engine.

The raw tables of a DuckDB warehouse are exported as parquet, `dbt build --target spark` runs
every model and data test in a local Spark session (dbt-spark, `method: session`; the raw
tables are attached by the macro attach_raw), and every intermediate and mart table Spark
wrote is compared with the warehouse's, row for row. Organisations too large for one machine
point the same profile at their Spark or Databricks cluster (docs/DESIGN.md, "Beyond one
machine"); this module is what CI runs on the fixture inbox.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .settings import DBT_PROJECT_DIR, PROJECT_ROOT

SPARK_ENVIRONMENT = PROJECT_ROOT / ".venv-spark"  # scripts/test.sh makes it

COMPARED_SCHEMAS = ("intermediate", "marts")


@dataclass
class SparkCheck:
    """What a Spark build of a warehouse's raw tables gave, against the warehouse itself."""

    build_ok: bool
    nodes: dict[str, int] = field(default_factory=dict)  # dbt status -> count
    # models dbt_project.yml disables for Spark (the ONNX backend's Python model: dbt-spark
    # runs Python models only on Databricks), read from the Spark build's manifest
    duckdb_only: list[str] = field(default_factory=list)
    tables_compared: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    log: Path | None = None

    @property
    def same(self) -> bool:
        return self.build_ok and not self.differences and bool(self.tables_compared)


def export_raw(warehouse: Path, folder: Path) -> list[str]:
    """Every raw table as <folder>/<table>/part-0.parquet (the folder Spark attaches)."""
    tables = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        names = con.execute(
            "select table_name from duckdb_tables() where schema_name = 'raw' order by 1"
        ).fetchall()
        for (table,) in names:
            (folder / table).mkdir(parents=True, exist_ok=True)
            con.execute(f"copy raw.{table} to {_quoted(folder / table / 'part-0.parquet')}")
            tables.append(table)
    return tables


def spark_dbt() -> str:
    """dbt with dbt-spark: $SNM_SPARK_DBT, else the project's .venv-spark. pyspark stays out of
    the pipeline's own environment (pyproject.toml, extra "spark")."""
    if os.environ.get("SNM_SPARK_DBT"):
        return os.environ["SNM_SPARK_DBT"]
    dbt = SPARK_ENVIRONMENT / "bin" / "dbt"
    if not dbt.exists():
        raise FileNotFoundError(
            f"{dbt} is missing: create it with `UV_PROJECT_ENVIRONMENT=.venv-spark uv sync"
            " --frozen --extra spark` (scripts/test.sh does), or set SNM_SPARK_DBT"
        )
    return str(dbt)


def spark_build(
    raw: Path, spark_dir: Path, variables: dict
) -> tuple[subprocess.CompletedProcess, Path]:
    """`dbt build --target spark` (models, seeds, data tests; unit tests are DuckDB SQL)."""
    target = spark_dir / "dbt-target"
    env = {
        **os.environ,
        "SNM_SPARK_RAW": str(raw.resolve()),
        "SNM_SPARK_DIR": str(spark_dir.resolve()),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
    }
    arguments = [
        spark_dbt(),
        "build",
        "--target", "spark",
        "--profiles-dir", str(DBT_PROJECT_DIR),
        "--project-dir", str(DBT_PROJECT_DIR),
        "--target-path", str(target.resolve()),
        "--log-path", str(target.resolve()),
        "--exclude-resource-type", "unit_test",
        "--vars", json.dumps(variables),
    ]  # fmt: skip
    finished = subprocess.run(
        arguments, cwd=DBT_PROJECT_DIR, env=env, capture_output=True, text=True, check=False
    )
    log = spark_dir / "dbt-build.log"
    log.write_text(finished.stdout + finished.stderr, encoding="utf-8")
    return finished, target


def node_statuses(target: Path) -> dict[str, int]:
    """dbt's run_results.json as status -> count (success, pass, error, fail, ...)."""
    results = target / "run_results.json"
    if not results.exists():
        return {}
    counts: dict[str, int] = {}
    for result in json.loads(results.read_text(encoding="utf-8"))["results"]:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    return counts


def disabled_models(target: Path) -> list[str]:
    """The models the build left out (disabled for this target), from its manifest."""
    manifest = target / "manifest.json"
    if not manifest.exists():
        return []
    disabled = json.loads(manifest.read_text(encoding="utf-8")).get("disabled", {})
    return sorted(key.rsplit(".", 1)[-1] for key in disabled if key.startswith("model."))


def duckdb_only_columns(target: Path) -> dict[str, set[str]]:
    """Per model, the columns a DuckDB-only model computes (`meta: {duckdb_only: true}` in
    the model's YAML): on other engines they are NULL, so the comparison leaves them out."""
    manifest = target / "manifest.json"
    if not manifest.exists():
        return {}
    columns: dict[str, set[str]] = {}
    for node in json.loads(manifest.read_text(encoding="utf-8"))["nodes"].values():
        for name, column in node.get("columns", {}).items():
            meta = {**column.get("meta", {}), **column.get("config", {}).get("meta", {})}
            if meta.get("duckdb_only"):
                columns.setdefault(node["name"], set()).add(name)
    return columns


def _quoted(path: Path) -> str:
    return "'" + path.as_posix().replace("'", "''") + "'"


def compare_tables(
    warehouse: Path,
    spark_warehouse: Path,
    skip: list[str],
    skip_columns: dict[str, set[str]] | None = None,
) -> tuple[list[str], list[str]]:
    """Each intermediate and mart table of the warehouse (but those in skip) against the
    parquet files Spark wrote for it, as multisets of rows over the warehouse's columns (but
    those in skip_columns): (compared, differences)."""
    compared, differences = [], []
    with duckdb.connect() as con:
        con.execute(f"attach {_quoted(warehouse)} as duck (read_only)")
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = 'duck'"
            f" and schema_name in {COMPARED_SCHEMAS} order by 1, 2"
        ).fetchall()
        for schema, table in tables:
            if table in skip:
                continue
            name = f"{schema}.{table}"
            files = sorted((spark_warehouse / f"{schema}.db" / table).glob("*.parquet"))
            if not files:
                differences.append(f"{name}: Spark wrote no table")
                continue
            columns = con.execute(
                "select column_name from duckdb_columns() where database_name = 'duck'"
                " and schema_name = ? and table_name = ? order by column_index",
                [schema, table],
            ).fetchall()
            left_out = (skip_columns or {}).get(table, set())
            select = ", ".join(f'"{column}"' for (column,) in columns if column not in left_out)
            ours = f"select {select} from duck.{schema}.{table}"
            theirs = f"select {select} from read_parquet({[str(f) for f in files]!r})"
            only_duckdb = _count(con, f"{ours} except all {theirs}")
            only_spark = _count(con, f"{theirs} except all {ours}")
            compared.append(name)
            if only_duckdb or only_spark:
                differences.append(
                    f"{name}: {only_duckdb} row(s) only in DuckDB, {only_spark} only in Spark"
                )
    return compared, differences


def _count(con: duckdb.DuckDBPyConnection, query: str) -> int:
    return con.execute(f"select count(*) from ({query})").fetchone()[0]


def check_on_spark(warehouse: Path, variables: dict, work: Path) -> SparkCheck:
    """Build the warehouse's raw tables on Spark and compare every table with DuckDB's."""
    if not warehouse.is_file():
        raise FileNotFoundError(f"{warehouse}: no such warehouse (a DuckDB file after a run)")
    if not shutil.which("java"):
        raise FileNotFoundError("java is missing: Spark needs a Java 17+ runtime on PATH")
    raw = work / "raw"
    export_raw(warehouse, raw)
    finished, target = spark_build(raw, work, variables)
    check = SparkCheck(
        build_ok=finished.returncode == 0,
        nodes=node_statuses(target),
        duckdb_only=disabled_models(target),
        log=work / "dbt-build.log",
    )
    if check.build_ok:
        check.tables_compared, check.differences = compare_tables(
            warehouse, work / "warehouse", check.duckdb_only, duckdb_only_columns(target)
        )
    return check


def main(argv: list[str] | None = None) -> int:
    from .config import load_config
    from .defs.transform.dbt_models import dbt_vars

    parser = argparse.ArgumentParser(
        prog="python -m pipelines.portability",
        description="Build a warehouse's raw tables with the dbt models on a local Spark "
        "session and compare every table with DuckDB's.",
    )
    parser.add_argument("--warehouse", type=Path, required=True, help="DuckDB file after a run")
    parser.add_argument("--config", type=Path, required=True, help="monitor.yml of that run")
    parser.add_argument("--work", type=Path, required=True, help="folder for Spark's files")
    args = parser.parse_args(argv)
    try:
        check = check_on_spark(args.warehouse, dbt_vars(load_config(args.config)), args.work)
    except FileNotFoundError as missing:
        print(f"error: {missing}", file=sys.stderr)
        return 2
    outcome = "ok" if check.build_ok else "FAILED"
    print(f"dbt build on Spark: {outcome} {check.nodes} (log: {check.log})")
    print(f"Tables compared with DuckDB: {len(check.tables_compared)}", end="")
    print(f" (DuckDB-only: {', '.join(check.duckdb_only)})" if check.duckdb_only else "")
    for difference in check.differences:
        print(f"  differs: {difference}")
    return 0 if check.same else 1


if __name__ == "__main__":
    sys.exit(main())
