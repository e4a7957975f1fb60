"""The yearly monitor's page: A4 portrait with room for the footer, and the lines of text its
cover and contents are written in."""

from __future__ import annotations

import textwrap

from plotnine import annotate, theme

from ..charts import FONT, INK

A4 = (8.27, 11.69)  # inches, portrait
A4_PAGE = theme(figure_size=A4, plot_margin_bottom=0.03)  # the footer goes below
WRAP = 92  # characters of a 10-point line across the page
LINE = 0.0175  # height of a 10-point line as a share of the page


def wrapped(text: str, width: int = WRAP) -> list[str]:
    return textwrap.wrap(text, width) or [""]


def words(y: float, label: str, size: float = 10, colour: str = INK, bold: bool = False, **place):
    """A line of text on a page drawn as a blank plot (x, y in the page's share), left aligned
    from its top unless `place` says otherwise (x=, ha=, va=)."""
    where = {"x": 0.0, "ha": "left", "va": "top"} | place
    return annotate(
        "text",
        y=y,
        label=label,
        size=size,
        color=colour,
        fontweight="bold" if bold else "normal",
        family=FONT,
        **where,
    )
