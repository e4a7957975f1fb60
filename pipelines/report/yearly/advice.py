"""Advice per the method, rule by rule, each with the figure that called for it (no free text
from a model): the focus for each tool's phase on Rogers' curve (seeds 002) and each
platform's ambition level (seeds 003), a wider group of writers when few write most (the
20/80 rule, seeds 000), inclusive communication for a segment far below the organisation,
a visible answer to a red issue, and bridges for a department that keeps to itself."""

from __future__ import annotations

from dataclasses import dataclass

from ...config import Advice as Limits
from ...months import parse_month
from .. import i18n
from ..catalogue import catalogue
from .labels import formatted
from .story import segment_name
from .texts import text
from .year import Year


@dataclass(frozen=True)
class Advice:
    """What to focus on, and the figure (with its value) that triggered it."""

    rule: str
    focus: str
    trigger: str


MAX_LISTED = 4  # triggers name at most this many segments, issues or departments


def listed(items: list[str], language: str) -> str:
    """'a, b, c, d and 2 more': a long list kept to one line."""
    if len(items) <= MAX_LISTED:
        return ", ".join(items)
    rest = text(language, "and_more", n=len(items) - MAX_LISTED)
    return f"{', '.join(items[:MAX_LISTED])} {rest}"


def _phases(year: Year, language: str) -> list[Advice]:
    """One piece of advice per phase, naming the tools in it with their share."""
    tools: dict[str, list[str]] = {}
    for figure, parts in catalogue().each(year.last, "adoption.{tool}.phase"):
        if figure["value"] is None:
            continue
        share = f"adoption.{parts['tool']}.adopters_pct"
        named = f"{i18n.tool_name(parts['tool'])} {formatted(share, year.value(share), language)}"
        tools.setdefault(figure["value"], []).append(named)
    return [
        Advice(
            "phase",
            i18n.text(language, f"advice_{phase}"),
            text(
                language,
                "trigger_phase",
                tools=", ".join(named),
                phase=i18n.phase_name(phase, language),
            ),
        )
        for phase, named in tools.items()
    ]


def _levels(year: Year, language: str) -> list[Advice]:
    """One piece of advice per ambition level, naming its platforms with their funnel."""
    platforms: dict[str, list[str]] = {}
    for figure, parts in catalogue().each(year.last, "ambition_level.{platform}"):
        if figure["value"] is None:
            continue
        platform = parts["platform"]

        def step(name: str, platform: str = platform) -> str:
            figure_id = f"funnel.{platform}.{name}"
            return formatted(figure_id, year.value(figure_id), language)

        platforms.setdefault(figure["value"], []).append(
            text(
                language,
                "funnel_steps",
                platform=i18n.tool_name(platform),
                reach=step("reach"),
                visit=step("visit"),
                contribute=step("contribute"),
            )
        )
    return [
        Advice(
            "ambition_level",
            text(language, f"focus_{level}"),
            text(
                language,
                "trigger_level",
                platforms="; ".join(named),
                level=i18n.ambition_level(level, language),
            ),
        )
        for level, named in platforms.items()
    ]


def _concentration(year: Year, language: str, limits: Limits) -> list[Advice]:
    figure_id = "participation.all.pct_for_80"
    figure = year.figure(figure_id)
    if figure is None or figure["value"] is None or figure.get("suppressed"):
        return []
    if figure["value"] > limits.concentration_pct:
        return []
    return [
        Advice(
            "concentration",
            text(language, "focus_concentration"),
            text(
                language,
                "trigger_concentration",
                v=formatted(figure_id, figure["value"], language),
                limit=formatted(figure_id, limits.concentration_pct, language),
            ),
        )
    ]


def _segments(year: Year, language: str, limits: Limits) -> list[Advice]:
    overall_id = "reach_beyond_email_pct"
    overall = year.value(overall_id)
    if overall is None:
        return []
    far = sorted(
        (figure["value"], figure["id"], parts)
        for figure, parts in catalogue().each(year.last, "reach.{dimension}.{segment}")
        if not figure.get("suppressed")
        and figure["value"] is not None
        and overall - figure["value"] >= limits.segment_gap_points
    )
    if not far:
        return []
    segments = [
        f"{segment_name(parts, language)} {formatted(figure_id, value, language)}"
        for value, figure_id, parts in far
    ]
    gap = f"{i18n.number(limits.segment_gap_points, language, 0)} {i18n.text(language, 'pp')}"
    return [
        Advice(
            "segment",
            text(language, "focus_segment"),
            text(
                language,
                "trigger_segment",
                segments=listed(segments, language),
                overall=formatted(overall_id, overall, language),
                gap=gap,
            ),
        )
    ]


def _red_issues(year: Year, language: str) -> list[Advice]:
    red = [
        issue["issue"]
        if issue["net_sentiment"] is None
        else f"{issue['issue']} ({i18n.number(issue['net_sentiment'], language, 1, sign=True)})"
        for issue in year.value("issues.top10") or []
        if issue["light"] == "red"
    ]
    if not red:
        return []
    month = i18n.month_name(parse_month(year.months[-1]), language)
    return [
        Advice(
            "red_issue",
            text(language, "focus_red"),
            text(language, "trigger_red", month=month, issues=listed(red, language)),
        )
    ]


def _silos(year: Year, language: str, limits: Limits) -> list[Advice]:
    inward = sorted(
        (
            (figure["value"], parts["department"], figure["id"])
            for figure, parts in catalogue().each(year.last, "network.silo.{department}")
            if not figure.get("suppressed")
            and figure["value"] is not None
            and figure["value"] >= limits.silo_pct
        ),
        reverse=True,
    )
    if not inward:
        return []
    departments = [f"{name} {formatted(i, v, language)}" for v, name, i in inward]
    return [
        Advice(
            "silo",
            text(language, "focus_silo"),
            text(
                language,
                "trigger_silo",
                departments=listed(departments, language),
                limit=formatted(inward[0][2], limits.silo_pct, language),
            ),
        )
    ]


def advice(year: Year, language: str, limits: Limits | None = None) -> list[Advice]:
    """Every rule that applies to the year's last month, in the method's order."""
    limits = limits or Limits()
    return [
        *_phases(year, language),
        *_levels(year, language),
        *_concentration(year, language, limits),
        *_segments(year, language, limits),
        *_red_issues(year, language),
        *_silos(year, language, limits),
    ]
