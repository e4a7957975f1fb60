"""The yearly Social Network Monitor: twelve months of every figure with the year-on-year
change, one section per audit area of the method, and an appendix of every figure with its
lineage. A multi-page PDF (plotnine pages) and one self-contained HTML page."""

from __future__ import annotations

import base64
import html
import io
import json
import textwrap
from datetime import timedelta
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from plotnine import (  # noqa: E402
    aes,
    annotate,
    element_blank,
    element_text,
    facet_wrap,
    geom_line,
    geom_point,
    ggplot,
    labs,
    scale_x_discrete,
    scale_y_continuous,
    theme,
    xlim,
    ylim,
)

from ..months import add_months, parse_month  # noqa: E402
from . import audit, evidence, heartbeat, i18n, network_picture  # noqa: E402
from .catalogue import UnknownFigure, catalogue  # noqa: E402
from .charts import ACCENT, FONT, base_theme, no_data_panel  # noqa: E402
from .figures import NoDataForMonth, build_figures  # noqa: E402

# the method's yearly audit areas (seeds 001 step 2 and 5), each a section of the catalogue
AUDIT_AREAS = ("organisation", "people", "tools", "networks", "issues", "yields", "output")
PANELS_PER_PAGE = 12


def collect(con, year: int, run_id: str, code_version: str, organisation: str) -> dict:
    """figures.json documents of every month of the year with data (and December before)."""
    documents = {}
    for offset in range(-1, 12):
        month = f"{add_months(parse_month(f'{year}-01'), offset):%Y-%m}"
        try:
            documents[month] = build_figures(con, month, run_id, code_version, organisation)
        except NoDataForMonth:
            continue
    if not any(m.startswith(str(year)) for m in documents):
        raise NoDataForMonth(f"no figures for any month of {year}")
    return documents


def series(documents: dict, year: int) -> pd.DataFrame:
    rows = []
    for month, document in documents.items():
        if not month.startswith(str(year)):
            continue
        for figure_id, value in numeric_figures(document).items():
            rows.append((figure_id, month, float(value)))
    return pd.DataFrame(rows, columns=["id", "month", "value"])


def numeric_figures(document: dict) -> dict[str, float]:
    """Every figure with a number, the top-10 issues unfolded into one series per issue."""
    out = {}
    for figure in document["figures"]:
        value = figure["value"]
        if figure["id"] == "issues.top10":
            for issue in value or []:
                out[f"issues.{issue['issue']}.messages"] = issue["messages"]
                if issue["net_sentiment"] is not None:
                    out[f"issues.{issue['issue']}.net_sentiment"] = issue["net_sentiment"]
        elif value is not None and not isinstance(value, bool) and isinstance(value, int | float):
            out[figure["id"]] = value
    return out


def _entry_of(figure_id: str):
    """The catalogue entry of a series; the unfolded top-10 series belong to the list."""
    try:
        return catalogue().find(figure_id)
    except UnknownFigure:
        if figure_id.startswith("issues."):
            return catalogue()["issues.top10"], {}
        raise


def label(figure_id: str, language: str) -> str:
    """A series as the report names it: its catalogue label ('Writers (Slack)')."""
    entry, parts = _entry_of(figure_id)
    if figure_id != entry.figure_id(parts):  # issues.<issue>.messages / .net_sentiment
        issue, measure = figure_id[len("issues.") :].rsplit(".", 1)
        return i18n.text(language, f"issue_{measure}", issue=issue)
    return entry.label(language, parts)


def year_on_year(con, documents: dict, year: int, run_id, code_version, organisation) -> dict:
    """Last month of the year vs the same month a year earlier, per numeric figure."""
    last = max(m for m in documents if m.startswith(str(year)))
    try:
        before = build_figures(
            con, f"{int(last[:4]) - 1}{last[4:]}", run_id, code_version, organisation
        )
    except NoDataForMonth:
        return {}
    earlier = numeric_figures(before)
    return {
        figure_id: now - earlier[figure_id]
        for figure_id, now in numeric_figures(documents[last]).items()
        if figure_id in earlier
    }


def section_plot(
    data: pd.DataFrame,
    order: list[str],
    title: str,
    language: str,
    changes: dict,
    answer: tuple[str, str],
):
    """Twelve months of up to PANELS_PER_PAGE figures, each panel named with its change on a
    year earlier."""
    months = sorted(data["month"].unique())
    yoy = i18n.text(language, "yoy")
    names = {
        i: f"{textwrap.fill(label(i, language), 44)}\n"
        f"{yoy} {shown(changes.get(i), language, sign=True)}"
        for i in order
    }
    data = data.assign(
        panel=pd.Categorical([names[i] for i in data["id"]], categories=list(names.values()))
    )
    return (
        ggplot(data, aes("month", "value", group="id"))
        + geom_line(  # a line needs two months; a single month is a point
            data=lambda d: d[d.groupby("id")["id"].transform("size") > 1], color=ACCENT
        )
        + geom_point(color=ACCENT, size=1)
        + facet_wrap("panel", scales="free_y", ncol=4)
        + labs(
            title=title,
            subtitle=answer[0] + "\n" + textwrap.fill(answer[1], 150),
            x="",
            y="",
        )
        + base_theme()
        + theme(
            figure_size=(11.69, 8.27),
            plot_subtitle=element_text(size=8.5),
            strip_text=element_text(size=6.5),
            axis_text_x=element_text(size=5, rotation=90),
            axis_text_y=element_text(size=6),
        )
        + scale_x_discrete(limits=months)
        + scale_y_continuous(labels=lambda v: [shown(x, language) for x in v])
    )


def cover_plot(title: str, lines: list[str]):
    """The first page: what the monitor covers and the headline figures of the year."""
    plot = ggplot(pd.DataFrame({"x": [0.0], "y": [0.0]}), aes("x", "y"))
    for i, line in enumerate(lines):
        plot += annotate(
            "text", x=0.02, y=0.92 - i * 0.06, label=line, ha="left", size=10, family=FONT
        )
    return (
        plot
        + xlim(0, 1)
        + ylim(0, 1)
        + labs(title=title)
        + base_theme()
        + theme(
            figure_size=(11.69, 8.27),
            axis_text=element_blank(),
            axis_title=element_blank(),
            panel_grid=element_blank(),
        )
    )


HEADLINES = (
    "headcount",
    "social_active_pct",
    "yields.engagement_index",
    "participation.all.net_sentiment",
    "participation.all.pct_for_80",
    "yields.email_sent_per_person_per_day",
    "yields.ideas",
    "yields.acted_on",
)


def _save(pdf: PdfPages, plot) -> str:
    """Draw the page once: into the PDF, and as a base64 PNG for the HTML page."""
    figure = plot.draw()
    pdf.savefig(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, metadata={"Software": None})
    matplotlib.pyplot.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


def shown(value, language: str, sign: bool = False) -> str:
    """Whole numbers without decimals (1.205 people), others with one (8,6 e-mails)."""
    if value is None:
        return "–"
    decimals = 0 if float(value).is_integer() else 1
    return i18n.number(value, language, decimals, sign=sign)


def _section_ids(data: pd.DataFrame, section: str) -> list[str]:
    """The series of a section, grouped by mart in catalogue order (usage before the funnel)."""
    models = catalogue().models()
    ids = [i for i in data["id"].unique() if section in _entry_of(i)[0].sections]
    return sorted(ids, key=lambda i: (models.index(_entry_of(i)[0].model), i))


def render_yearly(
    con, year: int, language: str, organisation: str, run_id: str, code_version: str, folder: Path
) -> dict[str, Path]:
    documents = collect(con, year, run_id, code_version, organisation)
    data = series(documents, year)
    changes = year_on_year(con, documents, year, run_id, code_version, organisation)
    months = sorted(m for m in documents if m.startswith(str(year)))
    last = months[-1]
    answered = audit.answers(documents, year, changes, language)
    latest = numeric_figures(documents[last])
    t = lambda key, **kw: i18n.text(language, key, **kw)  # noqa: E731
    folder.mkdir(parents=True, exist_ok=True)
    pdf_path, html_path = folder / "monitor.pdf", folder / "monitor.html"
    title = f"{t('title')} {year} · {organisation}"
    headline_lines = [
        t("yearly_period", first=months[0], last=last, n=len(months)),
        t("yearly_run", run=run_id[:8], version=code_version),
        "",
        *(
            f"{label(i, language)}: {shown(latest.get(i), language)}   "
            f"({t('yoy')} {shown(changes.get(i), language, sign=True)})"
            for i in HEADLINES
        ),
    ]
    head = "".join(
        f"<tr><td>{html.escape(label(i, language))}</td><td>{shown(latest.get(i), language)}</td>"
        f"<td>{shown(changes.get(i), language, sign=True)}</td></tr>"
        for i in HEADLINES
    )
    columns = f"<tr><th>{t('figure')}</th><th>{last}</th><th>{t('yoy')}</th></tr>"
    parts = [
        f"<!doctype html><html lang='{language}'><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><body style='font-family:DejaVu Sans,"
        f"sans-serif;max-width:1100px;margin:auto'><h1>{html.escape(title)}</h1>"
        f"<p>{html.escape(headline_lines[0])}. {html.escape(headline_lines[1])}.</p>"
        f"<table>{columns}{head}</table>"
    ]
    with PdfPages(
        pdf_path, metadata={"CreationDate": None, "Creator": None, "Producer": None}
    ) as pdf:
        _save(pdf, cover_plot(title, headline_lines))
        for area in AUDIT_AREAS:
            section, answer = t(f"section_{area}"), answered[area]
            ids = _section_ids(data, area)
            parts.append(
                f"<h2>{html.escape(section)}</h2><p><strong>{html.escape(answer[0])}</strong>"
                f"<br>{html.escape(answer[1])}</p>"
            )
            if not ids:  # the area keeps its page and says so
                parts.append(f"<p>{t('no_data_year')}</p>")
                page = no_data_panel(f"{section} · {year}", language, t("no_data_year"))
                _save(pdf, page + theme(figure_size=(11.69, 8.27)))
                continue
            pages = [ids[i : i + PANELS_PER_PAGE] for i in range(0, len(ids), PANELS_PER_PAGE)]
            for number, page in enumerate(pages, start=1):
                suffix = f" ({number}/{len(pages)})" if len(pages) > 1 else ""
                plot = section_plot(
                    data[data["id"].isin(page)],
                    page,
                    f"{section} · {year}{suffix}",
                    language,
                    changes,
                    answer,
                )
                parts.append(
                    f"<img alt='{html.escape(section)}' style='width:100%' "
                    f"src='data:image/png;base64,{_save(pdf, plot)}'>"
                )
            rows = "".join(
                f"<tr><td>{html.escape(label(i, language))}</td>"
                f"<td>{shown(latest.get(i), language)}</td>"
                f"<td>{shown(changes.get(i), language, sign=True)}</td></tr>"
                for i in ids
            )
            parts.append(f"<table>{columns}{rows}</table>")
            extra = None
            if area == "networks":  # who answers or mentions whom, per quarter
                caption = t("network_picture_title", year=year)
                extra = network_picture.picture(con, year, language)
                parts.append(_faq_candidates(documents[last], language))
                parts.append(_ambassadors(documents[last], language))
            elif area == "issues":  # when attention peaked, beside the events calendar
                caption = t("heartbeat_title", period=year)
                first, after = parse_month(f"{year}-01"), parse_month(f"{year + 1}-01")
                extra = heartbeat.timeline(con, first, after - timedelta(days=1), caption, language)
            if extra is not None:
                parts.append(
                    f"<img alt='{html.escape(caption)}' style='width:100%' "
                    f"src='data:image/png;base64,{_save(pdf, extra)}'>"
                )
        comparison = folder / "benchmark.json"  # written by `snm benchmark compare`
        if comparison.is_file():
            compared = json.loads(comparison.read_text(encoding="utf-8"))
            parts.append(_benchmark_table(compared, language))
            if compared["ratios"]:
                plot = benchmark_plot(compared, language)
                caption = t("benchmark_title", year=year)
                parts.append(
                    f"<img alt='{html.escape(caption)}' style='width:100%' "
                    f"src='data:image/png;base64,{_save(pdf, plot)}'>"
                )
    parts.append(_sentiment_evidence(documents[last], language))
    parts.append(_appendix(documents[last], language))
    parts.append("</body></html>")
    html_path.write_text("\n".join(parts), encoding="utf-8")
    return {"pdf": pdf_path, "html": html_path}


def _sentiment_evidence(document: dict, language: str) -> str:
    """The last month's issues and themes with the evidence behind their sentiment."""
    heads = "".join(f"<th>{h}</th>" for h in i18n.text(language, "evidence_columns").split("|"))
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
        for row in evidence.sentiment_rows(document, language)
    )
    title = i18n.text(language, "evidence_title", month=document["month"])
    return f"<h2>{html.escape(title)}</h2><table><tr>{heads}</tr>{rows}</table>"


def _benchmark_table(compared: dict, language: str) -> str:
    """This organisation against the pooled benchmark files, ratio by ratio."""
    t = lambda key, **kw: i18n.text(language, key, **kw)  # noqa: E731
    heads = "".join(f"<th>{h}</th>" for h in t("benchmark_columns").split("|"))
    rows = "".join(
        f"<tr><td>{html.escape(label(ratio, language))}</td><td>{shown(r['ours'], language)}</td>"
        f"<td>{shown(r['q1'], language)}</td><td>{shown(r['median'], language)}</td>"
        f"<td>{shown(r['q3'], language)}</td><td>{r['organisations']}</td>"
        f"<td>{t('benchmark_' + r['position'])}</td></tr>"
        for ratio, r in compared["ratios"].items()
    )
    note = t("benchmark_note", bands=", ".join(compared["pool_size_bands"]) or "–")
    return (
        f"<h2>{html.escape(t('benchmark_title', year=compared['year']))}</h2><p>{note}</p>"
        f"<table><tr>{heads}</tr>{rows}</table>"
    )


def benchmark_plot(compared: dict, language: str):
    """Per ratio, the pool's middle half (Q1 to Q3) as a bar, its median as a tick and this
    organisation as a dot."""
    from plotnine import geom_segment

    rows = [
        (textwrap.fill(label(ratio, language), 38), r["q1"], r["median"], r["q3"], r["ours"])
        for ratio, r in compared["ratios"].items()
    ]
    data = pd.DataFrame(rows, columns=["ratio", "q1", "median", "q3", "ours"])
    data["ratio"] = pd.Categorical(data["ratio"], categories=list(data["ratio"]))
    data["y"] = 0.0
    return (
        ggplot(data)
        + geom_segment(aes(x="q1", xend="q3", y="y", yend="y"), color="#9ca3af", size=4)
        + geom_point(aes(x="median", y="y"), shape="|", size=8, color="#374151")
        + geom_point(aes(x="ours", y="y"), color=ACCENT, size=3)
        + facet_wrap("ratio", scales="free_x", ncol=3)
        + labs(
            title=i18n.text(language, "benchmark_title", year=compared["year"]),
            caption=i18n.text(language, "benchmark_caption"),
            x="",
            y="",
        )
        + base_theme()
        + theme(
            figure_size=(11.69, 8.27),
            axis_text_y=element_blank(),
            strip_text=element_text(size=7),
            axis_text_x=element_text(size=6),
        )
    )


def _faq_candidates(document: dict, language: str) -> str:
    """The last month's questions that drew the most colleagues: material for a FAQ list."""
    figure = next((f for f in document["figures"] if f["id"] == "faq.candidates"), None)
    candidates = (figure or {}).get("value") or []
    title = i18n.text(language, "faq_title", month=document["month"])
    if not candidates:
        return f"<h3>{html.escape(title)}</h3><p>{i18n.text(language, 'faq_none')}</p>"
    heads = "".join(f"<th>{h}</th>" for h in i18n.text(language, "faq_columns").split("|"))
    rows = "".join(
        f"<tr><td>{html.escape(c['theme'])}</td><td>{c['rank']}</td>"
        f"<td>{html.escape(c['first_line'] or i18n.text(language, 'faq_text_gone'))}</td>"
        f"<td>{c['distinct_repliers']}</td><td>{c['replies']}</td></tr>"
        for c in candidates
    )
    return f"<h3>{html.escape(title)}</h3><table><tr>{heads}</tr>{rows}</table>"


def _ambassadors(document: dict, language: str) -> str:
    """The last month's first followers and fans: by name those who agreed, the others as a
    count per department; what departments below the minimum group size hold, together."""
    values = {f["id"]: f["value"] for f in document["figures"]}
    named = values.get("ambassadors.named") or []
    unnamed = values.get("ambassadors.unnamed") or []
    title = i18n.text(language, "ambassadors_title", month=document["month"])
    if not (values.get("ambassadors.first_followers") or values.get("ambassadors.fans")):
        return f"<h3>{html.escape(title)}</h3><p>{i18n.text(language, 'ambassadors_none')}</p>"
    parts = [f"<h3>{html.escape(title)}</h3>"]
    if named:
        heads = "".join(
            f"<th>{h}</th>" for h in i18n.text(language, "ambassadors_columns").split("|")
        )
        rows = "".join(
            f"<tr><td>{i18n.role_name(a['role'], language)}</td>"
            f"<td>{html.escape(a['display_name'])}</td><td>{html.escape(a['department'])}</td>"
            f"<td>{html.escape(a['tool'] or '')}</td><td>{shown(a['degree'], language)}</td>"
            f"<td>{shown(a['responses_received'], language)}</td></tr>"
            for a in named
        )
        parts.append(f"<table><tr>{heads}</tr>{rows}</table>")
    counts = []
    for role, total in (
        ("first_follower", values.get("ambassadors.first_followers") or 0),
        ("fan", values.get("ambassadors.fans") or 0),
    ):
        shown_here = [u for u in unnamed if u["role"] == role]
        listed = ", ".join(f"{html.escape(u['department'])} {u['unnamed']}" for u in shown_here)
        # people, not rows: a first follower of two tools is named once
        named_people = len({a["display_name"] for a in named if a["role"] == role})
        hidden = total - named_people - sum(u["unnamed"] for u in shown_here)
        if hidden > 0:
            more = i18n.text(language, "ambassadors_hidden", n=hidden)
            listed = f"{listed}; {more}" if listed else more
        if listed:
            counts.append(f"{i18n.role_name(role, language)}: {listed}")
    if counts:
        text = i18n.text(language, "ambassadors_unnamed", counts="; ".join(counts))
        parts.append(f"<p>{text}</p>")
    return "".join(parts)


def _appendix(document: dict, language: str) -> str:
    rows = []
    for figure in document["figures"]:
        lineage = figure["lineage"]
        files = "<br>".join(
            f"{html.escape(f['name'])} ({f['sha256'][:12]}…, {f['rows_used']} rows)"
            for f in lineage["source_files"]
        )
        value = html.escape(str(figure["value"]))
        rows.append(
            f"<tr><td>{html.escape(label(figure['id'], language))}<br>"
            f"<code>{html.escape(figure['id'])}</code></td><td>{value}</td>"
            f"<td>{lineage['dbt_model']}.{html.escape(lineage['column'])}</td>"
            f"<td>{files}</td></tr>"
        )
    return (
        f"<h2>{i18n.text(language, 'appendix', month=document['month'])}</h2><table><tr>"
        f"<th>{i18n.text(language, 'figure')}</th><th>{i18n.text(language, 'value')}</th>"
        "<th>dbt model.column</th>"
        f"<th>{i18n.text(language, 'source_files')}</th></tr>{''.join(rows)}</table>"
    )
