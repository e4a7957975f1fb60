"""The dbt project as Dagster sees it. The manifest is prepared in setup, tests and CI (and by
`dagster dev`), never at import time."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from .settings import DBT_PROJECT_DIR


def dbt_executable() -> str:
    """The dbt installed in this environment, found even when the venv is not activated."""
    beside = Path(sys.prefix) / "bin" / "dbt"
    return str(beside) if beside.exists() else "dbt"


def _put_dbt_on_path() -> None:
    """dagster-dbt's preparer calls plain `dbt`; make it this environment's dbt."""
    bin_dir = str(Path(dbt_executable()).parent)
    if bin_dir != "." and bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


_put_dbt_on_path()
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()


def prepare_manifest() -> None:
    """Parse the dbt project into target/manifest.json (setup step of the CLI and tests)."""
    dbt_project.preparer.prepare(dbt_project)
