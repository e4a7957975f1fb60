"""Free text (message bodies, survey answers) loses what identifies people on the way in:
e-mail addresses, @mentions by vendor id, and the full names the export itself lists."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

EMAIL = re.compile(r"[\w.+-][\w.+'-]*@[\w-]+(?:\.[\w-]+)+")  # a quote may not open it
SLACK_MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
VIVA_MENTION = re.compile(r"\[\[user:(\d+)\]\]")
EMAIL_MARK = "[e-mail]"
NAME_MARK = "[naam]"


class Scrubber:
    """Replaces addresses by a mark, mentions by the person's pseudonym, and known full names
    (two words or more, whole words, any case) by a mark."""

    def __init__(self, names: Iterable[str] = (), mention: Callable[[str], str | None] = None):
        full_names = sorted(
            {n.strip() for n in names if n and len(n.strip().split()) >= 2}, key=len, reverse=True
        )
        self._names = (
            re.compile(r"\b(?:" + "|".join(re.escape(n) for n in full_names) + r")\b", re.I)
            if full_names
            else None
        )
        self._mention = mention

    def _mentioned(self, match: re.Match) -> str:
        key = self._mention(match.group(1)) if self._mention else None
        return f"[@{key}]" if key else "[@]"

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        text = EMAIL.sub(EMAIL_MARK, text)
        text = SLACK_MENTION.sub(self._mentioned, text)
        text = VIVA_MENTION.sub(self._mentioned, text)
        if self._names is not None:
            text = self._names.sub(NAME_MARK, text)
        return text
