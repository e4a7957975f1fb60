"""The year in five lines, generated from the figures with their numbers: the largest rise,
the largest fall, the issues red longest, each platform's adoption phase and ambition level,
and the segment reached least."""

from __future__ import annotations

from ...months import parse_month
from .. import i18n
from ..catalogue import catalogue
from .labels import change, formatted, label
from .texts import text
from .year import Year

# The organisation's percentages that can rise or fall: a segment has its own line, a change
# or growth rate is no level, and a silo or the identity coverage is no goal in itself.
NOT_COMPARED = ("reach.", "themes.", "network.silo.", "identity_coverage.")
RATES = ("_change_", "growth")


def _month(month: str, language: str) -> str:
    return i18n.month_name(parse_month(month), language)


def _movements(year: Year) -> list[tuple[float, str, float, float]]:
    """(change, id, first, last) of every percentage known in the year's first and last month."""
    first = year.months[0]
    moves = []
    for figure in year.last["figures"]:
        figure_id, now = figure["id"], figure["value"]
        if figure_id.startswith(NOT_COMPARED) or any(rate in figure_id for rate in RATES):
            continue
        if figure.get("suppressed"):
            continue
        if not isinstance(now, int | float) or isinstance(now, bool):
            continue
        entry, _ = catalogue().find(figure_id)
        before = year.figure(figure_id, first)
        if entry.unit != "%" or before is None or before.get("suppressed"):
            continue
        if before["value"] is None:
            continue
        moves.append((now - before["value"], figure_id, before["value"], now))
    return sorted(moves, key=lambda m: (m[0], m[1]))


def _rise_and_fall(year: Year, language: str) -> list[str]:
    if len(year.months) < 2:
        return [text(language, "no_change")]
    moves = _movements(year)
    first, last = _month(year.months[0], language), _month(year.months[-1], language)

    def line(key: str, move) -> str:
        delta, figure_id, before, now = move
        return text(
            language,
            key,
            label=label(figure_id, language),
            a=formatted(figure_id, before, language),
            b=formatted(figure_id, now, language),
            first=first,
            last=last,
            c=change(figure_id, delta, language),
        )

    rises = [m for m in moves if m[0] > 0]
    falls = [m for m in moves if m[0] < 0]
    return [
        line("rise", max(rises, key=lambda m: (m[0], m[1])))
        if rises
        else text(language, "no_rise"),
        line("fall", falls[0]) if falls else text(language, "no_fall"),
    ]


def red_months(year: Year) -> dict[str, int]:
    """Per issue, in how many of the year's months its light was red."""
    counts: dict[str, int] = {}
    for month in year.months:
        for issue in year.value("issues.top10", month) or []:
            if issue["light"] == "red":
                counts[issue["issue"]] = counts.get(issue["issue"], 0) + 1
    return counts


def _red_longest(year: Year, language: str) -> str:
    counts = red_months(year)
    if not counts:
        return text(language, "never_red")
    longest = max(counts.values())
    issues = sorted(issue for issue, n in counts.items() if n == longest)[:3]
    named = ", ".join(
        text(language, "red_issue", issue=issue, n=longest, m=len(year.months)) for issue in issues
    )
    return text(language, "red_longest", issues=named)


def _adoption(year: Year, language: str) -> str:
    tools = []
    for figure, parts in catalogue().each(year.last, "adoption.{tool}.phase"):
        if figure["value"] is None:
            continue
        tool = parts["tool"]
        share_id = f"adoption.{tool}.adopters_pct"
        level = year.value(f"ambition_level.{tool}")
        tools.append(
            text(
                language,
                "adoption_tool",
                tool=i18n.tool_name(tool),
                v=formatted(share_id, year.value(share_id), language),
                phase=i18n.phase_name(figure["value"], language),
                level=text(language, "adoption_level", level=i18n.ambition_level(level, language))
                if level
                else "",
            )
        )
    if not tools:
        return text(language, "no_adoption")
    return text(language, "adoption_line", tools="; ".join(tools))


def least_reached(year: Year):
    """(figure id, value, parts) of the segment with the lowest reach in the last month."""
    shown = [
        (f["value"], f["id"], parts)
        for f, parts in catalogue().each(year.last, "reach.{dimension}.{segment}")
        if not f.get("suppressed") and f["value"] is not None
    ]
    if not shown:
        return None
    value, figure_id, parts = min(shown, key=lambda s: (s[0], s[1]))
    return figure_id, value, parts


def segment_name(parts: dict, language: str) -> str:
    return f"{i18n.dimension_name(parts['dimension'], language).lower()} {parts['segment']}"


def _least_reached(year: Year, language: str) -> str:
    found = least_reached(year)
    if found is None:
        return text(language, "no_segment")
    figure_id, value, parts = found
    overall = "reach_beyond_email_pct"
    return text(
        language,
        "least_reached",
        segment=segment_name(parts, language),
        v=formatted(figure_id, value, language),
        overall=formatted(overall, year.value(overall), language),
    )


def five_lines(year: Year, language: str) -> list[str]:
    return [
        *_rise_and_fall(year, language),
        _red_longest(year, language),
        _adoption(year, language),
        _least_reached(year, language),
    ]
