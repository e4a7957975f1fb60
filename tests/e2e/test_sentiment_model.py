"""The optional model backend of sentiment (`sentiment.backend: model`): a tiny ONNX model the
test builds itself (tests/fixtures/tiny_sentiment_model.py), scored by onnxruntime; every
figure is computed by hand from its word logits."""

import json
import math

import duckdb
import pytest

from pipelines.sentiment_model import ModelFolderError, SentimentModel, label_weights
from tests.conftest import run_month
from tests.fixtures.tiny_sentiment_model import build


def expected(negative: float, neutral: float, positive: float) -> float:
    """P(positive) - P(negative) of the softmax of the three logits, by hand."""
    total = math.exp(negative) + math.exp(neutral) + math.exp(positive)
    return round((math.exp(positive) - math.exp(negative)) / total, 4)


def test_scores_are_p_positive_minus_p_negative(tmp_path):
    model = SentimentModel(build(tmp_path / "model"))
    texts = ["Dit is goed", "Slecht, en toch goed", "Welkom allemaal!", "", "SLECHT slecht"]
    assert model.scores(texts) == [
        expected(0, 0, 2),  # 0.6805
        0.0,  # slecht and goed cancel out
        expected(0, 0, 1),  # 0.3642
        0.0,  # nothing to go on
        expected(4, 0, 0),  # -0.947
    ]
    assert model.name == "tiny-test-sentiment"


def test_star_rating_models_map_the_expected_rating_to_minus_one_to_one():
    stars = label_weights({str(i): f"{i + 1} star{'s' if i else ''}" for i in range(5)})
    assert stars.kind == "stars" and stars.weights == (-1.0, -0.5, 0.0, 0.5, 1.0)
    binary = label_weights({"0": "NEGATIVE", "1": "POSITIVE"})
    assert binary.weights == (-1.0, 1.0)


def test_a_folder_that_cannot_be_used_says_what_to_fix(tmp_path):
    with pytest.raises(ModelFolderError, match="lacks model.onnx, tokenizer.json, config.json"):
        SentimentModel(tmp_path)
    with pytest.raises(ModelFolderError, match="must be positive, negative or neutral"):
        label_weights({"0": "LABEL_0", "1": "LABEL_1"})


def test_the_monitor_reads_its_figures_from_the_model(monitor_env):
    build(monitor_env.config.parent / "model")  # model_path is relative to monitor.yml
    with monitor_env.config.open("a", encoding="utf-8") as config:
        config.write("sentiment:\n  backend: model\n  model_path: model\n")
    result = run_month("2026-02")
    assert result.success

    with duckdb.connect(str(monitor_env.warehouse), read_only=True) as con:
        scored = dict(
            con.execute(
                "select scored_by, count(*) from intermediate.int_message_sentiment group by 1"
            ).fetchall()
        )
    assert set(scored) == {"model"}
    document = json.loads((monitor_env.out / "2026-02" / "figures.json").read_text())
    figures = {f["id"]: f for f in document["figures"]}
    # anna "Welkom allemaal!" (welkom) +0.3642, carla "Dank je!" (dank) +0.3642, anna "Top,
    # dank!" +0.3642: positive (>= 0.35); dirk "de server is weer up" (server) -0.3642:
    # negative. The lexicon read the same month as +75.0.
    assert figures["participation.all.net_sentiment"]["value"] == 50.0
    assert figures["participation.slack.net_sentiment"]["value"] == 0.0
    assert figures["themes.Welkom.net_sentiment"]["evidence"] == {
        "positive": 2,
        "negative": 0,
        "neutral": 0,
        "interval_90": [41.1, 100.0],
        "words_positive": [],  # a model gives no words
        "words_negative": [],
    }
