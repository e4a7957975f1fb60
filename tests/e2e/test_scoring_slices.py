"""Scoring a large backlog in slices (issue 15): the per-message models score a run of months
at a time before the build, and what they hold at the end equals scoring everything at once.

The fixture inbox holds messages of January and February 2026; a slice of at most one message
makes January a slice of its own, scored before February, which the build scores. Real
ingestion, real dbt runs on real DuckDB files.
"""

from __future__ import annotations

import contextlib
import shutil
from datetime import date

import duckdb
import pytest

from pipelines.defs.transform.dbt_models import SLICE_EXCLUDES
from pipelines.scoring_slices import score_in_slices, slice_bounds
from tests.conftest import FIXTURES
from tests.dbt_inprocess import run_dbt
from tests.e2e.test_incremental_months import ingest

SCORED = ("int_message_features", "int_message_sentiment")
BUILD = ["build", "--exclude-resource-type", "unit_test", "--select", *(f"+{m}" for m in SCORED)]
JANUARY, FEBRUARY, MARCH, APRIL = (date(2026, m, 1) for m in (1, 2, 3, 4))


def test_slices_hold_consecutive_months_up_to_the_limit_and_leave_the_last_to_the_build():
    backlog = [(JANUARY, 2), (FEBRUARY, 2), (MARCH, 5), (APRIL, 1)]
    # January and February (4), March alone (larger than a slice), April by the build
    assert slice_bounds(backlog, limit=4) == [MARCH, APRIL]
    assert slice_bounds(backlog, limit=10) == []  # all fit in one: nothing before the build
    assert slice_bounds([], limit=1) == []


def scored(warehouse) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse)) as con:
        return {
            model: sorted(con.execute(f"select * from intermediate.{model}").fetchall(), key=repr)
            for model in SCORED
        }


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The same inbox scored in slices and at once; what the first slice had scored."""
    root = tmp_path_factory.mktemp("slices")
    shutil.copytree(FIXTURES / "small_inbox", root / "small_inbox")
    inbox, config = root / "small_inbox" / "inbox", root / "small_inbox" / "monitor.yml"
    sliced, at_once = root / "sliced.duckdb", root / "at_once.duckdb"
    ingest(inbox, sliced)
    ingest(inbox, at_once)

    @contextlib.contextmanager
    def connect():
        con = duckdb.connect(str(sliced))
        try:
            yield con
        finally:
            con.close()

    after_slices, months_scored = [], []

    def run_models(selection):
        run_dbt(["build", *SLICE_EXCLUDES, *selection], sliced, config)
        with duckdb.connect(str(sliced)) as con:
            after_slices.append(
                con.execute(
                    "select cast(date_trunc('month', posted_at) as date), count(*)"
                    " from intermediate.int_message_features group by all"
                ).fetchall()
            )
            months_scored.append(
                con.execute(
                    "select cast(month_start as varchar) from ops.months_built"
                    " where model = 'int_message_features' order by 1"
                ).fetchall()
            )

    bounds = score_in_slices(connect, run_models, limit=1)
    run_dbt(BUILD, sliced, config)
    run_dbt(BUILD, at_once, config)
    # once built, nothing waits: a second run scores no slice
    bounds_after_build = score_in_slices(connect, run_models, limit=1)
    with duckdb.connect(str(sliced)) as con:
        slice_left = con.execute(
            "select count(*) from duckdb_tables() where table_name = 'scoring_slice'"
        ).fetchone()[0]
    return (
        bounds + bounds_after_build,
        after_slices,
        scored(sliced),
        scored(at_once),
        slice_left,
        months_scored,
    )


def test_a_backlog_larger_than_a_slice_is_scored_a_month_at_a_time(built):
    bounds, after_slices, _, _, slice_left, months_scored = built
    assert bounds == [FEBRUARY]  # January (1 message) before the build, February by it
    assert after_slices == [[(JANUARY, 1)]]  # the slice scored January's message only
    assert months_scored == [[(str(JANUARY),)]]  # and counts only January as scored
    assert slice_left == 0  # and its bound is gone: the build scores everything else


def test_scoring_in_slices_gives_what_scoring_at_once_gives(built):
    _, _, sliced, at_once, _, _ = built
    assert sliced == at_once
    assert len(sliced["int_message_features"]) == len(sliced["int_message_sentiment"]) > 1
