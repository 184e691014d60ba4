"""Load and check the trigger patterns in ontology/patterns/*.json.

One file per relation (`sues.json`, ...) lists the words that express it; `cues.json` lists the
words that change what a sentence asserts (negation, modality, reporting, speech, wrongdoing);
`names.json` lists the words that help to spot names the ontology does not know. Every entry is
checked when it is loaded, and a bad one raises DataError naming the file and the entry, so
adding a trigger word is an edit to data and a typo never passes silently.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import DataError
from kg.namespaces import KG
from kg.ontology import Ontology
from kg.records import RELATIONS

CUES_FILE = "cues.json"
NAMES_FILE = "names.json"
HOLDERS = frozenset({"subject", "object"})
CONFIDENCE_KEYS = frozenset(
    {
        "verb",
        "passive",
        "role",
        "noun",
        "possessive",
        "compound",
        "agent_noun",
        "hyphen",
        "claim",
        "topic",
        "coref_factor",
        "distance_factor",
    }
)


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """Verb forms of one relation ("sued"); `passive` lists the forms that can be passive."""

    forms: tuple[str, ...]
    passive: frozenset[str]
    object_prep: str | None
    """Preposition that must introduce the object ("partnered with Y"), or None."""
    object_then: tuple[tuple[str, ...], ...] = ()
    """Words one of which must follow the object ("took X to court"), lower-case tokens."""
    mutual: bool = False
    """Coordinated subjects are related to each other as well ("X and Y, together with Z")."""
    object_not_after: frozenset[str] = frozenset()
    """Words none of which may follow the object in its sentence: "agreed to pay X $5 million
    to **settle**" is a settlement, not a deal."""


@dataclass(frozen=True, slots=True)
class NounPattern:
    """Nouns that name the relation ("lawsuit") and the prepositions around them."""

    forms: tuple[str, ...]
    object_preps: frozenset[str]
    agent_preps: frozenset[str]
    support_verbs: frozenset[str]
    pair_preps: frozenset[str] = frozenset()
    under_preps: frozenset[str] = frozenset()
    left_agent: bool = False
    """The agent may be the nearest name before the noun ("X brought a suit")."""
    topic_object: bool = False
    """Without an object preposition, the sentence's first name is the object."""
    possessor_object: bool = False
    """A possessor is the object, never the agent ("OpenAI's funding round, led by X")."""
    modifier_agent_classes: tuple[str, ...] = ()
    """Classes of a name before the noun that make it the agent ("an FTC investigation")."""


@dataclass(frozen=True, slots=True)
class RolePattern:
    """Role nouns in appositions and titles ("Google's chief executive", "its partner")."""

    forms: tuple[str, ...]
    preps: frozenset[str]
    holder: str
    """Whether the holder of the role is the relation's "subject" or its "object"."""
    not_after: frozenset[str] = frozenset()
    """Words right before the role that make it a department's, not the organisation's
    ("its global affairs **chief**", "the Commission's competition **chief**")."""


@dataclass(frozen=True, slots=True)
class RelationPatterns:
    """Everything that expresses one relation."""

    relation: str
    subject_classes: tuple[str, ...]
    object_classes: tuple[str, ...]
    verbs: tuple[VerbPattern, ...] = ()
    nouns: tuple[NounPattern, ...] = ()
    roles: tuple[RolePattern, ...] = ()
    hyphen: tuple[str, ...] = ()
    agent_nouns: tuple[str, ...] = ()
    subject_excluded_classes: tuple[str, ...] = ()
    """Classes never the subject ("investigates": outlets investigate only as reporters)."""
    possessive: bool = False
    compound: bool = False
    source_preps: tuple[str, ...] = ()
    """Prepositions after an object that introduce its subject ("Gemini from Google")."""
    via_affiliation: bool = False
    """A person as a verb's agent acts for the organisation they lead ("Lisa Su, who runs AMD,
    unveiled X": AMD develops X)."""
    raising_verbs: frozenset[str] = frozenset()
    """Verbs of raising money whose sources after "from" invest in the raiser."""
    speaker_agent: bool = False
    """A public body that says a passive with no agent is its agent ("X is being probed, the
    regulator said")."""


@dataclass(frozen=True, slots=True)
class Cues:
    """Words that qualify what a sentence asserts, from cues.json."""

    negation: tuple[str, ...]
    modal: tuple[str, ...]
    reporting_before: tuple[str, ...]
    reporting_after: tuple[str, ...]
    reporter_classes: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    allegation_verbs: tuple[str, ...]
    evidence_cues: tuple[str, ...]
    wrongdoing_verbs: tuple[str, ...]
    conjunctions: tuple[str, ...]
    clause_breaks: frozenset[str]
    be_forms: frozenset[str]
    copulas: frozenset[str]
    """Verbs that link a subject to a role noun ("X is/became chief executive of Y")."""
    prepositions: frozenset[str]
    determiners: frozenset[str]
    definite_determiners: frozenset[str]
    relative_pronouns: frozenset[str]
    possessive_markers: frozenset[str]
    pronouns: dict[str, str]
    speaker_pronouns: frozenset[str]
    spokesperson_nouns: frozenset[str]
    quote_open: frozenset[str]
    quote_close: frozenset[str]
    object_blocking_preps: tuple[str, ...]
    """Words before a name that keep it from being a direct object ("a rival to Gemini")."""
    confidence: dict[str, float]
    ended: tuple[str, ...] = ()
    """Words before a trigger in its clause that make the relation a past one ("former")."""
    ended_after: tuple[str, ...] = ()
    """Words after a trigger in its clause that end the relation ("until 2022")."""
    source_before: tuple[str, ...] = ()
    """Words before an outlet that make it the source of its sentence ("according to")."""
    source_after: tuple[str, ...] = ()
    """Words after any name that make it the source of its sentence ("X data showed")."""
    source_verbs: tuple[str, ...] = ()
    """Reporting verbs after any name that make it a source when one of `source_followers`
    comes next ("..., ANSA reported.", "Dealroom reported that"), not an object ("reported
    a loss")."""
    source_followers: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    """Nouns for what a party writes; a participle after one acts for the writer, the
    clause's subject ("X sent Y a letter **accusing** it of ...": X accuses)."""
    claim_nouns: frozenset[str] = frozenset()
    """Nouns that state what their possessor or their "by"/"from" phrase says ("a claim by X
    that ...", "complaints from X that ...", "X's claim that ...")."""
    source_classes: tuple[str, ...] = ()
    """Classes of the names that a source position makes sources, known outlets or not."""
    object_stops: frozenset[str] = frozenset()
    """Words that end the search for a verb's direct object ("whether", "that")."""
    allegation_participles: frozenset[str] = frozenset()
    """Participles after a lawsuit that state what it alleges ("sued X, alleging ...")."""
    object_pronouns: frozenset[str] = frozenset()
    """Pronouns that can be a verb's object, never its own subject ("which accuses it")."""
    auxiliaries: frozenset[str] = frozenset()
    """Words after a name that start a new clause ("..., and Amazon has invested")."""
    role_blockers_before: frozenset[str] = frozenset()
    """Words before a role noun that make it another role ("vice president")."""
    role_blockers_after: frozenset[str] = frozenset()
    """Words after a role noun that make it another role ("chief technology officer")."""
    list_verbs: frozenset[str] = frozenset()
    """Words after a role that list its holders ("OpenAI's investors include A and B")."""
    possessive_pronouns: frozenset[str] = frozenset()
    """Pronouns that open an apposition like a determiner ("Gauss, its own AI model")."""
    quote_targets: tuple[str, ...] = ()
    """Words after a quote's attribution that name its target ("said of X", "referring to X")."""
    single_quotes: frozenset[str] = frozenset()
    """Single quotation marks, which are quotes only where spacing shows it."""
    role_links: frozenset[str] = frozenset()
    """Words that link a name to its role after a comma ("Lisa Su, who has run AMD")."""
    role_fillers: frozenset[str] = frozenset()
    """Other words that may stand between a name and its role ("one of its founders")."""
    pair_nouns: tuple[str, ...] = ()
    """Plurals that open a sentence and name the pair before it ("the two companies")."""
    anonymous_sources: tuple[str, ...] = ()
    """Unnamed sources whose sentence is hearsay, not fact ("people familiar with the matter")."""
    evaluative_participles: frozenset[str] = frozenset()
    """Participles after a lawsuit that allege only with a wrongdoing cue ("calling it theft")."""
    lacking_nouns: frozenset[str] = frozenset()
    other_org_nouns: frozenset[str] = frozenset()
    outlet_content_nouns: frozenset[str] = frozenset()
    ended_reversed: tuple[str, ...] = ()
    weak_wrongdoing: frozenset[str] = frozenset()
    """Wrongdoing cues that accuse only with a misused object after them ("took our code", not
    "took steps"); one-word cues from wrongdoing_verbs."""
    misused_objects: frozenset[str] = frozenset()
    """Nouns that make a weak wrongdoing cue an accusation ("lifted its articles")."""
    succession_verbs: frozenset[str] = frozenset()
    """Verbs whose object held a role the subject now holds ("X replaced Y as chief executive":
    X leads, Y no longer does)."""
    naming_verbs: frozenset[str] = frozenset()
    """Verbs that give their object a role of the subject's ("X **named** Y its primary
    partner", "X **chose** Y as its partner": its is X's, and Y holds the role)."""
    event_openers: frozenset[str] = frozenset()
    """Verbs of a relative clause right after a relation noun that make the clause's subject
    the noun's agent ("an investigation **it opened** last December", "an inquiry the
    commission **began**"), beside each noun's own support verbs."""
    part_nouns: frozenset[str] = frozenset()
    """Nouns for a part an organisation owns; a known part's own descriptor that ends in one
    names it after its owner's possessive ("Nvidia's **venture arm**": NVentures)."""
    member_nouns: frozenset[str] = frozenset()
    """People who act for the organisation named after them and "at", "from" or "for"
    ("**investigators at** the Commerce Department are examining ...")."""
    deal_verbs: frozenset[str] = frozenset()
    """Verbs of an exchange that "under a deal" makes a partnership ("X will supply chips to Y
    **under** a multiyear deal": X partners with Y)."""
    deal_nouns: frozenset[str] = frozenset()
    """Nouns of an agreement after "under" ("under a three-year **agreement**")."""
    future_auxiliaries: frozenset[str] = frozenset()
    """Modal words that only date an act under a deal that already exists ("**will** supply
    ... under a deal announced on Monday")."""
    joining_participles: tuple[str, ...] = ()
    """Participles of a "with" phrase after a funding round whose names joined the round
    ("a round led by X, **with** Y **co-leading**": Y invests too)."""
    participle_subordinators: frozenset[str] = frozenset()
    time_words: frozenset[str] = frozenset()
    """Words of a short time phrase (with numbers) that may stand between a document noun and
    the participle that gives its content ("sent Y a letter **last year** accusing it of ...")."""
    link_phrases: frozenset[str] = frozenset()
    """Phrases after a vague noun that name who stands behind it ("a group **linked to** X")."""
    """Words that open a participle clause whose subject is the main clause's ("X fined Y
    **after** concluding that Y had breached the law": X speaks)."""
    relative_possessives: frozenset[str] = frozenset()
    """Relative words that make the name before their comma the possessor of the role after
    them ("Figure AI, **whose** backers include X": X invests in Figure AI)."""
    event_enders: tuple[str, ...] = ()
    """Verbs that end an event named by their object noun; the event still happened ("a judge
    dismissed Musk's suit against OpenAI": Musk sued OpenAI)."""
    """Words after an ended relation that restore it ("ousted ... before being reinstated")."""
    """An outlet's own work ("its articles"): an outlet saying what was done to it is a party."""
    """Nouns after a possessor naming another organisation ("X's parent company")."""
    """Nouns after "without" that make a wrongdoing ("without their consent")."""
    predicate_qualifiers: tuple[str, ...] = ()
    """Words in the predicate of a relation noun's clause that leave it unsettled ("A deal
    between X and Y would need approval", "... is not yet final")."""


@dataclass(frozen=True, slots=True)
class NameCues:
    """Words that help to recognise names the ontology does not list, from names.json."""

    organization_suffixes: frozenset[str]
    news_suffixes: frozenset[str]
    government_suffixes: frozenset[str]
    non_name_words: frozenset[str]
    product_nouns: dict[str, str]
    """Noun after a name that makes it a product ("Comet browser") → class IRI."""
    max_tokens: int
    given_names: frozenset[str] = frozenset()
    """First tokens that make a two- or three-word name a person's ("Helena Varga")."""
    person_titles: frozenset[str] = frozenset()
    courtesy_titles: frozenset[str] = frozenset()
    """Titles that only people bear ("Ms.", "Dr."): the name after one, and the same
    surname anywhere in the text, is a person's."""
    """Words just before a name that make it a person's ("Mr", "chief executive")."""
    organization_nouns: dict[str, str] = field(default_factory=dict)
    """Noun in an apposition or before a name that gives its class ("a Norwegian utility")."""
    version_words: frozenset[str] = frozenset()
    """Edition words that, after a product name, name a distinct product ("Gemini 2.5 Pro")."""
    naming_words: tuple[tuple[str, ...], ...] = ()
    """Words that introduce a name after a product noun ("a model called Zephyr")."""
    collective_nouns: frozenset[str] = frozenset()
    """Nouns before "of" that a phrase is not headed by ("a family of models")."""
    person_nouns: frozenset[str] = frozenset()
    legal_designators: frozenset[str] = frozenset()
    office_titles: tuple[tuple[str, ...], ...] = ()
    name_particles: frozenset[str] = frozenset()
    organization_prefixes: frozenset[str] = frozenset()
    official_nouns: frozenset[str] = frozenset()
    """Plural nouns for officials that, after a place, name an unnamed body ("U.S. antitrust
    enforcers", "British regulators")."""
    places: frozenset[str] = frozenset()
    """Capitalised places or their adjectives that open such a body's name."""
    slot_adverbs: frozenset[str] = frozenset()
    """Words between an unknown name and a relation verb that keep it the verb's subject
    ("Kestrel **also** sued ...")."""
    office_plurals: dict[str, str] = field(default_factory=dict)
    """Lower-case plural of an office title → the title ("attorneys general")."""
    place_names: frozenset[str] = frozenset()
    """Cities, states and countries that may open the name of a public body ("Oslo Harbour
    Board") although they never open other names."""
    slot_verbs: frozenset[str] = frozenset()
    """Verbs besides the relations' own whose unknown subject is a company ("Quenby **raised**
    $8 million in a round led by ...")."""
    slot_vague_nouns: frozenset[str] = frozenset()
    institution_heads: dict[str, str] = field(default_factory=dict)
    """Lower-case heads of names that go on with "of" and a capitalised name → class IRI
    ("Bank of Tallowmere", "University of Carrowmore")."""
    """Relation nouns too common to type an unknown name after them ("a deal with X": X may be
    a country)."""
    """First words that make a name an organisation's ("Société", "Groupe", "Fondation")."""
    """Lower-case words inside a name between capitalised ones ("Société des Gens de Lettres")."""
    """Titles of offices that act through their holder ("Oregon Attorney General X")."""
    """Words after a known company's name that keep it the same company ("Meta Platforms")."""
    """Nouns that, heading an apposition after a name, make it a person's ("X, a lawyer for")."""


@dataclass(frozen=True, slots=True)
class PatternSet:
    """All pattern data: one entry per relation, plus the cues."""

    directory: Path
    relations: dict[str, RelationPatterns]
    cues: Cues
    names: NameCues
    files: tuple[Path, ...] = field(default=())


def default_directory(ontology: Ontology) -> Path:
    """The patterns live in a `patterns` folder inside the ontology folder."""
    return ontology.directory / "patterns"


def load_patterns(ontology: Ontology, directory: Path | None = None) -> PatternSet:
    """Read and check every pattern file; one file per relation plus cues.json and names.json."""
    directory = directory or default_directory(ontology)
    if not directory.is_dir():
        raise DataError("no patterns folder", path=directory)
    relations: dict[str, RelationPatterns] = {}
    files = sorted(directory.glob("*.json"))
    for path in files:
        if path.name in (CUES_FILE, NAMES_FILE):
            continue
        patterns = _relation(_read(path), path, ontology)
        if patterns.relation in relations:
            raise DataError(f"relation {patterns.relation!r} has a second file", path=path)
        relations[patterns.relation] = patterns
    missing = [name for name in RELATIONS if name not in relations]
    if missing:
        raise DataError(f"no patterns for {', '.join(missing)}", path=directory)
    return PatternSet(
        directory=directory,
        relations=relations,
        cues=_cues(_read(directory / CUES_FILE), directory / CUES_FILE, ontology),
        names=_names(_read(directory / NAMES_FILE), directory / NAMES_FILE, ontology),
        files=tuple(files),
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError("pattern file is missing", path=path) from None
    except (OSError, UnicodeDecodeError) as err:
        raise DataError(f"cannot read: {err}", path=path) from None
    except json.JSONDecodeError as err:
        raise DataError(
            f"not valid JSON: line {err.lineno} column {err.colno}: {err.msg}", path=path
        ) from None
    if not isinstance(data, dict):
        raise DataError("a pattern file holds one JSON object", path=path)
    return data


class _Checker:
    """Reads fields of one entry, naming the file and the entry in every error."""

    def __init__(self, data: dict[str, Any], path: Path, where: str, allowed: set[str]) -> None:
        self.data, self.path, self.where = data, path, where
        if not isinstance(data, dict):
            self.fail("must be a JSON object")
        unknown = sorted(set(data) - allowed)
        if unknown:
            self.fail(f"unknown field {unknown[0]!r} (allowed: {', '.join(sorted(allowed))})")

    def fail(self, message: str) -> None:
        raise DataError(f"{self.where}: {message}", path=self.path)

    def words(self, key: str, *, required: bool = True, empty: bool = False) -> tuple[str, ...]:
        if key not in self.data:
            if required:
                self.fail(f"missing field {key!r}")
            return ()
        value = self.data[key]
        if not isinstance(value, list) or not all(
            isinstance(v, str) and v.strip() == v and v for v in value
        ):
            self.fail(f"field {key!r} must be a list of non-empty, trimmed strings")
        if not value and not empty:
            self.fail(f"field {key!r} must not be empty")
        return tuple(value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"field {key!r} must be true or false")
        return value

    def optional_word(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            self.fail(f"field {key!r} must be a non-empty string or null")
        return value


_RELATION_FIELDS = {
    "relation",
    "subject_classes",
    "object_classes",
    "verbs",
    "nouns",
    "roles",
    "hyphen",
    "agent_nouns",
    "possessive",
    "compound",
    "subject_excluded_classes",
    "source_preps",
    "via_affiliation",
    "speaker_agent",
    "raising_verbs",
}


def _relation(data: dict[str, Any], path: Path, ontology: Ontology) -> RelationPatterns:
    top = _Checker(data, path, "top level", _RELATION_FIELDS)
    name = data.get("relation")
    if name not in RELATIONS:
        top.fail(f"unknown relation {name!r} (known: {', '.join(RELATIONS)})")
    subject_classes = _classes(top, "subject_classes", ontology)
    object_classes = _classes(top, "object_classes", ontology)
    verbs, nouns, roles = [], [], []
    for index, entry in enumerate(_entries(top, "verbs")):
        check = _Checker(
            entry,
            path,
            f"verbs[{index}]",
            {"forms", "passive", "object_prep", "object_then", "mutual", "object_not_after"},
        )
        forms = check.words("forms")
        passive = check.words("passive", empty=True)
        stray = [p for p in passive if p not in forms]
        if stray:
            check.fail(f"passive form {stray[0]!r} is not among the forms")
        then = tuple(tuple(p.lower().split()) for p in check.words("object_then", required=False))
        verbs.append(
            VerbPattern(
                forms,
                frozenset(passive),
                check.optional_word("object_prep"),
                then,
                check.flag("mutual"),
                frozenset(w.lower() for w in check.words("object_not_after", required=False)),
            )
        )
    for index, entry in enumerate(_entries(top, "nouns")):
        check = _Checker(
            entry,
            path,
            f"nouns[{index}]",
            {
                "forms",
                "object_preps",
                "agent_preps",
                "support_verbs",
                "pair_preps",
                "under_preps",
                "left_agent",
                "topic_object",
                "possessor_object",
                "modifier_agent_classes",
            },
        )
        nouns.append(
            NounPattern(
                forms=check.words("forms"),
                object_preps=frozenset(check.words("object_preps")),
                agent_preps=frozenset(check.words("agent_preps", empty=True)),
                support_verbs=frozenset(check.words("support_verbs", empty=True)),
                pair_preps=frozenset(check.words("pair_preps", required=False)),
                under_preps=frozenset(check.words("under_preps", required=False)),
                left_agent=check.flag("left_agent"),
                topic_object=check.flag("topic_object"),
                possessor_object=check.flag("possessor_object"),
                modifier_agent_classes=_classes(check, "modifier_agent_classes", ontology)
                if "modifier_agent_classes" in entry
                else (),
            )
        )
    for index, entry in enumerate(_entries(top, "roles")):
        check = _Checker(entry, path, f"roles[{index}]", {"forms", "preps", "holder", "not_after"})
        holder = entry.get("holder")
        if holder not in HOLDERS:
            check.fail(f"field 'holder' must be one of {sorted(HOLDERS)}, not {holder!r}")
        roles.append(
            RolePattern(
                check.words("forms"),
                frozenset(check.words("preps", empty=True)),
                holder,
                frozenset(w.lower() for w in check.words("not_after", required=False)),
            )
        )
    if not (verbs or nouns or roles):
        top.fail("needs at least one of 'verbs', 'nouns' or 'roles'")
    return RelationPatterns(
        relation=name,
        subject_classes=subject_classes,
        object_classes=object_classes,
        verbs=tuple(verbs),
        nouns=tuple(nouns),
        roles=tuple(roles),
        hyphen=top.words("hyphen", required=False),
        agent_nouns=top.words("agent_nouns", required=False),
        subject_excluded_classes=_classes(top, "subject_excluded_classes", ontology)
        if "subject_excluded_classes" in data
        else (),
        possessive=top.flag("possessive"),
        compound=top.flag("compound"),
        source_preps=top.words("source_preps", required=False),
        via_affiliation=top.flag("via_affiliation"),
        speaker_agent=top.flag("speaker_agent"),
        raising_verbs=frozenset(top.words("raising_verbs", required=False)),
    )


def _entries(check: _Checker, key: str) -> list[Any]:
    value = check.data.get(key, [])
    if not isinstance(value, list):
        check.fail(f"field {key!r} must be a list of objects")
    return value


def _classes(check: _Checker, key: str, ontology: Ontology) -> tuple[str, ...]:
    names = check.words(key)
    iris = []
    for name in names:
        iri = str(KG._NS[name])
        if iri not in ontology.classes:
            check.fail(f"{key}: {name!r} is not a class of the kg ontology")
        iris.append(iri)
    return tuple(iris)


_CUE_SEQUENCES = (
    "negation",
    "modal",
    "reporting_before",
    "reporting_after",
    "speech_verbs",
    "allegation_verbs",
    "evidence_cues",
    "wrongdoing_verbs",
    "conjunctions",
    "object_blocking_preps",
    "ended",
    "ended_after",
    "source_before",
    "source_after",
    "source_verbs",
    "quote_targets",
    "pair_nouns",
    "joining_participles",
    "ended_reversed",
    "event_enders",
    "anonymous_sources",
    "predicate_qualifiers",
)
"""Cue lists kept as tuples, in their file's order."""

_CUE_SETS = (
    "clause_breaks",
    "be_forms",
    "copulas",
    "prepositions",
    "determiners",
    "definite_determiners",
    "relative_pronouns",
    "possessive_markers",
    "speaker_pronouns",
    "spokesperson_nouns",
    "quote_open",
    "quote_close",
    "object_stops",
    "source_followers",
    "claim_nouns",
    "document_nouns",
    "allegation_participles",
    "object_pronouns",
    "auxiliaries",
    "role_blockers_before",
    "role_blockers_after",
    "list_verbs",
    "possessive_pronouns",
    "single_quotes",
    "role_links",
    "role_fillers",
    "evaluative_participles",
    "lacking_nouns",
    "other_org_nouns",
    "outlet_content_nouns",
    "weak_wrongdoing",
    "misused_objects",
    "succession_verbs",
    "member_nouns",
    "part_nouns",
    "event_openers",
    "naming_verbs",
    "relative_possessives",
    "participle_subordinators",
    "time_words",
    "link_phrases",
    "deal_verbs",
    "deal_nouns",
    "future_auxiliaries",
)
"""Cue lists only ever tested for membership."""

_CUE_LISTS = _CUE_SEQUENCES + _CUE_SETS


def _cues(data: dict[str, Any], path: Path, ontology: Ontology) -> Cues:
    check = _Checker(
        data,
        path,
        "cues",
        {*_CUE_LISTS, "pronouns", "confidence", "reporter_classes", "source_classes"},
    )
    lists = {key: check.words(key) for key in _CUE_LISTS}
    pronouns = data.get("pronouns")
    if not isinstance(pronouns, dict) or not pronouns:
        check.fail("field 'pronouns' must map each pronoun to a class name")
    pronoun_classes: dict[str, str] = {}
    for word, cls in pronouns.items():
        if str(KG._NS[cls]) not in ontology.classes:
            check.fail(f"pronouns: {word!r} names unknown class {cls!r}")
        pronoun_classes[word] = str(KG._NS[cls])
    confidence = data.get("confidence")
    if not isinstance(confidence, dict):
        check.fail("field 'confidence' must be an object")
    missing = sorted(CONFIDENCE_KEYS - set(confidence))
    if missing:
        check.fail(f"confidence: missing {missing[0]!r}")
    for key, value in confidence.items():
        if key not in CONFIDENCE_KEYS:
            check.fail(f"confidence: unknown key {key!r}")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            check.fail(f"confidence: {key!r} must be a number in [0, 1], not {value!r}")
    return Cues(
        **{key: lists[key] for key in _CUE_SEQUENCES},
        **{key: frozenset(lists[key]) for key in _CUE_SETS},
        reporter_classes=_classes(check, "reporter_classes", ontology),
        source_classes=_classes(check, "source_classes", ontology),
        pronouns=pronoun_classes,
        confidence={key: float(value) for key, value in confidence.items()},
    )


def _names(data: dict[str, Any], path: Path, ontology: Ontology) -> NameCues:
    check = _Checker(
        data,
        path,
        "names",
        {
            "organization_suffixes",
            "news_suffixes",
            "government_suffixes",
            "non_name_words",
            "product_nouns",
            "max_tokens",
            "given_names",
            "person_titles",
            "courtesy_titles",
            "organization_nouns",
            "version_words",
            "naming_words",
            "collective_nouns",
            "person_nouns",
            "legal_designators",
            "office_titles",
            "name_particles",
            "organization_prefixes",
            "official_nouns",
            "places",
            "slot_adverbs",
            "slot_vague_nouns",
            "office_plurals",
            "place_names",
            "slot_verbs",
            "institution_heads",
        },
    )
    product_nouns = _class_map(check, "product_nouns", ontology)
    office_titles = tuple(tuple(w.split()) for w in check.words("office_titles"))
    organization_nouns = _class_map(check, "organization_nouns", ontology)
    max_tokens = data.get("max_tokens")
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        check.fail(f"field 'max_tokens' must be a positive integer, not {max_tokens!r}")
    return NameCues(
        organization_suffixes=frozenset(check.words("organization_suffixes")),
        news_suffixes=frozenset(check.words("news_suffixes")),
        government_suffixes=frozenset(check.words("government_suffixes")),
        non_name_words=frozenset(check.words("non_name_words")),
        product_nouns=product_nouns,
        max_tokens=max_tokens,
        given_names=frozenset(check.words("given_names")),
        person_titles=frozenset(check.words("person_titles")),
        courtesy_titles=frozenset(check.words("courtesy_titles")),
        organization_nouns=organization_nouns,
        version_words=frozenset(check.words("version_words")),
        naming_words=tuple(tuple(w.lower().split()) for w in check.words("naming_words")),
        collective_nouns=frozenset(check.words("collective_nouns")),
        person_nouns=frozenset(w.lower() for w in check.words("person_nouns")),
        legal_designators=frozenset(check.words("legal_designators")),
        office_titles=office_titles,
        name_particles=frozenset(check.words("name_particles")),
        organization_prefixes=frozenset(check.words("organization_prefixes")),
        official_nouns=frozenset(check.words("official_nouns")),
        places=frozenset(check.words("places")),
        slot_adverbs=frozenset(check.words("slot_adverbs")),
        slot_vague_nouns=frozenset(check.words("slot_vague_nouns")),
        office_plurals=_office_plurals(check, office_titles),
        place_names=frozenset(check.words("place_names")),
        slot_verbs=frozenset(check.words("slot_verbs")),
        institution_heads=_class_map(check, "institution_heads", ontology),
    )


def _office_plurals(check: _Checker, office_titles: tuple[tuple[str, ...], ...]) -> dict[str, str]:
    """Lower-case plural of an office title → the title ("attorneys general" → "Attorney
    General"); every title must be in office_titles."""
    plurals = check.data.get("office_plurals")
    if not isinstance(plurals, dict) or not plurals:
        check.fail("field 'office_plurals' must map each plural to an office title")
    for plural, title in plurals.items():
        if not isinstance(plural, str) or plural != plural.strip().lower() or not plural:
            check.fail(f"office_plurals: {plural!r} must be a trimmed, lower-case plural")
        if not isinstance(title, str) or tuple(title.split()) not in office_titles:
            check.fail(f"office_plurals: {plural!r} names {title!r}, not one of office_titles")
    return dict(plurals)


def _class_map(check: _Checker, key: str, ontology: Ontology) -> dict[str, str]:
    """A field mapping lower-case nouns to kg class names, as noun → class IRI."""
    nouns = check.data.get(key)
    if not isinstance(nouns, dict) or not nouns:
        check.fail(f"field {key!r} must map each noun to a class name")
    mapped: dict[str, str] = {}
    for word, cls in nouns.items():
        if not isinstance(word, str) or word != word.strip().lower() or not word:
            check.fail(f"{key}: {word!r} must be a trimmed, lower-case noun")
        if not isinstance(cls, str) or str(KG._NS[cls]) not in ontology.classes:
            check.fail(f"{key}: {word!r} names unknown class {cls!r}")
        mapped[word] = str(KG._NS[cls])
    return mapped
