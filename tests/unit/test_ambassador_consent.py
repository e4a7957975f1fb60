"""A roster's display_name is stored only for those who agreed to be named as ambassadors,
whether the file's rows stay in Python (a small roster) or are staged in DuckDB (a large one)."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.ingest import roster
from pipelines.ingest.layout import STAGE_FROM_ROWS
from pipelines.ingest.pseudonym import Pseudonymiser
from pipelines.ingest.store import ingest_source

HEADER = "employee_id;email;department;location;role_type;birth_year;start_date;end_date;"
HEADER += "ambassador_consent;display_name"
ANSWERS = ("ja", "nee", "", "yes")  # agree, decline, say nothing, agree


@pytest.mark.parametrize("people", [8, STAGE_FROM_ROWS + 4])
def test_a_name_is_kept_only_with_consent(tmp_path, people):
    folder = tmp_path / "inbox" / "roster"
    folder.mkdir(parents=True)
    lines = [HEADER] + [
        f"E{n};p{n}@example.org;ICT;Werf;office;1980;2020-01-01;;{ANSWERS[n % 4]};Person {n}"
        for n in range(people)
    ]
    (folder / "roster_2026-02-28.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    (result,) = ingest_source(con, roster.SOURCE, folder.parent, Pseudonymiser("k"), "r")
    assert result.rows_loaded == people
    answer = "cast(substr(display_name, 8) as int) % 4"  # the ANSWERS index of a kept name
    kept = con.execute(
        f"select ambassador_consent, count(*), count(display_name), min({answer}), max({answer})"
        " from raw.roster group by 1 order by 1 nulls last"
    ).fetchall()
    quarter = people // 4
    assert kept == [
        (False, quarter, 0, None, None),
        (True, 2 * quarter, 2 * quarter, 0, 3),
        (None, quarter, 0, None, None),
    ]
    con.close()
