"""`snm inbox list` and `snm inbox retire`: what the warehouse holds per inbox file, and taking
a file out of the figures for good (a wrong export, one removed from the inbox).

A retired file keeps its registry entry with the reason and time; its rows move to
raw.withdrawn_rows and it is not read again, even if it is still in the inbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import duckdb

from .ingest import editions
from .ingest.registry import SOURCES_BY_NAME
from .ingest.store import rollback

LIST_COLUMNS = (
    "source, file_name, status, rows_loaded, rows_quarantined, edition, ingested_at, sha256,"
    " withdrawn_at, withdrawn_reason"
)


class NoSuchFile(LookupError):
    """The reference names no file of the registry, or more than one."""


@dataclass(frozen=True)
class Retired:
    source: str
    file_name: str
    sha256: str
    rows_moved: int
    months: list[str]  # the months whose figures used the file


def inbox_files(con: duckdb.DuckDBPyConnection) -> list[dict]:
    try:
        rows = con.execute(
            f"select {LIST_COLUMNS} from raw.inbox_files order by source, ingested_at, file_name"
        ).fetchall()
    except duckdb.CatalogException:
        return []
    names = [name.strip() for name in LIST_COLUMNS.split(",")]
    return [dict(zip(names, row, strict=True)) for row in rows]


def _matches(row: dict, reference: str) -> bool:
    if re.fullmatch(r"[0-9a-fA-F]{8,64}", reference) and row["sha256"].startswith(
        reference.lower()
    ):
        return True
    return reference in (row["file_name"], f"{row['source']}/{row['file_name']}")


def find_counted(con, reference: str) -> dict:
    """The one counted file a name (`file`, `source/file`) or SHA-256 prefix points to."""
    found = [row for row in inbox_files(con) if _matches(row, reference)]
    counted = [row for row in found if row["status"] in editions.COUNTED]
    if len(counted) == 1:
        return counted[0]
    if not counted and found:
        row = found[0]
        raise NoSuchFile(
            f"{row['source']}/{row['file_name']} no longer counts ({row['status']}: "
            f"{row['withdrawn_reason']})"
        )
    if not counted:
        raise NoSuchFile(f"no ingested file matches '{reference}' (see `snm inbox list`)")
    options = ", ".join(f"{r['source']}/{r['file_name']} ({r['sha256'][:12]})" for r in counted)
    raise NoSuchFile(f"'{reference}' matches {len(counted)} files: {options}; give the SHA-256")


def _months_fed(con, sha256: str) -> list[str]:
    try:
        rows = con.execute(
            "select distinct strftime(month_start, '%Y-%m') from marts.fct_figure_lineage"
            " where source_sha256 = ? order by 1",
            [sha256],
        ).fetchall()
    except duckdb.CatalogException:  # the marts were never built
        return []
    return [month for (month,) in rows]


def retire(con, reference: str, reason: str) -> Retired:
    """Withdraw one counted file in one transaction."""
    row = find_counted(con, reference)
    source = SOURCES_BY_NAME[row["source"]]
    months = _months_fed(con, row["sha256"])
    con.execute("begin transaction")
    try:
        moved = editions.withdraw(con, source, row["sha256"], "retired", reason, months=months)
        con.execute("commit")
    except Exception:
        rollback(con)
        raise
    return Retired(row["source"], row["file_name"], row["sha256"], moved, months)


def print_files(rows: list[dict]) -> None:
    if not rows:
        print("The warehouse has no inbox files yet.")
        return
    print(f"{'source':<20} {'file':<44} {'status':<11} {'rows':>8} {'quar.':>6}  sha256")
    for row in rows:
        print(
            f"{row['source']:<20} {row['file_name'][:44]:<44} {row['status']:<11} "
            f"{row['rows_loaded']:>8} {row['rows_quarantined']:>6}  {row['sha256'][:12]}"
        )
        if row["edition"]:
            print(f"{'':<21}covers {row['edition']}")
        if row["withdrawn_at"] is not None:
            when = f"{row['withdrawn_at']:%Y-%m-%d}"
            print(f"{'':<21}{row['status']} {when}: {row['withdrawn_reason']}")
