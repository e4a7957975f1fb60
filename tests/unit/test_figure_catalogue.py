"""The figure catalogue (dbt_project/seeds/report/figure_catalogue.csv): one declaration per
figure family, read by Python and dbt alike; these tests hold it to the dbt project."""

import re

import pytest
import yaml

from pipelines.report.catalogue import SECTIONS, UnknownFigure, catalogue, load
from pipelines.settings import DBT_PROJECT_DIR

MARTS = DBT_PROJECT_DIR / "models" / "marts"
HEADER = "figure,model,column_name,unit,lineage,sections,decimals,label_nl,label_en\n"


def documented_columns(model: str) -> set[str]:
    doc = yaml.safe_load((MARTS / f"{model}.yml").read_text(encoding="utf-8"))
    (node,) = [m for m in doc["models"] if m["name"] == model]
    return {column["name"] for column in node["columns"]}


def test_every_figure_reads_a_documented_column_of_a_mart():
    for figure in catalogue().figures:
        assert (MARTS / f"{figure.model}.sql").exists(), figure.pattern
        if figure.unit != "list":  # the top-10 list carries several columns
            assert figure.column in documented_columns(figure.model), figure.pattern
        for key in figure.keys:  # a placeholder fills from a column of the same mart
            assert key in documented_columns(figure.model), (figure.pattern, key)


def test_every_lineage_family_is_counted_by_the_lineage_model():
    sql = (MARTS / "fct_figure_rows.sql").read_text(encoding="utf-8")
    counted = set(re.findall(r"select(?:\s+distinct)?\s+'([^']+)'", sql))
    assert {figure.lineage for figure in catalogue().figures} == counted


def test_ids_split_into_their_parts_even_with_dots_in_names():
    assert catalogue().find("participation.all.gini")[1] == {"platform": "all"}
    entry, parts = catalogue().find("reach.location.St. Gallen")
    assert entry.pattern == "reach.{dimension}.{segment}"
    assert parts == {"dimension": "location", "segment": "St. Gallen"}
    entry, parts = catalogue().find("themes.v2.0 launch.response_rate_pct")
    assert (entry.column, parts) == ("response_rate_pct", {"theme": "v2.0 launch"})
    assert catalogue().find("headcount") == (catalogue()["headcount"], {})
    with pytest.raises(UnknownFigure):
        catalogue().find("participation.all")


def test_labels_name_the_figure_in_the_reports_language():
    c = catalogue()
    assert c.label("participation.viva_engage.pct_for_80", "en") == (
        "% of writers who write 80% of the messages (Viva Engage)"
    )
    assert c.label("participation.all.net_sentiment", "nl") == "Netto sentiment (alle platforms)"
    assert c.label("reach.department.Zorg", "nl") == "Bereik van afdeling Zorg"
    assert c.label("identity_coverage.slack_export", "en") == "Identity coverage of Slack export"
    assert c.label("tool_usage_pct.lindendaal_app", "en") == "Usage of Lindendaal app"


def test_ids_and_lineage_families_are_filled_from_a_marts_row():
    entry = catalogue()["funnel.{platform}.contribute"]
    row = {"platform": "slack", "contribute": 12.5}
    assert entry.figure_id(row) == "funnel.slack.contribute"
    assert entry.lineage_id(row) == "tool_usage_pct.slack"  # the platform's usage rows
    assert catalogue().decimals("yields.email_sent_per_person_per_day") == 2


def test_every_figure_belongs_to_a_known_section_and_sections_are_used():
    used = {s for figure in catalogue().figures for s in figure.sections}
    assert used == set(SECTIONS)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("headcount,m,c,people,headcount,board,0,A,B\n", "line 2: sections ['board']"),
        ("x,m,c,%,x.{b},tools,1,A,B\n", "line 2: a lineage family has at most one"),
        ("x.{a}.{b},m,c,%,x.{a}.{b},tools,1,A,B\n", "line 2: a lineage family has at most one"),
        ("x.{a},m,c,%,x,tools,1,A {z},B\n", "line 2: label_nl names ['z']"),
        ("x,m,c,%,x,tools,1,,B\n", "line 2: figure, model, column_name, unit, lineage, label_nl"),
        ("x,m,c,%,x,tools,1,A,B\nx,m,d,%,x,tools,1,A,B\n", "figures declared twice: x"),
    ],
)
def test_a_wrong_catalogue_row_is_named_by_its_line(tmp_path, row, message):
    path = tmp_path / "figure_catalogue.csv"
    path.write_text(HEADER + row, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        load(path)


def test_a_new_catalogue_entry_is_a_new_figure_with_its_lineage(tmp_path, monkeypatch):
    """Adding a figure is one catalogue row (plus its SQL and test): figures.json picks it up,
    with the source files of the lineage family the row names."""
    import duckdb

    from pipelines.report import figures

    path = tmp_path / "figure_catalogue.csv"
    path.write_text(
        HEADER
        + "headcount,fct_headcount_monthly,headcount,people,headcount,organisation,0,M,Employees\n"
        + "wiki.{space}.edits,fct_wiki_monthly,edits,edits,wiki.{space},tools,0,E,Edits {space}\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(figures, "catalogue", lambda: load(path))
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute(
        "create table marts.fct_headcount_monthly as"
        " select '2026-02' as month, date '2026-02-01' as month_start, 5 as headcount"
    )
    con.execute(
        "create table marts.fct_wiki_monthly as select * from (values"
        " (date '2026-02-01', 'hr', 7), (date '2026-02-01', 'it', 3)) t(month_start, space, edits)"
    )
    con.execute(
        "create table marts.fct_figure_lineage as select * from (values"
        " ('wiki.hr', date '2026-02-01', 'wiki.csv', 'abc', 7)"
        ") t(figure_id, month_start, source_file, source_sha256, rows_used)"
    )
    document = figures.build_figures(con, "2026-02", "run", "code", "Org")
    assert [(f["id"], f["value"], f["unit"]) for f in document["figures"]] == [
        ("headcount", 5, "people"),
        ("wiki.hr.edits", 7, "edits"),
        ("wiki.it.edits", 3, "edits"),
    ]
    assert document["figures"][1]["lineage"] == {
        "dbt_model": "fct_wiki_monthly",
        "column": "edits",
        "source_files": [{"name": "wiki.csv", "sha256": "abc", "rows_used": 7}],
        "run_id": "run",
        "code_version": "code",
    }


def test_the_example_in_contributing_is_a_valid_catalogue_row(tmp_path):
    text = (DBT_PROJECT_DIR.parent / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"```csv\n(.*?)```", text, re.S).group(1).replace("   ", "")
    path = tmp_path / "figure_catalogue.csv"
    path.write_text(example, encoding="utf-8")
    (entry,) = load(path).figures
    assert entry.column in documented_columns(entry.model)
    assert entry.lineage in {figure.lineage for figure in catalogue().figures}
    assert entry.label("en", {"platform": "slack"}) == "Messages (Slack)"
