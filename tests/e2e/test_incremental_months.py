"""Incremental by month (issue 15): a build recomputes only the months whose inputs changed, and
what it keeps equals a build from scratch.

The fixture inbox (messages of January and February 2026) is ingested and built; then nothing
changes and nothing is recomputed; then a late Viva Engage export with two January messages
arrives: January is recomputed, February is not, and every month-incremental table equals a
`--full-refresh` of the same warehouse; then that late file is withdrawn and January is as
before; then a March roster names the Viva Engage id that a February message came from, and
that no export ties to an e-mail, as Eva's: February, where she wrote, is recomputed with her
as its author, January is not.
Real ingestion, real dbt runs on a real DuckDB file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.ingest import editions
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.registry import SOURCES, SOURCES_BY_NAME
from pipelines.ingest.store import ingest_source
from tests.conftest import FIXTURES, TEST_KEY
from tests.dbt_inprocess import run_dbt

BY_MONTH = ("int_messages", "int_reactions", "int_thread_responses", "int_theme_messages")
BY_MONTH += ("int_issue_messages",)
# the scoring models score a month again when its messages changed (macros/scoring_slices.sql);
# their scores outlive the messages (as after retention): a withdrawn file's scores stay, unread
SCORING = ("int_message_features", "int_message_sentiment")
BY_MONTH += SCORING
# the models that read every source, and what each month of them also reads: [0] its own month
# only, [0, 1] the next, [0, -1] the one before, "earlier" every month up to it
READS = {model: [0] for model in BY_MONTH} | {"int_thread_responses": [0, 1]}
READS |= {
    "int_tool_activity_evidence": [0],
    "int_employee_activity_evidence": [0],
    "int_identity_rows": [0],
    "fct_headcount_monthly": [0],
    "fct_identity_coverage_monthly": [0],
    "fct_participation_curve_monthly": [0],
    "fct_participation_monthly": [0],
    "fct_tool_usage_monthly": [0],
    "fct_social_reach_monthly": [0],
    "fct_reach_by_segment_monthly": [0],
    "fct_issues_monthly": [0, -1],
    "fct_communities_monthly": "earlier",
    "fct_themes_monthly": "earlier",
    "fct_adoption_funnel_monthly": "earlier",
    # issue 17: the reply and mention network (a reply may answer any earlier month) and the
    # adoption curve (everyone active up to the month)
    "int_interactions": "earlier",
    "int_network_ties": "earlier",
    "fct_network_people_monthly": "earlier",
    "fct_network_monthly": "earlier",
    "fct_network_departments_monthly": "earlier",
    "int_tool_adoption": "earlier",
    "fct_adoption_phase_monthly": "earlier",
    # ambassadors: first followers by when they took a tool up, fans by the month's network
    "fct_ambassadors_monthly": "earlier",
    "fct_ambassador_departments_monthly": "earlier",
}
INCREMENTAL = tuple(READS)
SELECT = ["--select", " ".join(f"+{model}" for model in INCREMENTAL)]
BUILD = ["build", "--exclude-resource-type", "unit_test", *SELECT]
JANUARY, FEBRUARY = "2026-01-01", "2026-02-01"
WITHDRAWN_KEYS = {"viva_engage:901", "viva_engage:902"}  # the late file's, later withdrawn
LATE = "export_2026-01-late"
HEADER = (
    "id,replied_to_id,thread_id,group_id,group_name,participants,in_private_group,"
    "in_private_conversation,sender_id,sender_type,sender_name,sender_email,body,api_url,"
    "attachments,deleted_by_id,deleted_by_type,created_at,deleted_at"
)
# Two January messages: Anna starts a thread in Prikbord, Bert answers it a day later.
LATE_MESSAGES = [
    "901,,901,500,Prikbord,,false,false,101,user,Anna Jansen,anna@example.org,"
    "Welkom in het nieuwe jaar,,,,,2026-01-20T09:00:00Z,",
    "902,901,901,500,Prikbord,,false,false,102,user,Bert de Vries,bert@example.org,"
    "Dank je,,,,,2026-01-21T09:00:00Z,",
]

# Eva (E5, started 16 February) writes from a Viva Engage id that no export ties to an e-mail;
# the March roster names that id as hers.
UNKNOWN_ID_MESSAGE = (
    "910,,910,500,Prikbord,,false,false,110,user,,,Hallo allemaal,,,,,2026-02-20T09:00:00Z,"
)
MARCH_ROSTER = (
    "employee_id,email,department,location,role_type,birth_year,start_date,end_date,"
    "viva_engage_user_id\n"
    "E1,anna@example.org,Communicatie,Stadhuis,office,1980,2020-01-01,,\n"
    "E2,bert@example.org,Communicatie,Stadhuis,office,1975,2019-05-01,,\n"
    "E3,carla@example.org,ICT,Werf,frontline,1990,2021-03-01,,\n"
    "E5,eva@example.org,ICT,Werf,office,1995,2026-02-16,,110\n"
)


def ingest(inbox: Path, warehouse: Path, sources=SOURCES) -> None:
    with duckdb.connect(str(warehouse)) as con:
        for source in sources:
            ingest_source(con, source, inbox, Pseudonymiser(TEST_KEY), "incremental-test")


def built_months(warehouse: Path) -> dict[tuple[str, str], object]:
    with duckdb.connect(str(warehouse)) as con:
        rows = con.execute(
            "select model, cast(month_start as varchar), built_at from ops.months_built"
        ).fetchall()
    return {(model, month): built_at for model, month, built_at in rows}


COLUMNS: dict[str, list[str]] = {}  # each table's column names, as tables() last read them


def tables(warehouse: Path) -> dict[str, list[tuple]]:
    """Every month-incremental table, its rows sorted (lists as text, so they sort)."""
    read = {}
    with duckdb.connect(str(warehouse)) as con:
        for model in INCREMENTAL:
            cursor = con.execute(f"select * from {layer(model)}.{model}")
            COLUMNS[model] = [d[0] for d in cursor.description]
            read[model] = sorted(cursor.fetchall(), key=repr)
    return read


def without(tables_by_model: dict, models: tuple[str, ...]) -> dict:
    return {model: rows for model, rows in tables_by_model.items() if model not in models}


def layer(model: str) -> str:
    return "marts" if model.startswith("fct_") else "intermediate"


def rebuilt(changed: set[str], months: list[str], models=INCREMENTAL) -> set[tuple[str, str]]:
    """The (model, month) pairs a change to `changed` months should rebuild, by what each
    model's months read (READS)."""
    pairs = set()
    for model in models:
        for month in months:
            reads = READS[model]
            if reads == "earlier":
                hit = any(c <= month for c in changed)
            else:
                hit = any(shift(month, offset) in changed for offset in reads)
            if hit:
                pairs.add((model, month))
    return pairs


def shift(month: str, offset: int) -> str:
    year, number = int(month[:4]), int(month[5:7]) - 1 + offset
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}-01"


def messages_per_month(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse)) as con:
        rows = con.execute(
            "select cast(month_start as varchar), count(*) from intermediate.int_messages"
            " group by all"
        ).fetchall()
    return dict(rows)


def executed_test_sql(warehouse: Path) -> str:
    """The SQL the last build ran for int_messages' unique test."""
    run = warehouse.parent / f"dbt_target_{warehouse.stem}" / "run"
    return next(run.rglob("unique_int_messages_message_key.sql")).read_text()


def recomputed(before: dict, after: dict) -> set[tuple[str, str]]:
    return {key for key, built_at in after.items() if before.get(key) != built_at}


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    """Each step's months_built, tables and message counts, in order."""
    root = tmp_path_factory.mktemp("incremental")
    shutil.copytree(FIXTURES / "small_inbox", root / "small_inbox")
    inbox, config = root / "small_inbox" / "inbox", root / "small_inbox" / "monitor.yml"
    warehouse = root / "warehouse.duckdb"
    seen = {}
    unknown = inbox / "viva_engage_export" / "export_2026-02-unknown-id"
    shutil.copytree(inbox / "viva_engage_export" / "export_2026-02", unknown)
    (unknown / "Messages.csv").write_text(f"{HEADER}\n{UNKNOWN_ID_MESSAGE}\n")

    ingest(inbox, warehouse)
    run_dbt(BUILD, warehouse, config)
    seen["first"] = (built_months(warehouse), tables(warehouse), messages_per_month(warehouse))

    run_dbt(BUILD, warehouse, config)
    seen["unchanged"] = (built_months(warehouse), tables(warehouse), None)
    seen["unchanged, test sql"] = executed_test_sql(warehouse)

    late = inbox / "viva_engage_export" / LATE
    shutil.copytree(inbox / "viva_engage_export" / "export_2026-02", late)
    (late / "Messages.csv").write_text("\n".join([HEADER, *LATE_MESSAGES]) + "\n")
    ingest(inbox, warehouse, [SOURCES_BY_NAME["viva_engage_export"]])
    run_dbt(BUILD, warehouse, config)
    seen["late"] = (built_months(warehouse), tables(warehouse), messages_per_month(warehouse))
    seen["late, test sql"] = executed_test_sql(warehouse)
    run_dbt(["run", "--full-refresh", *SELECT], warehouse, config)
    seen["late, from scratch"] = (None, tables(warehouse), None)

    with duckdb.connect(str(warehouse)) as con:
        (sha,) = con.execute(
            "select sha256 from raw.inbox_files where file_name like ?", [f"%{LATE}%"]
        ).fetchone()
        con.execute("begin transaction")
        editions.withdraw(con, SOURCES_BY_NAME["viva_engage_export"], sha, "retired", "test")
        con.execute("commit")
    before_withdrawal = built_months(warehouse)
    run_dbt(BUILD, warehouse, config)
    seen["withdrawn"] = (
        built_months(warehouse),
        tables(warehouse),
        messages_per_month(warehouse),
        before_withdrawal,
    )

    before_roster = (built_months(warehouse), tables(warehouse))
    (inbox / "roster" / "roster_2026-03-31.csv").write_text(MARCH_ROSTER, encoding="utf-8")
    ingest(inbox, warehouse, [SOURCES_BY_NAME["roster"]])
    run_dbt(BUILD, warehouse, config)
    seen["alias"] = (built_months(warehouse), tables(warehouse), before_roster)
    run_dbt(["run", "--full-refresh", *SELECT], warehouse, config)
    seen["alias, from scratch"] = (None, tables(warehouse), None)
    return seen


def test_the_first_build_records_every_month_of_every_model(steps):
    months, _, counts = steps["first"]
    assert set(months) == {(model, month) for model in INCREMENTAL for month in (JANUARY, FEBRUARY)}
    # January: Frank's message; February: Viva Engage's three (the deleted one left out, the
    # guest's kept: not by an employee), the one from an unknown id and Slack's two (no join,
    # bot or tombstone)
    assert counts == {JANUARY: 1, FEBRUARY: 6}


def test_a_build_without_new_inputs_recomputes_nothing(steps):
    first_months, first_tables, _ = steps["first"]
    months, same_tables, _ = steps["unchanged"]
    assert recomputed(first_months, months) == set()
    assert same_tables == first_tables


def test_a_late_file_recomputes_its_month_and_no_other(steps):
    first_months, _, _ = steps["first"]
    months, _, counts = steps["late"]
    assert counts == {JANUARY: 3, FEBRUARY: 6}
    assert recomputed(first_months, months) == rebuilt({JANUARY}, [JANUARY, FEBRUARY])


def test_what_the_incremental_build_keeps_equals_a_build_from_scratch(steps):
    _, incremental, _ = steps["late"]
    _, from_scratch, _ = steps["late, from scratch"]
    assert incremental == from_scratch
    assert len(incremental["int_thread_responses"]) > 0


def test_a_withdrawn_file_takes_its_rows_out_of_its_month(steps):
    _, first_tables, _ = steps["first"]
    months, withdrawn_tables, counts, before = steps["withdrawn"]
    assert counts == {JANUARY: 1, FEBRUARY: 6}
    assert without(withdrawn_tables, SCORING) == without(first_tables, SCORING)
    assert {row[0] for row in withdrawn_tables["int_message_features"]} >= WITHDRAWN_KEYS
    assert recomputed(before, months) == rebuilt({JANUARY}, [JANUARY, FEBRUARY])


def test_an_alias_recomputes_the_months_its_person_wrote_in_and_no_other(steps):
    months, alias_tables, (before, before_tables) = steps["alias"]
    _, from_scratch, _ = steps["alias, from scratch"]
    march = "2026-03-01"  # the roster's month: new, without messages
    # January's threads read February's replies: recomputed with it
    assert recomputed(before, months) == rebuilt({FEBRUARY, march}, [JANUARY, FEBRUARY, march])
    # the scores of the withdrawn file's messages stay; a build from scratch never had them
    assert without(alias_tables, SCORING) == without(from_scratch, SCORING)
    for model in SCORING:
        kept = [row for row in alias_tables[model] if row[0] not in WITHDRAWN_KEYS]
        assert kept == from_scratch[model]

    def by_employee(rows):  # int_messages: message_key and by_employee, by name
        names = COLUMNS["int_messages"]
        key, flag = names.index("message_key"), names.index("by_employee")
        return {row[key]: row[flag] for row in rows}

    assert by_employee(before_tables["int_messages"])["viva_engage:910"] is False
    assert by_employee(alias_tables["int_messages"])["viva_engage:910"] is True  # Eva's now


def test_the_data_tests_check_the_months_the_run_rebuilt(steps):
    # the late file rebuilt January only: the unique test reads January's rows
    assert "month_start in (date '2026-01-01')" in steps["late, test sql"]
    # a run that rebuilt nothing tests every row
    assert "month_start in" not in steps["unchanged, test sql"]
