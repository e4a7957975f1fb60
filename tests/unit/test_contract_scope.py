"""The contracts validate the rows a run added; a run that added none, the whole table."""

import duckdb

from pipelines.quality import rows_to_validate


def test_a_run_validates_the_rows_it_added_and_otherwise_the_whole_table(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("create schema raw")
        con.execute("create table raw.roster (employee_key varchar, ingest_run_id varchar)")
        con.execute(
            "insert into raw.roster values ('a', 'january'), ('b', 'january'), ('c', 'february')"
        )

        added, scope = rows_to_validate(con, "roster", "february")
        everything, whole = rows_to_validate(con, "roster", "a run that ingested nothing")

    assert list(added["employee_key"]) == ["c"]
    assert scope == "the 1 row this run added"
    assert sorted(everything["employee_key"]) == ["a", "b", "c"]
    assert whole == "the whole table (this run added no rows)"
