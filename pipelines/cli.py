"""`snm`: the command line. It runs the same Definitions as the Dagster UI, in process.

Exit codes: 0 ok, 1 a run failed, 2 bad usage or config.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import date, datetime
from pathlib import Path

from . import settings as env
from .clock import today
from .config import ConfigError, load_config
from .months import last_complete_month, parse_month


class UsageError(Exception):
    """Bad arguments or configuration: exit code 2."""


def _positive(kind):
    """An argparse type: a number above 0 (a demo of no people or no messages is no demo)."""

    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"{text} must be above 0")
        return value

    return parse


def _complete_month(text: str | None) -> date:
    """The month asked for, or the last complete one; a month that has not ended is refused."""
    last = last_complete_month(today())
    if text is None:
        return last
    try:
        first = parse_month(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if first > last:
        raise UsageError(f"{text} is not a complete month yet; the monitor reports whole months")
    return first


def _month(text: str) -> date:
    """Any month the user names (trace, audit), or a usage error saying the form."""
    try:
        return parse_month(text)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _manifest_is_stale() -> bool:
    from .project import dbt_project

    manifest = Path(dbt_project.manifest_path)
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    sources = [p for p in env.DBT_PROJECT_DIR.rglob("*") if p.suffix in {".sql", ".yml"}]
    return any(p.stat().st_mtime > built for p in sources if "target" not in p.parts)


@contextmanager
def _quiet_output(log, verbose: bool):
    """dbt's progress lines and Dagster's event log go to a log file unless --verbose: the
    summary printed after the run names every failed step and check, and where the log is."""
    if verbose:
        yield
        return
    with redirect_stdout(log), redirect_stderr(log):
        yield


def _execute(month: str, verbose: bool, job_name: str = "monitor_job") -> int:
    """Run a job for one partition (a month, or a year for `yearly_job`) and print what
    happened; returns the exit code."""
    from dagster import DagsterInstance

    from .project import prepare_manifest

    settings = env.load_settings()
    try:
        config = load_config(settings.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    if month < config.first_month[: len(month)]:
        raise UsageError(
            f"{month} is before first_month {config.first_month} of {settings.config}: set "
            "first_month earlier to report it"
        )
    if job_name == "monitor_job" and not settings.pseudonym_key and not settings.demo_mode:
        raise UsageError(
            f"{env.ENV_KEY} is not set: real exports are pseudonymised with a secret key. "
            f"Set it, e.g. export {env.ENV_KEY}=$(python -c 'import secrets; "
            "print(secrets.token_hex(32))'), and keep it safe."
        )
    _warehouse_is_free(settings.warehouse)
    if _manifest_is_stale():
        prepare_manifest()
    from .definitions import defs

    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else None
    run_config = {} if verbose else {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
    job = defs.resolve_job_def(job_name)
    log_path = _run_log_path(settings.warehouse, month)
    with log_path.open("w", encoding="utf-8") as log, _quiet_output(log, verbose):
        result = job.execute_in_process(
            partition_key=month,
            instance=instance or DagsterInstance.ephemeral(),
            run_config=run_config,
            raise_on_error=False,
        )
    if not verbose:
        print(f"Run log:     {log_path}")
    from .summary import print_summary

    if job_name == "yearly_job":
        folder = settings.out / month
        print(f"Run {result.run_id} {'succeeded' if result.success else 'FAILED'} for {month}.")
        if result.success:
            print(f"Yearly monitor: {folder / 'monitor.pdf'}")
            print(f"HTML:           {folder / 'monitor.html'}")
    else:
        print_summary(result, month, settings)
    no_data = _no_data_for_month(result)
    if no_data:
        raise UsageError(no_data)
    return 0 if result.success else 1


def _open_warehouse(path: Path, read_only: bool = False):
    """The warehouse, or a usage error in one line when another process writes it or the file
    is not a DuckDB database (instead of failing steps deep inside a run)."""
    from .warehouse import WarehouseUnavailable, connect

    try:
        return connect(path, read_only=read_only, wait_seconds=0)
    except WarehouseUnavailable as exc:
        raise UsageError(str(exc)) from None


def _warehouse_is_free(path: Path) -> None:
    if path.exists():
        _open_warehouse(path).close()


def _run_log_path(warehouse: Path, month: str) -> Path:
    """Each run its own log file, so two runs never write into one."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = warehouse.parent / "logs" / f"snm-run-{month}-{stamp}-{os.getpid()}.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _no_data_for_month(result) -> str | None:
    """The message when the run failed only because the month has no data at all."""
    from .report.figures import NO_DATA_FOR_MONTH

    failures = result.get_step_failure_events()
    for event in failures:
        data = event.event_specific_data.user_failure_data
        if len(failures) == 1 and data is not None and NO_DATA_FOR_MONTH in data.metadata:
            return data.description
    return None


def _fresh_warehouse_for_new_demo_data(inbox: Path) -> None:
    """The demo inbox changes with the month (and with the generator): a warehouse holding an
    older demo would mix both. Demo data only, so it is simply started afresh."""
    from .ingest.inbox import sha256_of

    warehouse = env.load_settings().warehouse
    digest, _ = sha256_of(inbox)
    marker = warehouse.with_name(warehouse.name + ".demo-inbox")
    if warehouse.exists() and (not marker.exists() or marker.read_text() != digest):
        print("The demo data changed since the last demo run: starting a fresh demo warehouse.")
        for path in (warehouse, warehouse.with_name(warehouse.name + ".wal")):
            path.unlink(missing_ok=True)
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(digest)


def cmd_demo(args) -> int:
    from .demo import generate_demo

    target = Path(args.dir).resolve()
    data = generate_demo(
        target,
        last_month=_complete_month(args.month),
        seed=args.seed,
        employees=args.employees,
        messages_per_person=args.messages_per_person,
    )
    # The demo's default folder is the settings' default too, so `dagster dev` opens the same
    # inbox, config and warehouse without any variable but SNM_DEMO=1.
    env.configure(
        demo_mode=True,
        inbox=data.inbox,
        config=data.config,
        warehouse=args.warehouse,
        out=args.out,
    )
    print(
        f"Demo inbox written to {data.inbox} ({data.first_month:%Y-%m} to {data.last_month:%Y-%m})"
    )
    _fresh_warehouse_for_new_demo_data(data.inbox)
    return _execute(f"{data.last_month:%Y-%m}", args.verbose)


def _apply_job_options(args) -> None:
    """--config, --warehouse and --out become this process's settings (settings.configure),
    which the Definitions' resources take; the environment is left as it is."""
    env.configure(config=args.config, warehouse=args.warehouse, out=args.out)


def cmd_run(args) -> int:
    if not Path(args.inbox).is_dir():
        raise UsageError(f"inbox folder not found: {args.inbox}")
    env.configure(inbox=args.inbox)
    _apply_job_options(args)
    return _execute(f"{_complete_month(args.month):%Y-%m}", args.verbose)


def cmd_yearly(args) -> int:
    if not (args.year.isdigit() and len(args.year) == 4):
        raise UsageError(f"'{args.year}' is not a year in the form YYYY")
    if int(args.year) > today().year:
        raise UsageError(f"{args.year} has not begun; the yearly monitor covers a year so far")
    _apply_job_options(args)
    return _execute(args.year, args.verbose, job_name="yearly_job")


def cmd_trace(args) -> int:
    """Print where a figure of a month came from (its figures.json), the SQL its mart ran with
    (the warehouse), and with --rows write the source rows it can be recounted from."""
    from .report import trace

    month = f"{_month(args.month):%Y-%m}"
    settings = env.load_settings()
    out = Path(args.out).expanduser().resolve() if args.out else settings.out
    try:
        figure = trace.load_figure(out, args.figure_id, month)
    except trace.NotTraceable as exc:
        raise UsageError(str(exc)) from None
    print("\n".join(trace.lineage_lines(figure, month)))
    given = Path(args.warehouse).expanduser().resolve() if args.warehouse else None
    warehouse = given or settings.warehouse
    if not warehouse.exists():
        print(f"  (no warehouse at {warehouse}: no compiled SQL or rows)")
        if args.rows:
            raise UsageError(f"--rows needs the warehouse; none at {warehouse}")
        return 0
    con = _open_warehouse(warehouse, read_only=True)
    try:
        print("\n".join(trace.sql_lines(con, figure)))
        if args.rows:
            rows, people = trace.export_rows(con, figure, month, Path(args.rows))
            print(f"Rows behind it: {args.rows} ({rows} rows, {people} people by pseudonym)")
    finally:
        con.close()
    return 0


def cmd_audit(args) -> int:
    """Print every recorded event behind a month: files ingested, rejected or withdrawn, builds,
    reports rendered and delivered, alerts, each with its time and run id."""
    from .audit_log import describe, month_events

    month = _month(args.month)
    path = Path(args.warehouse).expanduser().resolve() if args.warehouse else None
    path = path or env.load_settings().warehouse
    if not path.exists():
        raise UsageError(f"no warehouse at {path}; run `snm run` first")
    con = _open_warehouse(path, read_only=True)
    try:
        events = month_events(con, month)
    finally:
        con.close()
    print("\n".join(describe(events, f"{month:%Y-%m}")))
    return 0


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise UsageError(f"'{text}' is not a year in the form YYYY")
    return int(text)


def _year_documents(year: int) -> tuple[dict, object]:
    """figures.json documents of the year's months, read from the warehouse, and the config."""
    from .report.figures import NoDataForMonth
    from .report.yearly.year import collect

    settings = env.load_settings()
    try:
        config = load_config(settings.config)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    if not settings.warehouse.exists():
        raise UsageError(f"no warehouse at {settings.warehouse}; run `snm run` first")
    con = _open_warehouse(settings.warehouse, read_only=True)
    try:
        return collect(con, year, "benchmark", "benchmark", config.organisation), config
    except NoDataForMonth as exc:
        raise UsageError(str(exc)) from None
    finally:
        con.close()


def cmd_benchmark_export(args) -> int:
    """Write the year's anonymised headline ratios for a sector pool."""
    from . import benchmark

    year = _year(args.year)
    env.configure(config=args.config, warehouse=args.warehouse)
    documents, config = _year_documents(year)
    try:
        document = benchmark.export(documents, year, config.min_group_size)
    except benchmark.BenchmarkError as exc:
        raise UsageError(str(exc)) from None
    target = Path(args.file).expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(
        f"Benchmark {year}: {target} ({len(document['ratios'])} ratios, size band "
        f"{document['size_band']}, {document['months']} months)"
    )
    return 0


def cmd_benchmark_compare(args) -> int:
    """Compare this organisation's year with pooled benchmark files; the yearly monitor shows
    the result (it reads <out>/<year>/benchmark.json)."""
    from . import benchmark

    year = _year(args.year)
    env.configure(config=args.config, warehouse=args.warehouse, out=args.out)
    documents, config = _year_documents(year)
    try:
        ours = benchmark.export(documents, year, config.min_group_size)
        pool = [benchmark.load(Path(f)) for f in args.files]
    except benchmark.BenchmarkError as exc:
        raise UsageError(str(exc)) from None
    compared = benchmark.compare(ours, pool)
    target = env.load_settings().out / str(year) / "benchmark.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(compared, indent=2) + "\n", encoding="utf-8")
    print(f"{'ratio':40} {'ours':>8} {'Q1':>8} {'median':>8} {'Q3':>8}  n")
    for ratio, row in compared["ratios"].items():
        print(
            f"{ratio:40} {row['ours']:8.2f} {row['q1']:8.2f} {row['median']:8.2f}"
            f" {row['q3']:8.2f}  {row['organisations']}"
        )
    print(f"Comparison: {target} (the yearly monitor of {year} shows it)")
    return 0


def cmd_inbox_list(args) -> int:
    from .inbox_commands import inbox_files, print_files

    env.configure(warehouse=args.warehouse)
    path = env.load_settings().warehouse
    if not path.exists():
        raise UsageError(f"no warehouse at {path}; run `snm run` first")
    con = _open_warehouse(path, read_only=True)
    try:
        print_files(inbox_files(con))
    finally:
        con.close()
    return 0


def cmd_inbox_retire(args) -> int:
    """Take a file out of the figures, then rebuild the warehouse's figures and the report of
    the latest month that used it (or --month)."""
    from .inbox_commands import NoSuchFile, retire

    if not Path(args.inbox).is_dir():
        raise UsageError(f"inbox folder not found: {args.inbox}")
    asked = _complete_month(args.month) if args.month else None  # refused before any change
    env.configure(inbox=args.inbox)
    _apply_job_options(args)
    path = env.load_settings().warehouse
    if not path.exists():
        raise UsageError(f"no warehouse at {path}")
    con = _open_warehouse(path)
    try:
        retired = retire(con, args.file, args.reason)
    except NoSuchFile as exc:
        raise UsageError(str(exc)) from None
    finally:
        con.close()
    print(
        f"Retired {retired.source}/{retired.file_name} ({retired.sha256[:12]}): "
        f"{retired.rows_moved} rows moved to raw.withdrawn_rows; it is not read again."
    )
    last = last_complete_month(today())
    months = [m for m in retired.months if parse_month(m) <= last]
    month = f"{asked:%Y-%m}" if asked else (months[-1] if months else None)
    if month is None:
        print("No report used it; the figures are rebuilt by the next run.")
        return 0
    others = [m for m in months if m != month]
    if others:
        print(f"It also fed {', '.join(others)}: render those with `snm run --month <YYYY-MM>`.")
    print(f"Rebuilding the figures and the report of {month}:")
    return _execute(month, args.verbose)


def _job_options(command: argparse.ArgumentParser, config: bool = True) -> None:
    """The options every command that runs a job shares."""
    if config:
        command.add_argument("--config", help="monitor.yml (default: $SNM_CONFIG)")
    command.add_argument("--warehouse", help="DuckDB file (default: $SNM_WAREHOUSE or var/)")
    command.add_argument("--out", help="report folder (default: $SNM_OUT or reports/out)")
    command.add_argument("-v", "--verbose", action="store_true", help="show Dagster's run log")


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="snm", description="Social Network Monitor")
    commands = main.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="generate the demo inbox and run everything on it")
    demo.add_argument("--dir", default=str(env.DEFAULT_VAR_DIR / "demo"))
    demo.add_argument("--month", help="last month of the demo history (default: last complete)")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument(
        "--employees", type=_positive(int), default=1200, help="size of the organisation"
    )
    demo.add_argument(
        "--messages-per-person",
        type=_positive(float),
        default=1.0,
        help="scale Viva Engage and Slack threads per person (38: ~300 messages a year each)",
    )
    _job_options(demo, config=False)
    demo.set_defaults(handler=cmd_demo)

    run = commands.add_parser("run", help="ingest an inbox and report a month")
    run.add_argument("--inbox", required=True)
    run.add_argument("--month", help="YYYY-MM (default: the last complete month)")
    _job_options(run)
    run.set_defaults(handler=cmd_run)

    yearly = commands.add_parser("yearly", help="render the yearly monitor from the warehouse")
    yearly.add_argument("--year", required=True)
    _job_options(yearly)
    yearly.set_defaults(handler=cmd_yearly)

    bench = commands.add_parser("benchmark", help="share a year's ratios; compare with a pool")
    bench_commands = bench.add_subparsers(dest="benchmark_command", required=True)
    exporting = bench_commands.add_parser(
        "export", help="write the year's anonymised headline ratios (docs/BENCHMARK_FORMAT.md)"
    )
    exporting.add_argument("--year", required=True)
    exporting.add_argument("--file", required=True, help="the JSON file to write")
    exporting.add_argument("--config", help="monitor.yml (default: $SNM_CONFIG)")
    exporting.add_argument("--warehouse", help="DuckDB file (default: $SNM_WAREHOUSE or var/)")
    exporting.set_defaults(handler=cmd_benchmark_export)
    comparing = bench_commands.add_parser(
        "compare", help="this organisation against pooled files: median and quartiles"
    )
    comparing.add_argument("files", nargs="+", help="benchmark files of other organisations")
    comparing.add_argument("--year", required=True)
    _job_options(comparing)
    comparing.set_defaults(handler=cmd_benchmark_compare)

    inbox = commands.add_parser("inbox", help="list the ingested files, or retire one")
    inbox_commands = inbox.add_subparsers(dest="inbox_command", required=True)
    listing = inbox_commands.add_parser("list", help="every file of the registry and its state")
    listing.add_argument("--warehouse", help="DuckDB file (default: $SNM_WAREHOUSE or var/)")
    listing.set_defaults(handler=cmd_inbox_list)
    retire = inbox_commands.add_parser(
        "retire", help="take a file out of the figures (rows kept aside) and rebuild"
    )
    retire.add_argument("file", help="file name, source/file name, or SHA-256 (prefix)")
    retire.add_argument("--inbox", required=True)
    retire.add_argument("--reason", default="retired by hand (snm inbox retire)")
    retire.add_argument("--month", help="the month to render again (default: the latest it fed)")
    _job_options(retire)
    retire.set_defaults(handler=cmd_inbox_retire)

    audit = commands.add_parser(
        "audit", help="list the runs, files, builds, reports and alerts behind a month"
    )
    audit.add_argument("--month", required=True)
    audit.add_argument("--warehouse", help="DuckDB file (default: $SNM_WAREHOUSE or var/)")
    audit.set_defaults(handler=cmd_audit)

    trace = commands.add_parser("trace", help="show the lineage of one figure")
    trace.add_argument("figure_id")
    trace.add_argument("--month", required=True)
    trace.add_argument("--out", help="report folder (default: $SNM_OUT or reports/out)")
    trace.add_argument("--warehouse", help="DuckDB file (default: $SNM_WAREHOUSE or var/)")
    trace.add_argument(
        "--rows", metavar="CSV", help="write the source rows behind the figure to this CSV"
    )
    trace.set_defaults(handler=cmd_trace)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as exc:
        print(f"snm: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
