"""The yearly monitor at a large organisation's size (issue 18): how long drawing the PDF and
the HTML page takes against reading the year's figures from the warehouse, in the same run.

    .venv/bin/python -m benchmarks.yearly --warehouse WAREHOUSE.duckdb --year 2026

Use a warehouse that benchmarks/scale.py built (`--keep DIR --parts am` leaves DIR/ingest.duckdb:
the organisation's 13 months). Prints Markdown for BENCHMARKS.md: the read of every month's
figures.json documents (the floor: the report cannot be faster than its data), the whole
render, their ratio, the pages, the HTML page's size and the peak memory.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--language", default="nl")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from pipelines.report.yearly import render_yearly
    from pipelines.report.yearly.year import load_year

    with duckdb.connect(str(args.warehouse), read_only=True) as con:
        headcount = con.execute(
            "select max(headcount) from marts.fct_headcount_monthly"
        ).fetchone()[0]
        start = time.perf_counter()
        year = load_year(con, args.year, "benchmark", "benchmark", "Benchmark")
        read = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            paths = render_yearly(
                con, args.year, args.language, "Benchmark", "benchmark", "-", Path(folder)
            )
            rendered = time.perf_counter() - start
            pages = len(re.findall(rb"/Type\s*/Page\b", paths["pdf"].read_bytes()))
            html_mb = paths["html"].stat().st_size / 1e6
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(
        f"{headcount:,} employees, {len(year.months)} months of {args.year}; {platform.node()},"
        f" {os.cpu_count()} cores, Python {platform.python_version()}, DuckDB"
        f" {duckdb.__version__}, {date.today()}\n"
    )
    rows = [
        (
            "read the year's figures.json documents",
            f"{read:.1f} s",
            f"{len(year.documents)} months",
        ),
        (
            "render the yearly monitor (PDF and HTML)",
            f"{rendered:.1f} s",
            f"ratio to the read **{rendered / read:.1f}** (the render reads them again)",
        ),
        ("pages of the PDF", str(pages), "goal: at most about 12"),
        ("the HTML page", f"{html_mb:.1f} MB", "self-contained, charts as PNG"),
        ("peak memory of the process", f"{peak_gb:.2f} GB", ""),
    ]
    print("| measure | value | notes |\n|---|---|---|")
    for name, value, notes in rows:
        print(f"| {name} | {value} | {notes} |")


if __name__ == "__main__":
    main()
