"""The code location: every definition of `pipelines/defs/`, one folder per domain, loaded as
Dagster's project layout prescribes (`dg dev`, `dagster dev -m pipelines.definitions`)."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

defs = dg.load_from_defs_folder(path_within_project=Path(__file__).parent)
