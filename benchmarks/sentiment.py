"""Sentiment: accuracy on the labelled set and throughput, with the same SQL the pipeline runs.

    .venv/bin/python -m benchmarks.sentiment            # evaluation + 1M-message throughput

The scoring SQL is the dbt macro `sentiment_scores`, compiled by dbt against a scratch
warehouse that holds the sentiment seeds; nothing here re-implements it.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
DBT_DIR = ROOT / "dbt_project"
LABELLED = ROOT / "tests" / "fixtures" / "sentiment" / "labelled_messages.csv"
LABELS = ("positive", "negative", "neutral")
# VADER's own rule, for the reference scorers; the pipeline's scores are classified by its own
# dbt macro sentiment_polarity with the thresholds of monitor.yml (calibrated defaults).
REFERENCE_POSITIVE, REFERENCE_NEGATIVE = 0.05, -0.05


def _dbt(args: list[str], warehouse: Path) -> str:
    dbt = Path(sys.prefix) / "bin" / "dbt"
    env = {**os.environ, "SNM_WAREHOUSE": str(warehouse)}
    done = subprocess.run(
        [str(dbt if dbt.exists() else "dbt"), *args, "--profiles-dir", str(DBT_DIR)],
        cwd=DBT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


TOKENS = r"[\pL\pN_]+(?:['’][\pL]+)?|[\p{So}\p{Sk}]|[.!?;:,()]"  # as sentiment_scores
SCORED = """
select *, {{ sentiment_polarity('sentiment_score', 'language') }} as polarity
from ({{ sentiment_scores('texts_in') }})
"""


def prepare(warehouse: Path) -> str:
    """Seed the lexicons into `warehouse` and return the scoring SQL for table `texts_in`:
    the pipeline's macros for the score and for its polarity."""
    _dbt(["seed", "--select", "sentiment", "-q"], warehouse)
    return _dbt(["compile", "-q", "--inline", SCORED], warehouse)


def score(con, sql: str, texts: list[tuple[str, str]]) -> dict[str, tuple[str, float, str]]:
    """message_key -> (detected language, score, polarity)."""
    con.execute("create or replace temp table texts_in (message_key varchar, text varchar)")
    con.executemany("insert into texts_in values (?, ?)", texts)
    rows = con.execute(
        f"select message_key, language, sentiment_score, polarity from ({sql})"
    ).fetchall()
    return {key: (language, value, polarity) for key, language, value, polarity in rows}


def label_of(
    value: float, positive: float = REFERENCE_POSITIVE, negative: float = REFERENCE_NEGATIVE
) -> str:
    if value >= positive:
        return "positive"
    if value <= negative:
        return "negative"
    return "neutral"


def metrics(gold: list[str], predicted: list[str]) -> dict:
    """Accuracy and macro-F1 over the three classes."""
    f1s = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    accuracy = sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)
    return {"n": len(gold), "accuracy": accuracy, "macro_f1": sum(f1s) / len(f1s)}


def labelled() -> list[dict]:
    with LABELLED.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def evaluate(scores: dict[str, tuple[str, float, str]], split: str) -> dict[str, dict]:
    """Metrics per language of the labelled messages in `split` (tune or test)."""
    result = {}
    rows = [r for r in labelled() if r["split"] == split]
    for language in ("nl", "en"):
        subset = [r for r in rows if r["language"] == language]
        gold = [r["label"] for r in subset]
        predicted = [scores[r["id"]][2] for r in subset]
        detected = Counter(scores[r["id"]][0] for r in subset)
        result[language] = metrics(gold, predicted) | {"detected": dict(detected)}
    return result


def vader_reference(split: str) -> dict | None:
    """VADER in Python on the English messages, as the reference (if installed)."""
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyser = SentimentIntensityAnalyzer()
    subset = [r for r in labelled() if r["split"] == split and r["language"] == "en"]
    predicted = [label_of(analyser.polarity_scores(r["text"])["compound"]) for r in subset]
    return metrics([r["label"] for r in subset], predicted)


def throughput(con, sql: str, messages: int = 1_000_000) -> tuple[float, float]:
    """Messages per second for `messages` messages built from the labelled texts: the scoring
    SQL, and DuckDB's own pass over the same texts with the same tokeniser (lower-case, split
    into words, count them): the limit on this machine, so the ratio separates the SQL from the
    machine."""
    texts = [r["text"] for r in labelled()]
    con.execute("create or replace temp table base (i integer, text varchar)")
    con.executemany("insert into base values (?, ?)", list(enumerate(texts)))
    con.execute(
        f"""
        create or replace temp table texts_in as
        select 'm' || n as message_key, base.text || ' #' || (n % 97) as text
        from range({messages}) t(n) join base on base.i = n % {len(texts)}
        """
    )
    start = time.perf_counter()
    con.execute(f"create or replace temp table scored as select * from ({sql})")
    scoring = messages / (time.perf_counter() - start)
    start = time.perf_counter()
    con.execute(
        """
        create or replace temp table tokenised as
        select message_key, len(regexp_extract_all(lower(coalesce(text, '')), ?)) as tokens
        from texts_in
        """,
        [TOKENS],
    )
    tokenising = messages / (time.perf_counter() - start)
    return scoring, tokenising


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        warehouse = Path(tmp) / "sentiment.duckdb"
        sql = prepare(warehouse)
        with duckdb.connect(str(warehouse)) as con:
            scores = score(con, sql, [(r["id"], r["text"]) for r in labelled()])
            print("| language | split | messages | accuracy | macro-F1 | detected languages |")
            print("|---|---|---|---|---|---|")
            for split in ("tune", "test"):
                for language, m in evaluate(scores, split).items():
                    print(
                        f"| {language} | {split} | {m['n']} | {m['accuracy']:.3f} | "
                        f"{m['macro_f1']:.3f} | {m['detected']} |"
                    )
            for split in ("tune", "test"):
                reference = vader_reference(split)
                if reference:
                    print(
                        f"| en, VADER in Python | {split} | {reference['n']} | "
                        f"{reference['accuracy']:.3f} | {reference['macro_f1']:.3f} | |"
                    )
            rate, limit = throughput(con, sql)
            threads = con.execute("select current_setting('threads')").fetchone()[0]
            print(
                f"\nthroughput: {rate:,.0f} messages/s (1,000,000 messages, {threads} threads);"
                f" DuckDB tokenising the same texts: {limit:,.0f}/s; ratio {rate / limit:.2f}"
            )


if __name__ == "__main__":
    main()
