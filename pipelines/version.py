"""The code version written into every figure's lineage: the git commit when there is one."""

from __future__ import annotations

import subprocess
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from .settings import PROJECT_ROOT


@cache
def code_version() -> str:
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--abbrev=12"],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=5,
            check=True,
        ).stdout.strip()
        if commit:
            return f"git:{commit}"
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        return f"package:{version('social-network-monitor')}"
    except PackageNotFoundError:
        return "unknown"
