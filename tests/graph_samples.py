"""Hand-built extractions for the graph and export tests (invented news sentences)."""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from relext.models import Extraction

NAMES = {
    "person:amara-okafor": ("Amara Okafor", "PERSON"),
    "person:okafor": ("Okafor", "PERSON"),
    "person:lena-varga": ("Lena Varga", "PERSON"),
    "person:tomas-varga": ("Tomas Varga", "PERSON"),
    "person:varga": ("Varga", "PERSON"),
    "country:KEN": ("Kenya", "COUNTRY"),
    "country:NOR": ("Norway", "COUNTRY"),
    "country:CHL": ("Chile", "COUNTRY"),
    "organisation:wto": ("World Trade Organization", "ORGANISATION"),
    "event:harbour-forum": ("Harbour Forum", "EVENT"),
    "location:valparaiso": ("Valparaiso", "LOCATION"),
}
CODES = {"country:KEN": {"iso3": "KEN"}, "country:NOR": {"iso3": "NOR"}, "country:CHL": {"iso3": "CHL"}}


def entity(eid: str, *surface: str, name: Optional[str] = None) -> dict:
    """An entity dict with one NAME mention per surface form (offsets are nominal)."""
    default_name, etype = NAMES[eid]
    forms = surface or (name or default_name,)
    return {
        "id": eid,
        "name": name or default_name,
        "type": etype,
        "mentions": [{"text": s, "start_char": 10 * i, "end_char": 10 * i + len(s)} for i, s in enumerate(forms)],
        "attributes": dict(CODES.get(eid, {})),
    }


def relation(subject: str, predicate: str, obj: str, sentence: str, trigger: str, *, start: int = 0,
             negated: bool = False, modality: str = "ASSERTED", symmetric: bool = False,
             source: Optional[str] = None, cue: Optional[str] = None, rule: Optional[str] = None) -> dict:
    """A relation dict whose evidence offsets point into ``sentence`` placed at ``start``."""
    t = sentence.index(trigger)
    return {
        "subject": subject, "predicate": predicate, "object": obj, "negated": negated,
        "modality": modality, "symmetric": symmetric, "source": source,
        "evidence": {
            "sentence": sentence, "start_char": start, "end_char": start + len(sentence),
            "trigger": trigger, "trigger_start": start + t, "trigger_end": start + t + len(trigger),
            "rule": rule or f"verb:{trigger.split()[0].lower()}", "cue": cue,
        },
    }


def extraction(doc_id: Optional[str], entities: Sequence[dict], relations: Sequence[dict] = ()) -> Extraction:
    return Extraction.model_validate({"doc_id": doc_id, "entities": list(entities), "relations": list(relations)})


S1 = "Amara Okafor attended the Harbour Forum in Valparaiso on Monday."
S2 = "Kenya and Norway held talks on fisheries."
S3 = "Norway did not attend the Harbour Forum, its foreign ministry said."
S4 = "Okafor met Lena Varga on the margins of the forum."
S5 = "Chile will attend the Harbour Forum, officials said."
S6 = "Okafor attended the Harbour Forum again on Tuesday."


def corpus() -> List[Extraction]:
    """Three documents with a cross-document entity, a symmetric pair and a negation."""
    d1 = extraction("d1", [
        entity("person:amara-okafor", "Amara Okafor"),
        entity("event:harbour-forum", "Harbour Forum"),
        entity("location:valparaiso"),
        entity("country:KEN"), entity("country:NOR"),
    ], [
        relation("person:amara-okafor", "ATTENDS", "event:harbour-forum", S1, "attended"),
        # written in the non-canonical direction on purpose
        relation("country:NOR", "MEETS_WITH", "country:KEN", S2, "held talks", start=70, symmetric=True),
    ])
    d2 = extraction("d2", [
        entity("country:NOR", "Norway", "Norwegian"),
        entity("event:harbour-forum", "Harbour Forum", "the forum"),
        entity("person:okafor", "Okafor"),
        entity("person:lena-varga"),
        entity("country:KEN"),
    ], [
        relation("country:NOR", "ATTENDS", "event:harbour-forum", S3, "attend", negated=True, cue="did not"),
        relation("person:okafor", "MEETS_WITH", "person:lena-varga", S4, "met", start=80, symmetric=True),
        relation("country:KEN", "MEETS_WITH", "country:NOR", S2, "held talks", start=140, symmetric=True),
    ])
    d3 = extraction("d3", [
        entity("country:CHL"),
        entity("event:harbour-forum"),
        entity("person:okafor", "Okafor"),
    ], [
        relation("country:CHL", "ATTENDS", "event:harbour-forum", S5, "attend", modality="PLANNED", cue="will"),
        relation("person:okafor", "ATTENDS", "event:harbour-forum", S6, "attended", start=60),
    ])
    return [d1, d2, d3]
