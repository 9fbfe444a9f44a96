"""What a rule knew when it found a relation, as numbers for the confidence model.

Features are read off the relation record and the processed ``Doc`` (no rule is
changed to produce them):

- the relation type and the rule family (``verb``, ``noun``, ``adj`` trigger rules,
  or a structural rule such as an apposition), and whether the trigger comes from a
  derived lexicon (CAMEO, WordNet);
- the modality, the negation, and how far the negation/modality cue is from the
  trigger;
- for each argument: the dependency-path length from the trigger to the mention it
  was read from, whether that mention lies outside the sentence (coreference or an
  implied object), its kind (name, pronoun, description, demonym, metonym), and
  how sure the entity is: its type, whether the gazetteer knows it (it has codes),
  how often the document mentions it;
- the sentence length, whether it is a headline-like line (no final punctuation),
  where it is in the document, how many other sentences of the document state the
  same relation, and how many relations the same trigger yields (coordination
  fan-out).

Example
-------
>>> "negated" in FEATURES and "family=verb" in FEATURES
True
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy
from spacy.attrs import HEAD, IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from ..schema import load_catalogue
from .selectors import argument_mention

__all__ = ["FEATURES", "DocContext", "relation_features", "rule_family"]

_MODALITIES = ("PLANNED", "REPORTED", "HYPOTHETICAL")
_FAMILIES = ("verb", "noun", "adj", "structural")
_MAX_PATH = 8
_LEXICONS = ("cameo", "wordnet")  # rule id prefixes of the derived trigger lexicons
_POS_FAMILIES = {"VERB": "verb", "AUX": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}
_KINDS = ("PRONOUN", "DESCRIPTION", "DEMONYM", "METONYM")  # NAME is the base
_TYPES = ("PERSON", "ORGANISATION", "EVENT", "LOCATION")  # COUNTRY is the base
_SENTENCE_ENDS = tuple(".!?\"'”’)")


def _feature_names() -> List[str]:
    names = [f"predicate={p}" for p in sorted(load_catalogue())]
    names += [f"family={f}" for f in _FAMILIES] + ["lexicon"]
    names += [f"modality={m}" for m in _MODALITIES]
    names += ["negated", "cue", "cue_distance"]
    for arg in ("subject", "object"):
        names += [f"{arg}_path", f"{arg}_outside", f"{arg}_mentions", f"{arg}_known"]
        names += [f"{arg}_kind={k}" for k in _KINDS]
        names += [f"{arg}_type={t}" for t in _TYPES]
    names += ["sentence_tokens", "headline", "doc_position", "repeated", "fan_out"]
    return names


#: The feature names, in the order the model's weights use.
FEATURES: Tuple[str, ...] = tuple(_feature_names())


def rule_family(rule_id: str, trigger_pos: Optional[str] = None) -> str:
    """``verb``/``noun``/``adj`` for trigger rules, else ``structural``.

    Catalogue rules name their part of speech (``ATTENDS:verb:attend``); rules of the
    derived lexicons (``cameo:042:visit``, ``wordnet:accuse:accusation``) take it from
    the trigger token (``trigger_pos``, a spaCy POS tag).

    Examples:
        >>> rule_family("ATTENDS:verb:attend"), rule_family("ATTENDS:meeting-at-event")
        ('verb', 'structural')
        >>> rule_family("cameo:042:visit", "VERB")
        'verb'
    """
    parts = rule_id.split(":")
    if len(parts) >= 3 and parts[1].lower() in _FAMILIES:
        return parts[1].lower()
    if parts[0] in _LEXICONS:
        return _POS_FAMILIES.get(trigger_pos or "", "structural")
    return "structural"


def _heads(doc: Doc) -> List[int]:
    """The index of each token's head (a root is its own head), read from the Doc's array."""
    return (numpy.arange(len(doc), dtype="int64") + doc.to_array(HEAD).astype("int64")).tolist()


def _tree_distance(a: Token, b: Token, heads: Optional[List[int]] = None) -> Optional[int]:
    """Edges between two tokens of one dependency tree (``None`` across sentences).

    ``heads``: `_heads` of their Doc, when the caller has it (no Token is built then)."""
    if heads is None:
        heads = _heads(a.doc)
    up = {a.i: 0}
    node, n = a.i, 0
    while heads[node] != node:
        node, n = heads[node], n + 1
        up[node] = n
    node, n = b.i, 0
    while node not in up:
        if heads[node] == node:
            return None
        node, n = heads[node], n + 1
    return n + up[node]


class DocContext:
    """What the features of all relations of one Doc share, computed once.

    Args:
        doc: the processed Doc (``doc._.relext_entities`` set).
        records: its relation records (``doc._.relext_relations``, chunk offsets).
        text: ``doc.text``, when the caller has it.
    """

    def __init__(self, doc: Doc, records: Sequence[Mapping], text: Optional[str] = None) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        entities = doc._.relext_entities or []
        self.mentions: Dict[str, List[Mapping]] = {e["id"]: list(e["mentions"]) for e in entities}
        self.types: Dict[str, str] = {e["id"]: e["type"] for e in entities}
        self.known = {e["id"] for e in entities if e.get("attributes")}
        sentences: Dict[tuple, set] = defaultdict(set)
        fan: Counter = Counter()
        for rec in records:
            key = (rec["subject"], rec["predicate"], rec["object"], rec["negated"])
            sentences[key].add(rec["evidence"]["start_char"])
            fan[rec["evidence"]["trigger_start"]] += 1
        self.sentences = sentences
        self.fan = fan
        self._tokens: Dict[Tuple[int, int], Optional[Token]] = {}
        self._sentences: Dict[Tuple[int, int], Optional[Span]] = {}
        self._arguments: Dict[Tuple, Tuple[Optional[Mapping], bool]] = {}
        self._heads: Optional[List[int]] = None
        # first character of each token -> (its index, the offset after it), built on first use
        self._token_bounds: Optional[Dict[int, Tuple[int, int]]] = None

    @property
    def heads(self) -> List[int]:
        """Each token's head index (`_heads`), read once per Doc."""
        if self._heads is None:
            self._heads = _heads(self.doc)
        return self._heads

    def sentence(self, start: int, end: int) -> Optional[Span]:
        """The sentence span of the characters ``start:end`` (cached)."""
        key = (start, end)
        if key not in self._sentences:
            self._sentences[key] = self.doc.char_span(start, end, alignment_mode="expand")
        return self._sentences[key]

    def token(self, start: int, end: int) -> Optional[Token]:
        """The head token of the characters ``start:end`` (cached)."""
        key = (start, end)
        if key not in self._tokens:
            if self._token_bounds is None:
                bounds = self.doc.to_array([IDX, LENGTH]).tolist()
                self._token_bounds = {s: (i, s + n) for i, (s, n) in enumerate(bounds) if n}
            at = self._token_bounds.get(start)
            if at is not None and at[1] == end:
                # the characters of exactly one token (most triggers and one-word names): it
                # is its own head, with no Span built
                self._tokens[key] = self.doc[at[0]]
            else:
                span = self.doc.char_span(start, end, alignment_mode="expand")
                self._tokens[key] = span.root if span is not None and len(span) else None
        return self._tokens[key]

    def argument(self, entity_id: str, rec: Mapping) -> Tuple[Optional[Mapping], bool]:
        """The mention of ``entity_id`` a relation is read from, and whether it is in the sentence."""
        ev = rec["evidence"]
        key = (entity_id, ev["start_char"], ev["end_char"], ev["trigger_start"])
        if key not in self._arguments:  # asked for the features and again for the selectors
            self._arguments[key] = argument_mention(self.mentions.get(entity_id, ()), ev["start_char"], ev["end_char"],
                                                    ev["trigger_start"])
        return self._arguments[key]


def relation_features(ctx: DocContext, rec: Mapping) -> Dict[str, float]:
    """The confidence features of one relation record.

    Args:
        ctx: the `DocContext` of the record's Doc.
        rec: a relation record (fields of `relext.models.Relation`).

    Returns:
        ``{feature name: value}`` for the non-zero features of `FEATURES`.
    """
    ev = rec["evidence"]
    trigger = ctx.token(ev["trigger_start"], ev["trigger_end"])
    x: Dict[str, float] = {f"predicate={rec['predicate']}": 1.0,
                           f"family={rule_family(ev['rule'], trigger.pos_ if trigger is not None else None)}": 1.0}
    if ev["rule"].split(":")[0] in _LEXICONS:
        x["lexicon"] = 1.0
    if rec["modality"] in _MODALITIES:
        x[f"modality={rec['modality']}"] = 1.0
    if rec["negated"]:
        x["negated"] = 1.0
    cue = ev.get("cue")
    sent = ctx.sentence(ev["start_char"], ev["end_char"])
    if cue and trigger is not None and sent is not None:
        x["cue"] = 1.0
        dists = [abs(t.i - trigger.i) for t in sent if t.text == cue or t.lower_ == cue.lower()]
        x["cue_distance"] = min(min(dists) if dists else 10, 10) / 10
    for arg in ("subject", "object"):
        mention, inside = ctx.argument(rec[arg], rec)
        if mention is None or not inside:
            x[f"{arg}_outside"] = 1.0
            x[f"{arg}_path"] = 1.0
        elif trigger is not None:
            tok = ctx.token(mention["start_char"], mention["end_char"])
            d = _tree_distance(trigger, tok, ctx.heads) if tok is not None else None
            x[f"{arg}_path"] = min(d if d is not None else _MAX_PATH, _MAX_PATH) / _MAX_PATH
        if mention is not None and mention.get("kind", "NAME") in _KINDS:
            x[f"{arg}_kind={mention['kind']}"] = 1.0
        if ctx.types.get(rec[arg]) in _TYPES:
            x[f"{arg}_type={ctx.types[rec[arg]]}"] = 1.0
        if rec[arg] in ctx.known:
            x[f"{arg}_known"] = 1.0
        x[f"{arg}_mentions"] = math.log1p(len(ctx.mentions.get(rec[arg], ()))) / 3
    if sent is not None and len(sent):
        x["sentence_tokens"] = math.log(len(sent)) / 4
    if not ev["sentence"].rstrip().endswith(_SENTENCE_ENDS):
        x["headline"] = 1.0  # a title, a caption or a line of a list
    x["doc_position"] = ev["start_char"] / max(1, len(ctx.text))
    key = (rec["subject"], rec["predicate"], rec["object"], rec["negated"])
    x["repeated"] = math.log1p(len(ctx.sentences.get(key, ())) - 1)
    x["fan_out"] = math.log(max(1, ctx.fan.get(ev["trigger_start"], 1)))
    return {k: v for k, v in x.items() if v}
