"""The panels of the monthly infographic beyond usage per tool, each one plotnine plot that
reads its figures from figures.json (so the page prints what an auditor can trace)."""

from __future__ import annotations

import pandas as pd
from plotnine import (
    aes,
    annotate,
    coord_cartesian,
    coord_flip,
    element_text,
    facet_wrap,
    geom_abline,
    geom_col,
    geom_line,
    geom_point,
    geom_segment,
    geom_text,
    ggplot,
    labs,
    scale_color_manual,
    scale_fill_manual,
    scale_x_continuous,
    scale_x_discrete,
    scale_y_continuous,
    scale_y_discrete,
    theme,
    xlim,
    ylim,
)

from ..months import parse_month
from . import i18n
from .catalogue import catalogue
from .charts import (
    ACCENT,
    FONT,
    INK,
    MUTED,
    base_theme,
    blank,
    count_scale,
    data_label,
    no_data_panel,
)

LIGHTS = {
    "green": ("#16a34a", "G"),
    "amber": ("#d97706", "O"),
    "red": ("#dc2626", "R"),
    "grey": ("#9ca3af", "–"),
}
LIGHT_LETTERS_EN = {"green": "G", "amber": "A", "red": "R", "grey": "–"}
# A light whose 90% interval spans two colours is drawn pale and marked "?": uncertain.
UNCERTAIN_LIGHTS = {"green": "#86efac", "amber": "#fcd34d", "red": "#fca5a5"}
TRENDS = {"up": "↑", "down": "↓", "flat": "→", "new": "•"}


def light_letters(language: str) -> dict[str, str]:
    """A light as one letter in the report's language (R, O/A, G, – for grey)."""
    return LIGHT_LETTERS_EN if language == "en" else {k: v[1] for k, v in LIGHTS.items()}


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


def _change(now, before, language: str, decimals: int, unit: str = "") -> str:
    if now is None or before is None:
        return ""
    return f"{i18n.number(now - before, language, decimals, sign=True)}{unit}"


def tile(plot, left, width, bottom, top, label, shown, note, big: float, small: float, fill):
    """A framed tile: its name, the figure large, and a note (change, context) small."""
    middle, height = left + width / 2, top - bottom
    plot += annotate(
        "rect", xmin=left, xmax=left + width, ymin=bottom, ymax=top, fill=fill, color=ACCENT
    )
    for y, text, size, colour, weight in (
        (0.80, label, small + 1, INK, "normal"),
        (0.49, shown, big, ACCENT, "bold"),
        (0.18, note, small, MUTED, "normal"),
    ):
        plot += annotate(
            "text",
            x=middle,
            y=bottom + height * y,
            label=text,
            size=size,
            color=colour,
            fontweight=weight,
            family=FONT,
        )
    return plot


def tiles(document: dict, previous: dict | None, language: str, title: str) -> ggplot:
    """Title block, four headline tiles with their change vs last month, and the yields as a
    row of smaller tiles (e-mail vs baseline, ideas, follow-up of signals)."""
    t = lambda key, **kw: i18n.text(language, key, **kw)  # noqa: E731
    before = previous or {"figures": []}
    since = (
        t("vs_last", month=i18n.month_name(parse_month(before["month"]), language, short=True))
        if previous
        else ""
    )
    headline = [  # a tile's short caption; the figure printed as the catalogue says
        (t("tile_headcount"), "headcount", ""),
        (t("tile_social"), "social_active_pct", "%"),
        (t("tile_engagement"), "yields.engagement_index", ""),
        (t("tile_sentiment"), "participation.all.net_sentiment", ""),
    ]
    plot = ggplot(pd.DataFrame({"x": [0.0], "y": [0.0]}), aes("x", "y"))
    for i, (label, figure_id, unit) in enumerate(headline):
        decimals = catalogue().decimals(figure_id)
        now, was = value(document, figure_id), value(before, figure_id)
        shown = "–" if now is None else f"{i18n.number(now, language, decimals)}{unit}"
        change = _change(now, was, language, decimals)
        note = f"{change} {since}".strip() if change else ""
        plot = tile(plot, i + 0.04, 0.92, 0.5, 1.0, label, shown, note, 14, 6.5, "#ecfdf5")
    y = values(document, "yields.")

    def n(key, decimals=0, sign=False):
        return i18n.number(y.get(key), language, decimals, sign=sign)

    change = y.get("email_change_vs_baseline_pct")
    yields = [
        (
            t("yield_email"),
            n("email_sent_per_person_per_day", 2),
            t("yield_email_note", c=n("email_change_vs_baseline_pct", 1, sign=True) + "%")
            if change is not None
            else "",
        ),
        (t("yield_ideas"), n("ideas"), t("yield_ideas_note", a=n("ideas_adopted"))),
        (
            t("yield_followup"),
            n("responded"),
            t("yield_followup_note", s=n("signalled"), a=n("acted_on")),
        ),
        (
            t("yield_median"),
            n("median_days_to_response", 1),
            t("yield_median_note", r=n("survey_response_rate_pct")),
        ),
    ]
    plot += annotate(
        "text",
        x=0.04,
        y=0.43,
        label=t("yields_title"),
        ha="left",
        size=8.5,
        color=INK,
        fontweight="bold",
        family=FONT,
    )
    for i, (label, shown, note) in enumerate(yields):
        plot = tile(plot, i + 0.04, 0.92, 0.0, 0.36, label, shown, note, 10.5, 5.5, "#f8fafc")
    return blank(plot + xlim(0, 4) + ylim(0, 1) + labs(title=title))


def funnel(document: dict, language: str) -> ggplot:
    """The adoption funnel of the platform with the widest reach, and its ambition level."""
    reach = {k: v for k, v in values(document, "funnel.").items() if v is not None}
    platforms = sorted(
        {k.split(".")[0] for k in reach}, key=lambda p: (-(reach.get(f"{p}.reach") or 0), p)
    )
    if not platforms:
        return no_data_panel(i18n.text(language, "funnel_title_none"), language)
    platform = next((p for p in platforms if p in ("viva_engage", "slack")), platforms[0])
    steps = ("reach", "visit", "view", "interact", "contribute")
    names = i18n.text(language, "steps").split("|")
    data = pd.DataFrame(
        {"step": names, "pct": [reach.get(f"{platform}.{s}") for s in steps]}
    ).astype({"pct": float})
    data["shown"] = data["pct"].fillna(0.0)
    data["label"] = [
        ("–" if p is None or pd.isna(p) else f"{i18n.number(p, language, 1)}%") for p in data["pct"]
    ]
    level = i18n.ambition_level(value(document, f"ambition_level.{platform}"), language)
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
        + theme(
            plot_subtitle=element_text(size=8, color=ACCENT, weight="bold"),
            axis_text_x=element_text(size=7),
        )
    )


def lorenz(document: dict, curve: list[tuple[float, float]], language: str) -> ggplot:
    """Cumulative share of messages by cumulative share of writers, most active first."""
    if not curve:
        return no_data_panel(i18n.text(language, "lorenz_title_none"), language)
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


def _ranked_bars_text(language: str, panel: str):
    """Title, explaining subtitle and message axis of the issue and theme rankings (a list:
    plotnine adds each in turn)."""
    return [
        labs(
            title=i18n.text(language, f"{panel}_title"),
            subtitle=i18n.text(language, f"{panel}_subtitle"),
            x="",
            y=i18n.text(language, "messages"),
        ),
        base_theme(),
        theme(
            axis_text_y=element_text(size=7),
            axis_title_x=element_text(size=7),
            plot_subtitle=element_text(size=6, color=MUTED),
        ),
    ]


def _is_uncertain(row: dict) -> bool:
    """False, not missing: documents written before the interval existed show firm lights."""
    return row.get("light_is_firm") is False


def issues(document: dict, language: str) -> ggplot:
    """Top-10 issues by volume; the light as colour and as a letter (pale and with "?" when
    uncertain), the trend as an arrow."""
    top = value(document, "issues.top10") or []
    letters = light_letters(language)

    def label(row: dict) -> str:
        sentiment = row["net_sentiment"]
        shown = "" if sentiment is None else i18n.number(sentiment, language, 0, sign=True)
        mark = "?" if _is_uncertain(row) else ""
        return f"{letters[row['light']]}{mark} {TRENDS.get(row['trend'], '')}  {shown}"

    def fill(row: dict) -> str:
        return f"{row['light']}_uncertain" if _is_uncertain(row) else row["light"]

    rows = [(f"{r['rank']}. {r['issue']}", r["messages"], fill(r), label(r)) for r in top]
    data = pd.DataFrame(rows, columns=["issue", "messages", "light", "label"])
    if data.empty:
        return no_data_panel(i18n.text(language, "issues_title"), language)
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
        + scale_x_discrete(limits=order, labels=lambda keys: [data_label(k) for k in keys])
        + count_scale(language, top_value, 1.6)
        + scale_fill_manual(
            values={k: v[0] for k, v in LIGHTS.items()}
            | {f"{k}_uncertain": colour for k, colour in UNCERTAIN_LIGHTS.items()}
        )
        + _ranked_bars_text(language, "issues")
    )


def themes(document: dict, language: str) -> ggplot:
    """Themes ranked by messages, with their success flag and response rate."""
    by_theme: dict[str, dict[str, dict]] = {}  # theme -> column -> figure
    for figure in document["figures"]:
        entry, parts = catalogue().find(figure["id"])
        if entry.model == "fct_themes_monthly":
            by_theme.setdefault(parts["theme"], {})[entry.column] = figure
    rows = []
    for name, figures in sorted(by_theme.items()):
        rate = figures["response_rate_pct"]
        flag = "✓" if figures["is_successful"]["value"] else "·"
        label = f"{flag} {i18n.number(rate['value'], language, 0)}%"
        if rate["value"] is None:
            label = flag
        if rate.get("note") == "no_threads":
            label = f"{flag} {i18n.text(language, 'no_threads')}"
        rows.append((name, figures["messages"]["value"] or 0, label))
    data = pd.DataFrame(rows, columns=["theme", "messages", "label"]).sort_values("messages")
    if data.empty:
        return no_data_panel(i18n.text(language, "themes_title"), language)
    top_value = max(data["messages"].max(), 1)
    return (
        ggplot(data, aes("theme", "messages"))
        + geom_col(fill="#2563eb", width=0.7)
        + geom_text(
            aes(label="label"), ha="left", nudge_y=top_value * 0.03, size=7, color=INK, family=FONT
        )
        + coord_flip()
        + scale_x_discrete(
            limits=list(data["theme"]), labels=lambda keys: [data_label(k) for k in keys]
        )
        + count_scale(language, top_value, 1.45)
        + _ranked_bars_text(language, "themes")
    )


def reach(document: dict, language: str, footer: str) -> ggplot:
    """Reach per segment, one small panel per dimension; segments below the organisation-wide
    share are marked, and a suppressed segment reads "< k", never as a number."""
    overall = value(document, "reach_beyond_email_pct")  # the same measure, organisation-wide
    rows = []
    for figure, parts in catalogue().each(document, "reach.{dimension}.{segment}"):
        dimension, segment = parts["dimension"], parts["segment"]
        pct = None if figure.get("suppressed") else figure["value"]
        label = figure.get("shown_as", "") if pct is None else i18n.number(pct, language, 0)
        below = pct is not None and overall is not None and pct < overall
        rows.append((i18n.dimension_name(dimension, language), segment, pct, label, below))
    data = pd.DataFrame(rows, columns=["dimension", "segment", "pct", "label", "below"])
    if data["pct"].isna().all():  # nothing to show but suppressed or unknown segments
        return no_data_panel(i18n.text(language, "reach_title"), language, caption=footer)
    keys = data["dimension"] + "|" + data["segment"]
    order = list(
        dict.fromkeys(data.assign(key=keys).sort_values("segment", ascending=False)["key"])
    )
    data["key"] = pd.Categorical(keys, categories=order)
    data["shown"] = data["pct"].astype(float).fillna(0.0)
    subtitle = i18n.text(language, "reach_subtitle")
    if overall is not None:
        subtitle += " · " + i18n.text(
            language, "reach_overall", v=i18n.number(overall, language, 1)
        )
    return (
        ggplot(data, aes(y="key"))
        + geom_segment(aes(x=0, xend="shown", yend="key"), color="#d1d5db", size=1.2)
        + geom_point(
            aes(x="shown", color="below"),
            data=data[data["pct"].notna()],
            size=2.2,
            show_legend=False,
        )
        + geom_text(
            aes(x="shown", label="label"), ha="left", nudge_x=4, size=6, color=INK, family=FONT
        )
        + facet_wrap("dimension", nrow=1, scales="free_y")
        + scale_y_discrete(labels=lambda keys: [data_label(str(k).split("|", 1)[-1]) for k in keys])
        + scale_x_continuous(limits=(0, 125), breaks=[0, 50, 100])
        + scale_color_manual(values={True: "#d97706", False: ACCENT})
        + labs(
            title=i18n.text(language, "reach_title"), subtitle=subtitle, x="", y="", caption=footer
        )
        + base_theme()
        + theme(
            axis_text_y=element_text(size=6),
            axis_text_x=element_text(size=6),
            strip_text=element_text(size=7.5, weight="bold"),
            plot_subtitle=element_text(size=7, color=MUTED),
            plot_caption=element_text(size=6.5, color=MUTED, ha="left"),
        )
    )
