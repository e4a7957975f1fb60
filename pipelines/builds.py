"""Which run last computed the marts: recorded in the warehouse after every dbt build, so a
report names the run its figures come from, and the same warehouse renders the same bytes."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

SCHEMA = """
create schema if not exists ops;
create table if not exists ops.dbt_builds (
    run_id varchar not null,
    code_version varchar not null,
    finished_at timestamp not null
);
create table if not exists ops.dbt_compiled_marts (
    run_id varchar not null,
    model varchar not null,
    compiled_sql varchar not null
);
"""
MARTS = Path("compiled") / "social_network_monitor" / "models" / "marts"


def record_build(con, run_id: str, code_version: str, target: Path | None = None) -> None:
    """The build, and the SQL each mart ran with as dbt compiled it (`target`: the build's
    target folder): what `snm trace` shows an auditor beside a figure of this run."""
    con.execute(SCHEMA)
    con.execute(
        "insert into ops.dbt_builds values (?, ?, ?)",
        [run_id, code_version, datetime.now(UTC).replace(tzinfo=None)],
    )
    for path in sorted((target / MARTS).glob("*.sql")) if target else []:
        con.execute(
            "insert into ops.dbt_compiled_marts values (?, ?, ?)",
            [run_id, path.stem, path.read_text(encoding="utf-8")],
        )


def compiled_sql(con, run_id: str, model: str) -> str | None:
    """The SQL `model` was built with in run `run_id`, or None where it was not kept."""
    exists = con.execute(
        "select count(*) from information_schema.tables"
        " where table_schema = 'ops' and table_name = 'dbt_compiled_marts'"
    ).fetchone()[0]
    if not exists:
        return None
    row = con.execute(
        "select compiled_sql from ops.dbt_compiled_marts where run_id = ? and model = ?",
        [run_id, model],
    ).fetchone()
    return row[0] if row else None


def latest_build_run_id(con) -> str | None:
    """The run id of the newest dbt build, or None for a warehouse built before it was kept."""
    exists = con.execute(
        "select count(*) from information_schema.tables"
        " where table_schema = 'ops' and table_name = 'dbt_builds'"
    ).fetchone()[0]
    if not exists:
        return None
    row = con.execute(
        "select run_id from ops.dbt_builds order by finished_at desc limit 1"
    ).fetchone()
    return row[0] if row else None
