"""What the monthly infographic prints, read back with pdftotext: every figure it shows equals
figures.json, in the report's language and number format (tests/fixtures/small_inbox,
February 2026; the values are the hand-computed ones of EXPECTED.md)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import duckdb
import pytest

# (figure id, value in figures.json, printed in English, printed in Dutch)
PRINTED = [
    ("headcount", 5, "+0 vs Jan '26", "+0 t.o.v. jan '26"),
    ("social_active_pct", 60.0, "60.0%", "60,0%"),
    ("yields.engagement_index", 62.5, "62.5", "62,5"),
    ("participation.all.net_sentiment", 75.0, "75.0", "75,0"),
    ("tool_usage_pct.email", 60.0, "60.0% (-20.0 pp)", "60,0% (-20,0 %-punt)"),
    ("tool_usage_pct.viva_engage", 40.0, "40.0% (+20.0 pp)", "40,0% (+20,0 %-punt)"),
    ("tool_usage_pct.intranet", 20.0, "20.0% (+0.0 pp)", "20,0% (+0,0 %-punt)"),
    ("funnel.slack.reach", 40.0, "40.0%", "40,0%"),
    ("funnel.slack.visit", 100.0, "100.0%", "100,0%"),
    ("funnel.slack.interact", 50.0, "50.0%", "50,0%"),
    (
        "ambition_level.slack",
        "co_creating",
        "Ambition level: Co-creating",
        "Ambitieniveau: Co-creëren",
    ),
    ("participation.all.pct_for_80", 100.0, "100% write 80% of the messages", "100% schrijft 80%"),
    (
        "participation.all.occasional_pct",
        100.0,
        "lurkers 0% · occasional 100% · heavy 0%",
        "lezers 0% · af en toe 100% · veelschrijvers 0%",
    ),
    ("yields.email_sent_per_person_per_day", 2.67, "2.67", "2,67"),
    ("yields.email_change_vs_baseline_pct", 6.0, "+6.0% vs baseline", "+6,0% t.o.v. basis"),
    ("yields.ideas_adopted", 0, "0 adopted", "0 overgenomen"),
    ("yields.signalled", 1, "1 signalled · 1 acted on", "1 gesignaleerd · 1 opgevolgd"),
    ("yields.median_days_to_response", 7.0, "7.0", "7,0"),
    ("yields.survey_response_rate_pct", 40.0, "survey response 40%", "respons enquête 40%"),
    ("themes.Welkom.response_rate_pct", 100.0, "· 100%", "· 100%"),
    ("reach.department.ICT", 66.7, "67", "67"),
    ("reach.age_band.25-34", None, "25-34 < 2", "25-34 < 2"),  # suppressed, never a number
]


def pdf_text(path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def printed(fixture_run, tmp_path_factory):
    """The infographic as the run wrote it (monitor.yml says English), and the same figures
    drawn in Dutch."""
    from pipelines.report.figures import build_figures, participation_curve, trend
    from pipelines.report.infographic import render
    from pipelines.report.monthly import MonthReport

    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/test.sh does so)")
    env, result = fixture_run
    assert result.success
    month = env.out / "2026-02"
    document = json.loads((month / "figures.json").read_text())
    with duckdb.connect(str(env.warehouse), read_only=True) as con:
        history, curve = trend(con, "2026-02", 6), participation_curve(con, "2026-02")
        previous = build_figures(con, "2026-01", "-", "-", document["organisation"])
    dutch = tmp_path_factory.mktemp("dutch")
    render(MonthReport(document, previous, history, curve), "nl", 6, dutch)
    return {
        "document": document,
        "en": pdf_text(month / "infographic.pdf"),
        "nl": pdf_text(dutch / "infographic.pdf"),
    }


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_printed_figure_equals_figures_json(printed, language):
    values = {f["id"]: f["value"] for f in printed["document"]["figures"]}
    text = printed[language]
    for figure_id, value, english, dutch in PRINTED:
        assert values[figure_id] == value, figure_id
        expected = english if language == "en" else dutch
        assert expected in text, f"{figure_id}: {expected!r} not printed in {language}"
    assert "5" in lines(text)  # the headcount tile


def test_the_english_report_shows_no_dutch_labels(printed):
    dutch_labels = ("Initiatie", "Informeren", "Betrekken", "Co-creëren", "Ambitieniveau")
    assert [label for label in dutch_labels if label in printed["en"]] == []


def test_numbers_are_written_the_languages_way(printed):
    assert not re.search(r"\d\.\d", printed["nl"]), "a decimal point in the Dutch report"
    assert not re.search(r"\d,\d", printed["en"]), "a decimal comma in the English report"
    assert "februari 2026" in printed["nl"] and "February 2026" in printed["en"]


def test_the_footer_names_period_run_and_lineage(printed):
    run = printed["document"]["run_id"][:8]
    assert f"Data 2026-01 – 2026-02 · run {run}" in printed["en"]
    assert f"Gegevens 2026-01 – 2026-02 · run {run}" in printed["nl"]
    assert "Lineage of every figure: 2026-02/figures.json" in printed["en"]
    assert "Herkomst van elk cijfer: 2026-02/figures.json" in printed["nl"]


def test_a_suppressed_segment_prints_no_number(printed):
    for language in ("en", "nl"):
        (line,) = [x for x in lines(printed[language]) if x.startswith("25-34")]
        assert line == "25-34 < 2"
