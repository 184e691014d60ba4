"""Load ontology/*.ttl: the vocabulary, the curated entities and the background knowledge.

Everything kg knows about the world before it reads an article is data in these files; this
module checks it on load and offers it to the other stages as plain Python values.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import DataError
from kg.namespaces import KG, bind_prefixes
from kg.records import RELATIONS, Entity

VOCABULARY_FILE = "kg.ttl"
SHAPES_FILE = "shapes.ttl"


def default_directory() -> Path:
    """Where the ontology lives: $KG_ONTOLOGY, ./ontology, or the one beside the package."""
    if env := os.environ.get("KG_ONTOLOGY"):
        return Path(env)
    local = Path.cwd() / "ontology"
    if (local / VOCABULARY_FILE).is_file():
        return local
    return Path(__file__).resolve().parent.parent / "ontology"


@dataclass(frozen=True)
class Ontology:
    """The vocabulary and the known entities, read from one folder of Turtle files."""

    directory: Path
    graph: Graph = field(repr=False)
    """The vocabulary only (classes and properties), as exported by `kg ontology`."""
    entities: dict[str, Entity] = field(repr=False)
    descriptors: dict[str, tuple[str, ...]] = field(repr=False)
    """Entity or class IRI → nouns that can refer back to it ("chipmaker")."""
    makers: dict[str, str] = field(repr=False)
    """Product IRI → organisation known to make it (background knowledge)."""
    affiliations: dict[str, str] = field(repr=False)
    """Person IRI → organisation the person is known for (background knowledge)."""
    parents: dict[str, str] = field(repr=False, default_factory=dict)
    """Organisation IRI → the organisation that owns it, as a venture arm's company."""
    usual_senses: dict[str, str] = field(repr=False, default_factory=dict)
    """A name another entity bears → the entity it usually means ("The Times" → The New York
    Times), where a document names no entity it could be short for."""
    fingerprint: str = ""
    """SHA-256 over the files read: a change means earlier builds are stale."""

    @cached_property
    def classes(self) -> frozenset[str]:
        return frozenset(str(c) for c in self.graph.subjects(RDF.type, _OWL_CLASS))

    @cached_property
    def superclasses(self) -> dict[str, frozenset[str]]:
        """Class IRI → the class and every kg class above it."""
        direct: dict[str, set[str]] = defaultdict(set)
        for sub, sup in self.graph.subject_objects(RDFS.subClassOf):
            direct[str(sub)].add(str(sup))
        closure: dict[str, frozenset[str]] = {}
        for cls in self.classes:
            seen, todo = {cls}, [cls]
            while todo:
                for sup in direct.get(todo.pop(), ()):
                    if sup not in seen:
                        seen.add(sup)
                        todo.append(sup)
            closure[cls] = frozenset(s for s in seen if s in self.classes)
        return closure

    def is_a(self, entity_type: str, cls: URIRef | str) -> bool:
        """Whether a class is `cls` or below it (asked for every candidate, so remembered)."""
        key = (entity_type, cls)
        found = self._is_a.get(key)
        if found is None:
            found = self._is_a[key] = str(cls) in self.superclasses.get(
                entity_type, frozenset({entity_type})
            )
        return found

    @cached_property
    def _is_a(self) -> dict[tuple[str, URIRef | str], bool]:
        return {}

    def relation_iri(self, name: str) -> URIRef:
        return KG[name]


_OWL_CLASS = URIRef("http://www.w3.org/2002/07/owl#Class")


def load_ontology(directory: Path | None = None) -> Ontology:
    """Read and check every Turtle file in the ontology folder."""
    directory = directory or default_directory()
    vocabulary_path = directory / VOCABULARY_FILE
    if not vocabulary_path.is_file():
        raise DataError(f"no {VOCABULARY_FILE} in the ontology folder", path=directory)
    digest = hashlib.sha256()
    vocabulary = bind_prefixes(Graph())
    data: _Facts = defaultdict(lambda: defaultdict(list))
    for path in sorted(directory.glob("*.ttl")):
        if path.name == SHAPES_FILE:
            continue
        content = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + content)
        if path.name == VOCABULARY_FILE:
            _parse_into(vocabulary, path)
        else:
            _read_facts(data, path, content)
    for name in RELATIONS:
        if (KG[name], RDF.type, _OBJECT_PROPERTY) not in vocabulary:
            raise DataError(f"relation kg:{name} is not declared", path=vocabulary_path)
    classes = {str(c) for c in vocabulary.subjects(RDF.type, _OWL_CLASS)}
    entities = _entities(data, classes, directory)
    descriptors: dict[str, tuple[str, ...]] = {}
    for subject in set(vocabulary.subjects(KG.descriptor, None)):
        nouns = sorted(str(o) for o in vocabulary.objects(subject, KG.descriptor))
        descriptors[str(subject)] = tuple(nouns)
    for subject, facts in data.items():
        if nouns := facts.get(_DESCRIPTOR):
            descriptors[subject] = tuple(sorted(set(nouns)))
    return Ontology(
        directory=directory,
        graph=vocabulary,
        entities=entities,
        descriptors=descriptors,
        makers=_background(data, _MAKER, entities, directory),
        affiliations=_background(data, _AFFILIATION, entities, directory),
        parents=_background(data, _PARENT, entities, directory),
        usual_senses=_usual_senses(data, entities, directory),
        fingerprint=digest.hexdigest(),
    )


_Facts = dict[str, dict[str, list[str]]]
"""Subject IRI → predicate IRI → the objects' values (IRIs or literals' lexical forms)."""
_TYPE, _LABEL, _ALT_LABEL = str(RDF.type), str(RDFS.label), str(SKOS.altLabel)
_DESCRIPTOR, _MAKER, _AFFILIATION = str(KG.descriptor), str(KG.maker), str(KG.affiliation)
_PARENT, _USUAL_SENSE = str(KG.parentOrganization), str(KG.usualSenseOf)


def _read_facts(facts: _Facts, path: Path, content: bytes) -> None:
    """The entity files' triples, parsed by Oxigraph: a thousand-entity gazetteer is read in a
    few hundredths of a second, where rdflib's Turtle parser took a fifth of one, in every
    process that extracts."""
    import pyoxigraph as ox

    try:
        for triple in ox.parse(content, ox.RdfFormat.TURTLE, base_iri=path.as_uri()):
            facts[triple.subject.value][triple.predicate.value].append(triple.object.value)
    except SyntaxError as err:
        reason = " ".join(str(err).split())[:200]
        raise DataError(f"not valid Turtle: {reason}", path=path) from None


_OBJECT_PROPERTY = URIRef("http://www.w3.org/2002/07/owl#ObjectProperty")


def _parse_into(graph: Graph, path: Path) -> None:
    try:
        graph.parse(path, format="turtle")
    except Exception as err:  # rdflib raises many types for bad syntax
        reason = " ".join(str(err).split())[:200]
        raise DataError(f"not valid Turtle: {reason}", path=path) from None


def _entities(data: _Facts, classes: set[str], directory: Path) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    owner: dict[str, str] = {}
    for iri in sorted(s for s, facts in data.items() if facts.get(_LABEL)):
        facts = data[iri]
        types = sorted({t for t in facts.get(_TYPE, ()) if t in classes})
        labels = sorted(set(facts[_LABEL]))
        if len(types) != 1:
            raise DataError(
                f"entity <{iri}> needs exactly one kg class, has {len(types)}", path=directory
            )
        if len(labels) != 1:
            raise DataError(f"entity <{iri}> needs exactly one rdfs:label", path=directory)
        aliases = tuple(sorted(set(facts.get(_ALT_LABEL, ()))))
        for name in (labels[0], *aliases):
            key = name.casefold()
            if key in owner and owner[key] != iri:
                raise DataError(
                    f"name {name!r} belongs to both <{owner[key]}> and <{iri}>", path=directory
                )
            owner[key] = iri
        entities[iri] = Entity(iri=iri, label=labels[0], type=types[0], aliases=aliases)
    return entities


def _background(
    data: _Facts, predicate: str, entities: dict[str, Entity], directory: Path
) -> dict[str, str]:
    found: dict[str, str] = {}
    for subject, facts in data.items():
        for obj in facts.get(predicate, ()):
            if obj not in entities:
                raise DataError(
                    f"<{subject}> <{predicate}> names unknown entity <{obj}>", path=directory
                )
            found[subject] = obj
    return found


def _usual_senses(data: _Facts, entities: dict[str, Entity], directory: Path) -> dict[str, str]:
    """kg:usualSenseOf, checked: each name is another entity's, and has one usual sense."""
    bearers = {
        name.casefold(): iri
        for iri, entity in entities.items()
        for name in (entity.label, *entity.aliases)
    }
    senses: dict[str, str] = {}
    seen: dict[str, str] = {}
    for iri, facts in sorted(data.items()):
        for name in facts.get(_USUAL_SENSE, ()):
            bearer = bearers.get(name.casefold())
            if iri not in entities:
                raise DataError(f"kg:usualSenseOf {name!r} on unknown <{iri}>", path=directory)
            if bearer is None or bearer == iri:
                raise DataError(
                    f"kg:usualSenseOf {name!r} on <{iri}> is no other entity's name "
                    "(a name only this entity bears is a skos:altLabel)",
                    path=directory,
                )
            if seen.setdefault(name.casefold(), iri) != iri:
                raise DataError(f"name {name!r} has two usual senses", path=directory)
            senses[name] = iri
    return senses


def write_vocabulary(out: Path, fmt: str | None = None, directory: Path | None = None) -> Path:
    """Write the vocabulary, as loaded, atomically in the format `out` names (`kg ontology`)."""
    from rdflib import Dataset

    from kg.export import format_for, serialize
    from kg.namespaces import ONTOLOGY_GRAPH

    fmt = format_for(out, fmt)
    dataset = bind_prefixes(Dataset())
    vocabulary = dataset.graph(ONTOLOGY_GRAPH)
    for triple in load_ontology(directory).graph:
        vocabulary.add(triple)
    serialize(dataset, out, fmt)
    return out
