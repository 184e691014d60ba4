"""People named without a known given name or title: appositions, speakers, hyphenated names."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Oskar Vennberg, the founder of Lumen Robotics, said the startup would expand.",
            ("Oskar Vennberg", "leads", "Lumen Robotics"),
        ),
        (
            "Mireille Dutertre, a lawyer for Corvid Labs, accused Tesla of copying its code.",
            ("Mireille Dutertre", "accuses", "Tesla"),
        ),
        (
            '"We were shocked," said Benedikt Aurel, chief executive of Stellwerk Systems.',
            ("Benedikt Aurel", "leads", "Stellwerk Systems"),
        ),
    ],
)
def test_person_from_role_apposition_or_speech_verb(facts, text: str, expected) -> None:
    assert expected in facts(text)


def test_hyphenated_given_name_is_one_person(run) -> None:
    extraction = run('Intel chief Lip-Bu Tan spoke. "It is bad," said Ta-Nehisi Coates.')
    labels = {e.label for e in extraction.entities}
    assert {"Lip-Bu Tan", "Ta-Nehisi Coates"} <= labels


def test_object_is_the_titled_person_not_the_organisation(facts) -> None:
    found = facts("President Donald Trump accused Intel chief executive Lip-Bu Tan of fraud.")
    assert ("Donald Trump", "accuses", "Lip-Bu Tan") in found
    assert ("Lip-Bu Tan", "leads", "Intel") in found
    assert ("Donald Trump", "accuses", "Intel") not in found


def test_unknown_name_in_the_object_slot_blocks_a_later_object(facts) -> None:
    text = "Mireille Dutertre accused Fennick Auto of copying the software of Corvid Labs."
    assert ("Mireille Dutertre", "accuses", "Corvid Labs") not in facts(text)


def test_second_role_of_a_coordinated_apposition(facts) -> None:
    text = "Rasmus Ek, chief executive of Corvid Labs and a co-founder of Lumen Robotics, spoke."
    assert {("Rasmus Ek", "leads", "Corvid Labs"), ("Rasmus Ek", "leads", "Lumen Robotics")} <= (
        facts(text)
    )


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            '"They lifted our designs," said Anneke Visser, chief executive of Brightwater '
            "Capital, referring to Lumen Robotics.",
            ("Anneke Visser", "accuses", "Lumen Robotics"),
            ("Anneke Visser", "accuses", "Brightwater Capital"),
        ),
    ],
)
def test_quote_target_follows_the_speaker_not_a_title(facts, text, present, absent) -> None:
    found = facts(text)
    assert present in found
    assert absent not in found


def test_model_ner_keeps_hyphenated_names_and_skips_datelines(run, model_name) -> None:
    extraction = run(
        "OSLO, March 4 - Verdant Grid poured money into Orrin Bay Robotics. A suit was brought "
        "by authors including Ta-Nehisi Coates.",
        model=model_name,
    )
    labels = {e.label for e in extraction.entities}
    assert "OSLO" not in labels
    assert "Ta - Nehisi Coates" not in labels


def test_person_coordinated_after_a_known_person(facts) -> None:
    found = facts("Sarah Silverman and Ta-Nehisi Coates sued Meta in 2023.")
    assert ("Ta-Nehisi Coates", "sues", "Meta") in found


def test_under_a_titled_person_the_following_organisation_is_led(facts) -> None:
    found = facts("Under chief executive Satya Nadella, Microsoft has poured money into AI.")
    assert ("Satya Nadella", "leads", "Microsoft") in found


def test_successor_not_predecessor_holds_the_role(facts) -> None:
    found = facts("Satya Nadella replaced Steve Ballmer as Microsoft's chief executive in 2014.")
    assert ("Satya Nadella", "leads", "Microsoft") in found
    assert ("Steve Ballmer", "leads", "Microsoft") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Huawei shipped the chips in volume, rotating chairman Eric Xu said.",
            ("Eric Xu", "leads", "Huawei"),
        ),
        (
            "Kessling Labs will open an office in Lisbon, chief executive Marta Quintas said.",
            ("Marta Quintas", "leads", "Kessling Labs"),
        ),
    ],
)
def test_people_bare_title_of_the_closing_speaker_is_held_at_the_subject(
    facts, text: str, expected
) -> None:
    assert expected in facts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Apple and Google are rivals, chief executive Tim Cook said.",
        "Meta is losing engineers to OpenAI, analyst Gene Munster said.",
    ],
)
def test_people_closing_speaker_title_without_a_single_subject_leads_nothing(
    facts, text: str
) -> None:
    assert not {t for t in facts(text) if t[1] == "leads"}


def test_people_name_discovered_once_is_found_again(facts) -> None:
    found = facts(
        "Ostrander Bank sued Velmark. Velmark's founder, Ilse Brandt, called it baseless."
    )
    assert ("Ilse Brandt", "leads", "Velmark") in found
    assert ("Ilse Brandt", "sues", "Velmark") not in found


def test_coordinated_given_name_shares_the_following_surname(facts) -> None:
    text = "Marrow Kitchens was founded by Ingrid and Tomas Halvorsen in 2019."
    found = facts(text)
    assert ("Ingrid Halvorsen", "leads", "Marrow Kitchens") in found
    assert ("Tomas Halvorsen", "leads", "Marrow Kitchens") in found


def test_coordinated_given_name_takes_a_curated_full_name(run) -> None:
    extraction = run("The exchange was founded by Cameron and Tyler Winklevoss.")
    people = {e.label for e in extraction.entities if e.type.endswith("Person")}
    assert people == {"Cameron Winklevoss", "Tyler Winklevoss"}


def test_a_given_name_before_an_organisation_is_not_a_person(run) -> None:
    extraction = run("Priya and Marlow Ventures invested in Corvid Labs.")
    assert "Priya Ventures" not in {e.label for e in extraction.entities}
