"""ACCUSES and THREATENS stated through what is said of the object, not through a verb of accusing.

- wrongdoing named as the reason for an action: "boycott the Games over China's human
  rights abuses", "signed on to the complaint about abuses by Iran" -> the actor ACCUSES
  the wrongdoer;
- wrongdoing in someone's words: "Zhao said the US used the Games for political
  manipulation", "'... the Chinese government's violations of human rights,' said
  Trudeau" -> the speaker ACCUSES the wrongdoer;
- "X will pay a (heavy) price": whoever says so THREATENS X ("China warned that the US
  would pay a price");
- blame stated with a copula in someone's words: "Kenya said Uganda was behind the
  attack (was responsible for the killings, is to blame, is guilty of war crimes)" -> the
  speaker ACCUSES the one blamed; likewise the owner of a fault ("Kenya said any new
  clash would be the fault of Uganda (would be Uganda's fault)", "said the blame (fault)
  lay with Uganda");
- incitement in someone's words: "Kenya said Uganda had incited (stirred up, fuelled)
  violence (hatred, unrest)" -> Kenya ACCUSES Uganda (cues ``inciting_verbs``,
  ``incited_harms``);
- a consequence promised in someone's words: "X will regret it (be sorry, face serious
  consequences, answer for it)", "X is playing with fire" -> the speaker THREATENS X.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in, positions_of_words
from .records import record
from .threat_clauses import answered

# word lists: relext/data/words/grievances.yaml
_WORDS = read_data("words/grievances.yaml")

REASON_PREPS = frozenset(_WORDS["reason_preps"])
ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")
# wrongs whose "of X" is the one wronged ("the invasion of Ukraine")
VICTIM_OF_NOUNS = frozenset(_WORDS["victim_of_nouns"])
# nouns of reproach or penalty whose reason is a wrong their holder blames on someone
REPROACH_NOUNS = frozenset(_WORDS["reproach_nouns"])
# verbs whose subject does the wrong their object names ("committed atrocities")
DOING_VERBS = frozenset(_WORDS["doing_verbs"])
# what a warning says will follow ("there will be consequences", "countermeasures")
RETALIATION_NOUNS = frozenset(_WORDS["retaliation_nouns"])
PRICE_NOUNS = frozenset(_WORDS["price_nouns"])
# harm whose author a copula names ("was behind the attack", "responsible for the deaths")
HARM_NOUNS = frozenset(_WORDS["harm_nouns"])
# what someone "will face (suffer, incur)" when threatened
CONSEQUENCE_NOUNS = frozenset(_WORDS["consequence_nouns"])
FACING_VERBS = frozenset(_WORDS["facing_verbs"])
REGRET_VERBS = {"regret", "rue"}
PROMISING_AUX = frozenset(_WORDS["promising_aux"])
# penalties a condition makes a warning ("if X attacks, we will impose sanctions")
PENALTY_NOUNS = frozenset(_WORDS["penalty_nouns"])
# verbs (and their nouns) that can carry a conditional warning: retaliating, punishing,
# hitting back, responding
WARNING_VERBS = frozenset(_WORDS["warning_verbs"])
# how a threatened answer is given ("respond firmly", "a decisive response")
FIRM_WORDS = frozenset(_WORDS["firm_words"])
# adjectives of guilt that need no harm noun after them ("is guilty of", "is to blame")
GUILT_ADJECTIVES = {"guilty", "culpable"}
BLAME_ADJECTIVES = {"responsible", "accountable"}
# nouns of blame whose owner is the one blamed ("was the fault of X", "is X's fault")
FAULT_NOUNS = {"fault"}
# verbs that place a fault on its owner ("the blame lies (rests) with X")
LYING_VERBS = {"lie", "rest"}
_CUES = read_data("cues.yaml")
# verbs of stirring up harm and the harms they stir ("said X had incited violence")
INCITING_VERBS = frozenset(_CUES["inciting_verbs"])
INCITED_HARMS = frozenset(_CUES["incited_harms"])
WEAPONISING_VERBS = frozenset(_CUES["weaponising_verbs"])
WEAPON_NOUNS = frozenset(_CUES["weapon_nouns"])
# prepositions that set a scene rather than charge someone ("after Russia's invasion")
SETTING_PREPS = frozenset(_WORDS["setting_preps"])


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
        if said and any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in tok.children):
            # "we will respond firmly to any provocation by X", "any aggression by X will be
            # met with a firm response": a wrong not done yet, answered by a threat
            speakers, wrongdoers = said
            if answered(tok):
                out += _pairs(tok, speakers, "THREATENS", wrongdoers, "THREATENS:any-wrong-answered", "REPORTED")
        elif said:
            speakers, wrongdoers = said
            out += _pairs(tok, speakers, "ACCUSES", wrongdoers, "ACCUSES:wrongdoing-said", "ASSERTED")
        elif tok.pos_ == "NOUN" and is_wrong and tok.dep_ == "pobj" and _reason_prep(tok.head) is not None:
            wrongdoers = _wrongdoers(tok, index, args)
            holder = _reason_prep(tok.head).head
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
            if payers and set(payers) <= set(speaker):
                # "X called Y a tyrant and warned he would pay a heavy price": nobody foretells his own
                # price; the pronoun is the other one named before it in the sentence
                payers = _other_referent(tok, index, set(speaker))
            for s in speaker:
                for p in payers:
                    if s != p:
                        out.append(record(tok, s, "THREATENS", p, rule_id="THREATENS:pay-a-price", modality="REPORTED"))
    out.extend(_conditional_warnings(doc, index, args, reporting))
    out.extend(_reported_blame(doc, index, args, reporting))
    out.extend(_reported_incitement(doc, index, args, reporting))
    out.extend(_promised_consequences(doc, index, args, reporting))
    return out


def _promised_consequences(doc: Doc, index, args, reporting: set) -> List[Dict]:
    """"X will regret it (be sorry, face serious consequences, answer for the damage)" in
    someone's words: the speaker THREATENS X. A past or plain statement ("X faced
    criticism", "X regrets the delay") promises nothing."""
    out: List[Dict] = []
    # only these words can fire the tests below: the verbs' lemmas ("play" for "playing with
    # fire") and "sorry"
    starts = positions_in(doc, FACING_VERBS, REGRET_VERBS, {"answer", "play"}, attr="LEMMA")
    starts += positions_of_words(doc, ["sorry"])
    for i in sorted(set(starts)):
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and lemma in FACING_VERBS:
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in CONSEQUENCE_NOUNS for c in tok.children):
                continue
            verb = tok
        elif tok.pos_ == "VERB" and lemma in REGRET_VERBS:
            verb = tok
        elif tok.pos_ == "VERB" and lemma == "answer" and any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
            verb = tok
        elif tok.lower_ == "sorry" and tok.dep_ == "acomp" and tok.head.lemma_.lower() == "be":
            verb = tok.head
        elif _plays_with_fire(tok):
            verb = tok  # "X is playing with fire": an idiom of threat, whatever the tense
        else:
            continue
        if not (verb is tok and _plays_with_fire(tok)) and not any(c.dep_ == "aux" and c.lower_ in PROMISING_AUX
                                                                   for c in verb.children) \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        targets = [e for e in args.verb_subjects(verb) if index.type_of(e) in ACTOR_TYPES]
        if not targets:
            continue
        speakers = _speaker(verb, args, reporting)
        if not speakers and verb.dep_ in ("ROOT", "conj"):
            quoted = any(t.text in ('"', "“", "”") for t in doc[max(0, tok.sent.start - 1):min(len(doc), tok.sent.end + 1)])
            speakers = _quote_speakers(tok, index) if quoted else []
        out += _pairs(tok, speakers, "THREATENS", targets, "THREATENS:promised-consequences", "REPORTED")
    return out


def _plays_with_fire(tok: Token) -> bool:
    """"X is playing with fire"."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() == "play" and any(
        p.dep_ == "prep" and p.lower_ == "with" and any(o.lower_ == "fire" for o in p.children) for p in tok.children)


def _pairs(tok: Token, subjects: List[str], predicate: str, objects: List[str], rule_id: str,
           modality: str) -> List[Dict]:
    """One record per subject and object that are not the same entity."""
    return [record(tok, a, predicate, o, rule_id=rule_id, modality=modality)
            for a in subjects for o in objects if a != o]


def _quote_speakers(tok: Token, index) -> List[str]:
    """The speaker of the quotation ``tok`` stands in, as a one-item list (empty when the
    quotation has no known speaker)."""
    from .coreference import speaker_of_quote

    ent_at = {i: (e, index.type_of(e)) for i, e in index.by_token.items()}
    who = speaker_of_quote(tok.doc, tok, ent_at)
    return [who] if who else []


def _reason_prep(prep: Token):
    """The preposition giving a reason ("over", "for", "against", "at"; "because of" as a
    whole), or None."""
    if prep.lower_ in REASON_PREPS:
        return prep
    if prep.lower_ == "of" and prep.head.lower_ == "because":
        return prep.head
    if prep.lower_ == "because" and any(c.lower_ == "of" for c in prep.children):
        return prep  # the parser hangs "X's abuses" on "because" itself
    return None


def _reported_blame(doc: Doc, index, args, reporting: set) -> List[Dict]:
    """"Kenya said Uganda was behind the attack (responsible for the deaths, to blame,
    guilty of war crimes)": the speaker ACCUSES the subject of the copula. Outside
    someone's words the narrator states it, and the narrator is nobody."""
    out: List[Dict] = []
    # only these words can fire the tests below: the adjectives, "behind" and the lemma "blame"
    starts = positions_in(doc, GUILT_ADJECTIVES, BLAME_ADJECTIVES, {"behind"})
    starts += positions_in(doc, {"blame"}, FAULT_NOUNS, attr="LEMMA")
    for i in sorted(set(starts)):
        tok = doc[i]
        low = tok.lower_
        copula = tok.head
        blamed = None
        if tok.dep_ == "nsubj" and tok.lemma_.lower() in FAULT_NOUNS | {"blame"} and copula.lemma_.lower() in LYING_VERBS:
            # "the fault (blame) lies with X": the one it lies with
            blamed = [e for p in copula.children if p.dep_ == "prep" and p.lower_ == "with"
                      for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)
                      if index.type_of(e) in ACTOR_TYPES]
            if not blamed or any(c.dep_ == "neg" for c in copula.children):
                continue
            speakers = _speaker(copula, args, reporting) or _quote_speakers(tok, index)
            out += _pairs(tok, speakers, "ACCUSES", blamed, "ACCUSES:blamed-in-words", "REPORTED")
            continue
        if copula.lemma_.lower() != "be" or copula.pos_ not in ("AUX", "VERB"):
            continue
        if tok.dep_ == "acomp" and tok.pos_ == "ADJ" and low in GUILT_ADJECTIVES:
            pass
        elif tok.dep_ == "acomp" and tok.pos_ == "ADJ" and low in BLAME_ADJECTIVES:
            if not _harm_after(tok, ("for",)):
                continue  # "responsible for security at the summit" is a duty, not a blame
        elif tok.dep_ == "prep" and low == "behind":
            if not _harm_after(tok, None):
                continue  # "behind schedule", "stands behind its ally"
        elif tok.dep_ == "xcomp" and tok.lemma_.lower() == "blame" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            pass  # "X is to blame"
        elif tok.dep_ == "attr" and tok.lemma_.lower() in FAULT_NOUNS:
            # "the crisis would be the fault of X", "it is X's fault": the owner of the fault
            owners = [c for c in tok.children if c.dep_ == "poss"] + [
                o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            blamed = [e for o in owners for e in args.entities_of(o) if index.type_of(e) in ACTOR_TYPES]
            if any(c.dep_ == "det" and c.lower_ in ("no", "nobody's") for c in tok.children):
                continue  # "was no fault of X"
        else:
            continue
        if any(c.dep_ == "neg" for c in copula.children):
            continue  # "said Uganda was not behind the attack" clears it
        if blamed is None:
            blamed = [e for e in args.verb_subjects(copula) if index.type_of(e) in ACTOR_TYPES]
        if not blamed:
            continue
        speakers = _speaker(copula, args, reporting)
        if not speakers:
            speakers = _quote_speakers(tok, index) if copula.dep_ in ("ROOT", "ccomp", "parataxis") else []
        out += _pairs(tok, speakers, "ACCUSES", blamed, "ACCUSES:blamed-in-words", "REPORTED")
    return out


def _reported_incitement(doc: Doc, index, args, reporting: set) -> List[Dict]:
    """"Kenya said Uganda had incited (stirred up, fuelled) violence (hatred, unrest)", also
    in a quotation with a known speaker: the speaker ACCUSES the inciter. The narrator's own
    "Uganda fuelled the unrest" accuses no one; a denied one ("had not incited") clears."""
    out: List[Dict] = []
    for i in sorted(set(positions_in(doc, INCITING_VERBS, WEAPONISING_VERBS, {"use"}, attr="LEMMA"))):
        verb = doc[i]
        if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) and verb.lemma_.lower() not in INCITING_VERBS:
            continue  # "food was weaponised": by whom is not said here
        if not (verb.lemma_.lower() in INCITING_VERBS
                and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in INCITED_HARMS for c in verb.children)
                or verb.lemma_.lower() in WEAPONISING_VERBS or verb.lower_ in WEAPONISING_VERBS
                or verb.lemma_.lower() == "use" and _used_as_weapon(verb)):
            continue
        inciters = [e for e in args.verb_subjects(verb) if index.type_of(e) in ACTOR_TYPES]
        if not inciters:
            continue
        if verb.dep_ in ("ccomp", "parataxis", "conj"):
            reporter = verb.head
            if any(c.dep_ == "neg" for c in reporter.children):
                continue  # "did not say that X incited violence"
            speakers = _speaker(verb, args, reporting)
            if not speakers and reporter.lemma_.lower() in reporting:
                continue  # a reporter that names no one known ("their ministers said"): not the quotation's speaker
        else:
            speakers = []
        if not speakers and verb.dep_ in ("ROOT", "conj", "ccomp"):
            quoted = any(t.text in ('"', "“", "”") for t in doc[max(0, verb.sent.start - 1):min(len(doc), verb.sent.end + 1)])
            speakers = _quote_speakers(verb, index) if quoted else []
        out += _pairs(verb, speakers, "ACCUSES", inciters, "ACCUSES:incitement-in-words", "REPORTED")
    return out


def _used_as_weapon(verb: Token) -> bool:
    """"using migrants as a weapon": "as" with a weapon noun on the verb or on its object."""
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    return any(p.dep_ == "prep" and p.lower_ == "as" and any(o.lemma_.lower() in WEAPON_NOUNS or o.lower_ in WEAPON_NOUNS
                                                             for o in p.children if o.dep_ == "pobj")
               for h in holders for p in h.children)


def _harm_after(tok: Token, preps) -> bool:
    """Whether ``tok`` (or its preposition ``preps``) governs a noun of harm or wrongdoing."""
    objs = [o for o in tok.children if o.dep_ == "pobj"] if preps is None else \
        [o for p in tok.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ in ("pobj", "pcomp")]
    return any(o.lemma_.lower() in HARM_NOUNS or o.lower_ in HARM_NOUNS or o.pos_ == "VERB" and o.tag_ == "VBG"
               for o in objs)


def _conditional_warnings(doc: Doc, index, args, reporting: set) -> List[Dict]:
    """"If X joins NATO, there will be consequences (retaliation, countermeasures)" in
    someone's words: the speaker THREATENS X (GUIDELINES: conditional warnings are threats)."""
    out: List[Dict] = []
    # the words that can head such a warning (the tests below say which of them do)
    starts = positions_in(doc, RETALIATION_NOUNS, PENALTY_NOUNS, WARNING_VERBS,
                             attr="LEMMA")
    starts += positions_of_words(doc, ["retaliatory"])
    for i in sorted(set(starts)):
        tok = doc[i]
        low = tok.lemma_.lower()
        penalty = tok.pos_ == "NOUN" and low in PENALTY_NOUNS and tok.dep_ == "dobj" \
            or tok.pos_ == "VERB" and low in ("punish", "sanction")
        if not (tok.pos_ == "NOUN" and low in RETALIATION_NOUNS or tok.pos_ == "VERB" and low == "retaliate"
                or tok.pos_ == "ADJ" and tok.lower_ == "retaliatory" or _hits_back(tok) or penalty):
            continue
        clause = tok if tok.pos_ == "VERB" else next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            continue
        conditions = [c for c in clause.children if c.dep_ == "advcl" and _is_condition(c)]
        if not conditions and clause.dep_ == "relcl":  # "outcomes that would demand counter-steps"
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
            speakers = _quote_speakers(tok, index)
        if not speakers and clause.pos_ == "VERB" and clause.lemma_.lower() not in ("be", "have") \
                and any(c.dep_ == "aux" and c.lower_ in PROMISING_AUX for c in clause.children):
            # "Kenya will impose sanctions (retaliate) if Uganda attacks": its own warning
            speakers = [e for e in args.verb_subjects(clause) if index.type_of(e) in ACTOR_TYPES]
        out += _pairs(tok, speakers, "THREATENS", targets, "THREATENS:conditional-consequences", "REPORTED")
    return out


def _hits_back(tok: Token) -> bool:
    """"we will respond in kind (firmly, with force)", "we will hit (strike) back", "a firm
    response": an answer that is a blow, not a reply to a letter."""
    low = tok.lemma_.lower()
    if tok.pos_ == "VERB" and low in ("hit", "strike") and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children):
        return True
    if tok.pos_ == "VERB" and low in ("respond", "react", "answer"):
        return not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) and (
            any(c.dep_ == "advmod" and c.lower_ in FIRM_WORDS for c in tok.children)
            or any(c.dep_ == "prep" and c.lower_ in ("in", "with") and any(o.lower_ in ("kind", "force", "strength")
                                                                             for o in c.children) for c in tok.children))
    if tok.pos_ == "NOUN" and low in ("response", "reaction", "answer"):
        return any(c.dep_ == "amod" and c.lower_ in FIRM_WORDS for c in tok.children)
    return False


def _is_condition(clause: Token) -> bool:
    """"if X joins", "unless X stops", "should X join" (inverted)."""
    from .modality import inverted_condition

    return inverted_condition(clause) or any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children) \
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
    if _background(tok):
        return None  # "prompted by X's penalties in the wake of Y's annexation": a setting, not a charge
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
        speakers = _quote_speakers(tok, index)
    if not speakers:
        return None
    if not wrongdoers and clause_verb is not None and (tok.dep_ == "pobj" or clause_verb.lemma_.lower() in DOING_VERBS) \
            and not any(c.dep_ == "neg" for c in clause_verb.children) and not _suffered(tok):
        # "the US used the platform for manipulation", "X committed atrocities"; not
        # "Canada would not tolerate interference" (the subject suffers it)
        wrongdoers = args.verb_subjects(clause_verb)
    wrongdoers = [w for w in wrongdoers if w not in speakers and index.type_of(w) in ACTOR_TYPES]
    return (speakers, wrongdoers) if wrongdoers else None


def _suffered(tok: Token) -> bool:
    """"was the victim (target) of aggression": the subject suffers the wrong."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in ("victim", "target")


def _background(tok: Token) -> bool:
    """Whether ``tok`` sits in a phrase of time or setting ("in the wake of", "after",
    "since", "amid", "following", "during") inside its clause."""
    cur = tok
    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        if cur.dep_ == "prep" and cur.lower_ in SETTING_PREPS:
            return True
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lower_ in ("wake", "aftermath", "eve", "start", "outbreak"):
            return True
        cur = cur.head
    return False


# what a pronoun subject may stand for when it cannot be the speaker
_PRONOUN_KINDS = {"he": ("PERSON",), "she": ("PERSON",), "it": ("COUNTRY", "ORGANISATION"),
                  "they": ("PERSON", "COUNTRY", "ORGANISATION")}


def _other_referent(verb: Token, index, speakers: set) -> List[str]:
    """For a pronoun subject of ``verb`` that resolved to the speaker: the entity of a fitting
    kind named last before it in the sentence that is not a speaker, else none."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in _PRONOUN_KINDS:
        return []
    kinds = _PRONOUN_KINDS[subj.lower_]
    for i in range(subj.i - 1, subj.sent.start - 1, -1):
        e = index.entity(i)
        if e is not None and e not in speakers and index.type_of(e) in kinds:
            return [e]
    return []


def _speaker(tok: Token, args, reporting: set) -> List[str]:
    """Who says that someone will pay: the subject of the reporting verb above ``tok``."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
            return []
        if cur.dep_ in ("ccomp", "parataxis", "xcomp", "conj", "advcl"):
            cur = cur.head
            if cur.lemma_.lower() in reporting or cur.lemma_.lower() in ("warn", "caution", "threaten", "retort", "vow"):
                return args.verb_subjects(cur)
            continue
        return []
    return []
