"""Resolve references to entities named earlier: surnames, descriptors, pronouns, background.

* "Sacks" → the person whose full name ("David Sacks", or an alias "David Sachs") came earlier;
* "the company", "the chipmaker", "the newspaper" → the most recent entity that the noun fits,
  through the entity's own kg:descriptor nouns or those of its class and superclasses;
* "it"/"its", "he"/"his" → the most recent organisation or person in this or the last sentence;
* "the ChatGPT developer" → the product's kg:maker; "Sam Altman's company" → his kg:affiliation;
* "Nvidia's venture arm", "the venture arm of Nvidia" → the part whose kg:parentOrganization is
  Nvidia and whose own descriptor names a part ("venture arm"): NVentures.

Every resolved Ref carries a note ("the company → OpenAI (most recent company, sentence 3)")
that the relation evidence keeps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.entities import (
    Ref,
    filter_matches,
    lower_of,
    sentence_starts_of,
    span_text,
    words_of,
)
from kg.extract.patterns import PatternSet
from kg.extract.reporting import blocked_refs
from kg.namespaces import KG
from kg.ontology import Ontology
from kg.records import Entity

_PERSON = str(KG.Person)
_GOVERNMENT_BODY = str(KG.GovernmentBody)
_STARTUP, _START_UP = "startup", "start-up"
"""The two spellings of one descriptor: the lists say "startup", copy writes either ("the
search start-up"), so both are matched and resolved as "startup"."""

RECENT = 40
CLAUSE_PARTICIPLES = frozenset(
    {"concluding", "ending", "closing", "capping", "completing", "opening", "launching"}
)
"""Participles opening a clause whose understood subject is the sentence's (", concluding its
investigation into ...": its is the subject's)."""
COUNTING_VERBS = frozenset({"count", "counts", "counted", "counting", "list", "lists", "listed"})
"""Verbs whose subject owns the group after "among" ("X counts A and B among its investors":
its is X's)."""
HOLDER_PRONOUNS = frozenset({"his", "her", "their"})
HIRING_VERBS = frozenset(
    {
        *("hire", "hires", "hired", "hiring", "rehire", "rehires", "rehired", "rehiring"),
        *("poach", "poaches", "poached", "poaching", "recruit", "recruits", "recruited"),
        "recruiting",
    }
)
FOUNDER_NOUNS = frozenset({"founder", "founders", "cofounder", "cofounders"})
"""A company that hires "its founder" hires another company's: founding comes first, so the
pronoun is not the hirer ("Meta ... hired its founder, Alexandr Wang": Scale AI's). Matched
after a hyphenated "co-" too."""
OFFICE_NOUNS = frozenset({"office", "offices"})
"""How many distinct recent entities a descriptor may reach back over."""


class CorefResolver:
    """Adds Refs for expressions that point back to an entity."""

    def __init__(self, nlp: Language, ontology: Ontology, patterns: PatternSet) -> None:
        self.ontology = ontology
        self.cues = patterns.cues
        self.agent_nouns = frozenset(patterns.relations["develops"].agent_nouns)
        self.nouns: dict[str, set[str]] = defaultdict(set)
        """Descriptor noun → entity and class IRIs it can refer to."""
        for iri, nouns in ontology.descriptors.items():
            for noun in nouns:
                self.nouns[noun.lower()].add(iri)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        spellings = {n.replace(_STARTUP, _START_UP) for n in self.nouns} | set(self.nouns)
        self.matcher.add("descriptor", [nlp.make_doc(n) for n in sorted(spellings)])
        self.known_surnames = _known_surnames(ontology, patterns)
        self.office_titles = patterns.names.office_titles
        self.parts = _part_phrases(ontology, patterns.cues.part_nouns)
        """Surname → curated person, for surnames no other curated name or given name shares."""

    def __call__(self, doc: Doc) -> Doc:
        refs: list[Ref] = list(doc._.kg_refs)
        entities: dict[str, Entity] = doc._.kg_entities
        words, lower = words_of(doc), lower_of(doc)
        covered = bytearray(len(doc))
        for ref in refs:
            covered[ref.start : ref.end] = b"\1" * (ref.end - ref.start)
        sentence_starts = sentence_starts_of(doc)
        offices = self._holders_offices(lower, refs, entities, covered, sentence_starts)
        refs = sorted(refs + offices, key=lambda r: r.start)
        blocked = {
            refs[i].start for i in blocked_refs(lower, refs, entities, self.ontology, self.cues)
        }
        background = self._background(doc, lower, refs, entities, covered)
        possible = {
            name.split()[-1]
            for e in entities.values()
            if e.type == _PERSON
            for name in (e.label, *e.aliases)
            if len(name.split()) >= 2
        }
        candidates = self._candidates(
            doc, words, lower, covered, possible | set(self.known_surnames)
        )
        events = sorted(
            [(r.start, 0, r) for r in refs + background]
            + [(start, 1, (start, end, kind)) for start, end, kind in candidates],
            key=lambda e: (e[0], e[1]),
        )
        surnames: dict[str, str] = {}
        starts = {r.start: r for r in refs}
        recent: list[tuple[str, int]] = []  # (entity, sentence) most recent first
        order: list[tuple[int, int, str, int]] = []  # (start, end, entity, sentence) in text order
        added: list[Ref] = []
        from_background = {id(r) for r in background}
        for start, is_candidate, item in events:
            sentence = bisect_right(sentence_starts, start)
            if not is_candidate:
                ref = item
                if ref.start not in blocked:
                    if recent and recent[0][0] == ref.entity:  # entities in recent are unique
                        recent = [(ref.entity, sentence), *recent[1:]]
                    else:
                        recent = [(ref.entity, sentence)] + [
                            r for r in recent if r[0] != ref.entity
                        ]
                    del recent[RECENT:]
                    order.append((ref.start, ref.end, ref.entity, sentence))
                if id(ref) in from_background:
                    added.append(ref)
                entity = entities[ref.entity]
                if entity.type == _PERSON:
                    for name in (entity.label, *entity.aliases):
                        parts = name.split()
                        if len(parts) >= 2:
                            surnames.setdefault(parts[-1], ref.entity)
                continue
            s, e, kind = item
            skip: set[str] | None = None
            if kind == "pronoun":
                skip = self._clause_mate(lower, refs, s)
                hirer = _hirer(lower, order, s, sentence, sentence_starts, self.cues.prepositions)
                if hirer is not None:
                    skip = (skip or set()) | {hirer}
            elif kind == "descriptor":
                if _apposition_of_unknown(lower, covered, s, e):
                    continue  # "OpenAI bought io, the device startup founded by X"
                before = self._subject_before(lower, order, s, sentence)
                skip = {before} if before else None
            near = [r for r in recent if r[0] not in skip] if skip else recent
            if (
                kind != "surname"
                and sentence > 1
                and (s == sentence_starts[sentence - 1] or _opens_sentence(order, s, sentence))
            ):  # "In its complaint, the company said ...": the last sentence's subject first
                near = _subject_first(
                    order, sentence - 1, near, lower, self.cues.possessive_markers
                )
            elif kind == "pronoun":
                near = self._heads_first(order, near, lower, sentence)
                head = self._relative_subject(lower, covered, order, s, sentence)
                if head is None:  # "X stopped short of accusing Y, saying it was ...": X
                    head = self._participle_subject(lower, order, s, sentence)
                if head is None:  # "X counts A and B among its investors": X
                    head = _counting_subject(lower, order, s, sentence)
                maker = self._maker_of_next(lower, starts, s)
                if maker is not None and any(r[0] == maker for r in near):
                    head = maker  # "Apple signed a deal with Google to put its Gemini model"
                if head is not None:  # "Zhipu AI, which counts X among its backers": Zhipu
                    near = [r for r in near if r[0] == head] + [r for r in near if r[0] != head]
            ref = self._resolve(doc, s, e, kind, sentence, near, surnames, entities)
            if ref is not None:
                added.append(ref)
                recent = [(ref.entity, sentence)] + [r for r in recent if r[0] != ref.entity]
                order.append((ref.start, ref.end, ref.entity, sentence))
        doc._.kg_refs = sorted(refs + added, key=lambda r: (r.start, -r.end))
        return doc

    def _holders_offices(
        self,
        lower: list[str],
        refs: list[Ref],
        entities: dict[str, Entity],
        covered: bytearray,
        sentence_starts: list[int],
    ) -> list[Ref]:
        """ "Florida Attorney General James Uthmeier said **his office** was ...": the office
        named last, in this sentence or the one before, when its holder was named with it."""
        found: list[Ref] = []
        for k in range(len(lower) - 1):
            if lower[k] not in HOLDER_PRONOUNS or lower[k + 1] not in OFFICE_NOUNS or covered[k]:
                continue
            sentence = bisect_right(sentence_starts, k)
            earliest = sentence_starts[max(0, sentence - 2)]
            office = next(
                (
                    r
                    for r in reversed(refs)
                    if earliest <= r.start < k and self._is_office(entities[r.entity])
                ),
                None,
            )
            if office is None or not any(
                entities[r.entity].type == _PERSON and office.end <= r.start < k for r in refs
            ):
                continue
            label = entities[office.entity].label
            note = f"{lower[k]} {lower[k + 1]} → {label} (the office its holder named before)"
            found.append(Ref(k, k + 2, office.entity, "pronoun", note))
            covered[k : k + 2] = b"\1\1"
        return found

    def _is_office(self, entity: Entity) -> bool:
        """A government body held by one person: an attorney general's office and the like."""
        if entity.type != _GOVERNMENT_BODY:
            return False
        if "office" in {n.lower() for n in self.ontology.descriptors.get(entity.iri, ())}:
            return True
        return any(entity.label.endswith(" ".join(t)) for t in self.office_titles)

    def _background(
        self,
        doc: Doc,
        lower: list[str],
        refs: list[Ref],
        entities: dict[str, Entity],
        covered: bytearray,
    ) -> list[Ref]:
        """ "the ChatGPT developer" via kg:maker, "Sam Altman's company" via kg:affiliation,
        "Nvidia's venture arm" via kg:parentOrganization."""
        found = []
        words = words_of(doc)
        n = len(words)
        for ref in refs:
            end = ref.end
            if ref.entity in self.parts and (part := self._part(doc, lower, ref, covered)):
                found.append(part)
                entities.setdefault(part.entity, self.ontology.entities[part.entity])
                continue
            maker = self.ontology.makers.get(ref.entity)
            if (
                maker
                and end < n
                and lower[end] in self.agent_nouns
                and not (end + 1 < n and covered[end + 1])
            ):
                start = ref.start - 1 if ref.start and lower[ref.start - 1] == "the" else ref.start
                text = span_text(doc, start, end + 1)
                note = (
                    f"{text} → {self.ontology.entities[maker].label} (maker of {words[ref.start]})"
                )
                found.append(Ref(start, end + 1, maker, "maker", note))
                entities.setdefault(maker, self.ontology.entities[maker])
                continue
            company = self.ontology.affiliations.get(ref.entity)
            if company and end + 1 < n and lower[end] in self.cues.possessive_markers:
                noun = lower[end + 1]
                if self._fits(noun, self.ontology.entities[company]):
                    text = span_text(doc, ref.start, end + 2)
                    label = self.ontology.entities[company].label
                    note = f"{text} → {label} (organisation of {entities[ref.entity].label})"
                    found.append(Ref(ref.start, end + 2, company, "affiliation", note))
                    entities.setdefault(company, self.ontology.entities[company])
        return found

    def _part(self, doc: Doc, lower: list[str], owner: Ref, covered: bytearray) -> Ref | None:
        """The known part an owner's possessive or "of" names: "Nvidia's venture arm", "the
        venture arm of Nvidia" → NVentures. None when the part's own name follows in
        apposition ("Nvidia's venture arm NVentures"): that name stands for it."""
        n = len(lower)
        for phrase, part in self.parts[owner.entity]:
            size = len(phrase)
            start, end = owner.start, owner.end
            if end < n and lower[end] in self.cues.possessive_markers:
                if tuple(lower[end + 1 : end + 1 + size]) != phrase:
                    continue
                end += 1 + size
                if end < n and covered[end]:
                    return None
            elif start > size and lower[start - 1] == "of":
                if tuple(lower[start - 1 - size : start - 1]) != phrase:
                    continue
                start -= 1 + size
                if start and lower[start - 1] in self.cues.definite_determiners:
                    start -= 1
            else:
                continue
            text = span_text(doc, start, end)
            label = self.ontology.entities[part].label
            note = f"{text} → {label} (part of {self.ontology.entities[owner.entity].label})"
            return Ref(start, end, part, "part", note)
        return None

    def _candidates(
        self,
        doc: Doc,
        words: list[str],
        lower: list[str],
        covered: bytearray,
        surnames: set[str],
    ) -> list[tuple[int, int, str]]:
        """Spans that may refer back: definite descriptors, pronouns and capitalised words."""
        cues = self.cues
        found: list[tuple[int, int, str]] = []
        for _, s, e in filter_matches(self.matcher(doc)):
            if any(covered[s:e]) or (e < len(doc) and (covered[e] or words[e][:1].isupper())):
                continue
            det = s - 1
            while (
                det >= 0
                and s - det <= 5
                and not covered[det]
                and (lower[det] == "-" or lower[det].replace(".", "").isalpha())
                and (lower[det] not in cues.determiners and lower[det] not in cues.prepositions)
            ):
                det -= 1
            if det >= 0 and lower[det] in cues.definite_determiners and not covered[det]:
                found.append((det, e, "descriptor"))
            elif det >= 1 and covered[det] and det + 2 < s and lower[det + 1] == "-":
                name = det  # "the Musk-founded start-up": from the participle on
                while name > 0 and covered[name - 1]:
                    name -= 1
                if name >= 1 and lower[name - 1] in cues.definite_determiners:
                    found.append((det + 2, e, "descriptor"))
        for i, word in enumerate(lower):
            if covered[i]:
                continue
            if word in cues.pronouns:
                found.append((i, i + 1, "pronoun"))
            elif words[i] in surnames:
                found.append((i, i + 1, "surname"))
        return found

    def _resolve(
        self,
        doc: Doc,
        start: int,
        end: int,
        kind: str,
        sentence: int,
        recent: list[tuple[str, int]],
        surnames: dict[str, str],
        entities: dict[str, Entity],
    ) -> Ref | None:
        words = words_of(doc)
        text = span_text(doc, start, end)
        if kind == "surname":
            iri = surnames.get(words[start])
            how = "surname of a person named earlier"
            if iri is None:
                iri = self.known_surnames.get(words[start])
                if iri is None:
                    return None
                entities.setdefault(iri, self.ontology.entities[iri])
                how = "surname of a known person"
            note = f"{text} → {entities[iri].label} ({how})"
            return Ref(start, end, iri, kind, note)
        if kind == "pronoun":
            cls = self.cues.pronouns[words[start].lower()]
            for iri, where in recent:
                if sentence - where > 1:
                    break
                if self.ontology.is_a(entities[iri].type, cls):
                    note = (
                        f"{text} → {entities[iri].label} (most recent "
                        f"{_class_name(cls)}, sentence {where})"
                    )
                    return Ref(start, end, iri, kind, note)
            return None
        noun = span_text(doc, start + 1, end).lower()  # as written: "the search start-up"
        noun = noun.replace(_START_UP, _STARTUP)  # one spelling for the descriptor lists
        head = noun.split()[-1]
        for iri, where in recent:
            if sentence - where > 1:
                break
            own = {d.lower() for d in self.ontology.descriptors.get(iri, ())}
            if noun in own or head in own:
                note = f"{text} → {entities[iri].label} (most recent {head}, sentence {where})"
                return Ref(start, end, iri, kind, note)
        for iri, where in recent:
            entity = entities[iri]
            if self._fits(noun, entity) or self._fits(head, entity):
                note = f"{text} → {entity.label} (most recent {head}, sentence {where})"
                return Ref(start, end, iri, kind, note)
        return None

    def _clause_mate(self, lower: list[str], refs: list[Ref], i: int) -> set[str] | None:
        """The entity a pronoun at i cannot be: the antecedent of its own relative clause.

        "AMD, which accuses it": it is not AMD. "Microsoft, which it accuses": it is not
        Microsoft. "OpenAI, which said it would": a speech verb makes it a subject again.
        """
        cues = self.cues
        named = _named_object(lower, refs, i, cues.naming_verbs)
        if named is not None:  # "X named Y its partner": its is not Y
            return {named}
        if i >= 2 and lower[i - 1] == ",":  # "Microsoft, its biggest backer": its is not Microsoft
            for ref in refs:
                if ref.end == i - 1:
                    return {ref.entity}
        possessor = self._possessor_of_noun(lower, refs, i)
        if possessor is not None:  # "the Times's lawsuit against it": it is not the Times
            return {possessor}
        if lower[i] not in cues.object_pronouns and not (
            i >= 1 and lower[i - 1] in cues.relative_pronouns
        ):
            return None
        rel = i - 1 if i >= 1 and lower[i - 1] in cues.relative_pronouns else i - 2
        if rel < 1 or lower[rel] not in cues.relative_pronouns or lower[rel - 1] != ",":
            return None
        if rel == i - 2 and lower[i - 1] in cues.speech_verbs:
            return None
        mates: set[str] = set()
        end = rel - 1
        for ref in sorted(refs, key=lambda r: -r.end):  # "OpenAI and Microsoft, which it ..."
            if ref.end == end:
                mates.add(ref.entity)
                end = ref.start - 1
                if end < 0 or (lower[end] != "," and lower[end] not in self.cues.conjunctions):
                    break
        return mates or None

    def _possessor_of_noun(self, lower: list[str], refs: list[Ref], i: int) -> str | None:
        """The owner of a noun whose prepositional object is the pronoun at i ("X's lawsuit
        against it", "X's stake in it"): a noun's possessor is never its own complement."""
        cues = self.cues
        if lower[i] not in cues.object_pronouns or i < 4 or lower[i - 1] not in cues.prepositions:
            return None
        for k in range(i - 2, max(i - 8, 0), -1):
            word = lower[k]
            if word in cues.possessive_markers:
                return next((r.entity for r in refs if r.end == k), None)
            plain = word.replace(".", "").isalnum() or word in ("$", "€", "£", "%", "-")
            if not plain or word in cues.clause_breaks or word in cues.prepositions:
                return None
        return None

    def _relative_subject(
        self,
        lower: list[str],
        covered: bytearray,
        order: list[tuple[int, int, str, int]],
        i: int,
        sentence: int,
    ) -> str | None:
        """The name a ", which/who" clause holding i is about, when the relative pronoun is
        its subject ("X, which counts A among its backers"), not its object ("X, which A
        backs")."""
        cues = self.cues
        k = i - 1
        while k > 0 and i - k < 12:
            word = lower[k]
            if word in cues.clause_breaks or word in (".", "!", "?"):
                return None
            if word == "that" and lower[k - 1] != ",":
                return None  # "X, which claims that Y trains its models": the clause is Y's
            if word in cues.relative_pronouns and lower[k - 1] == ",":
                if (
                    k + 1 >= i
                    or covered[k + 1]
                    or lower[k + 1] in cues.determiners
                    or lower[k + 1] in cues.pronouns
                ):
                    return None
                for _start, end, entity, where in reversed(order):
                    if where == sentence and end == k - 1:
                        return entity
                return None
            if word == ",":
                return None
            k -= 1
        return None

    def _maker_of_next(self, lower: list[str], starts: dict[int, Ref], i: int) -> str | None:
        """The known maker of a product named right after a possessive pronoun ("its Gemini
        model": Google, "its Blackwell chips": Nvidia), from kg:maker."""
        if lower[i] not in self.cues.possessive_pronouns:
            return None
        for k in (i + 1, i + 2):
            ref = starts.get(k)
            if ref is not None:
                return self.ontology.makers.get(ref.entity)
        return None

    def _participle_subject(
        self, lower: list[str], order: list[tuple[int, int, str, int]], i: int, sentence: int
    ) -> str | None:
        """The subject of the sentence, for a pronoun opening a participle clause ("X ...,
        saying (only) (that) it ..."): the participle's understood subject is X's."""
        k = i - 1
        while k > 0 and lower[k] in ("that", "only", "also"):
            k -= 1
        if not (
            k > 0
            and (lower[k] in self.cues.allegation_participles or lower[k] in CLAUSE_PARTICIPLES)
            and lower[k - 1] == ","
        ):
            return None
        boundary = -1
        for j in range(k - 1, 0, -1):
            if (
                lower[j] in (".", "!", "?")
                or lower[j] in self.cues.clause_breaks
                or (lower[j] == "and" and lower[j - 1] == ",")
            ):
                boundary = j  # "X has not said, and Y has stopped short of ...": Y's clause
                break
        first = None
        for start, end, entity, where in reversed(order):
            if where != sentence or start <= boundary:
                break
            if start < k and not (end < len(lower) and lower[end] in self.cues.possessive_markers):
                first = (start, entity)
        return first[1] if first is not None else None

    def _heads_first(
        self,
        order: list[tuple[int, int, str, int]],
        recent: list[tuple[str, int]],
        lower: list[str],
        sentence: int,
    ) -> list[tuple[str, int]]:
        """A pronoun prefers a name of its sentence that heads a noun phrase over one that only
        modifies one: "Anthropic cut off OpenAI's access to its models" (its: Anthropic), "X
        could face an EU probe over its ..." (its: X), "Baidu partnered with Uber to deploy its
        robotaxis" (its: Baidu). A possessor ("OpenAI's access"), a name between a determiner
        and a noun ("an EU probe") or a preposition's object is not a head."""
        cues = self.cues
        last: dict[str, tuple[int, int]] = {}
        for start, end, entity, where in reversed(order):
            if where != sentence:
                break
            last.setdefault(entity, (start, end))
        modifiers = set()
        for entity, (start, end) in last.items():
            after = lower[end] if end < len(lower) else ""
            before = lower[start - 1] if start > 0 else ""
            if (
                after in cues.possessive_markers or (before in cues.prepositions and before != "by")
            ) or (
                before in cues.determiners
                and before != "that"
                and lower[start] not in cues.determiners
                and after.isalpha()
                and after.islower()
                and after not in cues.prepositions
                and after not in cues.conjunctions
                and after not in cues.relative_pronouns
            ):
                modifiers.add(entity)
        if not modifiers or len(modifiers) == len(last):
            return recent
        heads = [r for r in recent if r[0] in last and r[0] not in modifiers]
        return heads + [r for r in recent if r not in heads]

    def _subject_before(
        self, lower: list[str], order: list[tuple[int, int, str, int]], i: int, sentence: int
    ) -> str | None:
        """The name a descriptor at i cannot be: the nearest one before it in its clause.

        "Reddit accused the AI startup": the startup is not Reddit. A possessive name
        ("OpenAI's chief said the company ...") or a comma between leaves it possible, and so
        does a participle clause of its own ("X fined Apple after finding that the company
        had ...").
        """
        cues = self.cues
        for start, end, entity, where in reversed(order):
            if where != sentence or end > i:
                continue
            between = lower[end:i]
            if (
                start >= 2
                and lower[start - 1] in ("from", "by")
                and lower[start - 2] in cues.document_nouns
                and between
                and between[0] in cues.allegation_participles
            ):
                return entity  # "a letter from X accusing the company": the writer, not it
            if self._document_participle(between):  # "X sent Y a letter accusing the company"
                return next((e for _, _, e, w in order if w == sentence), None)
            if (
                "," in between
                or self._participle_clause(between)
                or (between and between[0] in self.cues.possessive_markers)
            ):
                return None
            if start > 0 and lower[start - 1] in self.cues.prepositions:
                continue  # "X took a stake in Y and ... with the company": Y is no subject
            return entity
        return None

    def _participle_clause(self, words: list[str]) -> bool:
        """Whether the words hold a subordinated participle clause ("after concluding")."""
        return any(
            word in self.cues.participle_subordinators and words[k + 1].endswith("ing")
            for k, word in enumerate(words[:-1])
        )

    def _document_participle(self, words: list[str]) -> bool:
        """Whether the words open a participle on a document, which acts for its writer ("sent
        Y a letter accusing"): a name before it is then no subject of the descriptor's."""
        cues = self.cues
        document = next((k for k, w in enumerate(words) if w in cues.document_nouns), None)
        return document is not None and any(
            w in cues.allegation_participles for w in words[document + 1 :]
        )

    def _fits(self, noun: str, entity: Entity) -> bool:
        targets = self.nouns.get(noun)
        if not targets:
            for phrase, iris in self.nouns.items():
                if noun.endswith(" " + phrase):
                    targets = iris
                    break
            else:
                return False
        if entity.iri in targets:
            return True
        return any(cls in targets for cls in self.ontology.superclasses.get(entity.type, ()))


def _hirer(
    lower: list[str],
    order: list[tuple[int, int, str, int]],
    i: int,
    sentence: int,
    sentence_starts: list[int],
    prepositions: frozenset[str],
) -> str | None:
    """The subject of a hiring verb right before "its founder(s)" at i, which "its" is not."""
    if i < 1 or lower[i] not in ("its", "their") or lower[i - 1] not in HIRING_VERBS:
        return None
    k = i + 3 if tuple(lower[i + 1 : i + 3]) == ("co", "-") else i + 1
    if k >= len(lower) or lower[k] not in FOUNDER_NOUNS:
        return None
    first = sentence
    while first > 1 and any(
        where == first - 1 and start < begin < end
        for start, end, _, where in order
        for begin in (sentence_starts[first - 1],)
    ):
        first -= 1  # a full stop inside a name ("Character.AI's") ends no sentence
    for start, _, entity, where in order:
        if (
            first <= where <= sentence
            and start < i
            and not (start and lower[start - 1] in prepositions)
        ):
            return entity  # the clause's first name that no preposition governs
    return None


def _named_object(
    lower: list[str], refs: list[Ref], i: int, naming_verbs: frozenset[str]
) -> str | None:
    """The object of a naming verb right before a pronoun at i ("named Y its partner", "chose
    Y as its partner"), whom the pronoun cannot mean."""
    k = i - 1 if i >= 1 and lower[i - 1] == "as" else i
    for ref in refs:
        if ref.end == k and ref.start >= 1 and lower[ref.start - 1] in naming_verbs:
            return ref.entity
    return None


def _counting_subject(
    lower: list[str], order: list[tuple[int, int, str, int]], i: int, sentence: int
) -> str | None:
    """The subject of a counting verb, for a pronoun right after "among" in its clause ("X
    (now) counts A and B among its investors"): the group is the subject's, not A's or B's."""
    if i < 3 or lower[i - 1] != "among":
        return None
    k = i - 2
    while k > 0 and i - k < 12 and lower[k] not in COUNTING_VERBS:
        if lower[k] in (".", "!", "?", ";"):
            return None
        k -= 1
    if lower[k] not in COUNTING_VERBS:
        return None
    if lower[k - 1].isalpha() and lower[k - 1].endswith("ly"):
        k -= 1  # "X reportedly counts ..."
    elif lower[k - 1] in ("now", "also", "still"):
        k -= 1
    for _start, end, entity, where in reversed(order):
        if where == sentence and end == k:
            return entity
    return None


def _part_phrases(
    ontology: Ontology, part_nouns: frozenset[str]
) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Owner IRI → (descriptor words, part IRI), longest first, for each part's own descriptors
    that end in a part noun ("venture arm"; not "investor": "Nvidia's investor" is another)."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for part, owner in ontology.parents.items():
        for noun in ontology.descriptors.get(part, ()):
            phrase = tuple(noun.lower().split())
            if phrase[-1] in part_nouns:
                found[owner].append((phrase, part))
    return {owner: sorted(p, key=lambda x: -len(x[0])) for owner, p in found.items()}


def _class_name(cls: str) -> str:
    return cls.rsplit("#", 1)[-1].lower()


def _known_surnames(ontology: Ontology, patterns: PatternSet) -> dict[str, str]:
    """Surnames of curated people that name no one else: "Musk", "Nadella", "Zuckerberg"."""
    names = {n for e in ontology.entities.values() for n in (e.label, *e.aliases)}
    count: dict[str, set[str]] = defaultdict(set)
    for iri, entity in ontology.entities.items():
        if entity.type != _PERSON:
            continue
        for name in (entity.label, *entity.aliases):
            parts = name.split()
            if len(parts) >= 2:
                count[parts[-1]].add(iri)
    return {
        surname: next(iter(iris))
        for surname, iris in count.items()
        if len(iris) == 1
        and len(surname) >= 3
        and surname.isalpha()
        and surname[0].isupper()
        and surname not in patterns.names.given_names
        and surname not in names
    }


def _subject_first(
    order: list[tuple[int, int, str, int]],
    previous: int,
    recent: list[tuple[str, int]],
    lower: list[str],
    possessive: frozenset[str],
) -> list[tuple[str, int]]:
    """Candidates for a sentence-initial reference: the last sentence's names in text order
    (its subject first), then the rest by recency. "The EU fined Apple. It is now ...": the EU.
    A possessive name ("Nvidia's biggest customer is Microsoft") is a modifier, not a subject.
    """
    first = []
    for _, end, entity, where in order:
        if end < len(lower) and lower[end] in possessive:
            continue
        if where == previous and all(entity != f[0] for f in first):
            first.append((entity, where))
    allowed = {entity for entity, _ in recent}
    first = [f for f in first if f[0] in allowed]
    return first + [r for r in recent if all(r[0] != f[0] for f in first)]


def _apposition_of_unknown(lower: list[str], covered: bytearray, start: int, end: int) -> bool:
    """Whether a descriptor is an apposition to a word that is no known name: "io, the device
    startup founded by X" (followed by a participle and "by", or closed by a comma)."""
    if start < 2 or lower[start - 1] != "," or covered[start - 2] or not lower[start - 2].isalnum():
        return False
    after = lower[end : end + 2]
    return after[:1] == [","] or (len(after) == 2 and after[0].endswith("ed") and after[1] == "by")


def _opens_sentence(order: list[tuple[int, int, str, int]], i: int, sentence: int) -> bool:
    """Whether no name of i's sentence comes before i (order is in text order)."""
    for start, _end, _entity, where in reversed(order):
        if where != sentence:
            return True
        if start < i:
            return False
    return True
