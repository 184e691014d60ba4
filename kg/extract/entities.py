"""Find names in a document: curated entities, names the ontology lacks, and NER entities.

Curated labels and aliases are matched case-sensitively with one PhraseMatcher; the longest
match wins, so "The New York Post" never yields "The New York". A short form of a name used
earlier ("the Times" after "The New York Times") goes to the earlier entity. Capitalised names
with an organisation or newspaper suffix ("Corvid Labs", "The Harbor Gazette") and two- or
three-word personal names become discovered entities, as do ORG/PERSON/PRODUCT entities of a
trained pipeline's NER when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from spacy.attrs import IDX, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.patterns import PatternSet
from kg.iri import mint
from kg.namespaces import ENTITY, KG
from kg.ontology import Ontology
from kg.records import Entity

_NEWS_ORGANIZATION = str(KG.NewsOrganization)
_GOVERNMENT_BODY = str(KG.GovernmentBody)
_COMPANY = str(KG.Company)
_PERSON = str(KG.Person)
_PRODUCT = str(KG.Product)
_ORGANIZATION = str(KG.Organization)

LED_BY = frozenset({"fronted"})
"""Participles besides the passives of `leads` before "by" whose agent, a two- or three-word
name, is a person ("a campaign fronted by X")."""
SLOT_RELATIONS = ("sues", "accuses", "partnersWith", "investsIn", "investigates")
"""Relations whose verbs and nouns type an unknown name next to them as a company."""
SENTENCE_OPENERS = frozenset({".", "!", "?", "\u2014", ":", ";", '"', "\u201c"})
"""Tokens after which a word opens a clause or sentence."""
SLOT_PREPOSITIONS = frozenset({"with", "against", "in", "into"})
"""Prepositions after which an unknown name in a relation's slot is an organisation."""

NER_CLASSES: dict[str, str] = {
    "ORG": str(KG.Organization),
    "PERSON": _PERSON,
    "PRODUCT": str(KG.Product),
}
"""NER label → class of the discovered entity."""


@dataclass(frozen=True, slots=True)
class Ref:
    """A token span that refers to an entity, by name or by a resolved expression."""

    start: int
    end: int
    entity: str
    kind: str
    """name, discovered, ner, surname, descriptor, pronoun, maker, affiliation, speaker."""
    resolution: str | None = None


def words_of(doc: Doc) -> list[str]:
    """The token texts of a document, computed once and kept on the Doc.

    Read from the ORTH array: iterating a Doc builds a Token object per word, which costs more.
    """
    words = doc.user_data.get(_WORDS)
    if words is None:
        strings = doc.vocab.strings
        words = [strings[orth] for orth in doc.to_array(ORTH).tolist()]
        doc._.kg_words = words
    return words


_WORDS = ("._.", "kg_words", None, None)
_LOWER = ("._.", "kg_lower", None, None)
"""Where spaCy keeps doc._.kg_words and doc._.kg_lower: read there directly, since going
through `doc._` builds an Underscore object per call and words_of is asked for very often."""
_SPACES = "kg_spaces"
_TEXT = "kg_text"
_OFFSETS = "kg_offsets"
_SENTENCE_STARTS = "kg_sentence_starts"
"""Keys in Doc.user_data of per-document arrays the components share; each is built once."""


def forget_arrays(doc: Doc) -> None:
    """Drop the per-document arrays kept so far, for a component that changes the tokens."""
    for key in (_WORDS, _LOWER, _SPACES, _TEXT, _OFFSETS, _SENTENCE_STARTS):
        doc.user_data.pop(key, None)


def spaces_of(doc: Doc) -> list[int]:
    """Whether a space follows each token (1) or not (0)."""
    spaces = doc.user_data.get(_SPACES)
    if spaces is None:
        spaces = doc.user_data[_SPACES] = doc.to_array(SPACY).tolist()
    return spaces


def text_of(doc: Doc) -> str:
    """The document's text, as Doc.text gives it, joined once from the words and spaces."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = "".join(
            [w + " " if s else w for w, s in zip(words_of(doc), spaces_of(doc), strict=True)]
        )
        doc.user_data[_TEXT] = text
    return text


def offsets_of(doc: Doc) -> list[int]:
    """Each token's character offset in the text (Token.idx)."""
    offsets = doc.user_data.get(_OFFSETS)
    if offsets is None:
        offsets = doc.user_data[_OFFSETS] = doc.to_array(IDX).tolist()
    return offsets


def sentence_starts_of(doc: Doc) -> list[int]:
    """Where each sentence starts, as `[s.start for s in doc.sents]` gives it, without Spans."""
    starts = doc.user_data.get(_SENTENCE_STARTS)
    if starts is None:
        if not doc.has_annotation("SENT_START") or "sents" in doc.user_hooks:
            starts = [s.start for s in doc.sents]
        else:
            flags = doc.to_array(SENT_START).tolist()
            starts = [0, *(i for i in range(1, len(flags)) if flags[i] == 1)] if flags else []
        doc.user_data[_SENTENCE_STARTS] = starts
    return starts


def span_text(doc: Doc, start: int, end: int) -> str:
    """doc[start:end].text, cut from the text instead of joining a Span's Tokens."""
    if start >= end:
        return ""
    offsets = offsets_of(doc)
    return text_of(doc)[offsets[start] : offsets[end - 1] + len(words_of(doc)[end - 1])]


def filter_matches(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """spaCy's filter_spans for a matcher's (key, start, end) triples, without making Spans:
    of overlapping matches the (first) longest wins; the survivors come in text order."""
    ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept = []
    seen: set[int] = set()
    for match in ordered:
        if match[1] not in seen and match[2] - 1 not in seen:
            kept.append(match)
            seen.update(range(match[1], match[2]))
    return sorted(kept, key=lambda m: m[1])


def lower_of(doc: Doc) -> list[str]:
    lower = doc.user_data.get(_LOWER)
    if lower is None:
        lower = [w.lower() for w in words_of(doc)]
        doc._.kg_lower = lower
    return lower


class MentionFinder:
    """Marks every name in a Doc as a Ref and collects the entities they refer to."""

    def __init__(self, nlp: Language, ontology: Ontology, patterns: PatternSet) -> None:
        self.ontology = ontology
        self.names = patterns.names
        self.cues = patterns.cues
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.name_tokens: dict[str, list[tuple[str, ...]]] = {}
        for iri, entity in ontology.entities.items():
            variants = set()
            for name in (entity.label, *entity.aliases):
                variants.add(name)
                for article, other in (("The ", "the "), ("the ", "The ")):
                    if name.startswith(article):
                        variants.add(other + name[len(article) :])
            docs = [nlp.make_doc(v) for v in sorted(variants)]
            self.matcher.add(iri, docs)
            self.name_tokens[iri] = [tuple(t.text for t in d if t.lower_ != "the") for d in docs]
        self.usual_senses = {
            tuple(t.text for t in nlp.make_doc(name) if t.lower_ != "the"): iri
            for name, iri in ontology.usual_senses.items()
        }
        """A name two entities bear, as _curated keys it → the entity it usually means."""
        # As the tokenizer splits them: "start-up" is three words, "start", "-" and "up".
        self.product_nouns = {
            _lower_tokens(nlp, noun): cls for noun, cls in patterns.names.product_nouns.items()
        }
        self.organization_nouns = {
            _lower_tokens(nlp, noun): cls for noun, cls in patterns.names.organization_nouns.items()
        }
        self.product_index = NounIndex(self.product_nouns)
        self.organization_index = NounIndex(self.organization_nouns)
        self.speech = frozenset(patterns.cues.speech_verbs)
        self.product_labels = {
            e.label: e.type
            for e in ontology.entities.values()
            if ontology.is_a(e.type, KG.Product) and " " not in e.label and len(e.label) > 2
        }
        self.determiners = patterns.cues.determiners
        self.stops = patterns.cues.prepositions | patterns.cues.relative_pronouns | {"that"}
        self.possessive_pronouns = patterns.cues.possessive_pronouns
        self.auxiliaries = patterns.cues.auxiliaries
        self.be_forms = patterns.cues.be_forms
        self.possessive_markers = patterns.cues.possessive_markers
        self.made_by = frozenset(
            form for verb in patterns.relations["develops"].verbs for form in verb.passive
        )
        self.product_class = str(KG.Product)
        self.person_nouns = patterns.names.person_nouns
        self.object_slots: dict[str, str] = {}
        """Single-word active verb form → class of an unknown name that is its direct object
        ("unveiled Tern": a product; "sued Fennick Auto": a company)."""
        for name, cls in (
            ("develops", KG.Product),
            ("sues", KG.Company),
            ("accuses", KG.Company),
            ("investigates", KG.Company),
            ("investsIn", KG.Company),
            ("leads", KG.Company),  # "who founded Quintell", "has run Tessaly since 2019"
        ):
            for verb in patterns.relations[name].verbs:
                if verb.object_prep is None and not verb.object_then:
                    for form in verb.forms:
                        if " " not in form and "-" not in form and (name, form) not in ROUNDS:
                            self.object_slots.setdefault(form.lower(), str(cls))
        self.subject_slots: frozenset[str] = frozenset(
            form.split()[0].lower()
            for name in SLOT_RELATIONS
            for verb in patterns.relations[name].verbs
            for form in verb.forms
            if form[0].isalpha()
        ) | {w.lower() for w in patterns.names.slot_verbs}
        """First words of the active verbs of relations between organisations: an unknown name
        right before one of them ("Kestrel sued ...", "Vantiq has accused ...") is a company."""
        self.then_slots: dict[str, set[tuple[str, ...]]] = {}
        """Verb → words that follow its object ("took X to court"): X is a company."""
        self.phrase_slots: dict[tuple[str, ...], str] = {}
        """Verb or noun phrases ending in the preposition that introduces an organisation
        ("teamed up with", "a lawsuit against"): an unknown name right after one is a company."""
        for verb in patterns.relations["develops"].verbs:
            for form in verb.passive:  # "developed by Kuulas": the maker is a company
                self.phrase_slots[(*form.lower().split(), "by")] = _COMPANY
        for name in SLOT_RELATIONS:
            rel = patterns.relations[name]
            for verb in rel.verbs:
                for form in verb.passive:
                    self.phrase_slots[(*form.lower().split(), "by")] = _COMPANY  # "sued by X"
                if verb.object_then and verb.object_prep is None:
                    for form in verb.forms:
                        if " " not in form:
                            self.then_slots.setdefault(form.lower(), set()).update(verb.object_then)
                for form in verb.forms:
                    if not form[0].isalpha():
                        continue
                    words = tuple(form.lower().split())
                    if verb.object_prep:
                        words = (*words, verb.object_prep)
                    if words[-1] in SLOT_PREPOSITIONS:
                        self.phrase_slots[words] = _COMPANY
            for noun in rel.nouns:
                for form in noun.forms:
                    for verb in noun.support_verbs:
                        if verb.endswith("ed") or verb == "led":  # "a round led by X"
                            self.phrase_slots[(*form.lower().split(), verb, "by")] = _COMPANY
                    if form in patterns.names.slot_vague_nouns:
                        continue
                    for prep in noun.agent_preps & {"by", "from"}:  # "a lawsuit from X"
                        self.phrase_slots[(*form.lower().split(), prep)] = _COMPANY
                    for prep in noun.object_preps & SLOT_PREPOSITIONS:
                        self.phrase_slots[(*form.lower().split(), prep)] = _COMPANY
        self.surnames = frozenset(
            name.rsplit(" ", 1)[-1]
            for e in ontology.entities.values()
            if e.type == _PERSON
            for name in (e.label, *e.aliases)
        )
        """Last words of curated people's names, which an unknown-looking name may be."""
        self.people = {
            name: iri
            for iri, e in ontology.entities.items()
            if e.type == _PERSON
            for name in (e.label, *e.aliases)
        }
        """Curated people by name, for a given name that shares a later surname."""
        self.office_names = {
            name.lower(): iri
            for iri, e in ontology.entities.items()
            if e.type == _GOVERNMENT_BODY
            for name in (e.label, *e.aliases)
        }
        """Curated offices by name, lower-case ("utah attorney general")."""
        self.determiner_words = frozenset(w.capitalize() for w in patterns.cues.determiners)
        self.phrase_slot_sizes = sorted({len(k) for k in self.phrase_slots}, reverse=True)
        leads = patterns.relations["leads"]
        self.person_slots: frozenset[tuple[str, ...]] = frozenset(
            (*(t.lower_ for t in nlp.make_doc(form)), "by")
            for verb in leads.verbs
            for form in (*verb.passive, *LED_BY)
        )
        """A leader's passive and "by" ("founded by", "run by"): a personal name after one is a
        person's, unless a longer relation phrase makes it a company ("a round led by")."""
        self.role_heads: frozenset[tuple[str, ...]] = frozenset(
            tuple(t.lower_ for t in nlp.make_doc(form))
            for role in leads.roles
            if role.holder == "subject"
            for form in role.forms
        )
        """Roles a person holds in an organisation ("chief executive", "co-founder"): a name
        right before one and a capitalised name is the organisation's."""
        self.role_head_sizes = sorted({len(r) for r in self.role_heads}, reverse=True)
        self.possessed_heads: frozenset[str] = frozenset(
            form.split()[0].lower()
            for name in SLOT_RELATIONS
            for noun in patterns.relations[name].nouns
            for form in noun.forms
            if form not in patterns.names.slot_vague_nouns
        ) | {r[0] for r in self.role_heads}
        """Relation nouns and roles that make an unknown possessor an organisation
        ("Dunraven's lawsuit against", "Brenmoor's chief executive")."""
        for verb in patterns.relations["develops"].verbs:
            for form in verb.passive:
                if " " not in form:
                    self.phrase_slots.setdefault((form.lower(), "by"), _COMPANY)  # "made by X"
        for name in SLOT_RELATIONS:
            rel = patterns.relations[name]
            participles = {
                v
                for noun in rel.nouns
                for v in noun.support_verbs
                if v.endswith("ed") or v in ("led", "brought")
            }
            for noun in rel.nouns:
                for form in noun.forms:
                    for verb in participles:  # "a lawsuit filed by X", "the stake held by X"
                        self.phrase_slots.setdefault((*form.lower().split(), verb, "by"), _COMPANY)
        self.phrase_slot_sizes = sorted({len(k) for k in self.phrase_slots}, reverse=True)
        self.slot_verb_words: frozenset[str] = frozenset(
            form.lower()
            for name in SLOT_RELATIONS
            for verb in patterns.relations[name].verbs
            if not verb.object_then
            for form in verb.forms
            if " " not in form
        )
        """One-word verbs of relations between organisations ("sued", "partnered", "backed")."""
        self.vague_slots: frozenset[tuple[str, ...]] = frozenset(
            (*form.lower().split(), prep)
            for name in SLOT_RELATIONS
            for noun in patterns.relations[name].nouns
            for form in noun.forms
            if form in patterns.names.slot_vague_nouns
            for prep in noun.object_preps & SLOT_PREPOSITIONS
        )
        """ "agreements with": too vague for one unknown name, enough for a list of them."""
        self.hyphen_words: frozenset[str] = frozenset(
            w.lower() for rel in patterns.relations.values() for w in rel.hyphen
        )
        """Participles after a hyphen ("Quenby-backed"): the names either side are companies'."""
        self.suffix_cache: dict[str, list[tuple[str, ...]]] = {}
        self._kinds: dict[str, str | None] = {}
        """Class → the class a list passes on (_kind), for the few classes there are."""
        self._last_words_cache: list = [None, 0, set()]
        """The entities of the document being read, how many of them are in the set, the set."""
        self.distant_slots: frozenset[tuple[str, str]] = frozenset(
            (form.lower(), verb.object_prep)
            for name in SLOT_RELATIONS
            for verb in patterns.relations[name].verbs
            if verb.object_prep in SLOT_PREPOSITIONS
            for form in verb.forms
            if " " not in form
        )
        """(verb, preposition) pairs that may stand a few words apart ("invested $50 million
        in X", "partnered last year with X")."""

    def __call__(self, doc: Doc) -> Doc:
        words = words_of(doc)
        entities: dict[str, Entity] = {}
        matches = filter_matches(self.matcher(doc))
        tight = (doc.to_array(SPACY) == 0).tolist()  # no space after the token
        found = self._versions(words, self._curated(doc, matches, entities), entities, tight)
        found = self._acronyms_in_longer_names(words, found)
        covered = bytearray(len(doc))
        for ref in found:
            covered[ref.start : ref.end] = b"\1" * (ref.end - ref.start)
        discovered = self._discover(words, covered, entities, tight, found)
        discovered.extend(self._officials(words, covered, entities))
        discovered.extend(self._offices(words, covered, entities))
        discovered.extend(self._repeats(words, covered, discovered, entities))
        found, discovered = self._longer_names(words, found, discovered, entities)
        discovered.extend(self._shared_surnames(words, covered, found + discovered, entities))
        found = [self._described_product(words, ref, entities) for ref in found]
        found = [self._office_of(words, ref, entities) for ref in found]
        discovered = [self._office_of(words, ref, entities) for ref in discovered]
        if doc.has_annotation("ENT_IOB"):
            discovered.extend(self._ner(doc, covered, entities))
        doc._.kg_refs = sorted(found + discovered, key=lambda r: r.start)
        doc._.kg_entities = entities
        return doc

    def _shared_surnames(
        self,
        words: list[str],
        covered: bytearray,
        refs: list[Ref],
        entities: dict[str, Entity],
    ) -> list[Ref]:
        """A given name coordinated before a two-word personal name shares its surname:
        "founded by Cameron **and** Tyler Winklevoss" names Cameron Winklevoss too, as does
        "sisters Daniela and Dario Amodei". Only a listed given name stands alone this way."""
        added: list[Ref] = []
        for ref in refs:
            start = ref.start
            if (
                ref.end - start != 2
                or start < 2
                or words[start - 1] != "and"
                or covered[start - 2]
                or words[start - 2] not in self.names.given_names
                or words[start] not in self.names.given_names
                or entities[ref.entity].type != _PERSON
            ):
                continue
            label = f"{words[start - 2]} {words[ref.end - 1]}"
            iri = self.people.get(label)
            if iri is None:
                given = self._new(label, _PERSON, start - 2, start - 1, "discovered", entities)
                added.append(given)
            else:
                entities.setdefault(iri, self.ontology.entities[iri])
                added.append(Ref(start - 2, start - 1, iri, "name"))
            covered[start - 2] = 1
        return added

    def _curated(
        self, doc: Doc, matches: list[tuple[int, int, int]], entities: dict[str, Entity]
    ) -> list[Ref]:
        refs: list[Ref] = []
        suffixes: dict[tuple[str, ...], str] = {}
        words = words_of(doc)
        strings = doc.vocab.strings
        for key_id, start, end in sorted(matches, key=lambda m: m[1]):
            if end - start == 1 and _letter_in_name(doc, start, end):
                continue  # "Model X", "X-ray": a one-letter name inside another word
            iri = strings[key_id]
            key = tuple(w for w in words[start:end] if w.lower() != "the")
            resolution = None
            earlier = suffixes.get(key)
            if earlier and earlier != iri and self._same_kind(earlier, iri):
                resolution = (
                    f"{span_text(doc, start, end)} → {self.ontology.entities[earlier].label} "
                    "(short form of a name used earlier)"
                )
                iri = earlier
            elif earlier is None and iri not in entities and self.usual_senses.get(key, iri) != iri:
                iri = self.usual_senses[key]
                resolution = (
                    f"{span_text(doc, start, end)} → {self.ontology.entities[iri].label} "
                    "(what the name usually means; the document names no other bearer)"
                )
            if iri not in entities:
                entities[iri] = self.ontology.entities[iri]
                for suffix in self._name_suffixes(iri):
                    suffixes.setdefault(suffix, iri)
            refs.append(Ref(start, end, iri, "shortname" if resolution else "name", resolution))
        return refs

    def _name_suffixes(self, iri: str) -> list[tuple[str, ...]]:
        """The shorter endings of each of a curated entity's names ("Times" of "New York
        Times"), in the order _curated tries them; made once per entity."""
        found = self.suffix_cache.get(iri)
        if found is None:
            found = self.suffix_cache[iri] = [
                tokens[-size:] for tokens in self.name_tokens[iri] for size in range(1, len(tokens))
            ]
        return found

    def _versions(
        self,
        words: list[str],
        refs: list[Ref],
        entities: dict[str, Entity],
        tight: list[bool] | None = None,
    ) -> list[Ref]:
        """A product name followed by version or edition words names a product of its own.

        "Llama 4", "Gemini 2.5 Pro" and "Claude Opus 4" are distinct products, named as written;
        so are a hyphenated edition ("o3-pro", "GPT-4o-mini") and a capitalised edition name
        after a version number ("Llama 4 Behemoth").
        """
        tight = tight or [False] * len(words)
        out: list[Ref] = []
        n = len(words)
        for index, ref in enumerate(refs):
            entity = entities[ref.entity]
            end = ref.end
            if self.ontology.is_a(entity.type, _PRODUCT):
                limit = refs[index + 1].start if index + 1 < len(refs) else n
                numbered = False
                while end < min(limit, ref.end + 3) and (
                    _version(words[end]) or words[end] in self.names.version_words
                ):
                    numbered = numbered or _version(words[end])
                    end += 1
                while (
                    end > ref.end
                    and not numbered
                    and words[end - 1] not in (self.names.version_words)
                ):
                    end -= 1
                while (
                    end + 1 < limit
                    and words[end] == "-"
                    and tight[end - 1]
                    and tight[end]
                    and words[end + 1].replace(".", "").isalnum()
                    and not words[end + 1][:1].isupper()
                ):
                    end += 2  # "o3-pro", "GPT-4o-mini"
                    numbered = True
                if (
                    numbered
                    and end < limit
                    and _capitalised(words[end])
                    and not _version(words[end])
                    and words[end] not in self.names.non_name_words
                    and not (end + 1 < n and _capitalised(words[end + 1]))
                ):
                    end += 1  # "Llama 4 Behemoth", "Grok 4 Heavy"
            if end == ref.end:
                out.append(ref)
                continue
            label = "".join(
                w + ("" if tight[k] or k + 1 == end else " ")
                for k, w in enumerate(words[ref.start : end], ref.start)
            )
            out.append(self._new(label, entity.type, ref.start, end, "discovered", entities))
        return out

    def _described_product(self, words: list[str], ref: Ref, entities: dict[str, Entity]) -> Ref:
        """ "Gemini, the cryptocurrency exchange led by X": a product's name in apposition with
        an organisation noun names a look-alike organisation, not the product."""
        if ref.kind != "name" or not self.ontology.is_a(entities[ref.entity].type, _PRODUCT):
            return ref
        cls = self._apposition(words, ref.end, self.organization_nouns)
        if cls is None:
            return ref
        label = " ".join(words[ref.start : ref.end])
        iri = str(mint(ENTITY, f"{label} {cls.rsplit('#', 1)[-1]}"))  # not the product's IRI
        if iri not in entities:
            entities[iri] = Entity(iri=iri, label=label, type=cls, curated=False)
        return Ref(ref.start, ref.end, iri, "discovered")

    def _longer_names(
        self,
        words: list[str],
        found: list[Ref],
        discovered: list[Ref],
        entities: dict[str, Entity],
    ) -> tuple[list[Ref], list[Ref]]:
        """ "Gemini Trust Company", "Meta Materials Inc": a known name that opens
        a longer company name is another company (a look-alike), named as written. A legal
        designator after the name ("Meta Platforms Inc", names.json legal_designators) keeps it.
        """
        ends = {ref.end: k for k, ref in enumerate(found)}
        merged: dict[int, Ref] = {}
        kept: list[Ref] = []
        for ref in discovered:
            k = ends.get(ref.start)
            if (
                k is not None
                and ref.kind == "discovered"
                and entities[ref.entity].type == _COMPANY
                and words[ref.start] not in self.names.legal_designators
                and not self.ontology.is_a(entities[found[k].entity].type, _PERSON)
                and found[k].kind == "name"
            ):
                head = found[k]
                label = " ".join(words[head.start : ref.end])
                merged[k] = self._new(label, _COMPANY, head.start, ref.end, "discovered", entities)
                continue
            kept.append(ref)
        if not merged:
            return found, discovered
        return [r for k, r in enumerate(found) if k not in merged], kept + list(merged.values())

    def _same_kind(self, first: str, second: str) -> bool:
        return self.ontology.entities[first].type == self.ontology.entities[second].type

    def _discover(
        self,
        words: list[str],
        covered: bytearray,
        entities: dict[str, Entity],
        tight: list[bool] | None = None,
        known: list[Ref] | None = None,
    ) -> list[Ref]:
        """Capitalised runs that look like organisation, newspaper, product or person names.

        A hyphen with no space either side joins two capitalised words into one ("Lip-Bu Tan").
        """
        cues = self.names
        refs: list[Ref] = []
        i, n = 0, len(words)
        tight = tight or [False] * n
        firsts: dict[str, list[Ref]] = {}
        """First word of a multi-word organisation name → its refs, for short forms."""
        ends: dict[int, Ref] = {}
        """Where each name found so far ends → its ref."""
        pending: list[tuple[int, int, bool]] = []
        """Plain names no rule typed, (start, end, personal): a list may type them."""
        for ref in known or ():
            self._index_first(ref, entities, firsts)
            ends[ref.end] = ref
        titled = {words[k + 1] for k in range(n - 1) if words[k] in cues.courtesy_titles}
        """Surnames after "Ms.", "Dr.": a name ending in one is a person's wherever it stands."""
        while i < n:
            word = words[i]
            if covered[i] or not (word[:1].isupper() and _capitalised(word)):
                i += 1  # the first test, inline, spares a call for most words
                continue
            j = i
            while j < n and not covered[j] and j - i < 8:
                if _capitalised(words[j]):
                    j += 1
                    continue
                # a joining word or an initial inside a name, with a capitalised word after it
                joins = j > i and j + 1 < n and not covered[j + 1] and _capitalised(words[j + 1])
                if joins and words[j] == "-" and tight[j - 1] and tight[j]:
                    j += 2  # "Lip-Bu", "Ta-Nehisi"
                elif joins and words[j] == "&":
                    j += 2  # "Harlow & Finch"
                elif joins and _initial(words[j]):
                    j += 1  # "Hollis J. Marr"
                elif joins and words[j] in cues.name_particles:
                    j += 2  # "Société des Gens de Lettres"
                else:
                    break
            start, end = i, j
            i = j
            office = self._office_end(words, start, end)
            if office is not None:  # "Oregon Attorney General | Dana Whitcombe"
                while start < office - 2 and words[start] in self.determiner_words:
                    start += 1  # "The Vermont Attorney General's office"
                label = " ".join(words[start:office])
                refs.append(
                    self._new(label, _GOVERNMENT_BODY, start, office, "discovered", entities)
                )
                covered[start:office] = b"\1" * (office - start)
                if 2 <= end - office <= 3:
                    label = " ".join(words[office:end])
                    refs.append(self._new(label, _PERSON, office, end, "discovered", entities))
                    covered[office:end] = b"\1" * (end - office)
                continue
            had_the = start > 0 and words[start - 1] in ("The", "the") and not covered[start - 1]
            noun_class: str | None = None
            if (
                end - start >= 2
                and (start == 0 or words[start - 1] in SENTENCE_OPENERS)
                and words[start][1:].islower()
                and (words[start].lower(),) in self.organization_nouns
                and words[start] not in cues.organization_suffixes
            ):  # "Startup Orvane has sued ...", "Chipmaker Brackwater said ..."
                noun_class = self.organization_nouns[(words[start].lower(),)]
                start += 1
            while (
                start < end
                and words[start] in cues.non_name_words
                and not (
                    words[start] in cues.news_suffixes or words[start] in cues.organization_suffixes
                )
                and not self._place_in_name(words, start, end)
            ):
                had_the = words[start] == "The"
                start += 1
            while (
                end > start
                and words[end - 1] in cues.non_name_words
                and words[end - 1] not in cues.organization_suffixes
            ):
                end -= 1
            body_end = self._body_of(words, covered, start, end)
            if body_end is not None:  # "Monetary Authority of Singapore", "Bank of Tallowmere"
                label = " ".join(words[start:body_end])
                body = self.names.institution_heads.get(words[end - 1].lower(), _GOVERNMENT_BODY)
                refs.append(self._new(label, body, start, body_end, "discovered", entities))
                covered[start:body_end] = b"\1" * (body_end - start)
                i = max(i, body_end)
                continue
            hyphens = words[start:end].count("-") + words[start:end].count("&")
            particles = sum(1 for w in words[start + 1 : end] if w in cues.name_particles)
            size = end - start - 2 * hyphens - particles
            if size < 1 or size > cues.max_tokens:
                continue
            tokens = words[start:end]
            last = tokens[-1]
            plain = not any(t in cues.non_name_words for t in tokens)
            initials = sum(1 for t in tokens[1:-1] if _initial(t))
            personal = (
                2 <= size - initials <= 3
                and plain
                and all(
                    (len(t) > 1 or t == "-") and (not t.isupper() or _initial(t)) for t in tokens
                )
            )
            short = self._short_form(tokens, start, firsts, entities)
            if short is not None:  # "Epic Games ... Epic chief executive Tim Sweeney"
                refs.append(short)
                covered[start:end] = b"\1" * (end - start)
                continue
            cls: str | None = None
            if "&" in tokens[1:-1]:
                cls = _COMPANY  # "Harlow & Finch", "Marsh & McLennan"
            elif size >= 2 and last in cues.news_suffixes:
                cls = _NEWS_ORGANIZATION
            elif size >= 2 and last in cues.government_suffixes:
                cls = _GOVERNMENT_BODY
            elif size >= 2 and (
                last in cues.organization_suffixes or tokens[0] in cues.organization_prefixes
            ):
                cls = _COMPANY
            elif personal and tokens[0] in cues.given_names:
                cls = _PERSON
            elif personal and last in titled:
                cls = _PERSON  # "Kaveh Dorran sued ... Mr. Dorran said"
            elif (
                size == 1
                and start > 0
                and words[start - 1] in cues.courtesy_titles
                and not (end + 1 < n and words[end] in self.possessive_markers)
            ):  # "Ms. Hallorann said", the same person as an earlier "Ilse Hallorann"
                named = next(
                    (
                        r
                        for r in reversed(refs)
                        if entities[r.entity].type == _PERSON
                        and entities[r.entity].label.rsplit(" ", 1)[-1] == last
                    ),
                    None,
                )
                if named is not None:
                    refs.append(Ref(start, end, named.entity, "surname"))
                    covered[start:end] = b"\1" * (end - start)
                    continue
                cls = _PERSON
            elif (
                personal
                and start >= 2
                and words[start - 1] in ("and", "or")
                and (before := ends.get(start - 1)) is not None
                and entities[before.entity].type == _PERSON
            ):
                cls = _PERSON  # "Priya Venkataraman and Tobias Ehrlund"
            elif plain and noun_class is not None:
                cls = noun_class
            elif plain:
                cls = self._described(words, start, end) or self._which_said(words, end)
                if cls is None and self._organisation_context(words, start, end, entities):
                    cls = _COMPANY
                if cls is None and size <= 2:
                    cls = (
                        self._product(words, end)
                        or self._apposition(words, end, self.product_nouns)
                        or self._modified_product(words, start, end)
                    )
                if (
                    cls is None
                    and size <= 2
                    and start > 0
                    and words[start - 1].lower() in self.possessive_pronouns
                    and end < len(words)
                    and words[end].isalpha()
                    and words[end].islower()
                ):
                    cls = self._product(words, end + 1)  # "its Tern warehouse robots"
                if cls is None and size == 1:
                    cls = self._fused_version(tokens[0])
                if (
                    cls is None
                    and size <= 2
                    and end < n
                    and not covered[end]
                    and _version(words[end])
                    and tokens[0] not in cues.given_names  # "Sam 2" is no product
                ):  # "Halcyon 2", "Halcyon 2-pro": a name with a version number is a product
                    cls = str(KG.Product)
                    end += 1
                    while end + 1 < n and words[end] == "-" and tight[end - 1] and tight[end]:
                        if not words[end + 1].replace(".", "").isalnum() or covered[end + 1]:
                            break
                        end += 2
                    while end < n and not covered[end] and words[end] in cues.version_words:
                        end += 1
                if cls is None and size <= 2:
                    cls = (
                        self._named(words, start)
                        or self._introduced(words, start, end)
                        or self._made_by(words, end)
                    )
                if cls is None and personal and self._personal_context(words, start, end):
                    cls = _PERSON
                if (
                    cls is None
                    and size <= 2
                    and start > 1
                    and words[start - 1] in ("including", "like")
                ):  # "its warehouse products, including Tern"
                    before = [w.lower() for w in words[max(0, start - 5) : start - 1]]
                    cls = next(
                        (self.product_nouns[(w,)] for w in before if (w,) in self.product_nouns),
                        str(KG.Product) if {"products", "product"} & set(before) else None,
                    )
                if cls is None and size <= 3 and start > 1:
                    cls = self._listed(words, start, personal)
                if cls is None and size <= 3 and self._role_of(words, start):
                    cls = _COMPANY  # "chief financial officer of Tidewater Silicon"
                if (
                    cls is None
                    and size <= 3
                    and start > 0
                    and not covered[start - 1]
                    and words[start - 1].islower()
                ):  # "unveiled Tern on Tuesday", "accused Fennick Auto of copying"
                    cls = self.object_slots.get(words[start - 1])
                if (
                    cls is None
                    and size == 1
                    and start > 1
                    and words[start - 1].lower() in self.determiners | self.possessive_pronouns
                    and any(ch.isdigit() for ch in tokens[0])
                    and self.object_slots.get(words[start - 2]) == self.product_class
                ):  # "launched the Skerry-3 on Tuesday": a numbered name made by the subject
                    cls = self.product_class
                if cls is None and size <= 2:
                    cls = self._slot(words, start, end, entities)
                if cls is None and size <= 2 and start >= 2 and words[start - 1] in (",", "and"):
                    k = start - 2 if words[start - 2] == "," else start - 1
                    before = ends.get(k)  # "with Vistra, Oklo and TerraPower"
                    if (
                        before is not None
                        and entities[before.entity].type == _COMPANY
                        and self._may_join(words, start, end, entities)
                    ):
                        cls = _COMPANY
                if (
                    cls is None
                    and size <= 2
                    and self._organisation_cue(words, start, end, entities)
                ):
                    cls = _COMPANY
                if cls is None and size <= 3 and self._source_slot(words, start, end):
                    cls = _COMPANY  # "a report by Semianalysis", "..., Korvane reported."
            if cls is None:
                if plain and size <= 3 and self._may_join(words, start, end, entities):
                    pending.append((start, end, personal))
                continue
            label = _label(words, tight, start, end)
            if had_the and cls == _NEWS_ORGANIZATION:
                label = "The " + label
                start -= 1
            inside = end < n and not _capitalised(words[end]) and words[end] not in SENTENCE_OPENERS
            refs.append(self._new(label, cls, start, end, "discovered", entities, inside))
            self._index_first(refs[-1], entities, firsts)
            ends[end] = refs[-1]
            covered[start:end] = b"\1" * (end - start)
        refs.extend(self._coordinated(words, tight, pending, [*(known or ()), *refs], entities))
        for ref in refs:
            covered[ref.start : ref.end] = b"\1" * (ref.end - ref.start)
        return refs

    def _person_last_words(self, entities: dict[str, Entity]) -> set[str]:
        """Last words of the labels of the people in entities, for the rules that keep a
        person's surname from other classes. Entities are only ever added to, so the set is
        kept per document and brought up to date with the ones added since the last call."""
        cache = self._last_words_cache
        if cache[0] is not entities:
            cache[:] = [entities, 0, set()]
        if cache[1] != len(entities):
            found: set[str] = cache[2]
            for entity in islice(entities.values(), cache[1], None):
                if entity.type == _PERSON:
                    found.add(entity.label.rsplit(" ", 1)[-1])
            cache[1] = len(entities)
        return cache[2]

    def _may_join(
        self, words: list[str], start: int, end: int, entities: dict[str, Entity]
    ) -> bool:
        """Whether an untyped plain name may take a class from a list it stands in: not a
        place, a lone given name or surname, nor an adverb opening the sentence."""
        first = words[start]
        if first in self.names.place_names or first in self.names.places:
            return False
        if end - start == 1 and (
            first in self.names.given_names
            or first in self.surnames
            or first in self._person_last_words(entities)
        ):
            return False
        opening = start == 0 or words[start - 1] in SENTENCE_OPENERS
        return not (opening and end - start == 1 and first.lower().endswith("ly"))

    def _coordinated(
        self,
        words: list[str],
        tight: list[bool],
        pending: list[tuple[int, int, bool]],
        refs: list[Ref],
        entities: dict[str, Entity],
    ) -> list[Ref]:
        """Untyped names in a list with a typed one take its class ("Postmedia and Torstar",
        "Stability AI, Midjourney and DeviantArt", "Renata Vasko and Gideon Frye"): a company's
        or product's for any name, a person's only for a personal name. A list is joined by
        "and" or "or", perhaps after commas; a comma alone may join an apposition instead."""
        if not pending:
            return []
        items = sorted(
            [(s, e, None, personal) for s, e, personal in pending]
            + [(r.start, r.end, entities[r.entity].type, False) for r in refs],
            key=lambda item: item[0],
        )
        groups: list[list[tuple[int, int, str | None, bool]]] = [[items[0]]]
        joined = [False]
        for item in items[1:]:
            after = groups[-1][-1][1]
            gap = (
                tuple(w.lower() for w in words[after : item[0]]) if 0 < item[0] - after <= 2 else ()
            )
            if gap in ((",",), ("and",), ("or",), (",", "and"), (",", "or")):
                groups[-1].append(item)
                joined[-1] = joined[-1] or gap[-1] in ("and", "or")
            else:
                groups.append([item])
                joined.append(False)
        out: list[Ref] = []
        for group, conjoined in zip(groups, joined, strict=True):
            if not conjoined:
                continue
            types = {self._kind(t) for _, _, t, _ in group if t is not None}
            if not types and len(group) >= 2 and self._vague_slot(words, group[0][0]):
                types = {_COMPANY}  # "agreements with Vistra, Oklo and TerraPower"
            if not conjoined or len(types) != 1 or all(t is not None for _, _, t, _ in group):
                continue
            (cls,) = types
            if cls is None:
                continue
            person = cls == _PERSON
            for start, end, t, personal in group:
                if t is None and (personal or not person):
                    label = _label(words, tight, start, end)
                    out.append(self._new(label, cls, start, end, "discovered", entities))
        return out

    def _organisation_cue(
        self, words: list[str], start: int, end: int, entities: dict[str, Entity]
    ) -> bool:
        """A company's name by what stands around it: it speaks alone at the head of a clause
        ("Orvane said on Monday ..."), a relation's participle joins it by a hyphen
        ("Quenby-backed Orvane"), or a relation verb stands a few words before its preposition
        ("invested $50 million in Orvane")."""
        n = len(words)
        first = words[start]
        if (
            first in self.names.given_names
            or first in self.surnames
            or first in self.names.places
            or first in self.names.place_names
            or first in self._person_last_words(entities)
        ):
            return False
        last = words[end - 1]
        if (end + 1 < n and words[end] == "-" and words[end + 1].lower() in self.hyphen_words) or (
            start >= 2 and words[start - 2] == "-" and words[start - 1] in self.hyphen_words
        ):
            return True
        opening = start == 0 or words[start - 1] in SENTENCE_OPENERS or words[start - 1] == ","
        if (
            opening
            and end < n
            and words[end].lower() in self.speech
            and not (last.endswith("s") and last[1:].islower())
            and last not in self.names.organization_suffixes
            and last not in self.names.government_suffixes
        ):
            return True
        if start >= 3 and words[start - 1] in SLOT_PREPOSITIONS:
            prep = words[start - 1]
            for k in range(start - 2, max(-1, start - 8), -1):
                word = words[k]
                if word in (",", ".", ";") or _capitalised(word) or word in self.stops:
                    break
                if (word.lower(), prep) in self.distant_slots:
                    return True
        return False

    def _modified_product(self, words: list[str], start: int, end: int) -> str | None:
        """ "the Skerry-3 inspection drone", "its CowSense herd-monitoring cameras", "a batch of
        Tarn warehouse robots": after a determiner, a possessive or "of", up to three lower-case
        modifiers and a product noun make the name a product's."""
        if start == 0 or words[start] in self.names.places:
            return None
        before = words[start - 1].lower()
        if not (before in self.determiners or before in self.possessive_pronouns or before == "of"):
            return None
        for k in range(end, min(len(words), end + 3)):
            word = words[k]
            if not (word == "-" or (word.isalpha() and word.islower())) or word in self.stops:
                return None
            if word in self.determiners or word in self.auxiliaries or word in self.be_forms:
                return None
            found = self._product(words, k + 1) if word != "-" else None
            if found is not None:
                return found
        return None

    def _vague_slot(self, words: list[str], start: int) -> bool:
        """Whether a vague relation noun and its preposition end right before start."""
        return any(
            tuple(w.lower() for w in words[start - size : start]) in self.vague_slots
            for size in (2, 3)
            if start >= size
        )

    def _kind(self, cls: str) -> str | None:
        """The class a list passes on: a person's, a company for any organisation, a product's."""
        if cls not in self._kinds:
            if cls == _PERSON or self.ontology.is_a(cls, _PRODUCT):
                self._kinds[cls] = cls
            else:
                self._kinds[cls] = _COMPANY if self.ontology.is_a(cls, _ORGANIZATION) else None
        return self._kinds[cls]

    def _which_said(self, words: list[str], end: int) -> str | None:
        """ "Nordvik Pension, which said ...", "Orvane, which has sued ...", "Orvane, founded in
        2019, ...", "Orvane was founded by ...": a name that speaks or acts through "which", or
        that a leader's passive follows, is a company."""
        n = len(words)
        k = end
        if k + 1 < n and words[k] == "," and words[k + 1].lower() == "which":
            k += 2
            while k < n and (
                words[k] in self.auxiliaries
                or words[k] in self.be_forms
                or words[k] in self.names.slot_adverbs
            ):
                k += 1
            if k < n and (words[k].lower() in self.speech or words[k] in self.slot_verb_words):
                return _COMPANY
            return None
        if k < n and (words[k] == "," or words[k] in self.be_forms):
            k += 1
        window = [w.lower() for w in words[k : k + 3]]
        for size in (1, 2, 3):
            passive = tuple(window[:size])
            if (*passive, "by") in self.person_slots and words[k + size : k + size + 1] in (
                ["by"],
                ["in"],
            ):
                return _COMPANY
        return None

    def _source_slot(self, words: list[str], start: int, end: int) -> bool:
        """A name in a source position ("according to", "a report by", "analysts at" before
        it; "data showed", or "reported" and a clause end or "that", after it) is an
        organisation that reports, whether or not any list names it."""
        cues = self.cues
        k = start
        while k > 0 and words[k - 1].lower() in cues.determiners:
            k -= 1
        before = [w.lower() for w in words[max(0, k - 4) : k]]
        for phrase in cues.source_before:
            parts = phrase.split()
            if before[len(before) - len(parts) :] == parts:
                return True
        after = [w.lower() for w in words[end : end + 4]]
        if any(after[: len(p.split())] == p.split() for p in cues.source_after):
            return True
        for phrase in cues.source_verbs:
            parts = phrase.split()
            if after[: len(parts)] == parts:
                follower = words[end + len(parts)] if end + len(parts) < len(words) else "."
                return follower.lower() in cues.source_followers
        return False

    def _organisation_context(
        self, words: list[str], start: int, end: int, entities: dict[str, Entity]
    ) -> bool:
        """A name that holds a role or a relation: "Brenmoor's chief executive", "Dunraven's
        lawsuit against", "Velland Photonics chief executive Odalys Fenn"."""
        n = len(words)
        first = words[start]
        if first in self.names.given_names or first in self.names.place_names:
            return False
        if first in self.names.places:
            return False
        if end - start == 1 and (
            first in self.surnames or first in self._person_last_words(entities)
        ):
            return False
        if end + 1 < n and words[end] in self.possessive_markers:
            after = words[end + 1]
            if after.lower() in self.possessed_heads or self._product(words, end + 1):
                return True  # "Dunraven's lawsuit", "Orvane's chatbot"
            return _capitalised(after) and self._product(words, end + 2) is not None
        window = [w.lower() for w in words[end : end + max(self.role_head_sizes, default=0)]]
        for size in self.role_head_sizes:
            role = tuple(window[:size])
            if (
                role in self.role_heads
                and all(w.islower() or w == "-" for w in words[end : end + size])
                and end + size < n
                and _capitalised(words[end + size])
                and words[end + size] not in self.names.non_name_words
            ):
                return True
        return False

    def _listed(self, words: list[str], start: int, personal: bool) -> str | None:
        """ "publishers including Torstar", "investors such as Sorrel Peak", "artists including
        Karla Ortiz": the plural noun before the list gives its first name a class."""
        if words[start - 1] in ("including", "like"):
            k = start - 1
        elif words[start - 2 : start] == ["such", "as"]:
            k = start - 2
        else:
            return None
        for word in reversed(words[max(0, k - 3) : k]):
            lower = word.lower()
            if not (lower.isalpha() and lower.endswith("s")):
                continue
            for single in (
                (lower[:-3] + "y", lower[:-1]) if lower.endswith("ies") else (lower[:-1],)
            ):
                if (single,) in self.organization_nouns:
                    return self.organization_nouns[(single,)]
                if personal and single in self.person_nouns:
                    return _PERSON
        return None

    def _body_of(self, words: list[str], covered: bytearray, start: int, end: int) -> int | None:
        """Where a public body's name ends that goes on with "of" and a capitalised name
        ("Monetary Authority of Singapore", "Office of the Data Protection Commissioner")."""
        n = len(words)
        if not (start < end < n and words[end] == "of") or covered[end]:
            return None
        head = words[end - 1]
        if head not in self.names.government_suffixes and not (
            head.lower() in self.names.institution_heads and head[1:].islower()
        ):
            return None
        k = end + 1
        if k < n and words[k] == "the":
            k += 1
        m = k
        while m < n and m - k < 4 and not covered[m] and _capitalised(words[m]):
            m += 1
        return m if m > k else None

    def _office_of(self, words: list[str], ref: Ref, entities: dict[str, Entity]) -> Ref:
        """ "The Delaware Attorney General's office" is the office itself, not something of it."""
        end = ref.end
        if (
            end + 1 < len(words)
            and entities[ref.entity].type == _GOVERNMENT_BODY
            and words[end] in self.possessive_markers
            and words[end + 1].lower() == "office"
        ):
            return Ref(ref.start, end + 2, ref.entity, ref.kind, ref.resolution)
        return ref

    def _place_in_name(self, words: list[str], start: int, end: int) -> bool:
        """A place opens the name of a body ("Oslo Harbour Board", "Texas Medical Board"): the
        place is one of names.json place_names and the run ends in a government suffix."""
        return (
            words[start] in self.names.place_names
            and end - start >= 3
            and words[end - 1] in self.names.government_suffixes
            and all(_capitalised(w) for w in words[start + 1 : end])
        )

    def _slot(
        self, words: list[str], start: int, end: int, entities: dict[str, Entity]
    ) -> str | None:
        """Company, for an unknown name in a relation's subject or object slot.

        Subject: the name opens its clause and a relation verb follows, perhaps after
        auxiliaries ("Kestrel has teamed up with ..."). A single word ending in "s" that opens
        a sentence is taken for a plural noun ("Authors sued ..."), not a name. Object: a
        relation phrase ending in its preposition comes right before ("partnered with Novaro").
        """
        if words[start] in self.names.given_names or words[start] in self.surnames:
            return None
        if words[start] in self.names.place_names:
            return None  # "agreements with Hungary"
        if end - start == 1 and words[start] in self._person_last_words(entities):
            return None  # a surname of a person named earlier ("Helena Varga ... Varga sued")
        after = words[end] if end < len(words) else ""
        if (
            after.isalpha()
            and after.islower()
            and after.endswith("s")
            and len(after) > 4
            and after not in self.slot_verb_words
            and after not in self.speech
        ):
            return None  # "invested in Lagos startups": a modifier, not a name
        thens = self.then_slots.get(words[start - 1].lower(), set()) if start else set()
        if any(tuple(w.lower() for w in words[end : end + len(t)]) == t for t in thens):
            return _COMPANY  # "has taken Corvid Mind to court"
        cls = self._slot_phrase(words, start)
        if cls is not None:
            return cls
        head = start
        if start >= 3 and words[start - 1] == "based" and words[start - 2] == "-":
            head = start - 3  # "Leeds-based Cobbleton has sued ..."
        opening = head == 0 or words[head - 1] in SENTENCE_OPENERS
        if not opening and words[head - 1] not in (",", "and", "that"):
            return None  # "said that Velland had sued ..." opens a clause too
        if (
            opening
            and end - start == 1
            and words[start].endswith("s")
            and words[start][1:].islower()
        ):
            return None  # "Authors sued ...", but not "NVentures invested ..."
        k = end
        while k < len(words) and (
            words[k] in self.auxiliaries
            or words[k] in self.be_forms
            or words[k] in self.names.slot_adverbs
        ):
            k += 1
        if k < len(words) and words[k] in self.subject_slots:
            if (
                end - start > 1
                and words[k] in self.names.slot_verbs
                and words[k] not in (self.slot_verb_words)
            ):
                return None  # "Thaddeus Crane signed ...": people sign and agree too
            return _COMPANY
        return None

    def _slot_phrase(self, words: list[str], start: int) -> str | None:
        """The class a relation phrase ending right before start gives a name ("sued by")."""
        sizes = self.phrase_slot_sizes  # longest first
        before = [w.lower() for w in words[max(0, start - sizes[0]) : start]] if sizes else []
        for size in sizes:
            if start >= size:
                cls = self.phrase_slots.get(tuple(before[len(before) - size :]))
                if cls is not None:
                    return cls
        return None

    def _index_first(self, ref: Ref, entities: dict[str, Entity], firsts: dict) -> None:
        entity = entities[ref.entity]
        parts = entity.label.split()
        if len(parts) >= 2 and self.ontology.is_a(entity.type, _ORGANIZATION):
            firsts.setdefault(parts[0], []).append(ref)

    def _officials(
        self, words: list[str], covered: bytearray, entities: dict[str, Entity]
    ) -> list[Ref]:
        """ "U.S. antitrust enforcers", "British regulators": a place, at most two lower-case
        words and an official noun (names.json places, official_nouns) name a government body,
        labelled as written."""
        refs: list[Ref] = []
        for k, word in enumerate(words):
            if word not in self.names.official_nouns or covered[k]:
                continue
            j = k - 1
            while j >= 0 and k - j <= 2 and words[j].isalpha() and words[j].islower():
                j -= 1
            if j < 0 or covered[j] or words[j] not in self.names.places:
                continue
            if any(covered[j : k + 1]):
                continue
            label = " ".join(words[j : k + 1])
            refs.append(self._new(label, _GOVERNMENT_BODY, j, k + 1, "discovered", entities))
            covered[j : k + 1] = b"\1" * (k + 1 - j)
        return refs

    @cached_property
    def _office_titles(self) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], bool]]]:
        """Office titles, singular and plural, by their first word in lower case: (the title's
        words in lower case, as written, plural)."""
        titles = [
            (tuple(t.lower() for t in title), title, False) for title in self.names.office_titles
        ]
        titles += [
            (tuple(p.split()), tuple(t.split()), True) for p, t in self.names.office_plurals.items()
        ]
        index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], bool]]] = {}
        for entry in titles:
            index.setdefault(entry[0][0], []).append(entry)
        return index

    def _acronyms_in_longer_names(self, words: list[str], refs: list[Ref]) -> list[Ref]:
        """A known acronym followed by another capitalised word ("CMA CGM", "SAP Concur") is the
        start of another name, not the acronym's entity."""
        starts = {r.start for r in refs}
        kept = []
        for ref in refs:
            text = words[ref.start : ref.end]
            nxt = words[ref.end] if ref.end < len(words) else ""
            if (
                ref.kind == "name"
                and len(text) == 1
                and text[0].isupper()
                and text[0].isalpha()
                and nxt.isalpha()
                and nxt.isupper()
                and len(nxt) > 1
                and ref.end not in starts
                and nxt not in self.names.non_name_words
            ):
                continue
            kept.append(ref)
        return kept

    def _repeats(
        self,
        words: list[str],
        covered: bytearray,
        discovered: list[Ref],
        entities: dict[str, Entity],
    ) -> list[Ref]:
        """A name discovered somewhere in the document, written again where nothing else marks
        it as a name ("Corvid Mind's co-founder" after "sued Corvid Mind"), is the same one."""
        names: dict[tuple[str, ...], str] = {}
        for ref in discovered:
            tokens = tuple(words[ref.start : ref.end])
            if tokens and tokens[0] in ("The", "the"):
                tokens = tokens[1:]
            if tokens and all(_capitalised(w) or not w.isalpha() for w in tokens):
                names.setdefault(tokens, ref.entity)
        refs: list[Ref] = []
        if not names:
            return refs
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for tokens, iri in names.items():
            by_first.setdefault(tokens[0], []).append((tokens, iri))
        n = len(words)
        for k in range(n):
            candidates = by_first.get(words[k])
            if (
                candidates is None
                or covered[k]
                or not _capitalised(words[k])
                or (k > 0 and _capitalised(words[k - 1]))
            ):
                continue
            for tokens, iri in candidates:
                e = k + len(tokens)
                if tuple(words[k:e]) == tokens and not any(covered[k:e]):
                    if e < n and _capitalised(words[e]):
                        continue  # part of a longer name
                    refs.append(Ref(k, e, iri, "discovered"))
                    covered[k:e] = b"\1" * (e - k)
                    break
        return refs

    def _offices(
        self, words: list[str], covered: bytearray, entities: dict[str, Entity]
    ) -> list[Ref]:
        """Offices written in lower case after their place ("the Utah attorney general") or in
        the plural before or after several places ("the attorneys general of Utah and Nevada",
        "Utah and Nevada attorneys general"): one office per place, each a government body that
        acts for its holder, so the places stand coordinated as the agents of a verb."""
        refs: list[Ref] = []
        lower = [w.lower() for w in words]
        n = len(words)
        titles = self._office_titles
        for k in range(n):
            for key, title, plural in titles.get(lower[k], ()):
                e = k + len(key)
                if tuple(lower[k:e]) != key or any(covered[k:e]):
                    continue
                if words[k][0].isupper() and k > 0 and words[k - 1][:1].isupper():
                    continue  # "Oregon Attorney General Dana Whitcombe": a name run, found before
                places = self._places_before(words, covered, k)
                after = False
                if not places and plural and e < n and lower[e] in ("of", "in", "from"):
                    places, after = self._places_after(words, covered, e + 1), True
                if not places or (len(places) > 1 and not plural):
                    continue
                for number, (ps, pe) in enumerate(places):
                    label = f"{' '.join(words[ps:pe])} {' '.join(title)}"
                    start, end = ps, pe
                    if after and number == 0:
                        start = k  # "attorneys general of Utah"
                    elif not after and number == len(places) - 1:
                        end = e  # "Nevada attorneys general"
                    iri = self.office_names.get(label.lower())
                    if iri is not None:
                        entities.setdefault(iri, self.ontology.entities[iri])
                        refs.append(Ref(start, end, iri, "name"))
                    else:
                        refs.append(
                            self._new(label, _GOVERNMENT_BODY, start, end, "discovered", entities)
                        )
                    covered[start:end] = b"\1" * (end - start)
                break
        return refs

    def _place_run(self, words: list[str], covered: bytearray, start: int, end: int) -> bool:
        return (
            start < end
            and end - start <= 2
            and not any(covered[start:end])
            and all(_capitalised(w) and w not in self.determiner_words for w in words[start:end])
        )

    def _places_before(self, words: list[str], covered: bytearray, k: int) -> list[tuple[int, int]]:
        """ "Utah and Nevada | attorneys general", "Utah's | attorney general": the places."""
        places: list[tuple[int, int]] = []
        end = k
        if end >= 2 and words[end - 1] in self.possessive_markers:
            end -= 1
        while end > 0:
            start = end - 1
            if start > 0 and self._place_run(words, covered, start - 1, end):
                start -= 1
            if not self._place_run(words, covered, start, end):
                break
            places.insert(0, (start, end))
            if start >= 2 and words[start - 1] in (",", "and"):
                end = start - 1
                if words[end - 1] == ",":
                    end -= 1  # "Utah, Nevada, and Ohio"
                continue
            break
        return places

    def _places_after(self, words: list[str], covered: bytearray, k: int) -> list[tuple[int, int]]:
        """ "attorneys general of | Utah and Nevada": the places."""
        places: list[tuple[int, int]] = []
        n = len(words)
        while k < n:
            end = k + 1
            if end < n and self._place_run(words, covered, k, end + 1):
                end += 1
            if not self._place_run(words, covered, k, end):
                break
            places.append((k, end))
            k = end
            if k < n and words[k] == ",":
                k += 1
            if k < n and words[k] == "and":
                k += 1
            elif k < n and k > 0 and words[k - 1] != ",":
                break
        return places

    def _short_form(
        self,
        tokens: list[str],
        start: int,
        firsts: dict[str, list[Ref]],
        entities: dict[str, Entity],
    ) -> Ref | None:
        """A lone word that opens an organisation's longer name used earlier ("Epic" after
        "Epic Games", "Corvid" after "Corvid Labs") refers to it."""
        if len(tokens) != 1 or tokens[0] in self.names.non_name_words:
            return None
        earlier = [ref for ref in firsts.get(tokens[0], ()) if ref.start < start]
        if not earlier:
            return None
        ref = max(earlier, key=lambda r: r.start)
        label = entities[ref.entity].label
        note = f"{tokens[0]} → {label} (short form of a name used earlier)"
        return Ref(start, start + 1, ref.entity, "shortname", note)

    def _role_of(self, words: list[str], start: int) -> bool:
        """A name after a person's role and "of", "at" or "for" is an organisation's."""
        if start < 2 or words[start - 1] not in ("of", "at", "for"):
            return False
        return any(w.lower() in self.person_nouns for w in words[max(0, start - 4) : start - 1])

    def _office_end(self, words: list[str], start: int, end: int) -> int | None:
        """Where an office held by a person ends in a name run: a place, then an office title
        (names.json office_titles), as in "Oregon Attorney General Dana Whitcombe"."""
        present = set(words[start + 1 : end])
        for title in self.names.office_titles:
            if title and title[0] not in present:
                continue  # most runs hold no title's first word
            size = len(title)
            for k in range(start + 1, end - size + 1):
                if tuple(words[k : k + size]) == title:
                    return k + size
        return None

    def _described(self, words: list[str], start: int, end: int) -> str | None:
        """The class an organisation noun gives a name, before it or in an apposition after it.

        "Norwegian utility Verdant Grid", "Verdant Grid, a Norwegian utility, ...".
        """
        found = [
            self.organization_index.ending_at(words, before)
            for before in (start, start - 1)  # "utility Verdant Grid", "authority, Datatilsynet,"
            if before > 0
            and (before == start or words[before] == ",")
            and words[before - 1].islower()
        ]
        if best := min(filter(None, found), default=None):
            return best[1]
        return self._apposition(words, end, self.organization_nouns)

    def _apposition(
        self, words: list[str], end: int, nouns: dict[tuple[str, ...], str]
    ) -> str | None:
        """The class of the noun heading ", a/the ... NOUN" after a name, if nouns has it."""
        n = len(words)
        if not (end + 2 < n and words[end] == ","):
            return None
        k = end + 1
        while k < min(n, end + 5) and _capitalised(words[k]):
            k += 1  # "Halcyon, Corvid Labs' latest model"
        if k > end + 1 and k < n and words[k] in self.possessive_markers:
            k += 1
        elif not (
            words[end + 1].lower() in self.determiners
            or words[end + 1].lower() in self.possessive_pronouns
        ):
            return None
        else:
            k = end + 2
        while (
            k < min(n, end + 9)
            and (
                words[k] == "-"
                or words[k].replace("-", "").isalnum()
                or (words[k] in self.possessive_markers and k + 1 < n and words[k + 1].isalpha())
            )
            and (
                words[k].lower() not in self.stops
                or (words[k] == "of" and words[k - 1].lower() in self.names.collective_nouns)
            )
            and not (k > end + 2 and words[k].lower() in self.determiners)
        ):
            k += 1  # "a family of open-weight models" is headed by "models", "the startup's
            # founder" by "founder": a possessor heads nothing; a determiner opens a clause of
            # its own ("the H20, a chip the company designed": headed by "chip")
        for size in (3, 2, 1):  # "the device start-up", "a language model", "a startup"
            head = tuple(w.lower() for w in words[k - size : k])
            if k - size > end + 1 and head in nouns:
                return nouns[head]
        for m in range(end + 2, k - 1):  # "Halcyon Loom, a startup founded by ..."
            for size in (3, 1):  # "a start-up founded by"
                noun = tuple(w.lower() for w in words[m : m + size])
                after = m + size
                if (
                    noun in nouns
                    and after < n
                    and (
                        words[after].lower().endswith(("ed", "en"))
                        or (after + 1 < n and words[after + 1].lower() == "by")
                    )
                ):
                    return nouns[noun]
        return None

    def _named(self, words: list[str], start: int) -> str | None:
        """ "a new model called Zephyr", "a chip codenamed Orion": the noun gives the class."""
        if start > 0 and words[start - 1] in ('"', "\u201c", "'", "\u2018"):
            start -= 1  # 'a chatbot called "Whisk"'
        lower = [w.lower() for w in words[max(0, start - 6) : start]]
        for cue in self.names.naming_words:
            size = len(cue)
            if tuple(lower[len(lower) - size :]) != cue:
                continue
            before = lower[: len(lower) - size]
            for k in range(len(before) - 1, max(-1, len(before) - 4), -1):
                if (before[k],) in self.product_nouns:
                    return self.product_nouns[(before[k],)]
        return None

    def _introduced(self, words: list[str], start: int, end: int) -> str | None:
        """ "a new coding model, Devstral, ...": a product noun, a comma, then a closed name."""
        if start < 2 or words[start - 1] != "," or (end < len(words) and words[end] not in ",."):
            return None
        for size in (2, 1):
            head = tuple(w.lower() for w in words[start - 1 - size : start - 1])
            if start - 1 - size >= 0 and head in self.product_nouns:
                return self.product_nouns[head]
        return None

    def _made_by(self, words: list[str], end: int) -> str | None:
        """ "Orion, developed by X, ...", "Orion was built by X": a maker's participle follows."""
        k = end + 1 if end < len(words) and words[end] == "," else end
        if k < len(words) and words[k].lower() in ("was", "is", "were", "are"):
            k += 1
        if k + 1 < len(words) and words[k].lower() in self.made_by and words[k + 1] == "by":
            return self.product_class
        return None

    def _fused_version(self, word: str) -> str | None:
        """ "Qwen3", "Llama3": a known product name with a version written onto it."""
        for k in range(3, len(word)):
            cls = self.product_labels.get(word[:k])
            if cls is not None and _version(word[k:]):
                return cls
        return None

    def _personal_context(self, words: list[str], start: int, end: int) -> bool:
        """A title before the name ("Mr", "chief executive") or speech after it ("..., who")."""
        if start > 0 and words[start - 1] in self.names.person_titles:
            return True
        if start > 0 and words[start - 1].lower() in self.speech and start - 1 > 0:
            return True  # "..., said Helena Varga"
        if self._role_apposition(words, end):
            return True
        if start > 1 and words[start - 1] == "," and words[start - 2].lower() in self.person_nouns:
            return True  # "the startup's chief executive, Matteo Lorne"
        for size in (2, 3, 4):
            before = tuple(w.lower() for w in words[max(0, start - size) : start])
            if before in self.person_slots and self._slot_phrase(words, start) is None:
                return True  # "a group of artists led by Karla Ortiz", "run by Hollis Marr"
        n = len(words)
        if end < n and words[end].lower() in self.speech:
            return True
        if end + 2 < n and words[end] == "," and words[end + 2] == ",":
            age = words[end + 1]
            if age.isdigit() and len(age) == 2:
                return True  # "Halvard Brenne, 54, ...": an age
        return end + 1 < n and words[end] == "," and words[end + 1].lower() == "who"

    def _role_apposition(self, words: list[str], end: int) -> bool:
        """ "Benedikt Aurel, chief executive of X", "Tamsin Okafor, the founder of X": a comma,
        then within a few words one of the person nouns (names.json person_nouns)."""
        n = len(words)
        if not (end + 1 < n and words[end] == ","):
            return False
        for k in range(end + 1, min(n, end + 7)):
            word = words[k].lower()
            if word in (",", ".", ";") or word in self.stops - {"of"}:
                return False
            if word in self.person_nouns:
                return True
        return False

    def _product(self, words: list[str], end: int) -> str | None:
        found = self.product_index.starting_at(words, end)
        return found[1] if found else None

    def _ner(self, doc: Doc, covered: bytearray, entities: dict[str, Entity]) -> list[Ref]:
        refs = []
        for ent in doc.ents:
            cls = NER_CLASSES.get(ent.label_)
            if cls is None or any(covered[ent.start : ent.end]):
                continue
            kept = [t for t in ent if t.text not in ("'s", "’s")]
            if kept and kept[0].lower_ == "the":
                kept = kept[1:]
            tokens = [t.text for t in kept]
            if not tokens or not any(ch.isupper() for ch in tokens[0][:1]):
                continue
            if ent.label_ == "PERSON" and len(tokens) == 1:
                continue  # a lone surname is left to coreference
            if all(t in self.names.non_name_words or t in self.names.place_names for t in tokens):
                continue  # "AI startups", "the Budapest company": no name
            if (
                all(t.isupper() for t in tokens)
                and ent.start == ent.sent.start
                and ent.end < len(doc)
                and doc[ent.end].text in (",", "-", "—")
            ):
                continue  # a dateline ("OSLO, March 4 -") names a place
            label = "".join(t.text_with_ws for t in kept).strip()  # "Ta-Nehisi Coates"
            refs.append(self._new(label, cls, ent.start, ent.end, "ner", entities))
            covered[ent.start : ent.end] = b"\1" * (ent.end - ent.start)
        return refs

    def _new(
        self,
        label: str,
        cls: str,
        start: int,
        end: int,
        kind: str,
        entities: dict[str, Entity],
        inside: bool = False,
    ) -> Ref:
        """A discovered entity's Ref. "Tenebris Corp." and "Tenebris Corp" are one company; its
        label keeps the full stop only where the sentence goes on after it (`inside`)."""
        last = label.rsplit(" ", 1)[-1]
        key = label
        if last.endswith(".") and last in self.names.organization_suffixes and " " in label:
            key = label[:-1]
            if not inside:
                label = key
        iri = str(mint(ENTITY, key))
        if iri not in entities:
            entities[iri] = Entity(iri=iri, label=label, type=cls, curated=False)
        return Ref(start, end, iri, kind)


ROUNDS = frozenset({("leads", "led"), ("leads", "leads")})
"""Forms of `leads` that type no object: "led Cobaltine's latest round" leads a round."""


class NounIndex:
    """Class-giving nouns ("utility", "language model") found by position, not by a scan.

    Name discovery asks about every capitalised run; where several nouns fit, the one listed
    first in the pattern data wins, as it would in a scan.
    """

    def __init__(self, nouns: dict[tuple[str, ...], str]) -> None:
        self.ranked = {tokens: (rank, cls) for rank, (tokens, cls) in enumerate(nouns.items())}
        self.sizes = sorted({len(tokens) for tokens in nouns})
        self.longest = max(self.sizes, default=0)
        """The most words a noun has: a lookup lower-cases that many once, for every size."""

    def ending_at(self, words: list[str], k: int) -> tuple[int, str] | None:
        """The first-listed noun whose words end just before k, as (rank, class)."""
        window = [w.lower() for w in words[max(0, k - self.longest) : k]]
        found = (
            self.ranked.get(tuple(window[len(window) - size :])) for size in self.sizes if k >= size
        )
        return min(filter(None, found), default=None)

    def starting_at(self, words: list[str], k: int) -> tuple[int, str] | None:
        """The first-listed noun whose words start at k, as (rank, class)."""
        window = [w.lower() for w in words[k : k + self.longest]]
        found = (
            self.ranked.get(tuple(window[:size])) for size in self.sizes if k + size <= len(words)
        )
        return min(filter(None, found), default=None)


def _lower_tokens(nlp: Language, noun: str) -> tuple[str, ...]:
    """A listed noun as the tokenizer splits it, lower-cased ("start-up": start, -, up)."""
    return tuple(t.lower_ for t in nlp.make_doc(noun))


def _label(words: list[str], tight: list[bool], start: int, end: int) -> str:
    """A name as written: no space where the text has none ("Lip-Bu Tan", "Skerry-3")."""
    return "".join(
        w + ("" if tight[k] or k + 1 == end else " ") for k, w in enumerate(words[start:end], start)
    )


def _initial(word: str) -> bool:
    """A middle initial ("J.") inside a personal name."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _capitalised(word: str) -> bool:
    if not word[:1].isupper():
        return False  # most words, so decided first
    rest = word[1:]
    bare = rest.replace("-", "").replace(".", "")
    return (
        bare.isalpha()
        or (len(word) > 1 and bare.isalnum() and any(ch.isdigit() for ch in word))
        or (len(word) > 1 and rest.isalnum())
    )  # "GLM-4.5", "MAI-1"


def _letter_in_name(doc: Doc, start: int, end: int) -> bool:
    """A one-letter match after a capitalised word inside a sentence, or joined by a hyphen."""
    words = words_of(doc)
    if end - start != 1 or len(words[start]) != 1:
        return False
    spaces = spaces_of(doc)
    if end < len(words) and words[end] == "-" and not spaces[start]:
        return True
    if start > 0 and words[start - 1] == "-" and not spaces[start - 1]:
        return True
    return (
        start > 0
        and words[start - 1][:1].isupper()
        and words[start - 1] not in ("The", "A")
        and not doc[start - 1].is_sent_start
    )


def _version(word: str) -> bool:
    """A version token: "4", "2.5", "910B", "4o", "V3"; not a year."""
    return (
        0 < len(word) <= 6
        and any(ch.isdigit() for ch in word)
        and word.replace(".", "").isalnum()
        and not (len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"))
    )
