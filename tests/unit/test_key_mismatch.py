"""A warehouse remembers its key: another key would split every person in two."""

import duckdb
import pytest

from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.store import KeyMismatch, check_key


def test_a_second_key_is_refused(tmp_path):
    with duckdb.connect(str(tmp_path / "w.duckdb")) as con:
        con.execute("create schema raw")
        check_key(con, Pseudonymiser("first"))
        check_key(con, Pseudonymiser("first"))
        with pytest.raises(KeyMismatch, match="different SNM_PSEUDONYM_KEY"):
            check_key(con, Pseudonymiser("second"))
