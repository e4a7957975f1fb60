"""The yearly Social Network Monitor (issue 18): see render.py for what it holds.

`render_yearly` is imported when first asked for: reading the year (year.py, as `snm
benchmark` does) should not load plotnine."""

from .year import collect, numeric_figures, series

__all__ = ["collect", "numeric_figures", "render_yearly", "series"]


def __getattr__(name: str):
    if name == "render_yearly":
        from .render import render_yearly

        return render_yearly
    raise AttributeError(name)
