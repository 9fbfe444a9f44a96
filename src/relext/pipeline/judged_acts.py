"""ACCUSES through a condemning label given to an act of the object (CAMEO 111).

- in someone's words, with a copula: "Kenya said Uganda's decision was illegal (outrageous,
  unacceptable, a provocation, an assault on its security)" -> the speaker ACCUSES the
  one whose act it is (the act noun's possessor, demonym or name modifier);
- as the second object of a verb of labelling: "Kenya called (branded, described) Uganda's
  move illegal (a violation of the treaty)" -> the same.

- a label given to the actor itself in someone's words: "Kenya said Uganda was a
  troublemaker (an aggressor, a threat to the region)", also after a preposed quotation
  ("Uganda is a menace, Kenya said") -> Kenya ACCUSES Uganda.

- a negative evaluative adjective or a noun of derision (cues ``evaluative_labels``,
  ``predicative_labels``, ``derision_nouns``) said of the actor or of its act: "Kenya said
  Uganda was corrupt", "Kenya called Uganda biased", "branded the court political", "Kenya
  said the court had become a biased tool", "Kenya called Uganda's plan reckless and
  dishonest", "dismissed (brushed off) Uganda's offer as a sham", "likened the council to a
  farce" -> Kenya ACCUSES Uganda (the court, the council).

Near misses: a label of something that is no act ("the weather in Uganda was shocking"),
praise ("Uganda's growth was impressive"), a label negated ("was not illegal"), the
narrator's own judgement (no speaker: "Uganda's plan was reckless.").

- a label given to a free relative naming someone's act: "Kenya called what Uganda had
  told parliament provocative", "Kenya said what Uganda did was illegal" -> Kenya ACCUSES
  Uganda (the relative's subject); not praise ("called what Uganda did brave").

- an act named again by a definite noun, its doer told just before (the antecedents of
  ``deed_antecedents.py``): "The EU imposed sanctions on Iran. The sanctions were illegal,
  said Iran's foreign minister" (or "Iran called the move illegal") -> the minister (Iran)
  ACCUSES the EU; a vague noun ("the move", "the sanctions") only for a penalty laid on
  the speaker's side (not "The EU imposed sanctions on Iran. The move was unfair, said
  Kenya").
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from .deed_antecedents import noun_doers, reporter_side
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/judged_acts.yaml
_WORDS = read_data("words/judged_acts.yaml")

ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")
# verbs whose object is given a label by a second complement ("called X's move illegal")
LABEL_VERBS = frozenset(_WORDS["label_verbs"])
# verbs whose object is given a label after "as" ("dismissed X's offer as a sham")
AS_VERBS = LABEL_VERBS | {"dismiss", "brush", "reject", "deride", "decry", "slam", "criticise", "criticize"}
# verbs whose object is likened "to" a label ("likened the council to a farce")
LIKENING_VERBS = {"liken", "compare"}
# copulas whose complement labels the subject ("had become a biased tool")
COPULAS = frozenset(_WORDS["copulas"])


def judged_acts(doc: Doc, index, args, words, labels: set, acts: set, reporting: set,
                actor_labels: frozenset = frozenset(), predicative: frozenset = frozenset(),
                label_heads: frozenset = frozenset()) -> List[Dict]:
    """Records for the label words at ``w.positions(doc)`` for each ``w`` in ``words`` (``labels``: the condemning
    adjectives and nouns; ``acts``: the nouns that name an act; ``actor_labels``: the
    evaluative adjectives and nouns of derision that accuse the actor they are said of,
    ``predicative`` those of them that do so only after a copula or a labelling verb, or
    before one of ``label_heads``: "had become a political court")."""
    out: List[Dict] = []
    penalty_labels = set(labels) - set(predicative)  # "political" alone condemns no penalty
    for i in sorted({i for w in words for i in w.positions(doc)}):
        tok = doc[i]
        if tok.lower_ not in labels and tok.lemma_.lower() not in labels:
            continue
        label = tok
        while label.dep_ == "conj" and label.head.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp", "conj",
                                                           "amod", "dobj", "pobj"):
            label = label.head  # "was outrageous and illegal"
        attributive = None
        if label.dep_ == "amod" and label.i < label.head.i and label.head.dep_ == "attr" \
                and label.head.head.lemma_.lower() in COPULAS \
                and (label.lower_ not in predicative or label.head.lemma_.lower() in label_heads):
            attributive, label = label, label.head  # "had become a biased tool": the noun is the label
        elif label.dep_ == "amod" and label.head.lower_ == "as":
            pass  # "dismissed X's gesture as fake", the adjective hung on "as"
        elif label.dep_ == "amod" and not _misparsed_label(label):
            continue  # "its illegal actions": the adjective rule of grievances.py
        head = label.head
        if any(c.dep_ == "neg" for c in head.children) or any(c.dep_ == "neg" for c in label.children):
            continue
        act = None
        speakers: List[str] = []
        said_by: List[Token] = []  # the verbs of saying (labelling) that give the speakers
        if label.dep_ in ("acomp", "attr") and head.lemma_.lower() in COPULAS:
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            act = subj[0] if subj else None
            said_by = _reporting_verbs(head, reporting)
            speakers = [e for v in said_by for e in args.verb_subjects(v)]
        elif label.dep_ in ("pobj", "amod") and head.lower_ in ("as", "to") and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in (AS_VERBS if head.lower_ == "as" else LIKENING_VERBS):
            # "described X's move as a provocation", "dismissed X's offer as a sham"
            objs = [c for c in head.head.children if c.dep_ == "dobj"]
            act = objs[0] if objs else None
            said_by = [head.head]
            speakers = args.verb_subjects(head.head)
        elif label.dep_ == "amod" and label.i > head.i:
            act = head  # "called [Boric's plan] reckless", the label hung on the object
            said_by = [head.head]
            speakers = args.verb_subjects(head.head)
        elif label.dep_ in ("npadvmod", "appos") and head.dep_ in ("dobj", "ccomp") \
                and head.head.lemma_.lower() in LABEL_VERBS:
            act = head  # "called [Russia's move] a provocation", parsed as a modifier of the act
            said_by = [head.head]
            speakers = args.verb_subjects(head.head)
        elif label.dep_ in ("oprd", "ccomp", "xcomp", "dobj", "advcl") and head.lemma_.lower() in LABEL_VERBS:
            objs = [c for c in head.children if c.dep_ == "dobj" and c.i != label.i]
            if not objs and label.dep_ in ("ccomp", "xcomp"):
                objs = [c for c in label.children if c.dep_ == "nsubj"]  # "called [X's move illegal]"
            if not objs and label.dep_ == "dobj" and label.pos_ == "ADJ":
                # "branded [the African Court political]", parsed as one noun phrase
                objs = [c for c in label.children if c.dep_ in ("compound", "nmod", "nsubj") and index.entity(c.i)]
            act = objs[0] if objs else None
            said_by = [head]
            speakers = args.verb_subjects(head)
        clause = None
        if act is None and label.dep_ in ("oprd", "xcomp") and head.dep_ == "ccomp" and _what_clause(head) \
                and head.head.lemma_.lower() in LABEL_VERBS:
            clause, speakers = head, args.verb_subjects(head.head)  # the label hung on the relative's verb
        if act is None and speakers and attributive is None:
            clause = clause or _free_relative(head, label)
            if clause is not None:
                # "called what X had told parliament provocative", "said what X did was illegal"
                for s in speakers:
                    for d in dict.fromkeys(args.verb_subjects(clause)):
                        if s != d and index.type_of(d) in ACTOR_TYPES:
                            out.append(record(tok, s, "ACCUSES", d, rule_id="ACCUSES:act-labelled", modality="ASSERTED"))
                continue
        if act is None or not speakers:
            continue
        word = (attributive or tok).lower_
        if act.lemma_.lower() not in acts and act.lower_ not in acts:
            # "Kenya said Uganda was a troublemaker (an aggressor, a threat to the region)":
            # the label given to the actor itself, with a copula in someone's words;
            # an evaluative adjective or a noun of derision after any of the frames
            actor = index.entity(act.i) if label.dep_ == "attr" and label.pos_ == "NOUN" else None
            if word in actor_labels or tok.lemma_.lower() in actor_labels:
                actor = index.entity(act.i)
            elif attributive is not None:
                actor = None  # "was a biased tool" accuses; "was a reliable tool" does not
            for s in speakers:
                if actor and s != actor and index.type_of(actor) in ACTOR_TYPES:
                    out.append(record(tok, s, "ACCUSES", actor, rule_id="ACCUSES:actor-labelled", modality="ASSERTED"))
            continue
        doers = [index.entity(c.i) for c in act.children
                 if c.dep_ in ("poss", "compound", "amod", "nmod") and index.entity(c.i)]
        doers += [e for c in act.children if c.dep_ == "prep" and c.lower_ == "by"
                  for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
        if not doers and word in penalty_labels:
            # "The EU banned Iran's flights. The ban was illegal, said Iran's minister": the
            # definite noun names a penalty told just before, laid on the speaker's side
            side = {e for v in said_by for e in reporter_side(args, v)}
            doers = noun_doers(args, act, set(speakers), side)
        for s in speakers:
            for d in dict.fromkeys(doers):
                if s != d and index.type_of(d) in ACTOR_TYPES:
                    out.append(record(tok, s, "ACCUSES", d, rule_id="ACCUSES:act-labelled", modality="ASSERTED"))
    return out


def _free_relative(head: Token, label: Token):
    """The clause of a free relative ("what X had said", "what X did") that the label
    ``label`` under ``head`` is given to, as the subject of a copula ("what X did was
    illegal") or the object of a labelling verb ("called what X said provocative"), or None."""
    if label.dep_ in ("acomp", "attr") and head.lemma_.lower() in COPULAS:
        clauses = [c for c in head.children if c.dep_ == "csubj"]
    elif head.lemma_.lower() in LABEL_VERBS and label.dep_ in ("oprd", "xcomp", "ccomp", "advcl"):
        clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i < label.i]
    else:
        return None
    return next((c for c in clauses if _what_clause(c)), None)


def _what_clause(c: Token) -> bool:
    """Whether the verb ``c`` heads a free relative with "what" as its object ("what X said")."""
    return c.pos_ == "VERB" and any(w.lower_ in ("what", "whatever") and w.i < c.i and w.dep_ in ("dobj", "dative", "pobj")
                                    for w in c.children) and not any(w.dep_ == "neg" for w in c.children)


def _misparsed_label(tok: Token) -> bool:
    """Whether the adjective ``tok`` is the second complement of a labelling verb that the
    parser hung after the verb's object as its modifier ("called [Boric's plan reckless]")."""
    return tok.i > tok.head.i and tok.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in LABEL_VERBS


def _reporters(verb: Token, args, reporting: set) -> List[str]:
    """The subjects of the reporting verb whose complement clause ``verb`` heads, also
    after a preposed quotation ("Uganda is a troublemaker, Kenya said")."""
    return [e for v in _reporting_verbs(verb, reporting) for e in args.verb_subjects(v)]


def _reporting_verbs(verb: Token, reporting: set) -> List[Token]:
    """The reporting verbs whose complement clause ``verb`` heads, also after a preposed
    quotation ("Uganda is a troublemaker, Kenya said")."""
    if verb.dep_ == "ROOT":
        return [c for c in verb.children if c.dep_ in ("parataxis", "ccomp") and c.i > verb.i
                and c.pos_ == "VERB" and c.lemma_.lower() in reporting]
    if verb.dep_ not in ("ccomp", "parataxis"):
        return []
    rep = verb.head
    if rep.pos_ == "VERB" and rep.lemma_.lower() in reporting:
        return [rep]
    return []
