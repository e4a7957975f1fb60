"""The raw contract as dbt reads it: `dbt_project/models/staging/_sources.yml` is written from the
ingestion layouts (layout.py: each raw table, its description, its columns and their types),
so dbt's docs name the same columns and types that ingestion stores and the Great Expectations
suites check (tests/unit/test_raw_contract.py holds all three together).

    python -m pipelines.ingest.raw_contract      # rewrite _sources.yml after a layout changed
"""

from __future__ import annotations

import yaml

from ..settings import DBT_PROJECT_DIR
from .layout import DUCKDB_TYPES, Column, Layout
from .store import LINEAGE_COLUMNS

SOURCES_YML = DBT_PROJECT_DIR / "models" / "staging" / "_sources.yml"
HEADER = (
    "# Written by `python -m pipelines.ingest.raw_contract` from the ingestion layouts\n"
    "# (pipelines/ingest/*.py): edit those, not this file.\n"
)
LINEAGE_DOCS = {
    "source_file": "File name as it arrived in the inbox.",
    "source_sha256": "SHA-256 of the file: the same bytes under another name are one file.",
    "source_member": "The file inside an archive (a zip export), else empty.",
    "source_row": "The row's number in its file or member, as the inbox registry counts it.",
    "ingest_run_id": "The Dagster run that ingested the file.",
}


def layouts() -> list[Layout]:
    """Every raw table's layout, in the registry's order."""
    from .registry import SOURCES  # the registry imports every source module

    seen: dict[str, Layout] = {}
    for source in SOURCES:
        for layout in source.layouts:
            seen.setdefault(layout.table, layout)
    return list(seen.values())


def column_doc(column: Column) -> str:
    said = f"From the export's '{column.header}'"
    if column.kind == "identity":
        said += ", as a keyed pseudonym (HMAC), never the value itself"
    if column.nullable:
        said += "; may be empty"
    return said + "."


def sources_yml() -> str:
    tables = []
    for layout in layouts():
        columns = [
            {"name": c.name, "data_type": DUCKDB_TYPES[c.kind], "description": column_doc(c)}
            for c in layout.stored
        ]
        columns += [
            {"name": name, "data_type": kind, "description": LINEAGE_DOCS[name]}
            for name, kind in LINEAGE_COLUMNS
        ]
        tables.append(
            {
                "name": layout.table,
                "description": layout.description,
                "meta": {"dagster": {"asset_key": ["raw", layout.table]}},
                "columns": columns,
            }
        )
    document = {
        "version": 2,
        "sources": [
            {
                "name": "raw",
                "schema": "raw",
                "description": "Raw tables written by the ingestion assets (pipelines/ingest). "
                "Every row carries its lineage: source_file, source_sha256, source_member "
                "(inside archives), source_row and the ingesting run.",
                "tables": tables,
            }
        ],
    }
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    return HEADER + text


def main() -> None:
    SOURCES_YML.write_text(sources_yml(), encoding="utf-8")
    print(f"Wrote {SOURCES_YML}")


if __name__ == "__main__":
    main()
