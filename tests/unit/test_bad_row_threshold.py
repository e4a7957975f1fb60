"""A file whose rows mostly break the contract is the wrong file: it is quarantined whole, with
one line saying so and the first problems as examples, and nothing of it is stored. A file with
a few bad rows still loads its good ones. On a copy of the demo roster."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from pipelines.defs.ingest.raw_checks import _accounting, _loses_rows
from pipelines.demo import generate_demo
from pipelines.ingest import roster
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.source import ReadOptions
from pipelines.ingest.store import EXAMPLE_PROBLEMS, ingest_source

KEY = Pseudonymiser("k")
ROSTER = "roster_2026-10-31.csv"


@pytest.fixture(scope="module")
def demo_roster(tmp_path_factory) -> list[str]:
    root = tmp_path_factory.mktemp("demo")
    generate_demo(root, last_month=date(2026, 10, 1), employees=150, today=date(2026, 11, 5))
    return (root / "inbox" / "roster" / ROSTER).read_text(encoding="utf-8").splitlines()


def with_bad_role(lines: list[str], bad_rows: int) -> str:
    """The first `bad_rows` rows get a role_type outside the contract's set."""
    column = lines[0].split(",").index("role_type")
    out = [lines[0]]
    for number, line in enumerate(lines[1:]):
        fields = line.split(",")
        if number < bad_rows:
            fields[column] = "manager"
        out.append(",".join(fields))
    return "\n".join(out) + "\n"


def ingest(tmp_path, text: str, options: ReadOptions | None = None):
    inbox = tmp_path / "inbox" / "roster"
    inbox.mkdir(parents=True)
    (inbox / ROSTER).write_text(text, encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    (result,) = ingest_source(con, roster.SOURCE, inbox.parent, KEY, "run", options)
    return con, result


def test_a_mostly_bad_file_is_quarantined_whole_with_examples(demo_roster, tmp_path):
    assert len(demo_roster) - 1 == 251
    con, result = ingest(tmp_path, with_bad_role(demo_roster, 200))
    assert (result.status, result.rows_read, result.rows_loaded, result.rows_quarantined) == (
        "rejected",
        251,
        0,
        251,
    )
    assert result.problems[0].message == (
        "file rejected: 200 of 251 rows (79.7 %) break the input contract, more than "
        "ingestion.max_bad_rows_pct (50 %) of monitor.yml: is this the right export? The first "
        "20 problems follow."
    )
    assert len(result.problems) == 1 + EXAMPLE_PROBLEMS
    assert [p.row for p in result.problems[1:4]] == [2, 3, 4]
    assert con.execute("select count(*) from raw.roster").fetchone() == (0,)
    assert con.execute("select count(*) from raw.quarantine").fetchone() == (21,)
    assert not any(_loses_rows(f) for f in _accounting(con, roster.SOURCE))


def test_below_the_threshold_the_good_rows_load(demo_roster, tmp_path):
    con, result = ingest(tmp_path, with_bad_role(demo_roster, 100))
    assert (result.status, result.rows_loaded, result.rows_quarantined) == ("ingested", 151, 100)
    assert con.execute("select count(*) from raw.quarantine").fetchone() == (100,)


def test_the_threshold_is_a_setting(demo_roster, tmp_path):
    strict = ReadOptions(max_bad_rows_pct=10.0)
    _, result = ingest(tmp_path, with_bad_role(demo_roster, 30), strict)
    assert (result.status, result.rows_quarantined) == ("rejected", 251)
    assert "more than ingestion.max_bad_rows_pct (10 %)" in result.problems[0].message
