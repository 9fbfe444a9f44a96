"""The per-document state a relext graph is computed from (private).

`relext.build_graph()` first gathers every document's contribution here, keyed by
document id, and then renders the graph from it (merging, filtering). Keeping the
contributions per document makes the result independent of how the documents were
batched, so `relext.update_graph()` equals a build from all documents at once,
and a document seen again replaces its earlier version instead of counting twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Set, Tuple

from pydantic import ValidationError

from ..errors import InputError
from ..models import Extraction, MentionKind
from .attributes import NODE_ATTRIBUTES

RawKey = Tuple[str, str, str, bool]  # (subject, predicate, object, negated)

_PREFIX_TYPES = {
    "person": "PERSON",
    "country": "COUNTRY",
    "organisation": "ORGANISATION",
    "organization": "ORGANISATION",
    "org": "ORGANISATION",
    "event": "EVENT",
    "location": "LOCATION",
}


class DocEntity(NamedTuple):
    """What one document says about one entity id."""

    type: str
    name: str
    mention_count: int
    aliases: Tuple[str, ...]
    codes: Tuple[Tuple[str, Any], ...]


@dataclass
class GraphState:
    """Contributions of every document, keyed by document id."""

    docs: Dict[str, int] = field(default_factory=dict)  # doc id -> sequence number (document order)
    nodes: Dict[str, Dict[str, DocEntity]] = field(default_factory=dict)
    edges: Dict[RawKey, Dict[str, List[dict]]] = field(default_factory=dict)
    node_edges: Dict[str, Set[RawKey]] = field(default_factory=dict)  # raw id -> raw edges touching it
    symmetric: Set[str] = field(default_factory=set)  # predicates flagged symmetric by the extractor
    fixed_merges: Dict[str, str] = field(default_factory=dict)  # from a graph read back
    touched_nodes: Set[str] = field(default_factory=set)  # changed since the last render
    touched_edges: Set[RawKey] = field(default_factory=set)
    _seq: int = 0

    # -- adding documents -------------------------------------------------
    def new_doc(self, doc_id: Optional[str]) -> str:
        """Register a document (replacing an earlier one with the same id); return its id."""
        if doc_id is None:
            n = len(self.docs)
            doc_id = f"anon:{n}"
            while doc_id in self.docs:
                n += 1
                doc_id = f"anon:{n}"
        elif doc_id in self.docs:
            self.remove_doc(doc_id)
        self.docs[doc_id] = self._seq
        self._seq += 1
        return doc_id

    def add(self, ex: Extraction) -> None:
        doc_id = self.new_doc(ex.doc_id)
        doc = document_fields(ex)
        for ent in ex.entities:
            aliases = dict.fromkeys([ent.name] + [m.text for m in ent.mentions if m.kind is not MentionKind.PRONOUN])
            self.set_entity(ent.id, doc_id, DocEntity(
                type=ent.type.value,
                name=ent.name,
                mention_count=len(ent.mentions),
                aliases=tuple(aliases),
                codes=tuple(ent.attributes.items()),
            ))
        for rel in ex.relations:
            for end in (rel.subject, rel.object):
                if doc_id not in self.nodes.get(end, {}):
                    self.set_entity(end, doc_id, placeholder_entity(end))
            if rel.symmetric:
                self.symmetric.add(rel.predicate)
            ev = rel.evidence
            self.add_evidence((rel.subject, rel.predicate, rel.object, rel.negated), {
                "doc_id": doc_id,
                "sentence": ev.sentence,
                "start_char": ev.start_char,
                "end_char": ev.end_char,
                "trigger": ev.trigger,
                "trigger_start": ev.trigger_start,
                "trigger_end": ev.trigger_end,
                "rule": ev.rule,
                "modality": rel.modality.value,
                "cue": ev.cue,
                "reported_by": rel.source,
                "date": ev.date.model_dump() if ev.date is not None else None,
                "confidence": ev.confidence,
                "selectors": ev.selectors.model_dump() if ev.selectors is not None else None,
                **doc,
            })

    def set_entity(self, entity_id: str, doc_id: str, rec: DocEntity) -> None:
        self.nodes.setdefault(entity_id, {})[doc_id] = rec
        self.touched_nodes.add(entity_id)

    def add_evidence(self, key: RawKey, item: dict) -> None:
        items = self.edges.setdefault(key, {}).setdefault(item["doc_id"], [])
        ident = evidence_identity(item)
        if all(evidence_identity(i) != ident for i in items):
            items.append(item)
        self.node_edges.setdefault(key[0], set()).add(key)
        self.node_edges.setdefault(key[2], set()).add(key)
        self.touched_edges.add(key)

    def remove_doc(self, doc_id: str) -> None:
        self.docs.pop(doc_id, None)
        for nid in [n for n, per_doc in self.nodes.items() if doc_id in per_doc]:
            del self.nodes[nid][doc_id]
            self.touched_nodes.add(nid)
            if not self.nodes[nid]:
                del self.nodes[nid]
        for key in [k for k, per_doc in self.edges.items() if doc_id in per_doc]:
            del self.edges[key][doc_id]
            self.touched_edges.add(key)
            if not self.edges[key]:
                del self.edges[key]
                for end in (key[0], key[2]):
                    self.node_edges.get(end, set()).discard(key)

    # -- reading a graph back -----------------------------------------------
    @classmethod
    def from_graph(cls, G) -> "GraphState":
        """Rebuild a state from a relext graph's own attributes (e.g. read from a file).

        Per-document mention counts are not stored in the graph, so a node's mentions
        are attributed to its first document; merges already made stay made.
        """
        state = cls()
        state.fixed_merges = dict(G.graph.get("merges") or {})
        for n, d in G.nodes(data=True):
            doc_ids = list(d.get("doc_ids") or [])
            for doc in doc_ids:
                state.register(doc)
            codes = tuple((k, v) for k, v in d.items() if k not in NODE_ATTRIBUTES)
            name = d.get("name", str(n))
            per_doc = state.nodes.setdefault(n, {})
            for i, doc in enumerate(doc_ids or ["anon:0"]):
                per_doc[doc] = DocEntity(
                    type=d.get("type", placeholder_entity(n).type),
                    name=name,
                    mention_count=int(d.get("mention_count", 0)) if i == 0 else 0,
                    aliases=tuple(d.get("aliases") or [name]) if i == 0 else (name,),
                    codes=codes,
                )
        for u, v, d in G.edges(data=True):
            pred, negated = d.get("predicate"), bool(d.get("negated", False))
            if pred is None:
                continue
            if d.get("symmetric"):
                state.symmetric.add(pred)
            for item in d.get("evidence") or []:
                item = dict(item)
                item.setdefault("doc_id", "anon:0")
                state.register(item["doc_id"])
                state.add_evidence((u, pred, v, negated), item)
        return state

    def register(self, doc_id: str) -> None:
        """Note a document id seen in a graph (keeps first-seen order)."""
        if doc_id not in self.docs:
            self.docs[doc_id] = self._seq
            self._seq += 1


def document_fields(ex: Extraction) -> Dict[str, Any]:
    """What every evidence item of a document repeats about it: its date, URL, source and metadata."""
    meta = dict(ex.meta)
    return {"doc_date": ex.date, "url": meta.get("url"), "doc_source": meta.get("source"), "meta": meta}


def evidence_identity(item: Mapping) -> tuple:
    """What makes two evidence items the same statement."""
    return (item.get("doc_id"), item.get("start_char"), item.get("end_char"), item.get("trigger_start"),
            item.get("trigger_end"), item.get("rule"), item.get("modality"))


def placeholder_entity(entity_id: str) -> DocEntity:
    """A node for an id a relation names but the entity list lacks: type from the id prefix."""
    prefix, _, slug = entity_id.partition(":")
    etype = _PREFIX_TYPES.get(prefix.lower(), "")
    name = slug.replace("-", " ").replace("_", " ").title() if slug else entity_id
    return DocEntity(type=etype, name=name, mention_count=0, aliases=(), codes=())


def as_extractions(extractions: Any) -> List[Extraction]:
    """Validate the input of the graph builders: Extractions or their ``model_dump()`` dicts."""
    if isinstance(extractions, (Extraction, Mapping)):
        extractions = [extractions]
    if isinstance(extractions, (str, bytes)) or not isinstance(extractions, Iterable):
        raise InputError(
            f"build_graph expects an iterable of Extraction objects or their model_dump() dicts, "
            f"got {type(extractions).__name__}."
        )
    out: List[Extraction] = []
    for i, ex in enumerate(extractions):
        if isinstance(ex, Extraction):
            out.append(ex)
        elif isinstance(ex, Mapping):
            try:
                out.append(Extraction.model_validate(dict(ex)))
            except ValidationError as err:
                e = err.errors()[0]
                loc = ".".join(str(p) for p in e["loc"])
                raise InputError(f"Extraction {i} (doc_id={ex.get('doc_id')!r}) is malformed at '{loc}': {e['msg']}") from err
        else:
            raise InputError(
                f"Extraction {i} is a {type(ex).__name__}; expected relext.Extraction or a dict from "
                f"Extraction.model_dump()."
            )
    return out


def doc_entities(state: GraphState, ids: Iterable[str]) -> List[Tuple[str, DocEntity]]:
    """All (doc_id, DocEntity) records of these raw ids, in document order then id order."""
    recs = []
    for rank, nid in enumerate(ids):
        for doc, rec in state.nodes.get(nid, {}).items():
            recs.append((state.docs.get(doc, -1), rank, doc, rec))
    recs.sort(key=lambda r: (r[0], r[1]))
    return [(doc, rec) for _, _, doc, rec in recs]
