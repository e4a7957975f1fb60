"""What a month's report rests on: which sources delivered data for the month, and a
fingerprint of exactly those files. A late file changes the fingerprint, and so the report."""

from __future__ import annotations

import hashlib

import duckdb

from ..months import parse_month

LINEAGE_FILES = """
    select distinct strftime(lineage.month_start, '%Y-%m') as month, files.source,
        lineage.source_file, lineage.source_sha256
    from marts.fct_figure_lineage as lineage
    inner join raw.inbox_files as files on files.sha256 = lineage.source_sha256
    {where}
    order by 1, 2, 3, 4
"""


def lineage_files(con, month: str) -> list[tuple[str, str, str]]:
    """(source, file name, SHA-256) of every file that feeds a figure of the month."""
    rows = con.execute(
        LINEAGE_FILES.format(where="where lineage.month_start = ?"), [parse_month(month)]
    ).fetchall()
    return [row[1:] for row in rows]


def lineage_files_by_month(con) -> dict[str, list[tuple[str, str, str]]]:
    """The same for every month, in one query (the month-close sensor asks every minute)."""
    by_month: dict[str, list[tuple[str, str, str]]] = {}
    for month, *row in con.execute(LINEAGE_FILES.format(where="")).fetchall():
        by_month.setdefault(month, []).append(tuple(row))
    return by_month


def fingerprint(files: list[tuple[str, str, str]]) -> str:
    digest = hashlib.sha256()
    for source, name, sha in sorted(files):
        digest.update(f"{source}\0{name}\0{sha}\n".encode())
    return digest.hexdigest()


REPLACED = """
    select earlier.source, earlier.file_name, earlier.sha256, later.file_name, later.sha256
    from raw.inbox_files as earlier
    inner join raw.inbox_files as later on later.sha256 = earlier.replaced_by
    where list_contains(?, later.sha256)
    order by 1, 2, 3
"""


def replaced_files(con, files: list[tuple[str, str, str]]) -> list[dict]:
    """The corrected files among those the month rests on, and the files they replaced: the
    report says so, and an auditor finds the old file's rows in raw.withdrawn_rows."""
    try:
        rows = con.execute(REPLACED, [[sha for _, _, sha in files]]).fetchall()
    except duckdb.BinderException:  # a registry from before replacements
        return []
    keys = ("source", "replaced_file", "replaced_sha256", "file", "sha256")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def missing_sources(files: list[tuple[str, str, str]], expected: list[str]) -> list[str]:
    arrived = {source for source, _, _ in files}
    return [source for source in expected if source not in arrived]
