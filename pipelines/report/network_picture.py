"""The reply and mention network of each quarter, as a picture for the yearly monitor: people
as dots coloured by department, ties as lines, no names. The layout is networkx's spring
layout with a fixed seed, so the same warehouse draws the same picture.

A large organisation's quarter holds tens of thousands of people: the picture shows the
MAX_PEOPLE best-connected of each quarter (most ties, then key order), the largest connected
group among them and its ties, and says so. A department smaller than the minimum group size
is not named: its people are drawn in the colour of "small departments"."""

from __future__ import annotations

import textwrap

import pandas as pd
from plotnine import (
    aes,
    element_blank,
    element_text,
    facet_wrap,
    geom_point,
    geom_segment,
    ggplot,
    labs,
    scale_color_manual,
    theme,
)

from ..months import parse_month
from . import i18n
from .charts import MUTED, PALETTE, base_theme, data_label, no_data_panel

MAX_PEOPLE = 300
CAPTION_WIDTH = 120  # characters of a 7-point line across a portrait page
SEED = 17
SMALL = "\0small"  # a department below the minimum group size (named in the legend by i18n)


def quarter_ties(con, year: int) -> pd.DataFrame:
    """The ties of each quarter of the year with both ends' departments (the latest month's)."""
    first, after = parse_month(f"{year}-01"), parse_month(f"{year + 1}-01")
    return con.execute(
        """
        with people as (
            select
                p.month_start,
                p.person_key,
                case when d.is_suppressed then ? else p.department end as department
            from marts.fct_network_people_monthly as p
            inner join marts.fct_network_departments_monthly as d
                using (month_start, department)
            where p.month_start >= ? and p.month_start < ?
        ),
        ties as (
            select
                'Q' || quarter(t.month_start) as quarter,
                t.person_key,
                t.other_person_key,
                arg_max(a.department, t.month_start) as department,
                arg_max(b.department, t.month_start) as other_department
            from intermediate.int_network_ties as t
            inner join people as a using (month_start, person_key)
            inner join people as b
                on b.month_start = t.month_start and b.person_key = t.other_person_key
            group by all
        )
        select * from ties order by quarter, person_key, other_person_key
        """,
        [SMALL, first, after],
    ).df()


def layout(ties: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(people with x, y and department; ties with their ends' positions) of one quarter, the
    MAX_PEOPLE best-connected people only."""
    import networkx as nx

    graph = nx.Graph()
    for row in ties.itertuples(index=False):
        graph.add_node(row.person_key, department=row.department)
        graph.add_node(row.other_person_key, department=row.other_department)
        graph.add_edge(row.person_key, row.other_person_key)
    ranked = sorted(graph.nodes, key=lambda key: (-graph.degree[key], key))
    best = graph.subgraph(sorted(ranked[:MAX_PEOPLE]))
    # the largest connected group of them: a pair apart would push the rest into a corner
    largest = max(nx.connected_components(best), key=lambda part: (len(part), min(part)))
    shown = best.subgraph(sorted(largest))
    positions = nx.spring_layout(shown, seed=SEED)
    people = pd.DataFrame(
        [(key, *positions[key], shown.nodes[key]["department"]) for key in shown.nodes],
        columns=["person_key", "x", "y", "department"],
    )
    lines = pd.DataFrame(
        [(*positions[a], *positions[b]) for a, b in shown.edges],
        columns=["x", "y", "xend", "yend"],
    )
    return people, lines


def picture(con, year: int, language: str):
    """One panel per quarter with ties; a page that says so when the year has none."""
    title = i18n.text(language, "network_picture_title", year=year)
    ties = quarter_ties(con, year)
    if ties.empty:
        page = no_data_panel(title, language, i18n.text(language, "no_data_year"))
        return page + theme(figure_size=(11.69, 8.27))
    people, lines, counts = [], [], []
    for quarter, part in ties.groupby("quarter", sort=True):
        dots, segments = layout(part)
        people.append(dots.assign(quarter=quarter))
        lines.append(segments.assign(quarter=quarter))
        counts.append((quarter, part[["person_key", "other_person_key"]].stack().nunique()))
    people, lines = pd.concat(people), pd.concat(lines)
    small = i18n.text(language, "small_departments")
    people["department"] = [
        small if d == SMALL else data_label(d, 24) for d in people["department"]
    ]
    departments = sorted(set(people["department"]) - {small}) + (
        [small] if small in set(people["department"]) else []
    )
    colours = {d: PALETTE[i % len(PALETTE)] for i, d in enumerate(departments)}
    colours[small] = MUTED
    people["department"] = pd.Categorical(people["department"], categories=departments)
    caption = i18n.text(
        language,
        "network_picture_caption",
        counts="; ".join(f"{q}: {i18n.number(n, language, 0)}" for q, n in counts),
        most=i18n.number(MAX_PEOPLE, language, 0),
    )
    return (
        ggplot()
        + geom_segment(
            lines, aes("x", "y", xend="xend", yend="yend"), color=MUTED, alpha=0.35, size=0.3
        )
        + geom_point(people, aes("x", "y", color="department"), size=1.6)
        + facet_wrap("quarter", ncol=2, scales="free")
        + scale_color_manual(values=colours, name=i18n.text(language, "department"))
        + labs(title=title, caption=textwrap.fill(caption, CAPTION_WIDTH), x="", y="")
        + base_theme()
        + theme(
            figure_size=(11.69, 8.27),
            axis_text=element_blank(),
            panel_grid=element_blank(),
            plot_caption=element_text(size=7, color=MUTED, ha="left"),
        )
    )
