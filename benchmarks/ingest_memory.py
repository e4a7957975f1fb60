"""Benchmark: the memory of ingesting large Slack exports, with the parse-ahead workers and
with every file parsed in the writing process, side by side in one run.

The demo's monthly Slack exports are merged, a few months to a file, into exports of the
size one month has at 100,000 employees (about a million rows each), then each setup ingests
them into a fresh warehouse in a process of its own. The limit is the ingestion without
workers: it holds one file at a time. Reported: the peak resident memory of the writing
process and of the largest worker, the time, and the ratio to the limit.

Usage: .venv/bin/python -m benchmarks.ingest_memory --inbox DEMO/inbox [--months-per-file 4]
(DEMO: a demo generated at 10,000 employees, e.g. `benchmarks.scale --keep DIR`'s DIR/demo).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

CHILD = """
import json, resource, sys, tempfile, time
from pathlib import Path
import duckdb
from pipelines.ingest import parse_ahead
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.registry import SOURCES_BY_NAME
from pipelines.ingest.store import ingest_source

if __name__ == "__main__":
    inbox, workers = Path(sys.argv[1]), sys.argv[2] == "workers"
    if not workers:
        parse_ahead.WORTH_A_WORKER_BYTES = 2**62
    with tempfile.TemporaryDirectory() as work:
        con = duckdb.connect(f"{work}/warehouse.duckdb")
        start = time.perf_counter()
        results = ingest_source(
            con, SOURCES_BY_NAME["slack_export"], inbox, Pseudonymiser("benchmark"), "bench"
        )
        seconds = time.perf_counter() - start
        con.close()
    print(json.dumps({
        "files": len(results),
        "rows": sum(r.rows_loaded for r in results),
        "seconds": seconds,
        "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))
"""


def merge_months(exports: list[Path], per_file: int, target: Path) -> list[Path]:
    """Slack exports of `per_file` consecutive months each (day files never collide: each is
    named by its date)."""
    merged = []
    for start in range(0, len(exports) - per_file + 1, per_file):
        out = target / "slack_export" / f"slack_merged_{start // per_file}.zip"
        out.parent.mkdir(parents=True, exist_ok=True)
        seen = set()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as merged_zip:
            for export in exports[start : start + per_file]:
                with zipfile.ZipFile(export) as month:
                    for info in month.infolist():
                        if info.filename not in seen:
                            seen.add(info.filename)
                            merged_zip.writestr(info.filename, month.read(info))
        merged.append(out)
    return merged


def unpacked_mb(path: Path) -> float:
    with zipfile.ZipFile(path) as archive:
        return sum(info.file_size for info in archive.infolist()) / 1e6


def ingest(inbox: Path, setup: str) -> dict:
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(inbox), setup],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inbox", type=Path, required=True)
    parser.add_argument("--months-per-file", type=int, default=4)
    args = parser.parse_args()
    exports = sorted((args.inbox / "slack_export").glob("*.zip"))[1:]  # the first month is thin
    with tempfile.TemporaryDirectory() as work:
        files = merge_months(exports, args.months_per_file, Path(work))
        sizes = ", ".join(f"{unpacked_mb(f):.0f}" for f in files)
        alone, with_workers = ingest(Path(work), "alone"), ingest(Path(work), "workers")
    print(
        f"{len(files)} Slack exports of {args.months_per_file} demo months each "
        f"({sizes} MB unpacked), {alone['rows']:,} rows\n"
    )
    print("| setup | seconds | peak, writing process | peak, largest worker | x the limit |")
    print("|---|---|---|---|---|")
    for name, measured in (
        ("every file parsed by the writer (the limit)", alone),
        ("parse-ahead workers", with_workers),
    ):
        ratio = measured["main_mb"] / alone["main_mb"]
        worker = f"{measured['worker_mb']:.0f} MB" if measured["worker_mb"] else "-"
        print(
            f"| {name} | {measured['seconds']:.1f} | {measured['main_mb']:.0f} MB | {worker} "
            f"| {ratio:.2f} |"
        )


if __name__ == "__main__":
    main()
