"""Rows that break an input contract are quarantined while the file is ingested, so the stored
table always passes its suite and one bad value never stops later runs (issue 13, item 4)."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import duckdb
import pytest

from pipelines.defs.quality import contracts as quality
from pipelines.ingest import roster
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.store import ingest_source
from tests.conftest import FIXTURES

KEY = Pseudonymiser("k")
FEBRUARY = FIXTURES / "small_inbox" / "inbox" / "roster" / "roster_2026-02-28.csv"
TODAY = date.today()
TOO_FAR = TODAY + timedelta(days=400)  # beyond the 366 days a planned start may lie ahead


@pytest.fixture
def ingested(tmp_path):
    inbox = tmp_path / "inbox" / "roster"
    inbox.mkdir(parents=True)
    shutil.copy(FEBRUARY, inbox)
    lines = FEBRUARY.read_text(encoding="utf-8-sig").splitlines()
    bad = [
        lines[0],  # ... end_date;ambassador_consent;display_name
        "E7;gijs@example.org;ICT;Werf;Office;1988;2024-01-01;;;",  # role_type written Office
        f"E8;hanna@example.org;ICT;Werf;office;1991;{TOO_FAR};;;",  # start too far ahead
        "E9;ivo@example.org;ICT;Werf;office;1890;2024-01-01;;;",  # born before 1930
        "E10;jan@example.org;ICT;Werf;office;1980;2024-01-01;2023-01-01;;",  # ends before start
    ]
    (inbox / "roster_2026-02-27.csv").write_text("\n".join(bad) + "\n", encoding="utf-8")
    # the February roster re-sent under another name (read after it), one value changed
    resent = [*lines[:3], lines[3].replace("Werf", "Haven")]
    (inbox / "roster_2026-02-28_resent.csv").write_text("\n".join(resent) + "\n", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    results = {r.file_name: r for r in ingest_source(con, roster.SOURCE, inbox.parent, KEY, "r")}
    yield con, results
    con.close()


def test_bad_values_are_quarantined_by_the_contract_and_clear_ones_normalised(ingested):
    con, results = ingested
    bad = results["roster_2026-02-27.csv"]
    assert (bad.rows_read, bad.rows_loaded, bad.rows_quarantined) == (4, 1, 3)
    problems = [(p.row, p.column, p.message) for p in bad.problems]
    assert problems == [
        (3, "start_date", f"'{TOO_FAR}' lies more than a year ahead (today is {TODAY}): a typo?"),
        (4, "birth_year", "1890 is below the contract's minimum 1930"),
        (5, "end_date", "2023-01-01 lies before start_date 2024-01-01"),
    ]
    role = con.execute(
        "select role_type from raw.roster where source_file = 'roster_2026-02-27.csv'"
    ).fetchall()
    assert role == [("office",)]


def test_a_resent_roster_with_the_same_snapshot_date_replaces_it_and_doubles_no_one(ingested):
    """The re-sent snapshot is the correction (editions.py): it replaces the first file, so
    nobody is counted twice and its changed location counts."""
    con, results = ingested
    resent = results["roster_2026-02-28_resent.csv"]
    assert (resent.rows_read, resent.rows_loaded, resent.rows_quarantined) == (3, 3, 0)
    assert resent.notes[0].startswith("replaces roster_2026-02-28.csv (ingested ")
    rows = con.execute(
        "select source_file, count(*), count(distinct person_key),"
        " count(*) filter (where location = 'Haven') from raw.roster"
        " where snapshot_date = '2026-02-28' group by all"
    ).fetchall()
    assert rows == [("roster_2026-02-28_resent.csv", 3, 3, 1)]


def test_the_stored_roster_passes_its_great_expectations_suite(ingested):
    con, _ = ingested
    frame = con.execute("select * from raw.roster").df()
    (result,) = quality.validate_frames({"raw_roster": frame}).values()
    assert quality.failures(result) == []


def test_one_test_of_all_rules_agrees_with_each_rule_on_every_suite():
    """The compiled test of a table's rules (one call per row) passes exactly the rows that
    keep every rule, on each suite's own rules: a row breaking any one of them fails it."""
    from pipelines.clock import date_limits
    from pipelines.ingest.registry import SOURCES
    from pipelines.ingest.row_contract import all_pass, row_rules

    parameters = date_limits().as_numbers()
    broken = {
        "expect_column_values_to_not_be_null": None,
        "expect_column_values_to_be_in_set": "no such value",
        "expect_column_values_to_be_between": -(10**12),
        "expect_column_values_to_match_regex": "\n",
    }
    tried = 0
    for table in [layout.table for source in SOURCES for layout in source.layouts]:
        rules = [r for r in row_rules(table) if r.kind in broken]
        together = all_pass(rules, parameters)
        assert together({}) == all(rule.passes(parameters)({}) for rule in rules)
        for rule in rules:
            row = {rule.column: broken[rule.kind]}
            if rule.passes(parameters)(row):
                continue  # a pattern that takes even this value
            assert not together(row), (table, rule.kind, rule.column)
            tried += 1
    assert tried >= 20  # every source's suites have rules to break
