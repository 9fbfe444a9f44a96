"""Expansion of a noun phrase to the entities it denotes (`ExpansionMixin` of `Arguments`).

Coordination gives one entity per member; staff nouns stand for their state; position
nouns for their holder; relative and plural pronouns are followed.
"""
from __future__ import annotations

from typing import List, Optional, Sequence

from spacy.tokens import Token

from ..gazetteer import read_data
from .antecedents import step_owner
from .group_lists import group_members
from .argument_words import (
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    QUANTITY_NOUNS,
    QUALITY_OF,
    PLACE_NOUNS,
    LED,
    PAIR_NOUNS,
    RELATION_NOUNS,
    STATE_NOUNS,
    LIST_PREPS,
    SEAT_NOUNS,
    STAKE_NOUNS,
    VICTIM_OF,
    KIND_NOUNS,
    EVENT_NOUNS,
    GENERIC_EVENT_MODIFIERS,
    NUMBER_WORDS,
    _group_size,
    _definite,
)

# word lists: relext/data/words/expansion.yaml
_WORDS = read_data("words/expansion.yaml")


# a partner named by a possessive pronoun ("stands by its neighbour"): the other one named
OWN_PARTNER_NOUNS = frozenset(_WORDS["own_partner_nouns"])
# possessive pronouns that may point back at the doer of the clause ("backed its bid")
OWN_POSSESSIVES = frozenset(_WORDS["own_possessives"])
# "a delegation led by X": the verbs that make X part of the group
LEADING_VERBS = {"lead", "head"}
# verbs whose subject (or agent) authors a step named in a relative clause on it: "the
# resolution, which was sponsored by Kenya", "the plan that Egypt proposed" (cues.yaml)
AUTHORING_VERBS = frozenset(read_data("cues.yaml").get("authoring_verbs", ()))


# verbs of a statement whose unowned staff subject is the speaker's ("said no ministers would go")
STAFF_OWNER_VERBS = frozenset(_WORDS["staff_owner_verbs"])

# nouns of a state's government that "in <capital>" names ("the government in Tehran")
GOVERNED_BY_PLACE = frozenset(_WORDS["governed_by_place"])

class ExpansionMixin:
    """Methods of `relext.pipeline.arguments.Arguments` (see the module docstring)."""

    # -- expansion ---------------------------------------------------------------------
    def _governed_state(self, t: Token) -> List[str]:
        """The COUNTRY named by "in X" on a governing noun ("the regime in Minsk")."""
        return [e for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children if p.dep_ == "pobj" and self.index.entity(p.i)
                and self.index.type_of(self.index.entity(p.i)) == "COUNTRY" for e in [self.index.entity(p.i)]]

    def entities_of(self, t: Token, *, positions: bool = False, _depth: int = 0) -> List[str]:
        """The entities a noun phrase headed by ``t`` denotes (coordination expanded)."""
        if _depth > 6:
            return []
        out: List[str] = []
        e = self.index.entity(t.i)
        low, lemma = t.lower_, t.lemma_.lower()
        if low in ("itself", "themselves", "himself", "herself") and t.dep_ in ("dobj", "pobj"):
            pass  # "the right to defend itself": the doer again, no second party
        elif e is not None:
            out.append(e)
        elif low in ("two", "both") and _of_them(t) is not None:
            # "the two of them", "both of them": the two people (or states) named just before
            out.extend(self._recent_pair(_of_them(t), ("PERSON", "COUNTRY")))
        elif t.pos_ == "PRON" or (low == "whose" and t.dep_ == "poss"):
            if low in PLURAL_PRONOUNS:
                if _object_them_verb(t) is not None:  # an object "them": a group named before only
                    out.extend(self._plural(t, _depth))
                else:
                    out.extend(self._plural(t, _depth) or self._previous_group(t) or self._recent_pair(t))
            elif low in RELATIVE_PRONOUNS and t.head.dep_ in ("relcl", "acl"):
                out.extend(self.entities_of(t.head.head, positions=positions, _depth=_depth + 1))
                if not out and t.dep_ == "nsubj" and t.head.head.pos_ == "NOUN":
                    # "Countries that joined the boycott include A and B": the members listed
                    out.extend(self._listed_members(t.head.head))
            elif low in ("those", "some", "many", "most", "all"):
                # "among them those from Peru and Chile"
                out.extend(e for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                           for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p, _depth=_depth + 1))
                cop = t.head.head
                if not out and low == "those" and t.dep_ == "pobj" and t.head.lower_ == "among" \
                        and cop.lemma_.lower() == "be":
                    # "Among those attending (who met X) were A and B": the ones listed
                    out.extend(e for c in cop.children if c.dep_ in ("nsubj", "attr") and c.i != t.head.i
                               for e in self.entities_of(c, _depth=_depth + 1))
            elif low in RELATIVE_PRONOUNS and t.dep_ in ("pobj", "poss"):
                # "the summit, in which A and B take part": the noun the clause modifies
                rel = next((a for a in t.ancestors if a.dep_ in ("relcl", "acl")), None)
                if rel is not None and rel.head.pos_ in ("NOUN", "PROPN"):
                    out.extend(self.entities_of(rel.head, positions=positions, _depth=_depth + 1))
        elif t.tag_ == "NN" and lemma in OWN_PARTNER_NOUNS and _own_partner_noun(t):
            # "Poland says it stands by its neighbour": the one other state named just before
            out.extend(self._other_partner(t))
        elif t.tag_ == "NNS" and lemma in PAIR_NOUNS and _group_size(t) > 2 \
                and any(c.lower_ in ("the", "these", "those") for c in t.children) \
                and not any(c.dep_ in ("amod", "compound", "relcl", "acl") and c.tag_ != "VBN" for c in t.children):
            # "the three countries", "the five invited states": the last three (five) named
            kind = "COUNTRY" if lemma in STATE_NOUNS else "PERSON"
            verb = next((c.lemma_.lower() for c in t.children if c.dep_ == "amod" and c.tag_ == "VBN"), None)
            out.extend(self._recent_group(t, kind, _group_size(t), verb))
        elif t.pos_ == "NUM" and t.dep_ in ("dobj", "pobj") and NUMBER_WORDS.get(t.lower_, 0) > 2 \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            # "backed the seven": the last seven states named together
            out.extend(self._recent_group(t, "COUNTRY", NUMBER_WORDS[t.lower_]))
        elif ((t.tag_ == "NNS" and lemma in PAIR_NOUNS and any(c.lower_ in ("two", "both") for c in t.children))
              or (lemma in ("couple", "pair", "duo") and any(c.lower_ == "the" for c in t.children))) \
                and (self._recent_pair(t, _pair_kinds(lemma)) or not _owner_named(self.index, t)):
            # "the two leaders", "both leaders"; "both governments" are states; "the two
            # allies (neighbours, rivals)" states first, else people. With no pair named
            # before, "two Israeli ministers" are officials of their state (below).
            out.extend(self._recent_pair(t, _pair_kinds(lemma)))
        elif lemma in KIND_NOUNS and any(self.index.entity(c.i) for c in t.children if c.dep_ in ("compound", "nmod")):
            # "the BRICS bloc", "the G20 summit" parsed around a generic head: the named one
            out.extend(self.index.entity(c.i) for c in t.children
                       if c.dep_ in ("compound", "nmod") and self.index.entity(c.i)
                       and self.index.type_of(self.index.entity(c.i)) in ("ORGANISATION", "EVENT"))
        elif (lemma in EVENT_NOUNS or low in EVENT_NOUNS) and t.dep_ in ("pobj", "dobj", "nsubjpass") and _definite(t) \
                and not any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ not in GENERIC_EVENT_MODIFIERS
                            for c in t.children):
            # "the summit", "this week's conference": the named event the passage is about
            ev = self.salient_event(t, window=3, ahead=False)
            if ev:
                out.append(ev)
        elif lemma in QUANTITY_NOUNS or lemma in PLACE_NOUNS:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    out.extend(e for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p, _depth=_depth + 1))
        elif lemma in self.titles and any(c.dep_ == "appos" and self.index.entity(c.i) for c in t.children):
            # "A spokesman at the ministry, Wang Wenbin, said": the person named
            out.extend(e for c in t.children if c.dep_ == "appos" for e in self.entities_of(c, _depth=_depth + 1))
        elif t.tag_ == "NN" and e is None and any(c.dep_ == "appos" and c.left_edge.i == t.i + 1 and self.index.entity(c.i)
                                                  and self.index.type_of(self.index.entity(c.i)) in ("PERSON", "ORGANISATION")
                                                  for c in t.children):
            # a descriptor just before the name it describes: "sanctioned the defence contractor
            # X", "accused the rebel group Y" (no comma between: the name is the phrase's own)
            out.extend(e2 for c in t.children if c.dep_ == "appos" and c.left_edge.i == t.i + 1
                       for e2 in self.entities_of(c, _depth=_depth + 1))
        elif t.tag_ == "NN" and lemma in self.titles and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.children):
            pass  # "a top Chinese official" is some official, not the state
        elif positions and (lemma in self.position_nouns or low in self.position_nouns) and lemma not in self.staff:
            # a noun listed only as written counts too ("threats", "remarks", "measures" are
            # listed plural and lemmatised to the singular), by its possessor only: "condemned
            # Iran's threats" -> Iran ("any AU activities" names no holder)
            holder_deps = ("poss", "compound", "amod", "nmod") if lemma in self.position_nouns else ("poss",)
            holders = [c for c in t.children if c.dep_ in holder_deps
                       and (self.index.entity(c.i) or (c.pos_ == "PRON" and c.dep_ == "poss")
                            or c.dep_ == "poss" and c.lemma_.lower() in OWN_PARTNER_NOUNS  # "its ally's claim"
                            or c.dep_ == "poss" and c.lemma_.lower() in GOVERNED_BY_PLACE and any(
                                x.dep_ in ("amod", "compound", "nmod") and self.index.entity(x.i) for x in c.children))]
            # "the Belarusian regime's conduct": the state whose government it names
            if any(c.dep_ == "poss" for c in holders):
                # "Abe's Yasukuni shrine visit": with a possessor, a place before the noun is where, not who
                holders = [c for c in holders if c.dep_ == "poss" or self.index.type_of(self.index.entity(c.i) or "") != "LOCATION"]
            if lemma in ("asset", "assets") and any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
                                                    for c in t.children):
                # "its U.S. assets", "the U.S. assets of X": the owner, not where they lie
                holders = [c for c in holders if c.dep_ == "poss"]
            for c in t.children:  # "backed the Kenyan-led mission"
                m = LED.match(c.text) if c.dep_ in ("amod", "compound") else None
                if m:
                    out.extend(e for e, forms in self.index.surface.items() if m.group(1) in forms)
                elif c.dep_ == "amod" and c.lower_ in ("led", "backed", "sponsored"):
                    out.extend(self.index.entity(x.i) for x in c.children if self.index.entity(x.i))
            for c in holders:
                found = self.entities_of(c, _depth=_depth + 1)
                if c.dep_ == "poss" and found:
                    # "Georgia applied to join. Lithuania backed its bid": a possessor that
                    # is the backer itself stands for the other one who took the step before
                    found = self._other_step_owner(t, c, found) or found
                out.extend(found)
            if not holders and lemma not in VICTIM_OF:  # "the demands of Putin"; with a possessor, "of X" is what it is about
                preps = ("of", "by", "for") if lemma in SEAT_NOUNS else ("of", "by")  # "a seat for Brazil"
                for c in t.children:
                    if c.dep_ == "prep" and c.lower_ in preps:
                        # "the assets of three Iranian banks": whose holdings they are, read as the
                        # assets' own holders are ("Iranian" banks are Iran's)
                        out.extend(e for p in c.children if p.dep_ == "pobj"
                                   for e in self.entities_of(p, positions=lemma in QUALITY_OF or lemma in ("asset", "assets"),
                                                             _depth=_depth + 1))
                    elif c.dep_ == "acl" and c.tag_ == "VBN":  # "the plan put forward (proposed) by X"
                        out.extend(e for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                                   for e in self.entities_of(p, _depth=_depth + 1))
                    elif c.dep_ == "relcl" and c.lemma_.lower() in AUTHORING_VERBS \
                            and not any(x.dep_ == "neg" for x in c.children):
                        # "the resolution, which was sponsored by Kenya", "the plan that Egypt
                        # proposed": the author named in a relative clause on the step
                        agents = [e for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                                  for e in self.entities_of(p, _depth=_depth + 1)]
                        if not agents and any(x.dep_ == "dobj" and x.lower_ in RELATIVE_PRONOUNS for x in c.children) \
                                or not agents and not any(x.dep_ == "dobj" for x in c.children) \
                                and not any(x.dep_ in ("nsubj", "nsubjpass") and x.lower_ in RELATIVE_PRONOUNS
                                            for x in c.children):
                            # a named author only: "the terms they proposed" is too loose a pointer
                            agents = [e for x in c.children if x.dep_ == "nsubj" and x.pos_ != "PRON"
                                      for e in self.entities_of(x, _depth=_depth + 1)]
                        out.extend(agents)
            if not out:  # "welcomed the decision": whoever took the step named before
                out.extend(step_owner(self, t))
        elif low in GOVERNED_BY_PLACE and not any(c.dep_ in ("poss", "compound", "amod", "nmod", "appos")
                                                  for c in t.children) and self._governed_state(t):
            # "the government in Tehran", "the authorities in Kabul": the state whose capital
            # (or name) follows "in" (capital_roles.in_a_state)
            out.extend(self._governed_state(t))
        elif lemma in self.staff or low in self.staff or lemma in self.titles or (positions and lemma in self.position_nouns):
            for c in t.children:
                if c.dep_ == "amod" and c.lower_ == "fellow":
                    break  # "X and fellow G7 leaders": the others of X's body, not the body itself
                if lemma == "counterpart" and c.dep_ != "appos":
                    continue  # "his French counterpart" is neither he nor France
                if c.dep_ in ("poss", "compound", "amod", "nmod") and (self.index.entity(c.i) or c.pos_ == "PRON"):
                    out.extend(self.entities_of(c, _depth=_depth + 1))
                elif c.dep_ == "prep" and c.lower_ in ("of", "from", "at", "for"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out.extend(self.entities_of(p, _depth=_depth + 1))
                elif c.dep_ == "appos":
                    out.extend(self.entities_of(c, _depth=_depth + 1))
                elif c.dep_ == "acl" and c.lemma_.lower() in LEADING_VERBS and c.tag_ == "VBN":
                    # "a delegation led (headed) by X": its leader is part of it
                    out.extend(x for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                               for x in self.entities_of(p, _depth=_depth + 1) if self.index.type_of(x) == "PERSON")
            if not out and lemma in self.staff and t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") \
                    and t.head.dep_ == "ccomp" and t.head.head.lemma_.lower() in STAFF_OWNER_VERBS \
                    and (any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
                         or any(c.dep_ == "neg" for c in t.head.children)):
                # "Canada said no officials would travel to X (officials would not attend)": unowned
                # staff withheld in a state's (a body's) statement are its own
                out.extend(x for c in t.head.head.children if c.dep_ == "nsubj"
                           for x in self.entities_of(c, _depth=_depth + 1)
                           if self.index.type_of(x) in ("COUNTRY", "ORGANISATION"))
        if e is not None and self.index.type_of(e) == "PERSON" and t.left_edge.i < t.i:
            out.extend(self._flat_coordination(t))
        if e is None and t.tag_ in ("NNS", "NNPS") and t.dep_ == "pobj" and t.head.lower_ == "among" \
                and t.head.head.lemma_.lower() == "be" and not out:
            # "A and B were among the countries that boycotted X": the named ones
            out.extend(x for c in t.head.head.children if c.dep_ == "nsubj"
                       for x in self.entities_of(c, _depth=_depth + 1))
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in LIST_PREPS and (c.lower_ != "as" or any(x.lower_ == "such" for x in c.children)):
                # "Nordic states, including Norway, Finland and Sweden"; "guests such as X"
                # (not a list of another kind hung on a name: "boycotted X, including A and B")
                out.extend(x for p in c.children if p.dep_ == "pobj" for x in self.entities_of(p, _depth=_depth + 1)
                           if e is None or self.index.type_of(e) not in ("EVENT", "LOCATION")
                           or self.index.type_of(x) == self.index.type_of(e))
            if c.dep_ == "conj" and t.dep_ in ("dobj", "pobj") and _before_among_them(c) and (
                    e is None and t.pos_ == "NOUN" or e is not None and self.index.entity(c.i) is not None
                    and self.index.type_of(self.index.entity(c.i)) != self.index.type_of(e)):
                # "voted for the motion, A and B among them", "boycotted the Lima Summit, A and
                # B included": the voters (boycotters), not the motion (summit)
                continue
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM"):
                # a conjunct is a step down the tree, not a hop: a list of any length counts
                # as one level ("A, B, C, ... and N imposed sanctions"), not one per member
                out.extend(self.entities_of(c, positions=positions, _depth=_depth))
            elif c.dep_ in ("nmod", "compound") and e is not None and c.i + 1 < t.i and t.doc[c.i + 1].text == "," \
                    and self.index.entity(c.i) is not None and self.index.type_of(self.index.entity(c.i)) == self.index.type_of(e):
                out.extend(self.entities_of(c, positions=positions, _depth=_depth + 1))  # "The U.K., U.S., Norway ..."
            elif c.dep_ == "appos" and e is None and (_lower_case_plural(t) or t.pos_ == "NOUN"
                                                             and (t.tag_ in ("NNS", "NNPS") or lemma in STATE_NOUNS | {"nation"}
                                                                  or lemma in OWN_PARTNER_NOUNS)):
                # a plural noun and the list that names its members: "three nations, A, B and C",
                # "55 states, among them A and B", "the group's other member states - A, B and C -"
                # (the tagger may read a lower-case "states" there as a proper noun)
                out.extend(self.entities_of(c, positions=positions, _depth=_depth + 1))
            elif c.dep_ == "appos" and e is not None and self.index.entity(c.i) is not None \
                    and (self.index.type_of(self.index.entity(c.i)) == self.index.type_of(e)
                         or self.index.type_of(e) == "LOCATION" and self.index.type_of(self.index.entity(c.i)) == "COUNTRY"):
                # also "Sharm El Sheikh, Egypt": a place and the country it is in
                # a list parsed as apposition: "the United Kingdom, Japan, Norway and ..."
                out.extend(self.entities_of(c, positions=positions, _depth=_depth + 1))
            elif c.dep_ == "npadvmod" and e is not None and c.i > t.i and t.doc[c.i - 1].text == "," \
                    and self.index.entity(c.i) is not None and c.conjuncts \
                    and self.index.type_of(self.index.entity(c.i)) == self.index.type_of(e):
                # a list whose second member the parser hung on the first as a modifier:
                # "Chile, [Peru], Bolivia and Ecuador decided ..." (the rest conjoined to it)
                out.extend(self.entities_of(c, positions=positions, _depth=_depth + 1))
            elif c.dep_ in ("compound", "nmod") and e is not None and self.index.entity(c.i) is None \
                    and c.i < t.i and self.index.type_of(e) == "PERSON":
                # "Iranian President A and Cuban leader B arrived": the parser hung the first
                # titled name on the second one's title, the "and" still on it
                for g in c.children:
                    ge = self.index.entity(g.i)
                    if g.i < c.i and g.dep_ in ("amod", "nmod", "compound") and ge is not None and ge != e \
                            and self.index.type_of(ge) == "PERSON" \
                            and any(x.dep_ == "cc" and x.lower_ in ("and", "&") for x in g.children):
                        out.extend(self.entities_of(g, positions=positions, _depth=_depth + 1))
        if e is None and t.dep_ in ("nsubj", "nsubjpass") and (t.tag_ in ("NNS", "CD") or _quantified_plural(t)):
            # "Some 30 leaders attended X, among them A and B": the members listed for the
            # group, rather than the body they belong to ("Most NATO members backed X, ...")
            out = group_members(t, self.index.entity, self.index.type_of) or out
        if e is not None and t.n_lefts + t.n_rights:
            # "A, the Democratic Republic of Congo, B and C": the parser may hang the rest of
            # the list on a word inside a name ("Congo" in "Republic of Congo")
            for x in t.subtree:
                if x.i != t.i and x.i > t.i and self.index.entity(x.i) == e:
                    out.extend(y for c in x.children if c.dep_ == "conj" and self.index.entity(c.i) != e
                               for y in self.entities_of(c, positions=positions, _depth=_depth))
        if e is not None and t.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in t.children):
            out = self._list_head_misparsed(t, e) + out
        return list(dict.fromkeys(out))

    def _other_partner(self, t: Token) -> List[str]:
        """The partner "its (his, her) ally (neighbour, partner)" ``t`` names: the one entity
        of the possessor's type, other than the possessor, named in the sentence before or
        in this one up to ``t``; with none or several, nothing.

        "Ukraine is seeking more aid. Poland says it stands by its neighbour" -> Ukraine;
        "Serbia said it defended its ally's claim to the region" after Hungary is named ->
        Hungary. "Its neighbour Chile" carries its own name and never comes here.
        """
        poss = next(c for c in t.children if c.dep_ == "poss")
        own = self.index.entity(poss.i)
        if own is None:
            return []
        kind = self.index.type_of(own)
        doc = t.doc
        sents = list(doc.sents)
        k = next(i for i, x in enumerate(sents) if x.start <= t.i < x.end)
        others = {e for i in range(sents[max(0, k - 1)].start, t.i)
                  for e in [self.index.name_by_token.get(i)] if e is not None and e != own
                  and self.index.type_of(e) == kind}
        return list(others) if len(others) == 1 else []

    def _other_step_owner(self, t: Token, poss: Token, found: List[str]) -> List[str]:
        """The one who took the step ``t`` names, when its possessor ``poss`` ("its", "his",
        "the country's") points back at the doer of the verb ``t`` is the object of.

        "Georgia applied to join the bloc. Lithuania backed its bid": backing one's own bid
        says nothing, so "its" is read as the owner of the step at its nearest mention
        before (`antecedents.step_owner`: "applied" for a bid, "offered" for an offer,
        "proposed" for a proposal), provided that owner is someone else. Where the nearest
        mention is the doer's own ("Chile proposed a plan. Chile defended its plan"), or
        the possessor is a name, nothing changes.

        Args:
            t: the step noun ("bid", "offer", "proposal").
            poss: its possessor token.
            found: the entities the possessor was resolved to.

        Returns:
            The other owners, or an empty list (keep ``found``).
        """
        if not (poss.pos_ == "PRON" and poss.lower_ in OWN_POSSESSIVES
                or poss.tag_ == "NN" and poss.lemma_.lower() in STATE_NOUNS
                and any(d.dep_ == "det" and d.lower_ == "the" for d in poss.children)):
            return []
        if any(c.dep_ == "amod" and c.lower_ == "own" for c in t.children):
            return []  # "backed its own bid"
        verb = t.head  # up through "support for" to the verb: "voiced support for its bid"
        while verb.pos_ != "VERB" and verb.dep_ in ("pobj", "prep", "dobj") and verb.head.i != verb.i:
            verb = verb.head
        if t.dep_ not in ("dobj", "pobj") or verb.pos_ != "VERB" or verb.i == t.i:
            return []
        doers = set(self.verb_subjects(verb))
        if not doers or not set(found) <= doers:
            return []
        owners = step_owner(self, t, owned=True)
        return [] if not owners or set(owners) & doers else owners

    def _list_head_misparsed(self, t: Token, e: str) -> List[str]:
        """"Chile, Bolivia and Ecuador attended": the parser may take the first member of a
        sentence-initial list for an adverbial ("Chile" as advmod of the verb) and start the
        subject at the second. Names of the subject's type just before it, each followed by a
        comma and hung on the verb as an adverbial, belong to the list (not "Asked about
        Russia, Germany and France said": "Russia" is an object there)."""
        doc = t.doc
        found: List[str] = []
        i = t.left_edge.i - 1
        while i >= 1 and doc[i].text == ",":
            x = self.index.entity(i - 1)
            if x is None or x == e or self.index.type_of(x) != self.index.type_of(e):
                break
            j = i - 1
            while j > 0 and self.index.entity(j - 1) == x:
                j -= 1
            root = next((k for k in doc[j:i] if k.head.i < j or k.head.i >= i or k.head.i == k.i), None)
            if root is None or root.dep_ not in ("advmod", "npadvmod", "dep", "intj", "nsubj", "nsubjpass", "appos") \
                    or root.head.i != t.head.i and root.head.i != t.i:
                break
            found.insert(0, x)
            i = j - 1
        return found

    def _flat_coordination(self, t: Token) -> List[str]:
        """People coordinated inside one run of proper nouns the parser left flat: "European
        Commission President A B and European Council President C D" (only D heads it)."""
        span = t.doc[t.left_edge.i:t.i]
        if not any(x.lower_ == "and" for x in span) \
                or not all(x.pos_ in ("PROPN", "CCONJ") or x.text == "," for x in span):
            return []
        found = [self.index.entity(x.i) for x in span if self.index.entity(x.i)]
        return [f for f in found if self.index.type_of(f) == "PERSON"]

    def _plural(self, t: Token, _depth: int = 0) -> List[str]:
        """"their officials" -> the coordinated subject of the clause that contains them;
        "their bids" as an argument of that clause's verb ("France and Germany opposed their
        bids") -> another group named before it, since one backs or opposes others' bids."""
        verb = _object_them_verb(t)
        if verb is not None:
            # "Russia accused them", "X imposed sanctions on them": never the clause's own
            # subject (that would be "themselves"), but the nearest group named before
            if verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
                    verb = verb.head  # "X responded, accusing them": the participle's doer is X
                elif verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
                    verb = verb.head.head  # "X responded by calling them ..."
            # the subject and whatever its words name ("Turkish President X": X and Turkey)
            own = {e for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree
                   for e in ([self.index.entity(w.i)] if w.i != c.i else self.entities_of(c, _depth=_depth + 1)) if e}
            pair = self._recent_pair(t)
            return self._nearest_group(t, own) or (pair if not own & set(pair) else [])
        cur = t.head
        for _ in range(8):
            if cur.pos_ in ("VERB", "AUX"):
                subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and t not in list(c.subtree)
                        and c.lower_ not in PLURAL_PRONOUNS]
                if subj and _stake_of_clause(t, cur):
                    other = self._other_group(t, set(self.entities_of(subj[0], _depth=_depth + 1)))
                    if other:
                        return other
                if subj:
                    ids = self.entities_of(subj[0], _depth=_depth + 1)
                    if len(ids) == 1 and t.dep_ in ("nsubj", "nsubjpass") and _in_adverbial(t, cur):
                        # "X welcomed A and B when they arrived": one host, so "they" are the guests
                        guests = [e for c in cur.children if c.dep_ == "dobj" for e in self.entities_of(c, _depth=_depth + 1)]
                        if len(guests) >= 2 and ids[0] not in guests:
                            return guests
                    if len(ids) >= 1 and not (len(ids) == 1 and self.index.type_of(ids[0]) == "PERSON"):
                        return ids
            if cur.head.i == cur.i:
                break
            cur = cur.head
        return []

    def _groups_before(self, t: Token):
        """The states and bodies of each coordination named before ``t`` (its own sentence or
        the two before), nearest first: one list per coordination head."""
        sents = list(t.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= t.i < s.end), 0)
        limit = sents[max(0, idx - 2)].start
        for i in range(t.i - 1, limit - 1, -1):
            tok = t.doc[i]
            if tok.dep_ in ("conj", "appos") or not any(c.dep_ == "conj" for c in tok.children):
                continue
            yield [e for e in self.entities_of(tok) if self.index.type_of(e) in ("COUNTRY", "ORGANISATION")]

    def _nearest_group(self, t: Token, own: set) -> List[str]:
        """The states and bodies of the nearest coordination named before ``t`` (its own
        sentence or the two before) other than those in ``own``: "A and B quarrelled ...
        A's leader called them fascists" -> B; "Washington and its allies ... he accused
        them" -> the United States (the unnamed allies are not resolved)."""
        for found in self._groups_before(t):
            rest = [e for e in found if e not in own]
            if rest:
                return rest
        return []

    def _other_group(self, t: Token, own: set) -> List[str]:
        """The nearest coordination of two or more states or bodies named before ``t`` (its
        own sentence or the two before) that shares none of ``own``."""
        for found in self._groups_before(t):
            if len(found) >= 2 and not own & set(found):
                return found
        return []

    def _previous_group(self, t: Token) -> List[str]:
        """"They" opening a sentence: the coordinated subject (two or more entities) of the
        sentence before ("Mali, Niger and Burkina Faso left. They accused the bloc ..."); so
        is "Their" owning a staff noun that is the subject ("... backed the plan. Their foreign
        ministers attended the summit": the states, through their staff)."""
        staff_owner = t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.lower_ in self.staff \
            and not any(w.pos_ in ("VERB", "AUX") for w in t.doc[t.sent.start:t.i])
        # "Their" opens the sentence, or only an opening phrase comes first ("On Tuesday,
        # their foreign ministers said ...")
        if t.dep_ not in ("nsubj", "nsubjpass") and not staff_owner:
            return []
        sents = list(t.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= t.i < s.end), 0)
        if idx == 0 or any(self.index.entity(i) for i in range(t.sent.start, t.i)):
            return []
        root = sents[idx - 1].root
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        found = self.entities_of(subj[0]) if subj else []
        return found if len(found) >= 2 else []

    def _recent_group(self, t: Token, kind: str, size: int, verb: Optional[str] = None) -> List[str]:
        """"the three countries": the nearest list of exactly ``size`` entities of ``kind``
        named together (one coordination) in the three sentences before, or further back
        if no other list of that kind comes between (a report returning to the three
        states its opening named). With ``verb`` ("the three invited states"), only a list
        that verb governs ("invited A, B and C", "A, B and C were invited")."""
        sents = list(t.doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= t.i < s.end), 0)
        limit = sents[max(0, idx - 3)].start
        other = False
        for i in range(t.i - 1, -1, -1):
            tok = t.doc[i]
            if i < limit and other:
                return []  # further back, only while no other list of the kind comes between
            if not any(c.dep_ in ("conj", "appos") for c in tok.children) or tok.dep_ in ("conj", "appos"):
                continue
            found = [e for e in self.entities_of(tok) if self.index.type_of(e) == kind]
            if verb is not None and len(found) == size:
                gov = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if gov is None or gov.lemma_.lower() != verb:
                    other = True
                    continue
            if len(found) == size:
                return found
            other = other or len(found) > 1
        return []

    def _recent_pair(self, t: Token, kinds: Sequence[str] = ("PERSON", "COUNTRY")) -> List[str]:
        """"they", "the two leaders": the two people (or states) named last, if named within
        the three sentences before and no third one of the kind comes between; else, for
        a noun, the nearest two named together ("A and B ... the couple")."""
        doc = t.doc
        sents = list(doc.sents)
        idx = next((n for n, s in enumerate(sents) if s.start <= t.i < s.end), 0)
        limit = sents[max(0, idx - 3)].start
        for kind in kinds:
            if t.pos_ != "PRON" and any(c.lower_ in ("two", "both") for c in t.children):
                # "A and B sent warships, and ties between the two allies sank": exactly two
                # of the kind earlier in the noun's own sentence, in another clause (not "A
                # and B greeted the two guests")
                verb = getattr(_clause_verb(t), "i", None)
                own = [(i, e) for i in range(t.sent.start, t.left_edge.i) for e in [self.index.entity(i)]
                       if e and self.index.type_of(e) == kind and self.index.kind_by_token.get(i) != "PRONOUN"]
                ids = list(dict.fromkeys(e for _, e in own))
                if len(ids) == 2 and not any(getattr(_clause_verb(t.doc[i]), "i", None) == verb for i, _ in own):
                    return ids
            seen: List[str] = []
            # a pair noun refers back past its own sentence ("North Korea was condemned by both
            # governments"); a pronoun may point into it ("Biden met Xi as they ...")
            first = t.sent.start - 1 if t.pos_ != "PRON" else t.i - 1
            for i in range(first, limit - 1, -1):
                e = self.index.entity(i)
                if e and self.index.type_of(e) == kind and self.index.kind_by_token.get(i) != "PRONOUN" and e not in seen \
                        and not _on_byline(doc[i]):
                    seen.append(e)
                    if len(seen) == 3:
                        break
            if len(seen) == 2:
                return seen
            if len(seen) == 3 and t.pos_ != "PRON":
                # more than two named: "the two presidents" are the two named together
                pair = self._recent_group(t, kind, 2)
                if pair:
                    return pair
        return []


ADVERBIAL_MARKERS = frozenset(_WORDS["adverbial_markers"])


def _in_adverbial(t: Token, verb: Token) -> bool:
    """``t`` is the subject of a time clause of ``verb`` ("... when they arrived")."""
    clause = t.head
    return clause.dep_ == "advcl" and clause.head.i == verb.i \
        and any(c.dep_ in ("mark", "advmod") and c.lower_ in ADVERBIAL_MARKERS for c in clause.children)


def _object_them_verb(t: Token) -> Optional[Token]:
    """The verb whose object "them" is: its direct object or dative ("accused them"), or
    the object of a preposition on the verb or on the verb's direct object ("sanctions on
    them", "warned them of"); None for any other "them" (a subject's "of them")."""
    if t.lower_ != "them":
        return None
    if t.dep_ in ("dobj", "dative") and t.head.pos_ in ("VERB", "AUX"):
        return t.head
    if t.dep_ != "pobj" or t.head.dep_ != "prep":
        return None
    host = t.head.head
    if host.pos_ in ("VERB", "AUX"):
        return host
    if host.pos_ == "NOUN" and host.dep_ == "dobj" and host.head.pos_ in ("VERB", "AUX"):
        return host.head
    return None


def _stake_of_clause(t: Token, verb: Token) -> bool:
    """"their" owns a stake noun ("their bids") that is an argument of ``verb``."""
    noun = t.head
    if t.dep_ != "poss" or noun.lemma_.lower() not in STAKE_NOUNS:
        return False
    if noun.head.i == verb.i and noun.dep_ in ("dobj", "nsubjpass"):
        return True
    return noun.dep_ == "pobj" and noun.head.head.i == verb.i


def _of_them(t: Token) -> Optional[Token]:
    """"them" in "the two of them", "both of them" (None elsewhere)."""
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and p.lower_ in ("them", "us"):
                    return p
    return None


def _before_among_them(t: Token) -> bool:
    """``t`` and its conjuncts stand right before "among them" ("A and B among them") or a
    closing "included" ("A and B included.")."""
    doc, end = t.doc, t.right_edge.i + 1
    return end + 1 < len(doc) and (doc[end].lower_ == "among" and doc[end + 1].lower_ == "them"
                                   or doc[end].lower_ == "included" and doc[end + 1].text in (".", ";", "!"))


def _clause_verb(t: Token) -> Optional[Token]:
    """The nearest verb governing ``t`` (None at a verbless root)."""
    return next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)


def _lower_case_plural(tok) -> bool:
    """Whether ``tok`` is a lower-case plural the tagger read as a proper noun ("the bloc's
    other member states - A, B and C -": "states" as NNP); a name is capitalised."""
    return tok.pos_ == "PROPN" and tok.text.islower() and tok.lower_.endswith("s")


def _own_partner_noun(t: Token) -> bool:
    """"its neighbour", "his ally": a partner noun with a possessive pronoun and no name or
    modifier of its own ("its closest ally" still counts; "its ally Belarus" does not)."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in OWN_POSSESSIVES - {"their"}
               for c in t.children) \
        and not any(c.dep_ in ("appos", "compound", "nmod", "prep", "relcl", "acl") for c in t.children)


def _pair_kinds(lemma: str) -> tuple:
    """The entity types a "two <noun>" pair is looked for among."""
    return ("COUNTRY", "PERSON") if lemma in STATE_NOUNS or lemma in RELATION_NOUNS else ("PERSON",)


def _owner_named(index, t: Token) -> bool:
    """The noun ``t`` names whose it is by a modifier ("two Israeli ministers")."""
    return any(c.dep_ in ("amod", "compound", "nmod", "poss") and index.entity(c.i) for c in t.children)


def _quantified_plural(t: Token) -> bool:
    """"all of the region's leaders", "most of the guests": a quantifier word heading a
    plural noun by "of" (its list of members may follow: `group_lists.group_members`)."""
    return t.tag_ == "DT" and t.lower_ in ("all", "most", "many", "some", "several") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.tag_ == "NNS" for p in c.children)
        for c in t.children)


def _on_byline(tok: Token) -> bool:
    """``tok`` is on a short "By <name>" line: a bylined reporter, who takes part in nothing
    the story tells (GUIDELINES: PERSONs without relations)."""
    sent = tok.sent
    first = next((t for t in sent if not t.is_space), None)
    return first is not None and first.text in ("By", "BY") and len(sent) <= 10 and first.i < tok.i
