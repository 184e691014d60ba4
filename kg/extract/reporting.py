"""Spot news outlets that are the source or the addressee of a statement, not a party to it.

"according to Reuters", "told the Financial Times", "Bloomberg reported", "a Bloomberg
investigation found": the outlet in these positions never becomes an argument of a relation.
"""

from __future__ import annotations

from functools import cache

from kg.extract.entities import Ref
from kg.extract.patterns import Cues
from kg.ontology import Ontology
from kg.records import Entity


def blocked_refs(
    lower: list[str],
    refs: list[Ref],
    entities: dict[str, Entity],
    ontology: Ontology,
    cues: Cues,
) -> set[int]:
    """Indices of refs to outlets that only report (source or addressee)."""
    return _outlet_refs(lower, refs, entities, ontology, cues, cues.reporting_before)


def _ends_with(lower: list[str], end: int, phrase: tuple[str, ...]) -> bool:
    start = end - len(phrase)
    return start >= 0 and tuple(lower[start:end]) == phrase


def _starts_with(lower: list[str], start: int, phrase: tuple[str, ...]) -> bool:
    possessive = start < len(lower) and lower[start] in ("'s", "’s")
    if possessive:
        start += 1
    return tuple(lower[start : start + len(phrase)]) == phrase


def source_refs(
    lower: list[str],
    refs: list[Ref],
    entities: dict[str, Entity],
    ontology: Ontology,
    cues: Cues,
) -> set[int]:
    """Indices of refs to outlets that are the source of their sentence, not its addressee.

    "according to Reuters", "..., the Financial Times reported": what the sentence states is
    the outlet's claim. "told the Financial Times" makes the outlet an addressee, not a source.
    """
    return _outlet_refs(lower, refs, entities, ontology, cues, cues.source_before)


SOURCE_KINDS = frozenset({"name", "discovered", "ner", "surname"})
"""Ref kinds a source position makes a source: names, not pronouns or descriptions, which
mostly stand for a party ("it reported that it had sued")."""


def attributed_refs(
    lower: list[str],
    refs: list[Ref],
    entities: dict[str, Entity],
    ontology: Ontology,
    cues: Cues,
) -> set[int]:
    """Indices of refs that the construction around them makes the source of their
    sentence, whether or not they are known outlets.

    "according to Dealroom data", "a report by Semianalysis", "analysts at Jefferies",
    "PitchBook data showed", "..., ANSA reported.", "Dealroom reported that": what the
    sentence states is the source's claim. A reporting verb followed by its own object
    ("Nvidia reported record revenue") makes no source, nor does a name that reports on
    itself ("Nvidia reported that it had invested in ...").
    """
    before = _by_last_word(cues.source_before)
    after = _by_first_word(cues.source_after)
    verbs = _by_first_word(cues.source_verbs)
    found: set[int] = set()
    for index, ref in enumerate(refs):
        entity = entities.get(ref.entity)
        if (
            ref.kind not in SOURCE_KINDS
            or entity is None
            or not any(ontology.is_a(entity.type, c) for c in cues.source_classes)
        ):
            continue
        if _preceded_by(lower, ref.start, before, cues.determiners):
            found.add(index)
            continue
        j = _past_possessive(lower, ref.end)
        following = lower[j] if j < len(lower) else ""
        if any(_starts_with(lower, ref.end, phrase) for phrase in after.get(following, ())):
            found.add(index)
            continue
        for phrase in verbs.get(following, ()):
            if not _starts_with(lower, ref.end, phrase):
                continue
            k = j + len(phrase)
            if (k >= len(lower) or lower[k] in cues.source_followers) and not _speaks_of_itself(
                lower, k, cues.outlet_content_nouns
            ):
                found.add(index)
            break
    return found


def _outlet_refs(
    lower: list[str],
    refs: list[Ref],
    entities: dict[str, Entity],
    ontology: Ontology,
    cues: Cues,
    before_phrases: tuple[str, ...],
) -> set[int]:
    """Refs to outlets preceded by one of `before_phrases` or followed by a reporting verb."""
    before = _by_last_word(before_phrases)
    after = _by_first_word(cues.reporting_after)
    found: set[int] = set()
    for index, ref in enumerate(refs):
        entity = entities.get(ref.entity)
        if entity is None or not any(ontology.is_a(entity.type, c) for c in cues.reporter_classes):
            continue
        if _preceded_by(lower, ref.start, before, cues.determiners):
            found.add(index)
            continue
        j = _past_possessive(lower, ref.end)
        for phrase in after.get(lower[j] if j < len(lower) else "", ()):
            if _starts_with(lower, ref.end, phrase) and not _speaks_of_itself(
                lower, ref.end + len(phrase), cues.outlet_content_nouns
            ):
                found.add(index)
                break
    return found


def speaking_parties(
    lower: list[str],
    refs: list[Ref],
    entities: dict[str, Entity],
    ontology: Ontology,
    cues: Cues,
) -> set[int]:
    """Indices of refs to outlets that speak of themselves ("The Times says OpenAI used its
    articles"): parties to what they say, never mere reporters."""
    speech = _split((*cues.reporting_after, *cues.speech_verbs))
    found: set[int] = set()
    for index, ref in enumerate(refs):
        entity = entities.get(ref.entity)
        if entity is None or not any(ontology.is_a(entity.type, c) for c in cues.reporter_classes):
            continue
        for phrase in speech:
            if _starts_with(lower, ref.end, phrase) and _speaks_of_itself(
                lower, ref.end + len(phrase), cues.outlet_content_nouns
            ):
                found.add(index)
                break
    return found


def _past_possessive(lower: list[str], end: int) -> int:
    """Where the words after a name ending at `end` start, past a possessive "'s"."""
    return end + (end < len(lower) and lower[end] in ("'s", "’s"))


def _preceded_by(
    lower: list[str],
    start: int,
    before: dict[str, tuple[tuple[str, ...], ...]],
    determiners: frozenset[str],
) -> bool:
    """Whether one of the `before` phrases (by last word) ends right before the name at
    `start`, or before the determiners that open it ("according to **the** Times")."""
    while start > 0 and lower[start - 1] in determiners:
        start -= 1
    return start > 0 and any(
        _ends_with(lower, start, phrase) for phrase in before.get(lower[start - 1], ())
    )


@cache
def _by_last_word(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as word tuples, by their last word: only those can end where a name begins."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _split(phrases):
        index.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(group) for word, group in index.items()}


@cache
def _by_first_word(phrases: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases as word tuples, by their first word, longest first within each."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(_split(phrases), key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(group) for word, group in index.items()}


@cache
def _split(phrases: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples; the cue lists are few and asked for with every document."""
    return tuple(tuple(p.split()) for p in phrases)


SELF = frozenset({"it", "its", "we", "our"})


def _speaks_of_itself(lower: list[str], k: int, content: frozenset[str] = frozenset()) -> bool:
    """ "The Saltmarsh Herald said it had filed suit", "The Times says OpenAI used its articles
    without permission": an outlet speaking of itself or of its own journalism (cues
    outlet_content_nouns) is a party, not a reporter."""
    if k < len(lower) and lower[k] in ("'s", "’s"):
        k += 1
    if k < len(lower) and lower[k] == "that":
        k += 1
    if k < len(lower) and lower[k] in SELF:
        return True
    for j in range(k, min(len(lower), k + 15)):
        if lower[j] in (".", ";", "?", "!"):
            break
        if lower[j] in ("its", "our") and any(w in content for w in lower[j + 1 : j + 4]):
            return True
    return False
