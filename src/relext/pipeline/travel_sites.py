"""VISITS of the place a site of arrival belongs to.

"X landed at Nairobi airport", "X arrived at the airport in Ankara", "X touched down at
Havana's airport", "X arrived at the presidential palace in Bamako": the travel verb's
object is a site noun (``data/travel_sites.yaml``), not a place entity, so the trigger
rules find no object; the place is a name modifying the site noun (compound or possessor),
the object of "in"/"of" on it, or an "in X" the parser hung on the verb right after the
site phrase. The traveller is the verb's subject (people and organisations only); negation
and modality are the verb's ("did not land at X airport" is a negated visit). A site with a
name of its own ("Jomo Kenyatta International Airport in Nairobi") gives the place too.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in
from .records import record

_DATA = read_data("travel_sites.yaml")
VERBS = {k: tuple(v or ()) for k, v in _DATA["verbs"].items()}
_VERB_LEMMAS = frozenset(VERBS)
PREPS = set(_DATA["preps"])
SITE_NOUNS = set(_DATA["site_nouns"])
PLACE_TYPES = ("LOCATION", "COUNTRY")
TRAVELLER_TYPES = ("PERSON", "ORGANISATION")


def travel_sites(doc: Doc, index, args, modality) -> List[Dict]:
    """VISITS records of the place owning the site a travel verb arrives at."""
    out: List[Dict] = []
    for i in positions_in(doc, _VERB_LEMMAS, attr="LEMMA"):
        verb = doc[i]
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB":
            continue
        parts = VERBS[lemma]
        if parts and not any(c.dep_ == "prt" and c.lower_ in parts for c in verb.children):
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in PREPS:
                continue
            for site in prep.children:
                if site.dep_ != "pobj" or site.lemma_.lower() not in SITE_NOUNS:
                    continue
                place = _owner(site, prep, verb, index)
                if place is None:
                    continue
                subjects = [s for s in dict.fromkeys(args.subjects(verb)) if index.type_of(s) in TRAVELLER_TYPES
                            and s != place]
                if not subjects:
                    continue
                negated, cue = modality.negation(verb)
                mod, source = modality.modality(verb, args, "VISITS")
                out += [record(verb, s, "VISITS", place, rule_id="VISITS:arrived-at-site-of", negated=negated,
                               modality=mod, source=source, cue=cue) for s in subjects]
    return out


def _place(tok: Token, index) -> Optional[str]:
    e = index.entity(tok.i)
    return e if e and index.type_of(e) in PLACE_TYPES else None


def _owner(site: Token, prep: Token, verb: Token, index) -> Optional[str]:
    """The named place the site belongs to, or None."""
    own = index.entity(site.i)
    for c in site.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "outside", "near"):
            for p in c.children:
                e = _place(p, index) if p.dep_ == "pobj" else None
                if e and e != own:
                    return e  # "the airport in Ankara", "the port of Haifa"
    end = max(t.i for t in site.subtree) + 1
    doc = site.doc
    if end < len(doc) and doc[end].lower_ in ("in", "outside", "near") and doc[end].head.i == verb.i:
        for p in doc[end].children:
            e = _place(p, index) if p.dep_ == "pobj" else None
            if e:
                return e  # "landed at the airport in Ankara" with "in Ankara" hung on the verb
    for c in site.children:
        if c.dep_ in ("compound", "poss", "nmod") and c.i < site.i:
            e = _place(c, index)
            if e and e != own:
                return e  # "Nairobi airport", "Havana's airport"
    return None
