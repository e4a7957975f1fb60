"""The yearly monitor as one self-contained HTML page: styled, readable from a phone (390
pixels) to a laptop (1280) without sideways scrolling, every chart with alt text and its
numbers as a table beside it."""

from __future__ import annotations

import base64
import html
import io

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from plotnine import element_blank, theme  # noqa: E402

from .charts import Chart  # noqa: E402
from .comparison import advice_groups  # noqa: E402
from .texts import text  # noqa: E402

CHART_SIZE = (7.5, 3.8)  # inches: a chart across the page's column
PNG_DPI = 110

STYLE = """
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",system-ui,-apple-system,"Segoe UI",sans-serif;
color:#1f2a44;background:#f8fafc;line-height:1.5;font-size:16px}
main{max-width:1040px;margin:0 auto;padding:24px 16px 48px;background:#fff}
h1{font-size:1.7em;margin:0 0 4px;color:#1f2a44}
h2{font-size:1.35em;color:#0f766e;margin:40px 0 8px;padding-top:8px;border-top:2px solid #e5e7eb}
h3{font-size:1.05em;margin:24px 0 8px}
.subtitle{color:#6b7280;margin:0 0 16px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(128px,1fr));gap:10px;margin:16px 0}
.tile{border:1px solid #0f766e;border-radius:8px;padding:10px;background:#ecfdf5;text-align:center}
.tile .caption{font-size:.85em}
.tile .value{font-size:1.6em;font-weight:bold;color:#0f766e}
.tile .note{font-size:.75em;color:#6b7280}
.question{font-weight:bold;margin:4px 0}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:0 24px}
.advice li{margin:0 0 10px}
.advice .because{display:block;color:#6b7280;font-size:.9em}
nav ol{padding-left:1.3em}
figure{margin:16px 0}
figure img{display:block;width:100%;height:auto;border:1px solid #e5e7eb;border-radius:6px}
figcaption{font-size:.95em;margin:0 0 6px}
figcaption .note{display:block;color:#6b7280;font-size:.9em}
.table-wrap{max-width:100%;overflow-x:auto;margin:8px 0 16px}
table{border-collapse:collapse;font-size:.85em;display:block;max-width:100%;overflow-x:auto}
th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
td{overflow-wrap:anywhere}
th{background:#f1f5f9}
code{font-size:.85em;overflow-wrap:anywhere}
footer{color:#6b7280;font-size:.8em;margin-top:32px}
"""


def png(plot, size: tuple[float, float] = CHART_SIZE) -> str:
    """The chart drawn alone for the page, base64 PNG without timestamps."""
    figure = (plot + theme(figure_size=size)).draw()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    matplotlib.pyplot.close(figure)
    return base64.b64encode(buffer.getvalue()).decode()


def table(frame: pd.DataFrame | None) -> str:
    if frame is None or frame.empty:
        return ""
    heads = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<div class='table-wrap'><table><tr>{heads}</tr>{rows}</table></div>"


def chart(item: Chart, language: str, wide: bool = False) -> str:
    """The chart as an image (its title as alt text) and its numbers as a table; the title
    and subtitle are the page's text above the image, not drawn again inside it."""
    size = (7.5, 5.2) if wide else CHART_SIZE
    alt = html.escape(item.title)
    subtitle = " ".join((item.plot.labels.get("subtitle", None) or "").split())
    plain = item.plot + theme(plot_title=element_blank(), plot_subtitle=element_blank())
    note = f"<span class='note'>{html.escape(subtitle)}</span>" if subtitle else ""
    return (
        f"<figure><figcaption><strong>{alt}</strong>{note}</figcaption>"
        f"<img alt='{alt}' src='data:image/png;base64,{png(plain, size)}'></figure>"
        f"{table(item.table)}"
    )


def tiles(shown: list[tuple[str, str, str]]) -> str:
    return (
        "<div class='tiles'>"
        + "".join(
            f"<div class='tile'><div class='caption'>{html.escape(c)}</div>"
            f"<div class='value'>{html.escape(v)}</div><div class='note'>{html.escape(n)}</div>"
            "</div>"
            for c, v, n in shown
        )
        + "</div>"
    )


def bullets(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(item)}</li>" for item in items) + "</ul>"


def advice_items(items: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """(focus, [(when, trigger)]): each focus with the figures that triggered it below."""
    return (
        "<ul class='advice'>"
        + "".join(
            f"<li>{html.escape(focus[:1].upper() + focus[1:])}"
            + "".join(
                f"<span class='because'>{html.escape(w)}: {html.escape(t)}</span>"
                for w, t in triggers
            )
            + "</li>"
            for focus, triggers in items
        )
        + "</ul>"
    )


def advice_list(items: list, language: str) -> str:
    if not items:
        return f"<p>{html.escape(text(language, 'advice_none'))}</p>"
    because = text(language, "because")
    return advice_items([(a.focus, [(because, a.trigger)]) for a in items])


def comparison(compared, language: str) -> str:
    """The monitor of the year before beside this one: figures, its five lines, the advice."""
    before, year = compared.before, compared.year
    rows = pd.DataFrame(compared.rows, columns=["", str(before), str(year)])
    parts = [
        f"<h2 id='previous'>{html.escape(text(language, 'section_previous', before=before))}</h2>",
        bullets([f"{n}: {p}" for n, p in zip((before, year), compared.periods, strict=True)]),
        table(rows),
        f"<p class='subtitle'>{html.escape(text(language, 'previous_rows_note'))}</p>",
        f"<h3>{html.escape(text(language, 'previous_five_lines', year=before))}</h3>",
        bullets(compared.lines_then),
        f"<h3>{html.escape(text(language, 'previous_advice', before=before, year=year))}</h3>",
        "<div class='pair'>",
    ]
    for key, items in advice_groups(compared, language):
        parts.append(f"<div><h3>{html.escape(text(language, key))}</h3>")
        shown = advice_items(items) if items else f"<p>{html.escape(text(language, 'no_gaps'))}</p>"
        parts.append(shown + "</div>")
    return "".join(parts) + "</div>"


def document(language: str, title: str, body: list[str]) -> str:
    return (
        f"<!doctype html><html lang='{language}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body><main>"
        + "\n".join(body)
        + "</main></body></html>"
    )
