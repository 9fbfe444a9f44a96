"""User-extensible rule data: trigger rules, gazetteer entries and relation types.

Rules are data. The built-in ones ship as ``relext/data/triggers.yaml``; users add
their own from YAML/JSONL files or Python dicts with `add_patterns()`, and they are
saved with the pipeline (``nlp.to_disk``) by the components that own them.

A patterns file holds any of three kinds of line, told apart by their fields:

- a **trigger rule** (``relation`` + ``lemma``): see `TriggerRule`;
- a **gazetteer entry** (``type`` + ``name``/``aliases``): see
  `relext.gazetteer.validate_entries()`;
- a **relation type** (``relation_type`` + ``subject_types`` + ``object_types``): see
  `relext.schema.RelationType`.

Example:
    >>> rule = TriggerRule(relation="SIGNS_AGREEMENT_WITH", lemma="sign", pos="VERB", object=["prep:with"])
    >>> rule.id
    'SIGNS_AGREEMENT_WITH:verb:sign'
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import Errors, PatternFileError
from .gazetteer import read_data

OBJECT_SLOTS = ("dobj", "pair", "ccomp:nsubj", "ccomp:outcome", "ccomp:doer", "ccomp:target", "bearer", "acl:dobj", "acl:target", "closed_place", "purpose", "compound", "dative", "poss", "governor", "governor_object", "patient", "position", "subject", "xcomp", "xcomp:blow", "listed", "aimed", "origin", "laid_by", "laid_on", "called_what", "dismissed_as", "denier", "deed", "ccomp:threat", "ruin", "casus_belli", "in_protest", "provoker", "answered_act", "meetings_of", "itinerary", "summoned", "wanted", "small_clause", "taken_before", "that_clause:doer")
POS_GROUPS = {"VERB": "VERB", "AUX": "VERB", "NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ", "ADV": "ADV"}


class WhenNegated(BaseModel):
    """The relation a negated trigger states instead.

    Fields:
        relation: that relation, e.g. ``"BOYCOTTS"``.
        negated: its polarity.
        withheld: when given, the switch needs one of these nouns (lemmas) as the verb's
            direct object, or a protest stated in the clause: "will not send *officials*"
            is the declared diplomatic boycott, "would send no team (nobody)" is plain
            not going (GUIDELINES: a negated ATTENDS).
    """
    model_config = ConfigDict(extra="forbid", frozen=True)
    relation: str
    negated: bool = False
    withheld: Tuple[str, ...] = ()


class TriggerRule(BaseModel):
    """One trigger word of a relation and where its object sits in the parse.

    Fields:
        relation: the relation type it states, e.g. ``"ATTENDS"``.
        lemma: the trigger's lemma (lower case), e.g. ``"attend"``.
        pos: ``VERB``, ``NOUN``, ``ADJ`` or ``ADV``.
        object: object slots, tried in order: ``dobj``, ``prep:WORD``, ``pair``,
            ``ccomp:nsubj``, ``acl:dobj``, ``acl:target``, ``compound``, ``dative``, ``poss``, ``governor``,
            ``subject`` (the grammatical subject), ``venue:WORD`` (the event or body at
            which the speech that is the object of WORD was given: "walked out of X's
            speech at the UN").
        subject_from: where the relation's subject is when it is not the grammatical
            subject ("NATO admitted *Sweden*": ``[dobj]``, with ``object: [subject]``).
        particle: a particle the verb must carry ("stay *away*").
        negates: the trigger itself states the relation does not hold ("skip").
        when_negated: the relation a negated trigger states instead.
        staff_object: the verb's direct object must be staff ("send *officials* to").
        wrongdoer: the verb needs a second object naming a wrongdoer ("called X a dictator").
        implicit_object: with no object in the sentence, the object is the event the text
            is about (the nearest preceding named event): "Kishida said he would not go".
        object_types: entity types the object must have, narrower than the relation's
            own (a verb that means meeting only with a person: "was due to see X").
        governors: for a noun trigger, the verbs it must be the object of; their subject is
            the relation's subject ("cut off *aid* to X", "halted *trade* with X").
        modifiers: for a noun trigger, lemmas one of which must modify it (a compound,
            adjective or noun modifier): "arms *sales* to X", "military *shipments* to X";
            a sale of anything else is no support.
        subject_types: entity types the subject must have, narrower than the relation's
            own (a leader who "sends a delegation" does not attend; the state does).
        passive_only: the rule holds only for a passive verb without a "by" agent ("X was
            banned from Russia": Russia bans; in "the UK banned X from Russia" the UK does).
        promised_only: the rule holds only for an act promised, not one told as done: a
            future or modal auxiliary on the trigger, or the trigger as the infinitive of
            another verb ("will hit back at X", "vowed to hit back at X"; "hit back at X"
            is a retort, no threat).
        bare_only: the rule holds only for the verb with no complement of its own: no
            particle, object, clause, adjective or preposition (one of time aside) and no
            adverb of direction ("Lula will come", not "came under fire", "came back",
            "came to power" or "came close").
        id: a stable rule id recorded as evidence (default ``RELATION:pos:lemma``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    relation: str
    lemma: str
    pos: str = "VERB"
    object: Tuple[str, ...] = ("dobj",)
    subject_from: Tuple[str, ...] = ()
    particle: Optional[str] = None
    negates: bool = False
    when_negated: Optional[WhenNegated] = None
    staff_object: bool = False
    wrongdoer: bool = False
    implicit_object: bool = False
    object_types: Tuple[str, ...] = ()
    subject_types: Tuple[str, ...] = ()
    governors: Tuple[str, ...] = ()
    modifiers: Tuple[str, ...] = ()
    passive_only: bool = False
    promised_only: bool = False
    bare_only: bool = False
    id: str = ""

    @field_validator("relation")
    @classmethod
    def _rel(cls, v: str) -> str:
        return v.upper()

    @field_validator("lemma")
    @classmethod
    def _lemma(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a lemma is required")
        return v.strip().lower()

    @field_validator("pos")
    @classmethod
    def _pos(cls, v: str) -> str:
        v = v.upper()
        if v not in POS_GROUPS:
            raise ValueError(f"pos must be one of VERB, NOUN, ADJ, ADV (got {v!r})")
        return POS_GROUPS[v]

    @field_validator("object", "subject_from", mode="before")
    @classmethod
    def _slots(cls, v: Any) -> Tuple[str, ...]:
        if isinstance(v, str):
            v = [v]
        if v is not None and not isinstance(v, (list, tuple)):
            raise ValueError(f"expected a slot name or a list of slot names, got {type(v).__name__} {v!r}")
        out = []
        for slot in v or ():
            base = str(slot).split(">")[0]
            if not (base in OBJECT_SLOTS or base.startswith(("prep:", "venue:"))):
                raise ValueError(f"unknown object slot {slot!r}; use prep:WORD or one of {', '.join(OBJECT_SLOTS)}")
            out.append(str(slot))
        return tuple(out)

    def model_post_init(self, __context: Any) -> None:
        if not self.id:
            object.__setattr__(self, "id", f"{self.relation}:{self.pos.lower()}:{self.lemma}")


def parse_rules(lines: Iterable[Mapping], *, source: str = "<rules>", known_relations: Optional[Iterable[str]] = None) -> List[TriggerRule]:
    """Validate trigger-rule dicts; errors name the source, line and field."""
    known = set(known_relations) if known_relations is not None else None
    rules = []
    for i, line in enumerate(lines, 1):
        try:
            rule = TriggerRule(**dict(line))
        except ValidationError as err:
            e = err.errors()[0]
            field = ".".join(str(p) for p in e["loc"]) or "<rule>"
            raise PatternFileError(Errors.E010.format(path=source, line=i, field=field, msg=e["msg"])) from err
        except TypeError as err:
            raise PatternFileError(Errors.E010.format(path=source, line=i, field="<rule>", msg=str(err))) from err
        if known is not None and rule.relation not in known:
            raise PatternFileError(Errors.E011.format(name=rule.relation, path=source, line=i, known=", ".join(sorted(known))))
        rules.append(rule)
    return rules


def lexicon_files() -> List[str]:
    """The derived lexicon files shipped in ``relext/data/lexicon`` (names, sorted).

    They are generated by ``scripts/derive_cameo_lexicon.py`` (see docs/patterns.md).
    """
    folder = resources.files("relext").joinpath("data", "lexicon")
    if not folder.is_dir():
        return []
    return sorted(f.name for f in folder.iterdir() if f.name.endswith(".yaml"))


@lru_cache(maxsize=1)
def default_rules() -> Tuple[TriggerRule, ...]:
    """The built-in trigger rules: ``relext/data/triggers.yaml``, then the derived lexicon.

    The hand-written rules of ``triggers.yaml`` come first. A lexicon rule (from
    ``relext/data/lexicon/*.yaml``) is left out where a hand rule has the same relation,
    lemma, part of speech and particle: the hand rule wins.

    Returns:
        The rules, hand rules first; lexicon rules carry their source in their id
        (``cameo:042:visit``, ``wordnet:accuse:accusation``).

    Example:
        >>> any(r.id.startswith("cameo:") for r in default_rules())
        True
    """
    hand = parse_rules(read_data("triggers.yaml"), source="relext/data/triggers.yaml")
    seen = {(r.relation, r.lemma, r.pos, r.particle) for r in hand}
    rules = list(hand)
    for name in lexicon_files():
        for r in parse_rules(read_data(f"lexicon/{name}") or [], source=f"relext/data/lexicon/{name}"):
            key = (r.relation, r.lemma, r.pos, r.particle)
            if key not in seen:
                seen.add(key)
                rules.append(r)
    return tuple(rules)


def read_pattern_file(path: Union[str, Path]) -> List[Dict]:
    """Read a YAML (list of mappings) or JSONL file of pattern lines.

    Raises `relext.errors.PatternFileError` naming the file and line on a syntax error.
    """
    path = Path(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise PatternFileError(Errors.E010.format(
            path=path, line=line, field="<file>",
            msg=f"not UTF-8 text (byte 0x{data[err.start]:02x} at column {column}); save the file as UTF-8")) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        out = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                raise PatternFileError(Errors.E010.format(path=path, line=n, field="<json>", msg=err.msg)) from err
            if not isinstance(obj, dict):
                raise PatternFileError(Errors.E010.format(path=path, line=n, field="<json>", msg="expected an object"))
            obj["__line__"] = n
            out.append(obj)
        return out
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise PatternFileError(Errors.E010.format(path=path, line=(mark.line + 1) if mark else "-", field="<yaml>",
                                                  msg=getattr(err, "problem", str(err)))) from err
    nodes = _entry_nodes(text)
    if isinstance(data, Mapping):
        data = [dict(v, relation_type=k) if isinstance(v, Mapping) and "subject_types" in v else v
                for k, v in data.items()]
    if not isinstance(data, list):
        raise PatternFileError(Errors.E010.format(path=path, line=1, field="<root>", msg="expected a list of pattern entries"))
    out = [dict(d) if isinstance(d, Mapping) else d for d in data]
    for entry, node in zip(out, nodes):
        if isinstance(entry, dict) and isinstance(node, yaml.MappingNode):
            entry["__line__"] = node.start_mark.line + 1
            entry["__fields__"] = {str(k.value): v.start_mark.line + 1 for k, v in node.value}
    return out


def _entry_nodes(text: str) -> List[Any]:
    """The YAML nodes of a pattern file's entries (list items, or the values of a mapping), for line numbers."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if isinstance(root, yaml.SequenceNode):
        return list(root.value)
    if isinstance(root, yaml.MappingNode):
        return [v for _, v in root.value]
    return []


_AT_LINE = re.compile(r"line (\d+)(, field '([^']*)')?")


def _at_file_line(err: PatternFileError, entry_lines: Optional[Sequence[int]],
                  fields: Mapping[int, Mapping[str, int]]) -> PatternFileError:
    """``err`` naming the file's line of the bad field instead of the entry's number.

    Args:
        err: an error naming ``line N`` (and maybe ``field 'F'``).
        entry_lines: the file line of each entry, when ``N`` counts entries (the
            gazetteer's errors); ``None`` when ``N`` is already the entry's file line.
        fields: file line of each field, by the entry's file line.
    """
    msg = str(err)
    m = _AT_LINE.search(msg)
    if not m:
        return err
    line = int(m.group(1))
    if entry_lines and 1 <= line <= len(entry_lines):
        line = entry_lines[line - 1]
    field = (m.group(3) or "").split(".")[0]
    line = fields.get(line, {}).get(field, line)
    fixed = msg[:m.start(1)] + str(line) + msg[m.end(1):]
    return err if fixed == msg else PatternFileError(fixed)


def split_patterns(lines: Iterable[Any], source: str = "<patterns>") -> Tuple[List[Dict], List[Dict], List[Dict]]:
    """Sort pattern lines into (relation types, trigger rules, gazetteer entries)."""
    types, rules, entries = [], [], []
    for i, line in enumerate(lines, 1):
        if not isinstance(line, Mapping):
            raise PatternFileError(Errors.E010.format(path=source, line=i, field="<entry>", msg="expected a mapping"))
        line = dict(line)
        n = line.pop("__line__", i)
        if "relation_type" in line:
            types.append((n, line))
        elif "relation" in line and "lemma" in line:
            rules.append((n, line))
        elif "type" in line and ("name" in line or "aliases" in line or "alias" in line):
            entries.append((n, line))
        else:
            raise PatternFileError(Errors.E010.format(
                path=source, line=n, field="<entry>",
                msg="not a trigger rule (relation + lemma), a gazetteer entry (type + name) "
                    "or a relation type (relation_type + subject_types + object_types)"))
    return types, rules, entries


def add_patterns(nlp, patterns: Union[str, Path, Mapping, Iterable[Mapping]]) -> None:
    """Add user patterns to a pipeline's relext components.

    Args:
        nlp: a pipeline with ``relext_entities`` and ``relext_relations``.
        patterns: a path to a YAML/JSONL file, a single mapping, or an iterable of
            mappings, each a trigger rule, a gazetteer entry or a relation type.

    Raises:
        relext.errors.PatternFileError: naming the file, line and field of a bad entry.

    Example:
        >>> add_patterns(nlp, [                                   # doctest: +SKIP
        ...     {"relation_type": "SIGNS_AGREEMENT_WITH", "subject_types": ["COUNTRY"],
        ...      "object_types": ["COUNTRY"], "symmetric": True},
        ...     {"relation": "SIGNS_AGREEMENT_WITH", "lemma": "sign", "object": ["prep:with"]},
        ... ])
    """
    source = "<patterns>"
    if isinstance(patterns, (str, Path)):
        source = str(patterns)
        lines = read_pattern_file(patterns)
    elif isinstance(patterns, Mapping):
        lines = [patterns]
    else:
        lines = list(patterns)
    fields = {line["__line__"]: line.pop("__fields__") for line in lines
              if isinstance(line, dict) and "__fields__" in line and "__line__" in line}
    types, rules, entries = split_patterns(lines, source)
    try:
        _add_split(nlp, source, types, rules, entries)
    except PatternFileError as err:
        entry_lines = [n for n, _ in entries] if getattr(err, "_relext_entries", False) else None
        fixed = _at_file_line(err, entry_lines, fields)
        if fixed is err:
            raise
        raise fixed from err


def _add_split(nlp, source: str, types: List, rules: List, entries: List) -> None:
    """Add split pattern lines to the pipeline's components (see :func:`add_patterns`)."""
    rel = nlp.get_pipe("relext_relations") if "relext_relations" in nlp.pipe_names else None
    ents = nlp.get_pipe("relext_entities") if "relext_entities" in nlp.pipe_names else None
    if (types or rules) and rel is None:
        raise ValueError(Errors.E003.format(pipes=nlp.pipe_names, name="relext_relations"))
    if entries and ents is None:
        raise ValueError(Errors.E003.format(pipes=nlp.pipe_names, name="relext_entities"))
    if types:
        rel.add_relation_types([dict(t, name=t.pop("relation_type")) for _, t in types], source=source,
                               lines=[n for n, _ in types])
    if rules:
        rel.add_rules([r for _, r in rules], source=source, lines=[n for n, _ in rules])
    if entries:
        try:
            ents.add_entries([e for _, e in entries], source=source)
        except PatternFileError as err:  # the gazetteer counts entries; mark it for the line mapping
            err._relext_entries = True  # type: ignore[attr-defined]
            raise
