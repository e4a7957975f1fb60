"""Keyed pseudonyms: stable per person, case-insensitive, different per key."""

import pytest

from pipelines.ingest.pseudonym import Pseudonymiser


def test_the_same_address_in_any_case_gets_the_same_pseudonym():
    key = Pseudonymiser("secret")
    assert key("Anna@Example.org ") == key("anna@example.org")
    assert len(key("anna@example.org")) == 32


def test_another_key_gives_other_pseudonyms_and_namespaces_separate():
    assert Pseudonymiser("a")("x@y.nl") != Pseudonymiser("b")("x@y.nl")
    key = Pseudonymiser("a")
    assert key("123", namespace="slack") != key("123")


def test_empty_values_have_no_pseudonym_and_a_key_is_required():
    assert Pseudonymiser("a")("  ") is None
    with pytest.raises(ValueError):
        Pseudonymiser("")
