"""The yearly monitor as A4 pages: each section's header (its audit question and the year's
answer) above its charts, the contents with the advice, and the PDF with a footer and page
number on every page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402
from plotnine import aes, element_text, ggplot, labs, theme, xlim, ylim  # noqa: E402

from ..charts import ACCENT, FONT, INK, MUTED, blank  # noqa: E402
from ..layout import Rows  # noqa: E402
from .page import A4_PAGE, LINE, words, wrapped  # noqa: E402
from .texts import text  # noqa: E402

HEADER_WRAP = 110  # characters of the answer's 8.5-point lines across the page


@dataclass
class Page:
    """A page of the PDF: its title (contents and footer) and what is drawn on it."""

    title: str
    plot: object
    in_contents: bool = True


def header(title: str, question: str, answer: str):
    """The section's title, its audit question and the year's answer, above the charts."""
    lines = [question, *wrapped(answer, HEADER_WRAP)]
    plot = ggplot(pd.DataFrame({"x": [0.0], "y": [0.0]}), aes("x", "y"))
    return (
        blank(plot + xlim(0, 1) + ylim(0, 1))
        + labs(title=title, subtitle="\n".join(lines))
        + theme(
            plot_title_position="plot",  # from the page's edge, whatever the charts' axes take
            plot_title=element_text(size=15, weight="bold", color=ACCENT, ha="left"),
            plot_subtitle=element_text(size=8.5, color=INK, ha="left", linespacing=1.5),
        )
    )


def section_page(title: str, question: str, answer: str, charts: list):
    """The header above two to four charts: two stacked, three as a pair and one wide, four
    as a pair and two wide (the network picture and the heartbeat need the width)."""
    top = header(title, question, answer)
    if len(charts) == 2:
        rows, weights = [top, charts[0], charts[1]], (0.02, 1, 1)
    elif len(charts) == 3:
        rows, weights = [top, charts[0] | charts[1], charts[2]], (0.02, 1, 1)
    else:
        rows, weights = [top, charts[0] | charts[1], charts[2], charts[3]], (0.02, 1, 0.6, 1.2)
    return Rows(rows, panel_heights=weights) + A4_PAGE


def contents_page(language: str, entries: list[tuple[str, int]], advice: list) -> object:
    """The contents, then the method's advice, each with the figure that triggered it."""
    plot = ggplot(pd.DataFrame({"x": [0.0], "y": [0.0]}), aes("x", "y"))
    y = 0.975
    plot += words(y, text(language, "contents"), 15, ACCENT, bold=True)
    y -= 2.4 * LINE
    for title, number in entries:
        plot += words(y, title)
        plot += words(y, str(number), x=1.0, ha="right")
        y -= 1.25 * LINE
    y -= 1.5 * LINE
    plot += words(y, text(language, "advice_title"), 15, ACCENT, bold=True)
    y -= 2.2 * LINE
    plot += words(y, text(language, "advice_intro"), 9, MUTED)
    y -= 1.8 * LINE
    if not advice:
        plot += words(y, text(language, "advice_none"))
    for item in advice:
        for n, part in enumerate(wrapped(item.focus[:1].upper() + item.focus[1:], 88)):
            plot += words(y, ("•  " if n == 0 else "   ") + part, 9.5, bold=True)
            y -= 0.95 * LINE
        for part in wrapped(f"{text(language, 'because')}: {item.trigger}", 118):
            plot += words(y, "   " + part, 8.5, MUTED)
            y -= 0.9 * LINE
        y -= 0.6 * LINE
    return blank(plot + xlim(0, 1) + ylim(0, 1)) + A4_PAGE


def write_pdf(pages: list[Page], path: Path, language: str, document_title: str) -> None:
    """Every page with a footer naming the monitor and the page, no timestamps in metadata."""
    metadata = {"CreationDate": None, "Creator": None, "Producer": None}
    with PdfPages(path, metadata=metadata) as pdf:
        for number, page in enumerate(pages, start=1):
            figure = page.plot.draw()
            figure.text(
                0.5,
                0.008,
                text(language, "page_of", title=document_title, n=number, total=len(pages)),
                ha="center",
                va="bottom",
                fontsize=7,
                color=MUTED,
                family=FONT,
            )
            pdf.savefig(figure)
            matplotlib.pyplot.close(figure)
