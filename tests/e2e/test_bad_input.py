"""Every kind of bad input at once: the run goes on with the good data, each bad file or row
is quarantined with file, row, column and a clear message, the inbox stays untouched, every
file's rows add up, the summary and the UI's checks show it, and the figures do not move."""

import csv
import hashlib

import pytest

from pipelines.ingest.registry import SOURCES
from pipelines.settings import load_settings
from pipelines.summary import print_summary
from tests.conftest import make_env, run_month
from tests.fixtures.bad_inputs import CASES, write_case


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        env = make_env(tmp_path_factory.mktemp("bad_input"), patch)
        for case in CASES:
            write_case(env.inbox, case)
        # a file whose name a spreadsheet would run as a formula, with one bad row
        (env.inbox / "activity" / "=cmd.csv").write_text(
            "date,email,tool,action,count\n2026-02-03,ext9@other.org,intranet,jump,1\n"
        )
        before = {p: digest(p) for p in env.inbox.rglob("*") if p.is_file()}
        result = run_month("2026-02")
        yield env, result, before, load_settings()


def quarantine(env, file_name):
    return env.rows(
        "select source_member, source_row, column_name, problem from raw.quarantine"
        " where source_file = ? order by source_row",
        [file_name],
    )


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_bad_input_is_quarantined_with_a_clear_message(bad_run, case):
    env, result, _, _ = bad_run
    assert result.success
    entries = quarantine(env, case.path.split("/")[-1])
    assert len(entries) == len(case.expected), entries
    for (member, row, column, problem), expected in zip(entries, case.expected, strict=True):
        assert (member, row, column) == (expected.member, expected.row, expected.column)
        assert expected.words in problem
    loaded = env.rows(
        "select rows_loaded from raw.inbox_files where file_name = ?",
        [case.path.split("/")[-1]],
    )
    assert loaded == [(case.rows_loaded,)]


def test_the_figures_of_the_good_data_do_not_move(bad_run):
    env, _, _, _ = bad_run
    rows = env.rows(
        "select tool, usage_pct from marts.fct_tool_usage_monthly where month = '2026-02'"
        " and tool in ('email', 'teams', 'viva_engage', 'slack', 'intranet')",
    )
    headcount = env.rows(
        "select headcount from marts.fct_headcount_monthly where month = '2026-02'"
    )
    assert dict(rows) == {
        "email": 60.0,
        "intranet": 20.0,
        "slack": 40.0,
        "teams": 40.0,
        "viva_engage": 40.0,
    }
    assert headcount == [(5,)]


def test_formula_strings_in_bodies_are_kept_as_text(bad_run):
    env, _, _, _ = bad_run
    bodies = env.rows(
        "select body from raw.viva_engage_messages where message_id in ('92', '93', '94')"
        " order by message_id",
    )
    assert bodies == [('=HYPERLINK("http://x","klik")',), ("+cmd",), ("@SUM(A1:A9)",)]


def test_the_inbox_is_left_untouched(bad_run):
    _, _, before, _ = bad_run
    assert {p: digest(p) for p in before} == before


def test_every_file_adds_up_and_the_ui_checks_show_the_quarantine(bad_run):
    _, result, _, _ = bad_run
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    lost = [name for name, e in evaluations.items() if name.endswith("_nothing_lost")]
    assert len(lost) == len(SOURCES) and all(evaluations[name].passed for name in lost)
    warned = sorted(
        n for n, e in evaluations.items() if n.endswith("_quarantine_empty") and not e.passed
    )
    assert warned == [
        "actions_quarantine_empty",
        "activity_quarantine_empty",
        "m365_email_quarantine_empty",
        "roster_quarantine_empty",
        "slack_export_quarantine_empty",
        "viva_engage_export_quarantine_empty",
    ]
    table = evaluations["activity_quarantine_empty"].metadata["quarantine"].value
    assert "| bad_counts.csv |  | 2 | count | '-3' is negative; a count cannot be |" in table


def test_the_lines_of_every_csv_file_are_counted_apart_from_the_parser(bad_run):
    env, _, _, _ = bad_run
    files = env.rows(
        "select file_name, lines_read, lines_in_records, rows_read from raw.inbox_files"
        " where lines_read is not null",
    )
    assert all(read == in_records for _, read, in_records, _ in files), files
    quote = [f for f in files if f[0] == "EmailActivityUserDetail_quote.csv"]
    assert quote == [("EmailActivityUserDetail_quote.csv", 4, 4, 4)]


def test_the_summary_lists_the_quarantine_and_exports_it_without_live_formulas(bad_run, capsys):
    env, result, _, settings = bad_run
    print_summary(result, "2026-02", settings)
    out = capsys.readouterr().out
    assert "  bad_counts.csv row 2 column 'count': '-3' is negative; a count cannot be" in out
    # the copy sorts first, so the original name is the one skipped
    assert "Skipped activity/activity_2026-02.csv: same content as activity_2026-02 (1).csv" in out
    with (env.out / "quarantine.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    files = {row["file"] for row in rows}
    assert "'=cmd.csv" in files and "=cmd.csv" not in files
    assert all(not row["file"].startswith(("=", "+", "-", "@")) for row in rows)
