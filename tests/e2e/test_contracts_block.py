"""A roster that breaks its Great Expectations contract stops the run before dbt and the
report: the check is blocking, and the failure names the expectation."""

from tests.conftest import run_month


def test_an_implausible_birth_year_fails_the_roster_contract_and_blocks_the_report(monitor_env):
    roster = monitor_env.inbox / "roster" / "roster_2026-01-31.csv"
    roster.write_bytes(roster.read_bytes().replace(b",1990,", b",1850,"))

    result = run_month("2026-02")

    assert not result.success
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert [e.check_name for e in failed] == ["raw_roster_contract"]
    details = failed[0].metadata["failed"].value
    assert details == [
        {
            "expectation": "expect_column_values_to_be_between",
            "column": "birth_year",
            "unexpected_count": 1,
            "examples": ["1850"],
        }
    ]
    assert not (monitor_env.out / "2026-02" / "infographic.png").exists()

    from pipelines.summary import failed_expectations

    lines = failed_expectations(failed[0].metadata)
    assert lines[0] == "expect_column_values_to_be_between on birth_year: 1 unexpected (e.g. 1850)"
    assert lines[1].startswith("details: ") and lines[1].endswith("data_docs/index.html")
