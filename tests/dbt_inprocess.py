"""dbt run in the test's own process, on a warehouse of the test's own."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from pipelines.settings import DBT_PROJECT_DIR


def run_dbt(command: list[str], warehouse: Path, config: Path) -> None:
    """dbt in this process; it keeps the warehouse open afterwards, so this process reads it
    through a connection of the same kind (read-write), never read-only. Its target folder
    lies beside the warehouse: the project's own target/manifest.json, which other tests
    load in parallel, is never rewritten (partial parsing starts from the project's state)."""
    from dbt.cli.main import dbtRunner

    from pipelines.config import load_config
    from pipelines.defs.transform.dbt_models import dbt_vars

    os.environ["SNM_WAREHOUSE"] = str(warehouse)
    variables = json.dumps(dbt_vars(load_config(config)))
    target = warehouse.parent / f"dbt_target_{warehouse.stem}"
    target.mkdir(exist_ok=True)
    state = DBT_PROJECT_DIR / "target" / "partial_parse.msgpack"
    if state.exists():
        shutil.copy(state, target / state.name)
    result = dbtRunner().invoke(
        [
            *command,
            "--vars",
            variables,
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
            "--target-path",
            str(target),
            "--log-path",
            str(target),
            "--quiet",
        ]
    )
    assert result.success, f"dbt {command} failed: {result.exception}"
