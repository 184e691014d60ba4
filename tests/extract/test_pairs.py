"""Partnerships named by a plural ('the two companies'), three-way ventures, 'together with'."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nvidia took a stake in Intel, and the two chipmakers agreed to co-develop chips.",
            ("Nvidia", "partnersWith", "Intel"),
        ),
        (
            "Broadcom will build chips designed by OpenAI under an agreement the two companies "
            "announced on Monday.",
            ("Broadcom", "partnersWith", "OpenAI"),
        ),
        (
            "Microsoft will no longer be OpenAI's only cloud provider, though the companies said "
            "their partnership would run through 2032.",
            ("Microsoft", "partnersWith", "OpenAI"),
        ),
    ],
)
def test_plural_names_the_pair_earlier_in_its_sentence(facts, text: str, expected) -> None:
    assert expected in facts(text)


def test_plural_keeps_its_own_clause_negation(facts) -> None:
    text = "Tesla sued Corvid Labs, and the two companies have not spoken about a partnership."
    assert not any(p == "partnersWith" for _, p, _ in facts(text))


def test_three_way_venture_gives_every_pair(facts) -> None:
    found = facts("OpenAI, Oracle and SoftBank formed Stargate, a joint venture.")
    pairs = {frozenset((s, o)) for s, p, o in found if p == "partnersWith"}
    assert pairs == {
        frozenset(("OpenAI", "Oracle")),
        frozenset(("OpenAI", "SoftBank")),
        frozenset(("Oracle", "SoftBank")),
    }


def test_together_with_pairs_the_coordinated_subjects_too(facts) -> None:
    found = facts("Palantir and Anthropic, together with Amazon, agreed to serve the Pentagon.")
    pairs = {frozenset((s, o)) for s, p, o in found if p == "partnersWith"}
    assert frozenset(("Palantir", "Anthropic")) in pairs
    assert frozenset(("Palantir", "Amazon")) in pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AMD agreed to supply OpenAI with chips.", ("AMD", "partnersWith", "OpenAI")),
        ("Google signed a contract with Anthropic.", ("Google", "partnersWith", "Anthropic")),
        (
            "OpenAI agreed to supply its models to the Pentagon.",
            ("OpenAI", "partnersWith", "Pentagon"),
        ),
    ],
)
def test_supply_agreements_and_contracts_are_partnerships(facts, text: str, expected) -> None:
    found = {(s, p, o) for s, p, o in facts(text)} | {(o, p, s) for s, p, o in facts(text)}
    assert expected in found
