"""Who states a relation: a party's own leader states a fact, anyone else makes a claim."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Corin Malloy, who founded Pellham Analytics, said the startup had teamed up with "
            "Oracle.",
            ("Pellham Analytics", "partnersWith", "Oracle"),
        ),
        (
            "Dagny Ruud, chief executive of Veslefrikk Systems, said the company had sued Cisco.",
            ("Veslefrikk Systems", "sues", "Cisco"),
        ),
    ],
)
def test_speakers_leader_reporting_own_organisation_states_a_fact(
    claims, facts, text: str, expected
) -> None:
    assert expected in facts(text)
    assert not claims(text)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        (
            "Ines Vidal, a partner at Marrowfield Capital, said Microsoft had invested in Qarlo.",
            ("Ines Vidal", "Microsoft", "investsIn", "Qarlo"),
        ),
    ],
)
def test_speakers_outsider_reporting_a_deal_makes_a_claim(claims, facts, text: str, claim) -> None:
    assert claim in claims(text)
    assert claim[1:] not in facts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Investigators at the Commerce Department are examining Zhipu.",
            ("U.S. Commerce Department", "investigates", "Zhipu AI"),
        ),
        (
            "Lawyers for Elon Musk accused OpenAI of deceiving him.",
            ("Elon Musk", "accuses", "OpenAI"),
        ),
        (
            "Maine Attorney General Aaron Frey said his office was investigating Meta.",
            ("Maine attorney general's office", "investigates", "Meta"),
        ),
        (
            "The Utah Attorney General's office sued Snap on Tuesday.",
            ("Utah attorney general's office", "sues", "Snap"),
        ),
    ],
)
def test_speakers_members_and_offices_act_for_their_body(facts, text: str, expected) -> None:
    assert expected in facts(text)


def test_speakers_customers_at_a_company_do_not_act_for_it(facts) -> None:
    assert not facts("Customers at Walmart accused Apple of overcharging them.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tessaro Health is being probed over its billing, the Monetary Authority of Singapore "
            "said.",
            ("Monetary Authority of Singapore", "investigates", "Tessaro Health"),
        ),
        (
            "Corvid Labs was accused of hiding losses, the Securities and Exchange Commission "
            "said.",
            ("Securities and Exchange Commission", "accuses", "Corvid Labs"),
        ),
    ],
)
def test_speakers_public_body_saying_an_agentless_passive_is_its_agent(
    facts, text: str, expected
) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Corvid Labs is being investigated over a leak, the company said.",
        "Corvid Labs is being investigated over a leak, Reuters reported.",
        "Corvid Labs is being probed over suspected fraud, the startup said.",
    ],
)
def test_speakers_party_or_outlet_saying_an_agentless_passive_names_no_agent(
    facts, text: str
) -> None:
    assert not {t for t in facts(text) if t[1] in ("investigates", "accuses")}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "An inquiry into Meta's ads was opened in March. The European Commission said the "
            "review would take a year.",
            "European Commission",
        ),
        ("A probe into Meta was opened in March. Reuters said the review would take a year.", None),
        ("A probe into Meta could be opened. The European Commission said it was watching.", None),
    ],
)
def test_speakers_investigator_named_as_next_sentence_speaker(facts, text: str, agent) -> None:
    agents = {s for s, p, o in facts(text) if p == "investigates" and o == "Meta"}
    assert agents == ({agent} if agent else set())


def test_speakers_coordinated_office_holders_act_for_each_office(facts) -> None:
    text = (
        "California Attorney General Rob Bonta and Delaware Attorney General Kathy Jennings "
        "are reviewing OpenAI's plan."
    )
    agents = {s for s, p, _ in facts(text) if p == "investigates"}
    assert agents == {"California attorney general's office", "Delaware attorney general's office"}


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        (
            "Oskar Lindahl, who has chaired the Fjord Courier's parent company since 2020, said "
            "the newspaper had signed a content deal with Mistral AI.",
            False,
        ),
        ("Lina Khan, who chaired the FTC, said Microsoft had partnered with Inflection.", True),
    ],
)
def test_speakers_leading_role_over_a_party_in_the_speakers_apposition(
    claims, text: str, claimed: bool
) -> None:
    assert bool(claims(text)) is claimed
