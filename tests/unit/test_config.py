"""monitor.yml is validated on load, with errors naming the field."""

import pytest

from pipelines.config import ConfigError, load_config


def write(tmp_path, text):
    path = tmp_path / "monitor.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_minimal_config_gets_the_documented_defaults(tmp_path):
    config = load_config(write(tmp_path, "organisation: Acme\n"))
    assert (config.language, config.min_group_size, config.trend_months) == ("nl", 10, 6)
    assert config.thresholds.light_green == 10.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("language: nl\n", "organisation: Field required"),
        ("organisation: A\nlanguage: de\n", "language: Input should be 'nl' or 'en'"),
        ("organisation: A\nmin_group_size: 1\n", "min_group_size: Input should be greater"),
        ("organisation: A\nemail_baseline_months: ['2026/01']\n", "not a month in the form"),
        ("organisation: A\ncolour: red\n", "colour: Extra inputs are not permitted"),
        ("- a\n- b\n", "expected a mapping"),
        ("organisation: [unclosed\n", "not valid YAML"),
        ("organisation: A\nalerts: {webhook_url: chat.example/x}\n", "alerts.webhook_url: Value"),
        ("organisation: A\nmonth_close: {expected_sources: [teams]}\n", "expected_sources.0"),
        ("organisation: A\nmonth_close: {deadline_day: 31}\n", "deadline_day: Input should"),
        ("organisation: A\nfirst_month: 2016-13\n", "first_month: Value error, '2016-13' is not"),
        (
            "organisation: A\nfirst_month: 1999-12\n",
            "first_month: Value error, '1999-12' is before",
        ),
        ("organisation: A\nsurvey: {date_order: ymd}\n", "survey.date_order: Input should be"),
        (
            "organisation: A\nthresholds: {sentiment_positive: 0.1}\n",
            "sentiment_positive moved to sentiment.thresholds.<language>.positive",
        ),
        (
            "organisation: A\nsentiment: {thresholds: {nl: {positive: 0.1, negative: 0.2}}}\n",
            "sentiment.thresholds.nl: Value error, negative .0.2. must be below",
        ),
        ("organisation: A\nsentiment: {backend: model}\n", "backend 'model' needs model_path"),
        ("organisation: A\nsentiment: {thresholds: {fr: {positive: 1, negative: 0}}}\n", "fr"),
        (
            "organisation: A\nthemes: [{name: Leeg, keywords: ['  ']}]\n",
            "themes.0: Value error, theme 'Leeg' has no keywords and no communities",
        ),
    ],
)
def test_invalid_configs_are_refused_with_the_field_named(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_config(write(tmp_path, text))


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yml")


def test_month_close_expects_no_source_unless_monitor_yml_names_it(tmp_path):
    from pipelines.report.completeness import missing_sources

    path = tmp_path / "monitor.yml"
    path.write_text("organisation: A\n")
    assert load_config(path).month_close.expected_sources == []
    files = [("m365_email", "mail.csv", "abc")]
    assert missing_sources(files, []) == []
    assert missing_sources(files, ["m365_email", "slack_export"]) == ["slack_export"]


def test_the_sources_month_close_can_expect_are_the_ingested_sources():
    from typing import get_args

    from pipelines.config import SOURCE_NAMES
    from pipelines.ingest.registry import SOURCES_BY_NAME

    assert set(get_args(SOURCE_NAMES)) == set(SOURCES_BY_NAME)


def test_sentiment_thresholds_per_language_fall_back_to_the_calibrated_pair(tmp_path):
    text = "organisation: A\nsentiment:\n  thresholds:\n    nl: {positive: 0.2, negative: -0.1}\n"
    thresholds = load_config(write(tmp_path, text)).sentiment.thresholds
    assert (thresholds["nl"].positive, thresholds["nl"].negative) == (0.2, -0.1)
    assert (thresholds["en"].positive, thresholds["en"].negative) == (0.35, -0.05)
    assert (thresholds["other"].positive, thresholds["other"].negative) == (0.35, -0.05)


def test_a_model_folder_is_found_beside_monitor_yml(tmp_path):
    text = "organisation: A\nsentiment: {backend: model, model_path: models/nl}\n"
    with pytest.raises(ConfigError, match=r"model_path: sentiment model folder .*models/nl lacks"):
        load_config(write(tmp_path, text))
    (tmp_path / "models" / "nl").mkdir(parents=True)
    for name in ("model.onnx", "tokenizer.json", "config.json"):
        (tmp_path / "models" / "nl" / name).touch()
    config = load_config(write(tmp_path, text))
    assert config.sentiment.model_path == (tmp_path / "models" / "nl").resolve()


def test_dbt_projects_default_vars_are_the_configs_defaults():
    """A bare `dbt build` (dbt_project.yml's vars) computes what the pipeline computes with an
    empty monitor.yml: the defaults live in config.py and the yml must repeat them exactly."""
    import yaml

    from pipelines.config import MonitorConfig
    from pipelines.defs.transform.dbt_models import dbt_vars
    from pipelines.settings import DBT_PROJECT_DIR

    passed = dbt_vars(MonitorConfig(organisation="Any"))
    passed.pop("build_fingerprint")
    project = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    # the method's own constants are no setting: monitor.yml never passes them
    assert project["vars"].pop("rogers_boundaries") == {
        "innovators": 2.5,
        "early_adopters": 16,
        "early_majority": 50,
        "late_majority": 84,
    }
    assert project["vars"] == passed
