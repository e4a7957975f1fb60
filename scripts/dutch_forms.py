"""The inflected forms of Dutch adjectives, by the spelling rules of Dutch (no word list).

Pattern's lexicon lists the base form (groot, duur, lief, boos, wit); messages use the
inflected ones (grote, dure, lieve, boze, witte), comparatives (groter, duurder) and
superlatives (grootst, liefste). `forms(lemma)` gives them, so the scoring SQL finds an
inflected word by one join (seed `sentiment_forms_nl`). Not the partitive (iets moois): its
forms are too often other words (slechts "only", nieuws "news").
"""

from __future__ import annotations

import re

VOWEL_GROUP = re.compile(r"ij|[aeiouy]+")
DOUBLE_VOWEL_END = re.compile(r"(aa|ee|oo|uu)([^aeiouy])$")
SHORT_VOWEL_END = re.compile(r"(?<![aeiouy])[aeiou]([bcdfgklmnprst])$")


def _syllables(word: str) -> int:
    return len(VOWEL_GROUP.findall(word))


def inflection_base(lemma: str) -> str | None:
    """The stem that -e and -er attach to (groot -> grot, lief -> liev, wit -> witt); None for
    a word that takes no -e (ending in -en or a vowel other than i, as 'tevreden', 'beige')."""
    if lemma.endswith("en") or re.search(r"[aeouy]$", lemma):
        return None
    if _syllables(lemma) == 1 and SHORT_VOWEL_END.search(lemma):
        return lemma + lemma[-1]  # wit -> witte, snel -> snelle, los -> losse
    base = DOUBLE_VOWEL_END.sub(lambda m: m.group(1)[0] + m.group(2), lemma)  # groot -> grot
    if re.search(r"[aeiouy]f$|[lr]f$", base):
        base = base[:-1] + "v"  # lief -> liev, half -> halv
    elif re.search(r"[aeiouy]s$", base):
        base = base[:-1] + "z"  # boos -> boz, vies -> viez
    return base


def forms(lemma: str) -> set[str]:
    """Inflected, comparative, superlative and partitive forms of one adjective."""
    found = set()
    base = inflection_base(lemma)
    if base is not None:
        found.add(base + "e")
        comparative = lemma + "der" if lemma.endswith("r") else base + "er"
        found |= {comparative, comparative + "e"}
    if not lemma.endswith("en"):
        superlative = lemma + "t" if lemma.endswith("s") else lemma + "st"
        found |= {superlative, superlative + "e"}
    found |= IRREGULAR.get(lemma, set())
    found -= NOT_FORMS.get(lemma, set())
    found.discard(lemma)
    return found


IRREGULAR = {"goed": {"beter", "betere", "beste"}, "graag": {"liever", "liefst"}}
# forms that are, far more often, another word
NOT_FORMS = {"goed": {"goeder", "goedere", "goedst", "goedste"}, "los": {"lost", "loste"}}
