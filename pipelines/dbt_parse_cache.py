"""dbt's partial-parse state kept per settings, so a monthly run does not parse the project anew.

dbt refuses its partial-parse file when the run's `--vars` or its profile (the warehouse path,
the memory ceiling) differ from those it was written with, and then parses every file again
(about 17 s of CPU). dagster-dbt starts each run from the project's prepared state, parsed
with the default vars, so every run paid that. Here each run's state is kept under a key of
what dbt compares, and the next run with the same settings starts from it: dbt still re-parses
the files that changed, by their checksums.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from pathlib import Path

from .settings import DBT_PROJECT_DIR, ENV_MEMORY_LIMIT, ENV_WAREHOUSE, WAREHOUSE_VAR

STATE_FILE = "partial_parse.msgpack"
CACHE_DIR = DBT_PROJECT_DIR / "target" / "parse_cache"
KEPT = 8  # states of other settings kept (tests and several organisations on one machine)


def settings_key(variables: dict) -> str:
    """What dbt compares before it trusts a partial-parse file: the vars and the profile, less
    the warehouse's folder, which `snm-dbt` leaves out of dbt's comparison (dbt_child.py); the
    database's name, the file's stem, stays."""
    import dbt.version

    compared = {k: v for k, v in variables.items() if k != WAREHOUSE_VAR}
    warehouse = variables.get(WAREHOUSE_VAR) or os.environ.get(ENV_WAREHOUSE, "")
    profile = [Path(warehouse).stem, os.environ.get(ENV_MEMORY_LIMIT, "")]
    text = json.dumps([compared, profile, dbt.version.__version__], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def run_target_path(run_id: str, variables: dict) -> Path:
    """A target folder of the run's own, holding the state of the last run with the same
    settings when there is one (dagster-dbt then leaves it there)."""
    target = DBT_PROJECT_DIR / "target" / f"dbt_models-{run_id[:7]}-{uuid.uuid4().hex[:7]}"
    kept = CACHE_DIR / f"{settings_key(variables)}.msgpack"
    if kept.is_file():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(kept, target / STATE_FILE)
    return target


def keep_state(target: Path, variables: dict) -> None:
    """After the run: its state serves the next run with these settings (the oldest of other
    settings give way)."""
    state = target / STATE_FILE
    if not state.is_file():
        return
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    kept = CACHE_DIR / f"{settings_key(variables)}.msgpack"
    partial = kept.with_suffix(f".{uuid.uuid4().hex[:7]}.tmp")
    shutil.copyfile(state, partial)
    os.replace(partial, kept)  # a run reading it at the same time sees the old or the new
    for old in sorted(CACHE_DIR.glob("*.msgpack"), key=lambda p: p.stat().st_mtime)[:-KEPT]:
        old.unlink(missing_ok=True)
