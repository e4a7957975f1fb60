"""Which run last computed the marts: recorded in the warehouse after every dbt build, so a
report names the run its figures come from, and the same warehouse renders the same bytes."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from .audit_log import log_event
from .warehouse import table_exists

SCHEMA = """
create schema if not exists ops;
create table if not exists ops.dbt_builds (
    run_id varchar not null,
    code_version varchar not null,
    finished_at timestamp not null
);
alter table ops.dbt_builds add column if not exists config_sha256 varchar;
alter table ops.dbt_builds add column if not exists docs_path varchar;
create table if not exists ops.dbt_compiled_marts (
    run_id varchar not null,
    model varchar not null,
    compiled_sql varchar not null
);
"""
MARTS = Path("compiled") / "social_network_monitor" / "models" / "marts"


def record_build(
    con,
    run_id: str,
    code_version: str,
    target: Path | None = None,
    config: Path | None = None,
    docs: Path | None = None,
) -> None:
    """The build with the SHA-256 of the monitor.yml it ran with, its dbt docs page, and the
    SQL each mart ran with as dbt compiled it (`target`: the build's target folder): what
    figures.json, the report folder and `snm trace` show an auditor beside a figure."""
    con.execute(SCHEMA)
    config_sha256 = hashlib.sha256(config.read_bytes()).hexdigest() if config else None
    con.execute(
        "insert into ops.dbt_builds (run_id, code_version, finished_at, config_sha256, docs_path)"
        " values (?, ?, ?, ?, ?)",
        [
            run_id,
            code_version,
            datetime.now(UTC).replace(tzinfo=None),
            config_sha256,
            str(docs) if docs else None,
        ],
    )
    log_event(
        con,
        run_id,
        "built",
        subject="dbt build",
        detail=f"code {code_version}; monitor.yml sha256 {config_sha256 or 'unknown'}",
    )
    for path in sorted((target / MARTS).glob("*.sql")) if target else []:
        con.execute(
            "insert into ops.dbt_compiled_marts values (?, ?, ?)",
            [run_id, path.stem, path.read_text(encoding="utf-8")],
        )


def _build_column(con, run_id: str, column: str):
    """A column of build `run_id`'s record (None: not kept by the version that built it)."""
    if not table_exists(con, "ops", "dbt_builds"):
        return None
    columns = {c[0] for c in con.execute("describe ops.dbt_builds").fetchall()}
    if column not in columns:
        return None
    row = con.execute(
        f"select {column} from ops.dbt_builds where run_id = ? order by finished_at desc limit 1",
        [run_id],
    ).fetchone()
    return row[0] if row else None


def build_config_sha256(con, run_id: str) -> str | None:
    """The SHA-256 of the monitor.yml build `run_id` ran with."""
    return _build_column(con, run_id, "config_sha256")


def build_docs(con, run_id: str) -> Path | None:
    """The dbt docs page of build `run_id`, where it still exists."""
    path = _build_column(con, run_id, "docs_path")
    return Path(path) if path and Path(path).is_file() else None


def compiled_sql(con, run_id: str, model: str) -> str | None:
    """The SQL `model` was built with in run `run_id`, or None where it was not kept."""
    if not table_exists(con, "ops", "dbt_compiled_marts"):
        return None
    row = con.execute(
        "select compiled_sql from ops.dbt_compiled_marts where run_id = ? and model = ?",
        [run_id, model],
    ).fetchone()
    return row[0] if row else None


def latest_build_run_id(con) -> str | None:
    """The run id of the newest dbt build, or None for a warehouse built before it was kept."""
    if not table_exists(con, "ops", "dbt_builds"):
        return None
    row = con.execute(
        "select run_id from ops.dbt_builds order by finished_at desc limit 1"
    ).fetchone()
    return row[0] if row else None
