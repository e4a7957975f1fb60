"""Benchmark: reading a Microsoft 365 e-mail export of 100,000 people with the line-checked
reader (`reading.read_delimited`), against the plain `csv` module and DuckDB's own CSV reader
on the same bytes (the limits), so the cost of never losing lines to a stray quote is a ratio.

Usage: .venv/bin/python -m benchmarks.csv_reading   (prints a Markdown table for BENCHMARKS.md)
"""

from __future__ import annotations

import csv
import io
import tempfile
import time
from pathlib import Path

import duckdb

from pipelines.ingest.reading import read_delimited

HEADER = (
    "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,"
    "Last Activity Date,Send Count,Receive Count,Read Count,Meeting Created Count,"
    "Meeting Interacted Count,Assigned Products,Report Period"
)
PEOPLE = 100_000


def export(people: int, stray_quotes: int = 0) -> bytes:
    lines = [HEADER]
    for i in range(people):
        name = f'"Person {i}' if i < stray_quotes else f'"Person, {i}"'
        lines.append(
            f"2026-10-31,p{i}@example.org,{name},False,,2026-10-30,{i % 97},{i % 311},"
            f"{i % 271},1,2,MICROSOFT 365 E3,30"
        )
    return ("\r\n".join(lines) + "\r\n").encode()


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    data = export(PEOPLE)
    stray = export(PEOPLE, stray_quotes=100)

    def ours(payload: bytes = data) -> int:
        _, rows = read_delimited(payload)
        return sum(1 for _ in rows)

    def plain() -> int:
        return sum(1 for _ in csv.reader(io.StringIO(data.decode(), newline="")))

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "email.csv"
        path.write_bytes(data)

        def duck() -> int:
            """Parse every field into a table, as ingestion stores them."""
            with duckdb.connect() as con:
                con.execute(f"create table t as select * from read_csv('{path}', header=true)")
                return con.execute("select count(*) from t").fetchone()[0]

        assert ours() == PEOPLE and duck() == PEOPLE
        results = [
            ("DuckDB read_csv (the limit)", best_of(3, duck)),
            ("csv.reader, no line checks", best_of(3, plain)),
            ("read_delimited (line-checked)", best_of(3, ours)),
            ("read_delimited, 100 stray quotes", best_of(3, lambda: ours(stray))),
        ]
    limit = results[0][1]
    print(f"| reader ({PEOPLE:,} rows, {len(data) / 2**20:.1f} MiB) | seconds | x DuckDB |")
    print("|---|---|---|")
    for name, seconds in results:
        print(f"| {name} | {seconds:.2f} | {seconds / limit:.1f} |")


if __name__ == "__main__":
    main()
