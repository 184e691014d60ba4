"""Measure extraction against a gold JSONL file: precision, recall and F1 per relation.

Each gold line is run as its own document through `kg.extract.extract`. Predicted relations
match gold ones by canonical label (case-insensitive, a leading "the" ignored; symmetric
relations in either direction); claims are scored on their own row. `meets_targets` compares the
figures with TARGETS, the accuracy the project promises, kept here as data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from kg.errors import DataError
from kg.ontology import Ontology
from kg.records import RELATIONS, SYMMETRIC, Document

TARGETS: dict[str, dict[str, float]] = {
    "accuses": {"precision": 0.90, "recall": 0.80},
    "partnersWith": {"precision": 0.90, "recall": 0.80},
    "sues": {"precision": 0.90, "recall": 0.80},
    "investigates": {"precision": 0.85, "recall": 0.70},
    "develops": {"precision": 0.85, "recall": 0.70},
    "leads": {"precision": 0.85, "recall": 0.70},
    "investsIn": {"precision": 0.85, "recall": 0.70},
}
"""Relation → minimum precision and recall on a gold set."""

QUALIFIER_TAGS = frozenset(
    {
        "negation",
        "denial",
        "hypothetical",
        "question",
        "reporting",
        "journalist-outlet",
        "commentary",
        "co-occurrence",
        "cooccurrence",
        "topic",
        "lookalike",
    }
)
"""Gold tags of lines whose cues must not produce relations; their false positives are listed.
Both spellings of co-occurrence are here: the dev set writes "co-occurrence", the blind sets
"cooccurrence"."""

CLAIMS = "claims"
Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class GoldLine:
    id: str
    text: str
    relations: frozenset[Triple]
    claims: frozenset[tuple[str, str, str, str]]
    tags: tuple[str, ...]
    line: int


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Error:
    """One false positive or false negative, with the line it came from."""

    line_id: str
    kind: str
    """"FP" or "FN"."""
    triple: tuple[str, ...]
    tags: tuple[str, ...]
    text: str

    @property
    def qualified(self) -> bool:
        """A false positive on a line that tests negation, reporting, modality and the like."""
        return self.kind == "FP" and bool(QUALIFIER_TAGS & set(self.tags))


@dataclass
class TagScore:
    """How the lines carrying one gold tag fared: a construction (passive, apposition, ...) or a
    trap (negation, reporting, ...)."""

    lines: int = 0
    gold: int = 0
    found: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


@dataclass
class Report:
    gold_path: Path
    model: str | None
    scores: dict[str, Score] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    tags: dict[str, TagScore] = field(default_factory=dict)

    @property
    def micro(self) -> Score:
        total = Score()
        for name in RELATIONS:
            score = self.scores[name]
            total.tp, total.fp, total.fn = (
                total.tp + score.tp,
                total.fp + score.fp,
                total.fn + score.fn,
            )
        return total


def read_gold(path: Path) -> list[GoldLine]:
    """Parse a gold JSONL file; a malformed line raises DataError naming file and line."""
    lines = []
    seen: dict[str, int] = {}
    try:
        raw_lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise DataError(f"cannot read gold file: {err.strerror or err}", path=path) from None
    for number, raw in enumerate(raw_lines, start=1):
        if not raw.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise DataError(f"line {number}: not valid JSON: {err.msg}", path=path) from None
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("id"), str)
            or not isinstance(data.get("text"), str)
        ):
            raise DataError(f"line {number}: needs string fields 'id' and 'text'", path=path)
        if (first := seen.setdefault(data["id"], number)) != number:
            raise DataError(
                f"line {number}: id {data['id']!r} is already line {first}'s", path=path
            )
        relations = _tuples(data.get("relations", []), 3, where, "relations")
        claims = _tuples(data.get("claims", []), 4, where, "claims")
        for triple in [*relations, *(c[1:] for c in claims)]:
            if triple[1] not in RELATIONS:
                raise DataError(f"line {number}: unknown relation {triple[1]!r}", path=path)
        tags = data.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise DataError(f"line {number}: 'tags' must be a list of strings", path=path)
        lines.append(
            GoldLine(
                id=data["id"],
                text=data["text"],
                relations=frozenset(_key(*t) for t in relations),
                claims=frozenset((_norm(c[0]), *_key(*c[1:])) for c in claims),
                tags=tuple(tags),
                line=number,
            )
        )
    return lines


def _tuples(value: object, size: int, where: str, name: str) -> list[tuple[str, ...]]:
    if not isinstance(value, list) or not all(
        isinstance(v, list) and len(v) == size and all(isinstance(x, str) and x for x in v)
        for v in value
    ):
        path, _, number = where.rpartition(":")
        raise DataError(f"line {number}: {name!r} must be a list of {size}-string lists", path=path)
    return [tuple(v) for v in value]


def _norm(label: str) -> str:
    """A label as gold and extraction are compared: case, spacing, a leading "the" and a final
    full stop do not count ("Luka Inc." is the extractor's "Luka Inc", whose period may have
    ended the sentence)."""
    label = " ".join(label.casefold().split()).removesuffix(".")
    return label[4:] if label.startswith("the ") else label


def _canonical(ontology: Ontology) -> dict[str, str]:
    """Every known name or alias → the entity's canonical label, normalised.

    Gold files name entities as their annotators know them ("Amazon Web Services", "New York
    Daily News"); an alias of a known entity means that entity.
    """
    return {
        _norm(name): _norm(entity.label)
        for entity in ontology.entities.values()
        for name in (entity.label, *entity.aliases)
    }


def _key(
    subject: str, predicate: str, obj: str, names: Mapping[str, str] = MappingProxyType({})
) -> Triple:
    s, o = _norm(subject), _norm(obj)
    s, o = names.get(s, s), names.get(o, o)
    if predicate in SYMMETRIC and o < s:
        s, o = o, s
    return (s, predicate, o)


def evaluate(gold_path: Path, ontology: Ontology, model: str | None = None) -> Report:
    """Run every gold line through extract and score the predictions."""
    from kg.extract import extract

    gold = read_gold(gold_path)
    names = _canonical(ontology)
    report = Report(
        gold_path=gold_path, model=model, scores={name: Score() for name in (*RELATIONS, CLAIMS)}
    )
    documents = (
        Document(
            name=line.id,
            text=line.text,
            sha256=hashlib.sha256(line.text.encode("utf-8")).hexdigest(),
        )
        for line in gold
    )
    for line, extraction in zip(gold, extract(documents, ontology, model=model), strict=True):
        labels = {e.iri: e.label for e in extraction.entities}
        facts: set[Triple] = set()
        claims: set[tuple[str, str, str, str]] = set()
        for r in extraction.relations:
            triple = _key(
                labels.get(r.subject, r.subject), r.predicate, labels.get(r.object, r.object), names
            )
            if r.claimed_by:
                claimant = _norm(labels.get(r.claimed_by, r.claimed_by))
                claims.add((names.get(claimant, claimant), *triple))
            else:
                facts.add(triple)
        gold_facts = {_key(*t, names) for t in line.relations}
        gold_claims = {(names.get(c[0], c[0]), *_key(*c[1:], names)) for c in line.claims}
        _score(report, line, facts, gold_facts, lambda t: t[1])
        _score(report, line, claims, gold_claims, lambda t: CLAIMS)
        for tag in set(line.tags):
            score = report.tags.setdefault(tag, TagScore())
            score.lines += 1
            score.gold += len(gold_facts)
            score.found += len(facts & gold_facts)
            score.false_positives += len(facts - gold_facts)
    return report


def _score(
    report: Report, line: GoldLine, predicted: Iterable[tuple], gold: Iterable[tuple], row
) -> None:
    predicted, gold = set(predicted), set(gold)
    for item in predicted & gold:
        report.scores[row(item)].tp += 1
    for kind, items in (("FP", predicted - gold), ("FN", gold - predicted)):
        for item in sorted(items):
            score = report.scores[row(item)]
            if kind == "FP":
                score.fp += 1
            else:
                score.fn += 1
            report.errors.append(Error(line.id, kind, item, line.tags, line.text))


def meets_targets(report: Report) -> list[str]:
    """The targets the report misses, one readable line each; empty when all are met."""
    missed = []
    for name, target in TARGETS.items():
        score = report.scores[name]
        for measure, minimum in target.items():
            value = getattr(score, measure)
            if value < minimum:
                missed.append(f"{name} {measure} {value:.2f} < {minimum:.2f}")
    qualified = [e for e in report.errors if e.qualified and e.triple[1] in TARGETS]
    if qualified:
        missed.append(
            f"{len(qualified)} relation(s) from negated, reporting, modal or commentary lines"
        )
    return missed


def format_tags(report: Report) -> str:
    """Recall and false positives by gold tag, weakest recall first: which constructions and
    traps fail, measured (a tag names what a line tests, not which triple; relation-type tags
    are left out, the table above has them)."""
    rows = [f"{'tag':<22}{'lines':>6}{'gold':>6}{'found':>6}{'R':>7}{'FP':>5}"]
    shown = sorted(
        (score.recall, tag, score)
        for tag, score in report.tags.items()
        if tag not in RELATIONS and tag != "claim"
    )
    for recall, tag, t in shown:
        recall_cell = f"{recall:>7.2f}" if t.gold else f"{'-':>7}"
        rows.append(
            f"{tag:<22}{t.lines:>6}{t.gold:>6}{t.found:>6}{recall_cell}{t.false_positives:>5}"
        )
    return "\n".join(rows)


def format_report(report: Report) -> str:
    """A plain-text table of the scores, then the errors."""
    rows = [
        f"gold: {report.gold_path}   model: {report.model or 'rules only'}",
        "",
        f"{'relation':<14}{'TP':>5}{'FP':>5}{'FN':>5}{'P':>7}{'R':>7}{'F1':>7}  target",
    ]
    for name in (*RELATIONS, CLAIMS):
        s = report.scores[name]
        target = TARGETS.get(name)
        goal = f"P≥{target['precision']:.2f} R≥{target['recall']:.2f}" if target else ""
        rows.append(
            f"{name:<14}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>7.2f}{s.recall:>7.2f}"
            f"{s.f1:>7.2f}  {goal}"
        )
    m = report.micro
    rows.append(
        f"{'micro':<14}{m.tp:>5}{m.fp:>5}{m.fn:>5}{m.precision:>7.2f}{m.recall:>7.2f}{m.f1:>7.2f}"
    )
    if report.errors:
        rows += ["", "errors:"]
        for e in report.errors:
            flag = " [qualified line]" if e.qualified else ""
            rows.append(f"  {e.kind} {e.line_id}: {' | '.join(e.triple)}{flag}")
    return "\n".join(rows)
