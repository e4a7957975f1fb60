"""One raw contract: the ingestion layouts decide each raw table's columns and types; dbt's
`_sources.yml` is written from them and the Great Expectations suites name only their columns."""

import duckdb

from pipelines.ingest.layout import DUCKDB_TYPES
from pipelines.ingest.raw_contract import SOURCES_YML, layouts, sources_yml
from pipelines.ingest.store import LINEAGE_COLUMNS, ensure_tables
from pipelines.suites import load_suite_dict, suite_columns, suite_name


def test_dbt_sources_are_written_from_the_layouts():
    assert SOURCES_YML.read_text(encoding="utf-8") == sources_yml(), (
        "run `python -m pipelines.ingest.raw_contract` after changing a layout"
    )


def test_the_sources_name_the_columns_and_types_ingestion_creates():
    import yaml

    con = duckdb.connect()
    ensure_tables(con, tuple(layouts()))  # as ingestion creates the raw tables
    declared = yaml.safe_load(sources_yml())["sources"][0]["tables"]
    for layout, table in zip(layouts(), declared, strict=True):
        created = con.execute(f"describe raw.{layout.table}").fetchall()
        assert [(c["name"], c["data_type"]) for c in table["columns"]] == [
            (name, kind) for name, kind, *_ in created
        ]
        assert table["description"] == layout.description != ""


def test_every_suite_checks_columns_of_its_layout_and_says_what_the_table_is():
    for layout in layouts():
        name = suite_name(layout.table)
        stored = {c.name for c in layout.stored} | {name for name, _ in LINEAGE_COLUMNS}
        assert set(suite_columns(name)) <= stored, layout.table
        notes = load_suite_dict(name)["meta"]["notes"]
        assert notes.startswith(f"Contract of raw.{layout.table}: {layout.description}")
        for column in layout.stored:
            assert column.kind in DUCKDB_TYPES
