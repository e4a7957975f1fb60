"""Report wording and number formatting in Dutch and English."""

from __future__ import annotations

from datetime import date

MONTHS = {
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "January February March April May June July August September October November December",
}

STRINGS = {
    "nl": {
        "title": "Social Network Monitor",
        "usage_title": "Gebruik per tool (%)",
        "trend_title": "Trend, laatste {n} maanden (%)",
        "no_data": "geen gegevens",
        "footer": "Gegevens {period} · run {run_id}\nHerkomst van elk cijfer: {lineage}",
        "pp": "%-punt",
        "tile_headcount": "Medewerkers",
        "tile_social": "Actief op sociale tools",
        "tile_engagement": "Betrokkenheid",
        "tile_sentiment": "Netto sentiment",
        "funnel_title": "Adoptiefunnel {platform}",
        "ambition": "Ambitieniveau: {level}",
        "steps": "Bereik|Bezoek|Bekijken|Reageren|Bijdragen",
        "lorenz_title": "{x}% schrijft 80% van de berichten",
        "lorenz_x": "% van de schrijvers (meest actief eerst)",
        "lorenz_y": "% van de berichten",
        "split": "lezers {l}% · af en toe {o}% · veelschrijvers {h}%",
        "issues_title": "Top-10 issues (stoplicht, trend)",
        "themes_title": "Thema's (✓ = succesvol)",
        "yields_title": "Opbrengsten",
        "email_line": "E-mail p.p. per dag: {v} ({c} t.o.v. basis)",
        "ideas_line": "Ideeën: {i} · overgenomen: {a}",
        "engagement_line": "Betrokkenheidsindex: {v} (respons {r}%)",
        "followup_line": "Signalen: {s} · beantwoord: {r} · opgevolgd: {a}",
        "median_line": "Mediaan tot antwoord: {d} dagen",
        "reach_title": "Wie bereiken we? (%)",
        "dimensions": "department=afdeling|location=locatie|role_type=functie|age_band=leeftijd",
        "messages": "berichten",
    },
    "en": {
        "title": "Social Network Monitor",
        "usage_title": "Usage per tool (%)",
        "trend_title": "Trend, last {n} months (%)",
        "no_data": "no data",
        "footer": "Data {period} · run {run_id}\nLineage of every figure: {lineage}",
        "pp": "pp",
        "tile_headcount": "Employees",
        "tile_social": "Active on social tools",
        "tile_engagement": "Engagement",
        "tile_sentiment": "Net sentiment",
        "funnel_title": "Adoption funnel {platform}",
        "ambition": "Ambition level: {level}",
        "steps": "Reach|Visit|View|Interact|Contribute",
        "lorenz_title": "{x}% write 80% of the messages",
        "lorenz_x": "% of writers (most active first)",
        "lorenz_y": "% of messages",
        "split": "lurkers {l}% · occasional {o}% · heavy {h}%",
        "issues_title": "Top-10 issues (traffic light, trend)",
        "themes_title": "Themes (✓ = successful)",
        "yields_title": "Yields",
        "email_line": "E-mail per person/day: {v} ({c} vs baseline)",
        "ideas_line": "Ideas: {i} · adopted: {a}",
        "engagement_line": "Engagement index: {v} (response {r}%)",
        "followup_line": "Signals: {s} · answered: {r} · acted on: {a}",
        "median_line": "Median days to an answer: {d}",
        "reach_title": "Who do we reach? (%)",
        "dimensions": "department=department|location=location|role_type=role|age_band=age",
        "messages": "messages",
    },
}

TOOL_NAMES = {
    "email": "E-mail",
    "teams": "Teams",
    "viva_engage": "Viva Engage",
    "slack": "Slack",
    "intranet": "Intranet",
}


def text(language: str, key: str, **values) -> str:
    return STRINGS[language][key].format(**values)


def month_name(first: date, language: str, short: bool = False) -> str:
    name = MONTHS[language].split()[first.month - 1]
    if short:
        return f"{name[:3]} '{first:%y}"
    return f"{name} {first.year}"


def tool_name(tool: str) -> str:
    return TOOL_NAMES.get(tool, tool.replace("_", " ").capitalize())


def number(value: float | int | None, language: str, decimals: int = 0, sign: bool = False) -> str:
    """1205 -> '1.205' (nl) or '1,205' (en); 48.9 -> '48,9' (nl)."""
    if value is None:
        return "–"
    formatted = f"{value:{'+' if sign else ''},.{decimals}f}"
    if language == "nl":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return formatted
