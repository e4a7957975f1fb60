"""The input contracts' files: one Great Expectations suite per raw table,
`expectations/raw_<table>.json`, read as plain JSON (no GX import): GX validates the stored
tables with them (defs/quality/contracts.py) and ingestion checks each row against their row rules
(ingest/row_contract.py)."""

import json

from .settings import EXPECTATIONS_DIR


def suite_name(table: str) -> str:
    return f"raw_{table}"


def load_suite_dict(name: str) -> dict:
    return json.loads((EXPECTATIONS_DIR / f"{name}.json").read_text(encoding="utf-8"))


def suite_columns(name: str) -> dict[str, bool]:
    """The columns a suite's expectations name, in order, each with whether an expectation
    reads its values (False: only that it exists). A validation reads no more: the message
    texts, the bulk of a raw table, are only expected to exist."""
    columns: dict[str, bool] = {}
    for expectation in load_suite_dict(name)["expectations"]:
        kwargs = expectation["kwargs"]
        named = [kwargs.get(k) for k in ("column", "column_A", "column_B")]
        values = expectation["type"] != "expect_column_to_exist"
        for column in [*named, *kwargs.get("column_list", [])]:
            if column:
                columns[column] = columns.get(column, False) or values
    return columns
