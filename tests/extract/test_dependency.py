"""kg_dependency: relation candidates read from the trained pipeline's parse, and their merge."""

from __future__ import annotations

import pytest

from kg.namespaces import KG
from tests.extract.conftest import claims_of

pytestmark = pytest.mark.model

Triple = tuple[str, str, str]


def _candidates(nlp, text: str) -> dict[Triple, str]:
    """(subject, predicate, object) → rule of each candidate kg_dependency proposes."""
    doc = nlp(text)
    labels = {iri: e.label for iri, e in doc._.kg_entities.items()}
    return {
        (labels[c.subject.entity], c.relation, labels[c.object.entity]): c.rule
        for c in doc._.kg_candidates
    }


def _facts(run, model: str, text: str) -> set[Triple]:
    extraction = run(text, model=model)
    labels = {e.iri: e.label for e in extraction.entities}
    return {
        (labels[r.subject], r.predicate, labels[r.object])
        for r in extraction.relations
        if r.claimed_by is None
    }


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        ("Corvid Labs was sued by Microsoft on Monday.", ("Microsoft", "sues", "Corvid Labs")),
        ("Grok was developed by xAI.", ("xAI", "develops", "Grok")),
    ],
)
def test_dependency_passive_agent(model_nlp, text: str, triple: Triple) -> None:
    assert _candidates(model_nlp, text)[triple].endswith(".parse.passive")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Microsoft and Google invested in Anthropic and Perplexity.",
            {
                ("Microsoft", "investsIn", "Anthropic"),
                ("Microsoft", "investsIn", "Perplexity"),
                ("Google", "investsIn", "Anthropic"),
                ("Google", "investsIn", "Perplexity"),
            },
        ),
        (
            "DeepSeek was sued by OpenAI and Microsoft.",
            {("OpenAI", "sues", "DeepSeek"), ("Microsoft", "sues", "DeepSeek")},
        ),
    ],
)
def test_dependency_coordination_expands_both_sides(model_nlp, text: str, expected) -> None:
    assert expected <= set(_candidates(model_nlp, text))


@pytest.mark.parametrize(
    ("text", "triple", "rule"),
    [
        (
            "SoftBank, which has put billions into OpenAI, reported a loss.",
            ("SoftBank", "investsIn", "OpenAI"),
            "investsIn.parse.relcl",
        ),
        (
            "Lisa Su, who has run AMD since 2014, spoke on Tuesday.",
            ("Lisa Su", "leads", "AMD"),
            "leads.parse.relcl",
        ),
        (
            "Corvid Labs, which Microsoft sued in March, denied wrongdoing.",
            ("Microsoft", "sues", "Corvid Labs"),
            "sues.parse.relcl",
        ),
        (
            "Lumen Robotics, the startup Tomas Lindqvist founded, raised money.",
            ("Tomas Lindqvist", "leads", "Lumen Robotics"),
            "leads.parse.relcl",
        ),
        (
            "SoftBank, whose chief executive is Masayoshi Son, reported a loss.",
            ("Masayoshi Son", "leads", "SoftBank"),
            "leads.parse.role.copula",
        ),
    ],
)
def test_dependency_relative_clause(model_nlp, text: str, triple: Triple, rule: str) -> None:
    assert _candidates(model_nlp, text)[triple] == rule


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft did not sue Corvid Labs.",
        "Microsoft may sue Corvid Labs next year.",
        "Microsoft threatened to sue Corvid Labs.",
        "Apple ruled out a partnership with Meta.",
        "Intel has no stake in Corvid Labs.",
        "Talks on a partnership between Perplexity and Mistral AI collapsed.",
    ],
)
def test_dependency_negated_or_hypothetical_gives_nothing(model_nlp, text: str) -> None:
    assert _candidates(model_nlp, text) == {}


@pytest.mark.parametrize(
    ("text", "label", "cls", "triple"),
    [
        (
            "Nimbus sued OpenAI in federal court on Monday.",
            "Nimbus",
            KG.Organization,
            ("Nimbus", "sues", "OpenAI"),
        ),
        (
            "Perplexity launched Comet, a web browser, in July.",
            "Comet",
            KG.Product,
            ("Perplexity", "develops", "Comet"),
        ),
    ],
)
def test_dependency_discovered_entity_typed_and_not_curated(
    run, model_name: str, text: str, label: str, cls, triple: Triple
) -> None:
    extraction = run(text, model=model_name)
    entity = next(e for e in extraction.entities if e.label == label)
    assert entity.type == str(cls) and entity.curated is False
    assert triple in _facts(run, model_name, text)


@pytest.mark.parametrize(
    ("text", "speaker", "triple"),
    [
        (
            "Google said in a filing on Tuesday in federal court in San Francisco that Microsoft "
            "had sued Corvid Labs.",
            "Google",
            ("Microsoft", "sues", "Corvid Labs"),
        )
    ],
)
def test_dependency_ccomp_of_speech_verb_is_claim(
    run, model_name: str, text: str, speaker: str, triple: Triple
) -> None:
    claims = claims_of(run(text, model=model_name))
    assert (speaker, *triple) in claims and triple not in _facts(run, model_name, text)


@pytest.mark.parametrize(
    ("text", "right", "wrong"),
    [
        (
            "Microsoft invested in Inflection, a startup founded by Mustafa Suleyman.",
            ("Mustafa Suleyman", "leads", "Inflection AI"),
            ("Mustafa Suleyman", "leads", "Microsoft"),
        )
    ],
)
def test_dependency_parse_overrides_rule_arguments(
    run, model_name: str, text: str, right: Triple, wrong: Triple
) -> None:
    found = _facts(run, model_name, text)
    assert right in found and wrong not in found


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Intel reported a loss. The chipmaker was sued by AMD, which blames it for the delays.",
            ("AMD", "accuses", "Intel"),
        )
    ],
)
def test_dependency_object_pronoun_is_not_clause_subject(
    model_nlp, text: str, triple: Triple
) -> None:
    doc = model_nlp(text)
    it = next(r for r in doc._.kg_refs if doc[r.start].lower_ == "it")
    assert doc._.kg_entities[it.entity].label == "Intel"
    assert triple in _candidates(model_nlp, text)
