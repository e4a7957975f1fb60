"""`snm-dbt`: dbt, ended together with the run that started it.

dagster-dbt starts dbt as a child process. When the run is killed outright (`kill -9`, an
out-of-memory kill) a plain child lives on and keeps writing the warehouse on its own. On
Linux this wrapper asks the kernel to stop dbt when its parent dies (PR_SET_PDEATHSIG), then
becomes dbt; elsewhere it is plain dbt.

dagster-dbt asks `dbt --version` before every invocation, only to learn whether dbt is dbt
Core or the Fusion engine. dbt answers by importing itself and every adapter: 7 to 9 s of CPU
each time (a third of a small month's dbt step). This answers from the installed package's
metadata instead, in dbt's own words.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from importlib.metadata import version
from pathlib import Path

PR_SET_PDEATHSIG = 1


def _end_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() == 1:  # the parent died before the request was made
        sys.exit(143)


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"Core:\n  - installed: {version('dbt-core')}")
        return
    _end_with_parent()
    dbt = Path(sys.executable).parent / "dbt"
    os.execv(str(dbt), [str(dbt), *sys.argv[1:]])


if __name__ == "__main__":
    main()
