"""When a new file replaces an earlier one, and how a file is withdrawn from the warehouse.

A corrected export must win over the one it corrects, not be counted beside it. A file
replaces an earlier file of the same source that is still counted when both cover the same
window (a Microsoft 365 report's refresh date and period, a roster's snapshot date) or, where
there is no window to compare (a source whose files carry none, an earlier file without one
readable row), when both have the same name. The same name with another window is no
correction (a report saved each month under one name): both count, and a note says how to
retire the old one if it was. A withdrawn file (replaced, or retired by hand) stays in the
registry with why and when; its rows leave the raw tables for `raw.withdrawn_rows` (kept as
JSON, so nothing is lost) and every month it fed is computed again from what is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from ..audit_log import log_event
from .layout import ParsedTable
from .source import Source

WITHDRAWN_DDL = """
create table if not exists raw.withdrawn_rows (
    source_sha256 varchar not null,
    table_name varchar not null,
    source_row integer,
    row_json json not null,
    withdrawn_at timestamp not null
)
"""

# registry columns of this module; a registry made by an earlier version gains them
REGISTRY_COLUMNS = (
    ("edition", "varchar"),  # the window the file covers, for sources whose files carry one
    ("withdrawn_at", "timestamp"),
    ("replaced_by", "varchar"),  # SHA-256 of the file that replaced this one
    ("withdrawn_reason", "varchar"),
)

COUNTED = ("ingested", "rejected")  # registry states whose rows (or problems) count


@dataclass(frozen=True)
class Counted:
    """An earlier file that a new one may replace."""

    sha256: str
    file_name: str
    ingested_at: datetime
    rows_loaded: int
    edition: str | None


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(WITHDRAWN_DDL)
    for name, kind in REGISTRY_COLUMNS:
        con.execute(f"alter table raw.inbox_files add column if not exists {name} {kind}")


def edition_of(source: Source, tables: dict[str, ParsedTable]) -> str | None:
    """The window a file covers, as text ('refresh date 2026-10-31, period 30 days'); None for
    a source without windows or a file without a single readable row."""
    if not source.edition_columns:
        return None
    table = tables.get(source.layouts[0].table)
    if table is None:
        return None
    windows = table.distinct([column for column, _ in source.edition_columns])
    if not windows:
        return None
    labels = [label for _, label in source.edition_columns]
    return "; ".join(
        sorted(
            ", ".join(f"{label} {value}" for label, value in zip(labels, window, strict=True))
            for window in windows
        )
    )


def backfill_editions(con, source: Source) -> None:
    """Files registered by a version before editions get theirs from their stored rows (the
    same text as edition_of), so a corrected export can replace them too."""
    if not source.edition_columns:
        return
    parts = " || ', ' || ".join(
        f"'{label} ' || cast({column} as varchar)" for column, label in source.edition_columns
    )
    present = " and ".join(f"{column} is not null" for column, _ in source.edition_columns)
    table = source.layouts[0].table
    con.execute(
        f"""
        update raw.inbox_files as files set edition = found.edition
        from (
            select source_sha256, string_agg(distinct {parts}, '; ' order by {parts}) as edition
            from raw.{table}
            where {present} and source_sha256 in (
                select sha256 from raw.inbox_files where source = ? and edition is null)
            group by source_sha256
        ) as found
        where files.sha256 = found.source_sha256 and files.edition is null
        """,
        [source.name],
    )


def _counted(con, source: Source) -> list[Counted]:
    rows = con.execute(
        "select sha256, file_name, ingested_at, rows_loaded, edition from raw.inbox_files"
        f" where source = ? and status in {COUNTED} order by ingested_at",
        [source.name],
    ).fetchall()
    return [Counted(*row) for row in rows]


def replaced_by_new(
    con, source: Source, file_name: str, edition: str | None
) -> tuple[list[Counted], list[str]]:
    """The counted files a new file replaces, and notes on files it resembles but does not
    replace (same name, another window: both are kept)."""
    replaced, notes = [], []
    for earlier in _counted(con, source):
        same_name = earlier.file_name == file_name
        if not source.edition_columns or earlier.edition is None:
            if same_name:  # no window to compare (a rejected file): the name decides
                replaced.append(earlier)
        elif edition is not None and earlier.edition == edition:
            replaced.append(earlier)
        elif same_name:
            notes.append(
                f"an earlier file of the same name (ingested {earlier.ingested_at:%Y-%m-%d},"
                f" {earlier.edition}) covers another window, so both count; if this file"
                f" corrects it, run: snm inbox retire {earlier.sha256[:12]}"
            )
    return replaced, notes


def replacement_note(earlier: Counted) -> str:
    same = f"the same window ({earlier.edition})" if earlier.edition else "the same name"
    return (
        f"replaces {earlier.file_name} (ingested {earlier.ingested_at:%Y-%m-%d}, "
        f"{earlier.rows_loaded} rows, sha256 {earlier.sha256[:12]}): {same}; "
        "the newer file counts, the months it fed are computed again"
    )


def kept_note(earlier: Counted) -> str:
    return (
        f"rejected, so it does not replace {earlier.file_name} (sha256 {earlier.sha256[:12]}),"
        " which still counts"
    )


def withdraw(
    con,
    source: Source,
    sha256: str,
    status: str,
    reason: str,
    replaced_by: str | None = None,
    run_id: str | None = None,
    months: list[str] | None = None,
) -> int:
    """Move a file's rows from the raw tables to raw.withdrawn_rows and record why (in the
    registry and the audit log); returns the number of rows moved. The caller holds the
    transaction. `months`: those the file fed, where known, logged one event each."""
    now = datetime.now(UTC).replace(tzinfo=None)
    moved = 0
    for layout in source.layouts:
        moved += con.execute(
            f"insert into raw.withdrawn_rows select source_sha256, '{layout.table}', source_row,"
            f" to_json(t), ? from raw.{layout.table} as t where source_sha256 = ?",
            [now, sha256],
        ).fetchone()[0]
        con.execute(f"delete from raw.{layout.table} where source_sha256 = ?", [sha256])
    con.execute(
        "update raw.inbox_files set status = ?, withdrawn_at = ?, withdrawn_reason = ?,"
        " replaced_by = ? where sha256 = ?",
        [status, now, reason, replaced_by, sha256],
    )
    (name,) = con.execute(
        "select any_value(file_name) from raw.inbox_files where sha256 = ?", [sha256]
    ).fetchone()
    for month in months or [None]:
        log_event(
            con,
            run_id,
            status,  # superseded | retired
            period=month,
            subject=f"{source.name}/{name}",
            sha256=sha256,
            detail=f"{moved} rows withdrawn: {reason}",
        )
    return moved
