"""The dbt project as Dagster sees it. The manifest is prepared in setup, tests and CI (and by
`dagster dev`), never at import time."""

from __future__ import annotations

import sys
from pathlib import Path

from dagster_dbt import DbtProject
from dagster_dbt.dbt_project import DagsterDbtProjectPreparer

from .settings import DBT_PROJECT_DIR


def dbt_executable() -> str:
    """The dbt installed in this environment, found even when the venv is not activated;
    through `snm-dbt` (pipelines/dbt_child.py), which ends dbt when the run is killed."""
    bin_dir = Path(sys.prefix) / "bin"
    for name in ("snm-dbt", "dbt"):
        if (bin_dir / name).exists():
            return str(bin_dir / name)
    return "dbt"


class EnvironmentDbtPreparer(DagsterDbtProjectPreparer):
    """dagster-dbt's preparer, parsing with this environment's dbt (it would call plain `dbt`
    from PATH, which need not be ours when the venv is not activated). Overrides its private
    step `_prepare_manifest`: re-check on a dagster-dbt upgrade."""

    def _prepare_manifest(self, project: DbtProject) -> None:
        from dagster_dbt import DbtCliResource

        resource = DbtCliResource(project_dir=project, dbt_executable=dbt_executable())
        resource.cli(self._prepare_project_cli_args, target_path=project.target_path).wait()
        self._invalidate_seeds_in_partial_parse(project)


dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
preparer = EnvironmentDbtPreparer()
preparer.prepare_if_dev(dbt_project)  # under `dg dev` / `dagster dev` only


def prepare_manifest() -> None:
    """Parse the dbt project into target/manifest.json (setup step of the CLI and tests)."""
    preparer.prepare(dbt_project)
