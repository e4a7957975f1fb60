"""The panels of the monthly infographic beyond usage per tool, each one plotnine plot that
reads its figures from figures.json (so the page prints what an auditor can trace)."""

from __future__ import annotations

import pandas as pd
from plotnine import (
    aes,
    annotate,
    coord_cartesian,
    coord_flip,
    element_blank,
    element_text,
    geom_abline,
    geom_col,
    geom_line,
    geom_point,
    geom_text,
    ggplot,
    labs,
    scale_fill_manual,
    scale_x_discrete,
    scale_y_continuous,
    theme,
    xlim,
    ylim,
)

from . import i18n
from .charts import ACCENT, FONT, INK, MUTED, base_theme

LIGHTS = {
    "green": ("#16a34a", "G"),
    "amber": ("#d97706", "O"),
    "red": ("#dc2626", "R"),
    "grey": ("#9ca3af", "–"),
}
LIGHT_LETTERS_EN = {"green": "G", "amber": "A", "red": "R", "grey": "–"}
TRENDS = {"up": "↑", "down": "↓", "flat": "→", "new": "•"}


def values(document: dict, prefix: str) -> dict:
    return {
        f["id"][len(prefix) :]: f["value"]
        for f in document["figures"]
        if f["id"].startswith(prefix)
    }


def value(document: dict, figure_id: str, default=None):
    for figure in document["figures"]:
        if figure["id"] == figure_id:
            return figure["value"]
    return default


def _blank(plot: ggplot) -> ggplot:
    return (
        plot
        + base_theme()
        + theme(axis_text=element_blank(), axis_title=element_blank(), panel_grid=element_blank())
    )


def _change(now, before, language: str, decimals: int, unit: str = "") -> str:
    if now is None or before is None:
        return ""
    return f"{i18n.number(now - before, language, decimals, sign=True)}{unit}"


def tiles(document: dict, previous: dict | None, language: str, title: str) -> ggplot:
    """Title block and four headline tiles, each with its change vs last month."""
    t = lambda key: i18n.text(language, key)  # noqa: E731
    before = previous or {"figures": []}
    items = [
        (t("tile_headcount"), value(document, "headcount"), value(before, "headcount"), 0, ""),
        (
            t("tile_social"),
            value(document, "social_active_pct"),
            value(before, "social_active_pct"),
            1,
            "%",
        ),
        (
            t("tile_engagement"),
            value(document, "yields.engagement_index"),
            value(before, "yields.engagement_index"),
            1,
            "",
        ),
        (
            t("tile_sentiment"),
            value(document, "participation.all.net_sentiment"),
            value(before, "participation.all.net_sentiment"),
            1,
            "",
        ),
    ]
    plot = ggplot(pd.DataFrame({"x": [0.0], "y": [0.0]}), aes("x", "y"))
    for i, (label, now, was, decimals, unit) in enumerate(items):
        left = i * 1.0 + 0.04
        shown = "–" if now is None else f"{i18n.number(now, language, decimals)}{unit}"
        change = _change(now, was, language, decimals)
        plot = (
            plot
            + annotate(
                "rect",
                xmin=left,
                xmax=left + 0.92,
                ymin=0.05,
                ymax=0.95,
                fill="#ecfdf5",
                color=ACCENT,
            )
            + annotate("text", x=left + 0.46, y=0.78, label=label, size=8, color=INK, family=FONT)
            + annotate(
                "text",
                x=left + 0.46,
                y=0.47,
                label=shown,
                size=17,
                color=ACCENT,
                fontweight="bold",
                family=FONT,
            )
            + annotate(
                "text", x=left + 0.46, y=0.18, label=change, size=7, color=MUTED, family=FONT
            )
        )
    return _blank(plot + xlim(0, 4) + ylim(0, 1) + labs(title=title))


def funnel(document: dict, language: str) -> ggplot:
    """The adoption funnel of the platform with the widest reach, and its ambition level."""
    reach = values(document, "funnel.")
    platforms = sorted(
        {k.split(".")[0] for k in reach}, key=lambda p: -(reach.get(f"{p}.reach") or 0)
    )
    platform = next((p for p in platforms if p in ("viva_engage", "slack")), platforms[0])
    steps = ("reach", "visit", "view", "interact", "contribute")
    names = i18n.text(language, "steps").split("|")
    data = pd.DataFrame(
        {
            "step": names,
            "pct": [reach.get(f"{platform}.{s}") for s in steps],
        }
    )
    data["shown"] = data["pct"].fillna(0.0)
    data["label"] = [
        ("–" if p is None or pd.isna(p) else f"{i18n.number(p, language, 1)}%") for p in data["pct"]
    ]
    level = value(document, f"ambition_level.{platform}") or "–"
    return (
        ggplot(data, aes("step", "shown"))
        + geom_col(fill=ACCENT, width=0.7)
        + geom_text(aes(label="label"), nudge_y=6, size=7, color=INK, family=FONT)
        + scale_x_discrete(limits=names)
        + scale_y_continuous(limits=(0, 115), breaks=[0, 50, 100])
        + labs(
            title=i18n.text(language, "funnel_title", platform=i18n.tool_name(platform)),
            subtitle=i18n.text(language, "ambition", level=level),
            x="",
            y="",
        )
        + base_theme()
        + theme(plot_subtitle=element_text(size=8, color=ACCENT, weight="bold"))
    )


def lorenz(document: dict, curve: list[tuple[float, float]], language: str) -> ggplot:
    """Cumulative share of messages by cumulative share of writers, most active first."""
    points = pd.DataFrame([(0.0, 0.0), *curve], columns=["people", "messages"])
    x80 = value(document, "participation.all.pct_for_80")
    split = {
        k: value(document, f"participation.all.{k}_pct") for k in ("lurkers", "occasional", "heavy")
    }
    subtitle = i18n.text(
        language, "split", **{k[0]: i18n.number(v, language, 0) for k, v in split.items()}
    )
    shown = "–" if x80 is None else i18n.number(x80, language, 0)
    plot = (
        ggplot(points, aes("people", "messages"))
        + geom_abline(slope=1, intercept=0, linetype="dashed", color=MUTED)
        + geom_line(color=ACCENT, size=1.1)
        + coord_cartesian(xlim=(0, 100), ylim=(0, 100))
        + labs(
            title=i18n.text(language, "lorenz_title", x=shown),
            subtitle=subtitle,
            x=i18n.text(language, "lorenz_x"),
            y=i18n.text(language, "lorenz_y"),
        )
        + base_theme()
        + theme(axis_title=element_text(size=7), plot_subtitle=element_text(size=7, color=MUTED))
    )
    if x80 is not None:
        # the point where the curve first reaches 80% of the messages
        reached = points[points["people"] >= x80 - 0.01]
        y = float(reached["messages"].iloc[0]) if not reached.empty else 80.0
        plot += geom_point(
            pd.DataFrame({"people": [x80], "messages": [y]}), color="#dc2626", size=2.5
        )
    return plot


def issues(document: dict, language: str) -> ggplot:
    """Top-10 issues by volume; the light as colour and as a letter, the trend as an arrow."""
    top = value(document, "issues.top10") or []
    letters = LIGHT_LETTERS_EN if language == "en" else {k: v[1] for k, v in LIGHTS.items()}

    def label(row: dict) -> str:
        sentiment = row["net_sentiment"]
        shown = "" if sentiment is None else i18n.number(sentiment, language, 0, sign=True)
        return f"{letters[row['light']]} {TRENDS.get(row['trend'], '')}  {shown}"

    rows = [(f"{r['rank']}. {r['issue']}", r["messages"], r["light"], label(r)) for r in top]
    data = pd.DataFrame(rows, columns=["issue", "messages", "light", "label"])
    if data.empty:
        data = pd.DataFrame({"issue": ["–"], "messages": [0], "light": ["grey"], "label": [""]})
    order = list(reversed(data["issue"]))
    top_value = max(data["messages"].max(), 1)
    return (
        ggplot(data, aes("issue", "messages", fill="light"))
        + geom_col(width=0.75, show_legend=False)
        + geom_text(
            aes(label="label"),
            ha="left",
            nudge_y=top_value * 0.03,
            size=6.5,
            color=INK,
            family=FONT,
        )
        + coord_flip()
        + scale_x_discrete(limits=order)
        + scale_y_continuous(limits=(0, top_value * 1.6))
        + scale_fill_manual(values={k: v[0] for k, v in LIGHTS.items()})
        + labs(title=i18n.text(language, "issues_title"), x="", y="")
        + base_theme()
        + theme(axis_text_y=element_text(size=7))
    )


def themes(document: dict, language: str) -> ggplot:
    """Themes ranked by messages, with their success flag and response rate."""
    figures = values(document, "themes.")
    names = sorted({k.rsplit(".", 1)[0] for k in figures})
    rows = []
    for name in names:
        rate = figures.get(f"{name}.response_rate_pct")
        flag = "✓" if figures.get(f"{name}.is_successful") else "·"
        label = f"{flag} {i18n.number(rate, language, 0)}%" if rate is not None else flag
        rows.append((name, figures.get(f"{name}.messages") or 0, label))
    data = pd.DataFrame(rows, columns=["theme", "messages", "label"]).sort_values("messages")
    if data.empty:
        data = pd.DataFrame({"theme": ["–"], "messages": [0], "label": [""]})
    top_value = max(data["messages"].max(), 1)
    return (
        ggplot(data, aes("theme", "messages"))
        + geom_col(fill="#2563eb", width=0.7)
        + geom_text(
            aes(label="label"), ha="left", nudge_y=top_value * 0.03, size=7, color=INK, family=FONT
        )
        + coord_flip()
        + scale_x_discrete(limits=list(data["theme"]))
        + scale_y_continuous(limits=(0, top_value * 1.45))
        + labs(title=i18n.text(language, "themes_title"), x="", y=i18n.text(language, "messages"))
        + base_theme()
        + theme(axis_text_y=element_text(size=7), axis_title_x=element_text(size=7))
    )


def yields(document: dict, language: str, footer: str) -> ggplot:
    """The yields as a short list of sentences."""
    y = values(document, "yields.")

    def n(key, decimals=0, sign=False):
        return i18n.number(y.get(key), language, decimals, sign=sign)

    lines = [
        i18n.text(
            language,
            "email_line",
            v=n("email_sent_per_person_per_day", 2),
            c=n("email_change_vs_baseline_pct", 1, sign=True) + "%",
        ),
        i18n.text(language, "ideas_line", i=n("ideas"), a=n("ideas_adopted")),
        i18n.text(
            language,
            "engagement_line",
            v=n("engagement_index", 1),
            r=n("survey_response_rate_pct", 0),
        ),
        i18n.text(language, "followup_line", s=n("signalled"), r=n("responded"), a=n("acted_on")),
        i18n.text(language, "median_line", d=n("median_days_to_response", 1)),
    ]
    plot = ggplot(pd.DataFrame({"x": [0.0], "y": [0.0]}), aes("x", "y"))
    for i, line in enumerate(lines):
        plot += annotate(
            "text",
            x=0.02,
            y=0.88 - i * 0.19,
            label=line,
            ha="left",
            size=7.5,
            color=INK,
            family=FONT,
        )
    return _blank(
        plot
        + xlim(0, 1)
        + ylim(0, 1)
        + labs(title=i18n.text(language, "yields_title"), caption=footer)
        + theme(plot_caption=element_text(size=6.5, color=MUTED, ha="left"))
    )


def reach(document: dict, language: str) -> ggplot:
    """Reach per segment; a suppressed segment reads "< k", never as a number."""
    names = dict(p.split("=") for p in i18n.text(language, "dimensions").split("|"))
    rows = []
    for figure in document["figures"]:
        if not figure["id"].startswith("reach."):
            continue
        _, dimension, segment = figure["id"].split(".", 2)
        suppressed = figure.get("suppressed")
        pct = figure["value"]
        label = figure.get("shown_as", "") if suppressed else f"{i18n.number(pct, language, 0)}"
        rows.append((f"{names.get(dimension, dimension)}: {segment}", pct or 0.0, label, dimension))
    data = pd.DataFrame(rows, columns=["segment", "pct", "label", "dimension"])
    if data.empty:
        data = pd.DataFrame({"segment": ["–"], "pct": [0.0], "label": [""], "dimension": ["-"]})
    order = list(reversed(data["segment"]))
    return (
        ggplot(data, aes("segment", "pct", fill="dimension"))
        + geom_col(width=0.75, show_legend=False)
        + geom_text(aes(label="label"), ha="left", nudge_y=2, size=5.5, color=INK, family=FONT)
        + coord_flip()
        + scale_x_discrete(limits=order)
        + scale_y_continuous(limits=(0, 115), breaks=[0, 50, 100])
        + labs(title=i18n.text(language, "reach_title"), x="", y="")
        + base_theme()
        + theme(axis_text_y=element_text(size=5.5))
    )
