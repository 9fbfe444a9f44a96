"""SUPPORTS through welcoming or praising a step whose doer is named only before it
(CAMEO 051 praise or endorse).

- a step named again by a bare definite noun of any act ("the move", "the step";
  ``any_act_nouns`` in cues.yaml) as the object of a verb of
  welcoming ("welcomed (hailed, praised, applauded) the move"; ``welcoming_verbs``): the
  doer of the last act told before it, in its sentence or the one before ("Kenya expelled
  the envoy on Monday. Ghana welcomed the move" -> Ghana SUPPORTS Kenya). Where a verb of
  the noun's own ("decided", "moved") names the step, the trigger rules already find its
  owner (`antecedents.step_owner`) and this rule stays out. The passive is the same act
  ("The move was welcomed by Ghana": the agent welcomes; without an agent, nobody). A
  verb of opposing ("opposed (rejected) the move"; ``opposing_step_verbs``) gives the
  negated SUPPORTS, and a support noun ("voiced support for the move"; ``welcoming_nouns``)
  the positive one from its giver.

"The decision" is left to `antecedents.step_owner` alone: after an act that is no
decision it often means another's step told further back.

Near misses: the last act negated ("France said it would not follow. Russia welcomed the
move"), an act by someone unnamed ("Protesters stormed the embassy"), a meeting or a
statement as the last act, an owned step ("welcomed the move by X" is the trigger rules').
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc

from ..gazetteer import read_data
from ._lookup import positions_in
from .antecedents import last_actor, step_owner
from .records import pair_records, record

WELCOMING_VERBS = frozenset(read_data("cues.yaml").get("welcoming_verbs", ()))
# verbs of opposing the step ("Ghana opposed the move": a negated SUPPORTS of its doer)
OPPOSING_VERBS = frozenset(read_data("cues.yaml").get("opposing_step_verbs", ()))
# nouns of backing the step ("voiced support for the move")
WELCOMING_NOUNS = frozenset(read_data("cues.yaml").get("welcoming_nouns", ()))
BACKER_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")


def welcomed_acts(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for a welcomed step named only by "the move" (module docstring).

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.

    Returns:
        The records, one per welcomer and doer.
    """
    out: List[Dict] = []
    words = WELCOMING_VERBS | OPPOSING_VERBS | WELCOMING_NOUNS
    for v in (doc[i] for i in positions_in(doc, words, attr="LEMMA")):
        lemma = v.lemma_.lower()
        if v.pos_ == "NOUN" and lemma in WELCOMING_NOUNS:
            out += _welcomed_by_noun(v, index, args)
            continue
        if v.pos_ != "VERB" or lemma not in WELCOMING_VERBS and lemma not in OPPOSING_VERBS:
            continue
        passive = any(c.dep_ == "auxpass" for c in v.children)
        # "welcomed the move", or in the passive "the move was welcomed by Ghana"
        objs = [c for c in v.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
        objs += [x for o in objs for x in o.conjuncts]
        doers: List[str] = []
        for o in objs:
            if index.entity(o.i) is None and not step_owner(args, o):
                doers += last_actor(args, o)
        if not doers:
            continue
        negated, cue = args.modality.negation(v)
        if lemma in OPPOSING_VERBS:  # "Ghana opposed the move": a negated SUPPORTS of the doer
            if negated:
                continue  # "did not oppose the move" states no backing either
            negated, cue = True, v.text
        for s in args.cached(("subj", v.i), args.subjects, v):
            for d in dict.fromkeys(doers):
                if s != d and index.type_of(s) in BACKER_TYPES and index.type_of(d) in BACKER_TYPES:
                    out.append(record(v, s, "SUPPORTS", d, rule_id="SUPPORTS:welcomed-the-last-act",
                                      negated=negated, cue=cue))
    return out


def _welcomed_by_noun(n, index, args) -> List[Dict]:
    """"Ghana voiced support for the move", "Togo's backing of the step": a support noun
    whose "for"/"of" names the last act by "the move" alone; the noun's giver (possessor,
    or the subject of the verb that governs it) SUPPORTS the act's doer."""
    doers: List[str] = []
    for p in n.children:
        if p.dep_ == "prep" and p.lower_ in ("for", "of"):
            for o in p.children:
                if o.dep_ == "pobj" and index.entity(o.i) is None and not step_owner(args, o):
                    doers += last_actor(args, o)
    if not doers:
        return []
    negated, cue = args.modality.negation(n)
    givers = args.cached(("subj", n.i), args.subjects, n)
    return [record(n, s, "SUPPORTS", d, rule_id="SUPPORTS:welcomed-the-last-act", negated=negated, cue=cue)
            for s in dict.fromkeys(givers) for d in dict.fromkeys(doers)
            if s != d and index.type_of(s) in BACKER_TYPES and index.type_of(d) in BACKER_TYPES]


_CUES = read_data("cues.yaml")
# nouns that praise whom they are given to ("a loyal friend", "a true statesman")
PRAISE_NOUNS = frozenset(_CUES.get("praise_nouns", ()))
# plain heads that praise only with a praising adjective ("a great leader")
PRAISE_HEADS = frozenset(_CUES.get("praise_heads", ()))
PRAISE_ADJECTIVES = frozenset(_CUES.get("praise_adjectives", ()))
# verbs that give their object a label ("called X a friend", "hailed X as a visionary")
LABEL_VERBS = frozenset(_CUES.get("praise_label_verbs", ()))
# a speaker's own words ("my friend X"); "his friend X" is the narrator's
FIRST_PERSON = {"my", "our"}


def _is_praise(t) -> bool:
    """``t`` is a praise noun, or a plain head with a praising adjective."""
    lemma = t.lemma_.lower()
    if lemma in PRAISE_NOUNS:
        return True
    return lemma in PRAISE_HEADS and any(c.dep_ == "amod" and c.lower_ in PRAISE_ADJECTIVES for c in t.children)


def praise_labels(doc: Doc, index, args, reporting: set) -> List[Dict]:
    """SUPPORTS records for praise given to a named one by a label (CAMEO 051):

    - a verb of labelling: "Boluarte called Boric a loyal friend", "described X as a true
      statesman", "called A and B true friends of Africa" -> the labeller SUPPORTS X;
    - a copula in someone's words: "'Ruto is my friend,' Boric said", "Y said X was a great
      leader" -> the speaker SUPPORTS X;
    - the label before a name: "my dear friend Narendra Modi" in Netanyahu's words ->
      Netanyahu SUPPORTS Modi (the possessor, resolved to the speaker; "met his friend X"
      is the narrator's).

    Not: a negated label, a plain head without praise ("called X a dangerous man"), an ally
    or partner (an alliance is no support, GUIDELINES), a tie to another ("described India
    as an old friend of Ankara"), the narrator's own label.

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.
        reporting: the lemmas of verbs of saying (cues.yaml ``reporting_verbs``).

    Returns:
        The records, one per praiser and praised.
    """
    from .judged_acts import _reporters

    out: List[Dict] = []
    words = PRAISE_NOUNS | PRAISE_HEADS
    for tok in (doc[i] for i in positions_in(doc, words, attr="LEMMA")):
        if tok.pos_ not in ("NOUN", "PROPN") or not _is_praise(tok):
            continue
        label = tok
        while label.dep_ == "conj":
            label = label.head
        head = label.head
        if any(c.dep_ == "neg" for c in head.children) or any(c.dep_ == "neg" for c in label.children):
            continue
        if any(index.type_of(e) in BACKER_TYPES for w in (tok, label) for c in w.children
               if c.dep_ == "prep" and c.lower_ in ("of", "to")
               for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)):
            continue  # "an old friend of Ankara": a tie between two, not praise
        named: List[str] = []
        praisers: List[str] = []
        if label.dep_ in ("oprd", "dobj", "npadvmod", "appos", "ccomp", "xcomp") and head.lemma_.lower() in LABEL_VERBS:
            objs = [c for c in head.children if c.dep_ == "dobj" and c.i != label.i]
            if not objs:  # "called [A and B] true friends": the names parsed onto the label
                objs = [c for c in label.children if c.dep_ in ("nmod", "compound") and index.entity(c.i)]
            named = [e for o in objs for e in args.entities_of(o)]
            praisers = args.verb_subjects(head)
        elif label.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in LABEL_VERBS:
            verb = head.head
            named = [e for c in verb.children if c.dep_ == "dobj" for e in args.entities_of(c)]
            praisers = args.verb_subjects(verb)
        elif label.dep_ == "attr" and head.lemma_.lower() == "be":
            named = [e for c in head.children if c.dep_ == "nsubj" for e in args.entities_of(c)]
            praisers = _reporters(head, args, reporting)
            if not praisers:  # "Ruto is my friend": the possessor, resolved to the quote's speaker
                praisers = [e for c in label.children if c.dep_ == "poss" and c.lower_ in FIRST_PERSON
                            for e in args.entities_of(c)]
        elif any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in label.children):
            # "my dear friend Narendra Modi"
            named = [e for c in label.children if c.dep_ in ("appos", "compound") and c.i > label.i
                     for e in args.entities_of(c)]
            praisers = [e for c in label.children if c.dep_ == "poss" for e in args.entities_of(c)]
        out += pair_records(tok, ((s, o) for s in dict.fromkeys(praisers) for o in dict.fromkeys(named)), "SUPPORTS",
                            rule_id="SUPPORTS:praise-label", type_of=index.type_of, types=BACKER_TYPES)
    return out


# praising labels of an act ("said X's accession was good for the region", "called X's
# decision brave", "a brave and moral decision")
ACT_PRAISE = frozenset(_CUES.get("act_praise_labels", ()))
ACT_LABEL_VERBS = frozenset(_CUES.get("act_praise_verbs", ()))
STANCE_NOUNS = frozenset(_CUES.get("stance_nouns", ()))
STANCE_PRAISE = frozenset(_CUES.get("stance_praise_labels", ()))


def praised_acts(doc: Doc, index, args, reporting: set, acts: set) -> List[Dict]:
    """SUPPORTS records for a praising label given to an act of the object, the mirror of
    `judged_acts` (CAMEO 051):

    - in someone's words, with a copula: "X's entry was good for security, Y said",
      "Y said X's decision was a brave and moral decision" -> Y SUPPORTS X;
    - as the complement of a verb of labelling: "Y called X's move brave (a wise step)",
      "described X's vote as courageous" -> the same.

    The act is a noun of ``acts`` (cues.yaml ``act_nouns``) whose owner is named on it
    (possessor, name, demonym, "by X") or, bare and definite, told before it
    (`antecedents.step_owner`); "it" stands for the one owned step named just before
    (`antecedents.pronoun_step_owner`). Not: a negated label, the narrator's own label, a
    label of something that is no act ("X's economy was good").

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.
        reporting: the lemmas of verbs of saying.
        acts: the nouns that name an act.

    Returns:
        The records, one per speaker and owner.
    """
    from .antecedents import pronoun_step_owner
    from .judged_acts import _reporters

    out: List[Dict] = []
    for tok in (doc[i] for i in positions_in(doc, ACT_PRAISE, STANCE_PRAISE)):
        label = tok
        stance_only = tok.lower_ not in ACT_PRAISE  # "legitimate", "have merit": said of a stance
        if tok.lower_ == "merit" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "have":
            # "Y said X's objections have merit": the stance is the subject of "have"
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in STANCE_NOUNS and not any(c.dep_ == "neg" for c in tok.head.children) \
                    and not any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
                speakers = _reporters(tok.head, args, reporting)
                owners = [e for c in subj[0].children if c.dep_ in ("poss", "compound", "amod")
                          for e in args.entities_of(c)]
                out += [record(tok, s, "SUPPORTS", o, rule_id="SUPPORTS:stance-granted")
                        for s in dict.fromkeys(speakers) for o in dict.fromkeys(owners)
                        if s != o and index.type_of(s) in BACKER_TYPES and index.type_of(o) in BACKER_TYPES]
            continue
        if tok.dep_ == "amod" and tok.head.dep_ in ("attr", "oprd", "pobj", "dobj", "ccomp", "xcomp"):
            label = tok.head  # "was a brave decision", "called it a wise step"
        while label.dep_ == "conj" and label.head.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp", "conj", "pobj"):
            label = label.head  # "was brave and moral"
        if label.dep_ == "amod":
            continue  # "its brave soldiers": not a label given in words
        head = label.head
        if any(c.dep_ == "neg" for c in head.children) or any(c.dep_ == "neg" for c in label.children):
            continue
        act = None
        speakers: List[str] = []
        if label.dep_ in ("acomp", "attr") and head.lemma_.lower() == "be":
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            act = subj[0] if subj else None
            speakers = _reporters(head, args, reporting)
        elif label.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in ACT_LABEL_VERBS:
            objs = [c for c in head.head.children if c.dep_ == "dobj"]
            act = objs[0] if objs else None
            speakers = args.verb_subjects(head.head)
        elif label.dep_ in ("oprd", "ccomp", "xcomp", "dobj") and head.lemma_.lower() in ACT_LABEL_VERBS:
            objs = [c for c in head.children if c.dep_ == "dobj" and c.i != label.i]
            if not objs and label.dep_ in ("ccomp", "xcomp"):
                objs = [c for c in label.children if c.dep_ == "nsubj"]
            act = objs[0] if objs else None
            speakers = args.verb_subjects(head)
        if act is None or not speakers:
            continue
        if act.lower_ in ("it", "this") and act.pos_ in ("PRON", "DET"):
            owners = pronoun_step_owner(args, act)
        elif stance_only:
            if act.lower_ not in STANCE_NOUNS:
                continue  # "X's economy was fair", "X's decision was legitimate": no stance granted
            owners = [e for c in act.children if c.dep_ in ("poss", "compound", "amod") for e in args.entities_of(c)]
        elif act.lemma_.lower() in acts or act.lower_ in acts:
            owners = args.entities_of(act, positions=True)
        else:
            continue
        out += pair_records(tok, ((s, o) for s in dict.fromkeys(speakers) for o in dict.fromkeys(owners)), "SUPPORTS",
                            rule_id="SUPPORTS:act-praised", type_of=index.type_of, types=BACKER_TYPES)
    return out


DEFENCE_ADVERBS = frozenset(_CUES.get("defence_adverbs", ()))
DESERVED_NOUNS = frozenset(_CUES.get("deserved_nouns", ()))


def defended_parties(doc: Doc, index, args, reporting: set) -> List[Dict]:
    """SUPPORTS records for a party defended in someone's words (CAMEO 052):

    - "Y said X was (being) treated unfairly (unjustly)": Y SUPPORTS X;
    - "Y said X's choice (X) deserved backing (praise, support)": Y SUPPORTS X (the owner
      of the step named as the subject, or the subject itself).

    Not: a negated clause, the narrator's own words (no reporting verb), a step with no
    owner named on it.

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.
        reporting: the lemmas of verbs of saying.

    Returns:
        The records, one per speaker and defended party.
    """
    from .judged_acts import _reporters

    out: List[Dict] = []
    for v in (doc[i] for i in positions_in(doc, {"treat", "deserve", "merit"}, attr="LEMMA")):
        if v.pos_ != "VERB" or any(c.dep_ == "neg" for c in v.children):
            continue
        lemma = v.lemma_.lower()
        if lemma == "treat":
            if not any(c.dep_ == "advmod" and c.lower_ in DEFENCE_ADVERBS for c in v.children):
                continue
            subj = [c for c in v.children if c.dep_ == "nsubjpass"]
        else:
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in DESERVED_NOUNS
                       and not any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in v.children):
                continue
            subj = [c for c in v.children if c.dep_ == "nsubj"]
        if not subj:
            continue
        parties = args.entities_of(subj[0]) if index.entity(subj[0].i) else \
            [e for c in subj[0].children if c.dep_ == "poss" for e in args.entities_of(c)]
        speakers = _reporters(v, args, reporting)
        for s in dict.fromkeys(speakers):
            for o in dict.fromkeys(parties):
                if s != o and index.type_of(s) in BACKER_TYPES and index.type_of(o) in BACKER_TYPES:
                    out.append(record(v, s, "SUPPORTS", o, rule_id="SUPPORTS:defended-in-words"))
    return out
