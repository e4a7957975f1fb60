"""dbt's parsed state is kept per settings: a run with the settings of an earlier one starts
from that run's state, a run with other settings (vars, warehouse) does not."""

from __future__ import annotations

from pipelines import dbt_parse_cache as cache
from pipelines.settings import ENV_WAREHOUSE, WAREHOUSE_VAR

VARS = {"min_group_size": 10, "build_fingerprint": "abc"}


def finish_run(target, content: bytes) -> None:
    """What dbt leaves in a run's target folder."""
    target.mkdir(parents=True, exist_ok=True)
    (target / cache.STATE_FILE).write_bytes(content)


def test_a_run_with_the_same_settings_starts_from_the_last_runs_state(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(cache, "DBT_PROJECT_DIR", tmp_path)
    monkeypatch.setenv(ENV_WAREHOUSE, str(tmp_path / "w.duckdb"))

    first = cache.run_target_path("run-one", VARS)
    assert not (first / cache.STATE_FILE).exists()  # nothing kept yet: dagster-dbt's own
    finish_run(first, b"state of run one")
    cache.keep_state(first, VARS)

    second = cache.run_target_path("run-two", VARS)
    assert second != first
    assert (second / cache.STATE_FILE).read_bytes() == b"state of run one"

    other_vars = cache.run_target_path("run-three", {**VARS, "min_group_size": 5})
    assert not (other_vars / cache.STATE_FILE).exists()
    monkeypatch.setenv(ENV_WAREHOUSE, str(tmp_path / "other.duckdb"))
    other_database = cache.run_target_path("run-four", VARS)
    assert not (other_database / cache.STATE_FILE).exists()


def test_a_warehouse_in_another_folder_starts_from_the_same_state(tmp_path, monkeypatch):
    """snm-dbt leaves the warehouse's folder out of dbt's state check; the file's stem is the
    database's name in every parsed node, so it still counts."""
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(cache, "DBT_PROJECT_DIR", tmp_path)
    first = cache.run_target_path("run-one", {**VARS, WAREHOUSE_VAR: "/a/warehouse.duckdb"})
    finish_run(first, b"state of run one")
    cache.keep_state(first, {**VARS, WAREHOUSE_VAR: "/a/warehouse.duckdb"})

    moved = cache.run_target_path("run-two", {**VARS, WAREHOUSE_VAR: "/b/warehouse.duckdb"})
    assert (moved / cache.STATE_FILE).read_bytes() == b"state of run one"
    renamed = cache.run_target_path("run-three", {**VARS, WAREHOUSE_VAR: "/a/other.duckdb"})
    assert not (renamed / cache.STATE_FILE).exists()


def test_only_the_newest_states_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(cache, "DBT_PROJECT_DIR", tmp_path)
    for n in range(cache.KEPT + 3):
        target = tmp_path / f"run{n}"
        finish_run(target, b"state")
        cache.keep_state(target, {**VARS, "min_group_size": n})
    assert len(list((tmp_path / "cache").glob("*.msgpack"))) == cache.KEPT
    assert not list((tmp_path / "cache").glob("*.tmp"))
    cache.keep_state(tmp_path / "no-run", VARS)  # dbt wrote nothing: nothing to keep
