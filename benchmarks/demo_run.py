"""Benchmark: demo generation, ingestion of the whole demo inbox, and the full `snm demo` run.

Usage: .venv/bin/python benchmarks/demo_run.py   (prints a Markdown table for BENCHMARKS.md)
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.demo import generate_demo  # noqa: E402
from pipelines.ingest.pseudonym import Pseudonymiser  # noqa: E402
from pipelines.ingest.registry import SOURCES  # noqa: E402
from pipelines.ingest.store import ingest_source  # noqa: E402

LAST_MONTH = date(2026, 10, 1)


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        start = time.perf_counter()
        demo = generate_demo(tmp / "demo", last_month=LAST_MONTH)
        rows.append(
            ("generate the demo inbox (14 months, ~1,200 people)", time.perf_counter() - start, "")
        )

        start = time.perf_counter()
        loaded = 0
        with duckdb.connect(str(tmp / "ingest.duckdb")) as con:
            for source in SOURCES:
                results = ingest_source(con, source, demo.inbox, Pseudonymiser("bench"), "bench")
                loaded += sum(r.rows_loaded for r in results)
        seconds = time.perf_counter() - start
        rows.append(
            (
                "ingest every source into DuckDB",
                seconds,
                f"{loaded:,} rows, {loaded / seconds:,.0f} rows/s",
            )
        )

        env = {k: v for k, v in os.environ.items() if not k.startswith("SNM_")}
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pipelines.cli",
                "demo",
                "--dir",
                str(tmp / "run"),
                "--month",
                f"{LAST_MONTH:%Y-%m}",
                "--warehouse",
                str(tmp / "run.duckdb"),
                "--out",
                str(tmp / "out"),
            ],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rows.append(
            (
                "`snm demo`: generate, ingest, dbt build, GX checks, render",
                time.perf_counter() - start,
                f"peak memory {peak:,.0f} MiB",
            )
        )
    print("| step | seconds | notes |\n|---|---|---|")
    for name, seconds, notes in rows:
        print(f"| {name} | {seconds:.1f} | {notes} |")


if __name__ == "__main__":
    main()
