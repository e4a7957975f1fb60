"""Which run last computed the marts: recorded in the warehouse after every dbt build, so a
report names the run its figures come from, and the same warehouse renders the same bytes."""

from __future__ import annotations

from datetime import UTC, datetime

SCHEMA = """
create schema if not exists ops;
create table if not exists ops.dbt_builds (
    run_id varchar not null,
    code_version varchar not null,
    finished_at timestamp not null
);
"""


def record_build(con, run_id: str, code_version: str) -> None:
    con.execute(SCHEMA)
    con.execute(
        "insert into ops.dbt_builds values (?, ?, ?)",
        [run_id, code_version, datetime.now(UTC).replace(tzinfo=None)],
    )


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
