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
        "headcount": "medewerkers",
        "vs_previous": "t.o.v. {month}",
        "no_previous": "geen vorige maand",
        "usage_title": "Gebruik per tool (%)",
        "trend_title": "Gebruik per tool, laatste {n} maanden (%)",
        "no_data": "geen gegevens",
        "footer": "Gegevens {period} · run {run_id} · herkomst van elk cijfer: {lineage}",
        "tool": "Tool",
        "pp": "%-punt",
    },
    "en": {
        "title": "Social Network Monitor",
        "headcount": "employees",
        "vs_previous": "vs {month}",
        "no_previous": "no previous month",
        "usage_title": "Usage per tool (%)",
        "trend_title": "Usage per tool, last {n} months (%)",
        "no_data": "no data",
        "footer": "Data {period} · run {run_id} · lineage of every figure: {lineage}",
        "tool": "Tool",
        "pp": "pp",
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
