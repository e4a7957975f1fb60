"""The input contracts' files: one Great Expectations suite per raw table,
`expectations/raw_<table>.json`, read as plain JSON (no GX import): GX validates the stored
tables with them (quality.py) and ingestion checks each row against their row rules
(ingest/row_contract.py)."""

import json

from .settings import EXPECTATIONS_DIR


def suite_name(table: str) -> str:
    return f"raw_{table}"


def load_suite_dict(name: str) -> dict:
    return json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))
