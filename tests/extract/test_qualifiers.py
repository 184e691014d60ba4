"""Statements that are not asserted facts: headline futures, pending deals, unnamed sources."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia to invest $5 billion in Intel",
        "Nvidia to take $5 billion stake in Intel",
        "Apple, Google to team up on Siri",
    ],
)
def test_headline_to_future_gives_nothing(facts, text: str) -> None:
    assert facts(text) == set()


def test_headline_in_the_present_is_a_fact(facts) -> None:
    assert ("Nvidia", "investsIn", "Intel") in facts("Nvidia invests $5 billion in Intel")


@pytest.mark.parametrize(
    "text",
    [
        "Apple nears deal with Google for its assistant.",
        "OpenAI is close to a deal with Microsoft on new terms.",
        "Nvidia is reported to have taken a stake in Perplexity.",
    ],
)
def test_approaching_or_hearsay_verbs_give_nothing(facts, text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "A deal between OpenAI and Microsoft is not yet final.",
        "Any partnership between Apple and Alibaba would need Chinese approval.",
        "Google's investment in Anthropic, if approved, would be its largest.",
    ],
)
def test_relation_noun_subject_with_an_unsettled_predicate_gives_nothing(facts, text) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A partnership between OpenAI and Microsoft was announced in 2019.",
            ("OpenAI", "partnersWith", "Microsoft"),
        ),
        (
            "Amazon's investment in Anthropic, which now totals $8 billion, has not drawn a "
            "formal inquiry from regulators.",
            ("Amazon", "investsIn", "Anthropic"),
        ),
    ],
)
def test_relation_noun_subject_with_a_settled_predicate_is_a_fact(facts, text, expected) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "People familiar with the matter said Google sued Perplexity last month.",
        "Apple signed a deal with Google, according to people familiar with the matter.",
        "Sources told Reuters that Meta had invested in Scale AI.",
        "Analysts at Bernstein said Nvidia had invested in CoreWeave.",
    ],
)
def test_unnamed_sources_make_hearsay_not_facts(facts, text: str) -> None:
    assert facts(text) == set()


def test_unnamed_sources_in_another_clause_leave_the_fact(facts) -> None:
    text = (
        "Tesla sued Corvid Labs in a Delaware court on Monday, and people familiar with the "
        "case said a settlement was unlikely."
    )
    assert ("Tesla", "sues", "Corvid Labs") in facts(text)


def test_relation_noun_awaiting_approval_is_pending(facts) -> None:
    assert facts("Nvidia's investment in Intel is awaiting regulatory approval.") == set()


def test_participle_clause_has_its_own_qualifiers(facts) -> None:
    text = (
        "OpenAI has stopped short of accusing DeepSeek, saying only that it was reviewing "
        "indications that the startup may have distilled its models."
    )
    found = facts(text)
    assert ("OpenAI", "investigates", "DeepSeek") in found
    assert ("OpenAI", "accuses", "DeepSeek") not in found


@pytest.mark.parametrize(
    "text",
    [
        "The FTC said it would examine whether Microsoft had illegally bundled Teams.",
        "OpenAI said it was investigating whether DeepSeek had improperly distilled its models.",
    ],
)
def test_wrongdoing_under_an_inquiry_or_whether_is_no_accusation(facts, text: str) -> None:
    assert not any(p == "accuses" for _, p, _ in facts(text))


def test_infinitive_after_a_direct_object_noun_holds_no_object(facts) -> None:
    assert facts("Microsoft said Google had funded a campaign to discredit it.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Meta has invested in Scale AI, per a report in The Information.",
        "Meta invested in Scale AI, media reports said.",
        "The Wall Street Journal first reported that Meta had invested in Scale AI.",
    ],
)
def test_reports_by_outlets_or_unnamed_media_are_not_facts(facts, text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Musk vowed to sue Apple.",
        "SoftBank pledged to invest $100 billion in OpenAI.",
        "Nvidia is to invest $5 billion in Intel.",
    ],
)
def test_promises_are_intentions_not_facts(facts, text: str) -> None:
    assert facts(text) == set()


@pytest.mark.parametrize(
    ("text", "accuses"),
    [
        ("Microsoft said OpenAI took steps to improve safety.", False),
        ("Alibaba said Tencent lifted its forecast for the year.", False),
        ("Corvid Labs said Tesla took its code without asking.", True),
    ],
)
def test_weak_wrongdoing_verbs_accuse_only_with_a_misused_object(facts, text, accuses) -> None:
    assert any(p == "accuses" for _, p, _ in facts(text)) is accuses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Musk said OpenAI had “betrayed” its founding mission.",
            ("Elon Musk", "accuses", "OpenAI"),
        ),
        (
            "Getty said Stability AI had “brazenly copied” its photographs.",
            ("Getty Images", "accuses", "Stability AI"),
        ),
    ],
)
def test_scare_quotes_inside_a_statement_keep_it_an_accusation(facts, text: str, expected) -> None:
    assert expected in facts(text)


def test_hyphenated_modifier_name_is_not_a_verb_argument(facts) -> None:
    assert not facts("Seven Alden-owned newspapers sued OpenAI on Tuesday.")


def test_qualifier_in_a_subordinate_clause_leaves_the_relation_noun_settled(facts) -> None:
    text = "The FTC's case against Meta ended in defeat when a judge ruled that Meta does not win."
    assert ("Federal Trade Commission", "sues", "Meta") in facts(text)


@pytest.mark.parametrize(
    ("text", "accuses"),
    [
        ("The CMA found that Google had abused its dominance in search.", True),
        ("The FTC found that Microsoft had not violated antitrust law.", False),
    ],
)
def test_a_finding_of_wrongdoing_accuses(facts, text: str, accuses: bool) -> None:
    assert any(p == "accuses" for _, p, _ in facts(text)) is accuses


@pytest.mark.parametrize(
    ("text", "settled"),
    [
        ("The deal between Apple and Google, announced in May, has yet to close.", False),
        ("The deal between Apple and Google has yet to be finalised.", False),
        ("The deal between Apple and Google, announced in May, covers Siri.", True),
    ],
)
def test_pending_predicate_after_a_participle_leaves_the_deal_open(
    facts, text: str, settled: bool
) -> None:
    assert (("Apple", "partnersWith", "Google") in facts(text)) is settled


@pytest.mark.parametrize(
    "text",
    [
        "Shareholders voted down a proposal that the carmaker invest in xAI.",
        "Activists demanded that Meta sue OpenAI.",
        "The board proposed that Corvid Labs partner with Oracle.",
    ],
)
def test_subjunctive_bare_verb_after_a_single_subject_is_not_a_fact(facts, text: str) -> None:
    assert not {t for t in facts(text) if t[1] in ("investsIn", "sues", "partnersWith")}


def test_bare_verb_after_coordinated_subjects_is_a_fact(facts) -> None:
    assert ("Google", "partnersWith", "Meta") in facts("Meta, Google partner on AI safety.") or (
        "Meta",
        "partnersWith",
        "Google",
    ) in facts("Meta, Google partner on AI safety.")
