"""Build typed relation graphs from extractions.

A relext graph is a `networkx.MultiDiGraph`:

- one node per canonical entity id (``country:USA``, ``person:vladimir-putin``),
  merged across documents;
- one edge per ``(subject, predicate, object, negated)``, keyed ``"ATTENDS"`` or
  ``"ATTENDS|negated"``, aggregating all the evidence that states it.

The attribute schema is in `relext.graph.attributes` and ``docs/graph.md``.
This module imports no spaCy.

Example:
    >>> from relext.models import Extraction
    >>> ex = Extraction.model_validate({"doc_id": "d1", "entities": [
    ...     {"id": "person:ada-obi", "name": "Ada Obi", "type": "PERSON"},
    ...     {"id": "event:summit", "name": "the summit", "type": "EVENT"}],
    ...   "relations": [{"subject": "person:ada-obi", "predicate": "ATTENDS",
    ...     "object": "event:summit", "evidence": {"sentence": "Ada Obi attended the summit.",
    ...     "start_char": 0, "end_char": 28, "trigger": "attended", "trigger_start": 8,
    ...     "trigger_end": 16, "rule": "verb:attend"}}]})
    >>> G = build_graph([ex])
    >>> list(G.edges(keys=True))
    [('person:ada-obi', 'event:summit', 'ATTENDS')]
"""
from __future__ import annotations

import datetime as dt
import weakref
from collections import defaultdict
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Union

import networkx as nx

from ..schema import load_catalogue
from ._state import GraphState, RawKey, as_extractions
from .aggregate import _edge_attributes, _evidence_summary, _node_attributes, evidence_count  # noqa: F401 (re-exported)
from .attributes import PROVENANCE_EDGE_ATTRIBUTES, edge_key
from .person_merges import MERGE_KEPT, MERGE_SHORT_NAME, _merge_map

__all__ = ["build_graph", "update_graph", "filter_graph"]

SCHEMA_VERSION = 1


class _Known(NamedTuple):
    """What update_graph needs to update a graph exactly and incrementally."""

    state: GraphState
    fingerprint: tuple  # (nodes, edges) when rendered: detects graphs changed by hand
    options: dict
    merges: Dict[str, str]


# graph -> its state; lets update_graph be exact and incremental for graphs built in
# this process. Graphs read from files or copied rebuild the state from their own
# attributes (GraphState.from_graph).
_STATES: "weakref.WeakKeyDictionary[nx.MultiDiGraph, _Known]" = weakref.WeakKeyDictionary()


def build_graph(extractions: Iterable[Any], *, keep_negated: bool = True, min_evidence: int = 1,
                merge_persons: bool = True, collapse_copies: bool = False) -> nx.MultiDiGraph:
    """Build a typed relation graph from the extractions of many documents.

    Args:
        extractions: `relext.Extraction` objects, or their ``model_dump()`` dicts (for
            example read back from a JSONL file). A single Extraction is accepted too.
            A document id seen twice keeps only its last extraction.
        keep_negated: Keep edges for negated relations ("X did not attend Y"), keyed
            ``"PREDICATE|negated"``. ``False`` drops them.
        min_evidence: Keep only edges stated in at least this many distinct sentences
            (see `evidence_count()`).
        merge_persons: Merge a single-token person id (``person:putin``) into the only
            multi-token person whose first or last token it is
            (``person:vladimir-putin``). Merges are listed in ``G.graph["merges"]``.
        collapse_copies: Count a sentence once however many documents carry it
            (the same wire story in many outlets), instead of once per document.
            The documents stay in the edge's ``doc_ids`` and ``doc_count``.

    Returns:
        Nodes keyed by entity id, edges keyed by ``"PREDICATE"`` or
        ``"PREDICATE|negated"``; attributes as in ``docs/graph.md``.
        Symmetric relations (``MEETS_WITH``) are stored once, from the smaller id
        to the larger one.

    Raises:
        relext.errors.InputError: If an item is neither an Extraction nor a valid Extraction dict.
        ValueError: If ``min_evidence`` is less than 1.

    See Also:
        update_graph, filter_graph, relext.collapse_graph, relext.validate_graph

    Examples:
        >>> G = build_graph([])
        >>> G.number_of_nodes(), G.graph["min_evidence"]
        (0, 1)
    """
    _check_options(min_evidence)
    state = GraphState()
    for ex in as_extractions(extractions):
        state.add(ex)
    options = {"keep_negated": bool(keep_negated), "min_evidence": min_evidence, "merge_persons": bool(merge_persons),
               "collapse_copies": bool(collapse_copies)}
    G = render(state, **options)
    _remember(G, state, options)
    return G


def update_graph(G: nx.MultiDiGraph, extractions: Iterable[Any], *, keep_negated: Optional[bool] = None,
                 min_evidence: Optional[int] = None, merge_persons: Optional[bool] = None,
                 collapse_copies: Optional[bool] = None) -> nx.MultiDiGraph:
    """Add documents to a graph in place; the result equals building from all at once.

    Args:
        G: A graph from `build_graph()` (or read back with `relext.read_graph()`).
        extractions: The new documents. A document id already in ``G`` replaces that document.
        keep_negated: As in `build_graph()`; by default the option ``G`` was built
            with (``G.graph["keep_negated"]``).
        min_evidence: As in `build_graph()`; by default ``G.graph["min_evidence"]``.
        merge_persons: As in `build_graph()`; by default ``G.graph["merge_persons"]``.
        collapse_copies: As in `build_graph()`; by default ``G.graph["collapse_copies"]``.

    Returns:
        ``G`` itself, updated.

    Notes:
        For a graph built in this process, ``update_graph(build_graph(a), b)`` equals
        ``build_graph(a + b)`` exactly, including edges that reach ``min_evidence`` only
        with the new documents and person merges that the new documents make
        ambiguous. A graph read from a file (or copied) is updated from its own
        attributes: merges already made stay, edges dropped by ``min_evidence`` or
        ``keep_negated=False`` are gone, and each node's mentions count for its first
        document. Only the nodes and edges the new documents touch are recomputed (their
        attributes are replaced); the rest of ``G`` is left as it is.

    Examples:
        >>> G = build_graph([])
        >>> update_graph(G, [{"doc_id": "d2", "entities": [
        ...     {"id": "country:FRA", "name": "France", "type": "COUNTRY"}]}]) is G
        True
        >>> G.nodes["country:FRA"]["doc_ids"]
        ['d2']
    """
    options = {
        "keep_negated": bool(G.graph.get("keep_negated", True) if keep_negated is None else keep_negated),
        "min_evidence": G.graph.get("min_evidence", 1) if min_evidence is None else min_evidence,
        "merge_persons": bool(G.graph.get("merge_persons", True) if merge_persons is None else merge_persons),
        "collapse_copies": bool(G.graph.get("collapse_copies", False) if collapse_copies is None
                                else collapse_copies),
    }
    _check_options(options["min_evidence"])
    new = as_extractions(extractions)
    known = _STATES.get(G)
    if known is not None and known.fingerprint == _fingerprint(G) and known.options == options:
        state = known.state
        symmetric_before = set(state.symmetric)
        for ex in new:
            state.add(ex)
        if state.symmetric == symmetric_before:
            _refresh(G, state, options, old_merges=known.merges)
            return G
    else:
        state = known.state if known is not None and known.fingerprint == _fingerprint(G) else GraphState.from_graph(G)
        for ex in new:
            state.add(ex)
    H = render(state, **options)
    G.clear()
    G.graph.update(H.graph)
    G.add_nodes_from(H.nodes(data=True))
    G.add_edges_from(H.edges(keys=True, data=True))
    _remember(G, state, options)
    return G


def filter_graph(G: nx.MultiDiGraph, *, keep_negated: bool = True, min_evidence: int = 1,
                 min_confidence: Optional[float] = None, since: Union[str, dt.date, None] = None,
                 until: Union[str, dt.date, None] = None) -> nx.MultiDiGraph:
    """Return a copy of ``G`` without negated edges, edges with little evidence or confidence, or outside a period.

    Args:
        G: A relext graph.
        keep_negated: ``False`` drops the edges whose ``negated`` attribute is true.
        min_evidence: Drop edges whose ``evidence_count`` is below this.
        min_confidence: Drop edges whose aggregated ``confidence`` is below this (and
            edges without one).
        since: With ``until``, cut the graph to a period (ISO days or
            ``datetime.date``, both ends included): an edge keeps only the evidence
            whose date interval overlaps the period, and its counts, dates and
            confidence are recomputed from that evidence; edges left with none are
            dropped. Evidence without a date is dropped when a period is given.
        until: The last day of the period.

    Returns:
        A new graph with all nodes of ``G`` and the edges that pass; attribute values
        are shared with ``G`` (except on edges a period cut). ``build_graph(exs,
        keep_negated=k, min_evidence=m)`` equals ``filter_graph(build_graph(exs),
        keep_negated=k, min_evidence=m)``.

    Raises:
        ValueError: If ``min_evidence`` is less than 1, ``min_confidence`` is outside
            [0, 1], or ``since``/``until`` is not a date.

    Examples:
        >>> import networkx as nx
        >>> G = nx.MultiDiGraph()
        >>> G.add_edge("a", "b", key="ATTENDS|negated", negated=True, evidence_count=1)
        'ATTENDS|negated'
        >>> filter_graph(G, keep_negated=False).number_of_edges()
        0
    """
    _check_options(min_evidence)
    if min_confidence is not None and not 0.0 <= float(min_confidence) <= 1.0:
        raise ValueError(f"min_confidence must be in [0, 1], got {min_confidence!r}.")
    start, end = _day(since, "since"), _day(until, "until")
    H = G.__class__()
    H.graph.update(G.graph)
    H.graph["keep_negated"] = bool(G.graph.get("keep_negated", True) and keep_negated)
    H.graph["min_evidence"] = max(int(G.graph.get("min_evidence", 1)), min_evidence)
    H.add_nodes_from(G.nodes(data=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        if start is not None or end is not None:
            kept = [i for i in d.get("evidence") or [] if _in_period(i.get("date"), start, end)]
            if not kept:
                continue
            d = {**{a: x for a, x in d.items() if a not in PROVENANCE_EDGE_ATTRIBUTES}, "evidence": kept,
                 **_evidence_summary(kept, collapse_copies=bool(G.graph.get("collapse_copies", False)))}
        if min_confidence is not None and d.get("confidence", -1.0) < float(min_confidence):
            continue
        if _passes(d, keep_negated=keep_negated, min_evidence=min_evidence):
            H.add_edge(u, v, key=k, **d)
    return H


def _day(value: Union[str, dt.date, None], name: str) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as err:
        raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD) or a datetime.date, got {value!r}.") from err


def _in_period(date: Optional[Dict[str, Any]], start: Optional[str], end: Optional[str]) -> bool:
    """Whether an evidence date interval overlaps the period (ISO strings compare as dates)."""
    if not date:
        return False
    return (start is None or date["end"] >= start) and (end is None or date["start"] <= end)


# -- rendering ---------------------------------------------------------------

def render(state: GraphState, *, keep_negated: bool, min_evidence: int, merge_persons: bool,
           collapse_copies: bool = False) -> nx.MultiDiGraph:
    """Compute the whole graph from a state (merges, aggregation, filters)."""
    symmetric = _symmetric(state)
    merges = _merge_map(state, merge_persons)
    G = nx.MultiDiGraph()
    G.graph.update(_graph_attributes(state, keep_negated, min_evidence, merge_persons, merges, collapse_copies))
    groups: Dict[str, List[str]] = defaultdict(list)
    for nid in state.nodes:
        groups[merges.get(nid, nid)].append(nid)
    for target, ids in groups.items():
        ids.sort(key=lambda i: (i != target, i))
        G.add_node(target, **_node_attributes(state, ids))
    edges: Dict[tuple, List[RawKey]] = defaultdict(list)
    for raw in state.edges:
        edges[_final_key(raw, merges, symmetric)].append(raw)
    for (s, p, o, neg), raws in edges.items():
        data = _edge_attributes(state, raws, p in symmetric, merges, collapse_copies)
        if _passes(data, keep_negated=keep_negated, min_evidence=min_evidence):
            G.add_edge(s, o, key=edge_key(p, neg), **data)
    state.touched_nodes.clear()
    state.touched_edges.clear()
    return G


def _refresh(G: nx.MultiDiGraph, state: GraphState, options: dict, old_merges: Dict[str, str]) -> None:
    """Re-render only the nodes and edges that the documents added since the last render touch."""
    symmetric = _symmetric(state)
    merges = _merge_map(state, options["merge_persons"])
    changed = {i for i in set(old_merges) | set(merges) if old_merges.get(i) != merges.get(i)}
    touched_nodes = state.touched_nodes | changed
    touched_edges = set(state.touched_edges)
    for i in changed:
        touched_edges |= state.node_edges.get(i, set())
    aliases: Dict[str, List[str]] = defaultdict(list)
    for a, t in merges.items():
        aliases[t].append(a)

    def group(target: str) -> List[str]:
        return ([target] if target in state.nodes else []) + sorted(a for a in aliases.get(target, ()) if a in state.nodes)

    # sorted: the order nodes and edges are (re)added must not depend on the hash seed
    for target in sorted({m.get(i, i) for i in touched_nodes for m in (old_merges, merges)}):
        ids = [] if target in merges else group(target)
        if not ids:
            if target in G:
                G.remove_node(target)
            continue
        if target not in G:
            G.add_node(target)
        data = G.nodes[target]
        data.clear()
        data.update(_node_attributes(state, ids))

    finals = {_final_key(raw, m, symmetric) for raw in touched_edges for m in (old_merges, merges)}
    for final in sorted(finals):
        s, p, o, neg = final
        raws = sorted({raw for member in group(s) for raw in state.node_edges.get(member, ())
                       if raw in state.edges and _final_key(raw, merges, symmetric) == final}, key=repr)
        k = edge_key(p, neg)
        data = (_edge_attributes(state, raws, p in symmetric, merges, options["collapse_copies"])
                if raws and s in G and o in G else None)
        if data is not None and _passes(data, keep_negated=options["keep_negated"],
                                        min_evidence=options["min_evidence"]):
            if G.has_edge(s, o, k):
                G.edges[s, o, k].clear()
            G.add_edge(s, o, key=k, **data)
        elif G.has_edge(s, o, k):
            G.remove_edge(s, o, k)
    G.graph.update(_graph_attributes(state, options["keep_negated"], options["min_evidence"],
                                     options["merge_persons"], merges, options["collapse_copies"]))
    state.touched_nodes.clear()
    state.touched_edges.clear()
    _remember(G, state, options)


def _graph_attributes(state: GraphState, keep_negated: bool, min_evidence: int, merge_persons: bool,
                      merges: Dict[str, str], collapse_copies: bool = False) -> Dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "keep_negated": bool(keep_negated),
        "min_evidence": int(min_evidence),
        "merge_persons": bool(merge_persons),
        "collapse_copies": bool(collapse_copies),
        "doc_count": len(state.docs),
        "merges": dict(sorted(merges.items())),
        "merge_reasons": {a: (MERGE_KEPT if state.fixed_merges.get(a) == b else MERGE_SHORT_NAME)
                          for a, b in sorted(merges.items())},
    }


def _symmetric(state: GraphState) -> set:
    return {name for name, rt in load_catalogue().items() if rt.symmetric} | state.symmetric


def _final_key(raw: RawKey, merges: Dict[str, str], symmetric: set) -> RawKey:
    s, p, o, neg = raw
    s, o = merges.get(s, s), merges.get(o, o)
    if p in symmetric and o < s:
        s, o = o, s
    return (s, p, o, neg)


def _remember(G: nx.MultiDiGraph, state: GraphState, options: dict) -> None:
    _STATES[G] = _Known(state, _fingerprint(G), dict(options), dict(G.graph["merges"]))


def _passes(data: Dict[str, Any], *, keep_negated: bool, min_evidence: int) -> bool:
    if not keep_negated and data.get("negated", False):
        return False
    return int(data.get("evidence_count", 1)) >= min_evidence


def _check_options(min_evidence: Any) -> None:
    if isinstance(min_evidence, bool) or not isinstance(min_evidence, int) or min_evidence < 1:
        raise ValueError(f"min_evidence must be an int >= 1, got {min_evidence!r}.")


def _fingerprint(G: nx.MultiDiGraph) -> tuple:
    return (G.number_of_nodes(), G.number_of_edges())


