"""Extraction: read documents with spaCy and return typed records of who does what to whom.

`make_pipeline` builds the spaCy pipeline (blank English + sentencizer by default, or a trained
pipeline whose NER adds discovered entities and whose parser adds kg_dependency's candidates)
and `extract` streams one Extraction per document. Everything else in this package is private to it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from kg.errors import UsageError
from kg.extract.entities import offsets_of, words_of
from kg.extract.factories import bind_context, setup_extensions
from kg.extract.patterns import PatternSet, load_patterns
from kg.ontology import Ontology
from kg.records import Document, Entity, Extraction, Mention

__all__ = ["extract", "load_patterns", "make_pipeline"]

COMPONENTS = ("kg_mentions", "kg_coref", "kg_quotes", "kg_relations")
PARSED_COMPONENTS = ("kg_mentions", "kg_coref", "kg_quotes", "kg_dependency", "kg_relations")
"""With a dependency parser in the pipeline, kg_dependency proposes candidates from the parse."""


def make_pipeline(
    ontology: Ontology, model: str | None = None, patterns: PatternSet | None = None
) -> Language:
    """The extraction pipeline: the trained spaCy pipeline `model`, or blank English."""
    setup_extensions()
    patterns = patterns or load_patterns(ontology)
    if model is None:
        nlp = spacy.blank("en")
    else:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except OSError:
            raise UsageError(
                f"spaCy pipeline {model!r} is not installed; install it (pip install ...) or "
                "leave out --model to use the rule-based default"
            ) from None
    _split_version_periods(nlp)
    if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("kg_stops", first=True)  # before anything reads sentences or tokens
    bind_context(nlp, ontology, patterns)
    parsed = any("token.dep" in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names)
    for name in PARSED_COMPONENTS if parsed else COMPONENTS:
        nlp.add_pipe(name)
    return nlp


VERSION_PERIOD = r"(?<=[0-9][A-Z])\."
"""A full stop after a version ending in a capital ("Ascend 910C.") ends the sentence."""
HYPHEN_LETTER_PERIOD = r"(?<=-[A-Z])\."
"""So does one after a name ending in a hyphen and a capital ("DALL-E."): no initial is written
that way, and left attached the tokenizer would read "E." as one."""
CAMEL_PERIOD = r"(?<=[a-z&][A-Z])\."
"""And one after a name whose last capital follows a small letter or "&" ("PwC.", "AT&T.",
"MetaX."): spaCy keeps a full stop after a capital, for initials and "U.S.", and left attached
it hides the name from the gazetteer."""


def _split_version_periods(nlp: Language) -> None:
    """Let the tokenizer split a sentence's full stop from a version such as "910C" or "MI350X"."""
    suffixes = [*nlp.Defaults.suffixes, VERSION_PERIOD, HYPHEN_LETTER_PERIOD, CAMEL_PERIOD]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def extract(
    documents: Iterable[Document],
    ontology: Ontology,
    *,
    model: str | None = None,
    batch_size: int = 64,
) -> Iterator[Extraction]:
    """One Extraction per document, in order, streaming."""
    nlp = make_pipeline(ontology, model)
    pairs = ((document.text, document) for document in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield to_extraction(doc, document)


def to_extraction(doc: Doc, document: Document) -> Extraction:
    """The records for one processed Doc."""
    entities: dict[str, Entity] = doc._.kg_entities or {}
    mentions = []
    refs = doc._.kg_refs or ()
    if refs:
        # Offsets from one array, not a Span per mention: the tokenizer keeps the text intact.
        offsets = offsets_of(doc)
        words = words_of(doc)
        text = document.text
        for ref in refs:
            start, last = offsets[ref.start], ref.end - 1
            end = offsets[last] + len(words[last])
            mentions.append(
                Mention(
                    entity=ref.entity,
                    start=start,
                    end=end,
                    text=text[start:end],
                    resolution=ref.resolution,
                )
            )
    counts = Counter(m.entity for m in mentions)
    relations = tuple(doc._.kg_relations or ())
    used = (
        set(counts)
        | {r.subject for r in relations}
        | {r.object for r in relations}
        | {r.claimed_by for r in relations if r.claimed_by}
    )
    return Extraction(
        document=document,
        entities=tuple(entities[iri] for iri in sorted(used) if iri in entities),
        mentions=tuple(mentions),
        relations=relations,
        mention_counts=dict(sorted(counts.items())),
    )
