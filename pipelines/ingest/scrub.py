"""Free text (message bodies, survey answers, group names) loses what identifies people on the
way in: e-mail addresses (also written as `name(at)domain`), @mentions by vendor id, and the
names the export itself lists, in every form people write them: the full name, "last, first",
the first or the last name alone."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

EMAIL = re.compile(r"[\w.+-][\w.+'-]*@[\w-]+(?:\.[\w-]+)+")  # a quote may not open it
_AT = r"(?:\s*[\(\[\{]\s*at\s*[\)\]\}]\s*|\s*\[?@\]?\s*(?=\S))"
_DOT = r"(?:\s*[\(\[\{]\s*dot\s*[\)\]\}]\s*|\.)"
OBFUSCATED_EMAIL = re.compile(
    # jan.jansen(at)example.nl, jan [at] example [dot] nl, jan.jansen at example dot nl
    rf"[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}[a-z]{{2,6}}\b"
    r"|[\w+-]+[._][\w.+-]*\s+at\s+[\w-]+(?:\s+dot\s+[\w-]+)+\b",
    re.I,
)
# every address form above has an @ or the word "at": a text without either holds none
MAY_HOLD_ADDRESS = re.compile(r"@|\bat\b", re.I)
SLACK_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
VIVA_MENTION = re.compile(r"\[\[user:(\d+)\]\]")
EMAIL_MARK = "[e-mail]"
NAME_MARK = "[naam]"

# Parts of Dutch, German, French and Spanish surnames that are words of their own.
PARTICLES = {
    "van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "in", "op", "von", "zu", "la",
    "le", "du", "da", "di", "del", "des", "dos", "el", "y",
}  # fmt: skip
MIN_SINGLE_NAME = 3  # "Jo" alone is too often something else


def names_from_address(address: str) -> str | None:
    """'anna.de.vries@x.nl' -> 'Anna De Vries': the name many addresses are made of."""
    local = address.split("@", 1)[0]
    parts = [p for p in re.split(r"[._-]+", local) if p.isalpha()]
    return " ".join(p.capitalize() for p in parts) if len(parts) >= 2 else None


def name_forms(name: str) -> tuple[set[str], set[str]]:
    """(forms matched in any case, single names matched as written) of one person's name."""
    words = name.split()
    if len(words) < 2:
        single = {name.strip()} if len(name.strip()) >= MIN_SINGLE_NAME else set()
        return set(), single
    first, rest = words[0], words[1:]
    last = " ".join(rest)
    core = [w for w in rest if w.lower() not in PARTICLES]
    full = {name.strip(), f"{last}, {first}", f"{last},{first}"}
    if core:  # "Vries, Anna de" as an index lists it
        particles = " ".join(w for w in rest if w.lower() in PARTICLES)
        full |= {f"{' '.join(core)}, {first} {particles}".strip()}
    single = {w for w in (first, *core) if len(w) >= MIN_SINGLE_NAME and w.lower() not in PARTICLES}
    return full, single


WORD = re.compile(r"\w[\w'’-]*")


class _NameIndex:
    """Names found word by word: a dictionary lookup per word of the text, so ten thousand
    names cost what ten do (a regex alternation of them is tried at every position)."""

    def __init__(self, full: set[str], single: set[str]):
        # first word -> the forms starting with it, by length, longest first: one set lookup
        # per length, however many people share a first name
        by_length: dict[str, dict[int, set[str]]] = {}
        for form in full:
            first = WORD.match(form)
            if first:
                lowered = form.lower()
                lengths = by_length.setdefault(first.group().lower(), {})
                lengths.setdefault(len(lowered), set()).add(lowered)
        self._starts = {
            word: [(length, frozenset(forms[length])) for length in sorted(forms, reverse=True)]
            for word, forms in by_length.items()
        }
        self._single = single

    def __bool__(self) -> bool:
        return bool(self._starts or self._single)

    def holds_no_name(self, text: str) -> bool:
        """Whether `sub` would change nothing, decided by set operations in C: no word starts
        a full form and none is a single name (nor a base before an apostrophe could be)."""
        words = WORD.findall(text)
        return (
            self._starts.keys().isdisjoint(map(str.lower, words))
            and self._single.isdisjoint(words)
            and not ("'" in text or "’" in text)
        )

    def sub(self, text: str) -> str:
        if self.holds_no_name(text):  # most texts: no word-by-word walk
            return text
        out, at, lowered = [], 0, text.lower()
        for match in WORD.finditer(text):
            start = match.start()
            if start < at:
                continue
            end = None
            for length, forms in self._starts.get(match.group().lower(), ()):
                stop = start + length
                if lowered[start:stop] in forms and not _word_char(text, stop):
                    end = stop
                    break
            if end is None:
                base = _base(match.group())
                if base in self._single:
                    end = start + len(base)
            if end is not None:
                out += [text[at:start], NAME_MARK]
                at = end
        out.append(text[at:])
        return "".join(out)


def _base(word: str) -> str:
    """The word before an apostrophe: "Anna's" is Anna's name too."""
    return _APOSTROPHE.split(word, 1)[0]


_APOSTROPHE = re.compile(r"['’]")


def _word_char(text: str, index: int) -> bool:
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


class Scrubber:
    """Replaces addresses by a mark, mentions by the person's pseudonym, and known names by a
    mark: full names and "last, first" in any case, a first or last name alone as written
    (capitalised), so the common word a name can also be keeps its lower-case meaning."""

    def __init__(self, names: Iterable[str] = (), mention: Callable[[str], str | None] = None):
        full, single = set(), set()
        for name in set(names):  # an export names each sender once per message
            if not name or not name.strip():
                continue
            if "@" in name:
                name = names_from_address(name) or ""
            forms, alone = name_forms(" ".join(name.split()))
            full |= forms
            single |= alone
        self._names = _NameIndex(full, single)
        self._mention = mention

    def _mentioned(self, match: re.Match) -> str:
        key = self._mention(match.group(1)) if self._mention else None
        return f"[@{key}]" if key else "[@]"

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        if MAY_HOLD_ADDRESS.search(text):
            text = EMAIL.sub(EMAIL_MARK, text)
            text = OBFUSCATED_EMAIL.sub(EMAIL_MARK, text)
        if "<@" in text:
            text = SLACK_MENTION.sub(self._mentioned, text)
        if "[[user:" in text:
            text = VIVA_MENTION.sub(self._mentioned, text)
        return self._names.sub(text) if self._names else text


_CAPITALISED = r"[A-ZÀ-Ý][a-zà-ÿ'’-]+"
_PARTICLE = "|".join(sorted(PARTICLES - {"'t"}, key=len, reverse=True))
NAME_LIKE = re.compile(
    rf"{_CAPITALISED}(?:,?\s+(?:(?:{_PARTICLE})\s+)*{_CAPITALISED}){{1,3}}(?:\s+(?:{_PARTICLE}))*"
)
_QUOTED = re.compile(r"'([^']{3,80})'")


def mask_personal(message: str, known: frozenset[str] = frozenset()) -> str:
    """A quarantine message quotes values from the file: addresses, and values shaped like a
    person's name ("Anna de Vries", "Vries, Anna de") that are no known column header, are
    masked, in quotes and in the list of a header's columns."""
    message = EMAIL.sub(EMAIL_MARK, message)

    def masked(value: str) -> str:
        name = NAME_LIKE.fullmatch(value.strip()) and value.strip().lower() not in known
        return NAME_MARK if name else value

    message = _QUOTED.sub(lambda m: f"'{masked(m.group(1))}'", message)
    head, found, listed = message.partition("the header has: ")
    if found:
        message = head + found + ", ".join(masked(v) for v in listed.split(", "))
    return message
