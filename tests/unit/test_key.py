"""Outside demo mode nothing is ingested without a pseudonymisation key."""

import dagster as dg
import pytest

from pipelines.resources import PseudonymiserResource
from pipelines.settings import DEMO_PSEUDONYM_KEY


def test_without_a_key_a_run_refuses_with_a_clear_message(monkeypatch):
    monkeypatch.delenv("SNM_PSEUDONYM_KEY", raising=False)
    monkeypatch.delenv("SNM_DEMO", raising=False)
    with pytest.raises(dg.Failure, match="No pseudonymisation key: set SNM_PSEUDONYM_KEY"):
        PseudonymiserResource().pseudonymiser()


def test_the_demo_uses_its_public_key_and_a_real_key_wins(monkeypatch):
    from pipelines.ingest.pseudonym import Pseudonymiser

    monkeypatch.delenv("SNM_PSEUDONYM_KEY", raising=False)
    monkeypatch.setenv("SNM_DEMO", "1")
    demo = PseudonymiserResource().pseudonymiser()
    assert demo("a@b.nl") == Pseudonymiser(DEMO_PSEUDONYM_KEY)("a@b.nl")
    monkeypatch.setenv("SNM_PSEUDONYM_KEY", "secret")
    assert PseudonymiserResource().pseudonymiser()("a@b.nl") == Pseudonymiser("secret")("a@b.nl")
