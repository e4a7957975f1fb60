"""The contracts validate the rows a run added; a run that added none, the whole table."""

import duckdb

from pipelines.defs.quality.contracts import rows_to_validate
from pipelines.suites import suite_columns


def test_a_run_validates_the_rows_it_added_and_otherwise_the_whole_table(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("create schema raw")
        con.execute("create table raw.roster (person_key varchar, ingest_run_id varchar)")
        con.execute(
            "insert into raw.roster values ('a', 'january'), ('b', 'january'), ('c', 'february')"
        )

        added, scope = rows_to_validate(con, "roster", "february")
        everything, whole = rows_to_validate(con, "roster", "a run that ingested nothing")

    assert list(added["person_key"]) == ["c"]
    assert scope == "the 1 row this run added"
    assert sorted(everything["person_key"]) == ["a", "b", "c"]
    assert whole == "the whole table (this run added no rows)"


def test_only_the_values_the_suite_judges_are_read(tmp_path):
    """The texts, only expected to exist, are not read: a month of messages fits in memory."""
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("create schema raw")
        con.execute(
            "create table raw.slack_messages (channel_name varchar, text varchar,"
            " is_private_conversation boolean, ingest_run_id varchar)"
        )
        con.execute("insert into raw.slack_messages values ('general', 'hallo', false, 'r')")

        frame, _ = rows_to_validate(con, "slack_messages", "r")

    judged = [c for c, values in suite_columns("raw_slack_messages").items() if values]
    assert "channel_name" in judged and "text" not in judged
    assert list(frame.columns) == ["channel_name", "text"]  # what the suite names, no more
    assert frame["channel_name"].tolist() == ["general"] and frame["text"].isna().all()
