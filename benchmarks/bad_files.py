"""Benchmark: ingesting a roster of 100,000 garbage rows (the wrong file), against DuckDB's
own read of the same bytes (the limit), and the size of the quarantine.csv it leaves. Before
the bad-row threshold such a file took 582 s per run and wrote a 68 MB quarantine.csv on every
run (issue 13); now it is quarantined whole.

Usage: .venv/bin/python -m benchmarks.bad_files   (prints a Markdown table for BENCHMARKS.md)
"""

from __future__ import annotations

import random
import string
import tempfile
import time
from pathlib import Path

import duckdb

from pipelines.ingest import roster
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.store import ingest_source
from pipelines.summary import export_quarantine

ROWS = 100_000
HEADER = "employee_id,email,department,location,role_type,birth_year,start_date,end_date"


def garbage(rows: int) -> str:
    pick = random.Random(13)

    def word(n: int) -> str:
        return "".join(pick.choice(string.ascii_letters) for _ in range(n))

    lines = [HEADER]
    lines += [",".join(word(n) for n in (6, 10, 8, 8, 5, 4, 8, 3)) for _ in range(rows)]
    return "\n".join(lines) + "\n"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "inbox" / "roster").mkdir(parents=True)
        path = root / "inbox" / "roster" / "roster_2026-10-31.csv"
        path.write_text(garbage(ROWS), encoding="utf-8")
        start = time.perf_counter()
        duckdb.sql(f"select count(*) from read_csv('{path}', all_varchar = true)").fetchall()
        limit = time.perf_counter() - start
        con = duckdb.connect(str(root / "w.duckdb"))
        start = time.perf_counter()
        (result,) = ingest_source(con, roster.SOURCE, root / "inbox", Pseudonymiser("k"), "run")
        ours = time.perf_counter() - start
        size = export_quarantine(con, root / "out", "run").stat().st_size
    print(f"| step ({ROWS:,} garbage roster rows) | seconds | x DuckDB |")
    print("|---|---|---|")
    print(f"| DuckDB read_csv (the limit) | {limit:.2f} | 1.0 |")
    print(f"| ingestion, quarantined whole | {ours:.2f} | {ours / limit:.0f} |")
    kept = len(result.problems)
    print(f"\nstatus {result.status}, {kept} problems kept, quarantine.csv {size:,} bytes")


if __name__ == "__main__":
    main()
