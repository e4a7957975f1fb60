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
from .comparison import advice_groups  # noqa: E402
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
        plot, y = advice_lines(plot, y, item.focus, [(text(language, "because"), item.trigger)])
    return blank(plot + xlim(0, 1) + ylim(0, 1)) + A4_PAGE


def advice_lines(plot, y: float, focus: str, triggers: list[tuple[str, str]], size=9.5):
    """An advice's focus in bold, then the figures that triggered it (now, the year before),
    from `y` down; returns the plot and where the next line starts."""
    for n, part in enumerate(wrapped(focus[:1].upper() + focus[1:], int(830 / size))):
        plot += words(y, ("•  " if n == 0 else "   ") + part, size, bold=True)
        y -= size / 10 * LINE
    for word, trigger in triggers:
        for part in wrapped(f"{word}: {trigger}", int(1000 / (size - 1))):
            plot += words(y, "   " + part, size - 1, MUTED)
            y -= (size - 1) / 10 * LINE
    return plot, y - (size - 3.5) / 10 * LINE


def comparison_page(language: str, title: str, compared) -> object:
    """The monitor of the year before beside this one: the headline figures of both, the
    year before in five lines, and the advice that stays, is new or is gone."""
    plot = ggplot(pd.DataFrame({"x": [0.0], "y": [0.0]}), aes("x", "y"))
    y = 0.975
    plot += words(y, title, 15, ACCENT, bold=True)
    y -= 2.4 * LINE
    for number, period in zip((compared.before, compared.year), compared.periods, strict=True):
        plot += words(y, f"{number}: {period}", 8.5, MUTED)
        y -= 0.95 * LINE
    y -= 0.8 * LINE
    for number, x in ((compared.before, 0.78), (compared.year, 1.0)):
        plot += words(y, str(number), 9.5, bold=True, x=x, ha="right")
    y -= 1.3 * LINE
    for caption, then, now in compared.rows:
        plot += words(y, caption, 9.5)
        plot += words(y, then, 9.5, MUTED, x=0.78, ha="right")
        plot += words(y, now, 9.5, bold=True, x=1.0, ha="right")
        y -= 1.15 * LINE
    plot += words(y, text(language, "previous_rows_note"), 7.5, MUTED)
    y -= 2.0 * LINE
    heading = text(language, "previous_five_lines", year=compared.before)
    plot += words(y, heading, 12, ACCENT, bold=True)
    y -= 1.9 * LINE
    for line in compared.lines_then:
        for n, part in enumerate(wrapped(line, 104)):
            plot += words(y, ("•  " if n == 0 else "   ") + part, 8.5)
            y -= 0.85 * LINE
        y -= 0.35 * LINE
    y -= 1.2 * LINE
    heading = text(language, "previous_advice", before=compared.before, year=compared.year)
    plot += words(y, heading, 12, ACCENT, bold=True)
    y -= 1.9 * LINE
    for key, items in advice_groups(compared, language):
        plot += words(y, text(language, key), 10, bold=True)
        y -= 1.3 * LINE
        if not items:
            plot += words(y, "•  " + text(language, "no_gaps"), 8)
            y -= 1.2 * LINE
        for _, triggers in items:  # the focus is on the contents page; the HTML has both years
            when, trigger = triggers[0]
            line = (
                trigger[:1].upper() + trigger[1:] if key != "advice_gone" else f"{when}: {trigger}"
            )
            for n, part in enumerate(wrapped(line, 118)):
                plot += words(y, ("•  " if n == 0 else "   ") + part, 8)
                y -= 0.8 * LINE
            y -= 0.3 * LINE
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
