"""Python's cycle collector is off while a file is read and written, and back on after."""

from __future__ import annotations

import gc

import duckdb

from pipelines.ingest import roster, store
from pipelines.ingest.pseudonym import Pseudonymiser
from tests.conftest import FIXTURES


def test_no_cycle_collection_while_a_file_is_stored_and_back_on_after(tmp_path, monkeypatch):
    seen, write = [], store._store

    def recording(*args):
        seen.append(gc.isenabled())
        write(*args)

    monkeypatch.setattr(store, "_store", recording)
    assert gc.isenabled()
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        inbox = FIXTURES / "small_inbox" / "inbox"
        results = store.ingest_source(con, roster.SOURCE, inbox, Pseudonymiser("k"), "r")
    assert len(seen) == len(results) >= 2 and not any(seen)
    assert gc.isenabled()
