"""Give back the full stop an abbreviation took from the end of its sentence.

spaCy's English tokenizer keeps the period of known abbreviations and initials ("Corp.",
"Gen.", "Q."), so in "Alibaba invested in Zorblax Corp. The deal closed." the sentence does
not end and the name reads "Corp." (and "Meta released Movie Gen." hides "Movie Gen" from the
gazetteer). The tokenizer cannot look ahead; this component can. Where such a token is the last
of its line or text, or the next word is a capitalised function word ("The", "It", "In"), the
period is split off as a token of its own, so the sentencizer (or a parser) ends the sentence
there. Abbreviations with inner periods ("U.S.") are left whole: split, they would stop being
the word they are.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.entities import forget_arrays, text_of

_CANDIDATE = re.compile(r"(?<![\w.])[A-Za-z]+\.(?=[ \t\r]*(?:\n|$)|[ \t]+([A-Z][a-z]*)\b)")
"""A word and one period, then the end of a line or text, or a capitalised word."""

_INNER_PERIOD = re.compile(r"(?<=[a-z0-9])\.(?=[A-Za-z])")
"""A period with a letter right after it, inside a word ("Character.AI"): the tokenizer splits
it off, but it ends no sentence."""


class AbbreviationStops:
    """Split a sentence-final period from the abbreviation that absorbed it."""

    def __init__(self, nlp: Language) -> None:
        self.function_words = frozenset(word.lower() for word in nlp.Defaults.stop_words)

    def __call__(self, doc: Doc) -> Doc:
        splits = []
        for match in _CANDIDATE.finditer(text_of(doc)):
            following = match.group(1)
            if following is not None and following.lower() not in self.function_words:
                continue
            span = doc.char_span(match.start(), match.end())
            if span is not None and len(span) == 1:
                splits.append(span[0])
        if splits:
            forget_arrays(doc)  # kept by text_of, and about to be wrong
            with doc.retokenize() as retokenizer:
                for token in splits:
                    retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 0), (token, 0)])
        for match in _INNER_PERIOD.finditer(text_of(doc)):
            span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
            if span is not None and span.start > 0 and doc[span.start - 1].text == ".":
                span[0].is_sent_start = False  # the sentencizer keeps a boundary set before it
        return doc
