"""Regenerate news.trig from hand-made extractions: `python tests/data/graphs/make_graphs.py`.

The graph is small but has every shape the queries and shapes care about: accusations, a
symmetric partnership, a lawsuit, a claim attributed to an actor, an entity discovered in the
text (not curated), a document date, resolutions and mention counts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from kg.export import serialize
from kg.graph import build_dataset
from kg.ontology import load_ontology
from kg.records import Document, Entity, Extraction, Mention, Relation

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
E = "https://w3id.org/kg-news/entity/"
K = "https://w3id.org/kg-news/ontology#"

OPENAI = Entity(E + "OpenAI", "OpenAI", K + "Company")
DEEPSEEK = Entity(E + "DeepSeek", "DeepSeek", K + "Company")
MICROSOFT = Entity(E + "Microsoft", "Microsoft", K + "Company")
NYT = Entity(E + "The_New_York_Times", "The New York Times", K + "NewsOrganization")
ALTMAN = Entity(E + "Sam_Altman", "Sam Altman", K + "Person")
CHATGPT = Entity(E + "ChatGPT", "ChatGPT", K + "AIModel")
ACME = Entity(E + "Acme_Robotics", "Acme Robotics", K + "Company", curated=False)


def _document(name: str, text: str, date: dt.date | None = None) -> Document:
    return Document(name, text, hashlib.sha256(text.encode("utf-8")).hexdigest(), date)


def _relation(
    text: str,
    sentence: str,
    words: str,
    subject: Entity,
    predicate: str,
    obj: Entity,
    confidence: float,
    **extra: object,
) -> Relation:
    start = text.index(sentence)
    at = text.index(words)
    return Relation(
        subject.iri,
        predicate,
        obj.iri,
        start,
        start + len(sentence),
        at,
        at + len(words),
        words,
        f"{predicate}.test",
        confidence,
        **extra,
    )


def extractions() -> list[Extraction]:
    one = (
        "OpenAI accuses DeepSeek of copying its models. "
        "Microsoft partners with OpenAI on cloud computing."
    )
    two = (
        "The New York Times sued OpenAI over copyright. "
        "Sam Altman leads OpenAI. OpenAI develops ChatGPT."
    )
    three = (
        "DeepSeek says Acme Robotics accused it of theft. "
        "The company invests in Acme Robotics, according to filings."
    )
    d1 = _document("one.txt", one, dt.date(2025, 1, 29))
    d2 = _document("two.txt", two)
    d3 = _document("three.txt", three)
    s = one.split(". ")
    t = two.split(". ")
    u = three.split(". ")
    return [
        Extraction(
            d1,
            (OPENAI, DEEPSEEK, MICROSOFT),
            (Mention(OPENAI.iri, 0, 6, "OpenAI"),),
            (
                _relation(
                    one, s[0] + ".", "OpenAI accuses DeepSeek", OPENAI, "accuses", DEEPSEEK, 0.9
                ),
                _relation(
                    one,
                    s[1],
                    "Microsoft partners with OpenAI",
                    MICROSOFT,
                    "partnersWith",
                    OPENAI,
                    0.8,
                ),
            ),
            {OPENAI.iri: 2, DEEPSEEK.iri: 1, MICROSOFT.iri: 1},
        ),
        Extraction(
            d2,
            (NYT, OPENAI, ALTMAN, CHATGPT),
            (),
            (
                _relation(
                    two, t[0] + ".", "The New York Times sued OpenAI", NYT, "sues", OPENAI, 0.95
                ),
                _relation(two, t[1] + ".", "Sam Altman leads OpenAI", ALTMAN, "leads", OPENAI, 0.7),
                _relation(two, t[2], "OpenAI develops ChatGPT", OPENAI, "develops", CHATGPT, 0.6),
            ),
            {OPENAI.iri: 3, NYT.iri: 1},
        ),
        Extraction(
            d3,
            (DEEPSEEK, ACME),
            (),
            (
                _relation(
                    three,
                    u[0] + ".",
                    "Acme Robotics accused it",
                    ACME,
                    "accuses",
                    DEEPSEEK,
                    0.5,
                    claimed_by=DEEPSEEK.iri,
                ),
                _relation(
                    three,
                    u[1],
                    "The company invests in Acme Robotics",
                    DEEPSEEK,
                    "investsIn",
                    ACME,
                    0.4,
                    resolutions=("'The company' -> DeepSeek (previous subject)",),
                ),
            ),
            {DEEPSEEK.iri: 2, ACME.iri: 2},
        ),
    ]


def dataset():
    return build_dataset(extractions(), load_ontology(ROOT / "ontology"))


if __name__ == "__main__":
    serialize(dataset(), HERE / "news.trig", "trig")
    print(f"wrote {HERE / 'news.trig'}")
