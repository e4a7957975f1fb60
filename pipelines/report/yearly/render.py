"""The yearly Social Network Monitor for the management team: a cover with the year's
headline figures and the year in five lines, the contents with the method's advice, one
section per audit area with its question, its answer and two to four charts, the comparison
with other organisations when one was made; an A4 PDF and one self-contained HTML page with
the same figures, the numbers as tables and an appendix of every figure with its lineage."""

from __future__ import annotations

import html
import json
from pathlib import Path

from ...config import Advice as AdviceLimits
from .. import audit
from . import charts, html_page, html_tables, pages
from .advice import advice
from .comparison import compare
from .cover import cover, period, tiles
from .page import A4_PAGE
from .sections import AUDIT_AREAS, CHARTS, data
from .story import five_lines
from .texts import text
from .year import load_year

WIDE = {"networks": (3,), "issues": (2,)}  # charts drawn across the HTML page: picture, heartbeat


def render_yearly(
    con,
    year: int,
    language: str,
    organisation: str,
    run_id: str,
    code_version: str,
    folder: Path,
    limits: AdviceLimits | None = None,
    expected: tuple[str, ...] = (),
) -> dict[str, Path]:
    """Write monitor.pdf and monitor.html into `folder`; the same warehouse gives the same
    bytes. `limits`: monitor.yml's `advice`; `expected`: its `month_close.expected_sources`.
    Raises NoDataForMonth when no month of the year has figures."""
    the_year = load_year(con, year, run_id, code_version, organisation)
    t = lambda key, **kw: text(language, key, **kw)  # noqa: E731
    title = f"{t('title')} {year} · {organisation}"
    run_period = period(the_year, language)
    run_line = f"{run_period} · {t('yearly_run', run=run_id[:8], version=code_version)}"
    lines = five_lines(the_year, language)
    suggested = advice(the_year, language, limits)
    answered = audit.answers(the_year.documents, year, the_year.changes, language)
    sections = []
    for area in AUDIT_AREAS:
        question, answer = answered[area]
        sections.append(
            (area, t(f"section_{area}"), question, answer, CHARTS[area](the_year, language, con))
        )
    sections.append(("data", t("section_data"), *data(the_year, language, con, expected)))
    compared = compare(the_year, language, limits, suggested)
    others = folder / "benchmark.json"  # written by `snm benchmark compare`
    pool = json.loads(others.read_text(encoding="utf-8")) if others.is_file() else None
    benchmark = charts.benchmark(pool, language) if pool and pool["ratios"] else None

    # the pages, then the contents that point at them
    body = [
        pages.Page(
            section, pages.section_page(f"{section} · {year}", q, a, [c.plot for c in drawn])
        )
        for _, section, q, a, drawn in sections
    ]
    if compared is not None:  # before the data page, which closes the audit areas
        previous = t("section_previous", before=compared.before)
        body.insert(-1, pages.Page(previous, pages.comparison_page(language, previous, compared)))
    if benchmark is not None:
        body.append(pages.Page(benchmark.title, benchmark.plot + A4_PAGE))
    entries = [(page.title, number) for number, page in enumerate(body, start=3)]
    all_pages = [
        pages.Page(title, cover(the_year, language, title, lines, run_line), False),
        pages.Page(t("contents"), pages.contents_page(language, entries, suggested), False),
        *body,
    ]
    folder.mkdir(parents=True, exist_ok=True)
    pdf_path, html_path = folder / "monitor.pdf", folder / "monitor.html"
    pages.write_pdf(all_pages, pdf_path, language, title)

    parts = [
        f"<h1>{html.escape(title)}</h1>",
        f"<p class='subtitle'>{html.escape(t('cover_subtitle', period=run_period))}</p>",
        html_page.tiles(tiles(the_year, language)),
        f"<h2>{html.escape(t('five_lines'))}</h2>{html_page.bullets(lines)}",
        f"<nav><h2>{html.escape(t('contents'))}</h2><ol>"
        + "".join(f"<li><a href='#{area}'>{html.escape(s)}</a></li>" for area, s, *_ in sections)
        + "</ol></nav>",
        f"<h2>{html.escape(t('advice_title'))}</h2><p>{html.escape(t('advice_intro'))}</p>"
        + html_page.advice_list(suggested, language),
    ]
    last = the_year.last
    for area, section, question, answer, drawn in sections:
        if area == "data" and compared is not None:
            parts.append(html_page.comparison(compared, language))
        parts.append(
            f"<h2 id='{area}'>{html.escape(section)}</h2>"
            f"<p class='question'>{html.escape(question)}</p><p>{html.escape(answer)}</p>"
        )
        for number, item in enumerate(drawn):
            parts.append(html_page.chart(item, language, wide=number in WIDE.get(area, ())))
        if area == "networks":
            parts.append(html_tables.faq_candidates(last, language))
            parts.append(html_tables.ambassadors(last, language))
    if pool:
        parts.append(html_tables.benchmark_table(pool, language))
        if benchmark is not None:
            parts.append(html_page.chart(benchmark, language, wide=True))
    parts.append(html_tables.sentiment_evidence(last, language))
    parts.append(html_tables.appendix(last, language))
    parts.append(f"<footer>{html.escape(run_line)}</footer>")
    html_path.write_text(html_page.document(language, title, parts), encoding="utf-8")
    return {"pdf": pdf_path, "html": html_path}
