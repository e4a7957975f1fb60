"""Any mix of sources renders: every source alone, and the demo inbox minus each source. Each
inbox is ingested by the real ingestion code, built by a real dbt run and drawn by the real
report code (monthly infographic and yearly monitor); a part without data says so, and no
figure shows 0 where the truth is "unknown".

The demo is ingested once; each mix is that warehouse with the other sources' raw rows and
registry entries removed, so the cost per mix is one dbt run and the drawing (two at a time).
"""

from __future__ import annotations

import multiprocessing
import re
import shutil
import subprocess
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.demo import generate_demo
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.registry import SOURCES
from pipelines.ingest.store import ingest_source
from tests.dbt_inprocess import run_dbt

MONTH = "2026-10"
# the events calendar names days, not months: alone it has nothing to report, and without it
# every figure is what it was (the fixture has none; the demo's is drawn by test_demo)
SOURCE_NAMES = [s.name for s in SOURCES if s.name != "events"]
MIXES = {f"only {s}": [s] for s in SOURCE_NAMES} | {
    f"without {s}": [o for o in SOURCE_NAMES if o != s] for s in SOURCE_NAMES
}
NO_DATA = "geen gegevens voor dit onderdeel deze maand"  # the demo reports in Dutch
# The yearly monitor takes half a minute to draw: it is drawn for the mixes whose audit areas
# lack data, where drawing can go wrong, and for one full year (every audit area, ten months
# of 2026 and the four of 2025 before them); the fixture's two months with every area are
# drawn by tests/e2e/test_fixture_month.py and tests/e2e/test_report_text.py.
FULL_YEAR = "without actions"
YEARLY_MIXES = [name for name in MIXES if name.startswith("only ")] + ["without roster", FULL_YEAR]


def pdf_text(path: Path) -> str:
    """The PDF's text on one line."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    return " ".join(text.split())


def _draw(name: str, keep: list[str], base: Path, config: Path, out: Path) -> dict:
    """One mix, or the traceback of what failed in it."""
    try:
        return _draw_mix(name, keep, base, config, out)
    except Exception:
        return {"error": traceback.format_exc()}


def _draw_mix(name: str, keep: list[str], base: Path, config: Path, out: Path) -> dict:
    """One mix: remove the other sources from a copy of the warehouse, build, draw."""
    started = time.monotonic()
    from pipelines.config import load_config
    from pipelines.report.figures import months_with_data
    from pipelines.report.infographic import render
    from pipelines.report.monthly import month_report
    from pipelines.report.yearly import render_yearly

    folder = out / name.replace(" ", "_")
    folder.mkdir(parents=True)
    warehouse = folder / "warehouse.duckdb"
    shutil.copy(base, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        for source in SOURCES:
            if source.name not in keep:
                for layout in source.layouts:
                    con.execute(f"delete from raw.{layout.table}")
                con.execute("delete from raw.inbox_files where source = ?", [source.name])
    run_dbt(["run"], warehouse, config)
    settings = load_config(config)
    with duckdb.connect(str(warehouse)) as con:
        month = months_with_data(con)[-1]  # a survey alone speaks for the months of its waves
        report = month_report(con, month, settings, "matrix")
        paths = render(report, settings.language, settings.trend_months, folder)
        yearly = None
        if name in YEARLY_MIXES:
            yearly = render_yearly(con, 2026, settings.language, "Org", "matrix", "-", folder)
    return {
        "warehouse": warehouse,
        "document": report.document,
        "text": pdf_text(paths["pdf"]),
        "yearly_text": pdf_text(yearly["pdf"]) if yearly else "",
        "yearly": yearly,
        "png": paths["png"],
        "seconds": time.monotonic() - started,
    }


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """Every mix drawn, by name."""
    root = tmp_path_factory.mktemp("matrix")
    demo = generate_demo(root / "demo", last_month=date(2026, 10, 1), employees=150)
    base = root / "base.duckdb"
    with duckdb.connect(str(base)) as con:
        for source in SOURCES:
            ingest_source(con, source, demo.inbox, Pseudonymiser("matrix-key"), "matrix")
    run_dbt(["seed"], base, demo.config)
    with duckdb.connect(str(base)) as con:
        con.execute("checkpoint")  # the copies must hold the seeds (dbt keeps base open)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=2, mp_context=context) as pool:
        futures = {
            name: pool.submit(_draw, name, keep, base, demo.config, root / "out")
            for name, keep in MIXES.items()
        }
        return {name: future.result() for name, future in futures.items()}


def figures(result: dict) -> dict:
    return {f["id"]: f for f in result["document"]["figures"]}


@pytest.mark.parametrize("name", list(MIXES))
def test_every_mix_draws_the_infographic_and_the_yearly_monitor(drawn, name):
    result = drawn[name]
    assert "error" not in result, result.get("error")
    assert result["png"].stat().st_size > 50_000
    if name in YEARLY_MIXES:
        assert result["yearly"]["pdf"].exists() and result["yearly"]["html"].exists()
    for figure_id, figure in figures(result).items():
        if figure_id.startswith("tool_usage_pct.") and figure["value"] is None:
            assert figure["status"] in ("no_source", "unmatched"), figure_id


def expected_no_data_parts(keep: list[str]) -> int:
    """Parts that say "no data": usage and its trend, funnel, participation curve, issues,
    themes, reach (7). Without a roster nobody is an employee, so only the usage bars remain,
    each saying that nobody matched; with a roster and every other source, none."""
    if "roster" not in keep:
        return 7 if set(keep) <= {"roster", "survey", "actions"} else 6
    return 7 if keep == ["roster"] else 0


@pytest.mark.parametrize("name", list(MIXES))
def test_parts_without_data_say_so(drawn, name):
    assert drawn[name]["text"].count(NO_DATA) == expected_no_data_parts(MIXES[name])


def test_audit_areas_without_data_keep_their_page_in_the_yearly_monitor(drawn):
    """Seven audit areas, each on its page with its charts; each chart without data says so.
    A roster alone gives the organisation its headcount (not who matched it: no activity
    source); without a roster an e-mail report says who matched the roster (nobody) and
    nothing else (nobody is an employee)."""
    no_data = "geen gegevens voor dit onderdeel dit jaar"
    sections = [
        "Organisatie",
        "Mensen en segmenten",
        "Tools en infrastructuur",
        "Netwerken en thema's",
        "Issues en sentiment",
        "Opbrengsten",
        "Wat gebeurde er met de output van de netwerken",
    ]
    charts = [2, 2, 2, 4, 3, 3, 2]  # per section (pipelines/report/yearly/sections.py)
    for name in ("only roster", "only m365_email"):
        text = drawn[name]["yearly_text"]
        starts = [
            text.index(f"{section} · 2026") for section in [*sections, "Gegevens en vergelijking"]
        ]
        pages = [text[a:b] for a, b in zip(starts, starts[1:], strict=False)]
        assert [page.count(no_data) for page in pages] == [1, *charts[1:]], name
        # the cover and the contents still speak: no tile and no line is left out
        assert "Het jaar in vijf regels" in text and "Wat nu: advies volgens de methode" in text


@pytest.mark.parametrize("name", list(MIXES))
def test_unknown_is_never_zero(drawn, name):
    keep, values = set(MIXES[name]), {k: f["value"] for k, f in figures(drawn[name]).items()}
    roster = "roster" in keep
    messages = roster and bool(keep & {"viva_engage_export", "slack_export"})
    social = roster and bool(keep & {"viva_engage_usage", "viva_engage_export", "slack_export"})
    social = social or (roster and "activity" in keep)
    assert (values["headcount"] is None) == (not roster)
    assert (values["yields.ideas"] is None) == (not messages)
    assert (values["yields.signalled"] is None) == ("actions" not in keep)
    assert (values["social_active_pct"] is None) == (not social)
    assert (values["yields.email_sent_per_person_per_day"] is None) == (
        not roster or "m365_email" not in keep
    )


@pytest.mark.parametrize("width", [1280, 390])
def test_a_full_years_page_fits_a_laptop_and_a_phone(drawn, width, tmp_path):
    from tests.browser import assert_fits

    assert_fits(drawn[FULL_YEAR]["yearly"]["html"], width, tmp_path)


def test_a_full_year_is_set_beside_the_monitor_of_the_year_before(drawn):
    """The demo begins in September 2025: the monitor of 2026 (ten months) has a page with
    2025's monitor beside it (its last month's levels, its five lines, the advice that stays,
    is new or is gone), before the data page: eleven pages."""
    result = drawn[FULL_YEAR]
    pdf = result["yearly"]["pdf"]
    assert len(re.findall(rb"/Type\s*/Page\b", pdf.read_bytes())) == 11
    text = result["yearly_text"]
    last_area = text.index("Wat gebeurde er met de output van de netwerken · 2026")
    data_page = text.index("Gegevens en vergelijking · 2026")
    assert "Vergeleken met de monitor van 2025" in text[last_area:data_page]
    page = subprocess.run(
        ["pdftotext", "-f", "10", "-l", "10", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
    ).stdout
    assert "2025: Periode 2025-09 – 2025-12 (4 maanden met gegevens)" in page
    assert "2026: Periode 2026-01 – 2026-10 (10 maanden met gegevens)" in page
    with duckdb.connect(str(result["warehouse"]), read_only=True) as con:
        then, now = (
            con.execute(
                "select headcount from marts.fct_headcount_monthly where month = ?", [month]
            ).fetchone()[0]
            for month in ("2025-12", "2026-10")
        )
    assert re.search(rf"^Medewerkers +{then} +{now}$", page, re.MULTILINE), page
    for heading in ("2025 in vijf regels", "Geldt nog steeds", "Nieuw dit jaar", "Geldt niet meer"):
        assert heading in page
    html = result["yearly"]["html"].read_text()
    assert "<h2 id='previous'>Vergeleken met de monitor van 2025</h2>" in html
    assert f"<tr><td>Medewerkers</td><td>{then}</td><td>{now}</td></tr>" in html
