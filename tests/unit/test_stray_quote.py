"""A stray quote in one Display Name of a demo e-mail export: that line alone is quarantined,
every other row is read exactly as from the clean file, and the line accounting adds up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.defs.ingest.raw_checks import _accounting, _loses_rows
from pipelines.demo import generate_demo
from pipelines.ingest import m365
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.reading import read_delimited
from pipelines.ingest.store import ingest_source

KEY = Pseudonymiser("k")
EMAIL = "EmailActivityUserDetail_2026-10-31.csv"


@pytest.fixture(scope="module")
def demo_email(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("demo")
    generate_demo(root, last_month=date(2026, 10, 1), employees=150, today=date(2026, 11, 5))
    return root / "inbox" / "m365_email" / EMAIL


def ingest(tmp_path: Path, name: str, data: bytes):
    folder = tmp_path / name / "inbox" / "m365_email"
    folder.mkdir(parents=True)
    (folder / EMAIL).write_bytes(data)
    con = duckdb.connect(str(tmp_path / name / "w.duckdb"))
    (result,) = ingest_source(con, m365.EMAIL_SOURCE, folder.parent, KEY, "run")
    rows = con.execute(
        "select source_row, * exclude (source_sha256, ingest_run_id, source_row)"
        " from raw.m365_email_activity order by source_row"
    ).fetchall()
    return con, result, rows


def with_stray_quote(data: bytes, line_number: int) -> bytes:
    """Open a quote before the Display Name of one line, as a hand edit in a text editor can."""
    lines = data.decode("utf-8-sig").split("\n")
    fields = lines[line_number - 1].split(",")
    fields[2] = '"' + fields[2]
    lines[line_number - 1] = ",".join(fields)
    return "\n".join(lines).encode("utf-8-sig")


def test_a_stray_quote_costs_its_own_line_only(demo_email, tmp_path):
    clean = demo_email.read_bytes()
    _, clean_result, clean_rows = ingest(tmp_path, "clean", clean)
    con, result, rows = ingest(tmp_path, "dirty", with_stray_quote(clean, 6))

    physical = sum(1 for line in clean.decode("utf-8-sig").splitlines()[1:] if line.strip())
    assert clean_result.rows_read == physical == 194  # every line of the demo file
    assert (result.rows_read, result.rows_loaded, result.rows_quarantined) == (
        physical,
        physical - 1,
        1,
    )
    (problem,) = result.problems
    assert (problem.row, problem.column) == (6, None)
    assert "a quote opens a value that does not close on this line" in problem.message
    assert rows == [row for row in clean_rows if row[0] != 6]

    (file,) = _accounting(con, m365.EMAIL_SOURCE)
    assert (file["lines_read"], file["lines_in_records"]) == (physical, physical)
    assert not _loses_rows(file)


def test_the_nothing_lost_check_fails_when_lines_are_not_in_records():
    file = {"rows_read": 5, "rows_in_raw": 4, "rows_quarantined": 1}
    assert not _loses_rows(file | {"lines_read": 1208, "lines_in_records": 1208})
    assert _loses_rows(file | {"lines_read": 1208, "lines_in_records": 5})


def test_an_honest_multi_line_value_stays_one_record():
    header, rows = read_delimited(b'id,body,n\n1,"first line\nsecond, line",3\n2,x,4\n')
    assert list(rows) == [(2, ["1", "first line\nsecond, line", "3"]), (3, ["2", "x", "4"])]
    assert (rows.lines_read, rows.lines_in_records) == (3, 3)


def test_a_quote_that_never_closes_in_a_long_file_does_not_cost_the_rest(tmp_path):
    header = "a,b,c"
    body = ["1,x,1", '2,"never closed,2'] + [f"{i},y,{i}" for i in range(3, 1003)]
    _, rows = read_delimited(("\n".join([header, *body]) + "\n").encode())
    read = list(rows)
    assert len(read) == 1002 and isinstance(read[1][1], str) and read[1][0] == 3
    assert [fields for _, fields in read[2:]] == [[str(i), "y", str(i)] for i in range(3, 1003)]
