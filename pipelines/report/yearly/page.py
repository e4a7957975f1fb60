"""The yearly monitor's page: A4 portrait, and the text blocks its pages are built from."""

from __future__ import annotations

import textwrap

A4 = (8.27, 11.69)  # inches, portrait
WRAP = 92  # characters of a 10-point line across the page
LINE = 0.0175  # height of a 10-point line as a share of the page


def wrapped(text: str, width: int = WRAP) -> list[str]:
    return textwrap.wrap(text, width) or [""]
