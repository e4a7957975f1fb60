"""dbt's documentation as one self-contained page (`dbt docs generate --static`), kept beside
each month's report: an auditor opens it offline and reads every model's description, columns,
tests and lineage graph as they were when the figures were computed.

The page shows the project's code (descriptions, tests, SQL as written, the graph), which the
settings do not change (`--no-compile`), so it is made once per version of the dbt code and
reused: a run with unchanged code pays nothing for it (making it costs about 8 s).
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

from .settings import DBT_PROJECT_DIR

DOCS_CACHE = DBT_PROJECT_DIR / "target" / "docs_cache"
KEPT = 8  # pages of other code or settings kept
PAGE = "static_index.html"


def cached_page(fingerprint: str) -> Path:
    return DOCS_CACHE / f"{fingerprint[:32]}.html"


def static_docs(dbt, target: Path, passed_vars: list[str], fingerprint: str, log) -> Path | None:
    """The docs page of this build: from the cache, else generated in the build's target folder
    (its parsed state makes that a few seconds). None, with a warning, when dbt cannot make it:
    the figures do not depend on it."""
    page = cached_page(fingerprint)
    if page.is_file():
        return page
    invocation = dbt.cli(
        ["docs", "generate", "--static", "--no-compile", *passed_vars],
        target_path=target,
        raise_on_error=False,
    ).wait()
    made = target / PAGE
    if not invocation.is_successful() or not made.is_file():
        log.warning("dbt docs generate --static failed: no dbt docs beside this build's reports")
        return None
    DOCS_CACHE.mkdir(parents=True, exist_ok=True)
    partial = page.with_suffix(f".{uuid.uuid4().hex[:7]}.tmp")
    partial.write_bytes(made.read_bytes())
    os.replace(partial, page)  # a report copying it at the same time sees a whole page
    for old in sorted(DOCS_CACHE.glob("*.html"), key=lambda p: p.stat().st_mtime)[:-KEPT]:
        old.unlink(missing_ok=True)
    return page
