"""One section per audit area of the method (seeds 001, steps 2 and 5): which two to four
charts answer its question, chosen for the kind of figure they show."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd
from plotnine import labs

from ...months import add_months, parse_month
from .. import heartbeat, i18n, network_picture
from ..catalogue import catalogue
from ..completeness import lineage_files_by_month
from ..panels import reach
from . import charts
from .charts import Chart
from .labels import formatted, label
from .texts import text
from .year import Year

# the method's yearly audit areas (seeds 001 step 2 and 5), each a section of the catalogue
AUDIT_AREAS = ("organisation", "people", "tools", "networks", "issues", "yields", "output")


def _ids(year: Year, pattern: str) -> list[str]:
    """The ids of a figure family known in any month of the year, in a stable order."""
    ids = {
        f["id"]
        for month in year.months
        for f, _ in catalogue().each(year.documents[month], pattern)
    }
    return sorted(ids)


def _platform_ids(year: Year, pattern: str) -> list[str]:
    """Per-platform series with 'all platforms' first."""
    ids = _ids(year, pattern)
    return sorted(ids, key=lambda i: (".all." not in i, i))


def organisation(year: Year, language: str, con) -> list:
    return [
        charts.count_bars(year, ["headcount"], label("headcount", language), language),
        charts.percent_lines(
            year,
            _ids(year, "identity_coverage.{source}"),
            text(language, "chart_coverage"),
            language,
        ),
    ]


def people(year: Year, language: str, con) -> list:
    month = i18n.month_name(parse_month(year.months[-1]), language)
    title = text(language, "chart_segments", month=month)
    rows = [
        {
            "": i18n.dimension_name(parts["dimension"], language),
            " ": parts["segment"],
            title: figure.get("shown_as", "–")
            if figure.get("suppressed") or figure["value"] is None
            else formatted(figure["id"], figure["value"], language),
        }
        for figure, parts in catalogue().each(year.last, "reach.{dimension}.{segment}")
    ]
    return [
        charts.percent_lines(
            year,
            ["social_active_pct", "reach_beyond_email_pct"],
            text(language, "chart_active"),
            language,
        ),
        Chart(
            title,
            reach(year.last, language, "") + charts.SMALL_TITLES + labs(title=title),
            pd.DataFrame(rows),
        )
        if any(
            not f.get("suppressed") and f["value"] is not None
            for f, _ in catalogue().each(year.last, "reach.{dimension}.{segment}")
        )
        else charts.empty(title, language),
    ]


def tools(year: Year, language: str, con) -> list:
    return [
        charts.percent_lines(
            year, _ids(year, "tool_usage_pct.{tool}"), text(language, "chart_tool_usage"), language
        ),
        charts.rogers_bars(year, text(language, "chart_adoption"), language),
    ]


def networks(year: Year, language: str, con) -> list:
    return [
        charts.percent_lines(
            year,
            _platform_ids(year, "participation.{platform}.pct_for_80"),
            text(language, "chart_concentration"),
            language,
        ),
        charts.theme_bars(year, text(language, "chart_themes"), language),
        charts.percent_lines(
            year,
            ["network.cross_department_pct"],
            label("network.cross_department_pct", language),
            language,
        ),
        Chart(
            i18n.text(language, "network_picture_title", year=year.year),
            network_picture.picture(con, year.year, language) + charts.SMALL_TITLES,
        ),
    ]


def issues(year: Year, language: str, con) -> list:
    first = parse_month(f"{year.year}-01")
    last = parse_month(f"{year.year + 1}-01") - timedelta(days=1)
    caption = i18n.text(language, "heartbeat_title", period=year.year)
    plot, numbers = heartbeat.timeline(con, first, last, caption, language)
    return [
        charts.light_strip(year, text(language, "chart_lights"), language),
        charts.level_line(
            year,
            "participation.all.net_sentiment",
            label("participation.all.net_sentiment", language),
            language,
            (-100, 100),
        ),
        Chart(caption, plot + charts.SMALL_TITLES, numbers),
    ]


def yields(year: Year, language: str, con) -> list:
    return [
        charts.level_line(
            year,
            "yields.email_sent_per_person_per_day",
            label("yields.email_sent_per_person_per_day", language),
            language,
            (0, None),
        ),
        charts.level_line(
            year,
            "yields.engagement_index",
            label("yields.engagement_index", language),
            language,
            (0, 100),
        ),
        charts.count_bars(
            year, ["yields.ideas", "yields.ideas_adopted"], text(language, "chart_ideas"), language
        ),
    ]


def output(year: Year, language: str, con) -> list:
    return [
        charts.count_bars(
            year,
            ["yields.signalled", "yields.responded", "yields.acted_on"],
            text(language, "chart_signals"),
            language,
        ),
        charts.level_line(
            year,
            "yields.median_days_to_response",
            label("yields.median_days_to_response", language),
            language,
            (0, None),
        ),
    ]


# the last month's percentages set against the same month a year earlier
COMPARED = ("social_active_pct", "reach_beyond_email_pct", "participation.all.pct_for_80")
COMPARED_FAMILIES = ("tool_usage_pct.{tool}", "adoption.{tool}.adopters_pct")


def delivered(con, year: Year) -> dict[str, set[str]]:
    """Per month of the year, the sources whose files feed a figure of it."""
    by_month = lineage_files_by_month(con)
    return {m: {source for source, _, _ in by_month.get(m, [])} for m in year.months}


def data(year: Year, language: str, con, expected: tuple[str, ...] = ()) -> tuple[str, str, list]:
    """The appendix of the PDF: what the figures rest on and the year against the one before
    (question, answer, charts). A source monitor.yml expects (`month_close.expected_sources`)
    counts as missing in every month it did not deliver, even if it never did."""
    sources = delivered(con, year)
    came = sorted({s for found in sources.values() for s in found})
    seen = sorted(set(came) | set(expected))
    labels = charts.month_labels(year.months, language)
    gaps = []
    for source in seen:
        missing = [labels[m] for m in year.months if source not in sources[m]]
        if missing:
            gaps.append(f"{i18n.source_name(source, language)} ({', '.join(missing)})")
    answer = text(
        language,
        "data_answer",
        n=len(year.months),
        sources=", ".join(i18n.source_name(s, language) for s in came) or "–",
        gaps="; ".join(gaps) or text(language, "no_gaps"),
    )
    month = parse_month(year.months[-1])
    ids = [*COMPARED, *(i for family in COMPARED_FAMILIES for i in _ids(year, family))]
    title = text(
        language,
        "chart_against",
        month=i18n.month_name(month, language),
        before=i18n.month_name(add_months(month, -12), language),
    )
    return (
        text(language, "data_question"),
        answer,
        [
            charts.completeness(
                year, sources, text(language, "chart_completeness"), language, seen
            ),
            charts.against_last_year(year, ids, title, language),
        ],
    )


CHARTS = {
    "organisation": organisation,
    "people": people,
    "tools": tools,
    "networks": networks,
    "issues": issues,
    "yields": yields,
    "output": output,
}
