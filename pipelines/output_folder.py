"""The output folder may be read-only or full: say so in one line, and never let a report or
a side file (Data Docs, quarantine.csv) stop the warehouse from being built."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def why_not_written(folder: Path, exc: OSError) -> str:
    """'cannot write to <folder>: No space left on device' (the OS's own words)."""
    return f"cannot write to {folder}: {exc.strerror or exc}"


def unwritable(folder: Path) -> str | None:
    """None when a file can be written in `folder` (created if need be), else why not."""
    probe = folder / ".snm-write-test"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        return why_not_written(folder, exc)
    return None


@contextmanager
def staged(folder: Path, names: tuple[str, ...], tag: str) -> Iterator[Path]:
    """Write a set of files into a hidden folder beside their place, then move them into
    place together: a run killed while writing leaves the earlier set whole, never a new
    figures.json beside an old PNG. Leftovers of killed runs are cleared first."""
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(".incoming-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    staging = folder / f".incoming-{tag}"
    staging.mkdir()
    try:
        yield staging
        for name in names:
            if (staging / name).exists():
                os.replace(staging / name, folder / name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
