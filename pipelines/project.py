"""The dbt project as Dagster sees it. The manifest is prepared in setup, tests and CI (and by
`dagster dev`), never at import time."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from .settings import DBT_PROJECT_DIR


def dbt_executable() -> str:
    """The dbt installed in this environment, found even when the venv is not activated;
    through `snm-dbt` (pipelines/dbt_child.py), which ends dbt when the run is killed."""
    bin_dir = Path(sys.prefix) / "bin"
    for name in ("snm-dbt", "dbt"):
        if (bin_dir / name).exists():
            return str(bin_dir / name)
    return "dbt"


def _put_dbt_on_path() -> None:
    """dagster-dbt's preparer calls plain `dbt`; make it this environment's dbt."""
    bin_dir = str(Path(sys.prefix) / "bin")
    if bin_dir != "." and bin_dir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")


_put_dbt_on_path()
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
dbt_project.prepare_if_dev()


def prepare_manifest() -> None:
    """Parse the dbt project into target/manifest.json (setup step of the CLI and tests)."""
    dbt_project.preparer.prepare(dbt_project)
