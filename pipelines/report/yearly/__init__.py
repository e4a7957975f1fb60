"""The yearly Social Network Monitor (issue 18): see render.py for what it holds."""

from .render import render_yearly
from .year import collect, numeric_figures, series

__all__ = ["collect", "numeric_figures", "render_yearly", "series"]
