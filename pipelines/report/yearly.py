"""The yearly Social Network Monitor: twelve months of every figure with the year-on-year
change, one section per audit area of the method, and an appendix of every figure with its
lineage. A multi-page PDF (plotnine pages) and one self-contained HTML page."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from plotnine import (  # noqa: E402
    aes,
    element_text,
    facet_wrap,
    geom_line,
    geom_point,
    ggplot,
    labs,
    scale_x_discrete,
    theme,
)

from ..months import add_months, parse_month  # noqa: E402
from . import i18n  # noqa: E402
from .charts import ACCENT, base_theme  # noqa: E402
from .figures import NoDataForMonth, build_figures  # noqa: E402

# audit area -> figure-id prefixes (the method's yearly audit, seeds 001 step 2 and 5)
SECTIONS = {
    "nl": [
        ("Organisatie", ("headcount",)),
        ("Mensen en segmenten", ("social_active_pct", "reach.")),
        ("Tools en infrastructuur", ("tool_usage_pct.", "funnel.")),
        ("Netwerken en thema's", ("participation.", "themes.")),
        ("Issues en sentiment", ("participation.all.net_sentiment",)),
        ("Opbrengsten", ("yields.email", "yields.ideas", "yields.engagement", "yields.survey")),
        (
            "Wat gebeurde er met de output van de netwerken",
            ("yields.signalled", "yields.responded", "yields.acted_on", "yields.median"),
        ),
    ],
    "en": [
        ("Organisation", ("headcount",)),
        ("People and segments", ("social_active_pct", "reach.")),
        ("Tools and infrastructure", ("tool_usage_pct.", "funnel.")),
        ("Networks and themes", ("participation.", "themes.")),
        ("Issues and sentiment", ("participation.all.net_sentiment",)),
        ("Yields", ("yields.email", "yields.ideas", "yields.engagement", "yields.survey")),
        (
            "What happened with the networks' output",
            ("yields.signalled", "yields.responded", "yields.acted_on", "yields.median"),
        ),
    ],
}
MAX_PANELS = 12


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
        for figure in document["figures"]:
            value = figure["value"]
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            rows.append((figure["id"], month, float(value)))
    return pd.DataFrame(rows, columns=["id", "month", "value"])


def year_on_year(con, documents: dict, year: int, run_id, code_version, organisation) -> dict:
    """Last month of the year vs the same month a year earlier, per numeric figure."""
    last = max(m for m in documents if m.startswith(str(year)))
    try:
        before = build_figures(
            con, f"{int(last[:4]) - 1}{last[4:]}", run_id, code_version, organisation
        )
    except NoDataForMonth:
        return {}
    earlier = {f["id"]: f["value"] for f in before["figures"]}
    changes = {}
    for figure in documents[last]["figures"]:
        now, was = figure["value"], earlier.get(figure["id"])
        if (
            isinstance(now, int | float)
            and isinstance(was, int | float)
            and not isinstance(now, bool)
            and not isinstance(was, bool)
        ):
            changes[figure["id"]] = now - was
    return changes


def section_plot(data: pd.DataFrame, title: str, language: str):
    months = sorted(data["month"].unique())
    data = data.assign(
        label=[i18n.month_name(parse_month(m), language, short=True)[:3] for m in data["month"]]
    )
    return (
        ggplot(data, aes("month", "value", group="id"))
        + geom_line(color=ACCENT)
        + geom_point(color=ACCENT, size=1)
        + facet_wrap("id", scales="free_y", ncol=3)
        + labs(title=title, x="", y="")
        + base_theme()
        + theme(
            figure_size=(11.69, 8.27),
            strip_text=element_text(size=7),
            axis_text_x=element_text(size=5, rotation=90),
            axis_text_y=element_text(size=6),
        )
        + scale_x_discrete(limits=months)
    )


def _png(plot) -> str:
    figure = plot.draw()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, metadata={"Software": None})
    matplotlib.pyplot.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


def render_yearly(
    con, year: int, language: str, organisation: str, run_id: str, code_version: str, folder: Path
) -> dict[str, Path]:
    documents = collect(con, year, run_id, code_version, organisation)
    data = series(documents, year)
    changes = year_on_year(con, documents, year, run_id, code_version, organisation)
    last = max(m for m in documents if m.startswith(str(year)))
    folder.mkdir(parents=True, exist_ok=True)
    pdf_path, html_path = folder / "monitor.pdf", folder / "monitor.html"
    title = f"{i18n.text(language, 'title')} {year} · {organisation}"
    parts = [
        f"<!doctype html><html lang='{language}'><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title><body style='font-family:DejaVu Sans,"
        f"sans-serif;max-width:1100px;margin:auto'><h1>{html.escape(title)}</h1>"
    ]
    with PdfPages(
        pdf_path, metadata={"CreationDate": None, "Creator": None, "Producer": None}
    ) as pdf:
        for section, prefixes in SECTIONS[language]:
            subset = data[data["id"].apply(lambda i, p=prefixes: i.startswith(p))]
            ids = sorted(
                subset["id"].unique(),
                key=lambda i, p=prefixes: (next(n for n, x in enumerate(p) if i.startswith(x)), i),
            )[:MAX_PANELS]
            subset = subset[subset["id"].isin(ids)]
            parts.append(f"<h2>{html.escape(section)}</h2>")
            if subset.empty:
                parts.append("<p>–</p>")
                continue
            plot = section_plot(subset, f"{section} · {year}", language)
            figure = plot.draw()
            pdf.savefig(figure)
            matplotlib.pyplot.close(figure)
            parts.append(
                f"<img alt='{html.escape(section)}' style='width:100%' "
                f"src='data:image/png;base64,{_png(plot)}'>"
            )
            rows = "".join(
                f"<tr><td>{html.escape(i)}</td><td>{_fmt(subset, i, language)}</td>"
                f"<td>{i18n.number(changes.get(i), language, 1, sign=True)}</td></tr>"
                for i in ids
            )
            parts.append(
                f"<table><tr><th>figure</th><th>{last}</th><th>year on year</th></tr>{rows}</table>"
            )
    parts.append(_appendix(documents[last]))
    parts.append("</body></html>")
    html_path.write_text("\n".join(parts), encoding="utf-8")
    return {"pdf": pdf_path, "html": html_path}


def _fmt(subset: pd.DataFrame, figure_id: str, language: str) -> str:
    values = subset[subset["id"] == figure_id].sort_values("month")["value"]
    return i18n.number(values.iloc[-1], language, 1) if not values.empty else "–"


def _appendix(document: dict) -> str:
    rows = []
    for figure in document["figures"]:
        lineage = figure["lineage"]
        files = "<br>".join(
            f"{html.escape(f['name'])} ({f['sha256'][:12]}…, {f['rows_used']} rows)"
            for f in lineage["source_files"]
        )
        value = html.escape(str(figure["value"]))
        rows.append(
            f"<tr><td>{html.escape(figure['id'])}</td><td>{value}</td>"
            f"<td>{lineage['dbt_model']}.{html.escape(lineage['column'])}</td>"
            f"<td>{files}</td></tr>"
        )
    return (
        f"<h2>Appendix: {document['month']}</h2><table><tr><th>id</th><th>value</th>"
        f"<th>dbt model.column</th><th>source files</th></tr>{''.join(rows)}</table>"
    )
