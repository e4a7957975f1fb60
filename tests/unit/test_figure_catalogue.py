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
    sql = (MARTS / "fct_figure_lineage.sql").read_text(encoding="utf-8")
    counted = set(re.findall(r"select\s+'([^']+)'", sql))
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
