"""kg_stops: the full stop an abbreviation or initial took from the end of a sentence."""

from __future__ import annotations

import pytest

from tests.extract.conftest import Triple


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Alibaba invested in Zorblax Corp. The deal closed in March.", 2),
        ("Geoffrey Hinton joined News Corp.\nHe left a year later.", 2),
        ("Geoffrey Hinton joined News Corp.\r\nHe left a year later.", 2),
        ("Meta released Movie Gen. It makes videos.", 2),
        ("Amazon released Amazon Q. In a statement, it said more was coming.", 2),
    ],
)
def test_stops_abbreviation_before_sentence_opener_ends_sentence(
    nlp, text: str, sentences: int
) -> None:
    assert len(list(nlp(text).sents)) == sentences


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("He met Dr. Smith on Monday.", "Dr."),  # a title before a name
        ("Acme Corp. Chief Executive Jane Doe resigned.", "Corp."),  # a title, not a sentence
        ("George W. Bush spoke.", "W."),  # an initial
        ("Apple sued U.S. Steel. The case is pending.", "U.S."),  # inner periods stay whole
    ],
)
def test_stops_abbreviation_inside_sentence_keeps_its_period(nlp, text: str, token: str) -> None:
    assert token in [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Meta developed Movie Gen.\nIt was shown in October.", ("Meta", "develops", "Movie Gen")),
        (
            "Naver built HyperCLOVA X. The model speaks Korean.",
            ("Naver", "develops", "HyperCLOVA X"),
        ),
        ("Amazon developed Amazon Q.", ("Amazon", "develops", "Amazon Q")),
        ("AMD invested in Tenebris Corp.", ("AMD", "investsIn", "Tenebris Corp")),
        # names the tokenizer's own suffix rules give back their full stop
        ("Alphabet developed DALL-E.", ("Alphabet", "develops", "DALL-E")),
        ("Microsoft partnered with AT&T.", ("Microsoft", "partnersWith", "AT&T")),
        ("Nvidia invested in PwC.", ("Nvidia", "investsIn", "PwC")),
        ("Quorvane Labs sued Veltrix DataX.", ("Quorvane Labs", "sues", "Veltrix DataX")),
    ],
)
def test_stops_name_ending_a_sentence_is_the_name_without_the_stop(
    facts, text: str, fact: Triple
) -> None:
    assert fact in facts(text)


@pytest.mark.model
@pytest.mark.parametrize("text", ["Meta developed Movie Gen. It makes videos from text."])
def test_stops_split_before_a_trained_parser(model_nlp, text: str) -> None:
    doc = model_nlp(text)
    assert model_nlp.pipe_names[0] == "kg_stops"
    assert [t.text for t in doc][:5] == ["Meta", "developed", "Movie", "Gen", "."]


def test_a_period_inside_a_name_ends_no_sentence(nlp) -> None:
    doc = nlp("Google did not buy Character.AI. Instead it licensed Character.AI's models.")
    assert [s.text for s in doc.sents] == [
        "Google did not buy Character.AI.",
        "Instead it licensed Character.AI's models.",
    ]


def test_a_period_inside_a_name_keeps_a_pronoun_in_reach(facts) -> None:
    text = "Corvid Labs did not buy Character.AI. Instead it signed a deal with the startup."
    assert ("Corvid Labs", "partnersWith", "Character.AI") in facts(text)
