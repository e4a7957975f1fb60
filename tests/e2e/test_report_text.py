"""What the reports print, read back with pdftotext and a real browser: every figure the
monthly infographic and the yearly monitor show equals figures.json, in the report's language
and number format (tests/fixtures/small_inbox, January and February 2026; the values are the
hand-computed ones of EXPECTED.md), and the yearly HTML page fits a laptop and a phone."""

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


def pdf_text(path, *options: str) -> str:
    result = subprocess.run(["pdftotext", *options, str(path), "-"], capture_output=True, text=True)
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


# The yearly monitor of 2026 (EXPECTED.md, "The yearly monitor"): two months of figures.
YEARLY_COVER = {  # tile caption: (figure, value in figures.json, printed en, printed nl)
    "headcount": ("headcount", 5, "5", "5"),
    "social": ("social_active_pct", 60.0, "60.0%", "60,0%"),
    "engagement": ("yields.engagement_index", 62.5, "62.5", "62,5"),
    "sentiment": ("participation.all.net_sentiment", 75.0, "75.0", "75,0"),
    "email": ("yields.email_sent_per_person_per_day", 2.67, "2.67", "2,67"),
}
YEARLY_TOTALS = {  # the year's sums over its months: January + February
    "yields.ideas": (1 + 2, "3"),
    "yields.ideas_adopted": (0 + 0, "0 adopted"),
    "yields.responded": (0 + 1, "1"),
    "yields.signalled": (0 + 1, "of 1 signalled"),
}
FIVE_LINES = {
    "en": [
        "Largest rise: Viva Engage: interacted, from 0.0% in January 2026 to 50.0% in "
        "February 2026 (+50.0 pp).",
        "Largest fall: Intranet: visited, from 100.0% in January 2026 to 50.0% in February "
        "2026 (-50.0 pp).",
        "No issue was red this year.",
        "Adoption: Intranet 40.0% of the employees (early majority, ambition level Informing); "
        "Slack 40.0% of the employees (early majority, ambition level Co-creating); Teams 40.0% "
        "of the employees (early majority); Viva Engage 40.0% of the employees (early majority, "
        "ambition level Co-creating).",
        "Reached least: department ICT at 66.7%, against 80.0% organisation-wide.",
    ],
    "nl": [
        "Grootste stijging: Viva Engage: gereageerd, van 0,0% in januari 2026 naar 50,0% in "
        "februari 2026 (+50,0 %-punt).",
        "Grootste daling: Intranet: bezocht, van 100,0% in januari 2026 naar 50,0% in februari "
        "2026 (-50,0 %-punt).",
        "Geen issue stond dit jaar op rood.",
        "Adoptie: Intranet 40,0% van de medewerkers (vroege meerderheid, ambitieniveau "
        "Informeren); Slack 40,0% van de medewerkers (vroege meerderheid, ambitieniveau "
        "Co-creëren); Teams 40,0% van de medewerkers (vroege meerderheid); Viva Engage 40,0% "
        "van de medewerkers (vroege meerderheid, ambitieniveau Co-creëren).",
        "Minst bereikt: afdeling ICT met 66,7%, tegen 80,0% in de hele organisatie.",
    ],
}
ADVICE_EN = [
    "Let the pioneers, as ambassadors, win others over, and anchor interaction in existing "
    "processes because: Intranet 40.0%, Slack 40.0%, Teams 40.0%, Viva Engage 40.0% of the "
    "employees ever used it (early majority)",
    "Let more people than Internal Communication and HR post, so Contribute and Interact grow "
    "(towards Involving) because: ambition level Informing: Intranet (reach 40.0%, visit 50.0%, "
    "contribute 0.0%)",
    "Keep the platform central: personalise further and let team leaders and management lead; "
    "a lower View is normal here because: ambition level Co-creating: Slack (reach 40.0%, visit "
    "100.0%, contribute 50.0%); Viva Engage (reach 40.0%, visit 100.0%, contribute 50.0%)",
]
SECTIONS_EN = [
    "Organisation",
    "People and segments",
    "Tools and infrastructure",
    "Networks and themes",
    "Issues and sentiment",
    "Yields",
    "What happened with the networks' output",
    "Data and comparison",
]


@pytest.fixture(scope="module")
def yearly(fixture_run, tmp_path_factory):
    """The yearly monitor of 2026 in English and Dutch, with the figures.json documents of its
    months."""
    from pipelines.report.yearly import render_yearly
    from pipelines.report.yearly.year import collect

    env, _ = fixture_run
    drawn = {}
    with duckdb.connect(str(env.warehouse), read_only=True) as con:
        drawn["documents"] = collect(con, 2026, "run", "code", "Fixture BV")
        for language in ("en", "nl"):
            folder = tmp_path_factory.mktemp(f"yearly-{language}")
            # monitor.yml expecting an events calendar the inbox never had: named as missing
            expected = ("events",) if language == "en" else ()
            paths = render_yearly(
                con, 2026, language, "Fixture BV", "run", "code", folder, None, expected
            )
            drawn[language] = {"text": pdf_text(paths["pdf"]), **paths}
    return drawn


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_yearly_cover_prints_februarys_figures_and_the_years_totals(yearly, language):
    february = {f["id"]: f["value"] for f in yearly["documents"]["2026-02"]["figures"]}
    text = lines(yearly[language]["text"])
    for figure_id, value, english, dutch in YEARLY_COVER.values():
        assert february[figure_id] == value, figure_id
        assert (english if language == "en" else dutch) in text, figure_id
    months = [yearly["documents"][m] for m in ("2026-01", "2026-02")]
    for figure_id, (total, printed) in YEARLY_TOTALS.items():
        values = [next(f["value"] for f in d["figures"] if f["id"] == figure_id) for d in months]
        assert sum(values) == total, figure_id
        if language == "en":
            assert printed in text, figure_id
    no_year = "no year before" if language == "en" else "geen jaar eerder"
    assert text.count(no_year) == 5  # no figures of 2025 to compare with


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_year_in_five_lines_is_written_from_the_figures(yearly, language):
    text = flat(yearly[language]["text"])
    for line in FIVE_LINES[language]:
        assert line in text


def test_the_advice_names_the_figure_that_called_for_it(yearly):
    text = flat(yearly["en"]["text"])
    for advice in ADVICE_EN:
        assert f"• {advice}" in text
    page = yearly["en"]["html"].read_text()
    assert (
        "<li>Let more people than Internal Communication and HR post, so Contribute and "
        "Interact grow (towards Involving)<span class='because'>because: ambition level "
        "Informing: Intranet (reach 40.0%, visit 50.0%, contribute 0.0%)</span></li>"
    ) in page


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_yearly_pdf_is_a4_numbered_with_contents_and_prints_no_id(yearly, language):
    pdf = yearly[language]["pdf"].read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages == 10  # cover, contents with advice, seven audit areas, data and comparison
    assert pdf.count(b"/MediaBox [ 0 0 595.44 841.68 ]") == pages  # A4 portrait
    text = yearly[language]["text"]
    word = "page" if language == "en" else "pagina"
    for number in range(1, pages + 1):
        assert f"{word} {number} {'of' if language == 'en' else 'van'} {pages}" in text
    assert not re.search(r"\b[a-z_]{2,}\.[a-z_]{2,}\b", text), "a figure's id is printed"
    if language == "en":  # the contents on page 2, as laid out: each section and its page
        contents = [
            " ".join(x.split())
            for x in lines(pdf_text(yearly["en"]["pdf"], "-f", "2", "-l", "2", "-layout"))
        ]
        assert contents[: 1 + len(SECTIONS_EN)] == [
            "Contents",
            *(f"{section} {number}" for number, section in enumerate(SECTIONS_EN, start=3)),
        ]


@pytest.mark.parametrize("width", [1280, 390])
def test_the_yearly_page_fits_a_laptop_and_a_phone(yearly, width, tmp_path):
    from tests.browser import assert_fits

    assert_fits(yearly["en"]["html"], width, tmp_path)


def test_the_data_page_names_each_source_missing_in_a_month(yearly):
    """EXPECTED.md: January's files are the roster's, e-mail's, Viva Engage's and the
    intranet's; the events calendar is expected and never came."""
    text = flat(yearly["en"]["text"])
    assert (
        "2 months with data from action register, activity files, e-mail (M365), Teams "
        "(M365), roster, Slack export, survey, Viva Engage export; months "
        "without data from a source that delivered in the year or is expected: action register "
        "(Jan); events calendar (Jan, Feb); Teams (M365) (Jan); Slack export (Jan); survey (Jan)."
    ) in text
    page = yearly["en"]["html"].read_text()
    assert "<tr><td>events calendar</td><td>–</td><td>–</td></tr>" in page


def test_every_yearly_chart_has_alt_text_and_its_numbers_as_a_table(yearly):
    page = yearly["en"]["html"].read_text()
    images = re.findall(r"<img alt='([^']*)' src='data:image/png;base64,", page)
    assert len(images) == len(re.findall(r"<img ", page)) >= 17
    assert all(images), "an image without alt text"
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in page
    # the headcount chart's numbers: one column per month
    assert (
        "<tr><th></th><th>Jan</th><th>Feb</th></tr><tr><td>Employees</td><td>5</td><td>5</td></tr>"
    ) in page
