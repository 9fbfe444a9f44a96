"""The typed contract between the pipeline, the graph and the exports.

Everything relext returns is one of these pydantic models. They are plain data:
``model_dump(mode="json")`` gives JSON-ready dicts and
``Extraction.model_validate(d)`` reads them back, so results can be written to
JSONL, sent between processes and loaded again without spaCy.

Example:
    >>> from relext.models import Extraction
    >>> ex = Extraction.model_validate({"doc_id": "d1", "entities": [], "relations": []})
    >>> ex.doc_id
    'd1'
"""
from __future__ import annotations

from enum import Enum
from typing import Any, Dict, Iterator, List, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

AttributeValue = Union[str, int, float, bool]


class EntityType(str, Enum):
    """The five entity types of the annotation guidelines."""

    PERSON = "PERSON"
    COUNTRY = "COUNTRY"
    ORGANISATION = "ORGANISATION"
    EVENT = "EVENT"
    LOCATION = "LOCATION"


class Modality(str, Enum):
    """How the text states a relation.

    - ``ASSERTED``: stated as fact ("Putin attended the Games").
    - ``PLANNED``: a plan, promise or intention ("vowed to attend", "will boycott").
    - ``REPORTED``: attributed to a source ("Ryabkov said Moscow would ...").
    - ``HYPOTHETICAL``: a condition or a question ("if Putin attends ...");
      left out of results unless asked for.
    """

    ASSERTED = "ASSERTED"
    PLANNED = "PLANNED"
    REPORTED = "REPORTED"
    HYPOTHETICAL = "HYPOTHETICAL"


class MentionKind(str, Enum):
    """What kind of surface form refers to an entity."""

    NAME = "NAME"  # "Vladimir Putin", "NATO"
    DESCRIPTION = "DESCRIPTION"  # "the Russian president", "the Chinese capital"
    DEMONYM = "DEMONYM"  # "Russian" standing for Russia
    METONYM = "METONYM"  # "Moscow" standing for Russia's government
    PRONOUN = "PRONOUN"  # "he" resolved to an entity


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Mention(_Frozen):
    """One place in the text that refers to an entity.

    ``text == document_text[start_char:end_char]`` always holds.
    """

    text: str
    start_char: int = Field(ge=0)
    end_char: int = Field(ge=0)
    kind: MentionKind = MentionKind.NAME
    sentence: int = Field(default=0, ge=0, description="index of the sentence in the document")


class Entity(BaseModel):
    """A canonical entity of one document: all its mentions under one stable id.

    ``id`` is the same in every document for the same real-world entity
    (``country:USA``, ``person:vladimir-putin``, ``organisation:nato``), so it is the
    key on which graphs merge documents.
    """

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    type: EntityType
    mentions: List[Mention] = Field(default_factory=list)
    attributes: Dict[str, AttributeValue] = Field(default_factory=dict)

    @property
    def aliases(self) -> List[str]:
        """Distinct surface forms of the mentions (pronouns excluded), in text order."""
        seen: Dict[str, None] = {}
        for m in self.mentions:
            if m.kind is not MentionKind.PRONOUN:
                seen.setdefault(m.text, None)
        return list(seen)


class TextSelector(_Frozen):
    """A W3C Web Annotation TextQuoteSelector and TextPositionSelector in one.

    ``exact == document_text[start:end]``; ``prefix`` and ``suffix`` are the text just
    before and after it (up to 32 characters), so the words can be found again when
    the offsets no longer hold (see `relext.provenance.selectors.anchor()`).
    """

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int = Field(ge=0, description="TextPositionSelector start (characters, document)")
    end: int = Field(ge=0, description="TextPositionSelector end (characters, document)")


class Selectors(_Frozen):
    """Where the sentence, the trigger and both arguments of a relation are.

    An argument's selector is the mention the relation was read from when the rule
    names it, else the mention of that entity nearest the trigger (in the sentence if
    it has one there, else the closest before it: a coreference or an implied object).
    """

    sentence: TextSelector
    trigger: TextSelector
    subject: Optional[TextSelector] = None
    object: Optional[TextSelector] = None


class EventDate(_Frozen):
    """When a relation holds, as an ISO date or interval.

    ``value`` is written at its precision (``2022-02-04``, ``2022-02``, ``2022``,
    ``2022-W05``), or as an ISO 8601 interval ``start/end`` for a range ("Tuesday
    through Friday"); ``start`` and ``end`` are the first and last day it covers.
    ``origin`` says where it comes from: a time expression of the sentence that names
    its year (``sentence``), one resolved against the document date (``relative``:
    "on Wednesday", "last month"), or the document date itself (``document``).
    """

    value: str
    start: str
    end: str
    precision: Literal["day", "week", "month", "year"]
    origin: Literal["sentence", "relative", "document"]
    text: Optional[str] = Field(default=None, description="the time expression, if any")


class Evidence(_Frozen):
    """Where a relation is stated, and which rule found it."""

    sentence: str = Field(description="the sentence that states the relation")
    start_char: int = Field(ge=0, description="start of the sentence in the document")
    end_char: int = Field(ge=0, description="end of the sentence in the document")
    trigger: str = Field(description="the word(s) that express the relation, e.g. 'attend'")
    trigger_start: int = Field(ge=0)
    trigger_end: int = Field(ge=0)
    rule: str = Field(description="id of the rule that fired, e.g. 'verb:attend'")
    cue: Optional[str] = Field(default=None, description="the negation or modality cue, if any")
    date: Optional[EventDate] = Field(default=None, description="when the relation holds, if known")
    confidence: Optional[float] = Field(default=None, ge=0.0, le=1.0,
                                        description="calibrated probability that the relation is right")
    selectors: Optional[Selectors] = Field(default=None, description="W3C selectors of the words")


class Relation(BaseModel):
    """A typed, directed relation between two entities of one document."""

    model_config = ConfigDict(extra="forbid")

    subject: str = Field(description="entity id of the subject")
    predicate: str = Field(description="relation type, e.g. 'ATTENDS'")
    object: str = Field(description="entity id of the object")
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    symmetric: bool = False
    source: Optional[str] = Field(default=None, description="entity id of who reported it, if reported")
    evidence: Evidence

    @field_validator("predicate")
    @classmethod
    def _upper(cls, v: str) -> str:
        return v.upper()

    @property
    def key(self) -> tuple:
        """(subject, predicate, object, negated); symmetric relations in sorted order."""
        s, o = self.subject, self.object
        if self.symmetric and o < s:
            s, o = o, s
        return (s, self.predicate, o, self.negated)


class Extraction(BaseModel):
    """Everything relext found in one document."""

    model_config = ConfigDict(extra="forbid")

    doc_id: Optional[str] = None
    text: Optional[str] = Field(default=None, description="the text the offsets refer to, when kept")
    date: Optional[str] = Field(default=None, description="the document date (ISO) relations are dated against")
    meta: Dict[str, Any] = Field(default_factory=dict,
                                 description="the input record's other fields (url, source, date …), as given")
    entities: List[Entity] = Field(default_factory=list)
    relations: List[Relation] = Field(default_factory=list)
    warnings: List[str] = Field(default_factory=list)

    def entity(self, entity_id: str) -> Entity:
        """Return the entity with this id (``KeyError`` if there is none)."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)

    def iter_triples(self) -> Iterator[tuple]:
        """Yield ``(subject name, predicate, object name, negated)`` for reading."""
        names = {e.id: e.name for e in self.entities}
        for r in self.relations:
            yield (names.get(r.subject, r.subject), r.predicate, names.get(r.object, r.object), r.negated)
