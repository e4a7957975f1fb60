"""The dbt project as Dagster sees it. The manifest is prepared in setup, tests and CI (and by
`dagster dev`), never at import time."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from .settings import DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()


def dbt_executable() -> str:
    """The dbt installed beside this Python, so it is found even when the venv is not active."""
    beside = Path(sys.executable).parent / "dbt"
    return str(beside) if beside.exists() else "dbt"


def prepare_manifest() -> None:
    """Parse the dbt project into target/manifest.json (setup step of the CLI and tests)."""
    bin_dir = str(Path(dbt_executable()).parent)
    if bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")
    dbt_project.preparer.prepare(dbt_project)
