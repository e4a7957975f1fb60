"""Every figure family of the monitor on the fixture month, asserted exactly as computed by
hand in tests/fixtures/small_inbox/EXPECTED.md ("The other figures of February 2026")."""

import json

import pytest


@pytest.fixture(scope="module")
def figures(fixture_run):
    env, result = fixture_run
    assert result.success
    document = json.loads((env.out / "2026-02" / "figures.json").read_text())
    return {f["id"]: f for f in document["figures"]}


def values(figures, prefix):
    return {k[len(prefix) :]: f["value"] for k, f in figures.items() if k.startswith(prefix)}


def test_participation(figures):
    assert values(figures, "participation.all.") == {
        "contributors": 3,
        "top20_share_pct": 50.0,
        "pct_for_80": 100.0,
        "gini": 0.167,
        "lurkers_pct": 0.0,
        "occasional_pct": 100.0,
        "heavy_pct": 0.0,
        "net_sentiment": 75.0,  # 3 of anna's, carla's, dirk's and anna's messages are positive
    }
    expected_sentiment = {"viva_engage": 100.0, "slack": 50.0}
    for platform in ("viva_engage", "slack"):
        assert values(figures, f"participation.{platform}.") == {
            "contributors": 2,
            "top20_share_pct": 50.0,
            "pct_for_80": 100.0,
            "gini": 0.0,
            "lurkers_pct": 0.0,
            "occasional_pct": 100.0,
            "heavy_pct": 0.0,
            "net_sentiment": expected_sentiment[platform],
        }
    # active on a social tool (not e-mail, not Teams): anna, carla, dirk of 5
    assert figures["social_active_pct"]["value"] == 60.0


def test_funnel_and_ambition_level(figures):
    assert values(figures, "funnel.viva_engage.") == {
        "reach": 40.0,
        "visit": 100.0,
        "view": 0.0,
        "interact": 50.0,
        "contribute": 50.0,
    }
    assert values(figures, "funnel.slack.") == {
        "reach": 40.0,
        "visit": 100.0,
        "view": None,
        "interact": 50.0,
        "contribute": 50.0,
    }
    assert values(figures, "funnel.intranet.") == {
        "reach": 40.0,
        "visit": 50.0,
        "view": 0.0,
        "interact": 0.0,
        "contribute": 0.0,
    }
    assert values(figures, "ambition_level.") == {
        "intranet": "informing",
        "slack": "co_creating",
        "viva_engage": "co_creating",
    }


def test_reach_by_segment_with_suppression(figures):
    assert values(figures, "reach.") == {
        "department.Communicatie": 100.0,
        "department.ICT": 66.7,
        "location.Stadhuis": 100.0,
        "location.Werf": 66.7,
        "role_type.frontline": 100.0,
        "role_type.office": 66.7,
        "age_band.25-34": None,
        "age_band.35-44": None,
        "age_band.45-54": 100.0,
    }
    suppressed = figures["reach.age_band.25-34"]
    assert suppressed["suppressed"] is True and suppressed["shown_as"] == "< 2"
    # 5 employees - 45-54 (2) - 35-44 (2) would give eva away: 35-44 is hidden with her
    complement = figures["reach.age_band.35-44"]
    assert complement["suppressed"] is True and complement["shown_as"] == "–"
    assert figures["reach.age_band.45-54"]["suppressed"] is False


def test_themes(figures):
    assert values(figures, "themes.Welkom.") == {
        "messages": 2,
        "threads_started": 1,
        "contributors": 2,
        "participants": 2,
        "response_rate_pct": 100.0,
        "growth_pct": 100.0,
        "net_sentiment": 100.0,
        "active_communities": 1,
        "is_successful": False,
    }
    assert values(figures, "themes.Server.") == {
        "messages": 1,
        "threads_started": 1,
        "contributors": 1,
        "participants": 2,
        "response_rate_pct": 100.0,
        "growth_pct": None,
        "net_sentiment": None,  # one contributor: fewer than min_group_size 2, no mood shown
        "active_communities": 0,
        "is_successful": False,
    }


def test_theme_sentiment_comes_with_its_evidence(figures):
    # anna's "Welkom allemaal!" (welkom 0.4) and carla's "Dank je! ..." (dank 0.5) both read
    # positive (0.4389 and 0.5093 >= 0.35); 90% margin with one pseudo-message per class:
    # p = 3/5, n = 1/5, se = sqrt((4/5 - (2/5)^2) / 5) = 0.3578, x 164.5 = 58.9 points
    assert figures["themes.Welkom.net_sentiment"]["evidence"] == {
        "positive": 2,
        "negative": 0,
        "neutral": 0,
        "interval_90": [41.1, 100.0],
        "words_positive": ["dank", "welkom"],
        "words_negative": [],
    }
    assert "evidence" not in figures["themes.Server.net_sentiment"]


def test_issues_top10(figures):
    assert figures["issues.top10"]["value"] == [
        {
            "rank": 1,
            "issue": "server",
            "messages": 1,
            "net_sentiment": None,  # one person: fewer than min_group_size 2, volume only
            "light": "grey",
            "light_is_firm": None,
            "trend": "new",
            "evidence": None,
        },
    ]


def test_yields(figures):
    assert values(figures, "yields.") == {
        "email_sent_per_person_per_day": 2.67,
        "email_change_vs_baseline_pct": 6.0,
        "email_change_vs_year_ago_pct": None,
        "ideas": 2,
        "ideas_adopted": 0,
        "engagement_index": 62.5,
        "engagement_change_vs_previous_wave": None,
        "survey_response_rate_pct": 40.0,
        "signalled": 1,
        "responded": 1,
        "acted_on": 1,
        "median_days_to_response": 7.0,
    }


def test_adoption_phase(figures):
    tools = ("intranet", "slack", "teams", "viva_engage")
    assert values(figures, "adoption.") == {
        **{f"{tool}.adopters_pct": 40.0 for tool in tools},
        **{f"{tool}.phase": "early_majority" for tool in tools},
        **{f"{tool}.{fit}": None for tool in tools for fit in ("bass_p", "bass_q")},
        **{f"{tool}.forecast_pct": None for tool in tools},
    }
    assert figures["adoption.teams.forecast_pct"]["status"] == "not_enough_history"


def test_faq_candidates_are_questions_colleagues_answered_with_their_first_line_scrubbed(figures):
    # dirk's Slack thread asks ("Vragen?") and anna answered; anna's Welkom thread asks nothing
    assert figures["faq.candidates"]["value"] == [
        {
            "theme": "Server",
            "rank": 1,
            "platform": "slack",
            "community": "general",
            "distinct_repliers": 1,
            "replies": 1,
            "first_line": "Goedemorgen [@], de server is weer up. Vragen? Mail [naam] via [e-mail]",
        }
    ]
    files = figures["faq.candidates"]["lineage"]["source_files"]
    assert [(f["name"], f["rows_used"]) for f in files] == [("slack_export_2026-02.zip", 1)]


def test_heartbeat_has_no_spike_without_four_weeks_before(figures):
    # the fixture's messages span 3 days of February and one of January: no day has the
    # 28 days before it that a spike is measured against
    assert values(figures, "heartbeat.") == {"spikes": 0, "subjects_spiking": 0}


def test_network(figures):
    assert values(figures, "network.") == {
        "people": 3,
        "ties": 2,
        "cross_department_pct": 100.0,
        "silo.Communicatie": 0.0,
        "silo.ICT": 0.0,
    }
    files = figures["network.ties"]["lineage"]["source_files"]
    assert [(f["name"], f["rows_used"]) for f in files] == [
        ("export_2026-02", 1),
        ("slack_export_2026-02.zip", 2),
    ]


def test_network_per_person_is_pseudonymous_with_degree_and_betweenness(fixture_run):
    import duckdb

    env, _ = fixture_run
    with duckdb.connect(str(env.warehouse), read_only=True) as con:
        rows = con.execute(
            "select department, degree, cross_department_pct, betweenness"
            " from marts.fct_network_people_monthly where month = '2026-02'"
            " order by degree desc, department"
        ).fetchall()
    assert rows == [("Communicatie", 2, 100.0, 1.0), ("ICT", 1, 100.0, 0.0), ("ICT", 1, 100.0, 0.0)]


def test_ambassadors_are_named_only_with_consent(figures, fixture_run):
    """EXPECTED.md: no tool's data begins low enough to tell its first followers; dirk and
    anna drew responses; anna agreed to be named, dirk is counted; bert's name came with
    'nee' and was never stored."""
    assert values(figures, "ambassadors.") == {
        "first_followers": 0,
        "fans": 2,
        "named": [
            {
                "role": "fan",
                "tool": None,
                "display_name": "Anna Jansen",
                "department": "Communicatie",
                "degree": 2,
                "responses_received": 1,
            }
        ],
        "unnamed": [{"department": "ICT", "role": "fan", "unnamed": 1}],
    }
    env, _ = fixture_run
    names = env.rows(
        "select ambassador_consent, display_name from raw.roster"
        " where display_name is not null or ambassador_consent is not null order by 1"
    )
    assert names == [(False, None), (True, "Anna Jansen")]


def test_identity_coverage(figures):
    assert values(figures, "identity_coverage.") == {
        "m365_email": 83.3,
        "m365_teams": 75.0,
        "viva_engage_export": 66.7,
        "slack_export": 100.0,
        "activity": 50.0,
    }
    below = {k for k, f in figures.items() if f.get("below_threshold")}
    assert below == {
        "identity_coverage.m365_email",
        "identity_coverage.m365_teams",
        "identity_coverage.viva_engage_export",
        "identity_coverage.activity",
    }


def test_every_figure_has_lineage_to_files(figures):
    for figure_id, figure in figures.items():
        lineage = figure["lineage"]
        assert lineage["dbt_model"].startswith("fct_") and lineage["column"], figure_id
        if figure["value"] not in (None, 0, [], False) and not figure_id.startswith(
            "funnel.slack.view"
        ):
            assert lineage["source_files"], figure_id
    engagement = figures["yields.engagement_index"]["lineage"]["source_files"]
    assert [(f["name"], f["rows_used"]) for f in engagement] == [("pulse_2026-02.csv", 2)]


def test_every_figure_is_declared_once_in_the_catalogue(figures):
    """Each figure matches exactly one catalogue entry, whose model, column and unit it carries,
    and lists the source files of the lineage family the catalogue names."""
    from pipelines.report.catalogue import catalogue

    for figure_id, figure in figures.items():
        matching = [e for e in catalogue().figures if e.match(figure_id) is not None]
        assert len(matching) == 1, (figure_id, [e.pattern for e in matching])
        (entry,) = matching
        lineage = figure["lineage"]
        assert (lineage["dbt_model"], lineage["column"], figure["unit"]) == (
            entry.model,
            entry.column,
            entry.unit,
        )
    funnel = figures["funnel.slack.contribute"]["lineage"]["source_files"]
    assert funnel == figures["tool_usage_pct.slack"]["lineage"]["source_files"]
    assert funnel  # the Slack export's rows
