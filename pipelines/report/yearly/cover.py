"""The cover a board reads in a minute: the year's headline figures as tiles with their change
on a year earlier, and the year in five lines."""

from __future__ import annotations

import pandas as pd
from plotnine import aes, ggplot, xlim, ylim

from ...months import add_months, parse_month
from .. import i18n
from ..charts import ACCENT, MUTED, blank
from ..panels import tile
from .labels import change, formatted
from .page import A4_PAGE, LINE, words, wrapped
from .texts import text
from .year import Year

TITLE_WIDTH = 44  # characters of the 19-point title across the page
# (tile caption key, figure id): figures of the last month, with their change on a year earlier
HEADLINES = (
    ("tile_headcount", "headcount"),
    ("tile_social", "social_active_pct"),
    ("tile_engagement", "yields.engagement_index"),
    ("tile_sentiment", "participation.all.net_sentiment"),
    ("tile_email", "yields.email_sent_per_person_per_day"),
)
# (tile caption key, figure id, note key, the note's figure id, its name in the note): summed
# over the year's months
TOTALS = (
    ("tile_ideas", "yields.ideas", "tile_ideas_note", "yields.ideas_adopted", "a"),
    ("tile_signals", "yields.responded", "tile_signals_note", "yields.signalled", "s"),
)


def period(year: Year, language: str) -> str:
    first, last = year.months[0], year.months[-1]
    key = "yearly_period" if len(year.months) > 1 else "yearly_period_one"
    return i18n.text(language, key, first=first, last=last, n=len(year.months))


def tiles(year: Year, language: str) -> list[tuple[str, str, str]]:
    """(caption, value, note) of each headline tile, as printed."""
    ago = i18n.month_name(add_months(parse_month(year.months[-1]), -12), language, short=True)
    out = []
    for key, figure_id in HEADLINES:
        delta = year.changes.get(figure_id)
        if not year.earlier:
            note = text(language, "tile_no_yoy")
        elif delta is None:  # a year before with data, but not this figure in that month
            note = text(language, "tile_no_figure", month=ago)
        else:
            note = text(language, "tile_yoy", c=change(figure_id, delta, language), month=ago)
        out.append(
            (text(language, key), formatted(figure_id, year.value(figure_id), language), note)
        )
    for key, figure_id, note_key, other_id, other in TOTALS:
        note = text(
            language, note_key, **{other: formatted(other_id, year.total(other_id), language)}
        )
        before = year.total_a_year_before(figure_id)
        if before is not None and year.total(figure_id) is not None:
            delta = change(figure_id, year.total(figure_id) - before, language)
            note += " · " + text(language, "tile_yoy", c=delta, month=year.year - 1)
        out.append(
            (text(language, key), formatted(figure_id, year.total(figure_id), language), note)
        )
    return out


def cover(year: Year, language: str, title: str, lines: list[str], run_line: str):
    """The cover page: title, tiles in two rows, the five lines, and where the figures come
    from."""
    plot = ggplot(pd.DataFrame({"x": [0.0], "y": [0.0]}), aes("x", "y"))
    y = 0.975
    for part in wrapped(title, TITLE_WIDTH):  # a long organisation's name takes a second line
        plot += words(y, part, 19, bold=True)
        y -= 2.7 * LINE
    subtitle = text(language, "cover_subtitle", period=period(year, language))
    plot += words(y + 0.5 * LINE, subtitle, 10.5, MUTED)
    top = y - 1.8 * LINE  # the tiles' first row starts here
    shown = tiles(year, language)
    for i, (caption, value, note) in enumerate(shown[:4]):
        plot = tile(plot, i + 0.04, 0.92, top - 0.115, top, caption, value, note, 17, 7, "#ecfdf5")
    width = 4 / 3  # three tiles across the second row
    for i, (caption, value, note) in enumerate(shown[4:]):
        left, bottom = i * width + 0.04, top - 0.25
        plot = tile(
            plot, left, width - 0.08, bottom, bottom + 0.115, caption, value, note, 17, 7, "#f8fafc"
        )
    y = top - 0.295
    plot += words(y, text(language, "five_lines"), 13, ACCENT, bold=True)
    y -= 2.2 * LINE
    for line in lines:
        for n, part in enumerate(wrapped(line)):
            plot += words(y, ("•  " if n == 0 else "   ") + part)
            y -= LINE
        y -= 0.5 * LINE
    plot += words(0.02, run_line, 7.5, MUTED, va="bottom")
    return blank(plot + xlim(0, 4) + ylim(0, 1)) + A4_PAGE
