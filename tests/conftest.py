"""Shared fixtures: a prepared dbt manifest, and an isolated monitor environment per test
(its own warehouse, output folder and a copy of the hand-made fixture inbox)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines import settings

FIXTURES = Path(__file__).parent / "fixtures"
TEST_KEY = "test-key-0123456789abcdef"


def pytest_configure(config):
    """The Definitions need dbt's target/manifest.json, and test modules import them when they
    are collected: prepare it once before collection, as setup and CI do. With pytest-xdist
    the controller prepares it before the workers start; workers only read it."""
    if hasattr(config, "workerinput"):
        return
    from pipelines.project import prepare_manifest

    prepare_manifest()


# The test files that take longest (minutes each, one or a few tests), started first: the suite
# ends when its last file does, and pytest-xdist would start the files with most tests first
# and these last (`--no-loadscope-reorder` in pyproject.toml keeps this order instead).
LONGEST_FIRST = (
    "tests/e2e/test_service.py",
    "tests/test_spark_portability.py",
    "tests/e2e/test_corrections.py",
    "tests/e2e/test_source_matrix.py",
    "tests/e2e/test_cli.py",
)


def pytest_collection_modifyitems(items):
    def rank(item) -> int:
        path = item.nodeid.split("::", 1)[0]
        return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: the other files keep their order


@dataclass
class MonitorEnv:
    root: Path
    inbox: Path
    config: Path
    warehouse: Path
    out: Path

    def rows(self, sql: str, params=()) -> list[tuple]:
        """The rows a query returns from the warehouse, read-only (a run may hold it)."""
        import duckdb

        with duckdb.connect(str(self.warehouse), read_only=True) as con:
            return con.execute(sql, list(params)).fetchall()


def make_env(root: Path, patch: pytest.MonkeyPatch, fixture: str = "small_inbox") -> MonitorEnv:
    shutil.copytree(FIXTURES / fixture, root / fixture)
    env = MonitorEnv(
        root=root,
        inbox=root / fixture / "inbox",
        config=root / fixture / "monitor.yml",
        warehouse=root / "warehouse.duckdb",
        out=root / "out",
    )
    patch.setenv(settings.ENV_INBOX, str(env.inbox))
    patch.setenv(settings.ENV_CONFIG, str(env.config))
    patch.setenv(settings.ENV_WAREHOUSE, str(env.warehouse))
    patch.setenv(settings.ENV_OUT, str(env.out))
    patch.setenv(settings.ENV_KEY, TEST_KEY)
    patch.delenv(settings.ENV_DEMO, raising=False)
    return env


@pytest.fixture(autouse=True)
def _settings_configured_in_process_are_forgotten():
    """A test that calls the CLI in process configures settings (settings.configure); the
    next test starts from the environment again."""
    yield
    settings._CONFIGURED.clear()


@pytest.fixture
def monitor_env(tmp_path, monkeypatch) -> MonitorEnv:
    return make_env(tmp_path, monkeypatch)


def run_month(month: str):
    """Execute the main job in process, exactly as `snm run` does."""
    from dagster import DagsterInstance

    from pipelines.definitions import defs

    job = defs.resolve_job_def("monitor_job")
    return job.execute_in_process(
        partition_key=month, instance=DagsterInstance.ephemeral(), raise_on_error=False
    )


@pytest.fixture(scope="session")
def fixture_run(tmp_path_factory):
    """The main job once on the fixture inbox for February 2026, shared by the tests that
    only read what it produced (a run costs most of a minute)."""
    with pytest.MonkeyPatch.context() as patch:
        env = make_env(tmp_path_factory.mktemp("fixture_run"), patch)
        result = run_month("2026-02")
        yield env, result
