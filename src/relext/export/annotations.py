"""Evidence as W3C Web Annotations (JSON-LD): the words that state each relation, re-anchorable.

One ``Annotation`` per evidence item of a relext graph (or of extractions, through
`relext.build_graph()`). Its body describes the relation (a ``TextualBody`` for
people, and a ``relext:Relation`` with subject, predicate, object, negation,
modality, confidence and date for machines); its targets are the document (its URL
when known, else ``urn:relext:doc:<id>``) narrowed by a TextQuoteSelector and a
TextPositionSelector to the sentence, the trigger and both arguments
(https://www.w3.org/TR/annotation-model/).

The ``@context`` is the Web Annotation context URL followed by relext's own terms.
``context="embedded"`` writes, instead of the URL, the definitions of the Web
Annotation terms the file uses (package data ``web_annotation_context.json``, the
same IRIs), so that JSON-LD processors read the file without fetching anything.

Example
-------
>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "annotations.jsonld"
>>> write_annotations([], p)
0
"""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from importlib import resources
from typing import Any, Dict, Iterator, List, Optional, Union
from urllib.parse import quote

import networkx as nx

from ..about import __version__
from ._atomic import atomic_write

__all__ = ["ANNO_CONTEXT", "RELEXT_CONTEXT", "annotations", "write_annotations"]

PathLike = Union[str, "os.PathLike[str]"]

#: The W3C Web Annotation JSON-LD context.
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_NS = "urn:relext:vocab#"

#: relext's own terms, appended to the Web Annotation context.
RELEXT_CONTEXT: Dict[str, Any] = {
    "relext": _NS,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "Relation": "relext:Relation",
    "role": "relext:role",
    "subject": {"@id": "relext:subject", "@type": "@id"},
    "predicate": "relext:predicate",
    "object": {"@id": "relext:object", "@type": "@id"},
    "negated": {"@id": "relext:negated", "@type": "xsd:boolean"},
    "modality": "relext:modality",
    "rule": "relext:rule",
    "confidence": {"@id": "relext:confidence", "@type": "xsd:double"},
    "eventDate": "relext:eventDate",
    "dateStart": {"@id": "relext:dateStart", "@type": "xsd:date"},
    "dateEnd": {"@id": "relext:dateEnd", "@type": "xsd:date"},
    "datePrecision": "relext:datePrecision",
    "dateOrigin": "relext:dateOrigin",
    "documentId": "relext:documentId",
    "documentDate": "relext:documentDate",
    "documentSource": "relext:documentSource",
}


@lru_cache(maxsize=1)
def _embedded_anno_context() -> Dict[str, Any]:
    text = resources.files("relext").joinpath("data", "web_annotation_context.json").read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def _entity_iri(entity_id: str) -> str:
    return "urn:relext:entity:" + quote(entity_id, safe=":-_.")


def _doc_iri(item: Dict[str, Any]) -> str:
    url = item.get("url")
    if isinstance(url, str) and url.strip():
        return url.strip()
    return "urn:relext:doc:" + quote(str(item.get("doc_id")), safe=":-_.")


def _selector(sel: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [{"type": "TextQuoteSelector", "exact": sel["exact"], "prefix": sel.get("prefix", ""),
             "suffix": sel.get("suffix", "")},
            {"type": "TextPositionSelector", "start": sel["start"], "end": sel["end"]}]


def _annotation(u: str, v: str, data: Dict[str, Any], item: Dict[str, Any]) -> Dict[str, Any]:
    predicate = data.get("predicate", "")
    negated = bool(data.get("negated", False))
    ident = json.dumps([item.get("doc_id"), item.get("start_char"), item.get("trigger_start"), item.get("rule"),
                        u, predicate, v, negated], ensure_ascii=False)
    body: Dict[str, Any] = {"type": "Relation", "subject": _entity_iri(u), "predicate": predicate,
                            "object": _entity_iri(v), "negated": negated, "modality": item.get("modality"),
                            "rule": item.get("rule")}
    if item.get("confidence") is not None:
        body["confidence"] = float(item["confidence"])
    date = item.get("date")
    if date:
        body["eventDate"] = date["value"]
        body["dateStart"], body["dateEnd"] = date["start"], date["end"]
        body["datePrecision"], body["dateOrigin"] = date["precision"], date["origin"]
    source = _doc_iri(item)
    selectors = item.get("selectors") or {}
    if not selectors:  # evidence from before selectors: the sentence and trigger positions
        selectors = {"sentence": {"exact": item.get("sentence", ""), "start": item["start_char"], "end": item["end_char"]},
                     "trigger": {"exact": item.get("trigger", ""), "start": item["trigger_start"],
                                 "end": item["trigger_end"]}}
    targets = [{"type": "SpecificResource", "source": source, "role": role, "selector": _selector(sel)}
               for role, sel in selectors.items() if sel]
    text = f"{u} {'not ' if negated else ''}{predicate} {v}"
    ann: Dict[str, Any] = {
        "id": "urn:relext:annotation:" + hashlib.sha1(ident.encode("utf-8")).hexdigest(),
        "type": "Annotation",
        "motivation": "describing",
        "generator": {"id": "https://pypi.org/project/relext/", "type": "Software", "name": f"relext {__version__}"},
        "body": [{"type": "TextualBody", "value": text, "format": "text/plain", "language": "en",
                  "purpose": "describing"}, body],
        "target": targets,
        "documentId": str(item.get("doc_id")),
    }
    if item.get("doc_date"):
        ann["documentDate"] = item["doc_date"]
    if item.get("doc_source") is not None:
        ann["documentSource"] = str(item["doc_source"])
    return ann


def annotations(data: Any) -> Iterator[Dict[str, Any]]:
    """Yield one Web Annotation (a dict, without ``@context``) per evidence item.

    Args:
        data: a relext graph, or extractions (Extraction objects or their dicts),
            which are first built into a graph with `relext.build_graph()`.

    Yields:
        Annotations in edge order, then evidence order.
    """
    if not isinstance(data, nx.Graph):
        from ..graph import build_graph

        data = build_graph(data)
    edges = data.edges(keys=True, data=True) if data.is_multigraph() else ((u, v, None, d) for u, v, d in data.edges(data=True))
    for u, v, _, d in edges:
        for item in d.get("evidence") or []:
            yield _annotation(str(u), str(v), d, item)


def write_annotations(data: Any, path: PathLike, *, context: str = "remote", indent: Optional[int] = 1) -> int:
    """Write the evidence of a graph or of extractions as a JSON-LD Web Annotation file, atomically.

    Args:
        data: a relext graph, or extractions (Extraction objects or their dicts).
        path: the file to write (``.jsonld`` by convention).
        context: ``"remote"`` (the W3C context URL, the usual form) or ``"embedded"``
            (the definitions of the terms used, for processors that cannot fetch it).
        indent: JSON indentation, or ``None`` for one line.

    Returns:
        The number of annotations written.

    Raises:
        ValueError: if ``context`` is neither ``"remote"`` nor ``"embedded"``.

    Examples:
        >>> import tempfile, pathlib
        >>> write_annotations(nx.MultiDiGraph(), pathlib.Path(tempfile.mkdtemp()) / "a.jsonld")
        0
    """
    if context == "remote":
        ctx: Any = [ANNO_CONTEXT, RELEXT_CONTEXT]
    elif context == "embedded":
        ctx = [_embedded_anno_context(), RELEXT_CONTEXT]
    else:
        raise ValueError(f"context must be 'remote' or 'embedded', got {context!r}.")
    items = list(annotations(data))
    with atomic_write(path, "w") as fh:
        json.dump({"@context": ctx, "@graph": items}, fh, ensure_ascii=False, indent=indent)
        fh.write("\n")
    return len(items)
