"""`snm-dbt`: dbt, ended together with the run that started it.

dagster-dbt starts dbt as a child process. When the run is killed outright (`kill -9`, an
out-of-memory kill) a plain child lives on and keeps writing the warehouse on its own. On
Linux this wrapper asks the kernel to stop dbt when its parent dies (PR_SET_PDEATHSIG), then
becomes dbt; elsewhere it is plain dbt.

dagster-dbt asks `dbt --version` before every invocation, only to learn whether dbt is dbt
Core or the Fusion engine. dbt answers by importing itself and every adapter: 7 to 9 s of CPU
each time (a third of a small month's dbt step). This answers from the installed package's
metadata instead, in dbt's own words.

dbt trusts its partial-parse state only when the run's vars and profile equal those it was
written with, and the warehouse's path is in both: every new warehouse (each organisation's,
each test's) paid a full parse, some 12 s of CPU. The path decides where dbt connects, not
what it parses, so here dbt compares them without it; the database's name (the file's stem,
which the parsed nodes carry) still counts.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from importlib.metadata import version

from .settings import WAREHOUSE_VAR

PR_SET_PDEATHSIG = 1


def _end_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() == 1:  # the parent died before the request was made
        sys.exit(143)


def _parse_state_without_warehouse_path() -> None:
    """dbt's state check, computed as if the warehouse path were not set (see above)."""
    from dbt.parser.manifest import ManifestLoader

    original = getattr(ManifestLoader, "build_manifest_state_check", None)
    if original is None:  # another dbt: it parses anew for a new warehouse, as dbt does
        return

    def build_manifest_state_check(self):
        config = self.root_project
        cli_vars, path = config.cli_vars, getattr(config.credentials, "path", None)
        config.cli_vars = {k: v for k, v in cli_vars.items() if k != WAREHOUSE_VAR}
        if path is not None:
            config.credentials.path = ""
        try:
            return original(self)
        finally:
            config.cli_vars = cli_vars
            if path is not None:
                config.credentials.path = path

    ManifestLoader.build_manifest_state_check = build_manifest_state_check


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        print(f"Core:\n  - installed: {version('dbt-core')}")
        return
    _end_with_parent()
    _parse_state_without_warehouse_path()
    from dbt.cli.main import cli

    sys.argv[0] = "dbt"
    sys.exit(cli())


if __name__ == "__main__":
    main()
