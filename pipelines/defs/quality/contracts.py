"""Input contracts: one Great Expectations suite per raw table (`expectations/raw_<table>.json`),
run as blocking asset checks on the rows the run added, with GX Data Docs written next to the
reports.

GX is imported inside the check only: it costs seconds of CPU, and the code location is loaded
by the UI, the daemon and every run. It validates a DataFrame read from DuckDB (GX's
SQLAlchemy route to DuckDB does not work)."""

import logging
import os
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path

import dagster as dg

from ...clock import date_limits
from ...ingest.registry import SOURCES
from ...output_folder import unwritable
from ...resources import ReportsResource, WarehouseResource
from ...settings import EXPECTATIONS_DIR
from ...suites import load_suite_dict, suite_columns, suite_name

logger = logging.getLogger(__name__)

RAW_TABLES = [layout.table for source in SOURCES for layout in source.layouts]


def dates_as_numbers(frame):
    """Dates and times become YYYYMMDD numbers, so suites state plausible date windows as
    plain ranges (GX 1.x cannot compare DuckDB's datetime columns with JSON values)."""
    import pandas as pd

    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y%m%d").astype("Int64")
    return frame


def run_parameters() -> dict:
    """The suites' date limits: the same as ingestion's (see clock.DateLimits)."""
    return date_limits().as_numbers()


def validate_frames(
    frames: Mapping[str, object | Callable[[], object]], data_docs: Path | None = None
) -> dict[str, dict]:
    """Validate each DataFrame against its suite in one ephemeral GX context; returns GX's
    results as JSON-ready dicts by suite name, and writes Data Docs when a folder is given.
    A frame may be given as a function that reads it: then only one table is in memory at a
    time."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    if data_docs is not None:
        shutil.rmtree(data_docs, ignore_errors=True)
        context.add_data_docs_site(
            site_name="monitor",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(data_docs),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    source = context.data_sources.add_pandas("warehouse")
    results = {}
    for name, frame in frames.items():
        frame = frame() if callable(frame) else frame
        suite = context.suites.add(gx.ExpectationSuite(**load_suite_dict(name)))
        batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all")
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=name, data=batch, suite=suite)
        )
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(name=name, validation_definitions=[definition], actions=[])
        )
        run = checkpoint.run(
            batch_parameters={"dataframe": dates_as_numbers(frame)},
            expectation_parameters=run_parameters(),
        )
        results[name] = next(iter(run.run_results.values())).to_json_dict()
        del frame, run  # the next table's rows take their place
    if data_docs is not None:
        try:
            context.build_data_docs()
        except Exception as exc:  # the docs are a view of the results, never their judge
            logger.warning("Data Docs not written to %s: %s", data_docs, exc)
    return results


def failures(result: dict) -> list[dict]:
    """The failed expectations of a result, in words a data engineer can act on."""
    failed = []
    for item in result["results"]:
        if item["success"]:
            continue
        config = item["expectation_config"]
        details = item.get("result", {})
        kwargs = config["kwargs"]
        error = (item.get("exception_info") or {}).get("exception_message")
        failed.append(
            {
                "expectation": config["type"],
                "column": kwargs.get("column")
                or kwargs.get("column_list")
                or kwargs.get("column_A"),
                "unexpected_count": details.get("unexpected_count"),
                "examples": [str(v) for v in (details.get("partial_unexpected_list") or [])[:5]],
                **({"error": error} if error else {}),
            }
        )
    return failed


def rows_to_validate(con, table: str, run_id: str) -> tuple[object, str]:
    """The rows this run added to a raw table, and what they are. Earlier rows passed their
    suite when they came in, and ingestion already refuses a key the table holds, so a month
    costs its own rows, not the whole history. A run that added none (the checks run on their
    own, after a suite or the table changed) validates the whole table. Only the values the
    suite judges are read: a column it only expects to exist (message texts) is present by
    the table's own description and read as empty; one the table lacks stays missing, for GX
    to report."""
    present = {row[0] for row in con.execute(f"describe raw.{table}").fetchall()}
    wanted = {c: values for c, values in suite_columns(suite_name(table)).items() if c in present}
    selected = (
        ", ".join(
            f'"{column}"' if values else f'null as "{column}"' for column, values in wanted.items()
        )
        or "ingest_run_id"
    )
    frame = con.execute(
        f"select {selected} from raw.{table} where ingest_run_id = ?", [run_id]
    ).df()
    if len(frame):
        return frame, f"the {len(frame):,} row{'s' if len(frame) != 1 else ''} this run added"
    whole = con.sql(f"select {selected} from raw.{table}").df()
    return whole, "the whole table (this run added no rows)"


def _spec(table: str) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name=f"{suite_name(table)}_contract",
        asset=dg.AssetKey(["raw", table]),
        description=f"Great Expectations suite expectations/{suite_name(table)}.json.",
        blocking=True,
    )


@dg.multi_asset_check(
    specs=[_spec(table) for table in RAW_TABLES],
    name="raw_contracts",
    can_subset=True,
    description="Validates the rows a run adds to each raw table against its Great Expectations"
    " suite (the whole table when the run added none).",
)
def raw_contracts(
    context: dg.AssetCheckExecutionContext,
    warehouse: WarehouseResource,
    reports: ReportsResource,
):
    selected = {key.asset_key.path[-1] for key in context.selected_asset_check_keys}
    tables = [t for t in RAW_TABLES if t in selected]
    counts, scopes = {}, {}

    def reader(table: str):
        """Reads the table's rows when GX comes to it (one table in memory at a time, and no
        connection held while GX works)."""

        def read():
            with warehouse.connect(read_only=True) as con:
                frame, scopes[table] = rows_to_validate(con, table, context.run.run_id)
            counts[table] = len(frame)
            return frame

        return read

    frames = {suite_name(table): reader(table) for table in tables}
    data_docs = reports.location / "data_docs"
    docs_problem = unwritable(data_docs)  # the contracts still decide; only the docs wait
    if docs_problem:
        context.log.warning(f"Data Docs not written: {docs_problem}")
    results = validate_frames(frames, None if docs_problem else data_docs)
    for table in tables:
        name = suite_name(table)
        result = results[name]
        yield dg.AssetCheckResult(
            asset_key=dg.AssetKey(["raw", table]),
            check_name=f"{name}_contract",
            passed=bool(result["success"]),
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "rows_validated": counts[table],
                "validated": scopes[table],
                "expectations": result["statistics"]["evaluated_expectations"],
                "failed": dg.MetadataValue.json(failures(result)),
                "suite": dg.MetadataValue.path(str(EXPECTATIONS_DIR / f"{name}.json")),
                "data_docs": f"not written: {docs_problem}"
                if docs_problem
                else dg.MetadataValue.path(str(data_docs / "index.html")),
            },
        )


contract_checks = [raw_contracts]
