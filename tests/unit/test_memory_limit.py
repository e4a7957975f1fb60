"""DuckDB's memory ceiling comes from SNM_DUCKDB_MEMORY_LIMIT in every warehouse connection
(and dbt's profile), so a large month spills to disk instead of taking the machine."""

from __future__ import annotations

import duckdb
import pytest

from pipelines import settings
from pipelines.warehouse import connect


def limit_of(path) -> str:
    with connect(path) as con:
        return con.execute("select current_setting('memory_limit')").fetchone()[0]


def test_the_default_ceiling_is_duckdbs_own(tmp_path, monkeypatch):
    monkeypatch.delenv(settings.ENV_MEMORY_LIMIT, raising=False)
    with duckdb.connect() as con:  # 80 % of this machine's memory
        default = con.execute("select current_setting('memory_limit')").fetchone()[0]
    assert limit_of(tmp_path / "w.duckdb") == default


def test_the_environment_sets_it(tmp_path, monkeypatch):
    monkeypatch.setenv(settings.ENV_MEMORY_LIMIT, "512MB")
    assert limit_of(tmp_path / "w.duckdb") == "488.2 MiB"


def test_a_value_that_is_no_amount_is_refused_with_its_name(monkeypatch):
    monkeypatch.setenv(settings.ENV_MEMORY_LIMIT, "lots")
    with pytest.raises(ValueError, match="SNM_DUCKDB_MEMORY_LIMIT='lots' is not an amount"):
        settings.memory_limit()


def test_dbt_reads_the_same_variable():
    profile = (settings.DBT_PROJECT_DIR / "profiles.yml").read_text()
    default = f"{settings.ENV_MEMORY_LIMIT}', '{settings.DEFAULT_MEMORY_LIMIT}'"
    assert f'memory_limit: "{{{{ env_var(\'{default}) }}}}"' in profile
