"""The year a monitor reports on, read once from the warehouse: every month's figures.json
document (and the December before, for changes into January), the series of every numeric
figure, the change on a year earlier and the monitor of the year before when one exists."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from ...months import add_months, parse_month
from ..figures import NoDataForMonth, build_figures


def collect(con, year: int, run_id: str, code_version: str, organisation: str) -> dict:
    """figures.json documents of every month of the year with data (and December before)."""
    documents = {}
    for offset in range(-1, 12):
        month = f"{add_months(parse_month(f'{year}-01'), offset):%Y-%m}"
        try:
            documents[month] = build_figures(con, month, run_id, code_version, organisation)
        except NoDataForMonth:
            continue
    if not any(m.startswith(str(year)) for m in documents):
        raise NoDataForMonth(f"no figures for any month of {year}")
    return documents


def numeric_figures(document: dict) -> dict[str, float]:
    """Every figure with a number, the top-10 issues unfolded into one series per issue."""
    out = {}
    for figure in document["figures"]:
        value = figure["value"]
        if figure["id"] == "issues.top10":
            for issue in value or []:
                out[f"issues.{issue['issue']}.messages"] = issue["messages"]
                if issue["net_sentiment"] is not None:
                    out[f"issues.{issue['issue']}.net_sentiment"] = issue["net_sentiment"]
        elif value is not None and not isinstance(value, bool) and isinstance(value, int | float):
            out[figure["id"]] = value
    return out


def series(documents: dict, year: int) -> pd.DataFrame:
    """id, month, value: every numeric figure of every month of the year."""
    rows = [
        (figure_id, month, float(value))
        for month, document in documents.items()
        if month.startswith(str(year))
        for figure_id, value in numeric_figures(document).items()
    ]
    return pd.DataFrame(rows, columns=["id", "month", "value"])


@dataclass
class Year:
    """A year of figures: `documents` by month (the year's and the December before),
    `previous` the same month a year before the last (None without one) and `earlier` the
    documents of the year before, as far as they exist."""

    year: int
    documents: dict
    previous: dict | None = None
    earlier: dict = field(default_factory=dict)
    data: pd.DataFrame = field(init=False)

    def __post_init__(self):
        self.data = series(self.documents, self.year)

    @property
    def months(self) -> list[str]:
        return sorted(m for m in self.documents if m.startswith(str(self.year)))

    @property
    def last(self) -> dict:
        """The year's last month with data: the month the monitor's figures stand for."""
        return self.documents[self.months[-1]]

    @property
    def latest(self) -> dict[str, float]:
        return numeric_figures(self.last)

    @property
    def changes(self) -> dict[str, float]:
        """Per numeric figure: the last month against the same month a year earlier."""
        if self.previous is None:
            return {}
        earlier = numeric_figures(self.previous)
        return {i: now - earlier[i] for i, now in self.latest.items() if i in earlier}

    def figure(self, figure_id: str, month: str | None = None) -> dict | None:
        """A figure of the last month (or of `month`) as figures.json holds it."""
        document = self.documents.get(month) if month else self.last
        return next(
            (f for f in (document or {"figures": []})["figures"] if f["id"] == figure_id), None
        )

    def value(self, figure_id: str, month: str | None = None):
        figure = self.figure(figure_id, month)
        return None if figure is None else figure["value"]

    def total(self, figure_id: str) -> float | None:
        """The figure summed over the year's months (ideas, signals); None when never known."""
        return _total(self.documents, self.months, figure_id)

    def total_a_year_before(self, figure_id: str) -> float | None:
        """The same sum over the same months a year earlier; None unless each of them has
        figures (half a year is no year to compare with)."""
        months = [f"{self.year - 1}{m[4:]}" for m in self.months]
        if not all(m in self.earlier for m in months):
            return None
        return _total(self.earlier, months, figure_id)


def _total(documents: dict, months: list[str], figure_id: str) -> float | None:
    values = [
        next((f["value"] for f in documents[m]["figures"] if f["id"] == figure_id), None)
        for m in months
    ]
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def load_year(con, year: int, run_id: str, code_version: str, organisation: str) -> Year:
    """The year's documents and, for the changes on a year earlier, the year before's."""
    documents = collect(con, year, run_id, code_version, organisation)
    try:
        earlier = collect(con, year - 1, run_id, code_version, organisation)
    except NoDataForMonth:
        earlier = {}
    last = max(m for m in documents if m.startswith(str(year)))
    return Year(year, documents, earlier.get(f"{year - 1}{last[4:]}"), earlier)
