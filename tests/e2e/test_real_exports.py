"""Files real tools wrote (tests/fixtures/real_exports, MIT, provenance there), run through the
whole job as a user would, with the figures computed by hand from the files themselves.

Slack, March 2016 (a 2016 workspace: users.json without e-mail, no threads). Messages that
count (people's own messages and file shares; not joins, bot_add, bots or the file comment):
hamza (U0BMQB6JE) 17 + 1 file share = 18, doubledeez (U0BMS113R) 11 + 2 = 13, abilinski
(U0BMYT2FL) 3, heroeshannibal (U0BMM2FEH) 1: C = 35 by 4 contributors. Top 20% = ceil(0.8) =
1 person: 18 / 35 = 51.4%. 80% of 35 = 28: 18 + 13 = 31, so 2 of 4 people = 50.0%. Gini:
ascending 1, 3, 13, 18: 2 x (1 + 6 + 39 + 72) / (4 x 35) - 5/4 = 0.436. abilinski also gave
the one reaction (on a bot's message). Identity rows: 35 messages + 1 reaction = 36.
The roster has five employees; four of them are the Slack users.

Microsoft 365 (a developer tenant's D7 reports, user names concealed): Teams refreshed
28 Oct 2022 (window 22-28 Oct, middle day 25 Oct: October), Viva Engage 9 Nov 2022
(November), e-mail 24 Jan 2023 (January). Each lists one user whose 32-character code matches
nobody: usage unknown ("unmatched"), identity coverage 0%, a 7-day window each.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from pipelines.settings import load_settings
from pipelines.summary import print_summary
from tests.conftest import FIXTURES, TEST_KEY, run_month

REAL = FIXTURES / "real_exports"
SLACK_IDS = {"hamza": "U0BMQB6JE", "doubledeez": "U0BMS113R", "abilinski": "U0BMYT2FL"}
SLACK_IDS["heroeshannibal"] = "U0BMM2FEH"
CONFIG = """organisation: Magellan
language: en
min_group_size: 2
themes:
  - name: Cities
    keywords: [cities]
"""


def inbox_env(root: Path, patch: pytest.MonkeyPatch) -> Path:
    inbox = root / "inbox"
    inbox.mkdir(parents=True)
    (root / "monitor.yml").write_text(CONFIG)
    for name, value in {
        "SNM_INBOX": inbox,
        "SNM_CONFIG": root / "monitor.yml",
        "SNM_WAREHOUSE": root / "warehouse.duckdb",
        "SNM_OUT": root / "out",
        "SNM_PSEUDONYM_KEY": TEST_KEY,
    }.items():
        patch.setenv(name, str(value))
    patch.delenv("SNM_DEMO", raising=False)
    return inbox


def roster(path: Path, with_slack_ids: bool) -> None:
    header = "employee_id,email,department,location,role_type,birth_year,start_date,end_date"
    lines = [header + (",slack_user_id" if with_slack_ids else "")]
    for number, name in enumerate([*SLACK_IDS, "eva"], start=1):
        row = f"E{number},{name}@magellan.example,ICT,Delft,office,1990,2015-09-01,"
        lines.append(row + (f",{SLACK_IDS.get(name, '')}" if with_slack_ids else ""))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def figures(month: str) -> dict:
    document = json.loads((load_settings().out / month / "figures.json").read_text())
    return {f["id"]: f for f in document["figures"]}


@pytest.fixture(scope="module")
def slack(tmp_path_factory):
    """March 2016 twice: with a roster that has no Slack ids, then with one that has them."""
    with pytest.MonkeyPatch.context() as patch:
        inbox = inbox_env(tmp_path_factory.mktemp("slack"), patch)
        (inbox / "slack_export").mkdir()
        shutil.copy(REAL / "slack" / "slack-export-viewer-testarchive.zip", inbox / "slack_export")
        roster(inbox / "roster" / "roster_2016-03-01.csv", with_slack_ids=False)
        first = run_month("2016-03")
        before = figures("2016-03")
        roster(inbox / "roster" / "roster_2016-03-31.csv", with_slack_ids=True)
        second = run_month("2016-03")
        yield {"first": first, "before": before, "second": second, "after": figures("2016-03")}


def test_slack_users_without_e_mail_are_not_matched_and_usage_is_unknown_not_zero(slack):
    assert slack["first"].success
    usage = slack["before"]["tool_usage_pct.slack"]
    assert (usage["value"], usage["status"]) == (None, "unmatched")
    assert slack["before"]["identity_coverage.slack_export"]["value"] == 0.0
    with duckdb.connect(str(load_settings().warehouse), read_only=True) as con:
        (note,) = con.execute("select note from raw.inbox_notes").fetchone()
    assert note.startswith("users.json has no e-mail address for 4 of 4 people")


def test_the_roster_s_slack_ids_match_them(slack):
    assert slack["second"].success
    after = slack["after"]
    assert after["headcount"]["value"] == 5
    assert after["tool_usage_pct.slack"]["value"] == 80.0
    assert after["identity_coverage.slack_export"]["value"] == 100.0
    assert {k: after[f"participation.slack.{k}"]["value"] for k in PARTICIPATION} == PARTICIPATION
    with duckdb.connect(str(load_settings().warehouse), read_only=True) as con:
        rows = con.execute(
            "select messages from marts.fct_participation_monthly"
            " where month = '2016-03' and platform = 'slack'"
        ).fetchone()
    assert rows == (35,)


PARTICIPATION = {"contributors": 4, "top20_share_pct": 51.4, "pct_for_80": 50.0, "gini": 0.436}


def test_a_workspace_without_threads_has_no_response_rate(slack):
    rate = slack["after"]["themes.Cities.response_rate_pct"]
    assert (rate["value"], rate["note"]) == (None, "no_threads")
    text = (load_settings().out / "2016-03" / "infographic.pdf").read_bytes()
    assert text.startswith(b"%PDF")


def test_the_network_of_mentions_and_slack_s_adoption_phase(slack):
    """March 2016's @mentions between people (their own messages, not joins or file shares
    naming themselves): hamza names abilinski (17th) and doubledeez (17th, 25th, 27th twice),
    abilinski names hamza (25th): 3 people, 2 ties, all within ICT (silo index 100.0).
    Slack's adopters: the 4 Slack users of the 5 employees, 80.0: late majority (50 to 84).
    No threads and no reaction to a person's message: no fans. No first followers either:
    Slack's data begins with 80.0 % already on it, where nobody can tell who came first."""
    after = slack["after"]
    network = {
        k: after[f"network.{k}"]["value"] for k in ("people", "ties", "cross_department_pct")
    }
    assert network == {"people": 3, "ties": 2, "cross_department_pct": 0.0}
    assert after["network.silo.ICT"]["value"] == 100.0
    adoption = {k: after[f"adoption.slack.{k}"]["value"] for k in ("adopters_pct", "phase")}
    assert adoption == {"adopters_pct": 80.0, "phase": "late_majority"}
    assert after["adoption.slack.bass_p"]["status"] == "not_enough_history"
    ambassadors = {k: after[f"ambassadors.{k}"]["value"] for k in ("first_followers", "fans")}
    assert ambassadors == {"first_followers": 0, "fans": 0}
    assert after["ambassadors.named"]["value"] == []


def yearly(year: int, folder: Path) -> tuple[dict, str]:
    """The yearly monitor of `year` from the module's warehouse, in English, and its text."""
    from pipelines.builds import latest_build_run_id
    from pipelines.report.yearly import render_yearly

    with duckdb.connect(str(load_settings().warehouse), read_only=True) as con:
        paths = render_yearly(con, year, "en", "Magellan", latest_build_run_id(con), "t", folder)
    text = subprocess.run(["pdftotext", str(paths["pdf"]), "-"], capture_output=True, text=True)
    assert not re.search(r"\b[a-z_]{2,}\.[a-z_]{2,}\b", text.stdout)  # no raw id
    return paths, " ".join(text.stdout.split())


def pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes()))


def tile(page: str, caption: str) -> tuple[str, str]:
    found = re.search(
        rf"<div class='caption'>{caption}</div><div class='value'>([^<]*)</div>"
        r"<div class='note'>([^<]*)</div>",
        page,
    )
    return tuple(html.unescape(part) for part in found.groups())


def test_the_yearly_monitor_of_a_real_slack_workspace(slack, tmp_path):
    """The export's three months, by hand from the files: Slack's writers in January hamza
    (7 messages) and abilinski (2): 2 of the 5 on the roster, 40.0%; February hamza alone;
    March the four, 80.0%. January's 9 messages need both writers for 80% (7 < 7.2): 100.0%
    of the writers, against March's 50.0%. No year before, no red issue."""
    paths, text = yearly(2016, tmp_path)
    assert pages(paths["pdf"]) == 10  # cover, contents, seven audit areas, data
    assert "Period 2016-01 – 2016-03 (3 months with data)" in text
    for line in (
        "Largest rise: Usage of Slack, from 40.0% in January 2016 to 80.0% in March 2016 "
        "(+40.0 pp).",
        "Largest fall: % of writers who write 80% of the messages (all platforms), from 100.0% "
        "in January 2016 to 50.0% in March 2016 (-50.0 pp).",
        "No issue was red this year.",
        "Adoption: Slack 80.0% of the employees (late majority, ambition level Co-creating).",
        # the method's advice, each with the figure that called for it
        "because: Slack 80.0% of the employees ever used it (late majority)",
        "because: ambition level Co-creating: Slack (reach 80.0%, visit 100.0%, contribute 100.0%)",
        "because: ties that stay inside the department: ICT 100.0% (limit 80.0%)",
    ):
        assert line in text, line
    page = paths["html"].read_text()
    march = slack["after"]
    assert tile(page, "Employees") == ("5", "no year before")
    assert tile(page, "Active on social tools") == ("80.0%", "no year before")
    sentiment = march["participation.all.net_sentiment"]["value"]
    assert tile(page, "Net sentiment") == (f"{sentiment:.1f}", "no year before")
    assert tile(page, "E-mail per person per day") == ("–", "no year before")  # no e-mail data


@pytest.fixture(scope="module")
def m365(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        inbox = inbox_env(tmp_path_factory.mktemp("m365"), patch)
        for folder, name in (
            ("m365_email", "pnp_mailactivityuserdetail.csv"),
            ("m365_teams", "pnp_teams_useractivityuserdetail.csv"),
            ("viva_engage_usage", "pnp_vivaengage_activityuserdetail.csv"),
            ("m365_email", "pnp_tenant_activeuserdetail.csv"),
        ):
            (inbox / folder).mkdir(exist_ok=True)
            shutil.copy(REAL / "m365" / name, inbox / folder)
        roster(inbox / "roster" / "roster_2022-10-31.csv", with_slack_ids=False)
        result = run_month("2022-10")
        yield result, load_settings()


def test_concealed_names_are_said_once_per_file_and_usage_is_unknown(m365, capsys):
    result, settings = m365
    assert result.success
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        notes = con.execute("select source_file, note from raw.inbox_notes order by 1").fetchall()
        usage = con.execute(
            "select month, tool, usage_status, window_days, usage_pct"
            " from marts.fct_tool_usage_monthly where has_data order by month"
        ).fetchall()
        coverage = con.execute(
            "select month, source, matched_pct from marts.fct_identity_coverage_monthly"
            " order by month"
        ).fetchall()
    assert [n[0] for n in notes] == [
        "pnp_mailactivityuserdetail.csv",
        "pnp_teams_useractivityuserdetail.csv",
        "pnp_vivaengage_activityuserdetail.csv",
    ]
    assert all("Settings > Org settings > Reports" in n[1] for n in notes)
    assert usage == [
        ("2022-10", "teams", "unmatched", 7, None),
        ("2022-11", "viva_engage", "unmatched", 7, None),
        ("2023-01", "email", "unmatched", 7, None),
    ]
    assert coverage == [
        ("2022-10", "m365_teams", 0.0),
        ("2022-11", "viva_engage_usage", 0.0),
        ("2023-01", "m365_email", 0.0),
    ]
    teams = figures("2022-10")["tool_usage_pct.teams"]
    assert (teams["value"], teams["status"], teams["window_days"]) == (None, "unmatched", 7)
    print_summary(result, "2022-10", settings)
    out = capsys.readouterr().out
    assert "Note: pnp_teams_useractivityuserdetail.csv: user names in this report are" in out
    assert "  m365_teams             0.0%  below the threshold; 1 people not in the roster" in out
    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert not checks["identity_coverage"].passed


def test_a_report_the_monitor_does_not_read_is_named(m365):
    _, settings = m365
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        ((problem,),) = con.execute(
            "select problem from raw.quarantine where source_file = ?",
            ["pnp_tenant_activeuserdetail.csv"],
        ).fetchall()
    assert "This is the Microsoft 365 'Active users' report (getOffice365ActiveUserDetail)" in (
        problem
    )


def test_the_yearly_monitor_of_real_m365_reports_beside_the_year_before(m365, tmp_path):
    """January 2023 has the e-mail report only, 2022 the Teams (October) and Viva Engage
    (November) ones: the monitor of 2023 sets 2022's beside it. Every user is concealed, so
    every usage is unknown: printed as "–", never 0, and no rule of the method applies."""
    from tests.browser import assert_fits

    paths, text = yearly(2023, tmp_path)
    assert pages(paths["pdf"]) == 11  # the year before's page before the data page
    assert "Compared with the monitor of 2022" in text
    assert "2022: Period 2022-10 – 2022-12 (3 months with data)" in text
    assert "2023: Period 2023-01 (1 month with data)" in text
    assert "None of the method's rules applies this year." in text
    page = paths["html"].read_text()
    assert tile(page, "Employees") == ("5", "no figure in Jan '22")  # a year before, not then
    assert tile(page, "Active on social tools") == ("–", "no figure in Jan '22")
    assert "<tr><td>Employees</td><td>5</td><td>5</td></tr>" in page
    assert "<tr><td>Active on social tools</td><td>–</td><td>–</td></tr>" in page
    assert "<tr><td>E-mail per person per day</td><td>–</td><td>–</td></tr>" in page
    assert_fits(paths["html"], 390, tmp_path)
