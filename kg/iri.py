"""Mint IRIs that every parser accepts, whatever text they come from."""

from __future__ import annotations

import hashlib
import re
import unicodedata

import pyoxigraph
from rdflib import URIRef

from kg.errors import GraphError

_SAFE = re.compile(r"[A-Za-z0-9_~-]")
_MAX_LOCAL = 120


def local_name(text: str) -> str:
    """An ASCII-only, IRI- and Turtle-safe local name that stays readable for plain names.

    Whitespace becomes "_", ASCII letters, digits, "_", "-" and "~" stay, everything else is
    percent-encoded as UTF-8. Names too long or empty fall back to a hash.
    """
    name = "_".join(unicodedata.normalize("NFKC", text).split())
    local = "".join(
        ch if _SAFE.fullmatch(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        for ch in name
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    if not local:
        return f"_{digest}"
    if len(local) > _MAX_LOCAL:
        return f"{local[:_MAX_LOCAL]}_{digest}"
    return local


def checked(iri: str) -> URIRef:
    """The IRI as an rdflib term, after a strict parser (Oxigraph) has accepted it."""
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError as err:
        raise GraphError(f"refusing to write invalid IRI <{iri}>: {err}") from None
    return URIRef(iri)


def mint(namespace: str, text: str) -> URIRef:
    """A checked IRI in `namespace` for a name taken from text."""
    return checked(namespace + local_name(text))
