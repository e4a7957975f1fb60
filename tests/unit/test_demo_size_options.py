"""`snm demo --employees/--messages-per-person` take numbers above 0 and say why not."""

import argparse

import pytest

from pipelines.cli import _positive


def test_a_demo_size_is_a_number_above_zero():
    assert _positive(int)("10000") == 10000
    assert _positive(float)("38") == 38.0
    with pytest.raises(argparse.ArgumentTypeError, match="0 must be above 0"):
        _positive(int)("0")
    with pytest.raises(argparse.ArgumentTypeError, match="'many' is not a number"):
        _positive(float)("many")
