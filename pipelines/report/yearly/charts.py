"""Compact charts of the year, each chosen for its kind of figure: percentages on a 0-100 axis,
counts from zero, a net sentiment around zero, segments as one dot plot, tools against Rogers'
boundaries and the top issues as a month-by-month strip of lights. Every chart names its
series by catalogue label and ends each line with its last value."""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from functools import cache

import pandas as pd
import yaml
from plotnine import (
    aes,
    coord_flip,
    element_blank,
    element_text,
    facet_wrap,
    geom_col,
    geom_hline,
    geom_line,
    geom_point,
    geom_segment,
    geom_text,
    geom_tile,
    ggplot,
    labs,
    position_dodge,
    scale_color_manual,
    scale_fill_manual,
    scale_x_continuous,
    scale_x_discrete,
    scale_y_continuous,
    scale_y_discrete,
    theme,
)

from ...months import parse_month
from ...settings import DBT_PROJECT_DIR
from .. import i18n
from ..catalogue import catalogue
from ..charts import ACCENT, INK, MUTED, PALETTE, base_theme, count_scale, data_label, no_data_panel
from ..panels import LIGHTS, light_letters
from .labels import formatted, label
from .texts import text
from .year import Year


@dataclass
class Chart:
    """A chart of the monitor, with its title (the HTML's alt text) and its numbers as a table
    (the HTML shows both; a reader without the image loses nothing)."""

    title: str
    plot: object
    table: pd.DataFrame | None = None


def series_table(year: Year, ids: list[str], language: str) -> pd.DataFrame:
    """One row per series, one column per month, each value as the catalogue prints it."""
    labels = month_labels(year.months, language)
    rows = []
    for figure_id in ids:
        row = {"": label(figure_id, language)}
        for month in year.months:
            known = year.data[(year.data["id"] == figure_id) & (year.data["month"] == month)]
            row[labels[month]] = (
                formatted(figure_id, known["value"].iloc[0], language) if len(known) else "–"
            )
        rows.append(row)
    return pd.DataFrame(rows)


# a chart's titles at the size of a page of two to four charts; SMALL its axes and legend too
SMALL_TITLES = theme(
    plot_title_position="plot",
    plot_caption_position="plot",
    plot_title=element_text(size=9.5, weight="bold", ha="left"),
    plot_subtitle=element_text(size=7, color=MUTED, ha="left"),
)
SMALL = SMALL_TITLES + theme(
    axis_text_x=element_text(size=6.5),
    axis_text_y=element_text(size=6.5),
    legend_text=element_text(size=6.5),
    legend_title=element_text(size=6.5),
    legend_position="bottom",
    legend_key_size=8,
)


TITLE_WIDTH = 46  # characters of a chart title in half the page
SUBTITLE_WIDTH = 64  # ... and of its 7-point subtitle


def headline(title: str) -> str:
    """A chart's title on as many lines as half the page needs."""
    return textwrap.fill(title, TITLE_WIDTH)


def dressed(title: str, subtitle: str = "", **legend) -> list:
    """A chart's look: its title and subtitle wrapped for half the page, no axis titles,
    `legend` the legend's title (color="", fill="")."""
    return [
        labs(
            title=headline(title),
            subtitle=textwrap.fill(subtitle, SUBTITLE_WIDTH),
            x="",
            y="",
            **legend,
        ),
        base_theme(),
        SMALL,
    ]


def month_axis(months: list[str], language: str, room_right: float = 0.6) -> scale_x_discrete:
    """The year's months in order, named short; `room_right` months of space after the last
    for labels printed at the lines' ends."""
    labels = month_labels(months, language)
    return scale_x_discrete(
        limits=months,
        labels=lambda shown: [labels[m] for m in shown],
        expand=(0, 0.6, 0, room_right),
    )


def month_labels(months: list[str], language: str) -> dict[str, str]:
    """'jan', 'feb', ...: the monitor's months are of one year, which its titles name."""
    return {m: i18n.month_name(parse_month(m), language, short=True)[:3] for m in months}


def legend_names(labels: list[str]) -> list[str]:
    """What tells the series apart: the labels without the words they all share at the start
    and the end ('Usage of Slack', 'Usage of E-mail' -> 'Slack', 'E-mail'; '... (Slack)' ->
    'Slack'), so a legend fits half a page; the full labels when that would leave one empty."""
    if len(labels) < 2:
        return labels
    prefix = os.path.commonprefix(labels)
    prefix = prefix[: max(prefix.rfind(" "), prefix.rfind("(")) + 1]
    suffix = os.path.commonprefix([x[::-1] for x in labels])[::-1]
    suffix = suffix if suffix in (")", "") else ""
    names = [x[len(prefix) : len(x) - len(suffix)].strip() for x in labels]
    return names if all(names) and len(set(names)) == len(names) else labels


def _long(year: Year, ids: list[str], language: str, width: int = 28) -> pd.DataFrame:
    """The series of `ids` with their legend name, ready to draw."""
    data = year.data[year.data["id"].isin(ids)].copy()
    present = [i for i in ids if i in set(data["id"])]
    names = dict(
        zip(
            present,
            [textwrap.fill(n, width) for n in legend_names([label(i, language) for i in present])],
            strict=True,
        )
    )
    data["series"] = pd.Categorical([names[i] for i in data["id"]], categories=list(names.values()))
    return data


def _colours(data: pd.DataFrame) -> dict:
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(data["series"].cat.categories)}


def _end_labels(data: pd.DataFrame, language: str) -> pd.DataFrame:
    """The last value of each series, printed as the catalogue prints it, at a height
    (`label_y`) apart from the other series' labels."""
    last = data.sort_values("month").groupby("id", observed=True).tail(1).copy()
    last["text"] = [
        formatted(i, v, language) for i, v in zip(last["id"], last["value"], strict=True)
    ]
    last["label_y"] = spread(list(last["value"]), LABEL_GAP, (0.0, 100.0))
    return last


LABEL_GAP = 5.0  # points of a 0-100 axis between two end labels: one line of 6.5-point text


def spread(values: list[float], gap: float, bounds: tuple[float, float]) -> list[float]:
    """Heights for labels of `values`, at least `gap` apart and within `bounds`, each as near
    its value as that allows (series ending at 99.9 and 100.0 get two readable labels)."""
    low, high = bounds
    order = sorted(range(len(values)), key=lambda i: (values[i], i))
    heights = [0.0] * len(values)
    below = None
    for i in order:  # upwards: each at least `gap` above the one below it
        heights[i] = max(values[i], low) if below is None else max(values[i], below + gap)
        below = heights[i]
    above = None
    for i in reversed(order):  # then down from the top, where upwards ran out of room
        heights[i] = min(heights[i], high) if above is None else min(heights[i], above - gap)
        above = heights[i]
    return heights


def _with_two_months(data: pd.DataFrame) -> pd.DataFrame:
    """A line needs two months; a single month is a point."""
    return data[data.groupby("id")["id"].transform("size") > 1]


def empty(title: str, language: str) -> Chart:
    return Chart(title, no_data_panel(title, language, i18n.text(language, "no_data_year")) + SMALL)


def percent_lines(year: Year, ids: list[str], title: str, language: str, subtitle: str = ""):
    """Percentages of the months on a fixed 0-100 axis: 99.0 -> 99.1 stays flat."""
    data = _long(year, ids, language)
    if data.empty:
        return empty(title, language)
    months = year.months
    ends = _end_labels(data, language)
    plot = (
        ggplot(data, aes("month", "value", color="series", group="series"))
        + geom_line(data=_with_two_months, size=0.9)
        + geom_point(size=1.4)
        + geom_text(
            aes(y="label_y", label="text"),
            data=ends,
            nudge_x=0.28,
            ha="left",
            size=6.5,
            show_legend=False,
        )
        + month_axis(months, language, room_right=1.4)
        + scale_y_continuous(limits=(0, 100), breaks=[0, 25, 50, 75, 100])
        + scale_color_manual(values=_colours(data))
        + dressed(title, subtitle, color="")
        + theme(legend_position="bottom" if len(ids) > 1 else "none")
    )
    return Chart(title, plot, series_table(year, ids, language))


def count_bars(year: Year, ids: list[str], title: str, language: str, subtitle: str = ""):
    """Counts per month as bars from zero, side by side per series, each with its number."""
    data = _long(year, ids, language)
    if data.empty:
        return empty(title, language)
    months = year.months
    data["text"] = [
        formatted(i, v, language) for i, v in zip(data["id"], data["value"], strict=True)
    ]
    dodge = position_dodge(width=0.8)
    top = max(float(data["value"].max()), 1.0)
    plot = (
        ggplot(data, aes("month", "value", fill="series"))
        + geom_col(position=dodge, width=0.75)
        + geom_text(aes(label="text"), position=dodge, va="bottom", size=5.5, color=INK)
        + month_axis(months, language)
        + count_scale(language, top, 1.15)
        + scale_fill_manual(values=_colours(data))
        + dressed(title, subtitle, fill="")
        + theme(legend_position="bottom" if len(ids) > 1 else "none")
    )
    return Chart(title, plot, series_table(year, ids, language))


def level_line(year: Year, figure_id: str, title: str, language: str, limits: tuple, subtitle=""):
    """One figure over the months on a fixed axis (`limits`), a zero line when it spans zero."""
    data = _long(year, [figure_id], language)
    if data.empty:
        return empty(title, language)
    months = year.months
    ends = _end_labels(data, language)
    plot = (
        ggplot(data, aes("month", "value", group="id"))
        + geom_line(data=_with_two_months, color=ACCENT, size=0.9)
        + geom_point(color=ACCENT, size=1.4)
        + geom_text(aes(label="text"), data=ends, nudge_x=0.25, ha="left", size=6.5, color=INK)
        + month_axis(months, language, room_right=1.2)
        + scale_y_continuous(limits=limits)
        + dressed(title, subtitle)
    )
    if limits[0] is not None and limits[0] < 0:
        plot += geom_hline(yintercept=0, color=MUTED, size=0.4)
    return Chart(title, plot, series_table(year, [figure_id], language))


@cache
def rogers_boundaries() -> tuple[float, ...]:
    """Rogers' boundaries as the phases were computed with them (dbt_project.yml's var)."""
    project = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    return tuple(float(v) for v in project["vars"]["rogers_boundaries"].values())


def rogers_bars(year: Year, title: str, language: str):
    """Each tool's share of the headcount that ever used it, against Rogers' boundaries."""
    rows = [
        (i18n.tool_name(p["tool"]), f["value"], year.value(f"adoption.{p['tool']}.phase"))
        for f, p in catalogue().each(year.last, "adoption.{tool}.adopters_pct")
        if f["value"] is not None
    ]
    if not rows:
        return empty(title, language)
    data = pd.DataFrame(rows, columns=["tool", "pct", "phase"])
    data["text"] = [
        f"{formatted('adoption.x.adopters_pct', v, language)} · {i18n.phase_name(p, language)}"
        if p
        else formatted("adoption.x.adopters_pct", v, language)
        for v, p in zip(data["pct"], data["phase"], strict=True)
    ]
    data["tool"] = pd.Categorical(data["tool"], categories=sorted(data["tool"], reverse=True))
    plot = (
        ggplot(data, aes("tool", "pct"))
        + geom_col(fill=ACCENT, width=0.6)
        + geom_text(aes(label="text"), ha="left", nudge_y=2, size=6.5, color=INK)
        + scale_y_continuous(
            limits=(0, 140),
            breaks=[*rogers_boundaries(), 100],
            labels=lambda shown: [i18n.number(b, language, 1 if b % 1 else 0) for b in shown],
        )
        + dressed(title, text(language, "rogers_subtitle"))
        + theme(axis_text_x=element_text(size=5.5))
    )
    for boundary in rogers_boundaries():
        plot += geom_hline(yintercept=boundary, color=MUTED, linetype="dashed", size=0.3)
    table = pd.DataFrame(
        {"": data["tool"].astype(str), text(language, "chart_adoption"): data["text"]}
    )
    return Chart(title, plot + coord_flip(), table.iloc[::-1])


def light_strip(year: Year, title: str, language: str):
    """The top issues of the year as rows, the months as columns, each cell its light."""
    rows = []
    for month in year.months:
        for issue in year.value("issues.top10", month) or []:
            rows.append((data_label(issue["issue"], 24), month, issue["light"]))
    if not rows:
        return empty(title, language)
    data = pd.DataFrame(rows, columns=["issue", "month", "light"])
    order = (
        data.assign(red=data["light"].eq("red"))
        .groupby("issue")["red"]
        .agg(["sum", "size"])
        .sort_values(["sum", "size"], ascending=False)
        .head(10)
    )
    data = data[data["issue"].isin(order.index)]
    data["issue"] = pd.Categorical(data["issue"], categories=list(order.index)[::-1])
    data["letter"] = data["light"].map(light_letters(language))
    months = year.months
    plot = (
        ggplot(data, aes("month", "issue", fill="light"))
        + geom_tile(color="white", size=0.6)
        + geom_text(aes(label="letter"), size=6, color="white", fontweight="bold")
        + scale_fill_manual(values={k: v[0] for k, v in LIGHTS.items()}, guide=None)
        + month_axis(months, language)
        + scale_y_discrete()
        + dressed(title, text(language, "strip_subtitle"))
    )
    return Chart(title, plot, _lights_table(data, months, language))


def theme_bars(year: Year, title: str, language: str):
    """Messages per theme over the year, the successful ones marked."""
    totals: dict[str, float] = {}
    for month in year.months:
        for f, p in catalogue().each(year.documents[month], "themes.{theme}.messages"):
            if f["value"] is not None:
                totals[p["theme"]] = totals.get(p["theme"], 0) + f["value"]
    if not totals:
        return empty(title, language)
    successful = {
        p["theme"]
        for f, p in catalogue().each(year.last, "themes.{theme}.is_successful")
        if f["value"]
    }
    data = pd.DataFrame(
        [(data_label(t, 28), n, t in successful) for t, n in totals.items()],
        columns=["theme", "messages", "successful"],
    ).sort_values(["messages", "theme"])
    data = data.tail(10)
    data["theme"] = pd.Categorical(data["theme"], categories=list(data["theme"]))
    data["text"] = [
        i18n.number(n, language, 0) + ("  ✓" if ok else "")
        for n, ok in zip(data["messages"], data["successful"], strict=True)
    ]
    plot = (
        ggplot(data, aes("theme", "messages"))
        + geom_col(fill=ACCENT, width=0.65)
        + geom_text(
            aes(label="text"),
            ha="left",
            nudge_y=float(data["messages"].max()) * 0.02,
            size=6.5,
            color=INK,
        )
        + scale_y_continuous(limits=(0, float(data["messages"].max()) * 1.25))
        + dressed(title, text(language, "themes_subtitle"))
        + coord_flip()
    )
    return Chart(
        title,
        plot,
        data[["theme", "messages"]]
        .iloc[::-1]
        .assign(messages=data["text"].iloc[::-1])
        .rename(columns={"theme": "", "messages": text(language, "chart_themes")}),
    )


def _lights_table(data: pd.DataFrame, months: list[str], language: str) -> pd.DataFrame:
    """Issue by month, each cell the light's name."""
    labels = month_labels(months, language)
    table = data.assign(name=[i18n.light_name(x, language) for x in data["light"]]).pivot_table(
        index="issue", columns="month", values="name", aggfunc="first", observed=True
    )
    table = table.reindex(columns=months, fill_value="").astype(object).fillna("")
    table.columns = [labels[m] for m in table.columns]
    return table.iloc[::-1].reset_index().rename(columns={"issue": ""})


def benchmark(compared: dict, language: str) -> Chart:
    """Per ratio, the pool's middle half (Q1 to Q3) as a bar, its median as a tick and this
    organisation as a dot."""
    rows = [
        (textwrap.fill(label(ratio, language), 38), r["q1"], r["median"], r["q3"], r["ours"])
        for ratio, r in compared["ratios"].items()
    ]
    data = pd.DataFrame(rows, columns=["ratio", "q1", "median", "q3", "ours"])
    data["ratio"] = pd.Categorical(data["ratio"], categories=list(data["ratio"]))
    data["y"] = 0.0
    title = i18n.text(language, "benchmark_title", year=compared["year"])
    plot = (
        ggplot(data)
        + geom_segment(aes(x="q1", xend="q3", y="y", yend="y"), color="#9ca3af", size=4)
        + geom_point(aes(x="median", y="y"), shape="|", size=8, color="#374151")
        + geom_point(aes(x="ours", y="y"), color=ACCENT, size=3)
        + facet_wrap("ratio", scales="free_x", ncol=3)
        + labs(
            title=title,
            caption=i18n.text(language, "benchmark_caption"),
            x="",
            y="",
        )
        + base_theme()
        + theme(
            axis_text_y=element_blank(),
            strip_text=element_text(size=7),
            axis_text_x=element_text(size=6),
        )
    )
    return Chart(title, plot)


def completeness(
    year: Year,
    delivered: dict[str, set[str]],
    title: str,
    language: str,
    sources: list[str] | None = None,
) -> Chart:
    """Which source delivered data for which month: a missing month stands out as a gap.
    `sources`: the rows (default: every source that delivered in the year)."""
    if sources is None:
        sources = sorted({s for m in year.months for s in delivered.get(m, set())})
    if not sources:
        return empty(title, language)
    labels = month_labels(year.months, language)
    rows = [
        (i18n.source_name(source, language), month, source in delivered.get(month, set()))
        for source in sources
        for month in year.months
    ]
    data = pd.DataFrame(rows, columns=["source", "month", "delivered"])
    data["source"] = pd.Categorical(data["source"], categories=sorted(set(data["source"]))[::-1])
    data["mark"] = ["✓" if d else "–" for d in data["delivered"]]
    months = year.months
    plot = (
        ggplot(data, aes("month", "source", fill="delivered"))
        + geom_tile(color="white", size=0.6)
        + geom_text(aes(label="mark"), size=6.5, color="white")
        + scale_fill_manual(values={True: ACCENT, False: "#d1d5db"}, guide=None)
        + month_axis(months, language)
        + dressed(title, text(language, "completeness_subtitle"))
    )
    table = (
        data.assign(month=[labels[m] for m in data["month"]])
        .pivot_table(index="source", columns="month", values="mark", aggfunc="first", observed=True)
        .reindex(columns=[labels[m] for m in months])
        .iloc[::-1]
        .reset_index()
        .rename(columns={"source": ""})
    )
    return Chart(title, plot, table)


def against_last_year(year: Year, ids: list[str], title: str, language: str) -> Chart:
    """The last month's percentages against the same month a year earlier: a grey dot then,
    a coloured dot now, on one 0-100 axis."""
    if year.previous is None:
        return empty(title, language)
    before = {f["id"]: f["value"] for f in year.previous["figures"]}
    rows = [
        (label(i, language), before.get(i), year.value(i), i)
        for i in ids
        if isinstance(before.get(i), int | float) and isinstance(year.value(i), int | float)
    ]
    if not rows:
        return empty(title, language)
    data = pd.DataFrame(rows, columns=["figure", "before", "now", "id"])
    data["figure"] = pd.Categorical(
        [data_label(f, 52) for f in data["figure"]],
        categories=[data_label(f, 52) for f in data["figure"]][::-1],
    )
    data["text"] = [formatted(i, v, language) for i, v in zip(data["id"], data["now"], strict=True)]
    plot = (
        ggplot(data, aes(y="figure"))
        + geom_segment(aes(x="before", xend="now", yend="figure"), color="#9ca3af", size=1)
        + geom_point(aes(x="before"), color="#9ca3af", size=2.2)
        + geom_point(aes(x="now"), color=ACCENT, size=2.6)
        + geom_text(aes(x="now", label="text"), nudge_y=0.35, size=6, color=INK)
        + scale_x_continuous(limits=(0, 100), breaks=[0, 25, 50, 75, 100])
        + dressed(title, text(language, "against_subtitle"))
    )
    table = pd.DataFrame(
        {
            "": [label(i, language) for i in data["id"]],
            text(language, "then"): [
                formatted(i, v, language) for i, v in zip(data["id"], data["before"], strict=True)
            ],
            text(language, "now"): list(data["text"]),
        }
    )
    return Chart(title, plot, table)
