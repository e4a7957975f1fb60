"""A re-rendered month keeps what it replaces: the earlier report moves to
`<month>/previous/<n>/` when its figures rested on other files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

DOCS_FILE = "dbt_docs.html"  # the dbt project's docs as the figures were computed
REPORT_FILES = ("figures.json", "infographic.png", "infographic.pdf", DOCS_FILE)


def keep_previous_version(folder: Path, new_fingerprint: str) -> Path | None:
    """Move the month's current report aside unless it was drawn from the same files."""
    current = folder / "figures.json"
    if not current.exists():
        return None
    try:
        old = json.loads(current.read_text(encoding="utf-8")).get("data_fingerprint")
    except json.JSONDecodeError:
        old = None
    if old == new_fingerprint:
        return None
    previous = folder / "previous"
    number = 1 + sum(1 for p in previous.iterdir() if p.is_dir()) if previous.exists() else 1
    target = previous / str(number)
    target.mkdir(parents=True)
    for name in REPORT_FILES:
        if (folder / name).exists():
            shutil.move(folder / name, target / name)
    return target


def previous_versions(folder: Path) -> int:
    previous = folder / "previous"
    return sum(1 for p in previous.iterdir() if p.is_dir()) if previous.exists() else 0
