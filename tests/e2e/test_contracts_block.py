"""Input contracts: a row that breaks one is quarantined while its file is read, so the month
still reports; a raw table that breaks its suite all the same (written by an earlier version,
or by hand) blocks the report, and the failure names the expectation."""

import duckdb

from tests.conftest import run_month


def test_an_implausible_birth_year_is_quarantined_and_the_month_still_reports(monitor_env):
    roster = monitor_env.inbox / "roster" / "roster_2026-01-31.csv"
    roster.write_bytes(roster.read_bytes().replace(b",1990,", b",1850,"))

    result = run_month("2026-02")

    assert result.success
    assert (monitor_env.out / "2026-02" / "infographic.png").exists()
    with duckdb.connect(str(monitor_env.warehouse), read_only=True) as con:
        quarantined = con.execute(
            "select source_file, source_row, column_name, problem from raw.quarantine"
        ).fetchall()
        headcount = con.execute(
            "select month, headcount from marts.fct_headcount_monthly order by month"
        ).fetchall()
    assert quarantined == [
        ("roster_2026-01-31.csv", 4, "birth_year", "1850 is below the contract's minimum 1930")
    ]
    # carla is missing from January's snapshot only; February reads its own roster
    assert headcount == [("2026-01", 4), ("2026-02", 5)]


def test_a_raw_table_that_breaks_its_suite_blocks_the_report(monitor_env):
    assert run_month("2026-02").success
    with duckdb.connect(str(monitor_env.warehouse)) as con:
        con.execute("update raw.roster set birth_year = 1850 where source_row = 4")

    result = run_month("2026-02")

    assert not result.success
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert [e.check_name for e in failed] == ["raw_roster_contract"]
    details = failed[0].metadata["failed"].value
    # the second run added no rows, so the whole table is validated (and the edit found)
    assert failed[0].metadata["validated"].value == "the whole table (this run added no rows)"
    assert details == [
        {
            "expectation": "expect_column_values_to_be_between",
            "column": "birth_year",
            "unexpected_count": 2,
            "examples": ["1850", "1850"],
        }
    ]
    built = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "reports/monthly_infographic" not in built

    from pipelines.summary import failed_expectations

    lines = failed_expectations(failed[0].metadata)
    assert lines[0] == (
        "expect_column_values_to_be_between on birth_year: 2 unexpected (e.g. 1850, 1850)"
    )
    assert lines[1].startswith("details: ") and lines[1].endswith("data_docs/index.html")
