"""ACCUSES and THREATENS stated through what is said of the object, not through a verb of accusing.

- wrongdoing named as the reason for an action: "boycott the Games over China's human
  rights abuses", "signed on to the protest over abuses by China" -> the actor ACCUSES
  the wrongdoer;
- wrongdoing in someone's words: "Zhao said the US used the Games for political
  manipulation", "'... the Chinese government's violations of human rights,' said
  Trudeau" -> the speaker ACCUSES the wrongdoer;
- "X will pay a (heavy) price": whoever says so THREATENS X ("China warned that the US
  would pay a price").
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ._lookup import positions_where
from .records import record

REASON_PREPS = {"over", "for", "against", "at"}
ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")
# wrongs whose "of X" is the one wronged ("the invasion of Ukraine")
VICTIM_OF_NOUNS = {"invasion", "aggression", "occupation", "annexation", "suppression", "repression", "oppression",
                   "intimidation", "bullying", "coercion", "persecution", "crackdown", "manipulation", "smear",
                   "smears", "espionage", "sabotage", "interference", "meddling"}
# nouns of reproach or penalty whose reason is a wrong their holder blames on someone
REPROACH_NOUNS = {"criticism", "condemnation", "sanction", "sanctions", "boycott", "protest", "protests", "rebuke",
                  "anger", "outrage", "punishment", "penalty", "penalties", "measures", "complaint", "complaints",
                  "accusation", "accusations", "censure", "fury", "ire", "retaliation"}
# verbs whose subject does the wrong their object names ("committed atrocities")
DOING_VERBS = {"commit", "carry", "conduct", "perpetrate", "wage", "launch", "stage", "engage", "use", "practise",
               "practice", "continue", "escalate", "orchestrate", "issue", "make", "spread", "pursue", "hurl"}
# what a warning says will follow ("there will be consequences", "countermeasures")
RETALIATION_NOUNS = {"consequence", "retaliation", "countermeasure", "reprisal", "reprisals", "countermeasures",
                     "consequences"}
PRICE_NOUNS = {"price", "cost", "costs", "consequence", "consequences"}


def grievances(doc: Doc, index, args, words, wrongdoing: set, reporting: set, adjectives=None) -> List[Dict]:
    """ACCUSES/THREATENS records for ``doc`` (see the module docstring); ``words`` is a
    `WordSet` of the wrongdoing nouns and "pay"."""
    out: List[Dict] = []
    # wrongdoing nouns, and nouns that a condemning adjective makes one ("its wrong actions")
    positions = set(words.positions(doc))
    if adjectives is not None:
        positions.update(doc[i].head.i for i in adjectives.positions(doc) if doc[i].dep_ == "amod")
    for i in sorted(positions):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        is_wrong = lemma in wrongdoing or (adjectives is not None and
                                           any(c.dep_ == "amod" and c.lower_ in adjectives for c in tok.children))
        said = tok.pos_ == "NOUN" and is_wrong and _said_by(tok, index, args, reporting)
        if said:
            speakers, wrongdoers = said
            for a in speakers:
                for w in wrongdoers:
                    if a != w:
                        out.append(record(tok, a, "ACCUSES", w, rule_id="ACCUSES:wrongdoing-said", modality="ASSERTED"))
        elif tok.pos_ == "NOUN" and is_wrong and tok.dep_ == "pobj" and tok.head.lower_ in REASON_PREPS:
            wrongdoers = _wrongdoers(tok, index, args)
            holder = tok.head.head
            if holder.pos_ in ("VERB", "AUX"):
                accusers = args.verb_subjects(holder)
            elif holder.pos_ in ("NOUN", "PROPN") and holder.lemma_.lower() in REPROACH_NOUNS:
                # "sanctions over X's abuses"; not "responsibility for X's crimes"
                accusers = args.noun_subjects(holder)
            else:
                accusers = []
            negated, cue = args.modality.negation(holder)
            modality, source = args.modality.modality(holder, args)
            for a in accusers:
                for w in wrongdoers:
                    if a != w:
                        out.append(record(tok, a, "ACCUSES", w, rule_id="ACCUSES:wrongdoing-reason", negated=negated,
                                          modality=modality, source=source, cue=cue))
        if lemma == "pay" and tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in PRICE_NOUNS for c in tok.children):
            payers = args.verb_subjects(tok)
            speaker = _speaker(tok, args, reporting)
            for s in speaker:
                for p in payers:
                    if s != p:
                        out.append(record(tok, s, "THREATENS", p, rule_id="THREATENS:pay-a-price", modality="REPORTED"))
    out.extend(_conditional_warnings(doc, index, args, reporting))
    return out


def _conditional_warnings(doc: Doc, index, args, reporting: set) -> List[Dict]:
    """"If X joins NATO, there will be consequences (retaliation, countermeasures)" in
    someone's words: the speaker THREATENS X (GUIDELINES: conditional warnings are threats)."""
    from .coreference import speaker_of_quote

    out: List[Dict] = []
    starts = positions_where(doc, lambda w: w in RETALIATION_NOUNS or w == "retaliate", attr="LEMMA")
    starts += positions_where(doc, lambda w: w == "retaliatory")
    for i in sorted(set(starts)):
        tok = doc[i]
        low = tok.lemma_.lower()
        if not (tok.pos_ == "NOUN" and low in RETALIATION_NOUNS or tok.pos_ == "VERB" and low == "retaliate"
                or tok.pos_ == "ADJ" and tok.lower_ == "retaliatory"):
            continue
        clause = tok if tok.pos_ == "VERB" else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            continue
        conditions = [c for c in clause.children if c.dep_ == "advcl" and _is_condition(c)]
        if not conditions and clause.dep_ == "relcl":  # "consequences that would call for retaliatory steps"
            outer = next((a for a in clause.ancestors if a.pos_ in ("VERB", "AUX")), None)
            conditions = [c for c in outer.children if c.dep_ == "advcl" and _is_condition(c)] if outer is not None else []
        targets = [e for c in conditions for s in c.children if s.dep_ in ("nsubj", "nsubjpass")
                   for e in args.entities_of(s) if index.type_of(e) in ACTOR_TYPES]
        borne = [e for p in tok.children if p.dep_ == "prep" and p.lower_ == "for"
                 for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        if not targets or any(b not in targets for b in borne):
            continue  # "if X acts, the consequences for Y would be severe": an outlook, not a threat
        speakers = _speaker(clause, args, reporting)
        if not speakers:
            ent_at = {i: (e, index.type_of(e)) for i, e in index.by_token.items()}
            who = speaker_of_quote(doc, tok, ent_at)
            speakers = [who] if who else []
        for a in speakers:
            for t in targets:
                if a != t:
                    out.append(record(tok, a, "THREATENS", t, rule_id="THREATENS:conditional-consequences",
                                      modality="REPORTED"))
    return out


def _is_condition(clause: Token) -> bool:
    """"if X joins", "unless X stops", "should X join" (inverted)."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children) \
        or any(c.dep_ == "aux" and c.lower_ == "should" and c.i < min((s.i for s in clause.children if s.dep_ == "nsubj"),
                                                                        default=-1) for c in clause.children)


def _wrongdoers(tok: Token, index, args) -> List[str]:
    """Who did the wrong a noun names: its possessor or name modifier ("Russia's
    invasion"), "by X", and "of X" only where "of" cannot name the victim."""
    out = []
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and index.entity(c.i):
            out.append(index.entity(c.i))
        elif c.dep_ == "prep" and c.lower_ == "by":
            out += [e for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
    if not out and tok.lemma_.lower() not in VICTIM_OF_NOUNS:
        # "the abuses of the regime"; but "the invasion of Ukraine" names the victim
        out += [e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
    return list(dict.fromkeys(out))


def _said_by(tok: Token, index, args, reporting: set):
    """``(speakers, wrongdoers)`` when the wrongdoing ``tok`` names is in someone's words:
    the complement of a reporting verb, or a quotation with a known speaker."""
    from .coreference import speaker_of_quote

    wrongdoers = _wrongdoers(tok, index, args)
    speakers: List[str] = []
    clause_verb = None
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and clause_verb is None:
            clause_verb = anc
            if clause_verb.dep_ not in ("ccomp", "parataxis"):
                break  # the words must be a reported clause, not the reporter's own
            continue
        if anc.lemma_.lower() in reporting and anc.pos_ == "VERB":
            speakers = args.verb_subjects(anc)
            break
    if not speakers:
        ent_at = {i: (e, index.type_of(e)) for i, e in index.by_token.items()}
        who = speaker_of_quote(tok.doc, tok, ent_at)
        speakers = [who] if who else []
    if not speakers:
        return None
    if not wrongdoers and clause_verb is not None and (tok.dep_ == "pobj" or clause_verb.lemma_.lower() in DOING_VERBS) \
            and not any(c.dep_ == "neg" for c in clause_verb.children):
        # "the US used the platform for manipulation", "X committed atrocities"; not
        # "Canada would not tolerate interference" (the subject suffers it)
        wrongdoers = args.verb_subjects(clause_verb)
    wrongdoers = [w for w in wrongdoers if w not in speakers and index.type_of(w) in ACTOR_TYPES]
    return (speakers, wrongdoers) if wrongdoers else None


def _speaker(tok: Token, args, reporting: set) -> List[str]:
    """Who says that someone will pay: the subject of the reporting verb above ``tok``."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return []
        if cur.dep_ in ("ccomp", "parataxis", "xcomp", "conj", "advcl"):
            cur = cur.head
            if cur.lemma_.lower() in reporting or cur.lemma_.lower() in ("warn", "caution", "threaten", "retort", "vow"):
                return args.verb_subjects(cur)
            continue
        return []
    return []
