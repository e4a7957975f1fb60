"""Dutch adjectives as messages write them: the spelling rules that find the lexicon's base
form behind an inflected one, and the seed they generate."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

from dutch_forms import forms  # noqa: E402

SEED = ROOT / "dbt_project" / "seeds" / "sentiment" / "sentiment_forms_nl.csv"

CASES = [  # the forms the issue found missing, and the rules behind them
    ("groot", {"grote", "groter", "grotere", "grootst", "grootste"}),  # aa/ee/oo/uu shortened
    ("duur", {"dure", "duurder", "duurdere", "duurst", "duurste"}),  # -r: comparative -der
    ("zwaar", {"zware", "zwaarder", "zwaardere", "zwaarst", "zwaarste"}),
    ("lief", {"lieve", "liever", "lievere", "liefst", "liefste"}),  # f -> v
    ("aangenaam", {"aangename", "aangenamer", "aangenamere", "aangenaamst", "aangenaamste"}),
    ("boos", {"boze", "bozer", "bozere", "boost", "booste"}),  # s -> z; superlative -t
    ("wit", {"witte", "witter", "wittere", "witst", "witste"}),  # short vowel doubled
    ("aardig", {"aardige", "aardiger", "aardigere", "aardigst", "aardigste"}),  # no doubling
    ("goed", {"goede", "beter", "betere", "beste"}),  # irregular
    ("tevreden", set()),  # -en takes no -e
]


@pytest.mark.parametrize(("lemma", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_forms_of_an_adjective(lemma, expected):
    assert forms(lemma) == expected


def test_no_form_is_a_common_other_word():
    every = set().union(*(forms(w) for w in ("slecht", "nieuw", "los", "goed")))
    assert not every & {"slechts", "nieuws", "lost", "goeds"}


def test_the_seed_is_what_the_rules_generate():
    with (SEED.parent / "sentiment_lexicon_nl.csv").open(encoding="utf-8") as handle:
        lemmas = {row["word"] for row in csv.DictReader(handle)}
    with SEED.open(encoding="utf-8") as handle:
        seed = {row["form"]: row["lemma"] for row in csv.DictReader(handle)}
    assert seed["dure"] == "duur" and seed["slechtste"] == "slecht"
    assert not set(seed) & lemmas  # a lexicon word keeps its own score
    assert all(form in forms(lemma) for form, lemma in seed.items())
