"""The yearly charts' own arithmetic: end labels of series that end close together are moved
apart just enough to read, and stay on the 0-100 axis."""

from __future__ import annotations

from pipelines.report.yearly.charts import spread


def test_labels_of_series_ending_close_together_are_moved_apart_within_the_axis():
    # coverage per source ending at 98.5, 99.2, 99.9 and 100.0: stacked down from the top
    assert spread([99.9, 100.0, 98.5, 99.2], 5.0, (0.0, 100.0)) == [95.0, 100.0, 85.0, 90.0]
    # far enough apart already: each at its value
    assert spread([10.0, 50.0, 90.0], 5.0, (0.0, 100.0)) == [10.0, 50.0, 90.0]
    # at the bottom: pushed up
    assert spread([0.0, 1.0, 3.0], 5.0, (0.0, 100.0)) == [0.0, 5.0, 10.0]
    # equal values keep their order
    assert spread([40.0, 40.0], 5.0, (0.0, 100.0)) == [40.0, 45.0]
