"""Rows of a one-page composition whose panels get their own share of the height.

plotnine 0.15 (the newest) stacks `a / b / c` and then resizes the rows so that every plot's
panel is equally tall, whatever its titles take; it has no public way to weigh the rows
(ggplot2's patchwork has `plot_layout(heights=)`). On a page of dense headline tiles above
charts and a thin strip, equal panels squeeze the tiles until their texts overlap. `Rows` tells
plotnine's row resizing how much panel each row gets; stacks without weights resize as before.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from plotnine._mpl.layout_manager._layout_tree import RowsTree
from plotnine.composition import Stack


@dataclass(repr=False)
class Rows(Stack):
    """`Rows([plot, composition, ...], panel_heights=(1.3, 1, ...))`: a stack whose rows'
    panels are as tall as their relative `panel_heights`; titles and axes keep what they need."""

    panel_heights: tuple[float, ...] = ()

    def _create_gridspec(self, figure, nest_into):
        super()._create_gridspec(figure, nest_into)
        if self.panel_heights and len(self.panel_heights) != len(self):
            raise ValueError(f"{len(self)} rows but {len(self.panel_heights)} panel heights")
        self.gridspec.panel_weights = self.panel_heights


_equal_panels = RowsTree.resize


def _weighted_panels(tree: RowsTree) -> None:
    """plotnine's RowsTree.resize with each row's panel scaled by its weight."""
    weights = getattr(tree.gridspec, "panel_weights", ())
    if not weights:
        _equal_panels(tree)
        return
    plot_heights = np.array(tree.plot_heights)
    panel_heights = np.array(tree.panel_heights)
    share = np.array(weights, dtype=float) / np.mean(weights)
    heights = panel_heights.mean() * share + (plot_heights - panel_heights)
    tree.gridspec.set_height_ratios(heights / heights.max())
    tree.resize_sub_compositions()


RowsTree.resize = _weighted_panels
