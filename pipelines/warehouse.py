"""Opening the DuckDB warehouse, with one line a user can act on when it cannot be opened.

DuckDB lets one process write a file; a second writer gets a lock error. A briefly held lock
is waited for; a lock held longer, or a file that is not a DuckDB database, becomes a
`WarehouseUnavailable` naming the file, the process holding it and what to do.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb

from .settings import memory_limit


class WarehouseUnavailable(RuntimeError):
    """The warehouse file is locked by another process or cannot be read."""


def _holder(message: str) -> str:
    match = re.search(r"PID (\d+)", message)
    return f"process {match.group(1)}" if match else "another process"


def connect(
    path: str | Path, read_only: bool = False, wait_seconds: float = 60
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, waiting up to `wait_seconds` for another process's lock."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            # a setting, not connect()'s config: another connection of this process to the
            # same file with a different config would be refused
            con.execute(f"set memory_limit = '{memory_limit()}'")
            return con
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower():
                if time.monotonic() < deadline:
                    time.sleep(0.5)
                    continue
                raise WarehouseUnavailable(
                    f"the warehouse {path} is in use by {_holder(message)} (another run, or "
                    "the Dagster UI's daemon): wait until it has finished, or stop it"
                ) from None
            raise _unreadable(path, message) from None
        except duckdb.Error as exc:
            raise _unreadable(path, str(exc)) from None


def _unreadable(path: Path, message: str) -> WarehouseUnavailable:
    reason = message.splitlines()[0].removeprefix("IO Error: ")
    return WarehouseUnavailable(
        f"the warehouse {path} cannot be opened ({reason}). Restore it from a backup, or move it "
        "aside and run again: the inbox is kept, so the next run rebuilds the warehouse from it "
        "(with the same SNM_PSEUDONYM_KEY)"
    )


def table_exists(con, schema: str, table: str) -> bool:
    """Whether the warehouse has this table (one made by a later version may not yet)."""
    return bool(
        con.execute(
            "select count(*) from information_schema.tables"
            " where table_schema = ? and table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )
