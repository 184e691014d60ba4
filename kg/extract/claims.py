"""Direct quotes and their speakers.

A quote is attributed to the name next to a speech verb after it («...», Sacks told reporters;
"...," said Priya Raman) or before it (an OpenAI spokesperson told Inc. that "..."). A quote
with no speaker of its own that follows an attributed one continues it. Inside a quote, "we",
"our" and "us" refer to the speaker's organisation (the speaker itself, or the organisation the
speaker is known for), recorded as a Ref with its resolution.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from kg.extract.entities import Ref, lower_of, words_of
from kg.extract.patterns import PatternSet
from kg.namespaces import KG
from kg.ontology import Ontology

ATTRIBUTION_WINDOW = 6
"""How many tokens beside a quote may hold its speaker and speech verb."""
CONTINUATION_GAP = 12
"""An unattributed quote this close after an attributed one continues it."""
SCARE_WORDS = 3
"""Quoted runs this short inside a sentence, after a word, are scare quotes, not speech."""


@dataclass(frozen=True, slots=True)
class Quote:
    """Tokens [start, end) inside quotation marks, and who said them."""

    start: int
    end: int
    speaker: Ref | None


class QuoteFinder:
    """Finds quotes, attributes them, and resolves first-person plurals inside them."""

    def __init__(self, ontology: Ontology, patterns: PatternSet) -> None:
        self.ontology = ontology
        self.cues = patterns.cues
        self.speech = frozenset(w for w in patterns.cues.speech_verbs if " " not in w)

    def __call__(self, doc: Doc) -> Doc:
        words, lower = words_of(doc), lower_of(doc)
        refs: list[Ref] = doc._.kg_refs
        owner: dict[int, Ref] = {}
        for ref in sorted(refs, key=lambda r: r.end - r.start):
            for i in range(ref.start, ref.end):
                owner[i] = ref
        quotes: list[Quote] = []
        previous: Quote | None = None
        for start, end in self._spans(words, doc):
            if self._scare(words, lower, start, end):
                continue
            speaker = self._after(lower, owner, end) or self._before(lower, owner, start)
            if (
                speaker is None
                and previous
                and previous.speaker
                and start - previous.end <= (CONTINUATION_GAP)
            ):
                speaker = previous.speaker
            previous = Quote(start, end, speaker)
            quotes.append(previous)
        added = []
        entities = doc._.kg_entities
        for quote in quotes:
            if quote.speaker is None:
                continue
            org = self._organisation(quote.speaker.entity, entities)
            if org is None:
                continue
            for i in range(quote.start, quote.end):
                if lower[i] in self.cues.speaker_pronouns and i not in owner:
                    label = (
                        self.ontology.entities[org].label
                        if org in self.ontology.entities
                        else entities[org].label
                    )
                    note = f"{words[i]} → {label} (speaker of the quote)"
                    added.append(Ref(i, i + 1, org, "speaker", note))
                    entities.setdefault(org, self.ontology.entities.get(org) or entities[org])
        doc._.kg_quotes = quotes
        if added:
            doc._.kg_refs = sorted(refs + added, key=lambda r: (r.start, -r.end))
        return doc

    def _spans(self, words: list[str], doc: Doc) -> list[tuple[int, int]]:
        """Quoted token ranges. A single quote opens only after a space or at the start and
        closes only before a space or punctuation, so "Americans' data" is not a quote."""
        spans, open_at = [], None
        single = self.cues.single_quotes
        n = len(words)
        for i, word in enumerate(words):
            if word in single:
                if (
                    open_at is None
                    and (i == 0 or doc[i - 1].whitespace_)
                    and i + 1 < n
                    and (not doc[i].whitespace_)
                ):
                    open_at = i + 1
                elif (
                    open_at is not None
                    and i > open_at
                    and not doc[i - 1].whitespace_
                    and (i + 1 >= n or doc[i].whitespace_ or not words[i + 1].isalnum())
                ):
                    spans.append((open_at, i))
                    open_at = None
            elif open_at is None and word in self.cues.quote_open:
                open_at = i + 1
            elif open_at is not None and word in self.cues.quote_close:
                spans.append((open_at, i))
                open_at = None
        if open_at is not None:
            spans.append((open_at, len(words)))
        return spans

    def _scare(self, words: list[str], lower: list[str], start: int, end: int) -> bool:
        """Quotation marks around a few words inside a sentence ("had “betrayed” its
        mission", "called it “baseless harassment.”") mark a phrase, not a statement."""
        return (
            end - start <= SCARE_WORDS
            and start >= 2
            and words[start - 2][:1].isalpha()
            and lower[start - 2] not in self.speech
            and not any(w in self.cues.quote_open or w in self.speech for w in lower[start:end])
        )

    def _after(self, lower: list[str], owner: dict[int, Ref], end: int) -> Ref | None:
        """«...», Sacks told reporters / "...," said Altman."""
        i, limit = end + 1, min(len(lower), end + 1 + ATTRIBUTION_WINDOW)
        while i < limit and lower[i] in (",", "—", "–", "-", "»", "”"):
            i += 1
        if i < limit and lower[i] in self.speech:
            j = i + 1
            while j < limit and lower[j] in self.cues.determiners:
                j += 1
            return owner.get(j)
        j = i
        while j < limit and j in owner:
            j += 1
        if j > i and j < limit and lower[j] in self.speech:
            return owner.get(j - 1)
        return None

    def _before(self, lower: list[str], owner: dict[int, Ref], start: int) -> Ref | None:
        """Sacks said: "..." / a spokesperson told Inc. that "..."."""
        i = start - 2
        limit = max(0, start - 1 - ATTRIBUTION_WINDOW)
        while i >= limit and lower[i] not in self.speech:
            if lower[i] in (".", "!", "?"):
                return None
            i -= 1
        if i < limit:
            return None
        j = i - 1
        while j >= max(0, i - ATTRIBUTION_WINDOW):
            if j in owner:
                return owner[j]
            j -= 1
        return None

    def _organisation(self, iri: str, entities: dict) -> str | None:
        entity = entities.get(iri)
        if entity is None:
            return None
        if self.ontology.is_a(entity.type, KG.Organization):
            return iri
        return self.ontology.affiliations.get(iri)
