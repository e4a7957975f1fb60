"""The monitor of the year before beside this year's, when the warehouse holds one: both
monitors' headline figures, the year before in its own five lines, and which of the method's
advice still applies, is new, or no longer applies (each with the figures that triggered it)."""

from __future__ import annotations

from dataclasses import dataclass

from ...config import Advice as Limits
from .advice import Advice, advice
from .cover import HEADLINES, TOTALS, period
from .labels import formatted
from .story import five_lines
from .texts import text
from .year import Year


@dataclass(frozen=True)
class Comparison:
    """The two monitors side by side: `rows` (caption, then, now) as printed, the year
    before's five lines, and the advice matched by rule and focus: `kept` (now, then)."""

    year: int
    before: int
    periods: tuple[str, str]
    rows: list[tuple[str, str, str]]
    lines_then: list[str]
    kept: list[tuple[Advice, Advice]]
    new: list[Advice]
    gone: list[Advice]


def year_before(year: Year) -> Year | None:
    """The monitor the warehouse would have drawn for the year before (None without data);
    its documents include the December before it, as `load_year` collected them."""
    if not any(m.startswith(str(year.year - 1)) for m in year.earlier):
        return None
    return Year(year.year - 1, year.earlier)


def _rows(then: Year, now: Year, language: str) -> list[tuple[str, str, str]]:
    """Levels of each monitor's last month; ideas and signals summed over each one's months."""
    rows = [
        (
            text(language, key),
            formatted(figure_id, then.value(figure_id), language),
            formatted(figure_id, now.value(figure_id), language),
        )
        for key, figure_id in HEADLINES
    ]
    rows += [
        (
            text(language, key),
            formatted(figure_id, then.total(figure_id), language),
            formatted(figure_id, now.total(figure_id), language),
        )
        for key, figure_id, *_ in TOTALS
    ]
    return rows


def compare(
    year: Year, language: str, limits: Limits | None = None, advice_now: list | None = None
) -> Comparison | None:
    """This year's monitor against the year before's (`advice_now`: this year's advice when
    already drawn up); None when there is no year before."""
    then = year_before(year)
    if then is None:
        return None
    advice_now = advice(year, language, limits) if advice_now is None else advice_now
    advice_then = advice(then, language, limits)
    earlier = {(a.rule, a.focus): a for a in advice_then}
    current = {(a.rule, a.focus) for a in advice_now}
    return Comparison(
        year=year.year,
        before=then.year,
        periods=(period(then, language), period(year, language)),
        rows=_rows(then, year, language),
        lines_then=five_lines(then, language),
        kept=[(a, earlier[(a.rule, a.focus)]) for a in advice_now if (a.rule, a.focus) in earlier],
        new=[a for a in advice_now if (a.rule, a.focus) not in earlier],
        gone=[a for a in advice_then if (a.rule, a.focus) not in current],
    )


def advice_groups(compared: Comparison, language: str) -> list[tuple[str, list]]:
    """(heading key, [(focus, [(when, trigger)])]) for advice kept, new and gone, as both the
    PDF and the HTML page print them."""
    now = text(language, "now")
    then = text(language, "previous_then", year=compared.before)
    return [
        (
            "advice_kept",
            [(a.focus, [(now, a.trigger), (then, b.trigger)]) for a, b in compared.kept],
        ),
        ("advice_new", [(a.focus, [(now, a.trigger)]) for a in compared.new]),
        ("advice_gone", [(a.focus, [(then, a.trigger)]) for a in compared.gone]),
    ]
