"""Find relations between the Refs of a Doc with the trigger patterns of ontology/patterns/.

Triggers (verbs, nouns, role nouns, hyphenated participles) are found with one PhraseMatcher;
each match looks for its arguments nearby in its sentence with linear scans over the tokens:

* verbs: the nearest eligible name on the left is the agent, the first on the right (after the
  object preposition, if any) is the object; passive forms take the agent from "by";
* nouns: the object after an object preposition ("against"), the agent from "from"/"by", a
  possessive ("X's suit"), or the name before a support verb ("X brought a complaint");
* roles: appositions and titles ("Sundar Pichai, Google's chief executive", "CEO OpenAI Sam
  Altman", "its key partner Microsoft");
* develops also from possessives ("Meta's Llama"), compounds ("Nvidia H800") and maker titles.

Coordinated names on either side are expanded. A relation in a negated, denied, modal or
questioned clause is dropped; outlets that only report are never arguments; a relation that a
third party states is recorded as that party's claim. The parser, when the pipeline has one,
adds negation found on the trigger's dependents, and kg_dependency's candidates (dependency.py)
join these rules' own after the same filters.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from kg.extract.claims import Quote
from kg.extract.entities import Ref, lower_of, offsets_of, sentence_starts_of, text_of, words_of
from kg.extract.patterns import NounPattern, PatternSet, RelationPatterns, RolePattern, VerbPattern
from kg.extract.reporting import attributed_refs, blocked_refs, source_refs, speaking_parties
from kg.namespaces import KG
from kg.ontology import Ontology
from kg.records import SYMMETRIC, Entity, Relation

if TYPE_CHECKING:
    from kg.extract.dependency import Candidate

LEFT_REACH = 25
RIGHT_REACH = 20
MODIFIER_GAP = 4
NAME_KINDS = frozenset({"name", "discovered", "ner"})
ELLIPSIS_REACH = 6
"""How far after a role its comparative ellipsis may start ("..., as were B and C")."""
ELLIPSIS_VERBS = frozenset({"did", "do", "does", "have", "has", "had"})
"""Verbs that, after ", as", repeat what came before for the names after them."""
SENTENCE_END = frozenset({".", "!", "?"})
EVENTS = frozenset({"sues", "investigates", "accuses"})
"""Relations that are events: one that was ended still happened (blind README rule 7)."""
CLAIMABLE = frozenset({"verb", "passive", "noun", "topic", "hyphen"})
"""Rule kinds that state an event, which a third party may merely claim."""
PARSED_KINDS = frozenset({"verb", "passive", "noun", "role"})
"""Rule kinds whose arguments kg_dependency reads from the parse as well."""


@dataclass(frozen=True, slots=True)
class _Found:
    subject: int
    object: int
    relation: str
    rule: str
    kind: str
    trigger: tuple[int, int]
    speaker: int | None = None
    """Who states it, when the parse found the speech verb; else claimant() looks for one."""


class RelationFinder:
    """Applies every trigger pattern to a Doc and stores the relations in doc._.kg_relations."""

    def __init__(self, nlp: Language, ontology: Ontology, patterns: PatternSet) -> None:
        self.ontology = ontology
        self.patterns = patterns
        self.cues = cues = patterns.cues
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.triggers: dict[str, tuple[str, RelationPatterns, object]] = {}
        for name, rel in patterns.relations.items():
            groups: list[tuple[str, Iterable[object]]] = [
                ("verb", rel.verbs),
                ("noun", rel.nouns),
                ("role", rel.roles),
            ]
            for kind, specs in groups:
                for index, spec in enumerate(specs):
                    key = f"{name}/{kind}/{index}"
                    self.triggers[key] = (kind, rel, spec)
                    self.matcher.add(key, [nlp.make_doc(f) for f in spec.forms])
            if rel.hyphen:
                key = f"{name}/hyphen/0"
                self.triggers[key] = ("hyphen", rel, None)
                self.matcher.add(key, [nlp.make_doc(f) for f in rel.hyphen])
        self.cue_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key in ("speech_verbs", "allegation_verbs", "evidence_cues", "wrongdoing_verbs"):
            self.cue_matcher.add(key, [nlp.make_doc(w) for w in getattr(cues, key)])
        self.negation = Phrases(cues.negation)
        self.modal = Phrases(cues.modal)
        self.conjunctions = Phrases(cues.conjunctions)
        self.speech = frozenset(cues.speech_verbs)
        self.develops = patterns.relations["develops"]
        self.support_verbs = {
            name: frozenset(v for noun in rel.nouns for v in noun.support_verbs)
            for name, rel in patterns.relations.items()
        }
        self.support_words = frozenset().union(*self.support_verbs.values())
        """Verbs that make their subject a relation noun's agent ("filed", "opened", "led")."""
        self.sues_nouns = frozenset(
            form for noun in patterns.relations["sues"].nouns for form in noun.forms
        )
        self.role_words = {
            spec: frozenset(t.lower_ for form in spec.forms for t in nlp.make_doc(form))
            for rel in patterns.relations.values()
            for spec in rel.roles
        }
        self.ended = Phrases(cues.ended)
        self.ended_after = Phrases(cues.ended_after)
        self.predicate_qualifiers = Phrases(cues.predicate_qualifiers)
        self.inquiry_verbs = frozenset(
            form.lower()
            for verb in patterns.relations["investigates"].verbs
            for form in verb.forms
            if " " not in form
        )
        self.inquiry_forms = frozenset(
            form.lower() for verb in patterns.relations["investigates"].verbs for form in verb.forms
        )
        """Every verb form of investigates, phrases too ("looking into")."""
        self.ended_reversed = Phrases(cues.ended_reversed)
        self.views = pattern_views(patterns)

    def __call__(self, doc: Doc) -> Doc:
        state = _State(doc, self.ontology, self.patterns, self.views)
        found: list[_Found] = []
        for key, start, end in self.matcher(doc):
            kind, rel, spec = self.triggers[doc.vocab.strings[key]]
            if state.question(start):
                continue
            if kind in ("verb", "noun") and state.inside_name(start, end):
                continue  # "Lindqvist Partners", "China Investment Corporation": part of a name
            if kind == "verb":
                found.extend(self._verb(state, rel, spec, start, end))
            elif kind == "noun":
                found.extend(self._noun(state, rel, spec, start, end))
            elif kind == "role":
                found.extend(self._role(state, rel, spec, start, end))
            else:
                found.extend(self._hyphen(state, rel, start, end))
        found.extend(self._develops_forms(state))
        found.extend(self._possessives(state))
        found.extend(self._raised_from(state))
        found.extend(self._joined_rounds(state, found))
        found.extend(self._under_deals(state))
        hits = self._cue_hits(state, doc)
        state.wrongdoing = [cs for kind, cs, _ in hits if kind == "wrongdoing_verbs"]
        found.extend(self._suit_allegations(state, found))
        found.extend(self._accusations(state, doc, hits))
        if doc._.kg_candidates:
            found = self._parsed(state, found, doc._.kg_candidates)
        state.parties = {
            (state.sentence(f.trigger[0])[0], state.refs[i].entity)
            for f in found
            for i in (f.subject, f.object)
        }
        doc._.kg_relations = self._records(state, doc, found)
        return doc

    # ------------------------------------------------------------------ verbs

    def _verb(
        self, st: _State, rel: RelationPatterns, spec: VerbPattern, ts: int, te: int
    ) -> list[_Found]:
        lower = st.lower
        name = rel.relation
        aux = st.aux_before(ts)
        by = st.by_after(te, 10 if aux else 2)
        phrase = " ".join(lower[ts:te])  # "taken to court" is passive as a whole
        passive = (lower[ts] in spec.passive or phrase in spec.passive) and (aux or by is not None)
        if passive:
            if by is None:
                return self._spoken_passive(st, rel, ts, te)
            agents = st.right_args(by + 1, rel.subject_classes)
            comma = st.apposition_comma(ts)
            if comma is None:
                patients = st.left_args(ts, rel.object_classes)
                if patients and st.relative_object_gap(patients[0], ts):
                    return []  # "The company that Elon Musk founded was sued": not Musk
            else:  # "Halcyon Loom, a startup founded by X": the name before the apposition
                head = st.owner[comma - 1]
                patients = [head] if head >= 0 and st.fits(head, rel.object_classes) else []
            if not agents or not patients:
                return []
            if self._qualified(st, min(st.refs[p].start for p in patients), ts, te):
                return []
            kind = "passive" if comma is None else "role"  # an apposition is the narrator's
            return [
                _Found(a, p, name, f"{name}.verb.passive", kind, (ts, te))
                for a in agents
                for p in patients
            ]
        if ts > 0 and lower[ts - 1] == "-":
            return []  # "Microsoft-backed" is a hyphen pattern, not a verb
        if (
            te - ts == 1
            and ts > 0
            and (
                lower[ts - 1] in st.cues.determiners
                or (lower[ts - 1] in st.cues.possessive_markers and st.owner[ts - 1] < 0)
            )
        ):
            return []  # "the funding", "a release", "DeepSeek's release of": a noun, not a verb
        filed = st.filing_relative(ts, rel.subject_classes, rel.object_classes)
        if filed is not None:  # "X's lawsuit against Y and Z, which accuses them of ..."
            author, targets = filed
            if self._qualified(st, ts - 1, ts, te, clause=False):
                return []
            return [
                _Found(author, t, name, f"{name}.verb.filing", "verb", (ts, te)) for t in targets
            ]
        subjects = st.left_args(ts, rel.subject_classes)
        if name in EVENTS:
            subjects = st.shared_subject(ts, subjects, rel.subject_classes)
        document = st.document_before(ts) if lower[ts].endswith("ing") else None
        if subjects and document is not None:
            writer = st.topic(st.clause_start(ts), ts, rel.subject_classes, exclude=[])
            subjects = [writer] if writer is not None else []  # "X sent Y a letter accusing"
        elif (
            lower[ts].endswith("ing")
            and (writer := st.owner[ts - 1]) >= 0
            and self._document_from(st, writer, ts)
            and st.fits(writer, rel.subject_classes)
        ):
            subjects = [writer]  # "Y received a letter from X accusing it": X wrote it
        if not subjects and rel.via_affiliation:
            subjects = st.affiliated(ts, rel.subject_classes)  # "Lisa Su ... unveiled X"
        if not subjects and (author := st.filing_author(ts, rel.subject_classes)) is not None:
            subjects = [author]  # "xAI's lawsuit accuses Apple"
        opener: int | None = None
        if name in SYMMETRIC:  # "The two companies agreed to", "X ..., and the two firms agreed"
            pair, at = st.pair_before(ts, rel.subject_classes)
            if pair and (not subjects or at >= st.refs[subjects[0]].end):
                subjects, opener = pair, at
        if not subjects:
            return []
        if self._subjunctive(st, spec, subjects, ts, te):
            return []  # "a proposal that the carmaker invest in xAI": not done
        objects = st.right_args(
            te, rel.object_classes, prep=spec.object_prep, direct=spec.object_prep is None
        )
        own = {st.refs[k].entity for k in subjects}
        mirrored = [o for o in objects if st.refs[o].entity in own]
        objects = [o for o in objects if st.refs[o].entity not in own]
        if (
            not objects
            and mirrored
            and st.refs[mirrored[0]].kind == "pronoun"
            and any(noun.topic_object for noun in rel.nouns)
        ):  # "Tesla said the SEC was probing its disclosures": "its" is not the SEC
            s_start, _ = st.sentence(ts)
            first = min(st.refs[k].start for k in subjects)
            topic = st.topic(s_start, first, rel.object_classes, exclude=subjects)
            objects = [topic] if topic is not None else []
        if not objects and phrase in self.inquiry_forms:
            objects = self._linked_in_question(st, te, rel.object_classes, own)
        if not objects:
            antecedent = st.relative_antecedent(st.refs[subjects[0]].start, rel.object_classes)
            if antecedent is None:  # "xAI, the company Elon Musk founded in 2023"
                antecedent = st.contact_antecedent(st.refs[subjects[0]].start, rel.object_classes)
            if antecedent is not None:  # "OpenAI and Microsoft, which it accuses of ..."
                s_start, _ = st.sentence(antecedent)
                objects = [
                    antecedent,
                    *st.coordinated_left(antecedent, rel.object_classes, s_start),
                ]
        if not objects and name in SYMMETRIC and len(subjects) >= 2 and not spec.object_then:
            begin = opener if opener is not None else min(st.refs[s].start for s in subjects)
            if self._qualified(st, begin, ts, te):
                return []
            return [
                _Found(a, b, name, f"{name}.verb.mutual", "verb", (ts, te))
                for i, a in enumerate(subjects)
                for b in subjects[i + 1 :]
            ]
        if objects and spec.object_then and not self._object_then(st, spec, objects):
            return []
        if objects and spec.object_not_after and self._object_not_after(st, spec, objects):
            return []
        if not objects or self._qualified(
            st, min(st.refs[s].start for s in subjects), ts, te, modal=document is None
        ):
            return []
        if document is not None and self._qualified(
            st, st.document_phrase(document), ts, te, clause=False
        ):
            return []  # "X may proceed with its lawsuit accusing Y": the lawsuit exists
        mutual = [  # "X and Y, together with Z, agreed to ...": X and Y as well
            _Found(a, b, name, f"{name}.verb.mutual", "verb", (ts, te))
            for i, a in enumerate(subjects)
            for b in subjects[i + 1 :]
            if spec.mutual
        ]
        return mutual + [
            _Found(s, o, name, f"{name}.verb.active", "verb", (ts, te))
            for s in subjects
            for o in objects
        ]

    def _linked_in_question(
        self, st: _State, te: int, classes: Iterable[str], own: set[str]
    ) -> list[int]:
        """The party behind a vague actor in the question an inquiry verb opens: "is probing
        whether **a group linked to** X obtained ...": the inquiry is into X."""
        if te >= len(st.lower) or st.lower[te] not in ("whether", "if"):
            return []
        end = st.clause_end(te + 1)
        for k in range(te + 1, min(end, len(st.lower) - 2)):
            if st.lower[k] == ",":
                break
            if f"{st.lower[k]} {st.lower[k + 1]}" in self.cues.link_phrases:
                found = st.right_args(k + 2, classes, reach=3)
                return [f for f in found if st.refs[f].entity not in own]
        return []

    @staticmethod
    def _document_from(st: _State, writer: int, ts: int) -> bool:
        """Whether the name right before a participle at ts is the sender of a document
        ("a letter from X accusing ...", "a notice by X alleging ...")."""
        start, end = st.refs[writer].start, st.refs[writer].end
        return (
            end == ts
            and start >= 2
            and st.lower[start - 1] in ("from", "by")
            and st.lower[start - 2] in st.cues.document_nouns
        )

    def _spoken_passive(self, st: _State, rel: RelationPatterns, ts: int, te: int) -> list[_Found]:
        """ "X is being probed over ..., the Monetary Authority of Singapore said": a public body
        that says a passive with no agent acts itself, for relations whose data allow it."""
        if not rel.speaker_agent:
            return []
        speaker = st.speaker_after(te)
        if speaker is None or not st.fits(speaker, (st.government_class,)):
            return []
        patients = st.left_args(ts, rel.object_classes)
        if not patients or self._qualified(st, st.refs[patients[0]].start, ts, te):
            return []
        name = rel.relation
        return [
            _Found(speaker, p, name, f"{name}.verb.spoken", "passive", (ts, te)) for p in patients
        ]

    def _raised_from(self, st: _State) -> list[_Found]:
        """ "Tessel raised $50 million from Orrin Capital and Marlow Ventures": each source of
        money raised (investsIn.json raising_verbs, an amount, then "from") invests in the
        raiser."""
        rel = self.patterns.relations["investsIn"]
        found: list[_Found] = []
        for k, word in enumerate(st.lower):
            if word not in rel.raising_verbs:
                continue
            _, end = st.sentence(k)
            j, amount = k + 1, False
            while j < min(end, k + 10) and st.lower[j] != "from":
                if st.lower[j] in st.cues.clause_breaks or st.owner[j] >= 0:
                    break
                amount = amount or _amount(st.lower[j]) or st.lower[j] in ("million", "billion")
                j += 1
            if not amount or j >= end or st.lower[j] != "from":
                continue
            raisers = st.left_args(k, rel.object_classes, coordinate=False)
            investors = st.right_args(j + 1, rel.subject_classes, reach=4)
            if not raisers or not investors:
                continue
            if self._qualified(st, st.refs[raisers[0]].start, k, k + 1):
                continue
            last = max(st.refs[i].end for i in investors)
            # kind "role": the narrator's account, as in "investors including A and B"; only an
            # outlet that reports it makes it a claim
            found.extend(
                _Found(i, raisers[0], "investsIn", "investsIn.verb.raised", "role", (k, last))
                for i in investors
            )
        return found

    def _joined_rounds(self, st: _State, found: list[_Found]) -> list[_Found]:
        """ "raised $13 billion in a round led by X, with Y and Z co-leading": the names of a
        "with" phrase closed by a participle of cues joining_participles invest in the same
        company as the round's investor. A possessor ("with Nvidia's venture arm taking
        part") names someone else and gives nothing."""
        rel = self.patterns.relations["investsIn"]
        joining = set(st.cues.joining_participles)
        out: list[_Found] = []
        for f in found:
            if f.relation != "investsIn":
                continue
            _, s_end = st.sentence(f.trigger[0])
            j = max(st.refs[f.subject].end, st.refs[f.object].end, f.trigger[1])
            if j + 2 >= s_end or st.lower[j] != "," or st.lower[j + 1] != "with":
                continue
            names = st.right_args(j + 2, rel.subject_classes, reach=2)
            if not names or st.refs[names[0]].start != j + 2:
                continue
            k = max(st.refs[i].end for i in names)
            if k < s_end and st.lower[k] == "also":
                k += 1
            if not any(  # the tokenizer splits "co-leading" at its hyphen
                " ".join(st.lower[k : k + m]).replace(" - ", "-") in joining for m in (1, 2, 3)
            ):
                continue
            out.extend(
                _Found(i, f.object, "investsIn", "investsIn.round.joined", "role", (j + 1, k))
                for i in names
                if st.refs[i].entity not in (st.refs[f.subject].entity, st.refs[f.object].entity)
            )
        return out

    def _under_deals(self, st: _State) -> list[_Found]:
        """ "X will supply chips to Y under a multiyear deal", "X now works with Y under a
        three-year agreement": an exchange (cues deal_verbs) done "under" a deal (cues
        deal_nouns) makes its subject and the first organisation after the verb partners.

        Negation, ended cues and modals other than a plain future leave the clause out.
        """
        rel = self.patterns.relations["partnersWith"]
        cues = st.cues
        found: list[_Found] = []
        for k, word in enumerate(st.lower):
            if word != "under":
                continue
            _, s_end = st.sentence(k)
            m = k + 1
            while (
                m < s_end and m - k <= 7 and st.owner[m] < 0 and st.lower[m] not in cues.deal_nouns
            ):
                if st.lower[m] in cues.clause_breaks or st.lower[m] == ",":
                    break
                m += 1
            if m >= s_end or st.lower[m] not in cues.deal_nouns:
                continue
            begin = st.clause_start(k)
            verb = next(
                (v for v in range(k - 1, begin - 1, -1) if st.lower[v] in cues.deal_verbs), None
            )
            limit = k
            if verb is None and begin == k:  # "Under a deal announced ..., X will supply Y"
                comma = st.find_word(m + 1, {","}, 10)
                if comma is not None:
                    limit = st.clause_end(comma + 1)
                    verb = next(
                        (v for v in range(comma + 1, limit) if st.lower[v] in cues.deal_verbs),
                        None,
                    )
            if verb is None:
                continue
            subjects = st.left_args(verb, rel.subject_classes, coordinate=False)
            if not subjects or st.refs[subjects[0]].end > verb:
                continue
            subject = subjects[0]
            others: list[int] = []
            pos = verb + 1
            while not others and pos < limit:  # past "its" in "license its models to Y"
                others = [
                    o
                    for o in st.right_args(pos, rel.object_classes, reach=limit - pos)
                    if st.refs[o].end <= limit
                ]
                if others and st.refs[others[0]].entity == st.refs[subject].entity:
                    pos, others = st.refs[others[0]].end, []
                elif not others:
                    break
            if not others:
                continue
            start = st.refs[subject].start
            if self._qualified(st, start, verb, verb + 1, modal=False) or any(
                w not in cues.future_auxiliaries and _contains([w], self.modal)
                for w in st.cue_words(st.clause_start(start), verb + 1)
            ):
                continue
            found.extend(
                _Found(subject, o, "partnersWith", "partnersWith.under_deal", "noun", (k, m + 1))
                for o in others
                if st.refs[o].entity != st.refs[subject].entity
            )
        return found

    @staticmethod
    def _subjunctive(st: _State, spec: VerbPattern, subjects: list[int], ts: int, te: int) -> bool:
        """A bare verb right after one singular subject ("that the carmaker invest", "that
        Meta sue"): a subjunctive or a demand, never a reported act. A bare form is one whose
        -s and -ed forms are listed too ("invest": "invests", "invested")."""
        if te - ts != 1 or len(subjects) != 1:
            return False
        word = st.lower[ts]
        forms = spec.forms
        if not (f"{word}s" in forms or f"{word}es" in forms) or not (
            f"{word}ed" in forms or f"{word}d" in forms
        ):
            return False
        ref = st.refs[subjects[0]]
        if ts >= 2 and ref.end != ts and st.owner[ts - 1] < 0:  # "that the carmaker invest"
            noun, det = st.lower[ts - 1], st.lower[ts - 2]
            return det in st.cues.definite_determiners and noun.isalpha() and not noun.endswith("s")
        if ref.end != ts or ref.kind == "pronoun":
            return False
        before = st.lower[ref.start - 1] if ref.start > 0 else ""
        return before not in ("and", "&", ",") and not st.lower[ref.end - 1].endswith("s")

    @staticmethod
    def _object_then(st: _State, spec: VerbPattern, objects: list[int]) -> bool:
        """Whether the object is followed by what the verb needs ("took X to court")."""
        end = max(st.refs[o].end for o in objects)
        return any(tuple(st.lower[end : end + len(p)]) == p for p in spec.object_then)

    @staticmethod
    def _object_not_after(st: _State, spec: VerbPattern, objects: list[int]) -> bool:
        """Whether a word the verb excludes follows the object in its sentence ("to settle")."""
        end = max(st.refs[o].end for o in objects)
        _, stop = st.sentence(end - 1)
        return any(w in spec.object_not_after for w in st.lower[end:stop])

    # ------------------------------------------------------------------ nouns

    def _noun(
        self, st: _State, rel: RelationPatterns, spec: NounPattern, ns: int, ne: int
    ) -> list[_Found]:
        name, lower = rel.relation, st.lower
        trigger = (ns, ne)
        s_start, s_end = st.sentence(ns)
        if spec.pair_preps and ne < s_end and lower[ne] in spec.pair_preps:
            pair = st.right_args(ne + 1, rel.subject_classes, reach=4)
            if (
                len(pair) >= 2
                and not self._qualified(st, ns, ns, ne)
                and not (
                    st.opens_clause(ns) and self._unsettled(st, max(st.refs[p].end for p in pair))
                )
            ):
                return [
                    _Found(pair[0], b, name, f"{name}.noun.between", "noun", trigger)
                    for b in pair[1:]
                ]
        under = ns - 1  # "under (a formal | extended | federal) investigation"
        while (
            under > s_start
            and ns - under <= 3
            and st.owner[under] < 0
            and lower[under].isalpha()
            and lower[under] not in st.cues.prepositions
        ):
            under -= 1
        if spec.under_preps and lower[under] in spec.under_preps:
            by = st.by_after(ne)
            patients = st.left_args(under, rel.object_classes)
            agents = st.right_args(by + 1, rel.subject_classes) if by is not None else []
            if (
                agents
                and patients
                and not self._qualified(st, st.refs[patients[0]].start, under, ne)
            ):
                return [
                    _Found(a, p, name, f"{name}.noun.under", "passive", trigger)
                    for a in agents
                    for p in patients
                ]
            return []
        objects: list[int] = []
        prep_at = st.find_word(ne, spec.object_preps, 7)
        if prep_at is not None:
            objects = st.right_args(prep_at + 1, rel.object_classes, reach=5)
        agents: list[int] = []
        rule = "agent"
        if objects and (by := st.passive_by(st.refs[objects[-1]].end)) is not None:
            agents = st.right_args(by + 1, rel.subject_classes, reach=4)
            if agents:  # "The probe into X was opened by Y"
                rule = "passive"
        prep_agent = (
            st.find_word(ne, spec.agent_preps, 9) if spec.agent_preps and not agents else None
        )
        if (
            prep_agent is not None
            and prep_at is not None
            and prep_at < prep_agent
            and lower[prep_agent] != "by"
        ):
            prep_agent = None  # "an inquiry into chatbots from X": X makes the chatbots
        if prep_agent is not None and any(
            lower[k] == "," and lower[k + 1] in st.cues.determiners for k in range(ne, prep_agent)
        ):
            prep_agent = None  # "a round for Y, a startup founded by X": X founded Y
        if prep_agent is not None and any(
            lower[k] in st.cues.allegation_participles for k in range(ne, prep_agent)
        ):
            prep_agent = None  # "its lawsuit accusing Y of stripping ... from its articles"
        if (
            prep_agent is not None
            and prep_agent - 2 >= ne
            and lower[prep_agent - 2] in st.cues.be_forms
            and lower[prep_agent - 1] not in spec.support_verbs
        ):
            prep_agent = None  # "which led Y's round, is run by X": "by" is the verb's
        if prep_agent is not None:
            agents = st.right_args(prep_agent + 1, rel.subject_classes, reach=4)
        if spec.possessor_object and not objects:
            possessor = st.possessor(ns)
            if possessor is not None and st.fits(possessor, rel.object_classes):
                objects = [possessor]
        if not agents and not spec.possessor_object:
            possessor = st.possessor(ns)
            if possessor is not None and st.fits(possessor, rel.subject_classes):
                agents, rule = [possessor], "possessive"
        relative = ne < s_end and (lower[ne] in st.cues.relative_pronouns or lower[ne] == "that")
        after = ne + 1 if relative else ne  # "the lawsuit (that) X filed against Y"
        if (
            not agents
            and after < s_end
            and (r := st.owner[after]) >= 0
            and st.refs[r].end < s_end
            and (st.fits(r, rel.subject_classes))
        ):
            k = st.refs[r].end
            while k < s_end - 1 and lower[k] in st.cues.auxiliaries:
                k += 1  # "the lawsuit he had brought against X"
            if lower[k] in self.support_verbs[name]:
                agents, rule = [r], "support"
            elif lower[k] in st.cues.event_openers:
                agents, rule = self._opener(st, r, rel.subject_classes), "support"
                if not agents:
                    return []  # the clause names its opener, but not clearly
        modifier = -1
        if (
            spec.modifier_agent_classes
            and ns > s_start
            and (m := st.owner[ns - 1]) >= 0
            and st.refs[m].kind in NAME_KINDS
        ):
            modifier = m
        if not agents and modifier >= 0 and st.fits(modifier, spec.modifier_agent_classes):
            agents, rule = [modifier], "modifier"  # "the target of an FTC investigation"
        elif modifier >= 0 and not objects and st.fits(modifier, rel.object_classes):
            objects = [modifier]  # "the Microsoft probe": its modifier is what is probed
            owner = st.possessor(st.refs[modifier].start)  # "its Microsoft probe"
            if not agents and owner is not None and st.fits(owner, rel.subject_classes):
                agents, rule = [owner], "possessive"
        if (
            not agents
            and spec.left_agent
            and (modifier < 0 or modifier not in objects)
            and not (  # "Meta was a defendant ... in the suit": a suit named before
                st.governing_preposition(ns) == "in"
                and lower[ns - 1] in st.cues.definite_determiners
            )
        ):
            left = st.left_args(ns, rel.subject_classes)
            if left and st.apposition_comma(ns, words=0) == st.refs[left[0]].end:
                # "X and Y formed Stargate, a joint venture": Stargate is the venture itself
                left = st.left_args(st.refs[left[0]].start, rel.subject_classes)
            if left and (
                not spec.support_verbs
                or any(w in spec.support_verbs for w in lower[st.refs[left[0]].end : ns])
            ):
                agents, rule = left, "left"
                support = next(
                    (k for k in range(st.refs[left[0]].end, ns) if lower[k] in self.support_words),
                    None,
                )
                if support is not None and name in EVENTS:  # "X ordered Y ... and opened a probe"
                    agents = st.shared_subject(support, agents, rel.subject_classes)
        opener: int | None = None
        if name in SYMMETRIC and not objects:  # "an agreement the two companies announced"
            pair, at = st.pair_before(ns, rel.subject_classes, after=ne)
            if pair and (not agents or at >= ne or at >= st.refs[agents[-1]].end):
                agents, opener, rule = pair, at, "left"
        if (
            not agents
            and rel.speaker_agent
            and (
                objects
                or (spec.topic_object and st.topic(s_start, ns, rel.object_classes, exclude=[]))
            )
        ):
            later = st.next_speaker(s_end, (st.government_class,))
            if later is not None:  # "A probe into X was opened. The regulator said ..."
                agents, rule = [later], "later"
        if not agents:
            return []
        kind = "noun"
        if not objects and name in SYMMETRIC and len(agents) >= 2 and rule == "left":
            if opener is not None and opener >= ne:  # "an agreement the two companies announced"
                if self._qualified(st, ns, ns, opener + 3, clause=False):
                    return []
            elif self._qualified(
                st, opener if opener is not None else st.refs[agents[-1]].start, ns, ne
            ):
                return []
            return [  # a three-way deal gives all three pairs
                _Found(a, b, name, f"{name}.noun.mutual", "noun", trigger)
                for i, a in enumerate(agents)
                for b in agents[i + 1 :]
            ]
        own = {st.refs[a].entity for a in agents}
        objects = [o for o in objects if st.refs[o].entity not in own]  # "from X into its ..."
        if not objects and name in EVENTS and prep_at is None:
            k = st.find_word(ne, st.cues.allegation_participles, 6)
            if k is None and lower[ne : ne + 1] == [","]:  # "The suit, filed by X, claims Y"
                k = st.find_word(ne, FILING_CLAIMS, 12)
            if k is not None:  # "filed a lawsuit in Texas accusing Apple and OpenAI of ..."
                objects = [o for o in st.right_args(k + 1, rel.object_classes, reach=3)]
                objects = [o for o in objects if st.refs[o].entity not in own]
        if not objects and spec.topic_object:
            topic = st.topic(s_start, ns, rel.object_classes, exclude=agents, same_entity=True)
            if (
                topic is not None
                and rule == "left"
                and lower[ns - 1] in st.cues.definite_determiners
                and st.refs[agents[0]].end < ns - 2
                and not any(w in self.support_words for w in lower[st.refs[agents[0]].end : ns])
            ):
                topic = None  # "X's founder, Y, called the suit frivolous": a suit named before
            if topic is not None:
                objects, kind = [topic], "topic"
                if (
                    rule == "left"
                    and len(agents) == 1
                    and st.adjunct_noun(ns)
                    and st.fits(topic, rel.subject_classes)
                    and st.fits(agents[0], rel.object_classes)
                    and st.refs[topic].start < st.refs[agents[0]].start
                ):  # "The regulator designated Google ... after a nine-month investigation"
                    agents, objects = [topic], [agents[0]]
        if not objects:
            return []
        first = min(st.refs[i].start for i in agents + objects)
        ender = st.event_ender(min(first, ns), ns) if name in EVENTS else None
        if lower[ns - 1] == "whose":  # "unlike X, whose case against Y ...": its own clause
            if self._qualified(st, ns - 1, ns, ne, clause=False):
                return []
        elif ender is not None:  # "a judge dismissed Musk's suit": the suit was still filed
            if self._qualified(st, ender + 1, ns, ne, clause=False):
                return []
        elif (
            rule == "possessive"
            and name in EVENTS
            and (owner := min(st.refs[a].start for a in agents)) > 0
            and lower[owner - 1] not in self.support_words
        ):  # "X may proceed with its lawsuit against Y": the clause's modal is not the
            # lawsuit's, which exists; "X may file its own lawsuit" creates it
            if self._qualified(st, min(first, ns), ns, ne, modal=False) or self._qualified(
                st, owner, ns, ne, clause=False
            ):
                return []
        elif self._qualified(st, min(first, ns), ns, ne):
            return []
        last = max(st.refs[i].end for i in (objects if rule == "later" else agents + objects))
        opening = ns if rule == "left" else min(first, ns)  # a left agent is the verb's subject
        if st.opens_clause(opening) and self._unsettled(st, max(last, ne)):
            return []  # "A deal between X and Y would need approval"
        return [
            _Found(a, o, name, f"{name}.noun.{rule}", kind, trigger)
            for a in agents
            for o in objects
        ]

    @staticmethod
    def _opener(st: _State, r: int, classes: Iterable[str]) -> list[int]:
        """Who opened the event in "an investigation it opened": the name; for a pronoun, the
        sentence's subject when the pronoun is it or the subject is the speaker whose finding
        the phrase describes ("X said Y had broken the law, a finding in an investigation it
        opened last year": X); none otherwise."""
        if st.refs[r].kind != "pronoun":
            return [r]
        s_start, _ = st.sentence(st.refs[r].start)
        j = s_start
        while (
            j < st.refs[r].start
            and st.owner[j] < 0
            and (not st.lower[j].isalpha() or st.lower[j] in st.cues.determiners)
        ):
            j += 1  # a dateline's dash, a quote mark, "The"
        subject = st.owner[j]
        if subject < 0 or not st.fits(subject, classes):
            return []
        if st.refs[subject].entity == st.refs[r].entity:
            return [r]
        return [subject] if st.lower[st.refs[subject].end] in st.speech else []

    # ------------------------------------------------------------------ roles

    def _role(
        self, st: _State, rel: RelationPatterns, spec: RolePattern, rs: int, re_: int
    ) -> list[_Found]:
        name, lower = rel.relation, st.lower
        s_start, s_end = st.sentence(rs)
        if (re_ < s_end and lower[re_] in st.cues.role_blockers_after) or (
            rs > s_start
            and (lower[rs - 1] in st.cues.role_blockers_before or lower[rs - 1] in spec.not_after)
        ):
            return []  # "chief technology officer", "vice president", "competition chief"
        holder_classes, possessor_classes = (
            (rel.subject_classes, rel.object_classes)
            if spec.holder == "subject"
            else (rel.object_classes, rel.subject_classes)
        )
        possessor: int | None = None
        more_possessors: list[int] = []
        region_start = rs
        i = rs - 1
        gap = 0
        while i >= s_start and gap <= MODIFIER_GAP:
            if st.owner[i] >= 0:
                break
            if lower[i] in st.cues.possessive_markers:
                break
            if (
                not lower[i].isalpha()
                or lower[i] in st.cues.prepositions
                or (lower[i] in st.cues.determiners)
                or lower[i] in st.cues.be_forms
            ):
                break
            i -= 1
            gap += 1
        if i >= s_start and lower[i] in st.cues.possessive_markers and st.owner[i - 1] >= 0:
            possessor = st.owner[i - 1]
            region_start = st.refs[possessor].start
        elif i >= s_start and st.owner[i] >= 0 and st.refs[st.owner[i]].end == i + 1:
            possessor = st.owner[i]
            region_start = st.refs[possessor].start
        elif (whose := self._relative_possessor(st, i, s_start)) is not None:
            possessor, region_start = whose, i + 1  # "Figure AI, whose backers include X"
        else:
            region_start = self._role_region(st, spec, i + 1, s_start)
        after = re_
        if possessor is None and after < s_end and lower[after] in spec.preps:
            j = after + 1
            while j < s_end and lower[j] in st.cues.determiners:
                j += 1
            if j < s_end and st.owner[j] >= 0:
                possessor = st.owner[j]
                after = st.refs[possessor].end
                if st.fits(possessor, possessor_classes):  # "chief executive of X and Y"
                    also = st.coordinated_right(possessor, possessor_classes, s_end)
                    if also:
                        more_possessors = also
                        after = st.refs[also[-1]].end
        holder: int | None = None
        j = after
        if j < s_end and lower[j] == ",":
            j += 1
        if (
            j < s_end
            and st.owner[j] >= 0
            and not (j > after and st.lower[st.refs[st.owner[j]].end] in st.speech)
        ):  # "..., the company said": a speaker, not the role's holder
            first = st.owner[j]
            if possessor is None and st.fits(first, possessor_classes):
                k = st.refs[first].end
                if k < s_end and st.owner[k] >= 0 and st.fits(st.owner[k], holder_classes):
                    possessor, holder = first, st.owner[k]
            if holder is None and st.fits(first, holder_classes):
                holder = first
        listed: list[int] = []
        if (
            holder is None
            and possessor is not None
            and after < s_end
            and (lower[after] in st.cues.list_verbs)
        ):
            listed = st.right_args(after + 1, holder_classes, reach=4)
            holder = listed[0] if listed else None
        if (
            holder is None
            and possessor is None
            and region_start - 1 > s_start
            and lower[region_start - 1] == "from"
            and re_ < s_end
            and lower[re_] in ("including", "like")
        ):  # "X raised $6.6 billion from investors including A and B"
            listed = st.right_args(re_ + 1, holder_classes, reach=4)
            left = st.left_args(region_start - 1, possessor_classes, coordinate=False)
            holder = listed[0] if listed else None
            possessor = left[0] if left else None
        if (
            holder is None
            and possessor is not None
            and region_start - 1 > s_start
            and lower[region_start - 1] == "among"
        ):  # "X, which counts A and B among its backers"
            listed = st.left_args(region_start - 1, holder_classes, reach=8)
            holder = listed[0] if listed else None
        named = False
        if holder is None and possessor is not None:
            holder = self._named_holder(st, possessor, region_start, holder_classes)
            named = holder is not None
        if holder is None:
            holder = st.apposition_head(region_start, holder_classes)
            if holder is not None and not listed:
                listed = self._holders_sharing_role(st, holder, holder_classes, after)
        if (
            possessor is None
            and holder is not None
            and region_start - 1 >= s_start
            and lower[region_start - 1] == "under"
        ):  # "Under chief executive Satya Nadella, Microsoft has ..."
            k = st.refs[holder].end
            if k + 1 < s_end and lower[k] == "," and st.owner[k + 1] >= 0:
                possessor = st.owner[k + 1]
        if possessor is None and holder is not None and spec.holder == "subject":
            possessor = self._speaking_title(st, region_start, holder, possessor_classes)
            if possessor is None:
                possessor = self._opening_title(st, region_start, re_, holder, possessor_classes)
        if holder is None or possessor is None or holder == possessor:
            return []
        if not st.fits(possessor, possessor_classes) or not st.fits(holder, holder_classes):
            return []
        if st.refs[holder].entity == st.refs[possessor].entity:
            return []
        window_start = min(st.refs[holder].start, region_start)
        if region_start <= st.refs[holder].start:
            window_start = max(s_start, region_start - 2)  # "Former OpenAI CEO Emmett Shear"
        if named:  # "has not named Y its partner": the naming verb's clause
            window_start = st.clause_start(st.refs[holder].start - 1)
        if self._qualified(st, window_start, rs, re_, clause=False):
            return []
        found = []
        for owner in [possessor, *more_possessors]:
            for one in listed or [holder]:
                if st.refs[one].entity == st.refs[owner].entity:
                    continue
                subject, obj = (one, owner) if spec.holder == "subject" else (owner, one)
                found.append(_Found(subject, obj, name, f"{name}.role", "role", (rs, re_)))
        return found

    @staticmethod
    def _named_holder(
        st: _State, possessor: int, region_start: int, classes: Iterable[str]
    ) -> int | None:
        """The object of a naming verb that a pronoun's role follows: "X named Y its primary
        training partner", "X chose Y as its partner": Y holds the role."""
        if st.refs[possessor].kind != "pronoun" or st.refs[possessor].start != region_start:
            return None
        k = region_start - 1
        if k > 0 and st.lower[k] == "as":
            k -= 1
        named = st.owner[k] if k > 0 else -1
        if named < 0 or not st.fits(named, classes) or named in st.blocked:
            return None
        start = st.refs[named].start
        return named if start >= 1 and st.lower[start - 1] in st.cues.naming_verbs else None

    @staticmethod
    def _holders_sharing_role(
        st: _State, holder: int, classes: Iterable[str], after: int
    ) -> list[int]:
        """Every holder of a role linked by a verb, not a comma: the names coordinated with
        the holder ("A and B were among the investors in X") and those of a comparative
        ellipsis after the role ("A was among the investors in X, as were B and C"); empty
        when the holder stands alone."""
        s_start, s_end = st.sentence(after)
        end = st.refs[holder].end
        found = [holder]
        if end < s_end and st.lower[end] != ",":
            found = [*reversed(st.coordinated_left(holder, classes, s_start)), holder]
        k = after
        while k + 3 < s_end and k - after <= ELLIPSIS_REACH:
            if st.lower[k] in st.cues.clause_breaks:
                break
            if (
                st.lower[k] == ","
                and st.lower[k + 1] == "as"
                and (st.lower[k + 2] in st.cues.be_forms or st.lower[k + 2] in ELLIPSIS_VERBS)
            ):
                found += st.right_args(k + 3, classes, reach=2)
                break
            k += 1
        return found if len(found) > 1 else []

    @staticmethod
    def _relative_possessor(st: _State, i: int, s_start: int) -> int | None:
        """The name a possessive relative at i stands for: the one right before its comma
        ("Tallowmere Capital, **whose** founder ...": Tallowmere Capital's founder)."""
        if st.lower[i] == "," and st.lower[i + 1] in st.cues.relative_possessives:
            i += 1  # the scan stopped at the comma, having passed over the relative
        if i - 2 < s_start or st.lower[i] not in st.cues.relative_possessives:
            return None
        if st.lower[i - 1] != "," or st.owner[i - 2] < 0:
            return None
        return st.owner[i - 2]

    def _speaking_title(
        self, st: _State, region_start: int, holder: int, classes: Iterable[str]
    ) -> int | None:
        """ "X has begun shipping ..., (rotating) chairman Eric Xu said.": a bare title and a
        name that close the sentence as its speaker hold the title at the sentence's subject."""
        lower = st.lower
        s_start, s_end = st.sentence(region_start)
        k = region_start - 1
        if k > s_start and lower[k].isalpha() and lower[k].islower() and st.owner[k] < 0:
            k -= 1  # "rotating chairman", "longtime chief executive"
        after = st.refs[holder].end
        if k <= s_start or lower[k] != "," or after >= s_end or lower[after] not in st.speech:
            return None
        if (
            after + 1 < s_end
            and lower[after + 1] not in (",", *SENTENCE_END)
            and (st.owner[after + 1] >= 0 or lower[after + 1] == "that")
        ):
            return None  # "..., chief executive X said Y ...": a new statement
        j = s_start
        while j < k and not lower[j].isalpha():
            j += 1  # a dateline's dash or a quote mark
        subject = st.owner[j] if j < k else -1
        if subject < 0 or not st.fits(subject, classes):
            return None
        if lower[st.refs[subject].end] in ("and", "&", ",", "or"):
            return None  # "Apple and Google are rivals, chief executive X said": whose?
        if any(lower[m] in st.cues.clause_breaks for m in range(st.refs[subject].end, k)):
            return None
        return subject

    @staticmethod
    def _opening_title(
        st: _State, region_start: int, re_: int, holder: int, classes: Iterable[str]
    ) -> int | None:
        """ "X unveiled Y. **Chief executive** Z said ...", "Will X open a case? **Chairman** Z
        would not say": a bare title and a name that open a sentence hold the title at the
        subject of the sentence before, which the new one goes on about."""
        lower = st.lower
        s_start, _ = st.sentence(region_start)
        j = s_start
        while j < region_start and not lower[j].isalpha():
            j += 1  # a quote mark
        if j != region_start or st.refs[holder].start != re_ or s_start == 0:
            return None
        p_start, _ = st.sentence(s_start - 1)
        k = p_start
        while k < s_start and (
            not lower[k].isalpha() or lower[k] in st.cues.auxiliaries or lower[k] in DETERMINERS
        ):
            k += 1  # "Will the FTC ...?"
        subject = st.owner[k] if k < s_start else -1
        if subject < 0 or st.refs[subject].kind not in NAME_KINDS or not st.fits(subject, classes):
            return None
        end = st.refs[subject].end
        if lower[end] in ("and", "&", "or") or (lower[end] == "," and st.owner[end + 1] >= 0):
            return None  # "Apple and Google ...": whose? An apposition after a comma is no list
        return subject

    def _role_region(self, st: _State, spec: RolePattern, start: int, s_start: int) -> int:
        """Where a role phrase begins, over earlier coordinated roles ("co-founder and CEO")."""
        lower = st.lower
        words = self.role_words[spec]
        k = start
        if (
            k < len(lower)
            and lower[k] in ("and", "&")
            and k - 1 >= s_start
            and (lower[k - 1] in words)
        ):
            k -= 1
        while k - 1 >= s_start and (
            lower[k - 1] in words
            or (lower[k - 1] in ("and", "&") and k - 2 >= s_start and lower[k - 2] in words)
        ):
            k -= 1
        return k

    def _hyphen(self, st: _State, rel: RelationPatterns, hs: int, he: int) -> list[_Found]:
        """ "Microsoft-backed OpenAI", and a descriptor that refers back: "CoreWeave, the
        Nvidia-backed cloud provider", "..., the Musk-founded start-up said"."""
        if hs < 2 or st.lower[hs - 1] != "-" or st.owner[hs - 2] < 0 or he >= len(st.lower):
            return []
        subject, obj = st.owner[hs - 2], st.owner[he]
        if subject == obj:  # "the Musk-founded start-up": the name inside the descriptor
            subject = next((k for k, r in enumerate(st.refs) if r.end == hs - 1), -1)
        if (
            subject < 0
            or obj < 0
            or not st.fits(subject, rel.subject_classes)
            or not st.fits(obj, rel.object_classes)
        ):
            return []
        return [_Found(subject, obj, rel.relation, f"{rel.relation}.hyphen", "hyphen", (hs, he))]

    def _possessives(self, st: _State) -> list[_Found]:
        """ "Musk's xAI": a name owned by the possessor, for relations whose data allow it."""
        found: list[_Found] = []
        n = len(st.lower)
        for rel in self.patterns.relations.values():
            if not rel.possessive or rel is self.develops:
                continue
            for index, ref in enumerate(st.refs):
                end = ref.end
                if (
                    st.owner[ref.start] != index
                    or end + 1 >= n
                    or (st.lower[end] not in st.cues.possessive_markers)
                ):
                    continue
                other = st.owner[end + 1]
                if (
                    other < 0
                    or st.refs[other].start != end + 1
                    or st.refs[other].kind not in (NAME_KINDS)
                ):
                    continue
                if st.fits(index, rel.subject_classes) and st.fits(other, rel.object_classes):
                    found.append(
                        _Found(
                            index,
                            other,
                            rel.relation,
                            f"{rel.relation}.possessive",
                            "possessive",
                            (end, end + 1),
                        )
                    )
        return found

    def _develops_forms(self, st: _State) -> list[_Found]:
        """ "Meta's Llama", "its H100 processors", "Nvidia H800 chips", "ChatGPT maker OpenAI"."""
        rel = self.develops
        found: list[_Found] = []
        makers = set(rel.agent_nouns)
        n = len(st.lower)
        for index, ref in enumerate(st.refs):
            if st.owner[ref.start] != index:
                continue
            end = ref.end
            if ref.kind == "maker" and st.fits(index, rel.subject_classes):
                product = next(
                    (
                        k
                        for k, r in enumerate(st.refs)
                        if k != index
                        and r.start >= ref.start
                        and r.end < ref.end
                        and st.fits(k, rel.object_classes)
                    ),
                    -1,
                )
                if product >= 0:
                    found.append(
                        _Found(
                            index,
                            product,
                            rel.relation,
                            "develops.maker",
                            "agent_noun",
                            (ref.start, ref.end),
                        )
                    )
                continue
            k = end + 1 if end < n and st.lower[end] in st.head_nouns else end
            if (
                st.fits(index, rel.object_classes)
                and k + 1 < n
                and (st.lower[k] in rel.source_preps)
            ):
                maker = st.owner[k + 1]  # "the Gemini models from Google"
                if (
                    maker >= 0
                    and st.refs[maker].kind in NAME_KINDS
                    and st.fits(maker, rel.subject_classes)
                    and maker not in st.blocked
                ):
                    found.append(
                        _Found(
                            maker,
                            index,
                            rel.relation,
                            "develops.source",
                            "compound",
                            (end, end + 1),
                        )
                    )
            if not st.fits(index, rel.subject_classes):
                if st.fits(index, rel.object_classes) and end + 1 < n and st.lower[end] in makers:
                    org = st.owner[end + 1]
                    if org >= 0 and st.fits(org, rel.subject_classes):
                        found.append(
                            _Found(
                                org,
                                index,
                                rel.relation,
                                "develops.title",
                                "agent_noun",
                                (end, end + 1),
                            )
                        )
                continue
            possessive = end < n and st.lower[end] in st.cues.possessive_markers
            whose = end + 1 < n and st.lower[end] == "," and st.lower[end + 1] == "whose"
            pronoun = ref.kind == "pronoun" and st.lower[ref.start] in ("its", "their")
            if rel.possessive and (possessive or pronoun or whose):
                j = end + 2 if whose else end + 1 if possessive else end  # "X, whose R1 model"
                gap = 0
                while (
                    j < n
                    and st.owner[j] < 0
                    and gap < MODIFIER_GAP
                    and st.lower[j].isalpha()
                    and st.lower[j] not in st.cues.prepositions
                ):
                    if st.lower[j] in st.head_nouns and not (j + 1 < n and st.owner[j + 1] >= 0):
                        k = j + 2 if j + 1 < n and st.lower[j + 1] == "," else j + 1
                        if (
                            k + 1 < n
                            and st.lower[k] in ("including", "like")
                            and (st.owner[k + 1] >= 0)
                        ):
                            j = k + 1  # "its AI products, including Alexa"
                        break  # "DeepSeek's chatbot overtook ChatGPT": the noun is the product
                    if st.lower[j] in ("and", "or", "but"):
                        break  # "DeepSeek's engineering and called R1 ...": a new phrase
                    k = j + 2 if j + 2 < n and st.lower[j + 1] == "," else j + 1
                    if k + 1 < n and st.lower[k] in ("including", "like") and st.owner[k + 1] >= 0:
                        j = k + 1  # "its AI products, including Alexa"
                        break
                    j += 1
                    gap += 1
                if j < n and st.owner[j] >= 0 and st.fits(st.owner[j], rel.object_classes):
                    first = st.owner[j]  # "Nvidia's Blackwell and Hopper chips"
                    _, s_end = st.sentence(j)
                    for product in [first, *st.coordinated_right(first, rel.object_classes, s_end)]:
                        found.append(
                            _Found(
                                index,
                                product,
                                rel.relation,
                                "develops.possessive",
                                "possessive",
                                (end, end + 1),
                            )
                        )
            elif (
                rel.compound
                and end < n
                and st.owner[end] >= 0
                and st.fits(st.owner[end], rel.object_classes)
                and st.refs[st.owner[end]].kind in NAME_KINDS
            ):
                found.append(
                    _Found(
                        index,
                        st.owner[end],
                        rel.relation,
                        "develops.compound",
                        "compound",
                        (end, end),
                    )
                )
        return found

    # ------------------------------------------------------------------ accusations

    def _suit_allegations(self, st: _State, found: list[_Found]) -> list[_Found]:
        """ "X sued Y, alleging/accusing ...", "a lawsuit claiming ...": X accuses Y as well.

        A participle that names a target of its own ("..., accusing Z of ...") is left to the
        verb rule.
        """
        out: list[_Found] = []
        participles = st.cues.allegation_participles | st.cues.evaluative_participles
        for f in found:
            if f.relation != "sues" or f.kind not in CLAIMABLE:
                continue
            _, s_end = st.sentence(f.trigger[0])
            j = max(st.refs[f.subject].end, st.refs[f.object].end, f.trigger[1])
            while (
                j < s_end
                and st.lower[j] not in participles
                and (st.lower[j] not in st.cues.clause_breaks)
            ):
                j += 1
            if (
                j >= s_end
                or st.lower[j] not in participles
                or not (st.lower[j - 1] in (",", "for") or st.lower[j - 1] in self.sues_nouns)
            ):
                continue
            if st.lower[j] in self.cues.evaluative_participles and not any(
                j < w < st.clause_end(j + 1) or j < w < s_end for w in st.wrongdoing
            ):
                continue  # "calling it a bottomless pit of plagiarism", not "calling it baseless"
            k = j + 1
            while k < s_end and st.lower[k] in st.cues.determiners:
                k += 1
            named = st.owner[k] if k < s_end else -1
            if (
                named >= 0
                and st.refs[named].kind in NAME_KINDS
                and (st.refs[named].entity != st.refs[f.object].entity)
            ):
                continue
            out.append(
                _Found(
                    f.subject, f.object, "accuses", "accuses.suit.participle", "claim", (j, j + 1)
                )
            )
        return out

    def _cue_hits(self, st: _State, doc: Doc) -> list[tuple[str, int, int]]:
        """Speech, allegation, evidence and wrongdoing cues, with "without (their) consent"
        (cues lacking_nouns) as wrongdoing."""
        hits = [(doc.vocab.strings[key], cs, ce) for key, cs, ce in self.cue_matcher(doc)]
        weak, objects = self.cues.weak_wrongdoing, self.cues.misused_objects
        hits = [  # "took steps", "lifted its forecast": no accusation without a misused object
            (kind, cs, ce)
            for kind, cs, ce in hits
            if kind != "wrongdoing_verbs"
            or " ".join(st.lower[cs:ce]) not in weak
            or any(w in objects or w in ("our", "us") for w in st.lower[ce : ce + 6])
        ]
        lacking = self.cues.lacking_nouns
        for j, word in enumerate(st.lower):
            if word == "without" and any(w in lacking for w in st.lower[j + 1 : j + 5]):
                hits.append(("wrongdoing_verbs", j, j + 1))
        return hits

    @staticmethod
    def _owner_of_object(st: _State, r: int, cs: int) -> bool:
        """Whether the name at r owns the noun phrase right before cs ("X's articles without
        permission"): the owner of what was taken, not the one who took it."""
        end = st.refs[r].end
        if end >= cs or st.lower[end] not in st.cues.possessive_markers:
            return False
        between = st.lower[end + 1 : cs]
        return 0 < len(between) <= 3 and all(
            w.isalpha() and st.owner[end + 1 + k] < 0 for k, w in enumerate(between)
        )

    def _accusations(self, st: _State, doc: Doc, hits: list[tuple[str, int, int]]) -> list[_Found]:
        """Speakers who allege wrongdoing or claim evidence of it accuse the wrongdoer."""
        found: list[_Found] = []
        agents = self.patterns.relations["accuses"].subject_classes
        for kind, cs, ce in hits:
            if kind == "speech_verbs" or st.question(cs):
                continue
            if (
                kind == "allegation_verbs"
                and cs > 0
                and (st.lower[cs - 1] in st.cues.prepositions or st.lower[cs - 1] in DETERMINERS)
            ):
                continue  # "over suspected money laundering", "the alleged theft": an adjective
            quote = st.quote_at(cs)
            if kind == "wrongdoing_verbs":
                accused = st.left_args(cs, agents, reach=12, possessive_ok=True)
                if st.lower[cs] == "without":  # "using the newspaper's articles without consent"
                    accused = [a for a in accused if not self._owner_of_object(st, a, cs)]
                accused = [a for a in accused if quote is None or st.refs[a].start >= quote.start]
                speaker, verb = None, None
                opener = None
                if quote is None:  # "that both companies had": the plural is the wrongdoer
                    pair, opener = st.pair_before(cs, agents)
                    if (
                        opener is not None
                        and opener > 0
                        and (
                            st.lower[opener - 1] == "that"
                            or st.lower[opener - 1] in st.cues.speech_verbs
                        )
                        and (not accused or st.refs[accused[0]].end <= opener)
                    ):  # the plural opens the statement: not "accusing the companies of"
                        accused = pair
                    else:
                        opener = None
                if accused:
                    first = st.refs[accused[0]].start if opener is None else opener
                    verb = st.speech_before(first)
                    if verb is not None:
                        speaker = st.speaker_of(verb, agents)
                if opener is not None and (
                    verb is None
                    or speaker is None
                    or any(st.refs[a].entity == st.refs[speaker].entity for a in accused)
                ):
                    continue  # a pair that speaks of itself accuses no one
                if speaker is None and accused:
                    speaker = st.opening_source(cs, agents)  # "According to X, Y copied ..."
                if speaker is None and quote is not None and quote.speaker is not None:
                    speaker = st.ref_index(quote.speaker)
                    if not accused:
                        accused = st.said_of(quote.end, agents)
                if speaker is None or not accused:
                    continue
                if verb is not None and any(
                    w in ("whether", "if") or w in self.inquiry_verbs for w in st.lower[verb:cs]
                ):
                    continue  # "said it would examine whether X had illegally ...": an inquiry
                begin = st.refs[accused[0]].start
                if begin > cs:
                    begin = quote.start if quote is not None else cs
                if _contains(st.lower[begin:cs], self.negation):
                    continue
                if verb is not None and self._qualified(
                    st, st.refs[speaker].start, verb, verb + 1, clause=False
                ):
                    continue
                if verb is not None:
                    accused = self._not_self(st, accused, speaker, verb, agents)
            else:
                if quote is not None and quote.speaker is not None and cs > quote.start:
                    speaker = st.ref_index(quote.speaker)
                else:
                    speaker = st.speaker_of(cs, agents, outlets=kind == "allegation_verbs")
                if speaker is None:
                    continue
                if kind == "evidence_cues" and self._examined(st, cs):
                    continue  # "reviewing indications that X ...": an inquiry, not a charge
                reach = 10 if kind == "evidence_cues" else 8
                accused = st.right_args(ce, agents, reach=reach, stop_at_clause=False)
                while accused and st.after_preposition(st.refs[accused[0]].start):
                    after = st.refs[accused[-1]].end  # "alleged in a post on X that Y ..."
                    accused = st.right_args(after, agents, reach=reach, stop_at_clause=False)
                if not accused or self._qualified(st, st.refs[speaker].start, cs, ce):
                    continue
            for a in accused:
                if st.refs[a].kind == "speaker":
                    continue  # "they took our code": "our" is the accuser's side
                if st.refs[a].entity != st.refs[speaker].entity:
                    found.append(
                        _Found(speaker, a, "accuses", f"accuses.claim.{kind}", "claim", (cs, ce))
                    )
        return found

    @staticmethod
    def _not_self(
        st: _State, accused: list[int], speaker: int, verb: int, agents: Iterable[str]
    ) -> list[int]:
        """A pronoun in the accusation that coreference gave to the accuser stands for the
        party named before the statement instead: no one accuses itself ("Meta denied a claim
        by Oracle that **it** had copied ...": Meta)."""
        who = st.refs[speaker].entity
        result = []
        for a in accused:
            if st.refs[a].kind == "pronoun" and st.refs[a].entity == who:
                before = [
                    b
                    for b in st.left_args(verb, agents, reach=12, coordinate=False)
                    if st.refs[b].entity != who
                ]
                result.extend(before)
            else:
                result.append(a)
        return result

    def _examined(self, st: _State, cs: int) -> bool:
        """Whether evidence at cs is the object of an investigating verb ("reviewing
        indications that", "examining evidence of")."""
        k = cs - 1
        while k >= 0 and st.lower[k] in st.cues.determiners:
            k -= 1
        return k >= 0 and st.lower[k] in self.inquiry_verbs

    # ------------------------------------------------------------------ parse candidates

    def _parsed(self, st: _State, found: list[_Found], candidates: list[Candidate]) -> list[_Found]:
        """Merge kg_dependency's candidates into the rules' findings.

        Where the parse read a trigger's arguments, a rule finding on that trigger whose subject
        or object is neither one of them nor inside one's phrase is dropped ("Microsoft invested
        in Inflection, a startup founded by X": X did not found Microsoft). A finding the parse
        shares takes the parse's speaker, if any; the parse's other candidates join when they
        pass the rules' filters.
        """
        index = {ref: k for k, ref in enumerate(st.refs)}
        read: dict[tuple[str, int], tuple[list[Ref], list[Ref]]] = {}
        spoken: dict[tuple, int] = {}
        parsed: list[_Found] = []
        for c in candidates:
            subject, obj = index.get(c.subject), index.get(c.object)
            if subject is None or obj is None:
                continue
            speaker = index.get(c.speaker) if c.speaker is not None else None
            f = _Found(subject, obj, c.relation, c.rule, c.kind, c.trigger, speaker)
            subjects, objects = read.setdefault((c.relation, c.trigger[0]), ([], []))
            subjects.append(c.subject)
            objects.append(c.object)
            if speaker is not None:
                spoken[self._identity(st, f)] = speaker
            parsed.append(f)
        kept: list[_Found] = []
        for f in found:
            if f.kind in PARSED_KINDS and (reading := read.get((f.relation, f.trigger[0]))):
                subjects, objects = reading
                if f.relation in SYMMETRIC:
                    subjects = objects = subjects + objects
                if not (
                    st.within(st.refs[f.subject], subjects)
                    or self._conjunct_of(st, f.subject, subjects, f.relation)
                ) or not st.within(st.refs[f.object], objects):
                    continue
            speaker = spoken.get(self._identity(st, f))
            if f.rule.endswith(".noun.possessive"):
                speaker = None  # "after DeepSeek's release of V3": presupposed, not reported
            kept.append(replace(f, speaker=speaker) if speaker is not None else f)
        known = {self._identity(st, f) for f in kept}
        for f in parsed:
            ts, te = f.trigger
            first = min(st.refs[f.subject].start, st.refs[f.object].start, ts)
            last = max(st.refs[f.subject].end, st.refs[f.object].end, te)
            if f.kind == "role" and st.succeeded(f.subject):
                continue  # "X replaced Y as chief executive": not Y's role
            if (
                self._identity(st, f) in known
                or st.question(ts)
                or self._qualified(st, first, ts, te, clause=f.kind != "role")
                or (f.kind == "noun" and st.opens_clause(first) and self._unsettled(st, last))
            ):
                continue
            known.add(self._identity(st, f))
            kept.append(f)
        return kept

    def _conjunct_of(self, st: _State, subject: int, parsed: list[Ref], relation: str) -> bool:
        """Whether the subject is coordinated right before a subject the parse read ("by A
        and B, which accused ...": the parse reads only B as the relative's antecedent)."""
        classes = self.patterns.relations[relation].subject_classes
        index = {ref: k for k, ref in enumerate(st.refs)}
        for ref in parsed:
            k = index.get(ref)
            if k is not None and subject in st.coordinated_left(
                k, classes, st.sentence(ref.start)[0]
            ):
                return True
        return False

    @staticmethod
    def _identity(st: _State, f: _Found) -> tuple:
        pair = (st.refs[f.subject].entity, st.refs[f.object].entity)
        if f.relation in SYMMETRIC:
            pair = tuple(sorted(pair))
        return (f.relation, *pair, st.sentence(f.trigger[0])[0])

    # ------------------------------------------------------------------ qualifiers

    def _qualified(
        self, st: _State, start: int, ts: int, te: int, *, modal: bool = True, clause: bool = True
    ) -> bool:
        """Whether negation or a modal cue governs the clause up to the trigger."""
        begin = st.clause_start(start) if clause else start
        begin = st.report_content(begin, ts)
        if st.headline_future(begin, ts):
            return True
        words = st.cue_words(begin, te)
        if _contains(words, self.negation) or (modal and _contains(words, self.modal)):
            return True
        comma = max(  # "X, a former PayPal executive who co-founded Y": not X's former role
            (
                k
                for k in range(begin, ts)
                if st.lower[k] == "," or st.lower[k] in st.cues.relative_pronouns
            ),
            default=begin - 1,
        )
        near = st.lower[comma + 1 : te]  # "Mira Murati, OpenAI's former CTO, founded X"
        if _contains(near, self.ended) and not _contains(
            st.lower[te : st.sentence(te)[1]], self.ended_reversed
        ):  # "briefly ousted as CEO of OpenAI before being reinstated" still leads
            return True
        if _contains(near, self.ended_after):
            return True
        after = st.lower[te : st.clause_end(te)]
        if _contains(after, self.ended_after):
            return True
        stop = te
        while stop < te + 4 and stop < len(st.owner) and st.owner[stop] < 0:
            if st.lower[stop] == "by":
                break  # "founded by former Apple design chief Jony Ive": "former" is his title
            stop += 1
        if _contains(st.lower[te:stop], self.ended):  # "the alliance was dissolved"
            return True
        return st.negated_by_parse(ts, te)

    def _unsettled(self, st: _State, after: int) -> bool:
        """Whether the predicate after a subject noun phrase leaves its relation open."""
        _, end = st.sentence(after)
        if (
            after + 1 < end
            and st.lower[after] == ","
            and (
                st.lower[after + 1] in st.cues.relative_pronouns
                or (st.lower[after + 1].endswith("ed") and st.owner[after + 1] < 0)
            )
        ):  # "X's investment in Y, which now totals $8 billion, has ...", "..., announced in"
            after = st.find_word(after + 1, {","}, 15) or end
        stop = after
        while stop < end and (
            st.lower[stop] not in st.cues.clause_breaks
            or (st.lower[stop] == "yet" and st.lower[stop - 1] in st.predicate_starts | {"not"})
        ):  # "has yet to be finalised" is no "yet" that opens a clause
            if st.lower[stop] in st.relation_nouns:
                return False  # "... has not drawn an inquiry": the cue is that noun's
            if stop > after and st.lower[stop] in SUBORDINATORS:
                break  # "... ended in defeat when a judge ruled that Meta does not ...": its own
            stop += 1
        return _contains(st.cue_words(after, stop), self.predicate_qualifiers)

    # ------------------------------------------------------------------ records

    def _records(self, st: _State, doc: Doc, found: list[_Found]) -> list[Relation]:
        conf = self.cues.confidence
        best: dict[tuple, Relation] = {}
        text = text_of(doc)
        offsets, words = offsets_of(doc), st.words
        st.led = {
            (st.refs[f.subject].entity, st.refs[f.object].entity)
            for f in found
            if f.relation == "leads"
        }
        for f in found:
            subject, obj = st.refs[f.subject], st.refs[f.object]
            if subject.entity == obj.entity or f.object in st.blocked:
                continue
            if f.subject in st.blocked and not (
                f.kind == "claim" and f.subject in st.attributed and not st.is_reporter(f.subject)
            ):  # "According to Anthropic, DeepSeek used Claude without permission": it accuses
                continue
            excluded = self.patterns.relations[f.relation].subject_excluded_classes
            if excluded and st.fits(f.subject, excluded):
                continue
            claimant = st.claimant(f) if f.kind in CLAIMABLE else st.source_claimant(f)
            if claimant is None and f.kind in CLAIMABLE and st.hearsay(f.trigger[0]):
                continue  # "..., people familiar with the matter said": no one states it
            ts, te = f.trigger
            first = min(subject.start, obj.start, ts)
            last = max(subject.end, obj.end, te)
            # a claim in a quote can run past its sentence: the evidence covers every one it spans
            sentence_start, _ = st.sentence(first)
            _, sentence_end = st.sentence(max(first, last - 1))
            start_char = offsets[first]
            end_char = offsets[last - 1] + len(words[last - 1]) if last > first else start_char
            confidence = conf.get(f.kind, conf["verb"])
            notes = tuple(r.resolution for r in (subject, obj) if r.resolution)
            if notes:
                confidence *= conf["coref_factor"]
            if max(ts - subject.end, obj.start - te, subject.start - te, ts - obj.end) > 5:
                confidence *= conf["distance_factor"]
            s_char = offsets[sentence_start]
            while text[s_char].isspace() and s_char < start_char:
                s_char += 1
            relation = Relation(
                subject=subject.entity,
                predicate=f.relation,
                object=obj.entity,
                sentence_start=s_char,
                sentence_end=offsets[sentence_end - 1] + len(words[sentence_end - 1]),
                start=start_char,
                end=end_char,
                matched=text[start_char:end_char],
                rule=f.rule,
                confidence=round(confidence, 3),
                resolutions=notes,
                claimed_by=claimant,
            )
            pair = (subject.entity, obj.entity)
            if f.relation in SYMMETRIC:
                pair = tuple(sorted(pair))
            key = (f.relation, *pair, claimant, s_char)
            if key not in best or best[key].confidence < relation.confidence:
                best[key] = relation
        return sorted(best.values(), key=lambda r: (r.start, r.predicate))


FILING_CLAIMS = frozenset({"claims", "alleges", "accuses", "contends", "argues", "says"})
"""Verbs whose subject is a filing and whose object is its defendant ("the suit ... claims Y")."""
CLOSING_PARTICIPLES = frozenset({"concluding", "ending", "closing", "capping", "completing"})
""" ", concluding a two-year investigation into X": the adjunct's agent is the sentence's."""
SUBORDINATORS = frozenset({"when", "because", "after", "before", "since", "although", "though"})
"""Words that open a subordinate clause, whose qualifiers are its own."""
DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that"})
"""Words before an allegation participle that make it an adjective ("the alleged theft")."""
GROUP_NOUNS = frozenset({"group", "coalition", "consortium", "alliance", "collective"})
"""Nouns for several parties that a named leader stands for ("a group led by X sued")."""
CONTRASTS = frozenset({"but", "while", "whereas", "although", "though"})
"""Words after a comma that open a clause a source in the other clause does not report."""
REPORT_NOUNS = frozenset({"report", "reports", "story", "article"})
"""Nouns whose "that" clause states what the source before or after them reports."""
VP_ADVERBS = frozenset({"also", "then", "later", "subsequently", "separately", "quickly"})
"""Adverbs between "and" and a coordinated verb ("... and **also** opened a review")."""
MEMBER_PREPS = frozenset({"at", "from", "for", "with"})
"""Prepositions between people and the organisation they act for ("officials **at** the FTC")."""


def pattern_views(patterns: PatternSet) -> dict[str, object]:
    """The word sets and phrases _State reads from the pattern data, by attribute name: they
    depend on the patterns only, so a RelationFinder builds them once, not once per document."""
    return vars(_PatternViews(patterns))


class _PatternViews:
    """What a _State reads from the pattern data alone."""

    def __init__(self, patterns: PatternSet) -> None:
        self.speech = (
            frozenset(patterns.cues.speech_verbs)
            | frozenset(patterns.cues.allegation_verbs)
            | patterns.cues.claim_nouns
        )
        self.reporters = patterns.cues.reporter_classes
        self.agents = patterns.relations["accuses"].subject_classes
        self.predicate_starts = (patterns.cues.be_forms | patterns.cues.auxiliaries) - {
            "'s",
            "’s",
            "also",
            "then",
        }
        """Words right after a verb that start another predicate, never its object."""
        self.leading_words = frozenset(
            word
            for verb in patterns.relations["leads"].verbs
            for form in verb.forms
            for word in form.lower().split()
            if word not in ("at", "the", "of", "up", "is", "was", "helm")
        ) | frozenset(
            word
            for role in patterns.relations["leads"].roles
            if role.holder == "subject"
            for form in role.forms
            for word in form.lower().split()
        )
        """Words that give a person a leading role in an apposition ("chaired", "chief")."""
        self.conjunctions = Phrases(patterns.cues.conjunctions)
        self.blocking = Phrases(patterns.cues.object_blocking_preps)
        self.pair_nouns = Phrases(patterns.cues.pair_nouns)
        self.source_phrases = Phrases(patterns.cues.source_before)
        self.reported_speech = frozenset(
            w for w in patterns.cues.speech_verbs if " " not in w and not w.endswith("ing")
        )
        self.clause_openers = (
            patterns.cues.auxiliaries
            | patterns.cues.be_forms
            | patterns.cues.copulas
            | frozenset(patterns.cues.speech_verbs)
        )
        self.relation_nouns = frozenset(
            form.lower()
            for rel in patterns.relations.values()
            for noun in rel.nouns
            for form in noun.forms
            if " " not in form
        )
        self.naming = patterns.names.naming_words
        self.org_nouns = frozenset(
            noun for noun in patterns.names.organization_nouns if " " not in noun
        )
        self.head_nouns = frozenset(
            noun for noun in patterns.names.product_nouns if " " not in noun
        )
        self.accusation_nouns = frozenset(
            form for noun in patterns.relations["accuses"].nouns for form in noun.forms
        )
        self.filing_nouns = frozenset(
            form
            for noun in patterns.relations["sues"].nouns
            for form in noun.forms
            if " " not in form
        )
        self.anonymous = Phrases(patterns.cues.anonymous_sources)
        self.person_titles = patterns.names.person_titles
        self.enders = Phrases(patterns.cues.event_enders)
        self.ended_words = frozenset(w for w in patterns.cues.ended if " " not in w)
        self.non_name_words = patterns.names.non_name_words
        self.title_words = frozenset(w.lower() for w in patterns.names.person_titles) | (
            patterns.names.person_nouns
        )
        self.person_class = str(KG.Person)
        self.government_class = str(KG.GovernmentBody)
        self.anonymous_first = frozenset(p[0] for p in self.anonymous)
        self.fitting: dict[tuple[str, tuple[str, ...]], bool] = {}
        """(entity class, classes) → whether the class is one of them or below: fits() asks
        for every candidate argument, and the answer holds for every document."""


class _State(_PatternViews):
    """Per-document views that the rules share: words, Refs, token owners, sentences, quotes.

    The pattern views come built (RelationFinder keeps them): _PatternViews.__init__ is not run.
    """

    def __init__(
        self,
        doc: Doc,
        ontology: Ontology,
        patterns: PatternSet,
        views: dict[str, object] | None = None,
    ) -> None:
        self.doc = doc
        self.ontology = ontology
        self.cues = patterns.cues
        self.lower = lower_of(doc)
        self.words = words_of(doc)
        self.refs: list[Ref] = list(doc._.kg_refs)
        self.entities: dict[str, Entity] = doc._.kg_entities
        self.owner = [-1] * len(doc)
        for index in sorted(
            range(len(self.refs)), key=lambda k: self.refs[k].end - self.refs[k].start
        ):
            ref = self.refs[index]
            for i in range(ref.start, ref.end):
                self.owner[i] = index
        self.starts = sentence_starts_of(doc)
        self.ends = [*self.starts[1:], len(doc)]
        self.by_token: list[tuple[int, int]] = []
        """(start, end) of the sentence holding each token, as sentence() gives it."""
        for bounds in zip(self.starts, self.ends, strict=True):
            self.by_token.extend([bounds] * (bounds[1] - bounds[0]))
        self.blocked = blocked_refs(self.lower, self.refs, self.entities, ontology, self.cues)
        self.quotes: list[Quote] = doc._.kg_quotes or []
        self.__dict__.update(views if views is not None else pattern_views(patterns))
        self.led: set[tuple[str, str]] = set()
        """(person, organisation) pairs of the leads relations found in the document: a leader
        who speaks about their organisation's deal states a fact, not a third party's claim."""
        self.attributed = attributed_refs(self.lower, self.refs, self.entities, ontology, self.cues)
        """Names a source position makes sources, outlets or not ("according to PitchBook")."""
        self.sources = source_refs(self.lower, self.refs, self.entities, ontology, self.cues)
        self.sources |= self.attributed
        self.blocked |= self.attributed
        self.speaking = speaking_parties(self.lower, self.refs, self.entities, ontology, self.cues)
        self._hearsay: dict[int, list[int]] = {}
        self.wrongdoing: list[int] = []
        """Where wrongdoing cues start, set before the accusation rules run."""
        self.parties: set[tuple[int, str]] = set()
        """(sentence start, entity) of every argument found, set before the records."""
        self.has_parse = doc.has_annotation("DEP")

    def inside_name(self, start: int, end: int) -> bool:
        """Whether the words start:end lie inside one named entity's mention."""
        owner = self.owner[start]
        return owner >= 0 and self.refs[owner].kind in NAME_KINDS and self.refs[owner].end >= end

    def hearsay(self, ts: int) -> bool:
        """Whether unnamed sources state the clause at ts ("..., people familiar with the
        matter said", "according to people briefed on the talks"); a source in another clause
        joined by ", and" or a clause break is about that clause."""
        start, end = self.sentence(ts)
        if start not in self._hearsay:
            self._hearsay[start] = [
                k
                for k in range(start, end)
                if self.lower[k] in self.anonymous_first
                and any(tuple(self.lower[k : k + len(p)]) == p for p in self.anonymous)
            ]
        for k in self._hearsay[start]:
            low, high = (k, ts) if k < ts else (ts, k)
            if not any(
                self.lower[j] in self.cues.clause_breaks
                or (self.lower[j] == "," and self.lower[j + 1] in ("and", "but"))
                for j in range(low, high)
            ):
                return True
        return False

    def report_content(self, begin: int, ts: int) -> int:
        """Where the content clause of a source's report that holds ts begins ("denied a
        Financial Times report **that** ...", "a report by Nikkei Asia **that** ..."), or begin:
        a denial or modal before the report is the party's answer to it and leaves the
        source's claim standing."""
        for k in range(ts - 1, begin, -1):
            if self.lower[k] != "that":
                continue
            before = self.owner[k - 1]
            if before >= 0 and before in self.sources:  # "a report by Nikkei Asia that"
                start = self.refs[before].start
                if (
                    start >= 2
                    and self.lower[start - 1] in ("by", "from", "in")
                    and self.lower[start - 2] in REPORT_NOUNS
                ):
                    return k + 1
            elif self.lower[k - 1] in REPORT_NOUNS:  # "a Financial Times report that"
                j = k - 2
                if j >= 0 and self.lower[j] in self.cues.possessive_markers:
                    j -= 1
                if j >= 0 and self.owner[j] >= 0 and self.owner[j] in self.sources:
                    return k + 1
            return begin
        return begin

    def shared_subject(self, ts: int, found: list[int], classes: Iterable[str]) -> list[int]:
        """The subject of a verb at ts that follows "and" ("X ordered Y to ... **and opened**
        an inquiry", "X summoned Y's officials **and said** ..."): the coordinated verb phrase
        shares the clause's subject, not the nearest name before it, which is the first
        verb's object."""
        start, _ = self.sentence(ts)
        k = ts - 1
        while k > start and self.lower[k] in VP_ADVERBS:
            k -= 1
        if k <= start or self.lower[k] != "and" or not found or self.lower[k - 1] == ",":
            return found
        subject = self.topic(self.clause_start(ts), ts, classes, exclude=[])
        if subject is None or subject in found:
            return found
        if self.refs[subject].end > self.refs[found[0]].start:
            return found
        return [subject]

    def document_before(self, ts: int) -> int | None:
        """The document noun whose content a participle at ts gives ("a letter accusing",
        "a letter last year accusing"), or None."""
        start, _ = self.sentence(ts)
        k = ts - 1
        while (
            k > start
            and ts - k <= 4
            and self.owner[k] < 0
            and (self.lower[k] in self.cues.time_words or self.lower[k].isdigit())
        ):
            k -= 1
        return k if k >= start and self.lower[k] in self.cues.document_nouns else None

    def document_phrase(self, noun: int) -> int:
        """Where the noun phrase of a document noun begins: its possessor or determiner, or
        the noun itself when it is neither definite nor possessed, so that a modal of the
        main clause qualifies only an indefinite document ("may send a letter accusing ...")
        and not one that exists ("may proceed with its lawsuit accusing ...")."""
        start, _ = self.sentence(noun)
        k = noun - 1
        while (
            k > start
            and noun - k <= 4
            and self.owner[k] < 0
            and self.lower[k]
            not in (
                self.cues.possessive_pronouns | self.cues.definite_determiners | {",", "a", "an"}
            )
        ):
            k -= 1  # "its **copyright** lawsuit", "the cease-and-desist letter"
        word = self.lower[k]
        if word in self.cues.possessive_pronouns or word in self.cues.definite_determiners:
            return k
        if word in self.cues.possessive_markers and self.owner[k - 1] >= 0:
            return self.refs[self.owner[k - 1]].start
        return self.clause_start(noun)

    def filing_relative(
        self, ts: int, classes: Iterable[str], object_classes: Iterable[str]
    ) -> tuple[int, list[int]] | None:
        """ "X's lawsuit against Y and Z, which accuses them of ...": the relative clause is
        the filing's, so X is the subject and Y and Z the objects."""
        start, end = self.sentence(ts)
        if (
            ts - 3 < start
            or self.lower[ts - 1] not in ("which", "that")
            or self.lower[ts - 2] != ","
        ):
            return None
        last = self.owner[ts - 3]
        if last < 0 or not self.fits(last, object_classes):
            return None
        chain = [last, *self.coordinated_left(last, object_classes, start)]
        first = min(self.refs[c].start for c in chain)
        k = first - 1
        if k <= start or self.lower[k] not in self.cues.prepositions:
            return None
        if self.lower[k - 1] not in self.filing_nouns:
            return None
        if ts < end and self.owner[ts] >= 0 and self.refs[self.owner[ts]].kind in NAME_KINDS:
            return None  # "..., which accuses Z": a named object of its own
        author = self.possessor(k - 1)
        if author is None or not self.fits(author, classes):
            return None
        return author, sorted(chain)

    def governing_preposition(self, ns: int) -> str | None:
        """The preposition heading the noun phrase of the noun at ns, if any ("in the suit")."""
        start, _ = self.sentence(ns)
        k = ns - 1
        while k >= start and ns - k <= 4 and self.owner[k] < 0 and self.lower[k].isalpha():
            if self.lower[k] in self.cues.prepositions:
                return self.lower[k]
            k -= 1
        return None

    def adjunct_noun(self, ns: int) -> bool:
        """Whether the noun at ns heads a time adjunct ("after a nine-month investigation"),
        whose agent is the sentence's subject rather than the name just before it."""
        start, _ = self.sentence(ns)
        k = ns - 1
        while (
            k > start
            and ns - k <= 5
            and self.owner[k] < 0
            and self.lower[k] not in (self.cues.prepositions | self.cues.object_stops)
        ):
            k -= 1
        if self.lower[k] in ("after", "following", "during", "amid", "since", "before"):
            return True
        return any(
            self.lower[m] in CLOSING_PARTICIPLES and self.lower[m - 1] == ","
            for m in range(max(k, start + 1), ns)
        )

    def passive_by(self, after: int) -> int | None:
        """ "... was opened by": a form of be, a participle and "by" soon after a noun phrase."""
        _, end = self.sentence(after)
        for k in range(after, min(end - 2, after + 10)):
            word = self.lower[k]
            if word in self.cues.clause_breaks or word == "," or self.owner[k] >= 0:
                return None
            if (
                word in self.cues.be_forms
                and self.lower[k + 1].endswith(("ed", "en"))
                and self.lower[k + 2] == "by"
            ):
                return k + 2
        return None

    def apposition_comma(self, ts: int, *, words: int = 1) -> int | None:
        """The comma opening an apposition that ends at ts ("Y, a startup | founded by X")."""
        start, _ = self.sentence(ts)
        k = ts - 1
        while k > start and ts - k <= 6 and (self.lower[k] == "-" or self.lower[k].isalnum()):
            if self.lower[k] in self.cues.determiners or self.lower[k] in self.cues.prepositions:
                break
            k -= 1  # "the Oslo startup": a name may modify the apposition's noun
        if (
            k - 1 > start
            and k <= ts - 1 - words
            and self.lower[k] in ("a", "an", "the")
            and self.lower[k - 1] == ","
            and not any(  # "Weeks later, the company was sued by": a clause, no apposition
                self.lower[x] in self.cues.be_forms or self.lower[x] in self.cues.auxiliaries
                for x in range(k, ts)
            )
        ):
            return k - 1
        return None

    def event_ender(self, np_start: int, ns: int) -> int | None:
        """Where a verb that ends an event stands right before the noun phrase naming it
        ("dismissed Musk's suit", "closed its probe"), if one does (cues event_enders)."""
        k = min(np_start, ns) - 1
        while k >= 0 and (
            self.lower[k] in self.cues.determiners
            or self.lower[k] in ("its", "his", "her", "their")
        ):
            k -= 1
        for phrase in self.enders:
            size = len(phrase)
            if k - size + 1 >= 0 and tuple(self.lower[k - size + 1 : k + 1]) == phrase:
                return k
        return None

    def opens_clause(self, i: int) -> bool:
        """Whether the phrase at i is its sentence's subject: only a determiner before it."""
        start, _ = self.sentence(i)
        return i - start <= 1 and all(
            self.lower[k] in self.cues.determiners or self.lower[k] == "any"
            for k in range(start, i)
        )

    def headline_future(self, begin: int, ts: int) -> bool:
        """ "Nvidia to invest $5 billion in Intel", "Apple, Google to team up": names that open
        the sentence, then "to" and the trigger's verb: a headline's future, not a fact."""
        start, _ = self.sentence(ts)
        k = start
        saw_name = False
        while k < ts:
            if self.owner[k] >= 0:
                saw_name = True
                k = self.refs[self.owner[k]].end
            elif self.lower[k] in ("and", "&", ","):
                k += 1
            else:
                break
        return (
            saw_name
            and k < ts
            and self.lower[k] == "to"
            and k + 1 < len(self.lower)
            and (self.owner[k + 1] < 0 and self.lower[k + 1].isalpha())
        )

    def after_preposition(self, start: int) -> bool:
        """Whether the name at start is a preposition's object ("in a post on X")."""
        j = start - 1
        while j >= 0 and self.lower[j] in self.cues.determiners:
            j -= 1
        return j >= 0 and self.lower[j] in self.cues.prepositions

    def opening_source(self, pos: int, classes: Iterable[str]) -> int | None:
        """ "According to Anthropic, ...": a party, not an outlet, that the sentence cites."""
        start, _ = self.sentence(pos)
        for phrase in self.source_phrases:
            k = start + len(phrase)
            if tuple(self.lower[start:k]) != phrase or k >= pos or self.owner[k] < 0:
                continue
            index = self.owner[k]
            end = self.refs[index].end
            if end < pos and self.lower[end] == "," and self.fits(index, classes):
                return None if self.is_reporter(index) else index
        return None

    def pair_before(
        self, pos: int, classes: Iterable[str], *, after: int | None = None
    ) -> tuple[list[int], int | None]:
        """ "X and Y met. The two companies agreed to ...", "X took a stake in Y, and the two
        chipmakers agreed to ...", "an agreement the two companies announced": the pair that a
        plural (cues pair_nouns) names, and where that plural starts.

        The plural stands before pos in its clause with no name between, or right after a
        relation noun ending at `after`. The pair is the last "X and Y", or else the last two
        names, before it in its sentence; failing that, the last "X and Y" of the sentence
        before.
        """
        start, end = self.sentence(pos)
        opener = None
        nouns = self.pair_nouns
        places = [(range(max(start, pos - 12), pos), True)]
        if after is not None:
            places.append(((after, after + 1), False))
        for spots, before_pos in places:
            for k in spots:
                if k >= end:
                    continue
                first = self.lower[k]
                for p in (
                    *(((first,),) if first in nouns.single else ()),
                    *nouns.multi.get(first, ()),
                ):
                    size = len(p)
                    if k + size > end or (before_pos and k + size > pos):
                        continue
                    if tuple(self.lower[k : k + size]) != p:
                        continue
                    if k < pos and any(o >= 0 for o in self.owner[k + size : pos]):
                        continue
                    if k < pos and any(w in self.cues.clause_breaks for w in self.lower[k:pos]):
                        continue
                    if opener is None or k > opener:
                        opener = k
        if opener is None:
            return [], None
        pair = self._last_pair(start, opener, classes, loose=True)
        if not pair and start > 0:
            before, _ = self.sentence(start - 1)
            pair = self._last_pair(before, start, classes, loose=False)
        return (pair, opener) if pair else ([], None)

    def _last_pair(self, lo: int, hi: int, classes: Iterable[str], *, loose: bool) -> list[int]:
        """The last "X and Y" fitting classes in [lo, hi); with loose, else the last two names."""
        for k in range(hi - 2, lo, -1):
            if self.lower[k] not in ("and", "&"):
                continue
            left, right = self.owner[k - 1], self.owner[k + 1]
            if (
                left >= 0
                and right >= 0
                and self.refs[left].entity != self.refs[right].entity
                and self.fits(left, classes)
                and self.fits(right, classes)
            ):
                return [left, right]
        if not loose:
            return []
        found: list[int] = []
        k = hi - 1
        while k >= lo and len(found) < 2:
            index = self.owner[k]
            if index >= 0:
                if (
                    index not in self.blocked
                    and self.fits(index, classes)
                    and all(self.refs[f].entity != self.refs[index].entity for f in found)
                ):
                    found.append(index)
                k = self.refs[index].start - 1
                continue
            k -= 1
        return found[::-1] if len(found) == 2 else []

    def sentence(self, i: int) -> tuple[int, int]:
        if 0 <= i < len(self.by_token):
            return self.by_token[i]
        k = bisect_right(self.starts, i) - 1
        return self.starts[k], self.ends[k]

    def question(self, i: int) -> bool:
        _, end = self.sentence(i)
        return self.lower[end - 1] == "?" or (end >= 2 and self.lower[end - 2] == "?")

    def fits(self, index: int, classes: Iterable[str]) -> bool:
        entity = self.entities.get(self.refs[index].entity)
        if entity is None:
            return False
        if type(classes) is not tuple:
            return any(self.ontology.is_a(entity.type, c) for c in classes)
        key = (entity.type, classes)
        found = self.fitting.get(key)
        if found is None:
            found = self.fitting[key] = any(self.ontology.is_a(entity.type, c) for c in classes)
        return found

    def is_reporter(self, index: int) -> bool:
        return self.fits(index, self.reporters)

    def reports(self, index: int) -> bool:
        """Whether the ref is an outlet that only reports here: an outlet, and not one that
        speaks of itself as a party ("The Times says OpenAI used its articles")."""
        return self.is_reporter(index) and index not in self.speaking

    def ref_index(self, ref: Ref) -> int | None:
        index = self.owner[ref.start]
        return index if index >= 0 else None

    def quote_at(self, i: int) -> Quote | None:
        for quote in self.quotes:
            if quote.start <= i < quote.end:
                return quote
        return None

    def clause_start(self, i: int) -> int:
        start, _ = self.sentence(i)
        j = i - 1
        while j > start:
            word = self.lower[j]
            if word in self.cues.clause_breaks or (word == "and" and self.lower[j - 1] == ","):
                return j + 1
            if word in self.cues.allegation_participles and self.lower[j - 1] == ",":
                return j  # "... stopped short of accusing it, saying it was reviewing ..."
            j -= 1
        return start

    def cue_words(self, begin: int, end: int) -> list[str]:
        """Lower-case words for cue matching; a capitalised word inside a sentence is a name,
        not a cue ("NEW YORK, May 29 - ...": May is a month, not a modal)."""
        s_start, _ = self.sentence(begin)
        return [
            ""
            if k > s_start
            and self.words[k][:1].isupper()
            and self.words[k - 1] not in (SENTENCE_END | self.cues.quote_open)
            else self.lower[k]
            for k in range(begin, end)
        ]

    def clause_end(self, i: int) -> int:
        """Where the clause holding i ends: a comma, a clause break or the sentence end."""
        _, end = self.sentence(i)
        j = i
        while j < end and self.lower[j] != "," and self.lower[j] not in self.cues.clause_breaks:
            j += 1
        return j

    def aux_before(self, ts: int) -> bool:
        start, _ = self.sentence(ts)
        j = ts - 1
        while (
            j >= start
            and ts - j <= 3
            and (self.lower[j].endswith("ly") or self.lower[j] in ("not", "also", "n't", "never"))
        ):
            j -= 1
        return j >= start and self.lower[j] in self.cues.be_forms and self.owner[j] < 0

    def by_after(self, te: int, reach: int = 10) -> int | None:
        return self.find_word(te, {"by"}, reach, stop_at_ref=True)

    def find_word(
        self, start: int, words: Iterable[str], reach: int, *, stop_at_ref: bool = False
    ) -> int | None:
        words = set(words)
        _, end = self.sentence(start)
        for j in range(start, min(end, start + reach)):
            word = self.lower[j]
            if word in words:
                return j
            if word in self.cues.clause_breaks or word in SENTENCE_END:
                return None
            if stop_at_ref and self.owner[j] >= 0:
                return None
        return None

    def eligible(self, index: int, classes: Iterable[str], *, possessive_ok: bool) -> bool:
        ref = self.refs[index]
        if index in self.blocked or not self.fits(index, classes):
            return False
        n = len(self.lower)
        possessive = ref.end < n and self.lower[ref.end] in self.cues.possessive_markers
        if possessive and not possessive_ok:
            return False
        if possessive:
            return True  # "part of Tesla's pattern of harassment": the possessor is the agent
        if ref.end + 1 < n and self.lower[ref.end] == "-" and self.words[ref.end + 1].islower():
            return False  # "seven Alden-owned newspapers": a modifier of another noun
        if (
            ref.end < n
            and self.owner[ref.end] >= 0
            and self.owner[ref.end] != index
            and not self._office_holder(index, self.owner[ref.end])
        ):
            return False  # a modifier: "Nvidia H800"
        j = ref.start - 1
        while j >= 0 and (self.lower[j] in self.cues.determiners or self.lower[j][:1].isdigit()):
            j -= 1
        if j >= 1 and self.lower[j] in MEMBER_PREPS and self.lower[j - 1] in self.cues.member_nouns:
            return True  # "investigators at the Commerce Department": they act for it
        if j >= 1 and (self.lower[j - 1], self.lower[j]) == ("such", "as"):
            return True  # "publishers such as Ziff Davis have sued": the named members act
        if (
            j >= 2
            and self.lower[j] == "by"
            and self.lower[j - 1] in ("led", "headed", "organised", "organized", "fronted")
            and self.lower[j - 2].isalpha()
            and self.lower[j - 2].islower()
            and (self.lower[j - 2].endswith("s") or self.lower[j - 2] in GROUP_NOUNS)
            and self.owner[j - 2] < 0
        ):
            return True  # "a group of artists led by Karla Ortiz sued": she is named for them
        return not (j >= 0 and self.lower[j] in self.cues.prepositions)

    def left_args(
        self,
        pos: int,
        classes: Iterable[str],
        *,
        reach: int = LEFT_REACH,
        coordinate: bool = True,
        skip_reporters: bool = False,
        possessive_ok: bool = False,
    ) -> list[int]:
        """The nearest eligible Ref before pos in the clause, with any coordinated with it."""
        start, _ = self.sentence(pos)
        i = pos - 1
        limit = max(start, pos - reach)
        while i >= limit:
            word = self.lower[i]
            if word in self.cues.clause_breaks:
                return []
            if (
                word in self.reported_speech
                and self.owner[i] < 0
                and i + 1 < pos
                and (
                    self.lower[i + 1] == "that"
                    or self.owner[i + 1] >= 0
                    or self.words[i + 1][:1].isupper()
                )
            ):
                return []  # "X said Y had been sued by Z": X is outside the reported clause
            if word in self.cues.relative_pronouns and i - 2 >= start and self.lower[i - 1] == ",":
                antecedent = self.owner[i - 2]
                if (
                    antecedent >= 0
                    and antecedent not in self.blocked
                    and self.fits(antecedent, classes)
                    and not (skip_reporters and self.reports(antecedent))
                ):
                    found = [antecedent]
                    if coordinate:  # "sued by A and B, which accused ...": both accuse
                        found.extend(self.coordinated_left(antecedent, classes, start))
                    return found
            if word == "," and (skip := self._parenthetical(i, start)) is not None:
                i = skip - 1
                continue
            index = self.owner[i]
            if index >= 0:
                ref = self.refs[index]
                if self.eligible(index, classes, possessive_ok=possessive_ok) and not (
                    skip_reporters and self.reports(index)
                ):
                    office = self.owner[ref.start - 1] if ref.start > start else -1
                    if (
                        office >= 0
                        and self._office_holder(office, index)
                        and self.fits(office, classes)
                    ):
                        index = office  # "New York Attorney General Letitia James sued X"
                    found = [index]
                    if coordinate:
                        found.extend(self._coordinated_left(index, classes, start))
                    return found
                i = ref.start - 1
                continue
            i -= 1
        return []

    def _parenthetical(self, comma: int, start: int) -> int | None:
        """If the comma closes ", who/which ... ," or an apposition, the opening comma.

        An apposition follows a name and opens with a determiner or a possessive name:
        "David Sacks, the White House AI czar, said": the speaker is David Sacks.
        """
        j = comma - 1
        while j > start and comma - j < 14:
            if self.lower[j] in (",", ";"):
                if j + 1 < comma and self.lower[j + 1] in self.cues.relative_pronouns:
                    return j
                if (
                    self.lower[j] == ","
                    and j + 1 < comma
                    and self.owner[j - 1] >= 0
                    and (self.lower[j + 1] in self.cues.determiners or self._possessive_at(j + 1))
                ):
                    return j
                return None
            j -= 1
        return None

    def _possessive_at(self, i: int) -> bool:
        """Whether a name starts at i and is followed by a possessive marker."""
        index = self.owner[i]
        if index < 0 or self.refs[index].start != i:
            return False
        end = self.refs[index].end
        return end < len(self.lower) and self.lower[end] in self.cues.possessive_markers

    def _coordinated_left(self, index: int, classes: Iterable[str], start: int) -> list[int]:
        found: list[int] = []
        current = self.refs[index].start
        seen_and = False
        while current > start:
            j = current - 1
            gap = 0
            matched = False
            while (
                j >= start
                and gap <= 4
                and (self.owner[j] < 0 or self.refs[self.owner[j]].kind == "pronoun")
            ):
                for phrase in self.conjunctions:
                    if tuple(self.lower[j - len(phrase) + 1 : j + 1]) == phrase:
                        matched = True
                        j -= len(phrase)
                        break
                if matched:
                    break
                if (
                    self.lower[j] == ","
                    and gap == 0
                    and (seen_and or self._headline_list(j, start))
                ):
                    matched = True
                    j -= 1
                    break
                if not self.lower[j].isalpha():
                    break
                j -= 1
                gap += 1
            if not matched:
                break
            seen_and = True
            if j >= start and self.lower[j] == ",":
                j -= 1
            if j < start or self.owner[j] < 0:
                break
            other = self.owner[j]
            office = self.owner[self.refs[other].start - 1] if self.refs[other].start > 0 else -1
            if (
                office >= 0
                and self._office_holder(office, other)
                and self.fits(office, classes)
                and not self.fits(other, classes)
            ):
                other = office  # "California Attorney General Rob Bonta and ... said they had"
            if not self.eligible(other, classes, possessive_ok=False):
                break
            found.append(other)
            current = self.refs[other].start
        return found

    def _headline_list(self, comma: int, start: int) -> bool:
        """ "Apple, OpenAI team up", "Japan's Nikkei, Asahi sue": names listed by comma alone.

        Only when the name before the comma opens the sentence (after at most a possessor).
        """
        index = self.owner[comma - 1] if comma > start else -1
        if index < 0:
            return False
        first = self.refs[index].start
        return first == start or (
            first - 2 >= start
            and self.lower[first - 1] in self.cues.possessive_markers
            and first - 2 == start
        )

    def right_args(
        self,
        pos: int,
        classes: Iterable[str],
        *,
        prep: str | None = None,
        reach: int = RIGHT_REACH,
        stop_at_clause: bool = True,
        direct: bool = False,
    ) -> list[int]:
        """The first eligible Ref after pos (after `prep` if given), with coordinated ones."""
        _, end = self.sentence(pos)
        limit = min(end, pos + reach)
        j = pos
        if prep is not None:
            while j < limit and self.lower[j] != prep:
                if self.lower[j] in self.cues.clause_breaks or (
                    self.owner[j] >= 0
                    and self.fits(self.owner[j], classes)
                    and self.lower[j] not in self.cues.possessive_pronouns
                ):
                    return []  # "partnered Y with": a name that could be the object comes first
                j += 1
            if j >= limit:
                return []
            j += 1
            limit = min(end, j + 6)
        while j < limit:
            word = self.lower[j]
            if stop_at_clause and (
                word in self.cues.clause_breaks
                or (
                    word == "," and j + 1 < end and self.lower[j + 1] in self.cues.relative_pronouns
                )
            ):
                return []
            if direct and self.owner[j] < 0 and self._ends_object(j, end):
                return []
            if direct and j == pos and word == "," and self.owner[j - 1] < 0:
                return []  # "the company that Elon Musk founded, raised ...": no object here
            if direct and j == pos and word in self.predicate_starts:
                return []  # "the company that X founded was sued": a new predicate
            if (
                direct
                and word == "to"
                and j > pos
                and j + 1 < end
                and self.owner[j + 1] < 0
                and self.lower[j + 1].isalpha()
                and self.lower[j + 1] not in self.cues.determiners
            ):
                return []  # "funded a campaign to discredit it": the object is the campaign
            if prep is not None and self._relation_phrase(j, end):
                return []  # "cooperating with an inquiry by X": X is not the partner
            if direct and j == pos and (named := self._possessed_apposition(j, classes, end)):
                return [named]  # "sued the startup's chief executive, Matteo Lorne,"
            index = self.owner[j]
            if index >= 0:
                if direct and self._blocked_object(j, pos):
                    return []  # "received funding from Nvidia and Microsoft": no direct object
                if index not in self.blocked and self.fits(index, classes):
                    if self._owns_another(index, end):
                        return []  # "chaired X's parent company": not X
                    ref_end = self.refs[index].end
                    if (
                        direct
                        and j > 0
                        and self.lower[j - 1] in ("a", "an")
                        and ref_end < end
                        and self.lower[ref_end] in self.head_nouns
                    ):
                        return []  # "launched an iPhone app": the object is the app
                    titled = self._titled_person(index, classes, end)
                    if titled is not None:  # "accused Intel chief executive Lip-Bu Tan"
                        return [titled]
                    k = self.refs[index].end
                    if (
                        k + 1 < end
                        and self.lower[k] in self.cues.possessive_markers
                        and (owned := self.owner[k + 1]) >= 0
                        and self.refs[owned].start == k + 1
                        and self.refs[owned].kind in NAME_KINDS
                        and self.fits(owned, classes)
                    ):  # "a lawsuit from Elon Musk's xAI": xAI
                        return [owned, *self._coordinated_right(owned, classes, end)]
                    return [index, *self._coordinated_right(index, classes, end)]
                j = self.refs[index].end
                continue
            if (
                direct
                and j > pos
                and self.words[j][:1].isupper()
                and self.words[j][1:].islower()
                and self.words[j] not in self.person_titles
                and self.words[j] not in self.non_name_words
                and self.lower[j] not in self.cues.determiners
            ):
                return []  # "accused Fennick Auto of ...": an unknown name holds the object
            j += 1
        return []

    def _possessed_apposition(self, j: int, classes: Iterable[str], end: int) -> int | None:
        """A direct object named by an apposition after a possessed noun: "its former cloud
        provider, Yarrowby Cloud,", "the startup's chief executive, Matteo Lorne,"."""
        k = j
        while k < end and k - j < 5 and self.lower[k] not in self.cues.possessive_markers:
            if self.lower[k] in self.cues.possessive_pronouns:
                break
            if self.lower[k] in (",", *self.cues.prepositions) or self.lower[k] in SENTENCE_END:
                return None
            k += 1
        if k >= end or k - j >= 5:
            return None
        k += 1  # the noun after the possessive
        nouns = 0
        while k < end and self.owner[k] < 0 and self.lower[k].isalpha() and self.lower[k].islower():
            if self.lower[k] in self.cues.prepositions or self.lower[k] in self.cues.determiners:
                return None
            k += 1
            nouns += 1
        if not (1 <= nouns <= 4) or k + 1 >= end or self.lower[k] != ",":
            return None
        named = self.owner[k + 1]
        if named < 0 or self.refs[named].start != k + 1 or not self.fits(named, classes):
            return None
        after = self.refs[named].end
        if after < end and self.lower[after] not in (",", *SENTENCE_END):
            return None
        return named

    def affiliated(self, ts: int, classes: Iterable[str]) -> list[int]:
        """The organisation of the person who is a verb's agent: the one named in a relative
        clause right after them ("Lisa Su, who has run AMD since 2014, unveiled"), else the
        one the ontology affiliates them with, when it is named in the sentence."""
        people = self.left_args(ts, (self.person_class,), coordinate=False)
        if not people:
            return []
        person = people[0]
        start, _ = self.sentence(ts)
        end = self.refs[person].end
        if end + 1 < ts and self.lower[end] == "," and self.lower[end + 1] in ("who", "whose"):
            close = self.find_word(end + 2, {","}, 12)
            if close is None or any(o >= 0 for o in self.owner[close:ts]):
                return []
            for k in range(end + 2, close):
                index = self.owner[k]
                if index >= 0 and self.fits(index, classes) and index not in self.blocked:
                    return [index]
            return []
        if any(o >= 0 for o in self.owner[end:ts]):
            return []  # another name stands between the person and the verb
        company = self.ontology.affiliations.get(self.refs[person].entity)
        for k in range(start, ts):
            index = self.owner[k]
            if index >= 0 and self.refs[index].entity == company:
                return [index]
        return []

    def _owns_another(self, index: int, end: int) -> bool:
        """ "X's parent company", "X's Chinese rival": the possessor names another company."""
        k = self.refs[index].end
        if k >= end or self.lower[k] not in self.cues.possessive_markers:
            return False
        return any(w in self.cues.other_org_nouns for w in self.lower[k + 1 : min(end, k + 4)])

    def _office_holder(self, office: int, holder: int) -> bool:
        """ "New York Attorney General Letitia James": an office named before its holder acts."""
        return (
            self.refs[holder].start == self.refs[office].end
            and self.fits(office, (self.government_class,))
            and self.fits(holder, (self.person_class,))
        )

    def _titled_person(self, index: int, classes: Iterable[str], end: int) -> int | None:
        """The person after an organisation and a title ("Intel chief executive Lip-Bu Tan")."""
        k = self.refs[index].end
        start = k
        while k < end and self.owner[k] < 0 and self.lower[k] in self.title_words:
            k += 1
        if k == start or k >= end or self.owner[k] < 0:
            return None
        person = self.owner[k]
        if self.fits(person, (self.person_class,)) and self.fits(person, classes):
            return person
        return None

    def _ends_object(self, j: int, end: int) -> bool:
        """Whether the word at j closes a direct object's search without a name.

        A subordinator ("probing whether X ..."), a relation noun ("launched an inquiry into
        X") or a common noun that heads the object itself ("trained its models on X chips";
        but "its model, Gemini" and "the model Gemini" go on to the name).
        """
        word = self.lower[j]
        if word in self.cues.object_stops:
            return True
        if self._relation_phrase(j, end):
            return True
        if word in self.head_nouns:
            k = j + 1
            if k < end and self.lower[k] == ",":
                k += 1
            for cue in self.naming:  # "a new model called Zephyr"
                if tuple(self.lower[k : k + len(cue)]) == cue:
                    k += len(cue)
                    break
            if k < end and self.lower[k] in ('"', "\u201c"):
                k += 1  # 'a chatbot called "Whisk"'
            return not (k < end and self.owner[k] >= 0)
        return False

    def _relation_phrase(self, j: int, end: int) -> bool:
        """Whether a relation noun with its preposition starts at j ("an inquiry into X")."""
        return (
            self.owner[j] < 0
            and self.lower[j] in self.relation_nouns
            and j + 1 < end
            and self.lower[j + 1] in self.cues.prepositions
        )

    def _blocked_object(self, j: int, pos: int) -> bool:
        """Whether a name at j sits in a phrase that is not an object ("a rival to Gemini").

        Words before pos belong to the trigger ("requested information from X") and never block.
        """
        k = j
        while k > pos and self.lower[k - 1] in self.cues.determiners:
            k -= 1
        return any(
            k - len(p) >= pos and tuple(self.lower[k - len(p) : k]) == p for p in self.blocking
        )

    def coordinated_left(self, index: int, classes: Iterable[str], start: int) -> list[int]:
        """The names coordinated before the one at index ("against X and Y, which ...")."""
        found: list[int] = []
        k = self.refs[index].start - 1
        while k - 1 >= start and (self.lower[k] == "," or (self.lower[k],) in self.conjunctions):
            other = self.owner[k - 1]
            if other < 0 or other in self.blocked or not self.fits(other, classes):
                break
            found.append(other)
            k = self.refs[other].start - 1
        return found

    def coordinated_right(self, index: int, classes: Iterable[str], end: int) -> list[int]:
        """The names coordinated after the one at index ("X, Y and Z")."""
        return self._coordinated_right(index, classes, end)

    def _coordinated_right(self, index: int, classes: Iterable[str], end: int) -> list[int]:
        chain: list[tuple[int, bool]] = []
        current = self.refs[index].end
        while current < end:
            j = current
            by_and = False
            if self.lower[j] == ",":
                j += 1
            for phrase in self.conjunctions:
                if tuple(self.lower[j : j + len(phrase)]) == phrase:
                    j += len(phrase)
                    by_and = True
                    break
            if j == current:
                break
            while j < end and self.lower[j] in self.cues.determiners:
                j += 1
            if by_and and j < end and self.lower[j] in self.cues.possessive_pronouns:
                k = j + 1  # "Dario Amodei and his sister Daniela Amodei"
                while k < end and k - j <= 2 and self.owner[k] < 0 and self.lower[k].isalpha():
                    k += 1
                if k < end and self.owner[k] >= 0 and self.refs[self.owner[k]].kind in NAME_KINDS:
                    j = k
            if j >= end or self.owner[j] < 0:
                break
            other = self.owner[j]
            if other in self.blocked or not self.fits(other, classes):
                break
            after = self.refs[other].end
            if (
                by_and
                and self.lower[current] == ","
                and after < end
                and (self.lower[after] in self.clause_openers)
            ):
                break  # "in Anthropic, and Amazon has invested ...": a new clause
            chain.append((other, by_and))
            current = self.refs[other].end
        last_and = max((k for k, (_, a) in enumerate(chain) if a), default=-1)
        return [other for other, _ in chain[: last_and + 1]]

    def relative_antecedent(self, subject_start: int, classes: Iterable[str]) -> int | None:
        """ "Corvid Labs, which Microsoft sued": the name before ", which"."""
        j = subject_start - 1
        if j >= 1 and self.lower[j] in self.cues.relative_pronouns and self.lower[j - 1] == ",":
            index = self.owner[j - 2] if j >= 2 else -1
            if index >= 0 and self.fits(index, classes) and index not in self.blocked:
                return index
        return None

    def next_speaker(self, s_end: int, classes: Iterable[str]) -> int | None:
        """The Ref that opens the sentence after s_end and speaks ("The Dutch regulator said"),
        if it fits classes."""
        j = s_end
        n = len(self.lower)
        while j < n and (self.lower[j] in self.cues.determiners or not self.lower[j].isalnum()):
            j += 1
        index = self.owner[j] if j < n else -1
        if index < 0 or not self.fits(index, classes) or self.reports(index):
            return None
        k = self.refs[index].end
        if k < n and self.lower[k] in ("also", "then"):
            k += 1
        return index if k < n and self.lower[k] in self.speech else None

    def relative_object_gap(self, index: int, ts: int) -> bool:
        """Whether the Ref is the subject of a relative clause whose verb comes before ts
        ("that Elon Musk founded | was sued"): the clause's head, not the Ref, goes on."""
        ref = self.refs[index]
        if ref.start == 0 or self.lower[ref.start - 1] not in ("that", "which", "whom"):
            return False
        skip = self.cues.auxiliaries | self.cues.be_forms
        return any(
            w.isalpha() and w not in skip and not w.endswith("ly") for w in self.lower[ref.end : ts]
        )

    def contact_antecedent(self, subject_start: int, classes: Iterable[str]) -> int | None:
        """ "xAI, the AI company (that) Elon Musk founded", "ChatGPT, the chatbot OpenAI
        launched"."""
        j = subject_start - 1
        if j >= 2 and self.lower[j] in ("that", "which", "whom"):
            j -= 1
            held = self.owner[j]
            if held >= 0 and self.refs[held].kind == "descriptor" and self.fits(held, classes):
                return held  # "xAI, the AI company that Elon Musk founded": resolved already
        if j < 1 or not (self.lower[j] in self.org_nouns or self.lower[j] in self.head_nouns):
            return None
        held = self.owner[j]
        if (
            held >= 0
            and self.refs[held].kind == "descriptor"
            and self.refs[held].end == j + 1
            and self.fits(held, classes)
            and self.lower[self.refs[held].start - 1] == ","
        ):
            return held  # "R1, the reasoning model it released": the apposition, resolved
        start, _ = self.sentence(j)
        while (
            j > start
            and self.owner[j - 1] < 0
            and self.lower[j - 1] not in (self.cues.determiners)
            and (self.lower[j - 1].isalpha() or self.lower[j - 1] == "-")
            and subject_start - j < 8
        ):
            j -= 1
        if j <= start or self.lower[j - 1] not in self.cues.determiners:
            return None
        return self.apposition_head(j - 1, classes)

    def possessor(self, ns: int) -> int | None:
        """ "Microsoft's suit", "its probe": the Ref owning the noun at ns."""
        start, _ = self.sentence(ns)
        j = ns - 1
        gap = 0
        while (
            j > start
            and gap <= 5
            and self.owner[j] < 0
            and (self.lower[j].isalpha() or _amount(self.lower[j]))
            and self.lower[j] not in self.cues.determiners
            and self.lower[j] != "whose"
        ):
            j -= 1
            gap += 1
        if j > start and self.lower[j] in self.cues.possessive_markers and self.owner[j - 1] >= 0:
            return self.owner[j - 1]
        if j - 2 >= start and self.lower[j] == "whose" and self.lower[j - 1] == ",":
            owner = self.owner[j - 2]  # "The New York Times, whose case against OpenAI"
            return owner if owner >= 0 else None
        if j >= start and self.owner[j] >= 0 and self.lower[j] in ("its", "their"):
            return self.owner[j]
        return None

    def topic(
        self,
        start: int,
        pos: int,
        classes: Iterable[str],
        exclude: list[int],
        *,
        same_entity: bool = False,
    ) -> int | None:
        """The sentence's first name before pos that fits, other than exclude and other than
        the possessor of an excluded name ("Musk's xAI filed a lawsuit": not Musk); with
        same_entity, other than any mention of an excluded entity ("X said Y had ..., a
        finding in an investigation it opened": Y, not X)."""
        owned = {self.refs[k].start for k in exclude}
        excluded = {self.refs[k].entity for k in exclude} if same_entity else set()
        for i in range(start, pos):
            index = self.owner[i]
            if (
                index >= 0
                and index not in exclude
                and self.refs[index].entity not in excluded
                and index not in self.blocked
                and self.fits(index, classes)
            ):
                end = self.refs[index].end
                if (
                    end + 1 < len(self.lower)
                    and self.lower[end] in self.cues.possessive_markers
                    and end + 1 in owned
                ):
                    continue
                return index
        return None

    def apposition_head(self, region_start: int, classes: Iterable[str]) -> int | None:
        """ "Sundar Pichai, [one of | the | who is] ROLE": the name before the comma."""
        start, _ = self.sentence(region_start)
        j = region_start - 1
        steps = 0
        skippable = self.cues.determiners | self.cues.role_fillers | self.cues.role_links
        while (
            j >= start
            and steps < 6
            and (
                self.lower[j] in skippable
                or self.lower[j] in self.ended_words  # "who was ousted as": qualified later
                or (self.lower[j].endswith("ly") and self.lower[j].isalpha())
            )
            and self.lower[j] != ","
        ):
            j -= 1
            steps += 1
        if j > start and self.lower[j] == "and" and steps > 0:
            # "X, chief executive of Y and a co-founder of Z": the apposition's second role
            k = j - 1
            while k > start and j - k < 10 and self.lower[k] not in self.cues.clause_breaks:
                if self.lower[k] == ",":
                    j = k
                    break
                k -= 1
        if j >= start and self.lower[j] == ",":
            j -= 1
        elif steps == 0 or self.lower[j + 1] not in self.cues.role_links:
            return None
        if j >= start and self.owner[j] >= 0:
            index = self.owner[j]
            k = self.refs[index].start - 1
            if k > start and self.lower[k] in self.cues.succession_verbs:
                # "X replaced Y as chief executive": the role is X's
                found = self.left_args(k, classes, coordinate=False)
                return found[0] if found else None
            if self.fits(index, classes) and index not in self.blocked:
                return index
        return None

    def succeeded(self, index: int) -> bool:
        """Whether the ref is the object of a succession verb ("replaced Y as ...")."""
        k = self.refs[index].start - 1
        return k >= 0 and self.lower[k] in self.cues.succession_verbs

    def speech_before(self, pos: int) -> int | None:
        """A speech or allegation verb shortly before pos in the same clause."""
        start, _ = self.sentence(pos)
        for j in range(pos - 1, max(start, pos - 9) - 1, -1):
            if self.lower[j] in self.speech:
                return j
            if self.lower[j] in self.cues.clause_breaks:
                return None
        return None

    def speaker_of(self, verb: int, classes: Iterable[str], *, outlets: bool = False) -> int | None:
        """Who speaks: the agent before the verb, skipping outlets that only report.

        With `outlets`, an outlet speaks for itself: one that alleges is a party, not a reporter.
        """
        start, _ = self.sentence(verb)
        if self.lower[verb] in self.accusation_nouns or self._claim_noun(verb):
            # "Reddit's allegations that ...", "a claim by X that ...", "complaints from X that"
            owner = self.possessor(verb)
            if owner is None and (by := self.find_word(verb + 1, {"by", "from"}, 1)) is not None:
                found = self.right_args(by + 1, classes, reach=4)  # "accusations from X that"
                owner = found[0] if found else None
            return owner if owner is not None and self.fits(owner, classes) else None
        if (
            verb - 1 >= start
            and self.lower[verb].endswith("ing")
            and (
                self.lower[verb - 1] == ","
                or self.document_before(verb) is not None
                or self.lower[verb - 1] in self.cues.participle_subordinators
            )
        ):  # ", accusing ...", "sent Y a letter accusing ...", "after finding that ...":
            # the clause's subject speaks
            return self.topic(start, verb, classes, exclude=[])
        writer = self.owner[verb - 1] if verb > start else -1
        if (
            writer >= 0
            and self.lower[verb].endswith("ing")
            and RelationFinder._document_from(self, writer, verb)
            and self.fits(writer, classes)
        ):
            return writer  # "Y received a letter from X accusing ...": X speaks, not Y
        author = self.filing_author(verb, classes)
        if author is not None:
            return author
        found = self.left_args(verb, classes, coordinate=False, skip_reporters=not outlets)
        if found:  # "X summoned Y's officials and said ...": X speaks
            return self.shared_subject(verb, found, classes)[0]
        quote = self.quote_at(verb)
        if quote is not None and quote.speaker is not None:
            return self.ref_index(quote.speaker)
        return None

    def _claim_noun(self, k: int) -> bool:
        """Whether the word at k is one of the claim nouns used as a noun: after a
        determiner or a possessive, or before "by" or "from" ("Musk's claim that", "a claim
        by X", "complaints from X"), not the verb of "X claims that"."""
        if self.lower[k] not in self.cues.claim_nouns:
            return False
        before = self.lower[k - 1] if k > 0 else ""
        after = self.lower[k + 1] if k + 1 < len(self.lower) else ""
        return (
            before in self.cues.determiners
            or before in self.cues.possessive_markers
            or after in ("by", "from")
        )

    def filing_author(self, verb: int, classes: Iterable[str]) -> int | None:
        """ "X's lawsuit alleges", "The suit, filed by X, claims": a filing speaks for X."""
        start, _ = self.sentence(verb)
        j = verb - 1
        while j >= start and verb - j <= 12:
            if self.lower[j] in self.filing_nouns:
                break
            if verb - j > 8 and self.owner[j] < 0 and self.lower[j] != ",":
                return None  # only a "filed by X" phrase may stand further off
            if self.owner[j] >= 0 and self.lower[self.refs[self.owner[j]].start - 1] in (
                "by",
                "from",
            ):
                j = self.refs[self.owner[j]].start - 2  # "The suit, filed by X, claims"
                continue
            if self.owner[j] >= 0 or self.lower[j] in SENTENCE_END:
                return None
            j -= 1
        else:
            return None
        if j < start:
            return None
        owner = self.possessor(j)
        if owner is None:
            by = self.find_word(j + 1, {"by", "from"}, 5)  # "The complaint from X says"
            found = self.right_args(by + 1, classes, reach=3) if by is not None else []
            owner = found[0] if found else None
        return owner if owner is not None and self.fits(owner, classes) else None

    def said_of(self, quote_end: int, classes: Iterable[str]) -> list[int]:
        """ "..." Altman said of DeepSeek; "...," said X, chief executive of Y, referring to Z.

        The target words follow the speech verb, the speaker or a comma, never a title ("said
        X, chief executive of Y": not said of Y).
        """
        _, end = self.sentence(quote_end)
        for j in range(quote_end, min(end, quote_end + 20)):
            if j == 0 or not (self.lower[j - 1] in (",", *self.speech) or self.owner[j - 1] >= 0):
                continue
            for target in self.cues.quote_targets:
                words = target.split()
                if self.lower[j : j + len(words)] == words:
                    found = self.right_args(j + len(words), classes, reach=3)
                    if found:
                        return found
        return []

    def claimant(self, found: _Found) -> str | None:
        """The third party who states the relation, or None when the text states it as fact."""
        subject, obj = self.refs[found.subject], self.refs[found.object]
        ts, _ = found.trigger
        speaker: int | None = found.speaker
        quote = self.quote_at(ts)
        if speaker is None and quote is not None and quote.speaker is not None:
            speaker = self.ref_index(quote.speaker)
        elif speaker is None:
            first = min(subject.start, obj.start, ts)
            verb = self.speech_before(first)
            if verb is not None:
                speaker = self.speaker_of(verb, self.agents)
        if speaker is None:
            speaker = self.speaker_after(max(subject.end, obj.end, found.trigger[1]))
        if speaker is None or self.is_reporter(speaker):
            return self.source_claimant(found)
        who = self.refs[speaker].entity
        if who in (subject.entity, obj.entity):
            return None
        if self.ontology.affiliations.get(who) in (subject.entity, obj.entity):
            return None
        if (who, subject.entity) in self.led or (who, obj.entity) in self.led:
            return None  # "X, chief executive of Y, said the company had ...": Y's own word
        if self._leads_party(speaker, {subject.entity, obj.entity}):
            return None  # "X, who has chaired the Tribune's parent company, said the newspaper"
        return who

    def _leads_party(self, speaker: int, parties: set[str]) -> bool:
        """Whether the apposition or relative clause after the speaker gives them a leading
        role ("who has chaired", "chief executive of") at or over one of the parties."""
        k = self.refs[speaker].end
        _, end = self.sentence(k)
        if k >= end or self.lower[k] != ",":
            return False
        close = self.find_word(k + 1, {","}, 14)
        if close is None:
            return False
        span = self.lower[k + 1 : close]
        if not any(w in self.leading_words for w in span):
            return False
        return any(
            self.owner[m] >= 0 and self.refs[self.owner[m]].entity in parties
            for m in range(k + 1, close)
        )

    def speaker_after(self, last: int) -> int | None:
        """ "..., Masayoshi Son told a conference" / "..., said Helena Varga": who speaks after."""
        _, end = self.sentence(last)
        j = last
        while j < end and self.lower[j] != ",":
            if self.lower[j] in self.cues.clause_breaks:
                return None
            j += 1
        j += 1
        if j < end and self.lower[j] in self.speech:
            k = j + 1
            while k < end and self.lower[k] in self.cues.determiners:
                k += 1
            index = self.owner[k] if k < end else -1
            after = self.refs[index].end if index >= 0 else end
            if after < end and self.lower[after] not in (",", *SENTENCE_END):
                return None  # "..., said SoftBank had ...": a new clause, not a speaker
        else:
            while j < end and self.lower[j] in self.cues.determiners:
                j += 1
            index = self.owner[j] if j < end else -1
            if (
                index < 0
                or self.refs[index].end >= end
                or (self.lower[self.refs[index].end] not in self.speech)
            ):
                return None
        if index < 0 or not self.fits(index, self.agents):
            return None
        return index

    def source_claimant(self, found: _Found) -> str | None:
        """The outlet its sentence is attributed to ("according to Reuters"), if not a party."""
        start, end = self.sentence(found.trigger[0])
        parties = {self.refs[found.subject].entity, self.refs[found.object].entity}
        for index in sorted(self.sources):
            ref = self.refs[index]
            if (start, ref.entity) in self.parties:
                return None  # "AP signed a deal with Google ..., the news agency said": a party
            if start <= ref.start < end and ref.entity not in parties:
                if self._other_clause(ref.start, found.trigger[0]):
                    continue  # "X invested in Y, Reuters reported, but Y has sued X"
                return ref.entity
        return None

    def _other_clause(self, a: int, b: int) -> bool:
        """Whether a contrast (", but", ", while") or a semicolon parts positions a and b: a
        source on one side does not report the other."""
        low, high = min(a, b), max(a, b)
        return any(
            self.lower[j] == ";" or (self.lower[j] == "," and self.lower[j + 1] in CONTRASTS)
            for j in range(low, high)
        )

    def within(self, ref: Ref, others: Iterable[Ref]) -> bool:
        """Whether ref is one of others, or sits inside the phrase one of them heads."""
        for other in others:
            if other.entity == ref.entity:
                return True
            root = self.doc[other.start : other.end].root
            if root.left_edge.i <= ref.start < root.right_edge.i + 1:
                return True
        return False

    def negated_by_parse(self, ts: int, te: int) -> bool:
        if not self.has_parse:
            return False
        token = self.doc[ts]
        head = token.head if token.dep_ in ("xcomp", "aux", "auxpass") else token
        return any(child.dep_ == "neg" for child in (*token.children, *head.children))


class Phrases(tuple[tuple[str, ...], ...]):
    """Cue phrases as word tuples, longest first, indexed by their first word.

    A cue check runs for every candidate relation, so the lookups are built once, on load.
    """

    single: frozenset[str]
    multi: dict[str, tuple[tuple[str, ...], ...]]

    def __new__(cls, words: Iterable[str]) -> Phrases:
        phrases = sorted({tuple(w.lower().split()) for w in words}, key=len, reverse=True)
        self = super().__new__(cls, phrases)
        self.single = frozenset(p[0] for p in phrases if len(p) == 1)
        multi: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            if len(phrase) > 1:
                multi.setdefault(phrase[0], []).append(phrase)
        self.multi = {first: tuple(found) for first, found in multi.items()}
        return self


def _contains(words: list[str], phrases: Phrases) -> bool:
    """Whether any of the phrases occurs in words."""
    single, multi = phrases.single, phrases.multi
    if not single.isdisjoint(words):
        return True
    if multi.keys().isdisjoint(words):
        return False  # most calls: no phrase starts in words
    for k, word in enumerate(words):
        for phrase in multi.get(word, ()):
            if tuple(words[k : k + len(phrase)]) == phrase:
                return True
    return False


def _amount(word: str) -> bool:
    """A money or share amount inside a noun phrase: "$", "650", "1.5", "%"."""
    return word in ("$", "€", "£", "%") or word.replace(".", "").replace(",", "").isdigit()
