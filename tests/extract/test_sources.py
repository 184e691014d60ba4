"""Reporting sources found by their construction, whether or not any list names them."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Brightwater Capital has put $30 million into Tessaly, according to PitchBook data.",
            ("PitchBook", "Brightwater Capital", "investsIn", "Tessaly"),
        ),
        (
            "Corvid Labs has sued Lumen Robotics, the Osterby Tidende reported on Friday.",
            ("Osterby Tidende", "Corvid Labs", "sues", "Lumen Robotics"),
        ),
        (
            "Ostlake Media reported that Tessaly had sued Quintell.",
            ("Ostlake Media", "Tessaly", "sues", "Quintell"),
        ),
        (
            "A report by Kessrow Research found that Oracle had signed a cloud deal with Meta.",
            ("Kessrow Research", "Oracle", "partnersWith", "Meta"),
        ),
        (
            "Data from Dealroom show that Nvidia invested in Mistral AI.",
            ("Dealroom", "Nvidia", "investsIn", "Mistral AI"),
        ),
        (
            "Vellan Research estimates that Brightwater Capital invested $40 million in Tessaly.",
            ("Vellan Research", "Brightwater Capital", "investsIn", "Tessaly"),
        ),
    ],
)
def test_sources_any_name_in_a_source_position_claims_what_it_reports(
    claims, facts, text: str, claim
) -> None:
    assert claim in claims(text)
    assert claim[1:] not in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts at Halbrook Securities said Nvidia had invested in Lumen Robotics.",
        "Halbrook Securities analysts said Nvidia had invested in Lumen Robotics.",
    ],
)
def test_sources_analysts_speak_for_their_firm(claims, facts, text: str) -> None:
    claim = ("Halbrook Securities", "Nvidia", "investsIn", "Lumen Robotics")
    assert claim in claims(text)
    assert claim[1:] not in facts(text)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "Corvid Labs reported on Tuesday that it had taken a stake in Lumen Robotics.",
            ("Corvid Labs", "investsIn", "Lumen Robotics"),
        ),
        (
            "Lumen Robotics reported a quarterly loss after Tesla sued it in March.",
            ("Tesla", "sues", "Lumen Robotics"),
        ),
        (
            "According to Oracle, the company has signed a supply agreement with Corvid Labs.",
            ("Oracle", "partnersWith", "Corvid Labs"),
        ),
        (
            "Tamsworth Capital has invested $50 million in Ostrel, according to a regulatory "
            "filing.",
            ("Tamsworth Capital", "investsIn", "Ostrel"),
        ),
    ],
)
def test_sources_a_party_reporting_its_own_deal_or_a_reported_object_states_a_fact(
    claims, facts, text: str, fact
) -> None:
    assert fact in facts(text)
    assert not claims(text)


def test_sources_a_contrast_ends_what_the_source_reports(facts) -> None:
    text = (
        "Brightwater Capital put $20 million into Corvid Labs, Vantor Insights estimated, "
        "but Tesla has sued Lumen Robotics."
    )
    assert ("Tesla", "sues", "Lumen Robotics") in facts(text)
    assert ("Brightwater Capital", "investsIn", "Corvid Labs") not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lumen Robotics rejected a claim by Priya Raman that it had copied Corvid Labs' "
            "gripper designs.",
            ("Priya Raman", "accuses", "Lumen Robotics"),
        ),
        (
            "Meta dismissed complaints from The Harbor Gazette that it had copied the "
            "newspaper's articles without permission.",
            ("The Harbor Gazette", "accuses", "Meta"),
        ),
        (
            "Oracle's claim that Corvid Labs copied its database code will be heard in May.",
            ("Oracle", "accuses", "Corvid Labs"),
        ),
        (
            "Tesla denied an accusation by Brightwater Capital that it had misled investors.",
            ("Brightwater Capital", "accuses", "Tesla"),
        ),
    ],
)
def test_sources_a_claim_noun_accuses_for_its_author_even_when_denied(
    facts, text: str, expected
) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Corvid Labs rejected claims that it had copied Oracle's database code.",
        "Oracle has not made any claim that Lumen Robotics copied its code.",
        "Priya Raman's claim that Corvid Labs doubled its revenue was repeated by analysts.",
        "Oracle claims that Corvid Labs doubled its revenue.",
    ],
)
def test_sources_a_claim_with_no_author_no_wrongdoing_or_a_negation_accuses_no_one(
    facts, text: str
) -> None:
    assert not {f for f in facts(text) if f[1] == "accuses"}


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        (
            "Tesla sent Oracle a letter accusing Corvid Labs of copying its code.",
            ("Tesla", "accuses", "Corvid Labs"),
            ("Oracle", "accuses", "Corvid Labs"),
        ),
        (
            "The Harbor Gazette sent Lumen Robotics a letter accusing the startup of copying "
            "its articles.",
            ("The Harbor Gazette", "accuses", "Lumen Robotics"),
            ("Lumen Robotics", "accuses", "The Harbor Gazette"),
        ),
    ],
)
def test_sources_a_document_accuses_for_its_writer_not_its_addressee(
    facts, text: str, expected, wrong
) -> None:
    found = facts(text)
    assert expected in found
    assert wrong not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brightwater Capital denied a Harbor Gazette report that it had sued Lumen Robotics.",
            {("Harbor Gazette", "Brightwater Capital", "sues", "Lumen Robotics")},
        ),
        (
            "Lumen Robotics denied a report by Reuters that it had accused Corvid Labs of "
            "poaching engineers.",
            {("Reuters", "Lumen Robotics", "accuses", "Corvid Labs")},
        ),
        (
            "Corvid Labs responded to a Financial Times story that it had sued Brightwater "
            "Capital.",
            {("Financial Times", "Corvid Labs", "sues", "Brightwater Capital")},
        ),
        ("Lumen Robotics denied a Reuters report that it would sue Corvid Labs.", set()),
        ("Tesla denied reports that it had sued Lumen Robotics.", set()),
    ],
)
def test_sources_a_named_report_claims_its_content_even_when_denied(
    claims, facts, text: str, expected
) -> None:
    """ "denied a report by X that ...", "a X report that ...": the denial is the party's
    answer; what the report says stays X's claim, and never a fact."""
    assert claims(text) == expected
    assert not {t for t in facts(text) if t[1] in ("sues", "accuses")}
