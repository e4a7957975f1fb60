"""Rows of a page whose panels get their own share of the height (pipelines/report/layout.py)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from plotnine import aes, geom_point, ggplot, labs, theme  # noqa: E402

from pipelines.report.layout import Rows  # noqa: E402


def _plot(title: str = "") -> ggplot:
    return (
        ggplot(pd.DataFrame({"x": [0, 1], "y": [0, 1]}), aes("x", "y"))
        + geom_point()
        + labs(title=title)
    )


def _panel_heights(composition) -> list[float]:
    figure = composition.draw()
    figure.savefig(io.BytesIO(), format="png")  # plotnine lays the page out when saving it
    heights = [axes.get_position().height for axes in figure.axes]
    plt.close(figure)
    return heights


def test_each_row_gets_the_panel_share_it_asks_for_whatever_its_title_takes():
    top, middle, bottom = _panel_heights(
        Rows([_plot("a title"), _plot(), _plot("another\ntitle")], panel_heights=(2, 1, 0.5))
        + theme(figure_size=(4, 8))
    )
    assert top / middle == pytest.approx(2, rel=0.01)
    assert bottom / middle == pytest.approx(0.5, rel=0.01)


def test_without_weights_rows_stack_as_plotnine_does():
    plain = _panel_heights((_plot("a title") / _plot()) + theme(figure_size=(4, 6)))
    rows = _panel_heights(Rows([_plot("a title"), _plot()]) + theme(figure_size=(4, 6)))
    assert rows == pytest.approx(plain)
    assert rows[0] == pytest.approx(rows[1], rel=0.01)  # plotnine's equal panels


def test_as_many_weights_as_rows():
    with pytest.raises(ValueError, match="2 rows but 3 panel heights"):
        (Rows([_plot(), _plot()], panel_heights=(1, 1, 1)) + theme(figure_size=(4, 6))).draw()
