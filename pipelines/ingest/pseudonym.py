"""Keyed pseudonyms: the only form in which a person's identity enters the warehouse."""

from __future__ import annotations

import hashlib
import hmac

# A vendor's user id is pseudonymised under its vendor's prefix, in its export (when the export
# carries no e-mail) and in the roster's matching column alike, so the two meet in dbt.
SLACK_USER = "slack-user:"
VIVA_ENGAGE_USER = "viva-engage-user:"
MEMORY = 1 << 18  # pseudonyms kept in memory (about 50 MB at most)


class Pseudonymiser:
    """HMAC-SHA-256 over the lower-cased, trimmed identifier, so the same person in any source
    gets the same pseudonym while nobody without the key can reverse or recompute it."""

    def __init__(self, key: str):
        if not key:
            raise ValueError("a pseudonymisation key is required")
        self._key = key.encode("utf-8")
        # a file names the same few thousand people hundreds of thousands of times: each
        # pseudonym is computed once (bounded, so a stream of distinct ids cannot grow it)
        self._known: dict[str, str] = {}

    def __call__(self, identifier: str | None, namespace: str = "") -> str | None:
        if identifier is None:
            return None
        message = f"{namespace}:{identifier}" if namespace else identifier
        known = self._known.get(message)
        if known is None:
            known = self._compute(identifier, namespace)
            if len(self._known) >= MEMORY:
                self._known.clear()
            self._known[message] = known
        return known

    def _compute(self, identifier: str, namespace: str) -> str | None:
        normalised = identifier.strip().lower()
        if not normalised:
            return None
        message = f"{namespace}:{normalised}" if namespace else normalised
        return hmac.new(self._key, message.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
