"""Scale (issue 15): a large organisation's year, measured against the limits in the same run.

    .venv/bin/python -m benchmarks.scale --employees 10000 --messages-per-person 38

Generates the demo at that size (14 months; 38 messages per person gives about 300 messages
per employee a year: 3 million at 10,000), then on the last 13 months:
  (a) ingestion of 12 months (the project's readers) vs DuckDB's own read_csv/read_json of the
      same files (ZIP members unpacked beforehand, not timed): the ratio;
  (b) `snm run` over those 12 months on a fresh warehouse (the full build);
  (c) adding month 13 to that warehouse vs `snm run` on month 13 alone in a fresh one;
  (d) the peak memory of every run (the largest process);
  (e) sentiment messages per second (dbt's own time for int_message_sentiment);
  (f) the Dagster run's dbt build vs the same `dbt build` run directly on the same warehouse.
  (m) (c) and (d) at the level of ingestion and dbt, as a run does them but without the
      Dagster run around them: (a)'s 12 months built (scoring slices, then the build), month 13
      ingested into it and built, against month 13 ingested and built in a fresh warehouse;
      with dbt's own seconds of the network, adoption, heartbeat, FAQ and ambassador models
      (issue 17) in each of the three builds, against the build's whole time.
Prints Markdown for BENCHMARKS.md with machine, date and commit. `--parts am` leaves out (b)
and (c), which take hours at 100,000 employees.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DBT_DIR = ROOT / "dbt_project"
MONTH_IN_NAME = re.compile(r"(\d{4})-(\d{2})")
PEAK_OF_CHILD = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def month_of(path: Path) -> tuple[int, int] | None:
    """The month a file belongs to, from its name (None: a register that spans months)."""
    found = MONTH_IN_NAME.search(path.name)
    return (int(found[1]), int(found[2])) if found else None


def copy_months(inbox: Path, target: Path, months: set[tuple[int, int]]) -> Path:
    """Hard-link the files of `months` (and the registers without a month) into `target`."""
    for path in sorted(p for p in inbox.rglob("*") if p.is_file()):
        month = month_of(path)
        if month is None or month in months:
            destination = target / path.relative_to(inbox)
            destination.parent.mkdir(parents=True, exist_ok=True)
            if not destination.exists():
                os.link(path, destination)
    return target


def timed_child(args: list[str], env: dict) -> tuple[float, float, str]:
    """Seconds, peak memory (GB, the largest process) and stdout of a command."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", PEAK_OF_CHILD, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    peak_kib = int(done.stderr.strip().splitlines()[-1])
    return seconds, peak_kib / 1024 / 1024, done.stdout


def snm_run(inbox: Path, config: Path, warehouse: Path, out: Path, month: str, env: dict):
    return timed_child(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "run",
            "--inbox",
            str(inbox),
            "--month",
            month,
            "--config",
            str(config),
            "--warehouse",
            str(warehouse),
            "--out",
            str(out),
        ],
        env,
    )


def slowest_steps(printed: str) -> str:
    """The run summary's line of its slowest steps."""
    found = [line for line in printed.splitlines() if line.startswith("Slowest:")]
    return found[0].removeprefix("Slowest:").strip() if found else "(not printed)"


def latest_run_results() -> dict:
    """dbt's run_results.json of the build that finished last (dagster-dbt writes one per run)."""
    found = max(DBT_DIR.glob("target/**/run_results.json"), key=lambda p: p.stat().st_mtime)
    return json.loads(found.read_text())


def model_seconds(results: dict, model: str) -> float:
    return next(
        r["execution_time"] for r in results["results"] if r["unique_id"].endswith(f".{model}")
    )


def count_messages(inbox: Path) -> int:
    total = 0
    for archive in sorted((inbox / "viva_engage_export").glob("*.zip")):
        with zipfile.ZipFile(archive) as z:
            total += z.read("Messages.csv").count(b"https://www.yammer.com/api/v1/messages/")
    for archive in sorted((inbox / "slack_export").glob("*.zip")):
        with zipfile.ZipFile(archive) as z:
            total += sum(len(json.loads(z.read(n))) for n in z.namelist() if n.count("/") == 1)
    return total


def ingestion_vs_duckdb(inbox: Path, work: Path) -> tuple[float, float, int]:
    """(a): the project's ingestion of every source into a fresh warehouse, and DuckDB reading
    the same files (ZIPs unpacked first, untimed) with its own readers."""
    from pipelines.ingest.pseudonym import Pseudonymiser
    from pipelines.ingest.registry import SOURCES
    from pipelines.ingest.store import ingest_source

    start = time.perf_counter()
    with duckdb.connect(str(work / "ingest.duckdb")) as con:
        rows = 0
        for source in SOURCES:
            results = ingest_source(con, source, inbox, Pseudonymiser("bench"), "bench")
            rows += sum(r.rows_loaded for r in results)
    ours = time.perf_counter() - start

    unpacked = work / "unpacked"
    for path in inbox.rglob("*"):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as z:
                z.extractall(unpacked / path.stem)
        elif path.is_file():
            (unpacked / path.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, unpacked / path.parent.name / path.name)
    start = time.perf_counter()
    with duckdb.connect() as con:
        con.execute("set enable_progress_bar = false")  # its bars would fill the report
        for path in sorted(unpacked.rglob("*")):
            if path.suffix == ".csv":
                con.execute("select count(*) from read_csv(?, all_varchar = true)", [str(path)])
            elif path.suffix == ".json":
                con.execute("select count(*) from read_json(?)", [str(path)])
    theirs = time.perf_counter() - start
    return ours, theirs, rows


def direct_dbt_build(config: Path, warehouse: Path, env: dict) -> tuple[float, float]:
    """(f): the same `dbt build` the Dagster run does, run directly on the warehouse; from
    scratch (`--full-refresh`), as the first run built it, not incrementally on top of it."""
    from pipelines.config import load_config
    from pipelines.defs.transform.dbt_models import PRODUCTION_EXCLUDES, dbt_vars

    variables = json.dumps(dbt_vars(load_config(config)))
    dbt = Path(sys.executable).parent / "dbt"
    seconds, peak, _ = timed_child(
        [str(dbt), "build", *PRODUCTION_EXCLUDES, "--full-refresh", "--vars", variables]
        + ["--project-dir", str(DBT_DIR)]
        + ["--profiles-dir", str(DBT_DIR), "-q"],
        {**env, "SNM_WAREHOUSE": str(warehouse)},
    )
    return seconds, peak


class Rows(list):
    """The table's rows, each also printed when measured (a later failure loses nothing)."""

    def append(self, row: tuple[str, str, str]) -> None:
        super().append(row)
        print(" | ".join(row), file=sys.stderr, flush=True)


def commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True)
    return done.stdout.decode().strip() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--messages-per-person", type=float, default=38.0)
    parser.add_argument("--keep", help="work folder to keep (default: a temporary one)")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the demo already generated in --keep"
    )
    parser.add_argument(
        "--parts",
        default="abc",
        help="which of (a), (b) (with d, e and f), (c) and (m) to measure, e.g. 'am' at 100,000"
        " employees, where (b) takes hours; (c) without (b) measures month 13 alone; (m) needs"
        " (a)'s warehouse",
    )
    parser.add_argument(
        "--memory-limit",
        help="DuckDB's memory ceiling for the runs (SNM_DUCKDB_MEMORY_LIMIT, e.g. 2GB; default"
        " the project's 80%%)",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from pipelines.demo import DemoData, generate_demo
    from pipelines.months import add_months

    work = Path(args.keep or tempfile.mkdtemp(prefix="snm-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SNM_")}
    env["SNM_PSEUDONYM_KEY"] = "scale-benchmark-key"
    if args.memory_limit:
        env["SNM_DUCKDB_MEMORY_LIMIT"] = args.memory_limit
    rows = Rows()

    start = time.perf_counter()
    last = date(2026, 10, 1)
    if args.reuse and (work / "demo" / "monitor.yml").exists():
        demo = DemoData(work / "demo" / "inbox", work / "demo" / "monitor.yml", last, last)
    else:
        demo = generate_demo(
            work / "demo",
            last_month=last,
            employees=args.employees,
            messages_per_person=args.messages_per_person,
            today=date(2026, 11, 5),
        )
    generated = time.perf_counter() - start
    for folder in ("history", "alone", "month13", "unpacked", "out", "out-alone"):
        shutil.rmtree(work / folder, ignore_errors=True)
    for name in ("ingest.duckdb", "full.duckdb", "alone.duckdb", "alone-direct.duckdb"):
        for path in (work / name, work / (name + ".wal")):
            path.unlink(missing_ok=True)
    months = [add_months(last, -i) for i in range(12, -1, -1)]  # the last 13 of 14
    year = {(m.year, m.month) for m in months[:12]}
    history = copy_months(demo.inbox, work / "history", year)
    messages = count_messages(history)
    rows.append(
        (
            "generate the demo (14 months)",
            f"{generated:.0f} s",
            f"{messages:,} messages in 12 months",
        )
    )

    if "a" in args.parts:
        ours, theirs, loaded = ingestion_vs_duckdb(history, work)
        rows.append(
            (
                "(a) ingest 12 months / DuckDB's own read of the same files",
                f"{ours:.1f} s / {theirs:.1f} s",
                f"ratio **{ours / theirs:.1f}** (goal <= 1.5); {loaded:,} rows",
            )
        )
    if "b" in args.parts:
        full_build(rows, demo, history, work, months, messages, env)
    if "c" in args.parts:
        month_13(rows, demo, history, work, months, env, added_to_history="b" in args.parts)
    if "m" in args.parts:
        month_13_direct(rows, demo, work, months, env)
    print(
        f"{args.employees:,} employees, {args.messages_per_person:g} messages per person; "
        f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"DuckDB {duckdb.__version__}, {date.today()}, commit {commit()}, DuckDB memory limit"
        f" {args.memory_limit or '80%'}\n"
    )
    print("| measure | time | notes |\n|---|---|---|")
    for name, value, notes in rows:
        print(f"| {name} | {value} | {notes} |")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def full_build(rows, demo, history, work, months, messages, env) -> None:
    """(b), (d), (e), (f): twelve months in one `snm run` on a fresh warehouse."""
    month12 = f"{months[11]:%Y-%m}"
    warehouse = work / "full.duckdb"
    seconds, peak, printed = snm_run(history, demo.config, warehouse, work / "out", month12, env)
    results = latest_run_results()
    sentiment = model_seconds(results, "int_message_sentiment")
    dagster_dbt = results["elapsed_time"]
    rows.append(
        (
            "(b) `snm run`, 12 months, fresh warehouse",
            f"{seconds:.0f} s",
            f"of which dbt build {dagster_dbt:.0f} s; goal < 300 s at 100,000",
        )
    )
    rows.append(("(b) where that run's time went", "", slowest_steps(printed)))
    rows.append(("(d) peak memory of that run", f"{peak:.2f} GB", "goal < 4 GB"))
    rows.append(
        (
            "(e) sentiment (int_message_sentiment, dbt's own time)",
            f"{sentiment:.1f} s",
            f"{messages / sentiment:,.0f} messages/s",
        )
    )

    direct, direct_peak = direct_dbt_build(demo.config, warehouse, env)
    rows.append(
        (
            "(f) dbt build in the Dagster run / the same build run directly",
            f"{dagster_dbt:.0f} s / {direct:.0f} s",
            f"ratio {dagster_dbt / direct:.2f}; direct build peak {direct_peak:.2f} GB",
        )
    )


def month_13(rows, demo, history, work, months, env, added_to_history: bool) -> None:
    """(c): month 13 alone on a fresh warehouse, and added to (b)'s twelve months."""
    month13, new = f"{months[12]:%Y-%m}", {(months[12].year, months[12].month)}
    alone_inbox = copy_months(demo.inbox, work / "alone", new)
    alone, alone_peak, printed = snm_run(
        alone_inbox, demo.config, work / "alone.duckdb", work / "out-alone", month13, env
    )
    rows.append(("(c) where month 13 alone went", "", slowest_steps(printed)))
    if not added_to_history:
        rows.append(("(c) month 13 alone", f"{alone:.0f} s", f"peak {alone_peak:.2f} GB"))
        return
    copy_months(demo.inbox, history, new)
    added, added_peak, printed = snm_run(
        history, demo.config, work / "full.duckdb", work / "out", month13, env
    )
    rows.append(("(c) where adding month 13 went", "", slowest_steps(printed)))
    rows.append(
        (
            "(c) add month 13 to 12 months / month 13 alone",
            f"{added:.0f} s / {alone:.0f} s",
            f"ratio **{added / alone:.2f}** (goal <= 1.3); peak {added_peak:.2f} GB",
        )
    )


def month_13_direct(rows, demo, work, months, env) -> None:
    """(m): (a)'s twelve months built, month 13 added, against month 13 alone: ingestion and
    the dbt build (with scoring slices) as the run does them, each dbt step's time and peak."""
    new = {(months[12].year, months[12].month)}
    month13_inbox = copy_months(demo.inbox, work / "month13", new)
    history = work / "ingest.duckdb"
    if not history.exists():
        raise SystemExit("(m) builds on (a)'s warehouse: run it with --parts am")
    twelve, twelve_peak, twelve_results = build_direct(demo.config, history, env)
    rows.append(
        (
            "(m) dbt: first build of the 12 months (slices and build)",
            f"{twelve:.0f} s",
            f"peak {twelve_peak:.2f} GB; goal < 4 GB",
        )
    )
    added_ingest = ingest_timed(month13_inbox, history)
    added, added_peak, added_results = build_direct(demo.config, history, env)
    alone_warehouse = work / "alone-direct.duckdb"
    alone_warehouse.unlink(missing_ok=True)
    alone_ingest = ingest_timed(month13_inbox, alone_warehouse)
    alone, alone_peak, alone_results = build_direct(demo.config, alone_warehouse, env)
    rows.append(
        (
            "(m) month 13 added to 12 months / alone: ingestion + dbt",
            f"{added_ingest:.1f} + {added:.0f} s / {alone_ingest:.1f} + {alone:.0f} s",
            f"ratio **{(added_ingest + added) / (alone_ingest + alone):.2f}** (goal <= 1.3);"
            f" dbt alone {added / alone:.2f}; peaks {added_peak:.2f} / {alone_peak:.2f} GB",
        )
    )
    builds = ((twelve_results, twelve), (added_results, added), (alone_results, alone))
    for model in ISSUE_17_MODELS:
        seconds = [model_seconds(results, model) for results, _ in builds]
        rows.append(
            (
                f"(m) {model}: 12 months / month 13 added / alone",
                " / ".join(f"{s:.1f} s" for s in seconds),
                "dbt's own time",
            )
        )
    shares = [
        sum(model_seconds(results, m) for m in ISSUE_17_MODELS) / whole for results, whole in builds
    ]
    rows.append(
        (
            "(m) issue 17's models together, share of the build",
            " / ".join(f"{share:.1%}" for share in shares),
            "12 months / month 13 added / alone",
        )
    )


# the models issue 17 added: network, ambassadors, adoption, heartbeat, FAQ candidates
ISSUE_17_MODELS = (
    "int_interactions",
    "int_network_ties",
    "int_network_betweenness",
    "fct_network_people_monthly",
    "fct_network_departments_monthly",
    "fct_ambassadors_monthly",
    "fct_ambassador_departments_monthly",
    "int_tool_adoption",
    "int_adoption_bass",
    "fct_adoption_phase_monthly",
    "fct_heartbeat_daily",
    "fct_faq_candidates_monthly",
)


def ingest_timed(inbox: Path, warehouse: Path) -> float:
    from pipelines.ingest.pseudonym import Pseudonymiser
    from pipelines.ingest.registry import SOURCES
    from pipelines.ingest.store import ingest_source

    start = time.perf_counter()
    with duckdb.connect(str(warehouse)) as con:
        for source in SOURCES:
            ingest_source(con, source, inbox, Pseudonymiser("bench"), "bench")
    return time.perf_counter() - start


def build_direct(config: Path, warehouse: Path, env: dict) -> tuple[float, float, dict]:
    """The run's dbt work on `warehouse`: scoring slices, then the build; seconds, the
    largest peak of its dbt processes and the build's run_results."""
    from pipelines.config import load_config
    from pipelines.defs.transform.dbt_models import PRODUCTION_EXCLUDES, SLICE_EXCLUDES, dbt_vars
    from pipelines.resources import WarehouseResource
    from pipelines.scoring_slices import score_in_slices

    variables = json.dumps(dbt_vars(load_config(config)))
    dbt = Path(sys.executable).parent / "dbt"
    child_env = {**env, "SNM_WAREHOUSE": str(warehouse)}
    peaks = []

    def run(args: list[str]) -> None:
        _, peak, _ = timed_child(
            [str(dbt), "build", *args, "--vars", variables, "--project-dir", str(DBT_DIR)]
            + ["--profiles-dir", str(DBT_DIR), "-q"],
            child_env,
        )
        peaks.append(peak)

    start = time.perf_counter()
    connect = WarehouseResource(path=str(warehouse)).connect
    score_in_slices(connect, lambda selection: run([*SLICE_EXCLUDES, *selection]))
    run(list(PRODUCTION_EXCLUDES))
    return time.perf_counter() - start, max(peaks), latest_run_results()


if __name__ == "__main__":
    main()
