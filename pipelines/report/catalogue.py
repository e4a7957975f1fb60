"""The figure catalogue: what each figure of figures.json is, declared once.

One row of `dbt_project/seeds/report/figure_catalogue.csv` per figure family: its id pattern
(`participation.{platform}.gini`), the dbt model and column it is read from, its unit, the
lineage family whose source files stand behind it, the report sections it belongs to, its
number of decimals and its label in Dutch and English. dbt loads the same file as a seed for
`fct_figure_lineage`; figures.json, the infographic, the yearly monitor, the audit answers and
`snm trace` read it through `catalogue()`. CONTRIBUTING.md shows how to add a figure.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..settings import DBT_PROJECT_DIR
from . import i18n

CATALOGUE_PATH = DBT_PROJECT_DIR / "seeds" / "report" / "figure_catalogue.csv"
COLUMNS = (
    "figure",
    "model",
    "column_name",
    "unit",
    "lineage",
    "sections",
    "decimals",
    "label_nl",
    "label_en",
)
# the method's audit areas (the yearly monitor's sections, in order), then data quality
SECTIONS = ("organisation", "people", "tools", "networks", "issues", "yields", "output", "quality")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


class UnknownFigure(KeyError):
    """No catalogue entry matches a figure id."""


@dataclass(frozen=True)
class Figure:
    """A figure family of the catalogue; `parts` fill its placeholders (platform=slack)."""

    pattern: str
    model: str
    column: str
    unit: str
    lineage: str
    sections: tuple[str, ...]
    decimals: int | None
    label_nl: str
    label_en: str

    @property
    def keys(self) -> tuple[str, ...]:
        """The placeholders of the id, in order: the model's columns that name a figure."""
        return tuple(PLACEHOLDER.findall(self.pattern))

    def figure_id(self, parts: Mapping) -> str:
        return self.pattern.format_map({key: parts[key] for key in self.keys})

    def lineage_id(self, parts: Mapping) -> str:
        """The fct_figure_lineage family whose source files stand behind this figure: its
        placeholder (at most one, at the end) takes the value of the figure's first one, so
        `funnel.{platform}.reach` reads the files of `tool_usage_pct.{tool}`."""
        keys = PLACEHOLDER.findall(self.lineage)
        if not keys:
            return self.lineage
        return self.lineage.replace(f"{{{keys[0]}}}", str(parts[self.keys[0]]))

    @functools.cached_property
    def _matcher(self) -> re.Pattern:
        pieces = PLACEHOLDER.split(self.pattern)  # literal, key, literal, key, ..., literal
        regex = "".join(
            f"(?P<{piece}>.+?)" if i % 2 else re.escape(piece) for i, piece in enumerate(pieces)
        )
        return re.compile(f"^{regex}$")

    def match(self, figure_id: str) -> dict[str, str] | None:
        found = self._matcher.match(figure_id)
        return found.groupdict() if found else None

    def label(self, language: str, parts: Mapping | None = None) -> str:
        """'Net sentiment (Slack)': the label in the report's language, placeholders named."""
        template = self.label_nl if language == "nl" else self.label_en
        parts = parts or {}
        names = {key: display_name(key, str(value), language) for key, value in parts.items()}
        return template.format_map(names)


def display_name(key: str, value: str, language: str) -> str:
    """How a report names what fills a placeholder: Viva Engage, not viva_engage."""
    if key in ("tool", "platform"):
        return i18n.text(language, "all_platforms") if value == "all" else i18n.tool_name(value)
    if key == "dimension":
        return i18n.dimension_name(value, language)
    if key == "source":
        return i18n.source_name(value, language)
    return value


@dataclass(frozen=True)
class Catalogue:
    figures: tuple[Figure, ...]

    def __getitem__(self, pattern: str) -> Figure:
        for figure in self.figures:
            if figure.pattern == pattern:
                return figure
        raise UnknownFigure(pattern)

    def find(self, figure_id: str) -> tuple[Figure, dict[str, str]]:
        """The entry a figure id belongs to and the values of its placeholders."""
        for figure in self.figures:
            parts = figure.match(figure_id)
            if parts is not None:
                return figure, parts
        raise UnknownFigure(figure_id)

    def models(self) -> list[str]:
        """The marts figures are read from, in catalogue order (the order of figures.json)."""
        return list(dict.fromkeys(figure.model for figure in self.figures))

    def each(self, document: dict, pattern: str):
        """(figure, parts) of every figure of a figures.json document in one family."""
        for figure in document["figures"]:
            entry, parts = self.find(figure["id"])
            if entry.pattern == pattern:
                yield figure, parts

    def of_model(self, model: str) -> list[Figure]:
        return [figure for figure in self.figures if figure.model == model]

    def label(self, figure_id: str, language: str) -> str:
        figure, parts = self.find(figure_id)
        return figure.label(language, parts)

    def decimals(self, figure_id: str) -> int | None:
        return self.find(figure_id)[0].decimals

    def sections(self, figure_id: str) -> tuple[str, ...]:
        return self.find(figure_id)[0].sections


def load(path: Path = CATALOGUE_PATH) -> Catalogue:
    """Read and check the catalogue; a wrong row is named by its line."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: columns must be {', '.join(COLUMNS)}")
        figures = [_entry(row, f"{path.name} line {reader.line_num}") for row in reader]
    patterns = [figure.pattern for figure in figures]
    duplicated = sorted({p for p in patterns if patterns.count(p) > 1})
    if duplicated:
        raise ValueError(f"{path.name}: figures declared twice: {', '.join(duplicated)}")
    return Catalogue(tuple(figures))


def _entry(row: dict, where: str) -> Figure:
    sections = tuple(row["sections"].split())
    unknown = [s for s in sections if s not in SECTIONS]
    if unknown or not sections:
        raise ValueError(f"{where}: sections {unknown or '(none)'}; known: {', '.join(SECTIONS)}")
    keys = PLACEHOLDER.findall(row["figure"])
    for field in ("label_nl", "label_en"):
        stray = set(PLACEHOLDER.findall(row[field])) - set(keys)
        if stray:
            raise ValueError(f"{where}: {field} names {sorted(stray)}, not in {row['figure']}")
    lineage = PLACEHOLDER.findall(row["lineage"])
    if len(lineage) > 1 or (lineage and (not keys or not row["lineage"].endswith("}"))):
        raise ValueError(
            f"{where}: a lineage family has at most one placeholder, at its end, and only for"
            f" a figure with one ({row['lineage']})"
        )
    required = ("figure", "model", "column_name", "unit", "lineage", "label_nl", "label_en")
    if not all(row[field] for field in required):
        raise ValueError(f"{where}: {', '.join(required)} are required")
    return Figure(
        pattern=row["figure"],
        model=row["model"],
        column=row["column_name"],
        unit=row["unit"],
        lineage=row["lineage"],
        sections=sections,
        decimals=int(row["decimals"]) if row["decimals"] else None,
        label_nl=row["label_nl"],
        label_en=row["label_en"],
    )


@functools.cache
def catalogue() -> Catalogue:
    """The project's catalogue, read once per process."""
    return load()
