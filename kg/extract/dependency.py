"""Relation candidates read from a trained pipeline's dependency parse (the --model path).

For every trigger of the pattern data (ontology/patterns/*.json) the parse names the arguments
that the rule scans in relations.py look for by position:

* verbs: nsubj and dobj, or the object preposition's pobj ("invested $2 billion in Y"); a
  passive takes its patient from nsubjpass and its agent from "by"; a multi-word form may have
  modifiers inside it ("led a $50 million funding round for Y");
* relative clauses: a relative pronoun, or a relcl/acl with no argument of its own, stands for
  the noun the clause hangs on ("SoftBank, which has put billions into OpenAI", "xAI, the
  company Elon Musk founded", "SoftBank, whose chief executive is Masayoshi Son");
* nouns: object and agent prepositions, possessors, and the subject of a support verb;
* roles: appositions, copulas ("X is chief executive of Y") and "as" phrases, each with the
  possessor from a possessive or a role preposition;
* coordination: every argument expands to its conjuncts, on either side;
* an argument under a speech verb's ccomp is that speaker's claim.

A candidate governed by negation, a modal auxiliary, a modal or negating verb, a conditional
marker or an infinitive is dropped here; kg_relations then merges the rest with its own, applies
the same filters as to its own (outlets, questions, cue words, classes) and keeps its own version
where both find the same relation. The parse also corrects two things the earlier stages cannot
see: an object pronoun never refers to its own clause's subject ("AMD, which accuses it"), and a
name in apposition to a product noun ("Comet, a web browser") is a product.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from kg.extract.entities import Ref, lower_of
from kg.extract.patterns import NounPattern, PatternSet, RelationPatterns, RolePattern, VerbPattern
from kg.iri import mint
from kg.namespaces import ENTITY, KG
from kg.ontology import Ontology
from kg.records import SYMMETRIC, Entity

MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nummod", "quantmod", "nmod", "advmod"})
"""Dependents that may sit inside a multi-word trigger ("led a $50 million funding round for")."""
MAX_INSIDE = 5
"""How many such modifiers a multi-word trigger may hold."""
GOVERNING_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "advcl",
        "conj",
        "pcomp",
        "prep",
        "pobj",
        "acomp",
        "dobj",
        "attr",
        "nsubj",
        "nsubjpass",
    }
)
"""Dependencies through which a governing word's negation or modality reaches the trigger."""
QUALIFYING_DEPS = frozenset({"aux", "auxpass", "mark", "advmod", "amod"})
"""Dependents that make a modal cue word qualify their head ("could", "if", "possible")."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One relation proposed from the parse, between two Refs of doc._.kg_refs."""

    subject: Ref
    object: Ref
    relation: str
    rule: str
    kind: str
    """Confidence key of cues.json: verb, passive, noun or role."""
    trigger: tuple[int, int]
    speaker: Ref | None = None
    """Who states it, when the trigger sits in the ccomp of a speech verb."""


@dataclass(frozen=True, slots=True)
class _Trigger:
    words: tuple[str, ...]
    kind: str
    relation: RelationPatterns
    spec: VerbPattern | NounPattern | RolePattern


class DependencyFinder:
    """Proposes relations from token.dep and token.head into doc._.kg_candidates."""

    def __init__(self, nlp: Language, ontology: Ontology, patterns: PatternSet) -> None:
        self.ontology = ontology
        self.patterns = patterns
        cues = patterns.cues
        self.triggers: dict[str, list[_Trigger]] = {}
        for rel in patterns.relations.values():
            groups: list[tuple[str, Iterable[VerbPattern | NounPattern | RolePattern]]] = [
                ("verb", rel.verbs),
                ("noun", rel.nouns),
                ("role", rel.roles),
            ]
            for kind, specs in groups:
                for spec in specs:
                    for form in spec.forms:
                        words = tuple(t.lower_ for t in nlp.make_doc(form))
                        self.triggers.setdefault(words[0], []).append(
                            _Trigger(words, kind, rel, spec)
                        )
        self.negation = frozenset(w for w in cues.negation if " " not in w)
        self.modal = frozenset(w for w in cues.modal if " " not in w)
        self.cue_phrases = tuple(
            sorted({tuple(w.split()) for w in (*cues.negation, *cues.modal)}, key=len, reverse=True)
        )
        self.speech = frozenset(cues.speech_verbs) | frozenset(cues.allegation_verbs)
        self.relative = cues.relative_pronouns | {"that"}
        self.copulas = cues.copulas
        self.naming_verbs = cues.naming_verbs
        self.accompanying = frozenset(  # "together with", "along with": the adverb before "with"
            p.split()[0] for p in cues.conjunctions if len(p.split()) == 2 and p.endswith(" with")
        )

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            doc._.kg_candidates = []
            return doc
        entities: dict[str, Entity] = doc._.kg_entities
        refs = self._type_appositions(doc, list(doc._.kg_refs), entities)
        parse = _Parse(doc, refs, entities, self.ontology, self.relative, self.accompanying)
        refs = self._rebind_object_pronouns(parse)
        parse = _Parse(doc, refs, entities, self.ontology, self.relative, self.accompanying)
        doc._.kg_refs = refs
        found: list[Candidate] = []
        lower = lower_of(doc)
        for i, word in enumerate(lower):
            for trigger in self.triggers.get(word, ()):
                matched = _match(doc, i, trigger.words)
                if matched is None:
                    continue
                if trigger.kind == "verb":
                    found.extend(self._verb(parse, trigger, matched))
                elif trigger.kind == "noun":
                    found.extend(self._noun(parse, trigger, matched))
                else:
                    found.extend(self._role(parse, trigger, matched))
        doc._.kg_candidates = _unique(found)
        return doc

    # ------------------------------------------------------------------ verbs

    def _verb(self, p: _Parse, trigger: _Trigger, matched: list[int]) -> list[Candidate]:
        rel, spec = trigger.relation, trigger.spec
        assert isinstance(spec, VerbPattern)
        verb = p.doc[matched[0]]
        if not verb.tag_.startswith("VB") or self._qualified(verb, infinitive=True):
            return []
        last = p.doc[matched[-1]]
        span = (matched[0], matched[-1] + 1)
        passive = verb.lower_ in spec.passive and p.passive(verb)
        if passive:
            patients = p.args(p.patient(verb), rel.object_classes)
            agents = p.args(p.agent(verb), rel.subject_classes)
            return self._pairs(p, rel, agents, patients, "passive", "passive", span, verb)
        subjects = p.args(p.subject(verb), rel.subject_classes)
        if len(matched) > 1 and last.dep_ == "prep":
            obj = p.pobj(last)
        elif spec.object_prep is not None:
            prep = p.child(verb, "prep", {spec.object_prep})
            dobj = p.child(verb, "dobj")
            if prep is None and dobj is not None:
                prep = p.child(dobj, "prep", {spec.object_prep})
            obj = p.pobj(prep) if prep is not None else None
        else:
            obj = p.direct_object(verb)
        objects = p.args(obj, rel.object_classes)
        if not objects and spec.object_prep is None and len(matched) > 1:
            # "agreed to hand Y a share": the object hangs on the phrase's last verb
            objects = p.args(p.child(last, "dative") or p.child(last, "dobj"), rel.object_classes)
        if spec.object_then and not (
            objects and _starts(lower_of(p.doc), max(o.end for o in objects), spec.object_then)
        ):
            return []  # "named Y as a defendant" sues, "named Y its partner" does not
        if spec.object_not_after and objects:
            end = max(o.end for o in objects)
            after = lower_of(p.doc)[end : p.doc[end - 1].sent.end]
            if any(w in spec.object_not_after for w in after):
                return []  # "agreed to pay X $5 million to settle": no deal
        construction = "relcl" if verb.dep_ in ("relcl", "acl") else "active"
        if not objects and rel.relation in SYMMETRIC and len(subjects) >= 2:
            pairs = [(a, b) for k, a in enumerate(subjects) for b in subjects[k + 1 :]]
            return self._emit(p, rel, pairs, "mutual", "verb", span, verb)
        return self._pairs(p, rel, subjects, objects, construction, "verb", span, verb)

    # ------------------------------------------------------------------ nouns

    def _noun(self, p: _Parse, trigger: _Trigger, matched: list[int]) -> list[Candidate]:
        rel, spec = trigger.relation, trigger.spec
        assert isinstance(spec, NounPattern)
        noun = p.root(matched)
        if not noun.tag_.startswith("NN"):
            return []
        span = (matched[0], matched[-1] + 1)
        governor = noun.head if noun.dep_ in ("dobj", "attr", "nsubjpass") else None
        if self._qualified(noun, infinitive=False) or (
            governor is not None and _infinitive(governor)
        ):
            return []
        pair = p.child(noun, "prep", spec.pair_preps) if spec.pair_preps else None
        if pair is not None:
            members = p.args(p.pobj(pair), rel.subject_classes)
            if len(members) >= 2:
                pairs = [(members[0], b) for b in members[1:]]
                return self._emit(p, rel, pairs, "between", "noun", span, noun)
        holders = [noun] + ([governor] if governor is not None else [])
        objects: list[Ref] = []
        for holder in holders:
            prep = p.child(holder, "prep", spec.object_preps)
            if prep is not None:
                objects = p.args(p.pobj(prep), rel.object_classes)
                break
        agents: list[Ref] = []
        construction = "agent"
        for holder in holders:
            prep = p.child(holder, "prep" if holder is noun else "agent", spec.agent_preps)
            if prep is not None:
                agents = p.args(p.pobj(prep), rel.subject_classes)
                break
        if not agents:
            possessor = p.possessor(noun)
            if possessor is not None:
                agents, construction = p.args(possessor, rel.subject_classes), "possessive"
        if (
            not agents
            and governor is not None
            and governor.tag_.startswith("VB")
            and (
                governor.lower_ in spec.support_verbs
                or (
                    not spec.support_verbs
                    and spec.left_agent
                    and governor.lower_ not in self.speech
                )
            )
        ):
            agents, construction = p.args(p.subject(governor), rel.subject_classes), "support"
        if not objects and rel.relation in SYMMETRIC and len(agents) >= 2:
            pairs = [(agents[0], b) for b in agents[1:]]
            return self._emit(p, rel, pairs, "mutual", "noun", span, noun)
        return self._pairs(p, rel, agents, objects, construction, "noun", span, noun)

    # ------------------------------------------------------------------ roles

    def _role(self, p: _Parse, trigger: _Trigger, matched: list[int]) -> list[Candidate]:
        rel, spec = trigger.relation, trigger.spec
        assert isinstance(spec, RolePattern)
        role = p.root(matched)
        if not role.tag_.startswith("NN"):
            return []
        if matched[0] > 0 and p.doc[matched[0] - 1].lower_ in spec.not_after:
            return []  # "its global affairs chief": a department's, as in the rules
        holder_classes, possessor_classes = (
            (rel.subject_classes, rel.object_classes)
            if spec.holder == "subject"
            else (rel.object_classes, rel.subject_classes)
        )
        possessor: Token | None = p.possessor(role)
        if possessor is None:
            prep = p.child(role, "prep", spec.preps)
            possessor = p.pobj(prep) if prep is not None else None
        holder: Token | None = None
        construction = "appos"
        head = role.head
        if role.dep_ == "appos":
            holder = head
        elif (appos := p.child(role, "appos")) is not None:
            holder = appos
        elif role.dep_ == "attr" and head.lower_ in self.copulas:
            holder, construction = p.subject(head), "copula"
        elif role.dep_ == "nsubj" and head.lower_ in self.copulas:
            holder, construction = p.child(head, "attr"), "copula"
        elif role.dep_ == "pobj" and head.lower_ == "as" and head.head.tag_.startswith("VB"):
            verb = head.head
            construction = "as"
            holder = p.child(verb, "dobj") or p.patient(verb) or p.subject(verb)
            if possessor is None:
                possessor = p.agent(verb) or p.pobj(p.child(role, "prep", {"by"}))
        if holder is None or possessor is None:
            return []
        governor = head if construction in ("copula", "as") else None
        if role.dep_ == "appos" and head.head.lower_ in self.naming_verbs:
            governor = head.head  # "has not named Y its partner": the naming verb's clause
        if governor is not None and self._qualified(governor, infinitive=False):
            return []
        holders = p.args(holder, holder_classes)
        possessors = p.args(possessor, possessor_classes)
        pairs = [
            (h, o) if spec.holder == "subject" else (o, h) for h in holders for o in possessors
        ]
        return self._emit(
            p, rel, pairs, f"role.{construction}", "role", (matched[0], matched[-1] + 1), role
        )

    # ------------------------------------------------------------------ shared

    def _pairs(
        self,
        p: _Parse,
        rel: RelationPatterns,
        subjects: list[Ref],
        objects: list[Ref],
        construction: str,
        kind: str,
        span: tuple[int, int],
        trigger: Token,
    ) -> list[Candidate]:
        return self._emit(
            p, rel, [(s, o) for s in subjects for o in objects], construction, kind, span, trigger
        )

    def _emit(
        self,
        p: _Parse,
        rel: RelationPatterns,
        pairs: list[tuple[Ref, Ref]],
        construction: str,
        kind: str,
        span: tuple[int, int],
        trigger: Token,
    ) -> list[Candidate]:
        speaker = self._speaker(p, trigger) if pairs else None
        return [
            Candidate(
                s, o, rel.relation, f"{rel.relation}.parse.{construction}", kind, span, speaker
            )
            for s, o in pairs
            if s.entity != o.entity
        ]

    def _qualified(self, token: Token, *, infinitive: bool) -> bool:
        """Whether negation or modality governs the trigger: a neg, modal or negating dependent
        ("never", "could", "if", "no stake", "a possible partnership") on the trigger or on
        anything above it, or a cue word or phrase above it ("threatened to sue", "ruled out a
        partnership", "denied reports that it had formed", "talks on a partnership")."""
        if infinitive and _infinitive(token):
            return True
        lower = lower_of(token.doc)
        current: Token = token
        while True:
            for child in current.children:
                if child.dep_ == "neg" or (child.lower_ in self.negation and child.dep_ != "prep"):
                    return True
                if child.dep_ in QUALIFYING_DEPS and (
                    child.tag_ == "MD" or child.lower_ in self.modal
                ):
                    return True
            if current is not token and _starts(lower, current.i, self.cue_phrases):
                return True
            if current.head is current or not (
                current.dep_ in GOVERNING_DEPS
                or (current.dep_ == "acl" and self._child(current, "mark") == "that")
            ):
                return False
            current = current.head

    @staticmethod
    def _child(token: Token, dep: str) -> str | None:
        return next((c.lower_ for c in token.children if c.dep_ == dep), None)

    def _speaker(self, p: _Parse, trigger: Token) -> Ref | None:
        """The subject of a speech verb whose ccomp holds the trigger."""
        current = trigger
        while current.head is not current and current.dep_ in GOVERNING_DEPS | {"relcl"}:
            if current.dep_ == "ccomp" and current.head.lower_ in self.speech:
                subject = p.subject(current.head)
                return p.ref_of(subject) if subject is not None else None
            current = current.head
        return None

    def _rebind_object_pronouns(self, p: _Parse) -> list[Ref]:
        """An object pronoun is not its own clause's subject: "AMD, which accuses it"."""
        refs = list(p.refs)
        pronouns = self.patterns.cues.pronouns
        for k, ref in enumerate(refs):
            token = p.doc[ref.start]
            if ref.kind != "pronoun" or ref.end - ref.start != 1 or token.dep_ != "dobj":
                continue
            subject = p.ref_of(p.subject(token.head))
            if subject is None or subject.entity != ref.entity:
                continue
            cls = pronouns.get(token.lower_)
            sentence = token.sent
            previous = p.doc[sentence.start - 1].sent.start if sentence.start else 0
            for other in sorted(refs[:k], key=lambda r: r.start, reverse=True):
                entity = p.entities[other.entity]
                if other.start < previous or other.entity == subject.entity:
                    continue
                if cls is not None and self.ontology.is_a(entity.type, cls):
                    note = (
                        f"{token.text} → {entity.label} (most recent "
                        f"{cls.rsplit('#', 1)[-1].lower()} that is not the clause's "
                        "subject)"
                    )
                    refs[k] = Ref(ref.start, ref.end, other.entity, ref.kind, note)
                    break
        return refs

    def _type_appositions(
        self, doc: Doc, refs: list[Ref], entities: dict[str, Entity]
    ) -> list[Ref]:
        """A proper name in apposition to a product noun is that product: "Comet, a browser"."""
        covered = bytearray(len(doc))
        for ref in refs:
            covered[ref.start : ref.end] = b"\1" * (ref.end - ref.start)
        product_nouns = self.patterns.names.product_nouns
        added: list[Ref] = []
        for token in doc:
            if token.tag_ != "NNP" or covered[token.i] or not token.text[:1].isupper():
                continue
            appos = next((c for c in token.children if c.dep_ == "appos"), None)
            if appos is None:
                continue
            noun = (
                " ".join(
                    t.lower_ for t in appos.subtree if t.dep_ == "compound" and t.head is appos
                )
                + " "
                + appos.lower_
            )
            cls = product_nouns.get(noun.strip()) or product_nouns.get(appos.lower_)
            if cls is None:
                continue
            names = [t for t in token.lefts if t.dep_ == "compound" and not covered[t.i]]
            start = names[0].i if names else token.i
            if any(not t.text[:1].isupper() for t in doc[start : token.i + 1]):
                continue
            label = doc[start : token.i + 1].text
            if label.lower() in self.patterns.names.non_name_words:
                continue
            iri = str(mint(ENTITY, label))
            entities.setdefault(iri, Entity(iri=iri, label=label, type=cls, curated=False))
            added.append(Ref(start, token.i + 1, iri, "discovered"))
        return sorted(refs + added, key=lambda r: (r.start, -r.end)) if added else refs


class _Parse:
    """The parse of one Doc seen through its Refs: which Ref a token stands for, and arguments."""

    def __init__(
        self,
        doc: Doc,
        refs: list[Ref],
        entities: dict[str, Entity],
        ontology: Ontology,
        relative: frozenset[str] | set[str],
        accompanying: frozenset[str],
    ) -> None:
        self.doc = doc
        self.accompanying = accompanying
        self.refs = refs
        self.entities = entities
        self.ontology = ontology
        self.relative = relative
        self.owner: list[Ref | None] = [None] * len(doc)
        for ref in sorted(refs, key=lambda r: r.end - r.start):
            for i in range(ref.start, ref.end):
                self.owner[i] = ref

    def ref_of(self, token: Token | None) -> Ref | None:
        """The Ref a token stands for: its own, its antecedent's, or its apposition's."""
        if token is None:
            return None
        own = self.owner[token.i]
        if own is not None:
            return own
        if token.lower_ in self.relative:
            clause = token.head  # "whose chief executive is": whose → executive → is (relcl)
            for _ in range(3):
                if clause.dep_ in ("relcl", "acl") or clause.head is clause:
                    break
                clause = clause.head
            return self.ref_of(clause.head) if clause.dep_ in ("relcl", "acl") else None
        if token.dep_ == "appos" and token.tag_.startswith("NN"):
            return self.owner[token.head.i]
        appos = self.child(token, "appos")
        if appos is not None:
            return self.owner[appos.i]
        for child in token.lefts:  # "the GPT-4 model": a name before a noun that describes it
            named = self.owner[child.i] if child.dep_ == "compound" else None
            if named is not None and self.describes(token.lower_, named):
                return named
        return None

    def describes(self, noun: str, ref: Ref) -> bool:
        """Whether the ontology lists noun as a descriptor of the entity or of its classes."""
        entity = self.entities[ref.entity]
        owners = {entity.iri, entity.type, *self.ontology.superclasses.get(entity.type, ())}
        return any(noun in self.ontology.descriptors.get(iri, ()) for iri in owners)

    def args(self, token: Token | None, classes: Iterable[str]) -> list[Ref]:
        """The Refs of token and of everything coordinated with it that fit classes."""
        if token is None:
            return []
        found: list[Ref] = []
        for item in (token, *token.conjuncts, *self._accompanying(token)):
            ref = self.ref_of(item)
            if ref is None or ref in found:
                continue
            office = self.owner[ref.start - 1] if ref.start > 0 else None
            if (
                office is not None
                and office.end == ref.start
                and self.entities[office.entity].type == str(KG.GovernmentBody)
                and self.entities[ref.entity].type == str(KG.Person)
                and any(self.ontology.is_a(str(KG.GovernmentBody), c) for c in classes)
            ):
                ref = office  # "Iowa Attorney General Brenna Bird sued X": the office acts
            entity = self.entities.get(ref.entity)
            if entity is not None and any(self.ontology.is_a(entity.type, c) for c in classes):
                found.append(ref)
        return found

    def _accompanying(self, token: Token) -> Iterator[Token]:
        """ "X, together with Y," / "X along with Y": Y."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "with":
                left = [t.lower_ for t in child.lefts] or [child.nbor(-1).lower_]
                if left[-1] in self.accompanying:
                    obj = self.pobj(child)
                    if obj is not None:
                        yield obj
            if child.dep_ == "advmod" and child.lower_ in self.accompanying:
                prep = self.child(child, "prep", {"with"})
                obj = self.pobj(prep) if prep is not None else None
                if obj is not None:
                    yield obj

    @staticmethod
    def child(token: Token, dep: str, words: Iterable[str] | None = None) -> Token | None:
        allowed = set(words) if words is not None else None
        for child in token.children:
            if child.dep_ == dep and (allowed is None or child.lower_ in allowed):
                return child
        return None

    def pobj(self, prep: Token | None) -> Token | None:
        if prep is None:
            return None
        return self.child(prep, "pobj") or self.child(prep, "pcomp")

    def root(self, matched: list[int]) -> Token:
        inside = set(matched)
        for i in matched:
            if self.doc[i].head.i not in inside or self.doc[i].head.i == i:
                return self.doc[i]
        return self.doc[matched[-1]]

    @staticmethod
    def passive(verb: Token) -> bool:
        if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
            return True
        return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod")

    def subject(self, verb: Token) -> Token | None:
        """Who does it: nsubj, the antecedent of a relative clause, or a controlling verb's."""
        current = verb
        for _ in range(6):
            for child in current.children:
                if child.dep_ in ("nsubj", "csubj"):
                    return child
            if current.dep_ in ("relcl", "acl") and not self.passive(current):
                return self.contact_subject(current) or current.head
            if current.dep_ not in ("conj", "xcomp", "acomp") or current.head is current:
                return None
            current = current.head
        return None

    def patient(self, verb: Token) -> Token | None:
        current = verb
        for _ in range(4):
            for child in current.children:
                if child.dep_ == "nsubjpass":
                    return child
            if current.dep_ in ("relcl", "acl"):
                return current.head
            if current.dep_ != "conj" or current.head is current:
                return None
            current = current.head
        return None

    def agent(self, verb: Token) -> Token | None:
        by = self.child(verb, "agent") or self.child(verb, "prep", {"by"})
        return self.pobj(by)

    def direct_object(self, verb: Token) -> Token | None:
        dobj = self.child(verb, "dobj")
        if dobj is not None:
            return dobj
        if verb.dep_ in ("relcl", "acl") and (
            self.child(verb, "nsubj") is not None or self.contact_subject(verb) is not None
        ):
            return verb.head  # "the company Elon Musk founded"
        return None

    def contact_subject(self, verb: Token) -> Token | None:
        """The name just before a finite clause verb that the parser left without a subject:
        "the company Elon Musk founded", parsed with "Musk" in apposition to "company"."""
        if (
            verb.tag_ not in FINITE
            or verb.i == 0
            or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "dobj" for c in verb.children)
        ):
            return None
        before = self.doc[verb.i - 1]
        own = self.owner[before.i]
        if own is None or own.start <= verb.head.i < own.end:
            return None
        return before

    def possessor(self, noun: Token) -> Token | None:
        return self.child(noun, "poss")


def _match(doc: Doc, start: int, words: tuple[str, ...]) -> list[int] | None:
    """The token indices of a trigger form starting at start, with modifiers allowed inside."""
    matched = [start]
    i = start + 1
    inside = 0
    n = len(doc)
    for word in words[1:]:
        while i < n and doc[i].lower_ != word:
            if doc[i].dep_ not in MODIFIER_DEPS and not doc[i].like_num and doc[i].tag_ != "$":
                return None
            inside += 1
            if inside > MAX_INSIDE:
                return None
            i += 1
        if i >= n:
            return None
        matched.append(i)
        i += 1
    if inside and any(
        not matched[0] <= t.head.i <= matched[-1]
        for t in doc[matched[0] : matched[-1] + 1]
        if t.i not in matched
    ):
        return None
    return matched


def _infinitive(verb: Token) -> bool:
    """ "to sue", "to file a lawsuit": a purpose, plan or wish rather than an event."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _starts(lower: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(lower[i : i + len(p)]) == p for p in phrases)


def _unique(found: list[Candidate]) -> list[Candidate]:
    seen: set[tuple] = set()
    unique = []
    for c in found:
        key = (c.relation, c.subject, c.object)
        if key not in seen:
            seen.add(key)
            unique.append(c)
    return unique
