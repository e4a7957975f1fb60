"""The whole asset graph on the hand-made fixture inbox: every figure asserted exactly
(see tests/fixtures/small_inbox/EXPECTED.md for the arithmetic)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import dagster as dg
import duckdb
import yaml

from pipelines.config import load_config
from pipelines.defs.transform.dbt_models import dbt_vars
from pipelines.summary import step_seconds
from tests.conftest import run_month

DBT_DIR = Path(__file__).resolve().parents[2] / "dbt_project"


def test_the_run_succeeds_with_every_blocking_check_passing(fixture_run):
    _, result = fixture_run
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    names = {e.check_name for e in evaluations}
    assert {"raw_roster_contract", "raw_m365_email_activity_contract"} <= names
    assert any(name.startswith("not_null_fct_headcount") for name in names)  # dbt tests
    failed = [(e.check_name, e.severity) for e in evaluations if not e.passed]
    # The fixture's outsider (not on the roster) is active in February in four sources: a
    # warning about identity coverage, which never stops the month.
    assert failed == [("identity_coverage", dg.AssetCheckSeverity.WARN)]


def test_headcount_counts_leavers_and_joiners_by_the_month_rule(fixture_run):
    env, _ = fixture_run
    rows = env.rows("select month, headcount, joiners, leavers from marts.fct_headcount_monthly")
    assert sorted(rows) == [("2026-01", 5, 0, 1), ("2026-02", 5, 1, 1)]


def test_usage_per_tool_matches_the_hand_computed_figures(fixture_run):
    env, _ = fixture_run
    rows = env.rows("select month, tool, usage_pct from marts.fct_tool_usage_monthly")
    assert {(m, t): pct for m, t, pct in rows} == {
        ("2026-01", "email"): 80.0,
        ("2026-01", "intranet"): 20.0,
        ("2026-01", "slack"): None,
        ("2026-01", "teams"): None,
        ("2026-01", "viva_engage"): 20.0,
        ("2026-02", "email"): 60.0,
        ("2026-02", "intranet"): 20.0,
        ("2026-02", "slack"): 40.0,
        ("2026-02", "teams"): 40.0,
        ("2026-02", "viva_engage"): 40.0,
    }


def test_the_straddling_file_belongs_to_january(fixture_run):
    env, _ = fixture_run
    rows = env.rows(
        "select source_file, strftime(month_start, '%Y-%m'), window_start::varchar, is_primary_file"
        " from intermediate.int_m365_files_attributed order by 1",
    )
    assert rows == [
        ("EmailActivityUserDetail_2026-02-10.csv", "2026-01", "2026-01-12", True),
        ("EmailActivityUserDetail_2026-02-28.csv", "2026-02", "2026-01-30", True),
        ("TeamsUserActivityUserDetail_2026-02-28.csv", "2026-02", "2026-01-30", True),
    ]


def test_figures_json_carries_values_and_lineage(fixture_run):
    env, result = fixture_run
    document = json.loads((env.out / "2026-02" / "figures.json").read_text())
    figures = {f["id"]: f for f in document["figures"]}
    values = {k: f["value"] for k, f in figures.items()}
    assert {
        k: v for k, v in values.items() if k.split(".")[0] in ("headcount", "tool_usage_pct")
    } == {
        "headcount": 5,
        "tool_usage_pct.email": 60.0,
        "tool_usage_pct.intranet": 20.0,
        "tool_usage_pct.slack": 40.0,
        "tool_usage_pct.teams": 40.0,
        "tool_usage_pct.viva_engage": 40.0,
    }
    headcount = figures["headcount"]["lineage"]
    assert headcount["dbt_model"] == "fct_headcount_monthly"
    assert headcount["column"] == "headcount"
    assert [(f["name"], f["rows_used"]) for f in headcount["source_files"]] == [
        ("roster_2026-02-28.csv", 5)
    ]
    assert re.fullmatch(r"[0-9a-f]{64}", headcount["source_files"][0]["sha256"])
    assert headcount["run_id"] == result.run_id and headcount["code_version"]
    email = figures["tool_usage_pct.email"]["lineage"]["source_files"]
    assert [(f["name"], f["rows_used"]) for f in email] == [
        ("EmailActivityUserDetail_2026-02-28.csv", 3)
    ]
    slack = figures["tool_usage_pct.slack"]["lineage"]["source_files"]
    assert [(f["name"], f["rows_used"]) for f in slack] == [("slack_export_2026-02.zip", 3)]
    # the settings the figures were computed with: the build's monitor.yml, by its SHA-256
    assert document["config_sha256"] == hashlib.sha256(env.config.read_bytes()).hexdigest()
    # the dbt project's docs as they were, one self-contained page beside the report
    docs = (env.out / "2026-02" / "dbt_docs.html").read_text(encoding="utf-8")
    assert "fct_figure_lineage" in docs and "Per figure family and month" in docs


def test_the_infographic_is_an_a4_png_and_a_one_page_pdf(fixture_run):
    env, _ = fixture_run
    png = (env.out / "2026-02" / "infographic.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1240, 1753)  # A4 portrait at 150 dpi
    pdf = (env.out / "2026-02" / "infographic.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1


def test_quarantine_csv_is_written_even_when_nothing_was_quarantined(fixture_run):
    env, _ = fixture_run
    lines = (env.out / "quarantine.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["source,file,sha256,member,row,column,problem,run_id,at"]


def test_a_file_repeated_under_another_name_is_ingested_once(fixture_run):
    env, _ = fixture_run
    assert env.rows("select count(*) from raw.inbox_files where source = 'activity'") == [(1,)]
    assert env.rows("select count(*) from raw.activity_events") == [(4,)]


NEEDLES = ["example.org", "partner.org", "Jansen", "Bakker", "Visser", "de Vries", "Gast Partner"]
# anna Jansen agreed to be named as an ambassador (the roster's ambassador_consent): her name
# may stand in the display_name columns and the figure that lists named ambassadors, nowhere else
CONSENTED = "Jansen"


def test_no_email_address_or_name_reaches_the_warehouse(fixture_run):
    env, _ = fixture_run
    with duckdb.connect(str(env.warehouse), read_only=True) as con:
        columns = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns"
            " where data_type = 'VARCHAR'"
        ).fetchall()
        for schema, table, column in columns:
            for needle in NEEDLES:
                hits = con.execute(
                    f'select count(*) from "{schema}"."{table}" where "{column}" ilike ?',
                    [f"%{needle}%"],
                ).fetchone()[0]
                if needle == CONSENTED and column == "display_name":
                    continue
                assert hits == 0, f"{needle} found in {schema}.{table}.{column}"


def test_no_email_address_or_name_reaches_any_output_file(fixture_run):
    env, _ = fixture_run
    files = [p for p in env.out.rglob("*") if p.is_file()]
    assert any(p.name == "index.html" for p in files)  # GX Data Docs are among them
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="ignore").lower()
        if path.name == "figures.json":  # less the list of those who agreed to be named
            document = json.loads(text)
            named = [f for f in document["figures"] if f["id"] == "ambassadors.named"]
            assert [a["display_name"] for a in named[0]["value"]] == ["anna jansen"]
            document["figures"].remove(named[0])
            text = json.dumps(document)
        for needle in NEEDLES:
            assert needle.lower() not in text, f"{needle} found in {path}"


def test_message_bodies_lose_addresses_names_and_mentions(fixture_run):
    env, _ = fixture_run
    from pipelines.ingest.pseudonym import Pseudonymiser
    from tests.conftest import TEST_KEY

    anna = Pseudonymiser(TEST_KEY)("anna@example.org")
    (viva,) = env.rows("select body from raw.viva_engage_messages where message_id = '2'")[0]
    assert viva == f"Dank je! Vraag het aan [naam] of mail [e-mail], cc [@{anna}]"
    (slack,) = env.rows("select text from raw.slack_messages order by message_ts")[0]
    assert slack == (
        f"Goedemorgen [@{anna}], de server is weer up. Vragen? Mail [naam] via [e-mail]"
    )


def test_a_second_run_ingests_nothing_new_and_reports_the_same_figures(fixture_run):
    env, _ = fixture_run
    figures_path = env.out / "2026-02" / "figures.json"

    def values():
        return {f["id"]: f["value"] for f in json.loads(figures_path.read_text())["figures"]}

    before, files = values(), env.rows("select count(*) from raw.inbox_files")
    result = run_month("2026-02")
    assert result.success
    assert env.rows("select count(*) from raw.inbox_files") == files
    assert env.rows("select count(*) from raw.roster") == [(11,)]
    assert values() == before


def test_real_world_formats_are_read_as_written(fixture_run):
    env, _ = fixture_run
    assert env.rows(
        "select department from raw.roster where source_file = 'roster_2026-01-31.csv'"
        " and department like 'Fin%'",
    ) == [("Financiën",)]  # Windows-1252
    assert env.rows("select count(*) from raw.activity_events") == [(4,)]  # UTF-16
    body = env.rows("select body from raw.viva_engage_messages where message_id = '1'")
    assert body == [("Welkom allemaal!\nTweede regel van het bericht.",)]  # quoted newline
    slack = env.rows(
        "select subtype, is_reply, is_edited, is_contribution from staging.stg_slack__messages"
        " order by message_ts",
    )
    assert slack == [
        (None, False, False, True),  # dirk's message
        ("channel_join", False, False, False),
        ("bot_message", False, False, False),
        ("tombstone", False, False, False),  # a deleted message
        (None, True, True, True),  # anna's edited thread reply
    ]


def test_the_same_warehouse_renders_byte_identical_reports(fixture_run, tmp_path):
    """Two runs of the report asset alone (new run ids, same warehouse): same PNG and PDF."""
    import dagster as dg

    from pipelines.defs.reports.monthly_infographic import monthly_infographic
    from pipelines.defs.resources import build_resources

    env, _ = fixture_run
    month = env.out / "2026-02"
    first = {kind: (month / f"infographic.{kind}").read_bytes() for kind in ("png", "pdf")}
    resources = build_resources()
    result = dg.materialize(
        [monthly_infographic],
        partition_key="2026-02",
        resources={k: resources[k] for k in ("warehouse", "monitor_config", "reports")},
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    for kind in ("png", "pdf"):
        assert (month / f"infographic.{kind}").read_bytes() == first[kind], kind
    report = json.loads((month / "figures.json").read_text())
    assert report["report_run_id"] == result.run_id  # the rendering run is still recorded


def test_the_yearly_monitor_has_a_page_per_audit_area_and_an_appendix(fixture_run, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    env, _ = fixture_run

    # the organisation's ratios of 2026 (EXPECTED.md), shared and compared with a pool of three
    def snm(*args):
        return subprocess.run(
            [sys.executable, "-m", "pipelines.cli", *args],
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            timeout=600,
        )

    place = ["--config", str(env.config), "--warehouse", str(env.warehouse)]
    exported = snm(
        "benchmark", "export", "--year", "2026", "--file", str(tmp_path / "us.json"), *place
    )
    assert exported.returncode == 0, exported.stdout + exported.stderr
    ours = json.loads((tmp_path / "us.json").read_text())
    assert (ours["months"], ours["size_band"]) == (2, "<250")
    assert {k: ours["ratios"][k] for k in ours["ratios"] if k.startswith("tool_usage_pct.")} == {
        "tool_usage_pct.email": 70.0,  # (80.0 + 60.0) / 2
        "tool_usage_pct.teams": 40.0,  # February only: no Teams file in January
        "tool_usage_pct.viva_engage": 30.0,
        "tool_usage_pct.slack": 40.0,
        "tool_usage_pct.intranet": 20.0,
    }
    # January's single writer is fewer than min_group_size 2: February's 100.0 alone
    assert ours["ratios"]["participation.all.pct_for_80"] == 100.0
    pool = []
    for number, email in enumerate((50.0, 60.0, 90.0)):
        other = {**ours, "ratios": {"tool_usage_pct.email": email}}
        pool.append(tmp_path / f"org{number}.json")
        pool[-1].write_text(json.dumps(other))
    compared = snm(
        "benchmark", "compare", *map(str, pool), "--year", "2026", "--out", str(tmp_path), *place
    )
    assert compared.returncode == 0, compared.stdout + compared.stderr
    # Q1 = 50 + 0.5 x 10 = 55, median 60, Q3 = 60 + 0.5 x 30 = 75: ours, 70, in between
    assert "tool_usage_pct.email                        70.00    55.00    60.00    75.00  3" in (
        compared.stdout
    )

    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "yearly",
            "--year",
            "2026",
            "--config",
            str(env.config),
            "--warehouse",
            str(env.warehouse),
            "--out",
            str(tmp_path),
        ],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Yearly monitor: {tmp_path / '2026' / 'monitor.pdf'}" in result.stdout
    pdf = (tmp_path / "2026" / "monitor.pdf").read_bytes()
    # a cover, the contents with the advice, a page per audit area, the data, the benchmark
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 11
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "2026" / "monitor.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Period 2026-01 – 2026-02 (2 months with data)" in text
    titles = [line for line in text.splitlines() if " · 2026" in line and "Monitor" not in line]
    assert titles == [
        "Compared with other organisations · 2026",  # in the contents
        "Organisation · 2026",
        "People and segments · 2026",
        "Tools and infrastructure · 2026",
        "Networks and themes · 2026",
        "Who answers or mentions whom, per quarter · 2026",
        "Issues and sentiment · 2026",
        "The heartbeat: messages per day about the busiest themes and issues · 2026",
        "Yields · 2026",
        "What happened with the networks' output · 2026",
        "Data and comparison · 2026",
        "Compared with other organisations · 2026",
    ]
    # charts titled for what they answer; their series by what tells them apart
    flat = " ".join(text.split())
    for title in ("Usage per tool (%)", "Who writes 80% of the messages (% of writers)"):
        assert title in flat
    assert not re.search(r"\b[a-z_]{2,}\.[a-z_]{2,}\b", text)  # no raw id
    # each audit area's question of the method, answered from the year's figures
    assert "How large is the organisation, and how is it changing?" in text
    assert "5 employees in February 2026 (– on a year earlier)." in text
    assert "Most messages: server (grey). Net sentiment over all messages: 75.0." in text
    assert (  # EXPECTED.md: carla and dirk (ICT) each tied to anna (Communicatie)
        "Network: 3 people tied, 100% of ties across departments; most inward-looking: none."
    ) in " ".join(text.split())
    assert (
        "People per quarter: Q1: 3 (drawn: the largest connected group of the 300 best connected)."
        in " ".join(text.split())
    )
    # each tool's phase on Rogers' curve, with the method's advice for it
    assert (
        "Adoption: Intranet 40%, Slack 40%, Teams 40%, Viva Engage 40%: early majority, let "
        "the pioneers, as ambassadors, win others over, and anchor interaction in existing "
        "processes."
    ) in " ".join(text.split())
    page = (tmp_path / "2026" / "monitor.html").read_text()
    assert "<h2 id='organisation'>Organisation</h2>" in page
    assert (
        "<tr><td>Usage of E-mail</td><td>70</td><td>55</td><td>60</td><td>75</td><td>3</td>"
        "<td>between the quartiles</td></tr>"
    ) in page
    assert "Appendix: every figure of 2026-02 with its lineage" in page
    # what stands behind the sentiment of the last month (EXPECTED.md)
    assert "<h2>What stands behind the sentiment (2026-02)</h2>" in page
    assert (
        "<tr><td>theme Welkom</td><td>+100.0</td><td></td><td>2 positive, 0 negative, 0 "
        "neutral; 90% interval +41.1 to +100.0; words + dank, welkom; − none</td></tr>"
    ) in page
    assert (
        "<tr><td>issue server</td><td>–</td><td>grey</td><td>not shown: fewer writers than "
        "the minimum group size</td></tr>"
    ) in page

    # the same warehouse renders the same bytes, whichever run draws it
    from pipelines.builds import latest_build_run_id
    from pipelines.report.yearly import render_yearly
    from pipelines.version import code_version

    (tmp_path / "b").mkdir()  # the comparison the monitor shows goes with it
    shutil.copy(tmp_path / "2026" / "benchmark.json", tmp_path / "b" / "benchmark.json")
    with duckdb.connect(str(env.warehouse), read_only=True) as con:
        again = render_yearly(
            con, 2026, "en", "Fixture BV", latest_build_run_id(con), code_version(), tmp_path / "b"
        )
    assert again["pdf"].read_bytes() == pdf
    assert again["html"].read_text() == page
    assert "roster_2026-02-28.csv" in page and "fct_headcount_monthly.headcount" in page
    assert "example.org" not in page
    # the ambassadors of February (EXPECTED.md): anna agreed to be named, bert did not
    assert "<h3>Ambassadors of 2026-02: first followers and fans</h3>" in page
    assert (
        "<tr><td>fan</td><td>Anna Jansen</td><td>Communicatie</td><td></td><td>2</td>"
        "<td>1</td></tr>"
    ) in page
    assert "<p>Without a name (no consent): fan: ICT 1.</p>" in page
    assert "Bert" not in page and "Bert" not in text


def test_identity_coverage_names_each_source_with_its_outsider(fixture_run):
    """February: someone outside the roster is active in e-mail (1 of 6 rows), Teams
    (1 of 4), Viva Engage (1 of 3) and the intranet (1 of 2); Slack matches everyone."""
    env, _ = fixture_run
    rows = env.rows(
        "select source, identity_rows, unmatched_people, matched_pct, is_below_threshold"
        " from marts.fct_identity_coverage_monthly where month = '2026-02' order by source",
    )
    assert rows == [
        ("activity", 2, 1, 50.0, True),
        ("m365_email", 6, 1, 83.3, True),
        ("m365_teams", 4, 1, 75.0, True),
        ("slack_export", 3, 0, 100.0, False),
        ("viva_engage_export", 3, 1, 66.7, True),
    ]


def test_the_dbt_unit_tests_pass_on_the_built_warehouse(fixture_run, tmp_path):
    """A monthly run leaves dbt's unit tests out (they prove SQL, not data): here they run,
    against a copy of the fixture run's warehouse, whose tables give them their columns."""
    env, _ = fixture_run
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(env.warehouse, warehouse)
    variables = json.dumps(dbt_vars(load_config(env.config)))
    done = subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), "test", "--select", "test_type:unit"]
        + ["--vars", variables, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)]
        + ["--target-path", str(tmp_path / "target")],
        env={**os.environ, "SNM_WAREHOUSE": str(warehouse)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-4000:]
    assert re.search(r"WARN=0 ERROR=0 SKIP=0", done.stdout), done.stdout[-2000:]
    # each unit test's result line names it as model::test (the project hook has its own line)
    passed = re.findall(r" PASS (\S+::\S+) ", done.stdout)
    assert len(passed) == len(list(unit_tests())), done.stdout[-2000:]


def unit_tests():
    """Every unit test the dbt project declares (in the models' YAML)."""
    for path in DBT_DIR.glob("models/**/*.yml"):
        for test in yaml.safe_load(path.read_text()).get("unit_tests") or []:
            yield test["name"]


def test_the_summary_knows_how_long_each_step_took(fixture_run):
    _, result = fixture_run
    seconds = step_seconds(result)
    succeeded = [e.step_key for e in result.all_events if e.event_type_value == "STEP_SUCCESS"]
    assert sorted(seconds) == sorted(succeeded) and "dbt_models" in seconds
    assert all(took > 0 for took in seconds.values())
    assert max(seconds, key=seconds.get) == "dbt_models"  # the build, on a small inbox
