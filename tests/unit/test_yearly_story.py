"""The yearly monitor's words, from hand-made figures.json documents: the cover's change on a
year earlier, the year in five lines and each rule of the method's advice at its limit."""

from __future__ import annotations

from pipelines.config import Advice as Limits
from pipelines.report.yearly.advice import advice
from pipelines.report.yearly.cover import tiles
from pipelines.report.yearly.story import five_lines, red_months
from pipelines.report.yearly.year import Year


def document(month: str, values: dict, top10: list | None = None) -> dict:
    figures = [{"id": k, "value": v} for k, v in values.items()]
    figures.append({"id": "issues.top10", "value": top10 or []})
    return {"month": month, "figures": figures}


def issue(name: str, light: str, sentiment: float | None = None) -> dict:
    return {"issue": name, "light": light, "net_sentiment": sentiment, "messages": 9}


MARCH = {
    "headcount": 1205,
    "social_active_pct": 61.5,
    "reach_beyond_email_pct": 70.0,
    "yields.engagement_index": 55.0,
    "participation.all.net_sentiment": -12.5,
    "yields.email_sent_per_person_per_day": 8.61,
    "yields.ideas": 4,
    "yields.ideas_adopted": 1,
    "yields.signalled": 3,
    "yields.responded": 2,
    "tool_usage_pct.slack": 45.0,
    "participation.all.pct_for_80": 18.0,
    "reach.department.Werf": 54.9,  # 15.1 below 70.0: advice
    "reach.department.ICT": 55.0,  # 15.0 below: advice (the limit counts)
    "reach.location.Stad": 56.0,  # 14.0 below: none
    "network.silo.Werf": 80.0,
    "network.silo.ICT": 79.9,
    "adoption.slack.adopters_pct": 12.0,
    "adoption.slack.phase": "early_adopters",
    "ambition_level.slack": "informing",
    "funnel.slack.reach": 12.0,
    "funnel.slack.visit": 60.0,
    "funnel.slack.contribute": 2.0,
}


def the_year(previous: dict | None, earlier: dict | None = None) -> Year:
    january = {**MARCH, "tool_usage_pct.slack": 30.0, "social_active_pct": 70.0}
    january |= {"yields.ideas": 2, "yields.ideas_adopted": 0, "yields.signalled": 1}
    january |= {"yields.responded": 1}
    return Year(
        2026,
        {
            "2026-01": document("2026-01", january, [issue("parkeren", "red", -40.0)]),
            "2026-03": document(
                "2026-03",
                MARCH,
                [issue("parkeren", "red", -35.5), issue("werkdruk", "red"), issue("ict", "green")],
            ),
        },
        previous,
        earlier or ({previous["month"]: previous} if previous else {}),
    )


def test_the_tiles_show_the_change_on_the_same_month_a_year_earlier():
    before = document("2025-03", {**MARCH, "headcount": 1190, "social_active_pct": 58.0})
    shown = tiles(the_year(before), "en")
    assert shown[0] == ("Employees", "1,205", "+15 vs Mar '25")
    assert shown[1] == ("Active on social tools", "61.5%", "+3.5 pp vs Mar '25")
    assert shown[3] == ("Net sentiment", "-12.5", "+0.0 vs Mar '25")
    # the year's totals: January and March
    assert shown[5] == ("Ideas this year", "6", "1 adopted")
    assert shown[6] == ("Signals answered", "3", "of 4 signalled")
    # a year before with data, but not in March: no figure then, rather than no year before
    december = document("2025-12", {"headcount": 1100})
    assert tiles(the_year(None, {"2025-12": december}), "en")[0] == (
        "Employees",
        "1,205",
        "no figure in Mar '25",
    )
    dutch = tiles(the_year(None), "nl")
    assert dutch[0] == ("Medewerkers", "1.205", "geen jaar eerder")
    assert dutch[4] == ("E-mail per persoon per dag", "8,61", "geen jaar eerder")


def test_the_years_totals_are_set_against_the_same_months_a_year_earlier():
    january, march = (
        document(m, {"yields.ideas": 1, "yields.responded": 0}) for m in ("2025-01", "2025-03")
    )
    shown = tiles(the_year(march, {"2025-01": january, "2025-03": march}), "en")
    assert shown[5] == ("Ideas this year", "6", "1 adopted · +4 vs 2025")  # 6 - (1 + 1)
    assert shown[6] == ("Signals answered", "3", "of 4 signalled · +3 vs 2025")
    # half a year before is no year to compare with
    shown = tiles(the_year(march, {"2025-03": march}), "en")
    assert shown[5] == ("Ideas this year", "6", "1 adopted")


def test_the_five_lines_name_the_largest_moves_the_longest_red_and_the_least_reached():
    lines = five_lines(the_year(None), "en")
    assert lines[0] == (
        "Largest rise: Usage of Slack, from 30.0% in January 2026 to 45.0% in March 2026 "
        "(+15.0 pp)."
    )
    assert lines[1] == (
        "Largest fall: Active on social tools, from 70.0% in January 2026 to 61.5% in March "
        "2026 (-8.5 pp)."
    )
    assert red_months(the_year(None)) == {"parkeren": 2, "werkdruk": 1}
    assert lines[2] == "Red longest: parkeren (2 of 2 months)."
    assert lines[3] == (
        "Adoption: Slack 12.0% of the employees (early adopters, ambition level Informing)."
    )
    assert lines[4] == "Reached least: department Werf at 54.9%, against 70.0% organisation-wide."


def test_one_month_has_no_rise_or_fall_yet():
    year = Year(2026, {"2026-03": document("2026-03", MARCH)})
    assert five_lines(year, "en")[:2] == [
        "One month with data: no rise or fall to see yet.",
        "No issue was red this year.",
    ]


def test_each_rule_of_the_method_gives_its_advice_at_its_limit():
    given = {a.rule: a for a in advice(the_year(None), "en", Limits())}
    assert list(given) == [
        "phase",
        "ambition_level",
        "concentration",
        "segment",
        "red_issue",
        "silo",
    ]
    assert given["phase"].trigger == ("Slack 12.0% of the employees ever used it (early adopters)")
    assert given["ambition_level"].trigger == (
        "ambition level Informing: Slack (reach 12.0%, visit 60.0%, contribute 2.0%)"
    )
    assert given["concentration"].trigger == (
        "18.0% of the writers write 80% of the messages (limit 20.0%)"
    )
    assert given["segment"].trigger == (
        "department Werf 54.9%, department ICT 55.0% active beyond e-mail, against 70.0% "
        "organisation-wide (15 pp or more apart)"
    )
    assert given["red_issue"].trigger == "red in March 2026: parkeren (-35.5), werkdruk"
    assert given["silo"].trigger == (
        "ties that stay inside the department: Werf 80.0% (limit 80.0%)"
    )
    stricter = Limits(concentration_pct=17.9, segment_gap_points=15.2, silo_pct=80.1)
    assert {a.rule for a in advice(the_year(None), "en", stricter)} == {
        "phase",
        "ambition_level",
        "red_issue",
    }


def test_the_monitor_of_the_year_before_is_set_beside_this_one():
    """2025 had only December: its levels, its sum, its five lines and which advice stays,
    is new or is gone, matched by rule and focus."""
    from pipelines.report.yearly.comparison import advice_groups, compare

    december = {
        **MARCH,
        "headcount": 1100,
        "social_active_pct": 40.0,
        "yields.ideas": 7,
        "adoption.slack.adopters_pct": 2.0,
        "adoption.slack.phase": "innovators",  # early adopters in 2026: gone and new
        "participation.all.pct_for_80": 30.0,  # above the 20% limit: no advice then
        "network.silo.Werf": 50.0,  # no silo then
    }
    earlier = {"2025-12": document("2025-12", december, [issue("parkeren", "red")])}
    assert compare(the_year(None), "en") is None  # no year before: no comparison
    compared = compare(the_year(None, earlier), "en")
    assert (compared.before, compared.year) == (2025, 2026)
    assert compared.periods == (
        "Period 2025-12 (1 month with data)",
        "Period 2026-01 – 2026-03 (2 months with data)",
    )
    assert compared.rows == [
        ("Employees", "1,100", "1,205"),
        ("Active on social tools", "40.0%", "61.5%"),
        ("Engagement", "55.0", "55.0"),
        ("Net sentiment", "-12.5", "-12.5"),
        ("E-mail per person per day", "8.61", "8.61"),
        ("Ideas this year", "7", "6"),  # December alone; January 2 + March 4
        ("Signals answered", "2", "3"),
    ]
    assert compared.lines_then[:2] == [  # one month: no rise or fall yet
        "One month with data: no rise or fall to see yet.",
        "Red longest: parkeren (1 of 1 months).",
    ]
    assert compared.lines_then[2] == (
        "Adoption: Slack 2.0% of the employees (innovators, ambition level Informing)."
    )
    groups = dict(advice_groups(compared, "en"))
    kept = [triggers for _, triggers in groups["advice_kept"]]
    assert [t[0][1].split(":")[0] for t in kept] == [
        "ambition level Informing",
        "department Werf 54.9%, department ICT 55.0% active beyond e-mail, against 70.0% "
        "organisation-wide (15 pp or more apart)",
        "red in March 2026",
    ]
    assert kept[2] == [
        ("now", "red in March 2026: parkeren (-35.5), werkdruk"),
        ("in 2025", "red in December 2025: parkeren"),
    ]
    new = [triggers[0][1] for _, triggers in groups["advice_new"]]
    assert new == [
        "Slack 12.0% of the employees ever used it (early adopters)",
        "18.0% of the writers write 80% of the messages (limit 20.0%)",
        "ties that stay inside the department: Werf 80.0% (limit 80.0%)",
    ]
    assert groups["advice_gone"] == [
        (
            "find the innovators and pioneers and help them on their way; do not yet try to "
            "convince those who do not see the value",
            [("in 2025", "Slack 2.0% of the employees ever used it (innovators)")],
        )
    ]
