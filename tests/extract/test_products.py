"""Product variants and unnamed official bodies as entities."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("OpenAI released o3-pro on Tuesday.", ("OpenAI", "develops", "o3-pro")),
        ("OpenAI's GPT-4o-mini was tested.", ("OpenAI", "develops", "GPT-4o-mini")),
        ("Meta's Llama 4 Behemoth is in training.", ("Meta", "develops", "Llama 4 Behemoth")),
        ("xAI launched Grok 4 Heavy on Wednesday.", ("xAI", "develops", "Grok 4 Heavy")),
        ("Corvid Labs released Halcyon 2-pro.", ("Corvid Labs", "develops", "Halcyon 2-pro")),
        ("Tesla unveiled Optimus 3 in March.", ("Tesla", "develops", "Optimus 3")),
    ],
)
def test_product_variants_are_products_of_their_own(facts, text: str, expected) -> None:
    assert expected in facts(text)


def test_edition_name_stops_before_a_day_or_a_name(facts) -> None:
    found = facts("Meta released Llama 4 on Saturday.")
    assert ("Meta", "develops", "Llama 4") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. antitrust enforcers are investigating Microsoft.",
            ("U.S. antitrust enforcers", "investigates", "Microsoft"),
        ),
        (
            "British regulators opened an inquiry into Corvid Labs.",
            ("British regulators", "investigates", "Corvid Labs"),
        ),
    ],
)
def test_place_and_official_noun_name_a_government_body(facts, text: str, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lumen Robotics launched Tern on Tuesday.", ("Lumen Robotics", "develops", "Tern")),
        (
            "Corvid Labs accused Halvorsen Marine of copying its code.",
            ("Corvid Labs", "accuses", "Halvorsen Marine"),
        ),
    ],
)
def test_unknown_name_as_a_direct_object_takes_the_verbs_object_class(facts, text, expected):
    assert expected in facts(text)


def test_possessive_does_not_reach_across_a_conjunction(facts) -> None:
    found = facts("Huang praised DeepSeek's engineering and called R1 an excellent model.")
    assert ("DeepSeek", "develops", "R1") not in found


def test_products_listed_after_a_possessed_product_noun(facts) -> None:
    text = "Amazon said the content would appear in its AI products, including Alexa."
    assert ("Amazon", "develops", "Alexa") in facts(text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("Apple launched an iPhone app for ChatGPT.", None, ("Apple", "develops", "iPhone")),
        (
            "Perplexity launched the Comet browser.",
            ("Perplexity", "develops", "Comet"),
            None,
        ),
    ],
)
def test_name_modifying_an_indefinite_product_noun_is_not_the_object(facts, text, present, absent):
    found = facts(text)
    assert present is None or present in found
    assert absent is None or absent not in found
