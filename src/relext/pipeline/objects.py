"""Objects of triggers in the slots a rule names (`ObjectsMixin` of `Arguments`)."""
from __future__ import annotations

from itertools import combinations
from typing import List, Optional, Sequence, Tuple

from spacy.tokens import Token

from .antecedents import pronoun_step_owner
from .named_heads import MONTHS
from .threat_clauses import blow_targets, outcome_targets, step_targets, undeterred
from .threat_wordings import by_force, owners_ruined, threat_targets
from .threat_conditions import answered_doers, provokers
from .deed_antecedents import deed_doers
from .reproach_targets import called_what, denier, dismissed_as, wanted
from .charge_clauses import misattached_author, reported_doers
from .subjects import REPORTER_ACTS
from .penalty_targets import goods_origin, laid_by, laid_on, purpose_targets
from .argument_words import protest_phrase
from .argument_words import (
    PRESENCE_NOUNS,
    BEARING_VERBS,
    RELATIVE_PRONOUNS,
    BLOW_VERBS,
    PARTICLES,
    SUFFER_VERBS,
    _reduced_passive,
    SMALL_CLAUSE_VERBS,
    _misparsed_small_clause,
    ENTRY_VERBS,
)
from ..gazetteer import read_data

# word lists: relext/data/words/objects.yaml
_WORDS = read_data("words/objects.yaml")


# the prepositions a relative "where" stands in for ("in X" -> "X, where ...")
WHERE_PREPS = frozenset(_WORDS["where_preps"])
SPEECH_NOUNS = frozenset(_WORDS["speech_nouns"])
VENUE_PREPS = frozenset(_WORDS["venue_preps"])


# nouns of a time just before an event ("on the eve of the talks")
EVE_NOUNS = {"eve"}

# verbs of a blow whose object is its target ("warned it would strike X")
# verbs that take from the owner of their object ("annex part of X", "block X's membership")
# penalties laid on goods whose origin is the one threatened ("to impose tariffs on X's steel")
PENALTY_NOUNS = frozenset(_WORDS["penalty_nouns"])
# places a state closes to someone ("barred from Egyptian ports")
CLOSED_PLACES = frozenset(_WORDS["closed_places"])
# verbs of a byline or a report a fronted clause may be misattached to ("..., Y warned, writes Z")
BYLINE_VERBS = frozenset(_WORDS["byline_verbs"])
# participles that aim a measure at someone ("measures targeting X")
TARGETING_VERBS = frozenset(_WORDS["targeting_verbs"])
SEIZE_VERBS = frozenset(_WORDS["seize_verbs"])
# what is cut off from a recipient ("cut off gas supplies to X")
SUPPLY_NOUNS = frozenset(_WORDS["supply_nouns"])
# blows one warns of ("warned of retaliation against X")
BLOW_NOUNS = frozenset(_WORDS["blow_nouns"])
# diplomatic acts done "in protest" that address whom they protest to ("wrote to X in
# protest"); not travel ("flew to X in protest")
PROTEST_ACTS = frozenset(_WORDS["protest_acts"])
# verbs of wiping out ("vowed to annihilate X")
CRUSH_VERBS = frozenset(_WORDS["crush_verbs"])
# kinds of list that sanction ("its entity list", "the sanctions list")
LIST_KINDS = frozenset(_WORDS["list_kinds"])
HOSTILE_VERBS = frozenset(_WORDS["hostile_verbs"])

# verbs of arranging a meeting in a clause about it: "the meeting she had arranged with X"
ARRANGING_VERBS = frozenset(_WORDS["arranging_verbs"])
# what an act "will have" when a warning says it will be answered
OUTCOME_NOUNS = frozenset(_WORDS["outcome_nouns"])
# what is done to a membership as a penalty ("X's membership could be suspended")
SUSPENDING_VERBS = frozenset(_WORDS["suspending_verbs"])


# summoning a state's envoy to protest
SUMMON_VERBS = frozenset(_WORDS["summon_verbs"])
ENVOY_NOUNS = frozenset(_WORDS["envoy_nouns"])

# verbs whose object is a stop of the trip that is their subject ("the tour includes Y")
ITINERARY_VERBS = frozenset(_WORDS["itinerary_verbs"])


def _has_consequences(verb: Token) -> bool:
    """"... would have (bring, carry) consequences": a promised outcome of the subject's act."""
    return verb.lemma_.lower() in ("have", "bring", "carry", "entail") \
        and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll", "could", "shall", "wo") for a in verb.children) \
        and not any(a.dep_ == "neg" for a in verb.children) \
        and any(d.dep_ == "dobj" and d.lemma_.lower() in OUTCOME_NOUNS
                and not any(p.dep_ == "prep" and p.lower_ == "for" for p in d.children) for d in verb.children) \
        and not any(p.dep_ == "prep" and p.lower_ == "for" for p in verb.children) \
        or _becomes_target(verb)


def _becomes_target(verb: Token) -> bool:
    """"... would be (become) a legitimate target": a promised blow on the subject."""
    return verb.lemma_.lower() in ("be", "become") \
        and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll", "could", "shall", "wo") for a in verb.children) \
        and not any(a.dep_ == "neg" for a in verb.children) \
        and any(d.dep_ == "attr" and d.lemma_.lower() == "target" for d in verb.children)

# what a body holds whose boycott is a boycott of the body ("boycott meetings of X")
BODY_MEETINGS = frozenset(_WORDS["body_meetings"])

class ObjectsMixin:
    """Methods of `relext.pipeline.arguments.Arguments` (see the module docstring)."""

    # -- objects ---------------------------------------------------------------------
    def objects(self, tok: Token, slots: Sequence[str], subjects: List[str]) -> Tuple[List[str], List[Tuple[str, str]]]:
        objs: List[str] = []
        pairs: List[Tuple[str, str]] = []
        passive = None  # whether ``tok`` is passive: found when a "dobj" or "position" slot asks
        for slot in slots:
            if slot == "dobj" and _reduced_passive(tok):
                # "the summit, attended by A and B": the noun the participle modifies
                if self.index.entity(tok.head.i) or tok.head.lower_ == "those":
                    objs.extend(self.entities_of(tok.head))  # "among those banned were A and B"
            elif slot == "dobj":
                if passive is None:
                    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
                deps = ("nsubjpass",) if passive else ("dobj",)
                if passive and tok.dep_ == "ROOT":
                    objs.extend(e for e in self.swallowed_subject(tok) if e not in subjects)
                if passive and tok.dep_ == "xcomp" and tok.head.pos_ in ("AUX", "VERB") \
                        and not any(c.dep_ == "nsubjpass" for c in tok.children) \
                        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                    # "A and B are to be barred from X", "A is expected to be sanctioned": the
                    # subject raised to the verb above the passive infinitive suffers it
                    objs.extend(e for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")
                                for e in self.entities_of(c) if e not in subjects)
                for c in tok.children:
                    if c.dep_ in deps:
                        found = self.entities_of(c, positions=True)
                        if not found and c.tag_ == "NNS":
                            found = self._verb_listed(tok, c)
                        if c.pos_ == "PRON" and not c.lower_.endswith(("self", "selves")):
                            # "A, B and C cut ties with X and accused it": a plain pronoun
                            # object is never its own clause's subject
                            kept = [e for e in found if e not in subjects]
                            if found and tok.dep_ == "conj" and tok.head.dep_ == "ccomp" \
                                    and tok.lemma_.lower() in REPORTER_ACTS:
                                # "X's minister said Y had lied and accused it": the reporter's
                                # act on the reported clause's subject, "it" read as the
                                # reporter's side (subjects.py)
                                side = {self.index.entity(x.i) for n in tok.head.head.children if n.dep_ == "nsubj"
                                        for x in n.subtree if self.index.entity(x.i)}
                                inner = [e for n in tok.head.children if n.dep_ == "nsubj"
                                         for e in self.entities_of(n) if e not in subjects]
                                if inner and set(found) <= side | set(subjects):
                                    kept = inner
                            found = kept
                        objs.extend(found)
                if not passive:
                    objs.extend(e for e in self._raised_object(tok) if e not in subjects)
                    if not any(c.dep_ == "dobj" for c in tok.children):
                        # "it fully supported Azerbaijan": the parser may take a bare name
                        # right after the verb for an adverbial noun ("npadvmod")
                        objs.extend(e for c in tok.children if c.dep_ == "npadvmod" and c.pos_ == "PROPN"
                                    and c.i == tok.i + 1 for e in self.entities_of(c) if e not in subjects)
            elif slot.startswith("prep:"):
                word = slot.split(">")[0][5:]
                for p in self._preps(tok, word):
                    found = [e for o in p.children if o.dep_ == "pobj"
                             # "was in the Sudanese delegation (government)": a body one is in, no place
                             if not (word == "in" and tok.lemma_.lower() == "be" and self.index.entity(o.i) is None
                                     and self._is_staff(o))
                             for e in self.entities_of(o, positions=True)]
                    if not found and word in ("for", "to") and tok.pos_ == "NOUN":
                        # "voiced support for it", "its opposition to it": the owner of the one
                        # step "it" stands for ("Finland's bid ... Norway voiced support for it")
                        found = [e for o in p.children if o.dep_ == "pobj" and o.lower_ in ("it", "this")
                                 and self.index.entity(o.i) is None for e in pronoun_step_owner(self, o)]
                    if word == "from":  # "barred from entering X", "banned from travelling to X"
                        found += [e for v in p.children if v.dep_ == "pcomp" and v.lemma_.lower() in ENTRY_VERBS
                                  for o in [d for d in v.children if d.dep_ == "dobj"]
                                  + [x for q in v.children if q.dep_ == "prep" and q.lower_ in ("to", "into")
                                     for x in q.children if x.dep_ == "pobj"]
                                  for e in self.entities_of(o)]
                    if word in ("to", "for"):
                        # "flying to the G20 in Brazil": the place the destination is in
                        found += [e for o in p.children if o.dep_ == "pobj" for q in o.children
                                  if q.dep_ == "prep" and q.lower_ == "in" for x in q.children if x.dep_ == "pobj"
                                  for e in self.entities_of(x)
                                  if self.index.type_of(e) in ("LOCATION", "COUNTRY")]
                    if word == "between" and len(found) >= 2:
                        pairs.extend(combinations(found, 2))
                    else:
                        objs.extend(found)
                if word in WHERE_PREPS and not objs and tok.dep_ == "relcl" \
                        and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children):
                    # "Kyiv, where Meloni landed": the place the clause modifies
                    objs.extend(self.entities_of(tok.head))
            elif slot.startswith("venue:"):
                # "walked out of X's speech at the Assembly", "a walkout during X's address to
                # the Council": the event (or body meeting) the speech was given at
                for p in self._preps(tok, slot[6:]):
                    objs.extend(e for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in SPEECH_NOUNS
                                for q in o.children if q.dep_ == "prep" and q.lower_ in VENUE_PREPS
                                for x in q.children if x.dep_ == "pobj" for e in self.entities_of(x)
                                if self.index.type_of(e) in ("EVENT", "ORGANISATION"))
            elif slot == "meetings_of":
                # "boycott (all) meetings (the sessions, the work) of the Arctic Council", "the
                # council's meetings": the body whose meetings are shunned
                for c in tok.children:
                    if c.dep_ == "dobj" and c.lemma_.lower() in BODY_MEETINGS:
                        objs.extend(e for o in [p for q in c.children if q.dep_ == "prep" and q.lower_ == "of"
                                                for p in q.children if p.dep_ == "pobj"]
                                    + [q for q in c.children if q.dep_ == "poss"]
                                    for e in self.entities_of(o) if self.index.type_of(e) == "ORGANISATION")
            elif slot == "pair":
                if not objs and not pairs and len(subjects) >= 2:
                    pairs.extend(combinations(subjects, 2))
            elif slot == "small_clause":
                # "declared [X a terrorist organisation]": the parser makes the label noun a
                # clause complement with X as its subject
                objs.extend(e for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("NOUN", "PROPN")
                            for s in c.children if s.dep_ == "nsubj" for e in self.entities_of(s))
            elif slot == "ccomp:nsubj":
                # "warned that X would pay a price / face consequences / be punished": X is
                # threatened; in "warned that Russia would retaliate" Russia is the threat
                for c in list(tok.children) + _fronted_clauses(tok):
                    if c.dep_ == "ccomp" and (c.lemma_.lower() in SUFFER_VERBS or _in_the_sights(c)
                                              or any(a.dep_ == "auxpass" for a in c.children)):
                        for s in c.children:
                            if s.dep_ in ("nsubj", "nsubjpass"):
                                objs.extend(self.entities_of(s))
                            if s.dep_ == "nsubjpass" and s.lemma_.lower() == "membership" \
                                    and c.lemma_.lower() in SUSPENDING_VERBS:
                                # "warned that X's membership could be suspended": the member
                                for h in (h for h in s.children if h.dep_ == "poss"):
                                    members = [e for e in self.entities_of(h) if e not in subjects]
                                    if not members and h.pos_ == "PRON":
                                        # "the League warned that its membership could be
                                        # suspended": not the warner's own; the state named before
                                        members = self._state_named_before(h, set(subjects))
                                    objs.extend(members)
                    elif c.dep_ == "ccomp" and _has_consequences(c):
                        # "warned that X's behaviour would have consequences": the doer of the act
                        for s in c.children:
                            if s.dep_ == "nsubj":
                                objs.extend(self.entities_of(s) or [
                                    e for h in s.children if h.dep_ in ("poss", "amod", "compound")
                                    and s.lemma_.lower() in self.position_nouns for e in self.entities_of(h)])
            elif slot == "ccomp:target":
                # "warned it would retaliate (take countermeasures) against X", "warned it would
                # impose sanctions on X", "warned it would strike X": a named target of a blow
                for c in tok.children:
                    if c.dep_ != "ccomp" or c.pos_ != "VERB" \
                            or any(a.dep_ == "neg" for a in c.children) and not undeterred(c):
                        continue  # "would not hesitate to impose sanctions on X" promises them
                    words = ("against",) + (("on", "upon") if c.lemma_.lower() in ("impose", "slap", "levy") else ())
                    objs.extend(e for w in words for p in self._preps(c, w) for o in p.children
                                if o.dep_ == "pobj" and self.index.entity(o.i) for e in self.entities_of(o))
                    if c.lemma_.lower() in HOSTILE_VERBS:
                        objs.extend(e for d in c.children if d.dep_ == "dobj" and self.index.entity(d.i)
                                    for e in self.entities_of(d))
                    # "warned that it would cut aid to X (consider expelling X, quit X)"
                    objs.extend(e for e in blow_targets(self, c) if e not in objs)
            elif slot in ("ccomp:threat", "ruin", "casus_belli"):
                # "said it would strike X if provoked", "vowed to turn X into a sea of fire",
                # "would treat any move by X as an act of war" (threat_wordings.py)
                objs.extend(threat_targets(tok, slot, self.entities_of,
                                           lambda t: self.index.entity(t.i) is not None))
            elif slot == "provoker":
                # "said it would retaliate if X joined NATO": the doer of the condition
                objs.extend(provokers(self, tok))
            elif slot == "answered_act":
                # "said it would respond to any attack by X": the doer of the wrong answered
                objs.extend(answered_doers(self, tok))
            elif slot == "ccomp:doer":
                # "complained (alleged, charged) that X had broken the deal": the active subject
                # of the complement is the one reproached; a passive one suffers
                for c in tok.children:
                    if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") \
                            and not any(a.dep_ in ("auxpass", "nsubjpass") for a in c.children):
                        doers = [e for s in c.children if s.dep_ == "nsubj" for e in self.entities_of(s)]
                        if any(s.dep_ == "nsubj" and s.pos_ == "PRON" for s in c.children):
                            # "A and B shouted at C, charging that he lied": a pronoun is none
                            # of the coordinated accusers
                            joint = self.cached(("subj", tok.i), self.subjects, tok)
                            if len(joint) > 1:
                                doers = [e for e in doers if e not in joint]
                        objs.extend(doers)
            elif slot == "that_clause:doer":
                # "X's accusation (charges by X) that Y had armed the rebels": the active subject
                # of the clause the noun reports (a passive one suffers)
                objs.extend(reported_doers(self, tok))
            elif slot in ("laid_by", "laid_on"):
                # "the sanctions imposed by X on Y"
                objs.extend((laid_by if slot == "laid_by" else laid_on)(self, tok))
            elif slot == "deed":
                # "X expelled Y's diplomats. ... Y condemned the expulsions": the doer of the act
                objs.extend(deed_doers(self, tok))
            elif slot == "denier":
                # "Russia rejected accusations by Ukraine": the one accused denies it
                objs.extend(denier(self, tok))
            elif slot == "dismissed_as":
                objs.extend(dismissed_as(self, tok))
            elif slot == "wanted":
                # "X is wanted (sought) by the ICC", "the ICC wants X arrested"
                objs.extend(wanted(self, tok))
            elif slot == "called_what":
                # "condemned what it called Chinese aggression"
                objs.extend(called_what(self, tok))
            elif slot == "origin":
                # "imposed tariffs on Chinese-made cars (imports of X's wine, steel from X)"
                objs.extend(goods_origin(self, tok))
            elif slot == "acl:dobj":
                for c in tok.children:
                    if c.dep_ == "acl":
                        objs.extend(e for d in c.children if d.dep_ == "dobj" for e in self.entities_of(d))
            elif slot == "purpose":
                # "sanctions meant to freeze funds controlled by X": whom the penalty's purpose names
                objs.extend(purpose_targets(self, tok))
            elif slot == "closed_place":
                # "X was barred from Egyptian ports (Chinese airspace, Iran's waters)": the state
                # that owns the place closed to X
                for p in self._preps(tok, "from"):
                    for o in p.children:
                        if o.dep_ == "pobj" and o.lemma_.lower() in CLOSED_PLACES:
                            objs.extend(e for c in o.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                                        and self.index.entity(c.i) for e in self.entities_of(c)
                                        if self.index.type_of(e) == "COUNTRY")
            elif slot == "acl:target":
                # "new measures (restrictions) targeting X (X's banks)": a participle of aiming
                for c in tok.children:
                    if c.dep_ == "acl" and c.lemma_.lower() in TARGETING_VERBS:
                        objs.extend(e for d in c.children if d.dep_ == "dobj"
                                    for e in self.entities_of(d, positions=True))
            elif slot == "compound":
                for c in tok.children:
                    if c.dep_ in ("compound", "nmod", "amod") and self.index.entity(c.i):
                        objs.append(self.index.entity(c.i))
            elif slot == "xcomp":
                # "threatened to retaliate against X", "threatened to impose sanctions on X",
                # "threatened to cut ties with X" (with a verb of severing only: not "hold talks with")
                for c in tok.children:
                    if c.dep_ == "xcomp" or c.dep_ == "acl" and tok.pos_ == "NOUN" and c.pos_ == "VERB" \
                            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                        # "a threat to attack X", the noun's infinitive
                        for d in c.children:
                            if d.dep_ != "dobj":
                                continue
                            found = self.entities_of(d)
                            if not found and c.lemma_.lower() in SEIZE_VERBS:
                                # "threatened to annex part of X", "to block X's membership"
                                found = [e for x in d.children if x.dep_ == "poss" for e in self.entities_of(x)] \
                                    + [e for p in d.children if p.dep_ == "prep" and p.lower_ == "of"
                                       for o in p.children if o.dep_ == "pobj" for e in self.entities_of(o)]
                            objs.extend(found)
                        severs = c.lemma_.lower() in ("cut", "sever", "break", "end", "suspend", "freeze", "downgrade")
                        if severs or c.lemma_.lower() in ("halt", "stop", "block"):
                            # "threatened to cut off gas supplies to X"
                            objs.extend(e for d in c.children if d.dep_ == "dobj" and d.lemma_.lower() in SUPPLY_NOUNS
                                        for p in d.children if p.dep_ == "prep" and p.lower_ == "to"
                                        for o in p.children if o.dep_ == "pobj" for e in self.entities_of(o))
                            objs.extend(e for p in c.children if p.dep_ in ("prep", "dative") and p.lower_ == "to"
                                        and any(d.dep_ == "dobj" and d.lemma_.lower() in SUPPLY_NOUNS for d in c.children)
                                        for o in p.children if o.dep_ == "pobj" for e in self.entities_of(o))
                        for word in ("against", "on", "upon", "at") + (("with",) if severs else ()):
                            objs.extend(e for p in self._preps(c, word) for o in p.children if o.dep_ == "pobj"
                                        for e in self.entities_of(o))
                        # "threatened to pile (impose) tariffs on Chinese imports (on X's steel)":
                        # the state the goods come from (penalty_targets.goods_origin)
                        objs.extend(e for d in c.children if d.dep_ == "dobj" and d.lemma_.lower() in PENALTY_NOUNS
                                    for e in goods_origin(self, d) if e not in objs)
            elif slot == "ccomp:outcome":
                # "said X's move would have serious consequences (would not go unanswered)"
                objs.extend(outcome_targets(self, tok, self.position_nouns))
            elif slot == "xcomp:blow":
                # "vowed to destroy X", "vowed to take measures against X": a blow promised;
                # not "vowed to support X"
                for c in tok.children:
                    if c.dep_ != "xcomp" or any(a.dep_ == "neg" for a in c.children):
                        continue
                    if tok.lemma_.lower() == "threaten":
                        # "threatened to withdraw from X (to suspend its membership of X)"
                        objs.extend(e for e in step_targets(self, c) if e not in objs)
                    if by_force(c):
                        # "vowed to take X by force (with force if needed)", "the X region"
                        objs.extend(e for d in c.children if d.dep_ == "dobj"
                                    for e in self.entities_of(d) or [x for h in d.children if h.dep_ == "compound"
                                                                     for x in self.entities_of(h)])
                    if c.lemma_.lower() in HOSTILE_VERBS or c.lemma_.lower() in CRUSH_VERBS:
                        objs.extend(e for d in c.children if d.dep_ == "dobj" for e in self.entities_of(d))
                        # "ready to destroy X's economy": the owner of what is ruined
                        objs.extend(owners_ruined(c, self.entities_of))
                    objs.extend(e for w in ("against",) for p in self._preps(c, w) for o in p.children
                                if o.dep_ == "pobj" for e in self.entities_of(o))
                # "warned of countermeasures (retaliation) against X"
                objs.extend(e for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                            for n in p.children if n.dep_ == "pobj" and n.lemma_.lower() in BLOW_NOUNS
                            for q in n.children if q.dep_ == "prep" and q.lower_ == "against"
                            for o in q.children if o.dep_ == "pobj" for e in self.entities_of(o))
            elif slot == "listed":
                # "added X to its blacklist (sanctions list)", "placed X on its entity list"
                lst = tok.lemma_.lower() != "list" or any(
                    c.dep_ == "compound" and c.lemma_.lower() in LIST_KINDS for c in tok.children)
                if lst and tok.dep_ == "pobj" and tok.head.lower_ in ("to", "on") and tok.head.head.pos_ == "VERB" \
                        and tok.head.head.lemma_.lower() in ("add", "place", "put", "include"):
                    objs.extend(e for d in tok.head.head.children if d.dep_ in ("dobj", "nsubjpass")
                                for e in self.entities_of(d, positions=True))
            elif slot == "aimed":
                # "the new sanctions target X": the object of the verb the noun is the subject of
                if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("target", "hit", "punish", "cover"):
                    objs.extend(e for d in tok.head.children if d.dep_ == "dobj" for e in self.entities_of(d, positions=True))
            elif slot == "subject":
                objs.extend(self.subjects(tok))
            elif slot == "poss":
                for c in tok.children:
                    if c.dep_ == "poss":
                        objs.extend(self.entities_of(c))
            elif slot == "bearer":
                # "X faced (drew, incurred) sanctions from Y": the subject of a verb of bearing
                if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in BEARING_VERBS:
                    objs.extend(self.verb_subjects(tok.head))
            elif slot == "governor":
                # "X faced (drew) criticism": the governor's subject bears it; not "X stepped up
                # (voiced) criticism" nor "sharpened their criticism", where X holds it
                if tok.dep_ in ("dobj",) and tok.head.pos_ in ("VERB", "AUX") \
                        and tok.head.lemma_.lower() not in self.support_verbs \
                        and not any(c.dep_ == "poss" for c in tok.children):
                    objs.extend(self.verb_subjects(tok.head))
            elif slot == "patient":
                # "X was hit with sanctions by Y", "X is under US sanctions": who suffers the noun
                if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.lemma_.lower() in BLOW_VERBS:
                    # "X was hit by sanctions from Y": the passive's subject suffers the noun
                    objs.extend(e for c in tok.head.head.children if c.dep_ == "nsubjpass" for e in self.entities_of(c))
                elif tok.dep_ == "pobj" and tok.head.lower_ == "with":
                    objs.extend(e for c in tok.head.head.children if c.dep_ == "nsubjpass" for e in self.entities_of(c))
                    if tok.head.head.lemma_.lower() in BLOW_VERBS:  # "hit X with new sanctions"
                        objs.extend(e for c in tok.head.head.children if c.dep_ == "dobj" for e in self.entities_of(c))
                elif tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.pos_ in ("VERB", "AUX"):
                    objs.extend(self.verb_subjects(tok.head.head))
                elif tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.pos_ == "PROPN" \
                        and tok.head.dep_ == "prep" and self.index.entity(tok.head.head.i):
                    # "X, already under US sanctions, protested": the name the phrase modifies
                    objs.extend(self.entities_of(tok.head.head))
                elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "subject" \
                        and tok.head.head.head.pos_ in ("VERB", "AUX"):
                    objs.extend(self.verb_subjects(tok.head.head.head))  # "X is subject to US sanctions"
            elif slot == "in_protest":
                # "wrote (complained) to X in protest", "summoned X's envoy in protest",
                # "recalled its ambassador from X in protest": whom the protesting act addresses
                v = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "in" else None
                if v is not None and v.dep_ == "dobj":
                    v = v.head  # "summoned [X's envoy in protest]"
                if v is not None and v.pos_ == "VERB" and v.lemma_.lower() in PROTEST_ACTS:
                    holders = [v] + [d for d in v.children if d.dep_ == "dobj"]  # "wrote a letter to X"
                    objs.extend(e for h in holders for p in h.children if p.dep_ == "prep"
                                and p.lower_ in ("to", "with", "from")
                                for o in p.children if o.dep_ == "pobj" for e in self.entities_of(o))
                    if v.lemma_.lower() in ("summon", "expel", "call"):
                        objs.extend(e for d in v.children if d.dep_ == "dobj" for e in self.entities_of(d))
            elif slot == "taken_before":
                # "Bolivia took Chile to court (before the tribunal)", "Chile was hauled before
                # the court by Bolivia": the one brought to the court is the verb's object
                if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "before") and tok.head.head.pos_ == "VERB":
                    v = tok.head.head
                    objs.extend(e for c in v.children if c.dep_ in ("dobj", "nsubjpass") for e in self.entities_of(c))
            elif slot == "governor_object":
                # "held X responsible", "deemed X accountable": the object of the verb whose
                # predicate complement the trigger is
                if tok.dep_ in ("oprd", "ccomp", "acomp", "xcomp", "advcl") and tok.head.lemma_.lower() in SMALL_CLAUSE_VERBS:
                    objs.extend(e for c in tok.head.children if c.dep_ == "dobj" for e in self.entities_of(c))
                    # parsed as a small clause: "held [X responsible]"
                    objs.extend(e for c in tok.children if c.dep_ == "nsubj" for e in self.entities_of(c))
                elif _misparsed_small_clause(tok):  # "held the US responsible", "responsible" an amod
                    objs.extend(self.entities_of(tok.head))
            elif slot == "position":
                # the object is someone's bid, step or accession, never the person itself
                # ("welcomed Iran's accession" supports Iran; "welcomed Modi" is a reception)
                if passive is None:
                    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
                for c in tok.children:
                    if c.dep_ in ("dobj", "nsubjpass") and c.dep_ == ("nsubjpass" if passive else "dobj") \
                            and self.index.entity(c.i) is None and c.lemma_.lower() in self.position_nouns:
                        objs.extend(self.entities_of(c, positions=True))
                    elif c.dep_ == ("nsubjpass" if passive else "dobj") and c.lower_ in ("it", "this"):
                        objs.extend(pronoun_step_owner(self, c))  # "Turkey ratified it"
            elif slot == "itinerary":
                # "X's tour also takes in Y", "the tour, which includes Y": the stops of a trip
                # are the objects of a verb of including whose subject the travel noun is
                verbs = [tok.head] if tok.dep_ == "nsubj" else []
                verbs += [c for c in tok.children if c.dep_ == "relcl"]
                for v in verbs:
                    lemma = v.lemma_.lower()
                    if lemma in ITINERARY_VERBS:
                        objs.extend(e for c in v.children if c.dep_ == "dobj" for e in self.entities_of(c))
                    if lemma == "take":  # "takes in Y" (a particle or a preposition)
                        objs.extend(e for p in v.children if p.dep_ in ("prep", "prt") and p.lower_ == "in"
                                    for o in (list(p.children) + [c for c in v.children if c.dep_ == "dobj"])
                                    if o.dep_ in ("pobj", "dobj") for e in self.entities_of(o))
            elif slot == "summoned":
                # "summoned X's ambassador and lodged a protest", "called in X's envoy and lodged
                # a protest", "lodged a protest after summoning the X envoy": whose envoy it is
                v = tok.head if tok.dep_ == "dobj" else None
                if v is not None and v.pos_ == "VERB":
                    near = [v.head] if v.dep_ == "conj" else []
                    near += [c for c in v.children if c.dep_ == "conj"]
                    near += [p for c in v.children if c.dep_ == "prep" and c.lower_ in ("after", "by")
                             for p in c.children if p.dep_ == "pcomp"]
                    for w in near:
                        if w.lemma_.lower() not in SUMMON_VERBS:
                            continue
                        held = [c for c in w.children if c.dep_ == "dobj"]
                        held += [o for c in w.children if c.dep_ in ("prep", "prt") and c.lower_ == "in"
                                 for o in c.children if o.dep_ == "pobj"]  # "called in X's envoy"
                        if w.lemma_.lower() == "call" and not any(c.lower_ == "in" for c in w.children):
                            continue
                        objs.extend(e for h in held if h.lemma_.lower() in ENVOY_NOUNS for e in self.entities_of(h))
            elif slot == "dative":
                for c in tok.children:
                    if c.dep_ == "dative":
                        objs.extend(self.entities_of(c))
        if tok.dep_ in ("relcl",) and not objs and _relative_fills(tok, slots):
            # "the Games, which Putin will attend"
            rel = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS]
            if rel:
                objs.extend(self.entities_of(tok.head))
        return list(dict.fromkeys(objs)), pairs

    def _raised_object(self, tok: Token) -> List[str]:
        """"Kenya armed and funded Somalia", "condemned and sanctioned X": a verb with no
        complement of its own shares the object of the next verb it is coordinated with,
        when that verb has no subject of its own ("A criticised and B sanctioned X" does not
        share)."""
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd", "dative", "acomp", "nsubjpass")
               or c.dep_ == "prep" and any(p.dep_ == "pobj" for p in c.children) for c in tok.children):
            return []
        nxt = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i), None)
        if nxt is None or any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in nxt.children) \
                or not any(c.dep_ == "cc" and c.i < nxt.i for c in tok.children) \
                or nxt.i - tok.i > 3:
            return []  # only "V1 and V2 X" / "V1 or V2 X", the two verbs side by side
        return [e for c in nxt.children if c.dep_ == "dobj" for e in self.entities_of(c, positions=True)]

    def _state_named_before(self, pron: Token, excluded: set) -> List[str]:
        """The country named last before ``pron`` in its sentence or the one before it,
        other than ``excluded``."""
        first = pron.sent.start
        if first > 0:
            first = pron.doc[first - 1].sent.start
        for i in range(pron.i - 1, first - 1, -1):
            e = self.index.entity(i)
            if e is not None and e not in excluded and self.index.type_of(e) == "COUNTRY":
                return [e]
        return []

    def _verb_listed(self, verb: Token, noun: Token) -> List[str]:
        """The members of a plural object named by a list set off after it, which the parser
        may hang anywhere: "threatened several airlines, among them A and B, with sanctions"."""
        doc, k = noun.doc, max((t.i for t in noun.subtree if not t.is_punct), default=noun.i) + 1
        if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in ("among", "including"):
            return []
        k += 3 if doc[k + 1].lower_ == "among" and doc[k + 2].lower_ == "them" else 2
        if k < len(doc) and doc[k].pos_ == "ADP":
            return []  # "several banks, including in Cyprus": where, not which
        out: List[str] = []
        while k < len(doc) and doc[k].text not in (",", ";", ".", ")", ":") and doc[k].pos_ != "VERB":
            e = self.index.entity(doc[k].i)
            if e is not None and not (doc[k].dep_ in ("amod", "compound", "nmod", "poss") and doc[k].head.i > k
                                      and self.index.entity(doc[k].head.i) != e):
                out.append(e)  # "Russian carrier Aeroflot": the carrier, not Russia
            k += 1
        return list(dict.fromkeys(out))

    def _preps(self, tok: Token, word: str) -> List[Token]:
        """Prepositions ``word`` on the trigger, its particle, or its direct object."""
        holders = [tok] + [c for c in tok.children if c.dep_ in ("prt", "advmod", "dobj", "acomp")
                           or c.dep_ == "prep" and c.lower_ in PARTICLES]  # "walked out [of X]"
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.support_verbs:
            holders.append(tok.head)  # "gave his backing to X", "imposed sanctions on X"
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and word == "with" and tok.head.head.pos_ == "VERB":
            holders.append(tok.head.head)  # "acted in solidarity [with X]", "is in talks [with X]"
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and word in ("in", "at", "to") \
                and tok.head.pos_ == "VERB":
            holders.append(tok.head)  # "cancelled his stop [in X]": the place hangs on the verb
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and word == "with" and tok.head.pos_ == "VERB" \
                and self.modality.calls_off(tok.head):
            holders.append(tok.head)  # "cancelled a meeting on 3 June [with X]"
        if tok.pos_ in ("NOUN", "PROPN") and word == "with":
            # "the meeting he had planned (sought) with X": the clause about the noun carries it
            holders.extend(c for c in tok.children if c.dep_ == "relcl" and c.lemma_.lower() in ARRANGING_VERBS)
        if tok.pos_ in ("ADJ", "ADV") and tok.dep_ in ("acomp", "advmod"):
            holders.append(tok.head)  # "will be present on Friday at the ceremony"
        if word in ("by", "from") and tok.pos_ == "NOUN":
            misplaced = misattached_author(tok)  # "rejected the allegation [by X] that Y ..."
            if misplaced is not None and misplaced[0].lower_ == word:
                holders.append(tok.head)
        if tok.pos_ in ("NOUN", "PROPN"):
            # a participle after the noun carries its object: "sanctions imposed on X",
            # "threats aimed at X", "a boycott directed against X"
            holders.extend(c for c in tok.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"))
        if tok.pos_ in ("NOUN", "PROPN"):
            # "the blame for the crisis on X": the parser hangs "on X" on the inner noun
            holders.extend(o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("for", "over", "about", "on")
                           and p.lower_ != word
                           for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and not self.index.entity(o.i))
        if word in ("for", "at"):
            # "travelled to X for the summit", "stood in for the Queen at the summit": the
            # parser hangs the phrase on the object of the trigger's other preposition
            holders.extend(o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("to", "for") and p.lower_ != word
                           for o in p.children if o.dep_ == "pobj")
        if word == "of":
            # "arrived on the eve of the talks": the time phrase carries the event
            holders.extend(o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "at")
                           for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in EVE_NOUNS)
        for c in list(holders[1:]):
            if c.dep_ == "dobj":
                holders.extend(p for p in c.children if p.dep_ == "prep" and p.lower_ == "of")
                holders.extend(o for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                               for o in p.children if o.dep_ == "pobj")
        out = []
        for h in holders:
            for c in h.children:
                # "supplied weapons [to X]": the parser may call the recipient a dative
                if (c.dep_ in ("prep", "agent") or c.dep_ == "dative" and word == "to") and c.lower_ == word:
                    out.append(c)
                    # "with A and with B": the repeated preposition is a conjunct of the first
                    out.extend(x for x in c.children if x.dep_ == "conj" and x.lower_ == word)
        return out

    def reciprocal(self, tok: Token, slots: Sequence[str]) -> bool:
        """Whether the object is "each other" / "one another" (or their possessive):
        the subjects then relate to one another, in both directions."""
        nouns = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        for slot in slots:
            if slot.startswith("prep:"):
                nouns += [o for p in self._preps(tok, slot.split(">")[0][5:]) for o in p.children if o.dep_ == "pobj"]
        for n in nouns:
            for t in [n] + list(n.children):
                if t.lower_ in ("other", "another") and t.i > 0 and t.doc[t.i - 1].lower_ in ("each", "one"):
                    return True
        if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ("mutual", "reciprocal") for c in tok.children):
            return True  # "A and B reaffirmed their mutual support"
        # "A and B traded (exchanged) threats": a plural noun trigger of an exchange verb
        return tok.pos_ == "NOUN" and tok.tag_ == "NNS" and tok.dep_ == "dobj" \
            and tok.head.lemma_.lower() in ("trade", "exchange", "swap")

    def has_explicit_object(self, tok: Token, particle: Optional[str] = None) -> bool:
        """Whether the trigger has a direct object or a prepositional object of its own.

        A phrasal verb ("went on", "go ahead") counts as having one: it means something else.
        """
        kids = list(tok.children)
        if tok.pos_ in ("ADJ", "ADV") and tok.dep_ in ("acomp", "advmod"):
            kids += [c for c in tok.head.children if c.dep_ == "prep"]
        for c in kids:
            if c.dep_ == "prt" and c.lower_ != particle:
                return True  # (the rule's own particle is none: "pulled out", "will sit out")
            if (c.dep_ == "prt" or c.dep_ == "prep" and c.lower_ == particle) and any(
                    g.dep_ == "prep" and g.lower_ in ("of", "from") and any(
                    p.dep_ == "pobj" and p.lemma_.lower() not in EVENT_ROOMS for p in g.children) for g in c.children):
                return True  # "walked out of the hotel (the deal)": the particle's own object; not
                # a room of the event ("walked out of the hall": the event in focus)
            if c.dep_ in ("dobj", "nsubjpass") and not self._is_staff(c) and c.lower_ != particle:
                return True  # ("take part": the particle is no object)
            if c.dep_ == "prep" and c.lower_ == "of" and c.i < tok.i and any(
                    s.dep_ in ("nsubj", "nsubjpass") and s.i > c.i for s in kids):
                continue  # a fronted partitive: "Of the invited states, only A and B sent leaders"
            if c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in PRESENCE_NOUNS and all(
                    self.index.type_of(e) in ("PERSON", "COUNTRY", "ORGANISATION")
                    for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p) or [None]):
                continue  # "the presence of X": who is there, not where
            if c.dep_ in ("prep",) and c.lower_ in ("to", "at", "in", "for", "of") and \
                    not protest_phrase(c) and \
                    any(p.dep_ == "pobj" and not p.lemma_.lower() in ("point", "time", "moment", "place", "stead", "person", "absentia")
                        and p.ent_type_ not in ("DATE", "TIME") and not p.like_num and p.lower_ not in MONTHS
                        for p in c.children):  # ("joined in May": the tagger may not read a month as a
                # date; "will be there in person": a manner, no place; "will stay away in protest
                # (at X)": a reason, no place)
                return True
        return False

    def _is_staff(self, t: Token) -> bool:
        nouns = [t] + [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        return any(n.lemma_.lower() in self.staff or n.lower_ in self.staff for n in nouns)


# rooms an event is held in: leaving one is leaving the event ("walked out of the hall")
EVENT_ROOMS = frozenset(_WORDS["event_rooms"])
# where a threatened one is aimed at: "X could find itself (would be) in the sights
# (crosshairs, firing line) of our missiles"
AIMED_AT_NOUNS = frozenset(_WORDS["aimed_at_nouns"])
# what has someone in its sights when that is a threat ("of Russian missiles")
WEAPON_NOUNS = frozenset(_WORDS["weapon_nouns"])


def _relative_fills(verb: Token, slots: Sequence[str]) -> bool:
    """Whether the noun a relative clause modifies can fill one of ``slots`` of ``verb``: a
    slot other than a preposition ("the Games, which Putin will attend"), or a preposition
    left stranded on the verb ("the summit that Putin would go to"). A verb asked only for
    prepositions it does not strand takes nothing from the noun ("told a conference that X
    would not go" is no "go after" of the conference)."""
    if not all(s.startswith("prep:") for s in slots):
        return True
    stranded = {p.lower_ for p in verb.children
                if p.dep_ == "prep" and not any(o.dep_ in ("pobj", "pcomp") for o in p.children)}
    return any(s.split(">")[0][5:] in stranded for s in slots)


def _fronted_clauses(verb: Token) -> List[Token]:
    """The fronted clause a reporting verb in parataxis really reports, when the parser hung
    it on the byline's verb after it: "X could face ..., Y has warned, writes Z" (the clause
    is a complement of "writes", "warned" a parataxis or second complement of it). Only
    when ``verb`` has no complement of its own."""
    if verb.dep_ not in ("parataxis", "ccomp") or verb.head.lemma_.lower() not in BYLINE_VERBS \
            or any(c.dep_ == "ccomp" for c in verb.children):
        return []
    return [c for c in verb.head.children if c.dep_ == "ccomp" and c.i < verb.i]


def _in_the_sights(verb: Token) -> bool:
    """Whether the clause ``verb`` puts its subject in the sights of weapons ("X would find
    itself in the sights (crosshairs) of our missiles"; not "of investors")."""
    return verb.lemma_.lower() in ("find", "be", "land", "end", "come") and any(
        p.dep_ == "prep" and p.lower_ in ("in", "into", "within", "under") and any(
            o.dep_ == "pobj" and o.lower_ in AIMED_AT_NOUNS and any(
                q.dep_ == "prep" and q.lower_ == "of" and any(w.dep_ == "pobj" and w.lower_ in WEAPON_NOUNS
                                                             for w in q.children) for q in o.children)
            for o in p.children) for p in verb.children)
