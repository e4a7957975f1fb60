"""How the yearly monitor names and prints a figure: by its catalogue label in the report's
language, with the catalogue's decimals and unit; never by its id."""

from __future__ import annotations

from .. import i18n
from ..catalogue import UnknownFigure, catalogue


def entry_of(figure_id: str):
    """The catalogue entry of a series; the unfolded top-10 series belong to the list."""
    try:
        return catalogue().find(figure_id)
    except UnknownFigure:
        if figure_id.startswith("issues."):
            return catalogue()["issues.top10"], {}
        raise


def label(figure_id: str, language: str) -> str:
    """A series as the report names it: its catalogue label ('Writers (Slack)')."""
    entry, parts = entry_of(figure_id)
    if figure_id != entry.figure_id(parts):  # issues.<issue>.messages / .net_sentiment
        issue, measure = figure_id[len("issues.") :].rsplit(".", 1)
        return i18n.text(language, f"issue_{measure}", issue=issue)
    return entry.label(language, parts)


def unit(figure_id: str) -> str:
    entry, parts = entry_of(figure_id)
    if figure_id != entry.figure_id(parts):
        return "messages" if figure_id.endswith(".messages") else "points"
    return entry.unit


def decimals(figure_id: str) -> int:
    entry, parts = entry_of(figure_id)
    if figure_id != entry.figure_id(parts):
        return 0 if figure_id.endswith(".messages") else 1
    return entry.decimals or 0


def is_percentage(figure_id: str) -> bool:
    return unit(figure_id) == "%"


def formatted(figure_id: str, value, language: str, sign: bool = False) -> str:
    """The value as figures.json holds it, printed with the catalogue's decimals and unit
    ('60.0%', '2.67', '1,205'); '–' when unknown."""
    if value is None:
        return "–"
    text = i18n.number(value, language, decimals(figure_id), sign=sign)
    return f"{text}%" if is_percentage(figure_id) else text


def change(figure_id: str, value, language: str) -> str:
    """A change of the figure: percentages in percentage points, others in their own unit."""
    if value is None:
        return "–"
    text = i18n.number(value, language, decimals(figure_id), sign=True)
    return f"{text} {i18n.text(language, 'pp')}" if is_percentage(figure_id) else text


def shown(value, language: str, sign: bool = False) -> str:
    """A number without a catalogue entry: whole numbers without decimals, others with one."""
    if value is None:
        return "–"
    places = 0 if float(value).is_integer() else 1
    return i18n.number(value, language, places, sign=sign)
