"""Checks that prove nothing was lost and show what was quarantined, per source.

For every file of a source: rows read = rows in its raw tables + rows quarantined, and every
physical line of a CSV file lies in a record that was read. The
quarantine check warns (it does not block) so good data still flows while the UI shows the
problems next to the asset.
"""

import dagster as dg

from ...ingest.editions import COUNTED
from ...ingest.registry import SOURCES
from ...ingest.source import Source
from ...resources import WarehouseResource

MAX_PROBLEMS_SHOWN = 50


def _accounting(con, source: Source) -> list[dict]:
    loaded = " + ".join(
        f"(select count(*) from raw.{layout.table} t where t.source_sha256 = f.sha256)"
        for layout in source.layouts
    )
    rows = con.execute(
        f"""
        select file_name, sha256, rows_read, {loaded} as in_raw, rows_quarantined,
            lines_read, lines_in_records
        from raw.inbox_files f where source = ? and status in {COUNTED} order by file_name
        """,
        [source.name],
    ).fetchall()
    keys = (
        "file",
        "sha256",
        "rows_read",
        "rows_in_raw",
        "rows_quarantined",
        "lines_read",
        "lines_in_records",
    )
    return [dict(zip(keys, row, strict=True)) for row in rows]


def _loses_rows(file: dict) -> bool:
    """Records read must be in raw or quarantine, and the physical lines of a CSV file, counted
    apart from the parser, must all lie in records (a stray quote cannot hide lines)."""
    records_lost = file["rows_read"] != file["rows_in_raw"] + file["rows_quarantined"]
    return records_lost or file["lines_read"] != file["lines_in_records"]


def nothing_lost_check(source: Source) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(["raw", source.layouts[0].table]),
        name=f"{source.name}_nothing_lost",
        description=f"Every row read from {source.name} files is in raw or in quarantine.",
        blocking=True,
    )
    def check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            files = _accounting(con, source)
        lost = [f for f in files if _loses_rows(f)]
        return dg.AssetCheckResult(
            passed=not lost,
            metadata={
                "files": len(files),
                "rows_read": sum(f["rows_read"] for f in files),
                "rows_in_raw": sum(f["rows_in_raw"] for f in files),
                "rows_quarantined": sum(f["rows_quarantined"] for f in files),
                "files_not_adding_up": dg.MetadataValue.json(lost),
            },
        )

    return check


def _problems_table(rows: list[tuple]) -> str:
    lines = ["| file | member | row | column | problem |", "|---|---|---|---|---|"]
    for file, member, row, column, problem in rows[:MAX_PROBLEMS_SHOWN]:
        cells = (file, member or "", row or "", column or "", problem.replace("|", "/"))
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    if len(rows) > MAX_PROBLEMS_SHOWN:
        lines.append(f"\n... {len(rows) - MAX_PROBLEMS_SHOWN} more in raw.quarantine")
    return "\n".join(lines)


def quarantine_check(source: Source) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey(["raw", source.layouts[0].table]),
        name=f"{source.name}_quarantine_empty",
        description=f"Warns when rows or files of {source.name} were quarantined, with why.",
    )
    def check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            rows = con.execute(
                f"""
                select source_file, source_member, source_row, column_name, problem
                from raw.quarantine where source = ? and source_sha256 in (
                    select sha256 from raw.inbox_files where status in {COUNTED})
                order by quarantined_at desc, source_file, source_member, source_row
                """,
                [source.name],
            ).fetchall()
        return dg.AssetCheckResult(
            passed=not rows,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                "problems": len(rows),
                "files": len({r[0] for r in rows}),
                "quarantine": dg.MetadataValue.md(_problems_table(rows) if rows else "empty"),
            },
        )

    return check


ingest_checks = [c for s in SOURCES for c in (nothing_lost_check(s), quarantine_check(s))]
