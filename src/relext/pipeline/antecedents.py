"""Owners of a step named again without them.

"The federation barred Russian athletes. The Kremlin welcomed the decision", "Gambia filed
the case in 2019 ... China voiced opposition to the case", "the U.S. imposed sanctions ...
Costa Rica said it backed the sanctions": a definite action noun ("the decision", "the
case", "this move") with no owner of its own stands for the one who took the step, found
at its last mention before: the owner named on the same noun ("X's case", "the U.S.
sanctions", "the decision by X") or the subject of the verb that names the step ("X
decided", "X filed", "X voted", "X imposed sanctions", "X was admitted" for "the
accession"). Only the nearest mention counts, within the sentence and the two before it.
"""
from __future__ import annotations

from typing import Dict, List, Set

from spacy.tokens import Token

from ..gazetteer import read_data

# word lists: relext/data/words/antecedents.yaml
_WORDS = read_data("words/antecedents.yaml")

# action noun -> the verbs that name the same step (their subject took it)
ACTION_VERBS: Dict[str, Set[str]] = {
    "decision": {"decide", "vote"}, "move": {"move", "decide"}, "filing": {"file"}, "case": {"file", "bring", "lodge"},
    "vote": {"vote"}, "sanction": {"sanction"}, "sanctions": {"sanction", "impose"},
    "accession": {"accede", "admit", "join", "become"}, "speech": {"speak", "deliver"}, "announcement": {"announce"},
    "proposal": {"propose"}, "ruling": {"rule"}, "lawsuit": {"file", "bring"}, "complaint": {"file", "lodge"},
    "request": {"request", "ask"}, "offer": {"offer"}, "ban": {"ban"}, "step": {"decide"}, "verdict": {"rule"},
    # a bid or application is made by applying ("Sweden applied to join NATO. Finland backed
    # the bid"); a resolution by the body that adopts (passes, sponsors) it; a measure or plan
    # by the one who imposes (adopts, proposes, unveils) it
    "bid": {"apply", "bid", "seek"}, "application": {"apply"},
    "resolution": {"adopt", "pass", "sponsor", "draft", "table", "introduce"},
    "plan": {"propose", "unveil", "present"}, "initiative": {"propose", "launch"},
    # a candidacy by the one who runs, a membership by the one who applies, a demand or an appeal by the one who
    # makes it (support12: "Serbia asked to join. Greece backed the request")
    "candidacy": {"run"}, "demand": {"demand"}, "appeal": {"appeal"}, "membership": {"apply", "seek", "accede"},
    # support13: an idea or suggestion by the one who suggests (floats, proposes) it, a call
    # by the one who calls for (urges) something, a push by the one who pushes, a motion by
    # the one who tables it, an ambition by the one who seeks it
    "idea": {"suggest", "propose", "float", "moot"}, "suggestion": {"suggest", "propose"},
    "call": {"call", "urge"}, "push": {"push"}, "motion": {"table", "propose", "submit", "introduce", "file"},
    "ambition": {"seek", "aspire"},
}
# support13: more verbs naming the same step ("X launched a plan", "X opted to
# leave ... the decision", "X urged a truce ... the appeal")
for _noun, _verbs in {"plan": {"launch", "announce", "outline", "table", "submit"},
                      "proposal": {"suggest", "table", "submit", "float"},
                      "resolution": {"propose", "submit", "present"},
                      "initiative": {"announce", "unveil"},
                      "decision": {"opt"},
                      "appeal": {"call", "urge"},
                      # support14: a bid (membership) by the one who joins a body ("X joined
                      # ASEAN ... Y had championed the bid"; `join` needs a body as its object)
                      "bid": {"join"}, "membership": {"join"}}.items():
    ACTION_VERBS[_noun] |= _verbs
# support14: a vote (or decision) taken by a voting body that approves (ratifies, passes)
# something: "X's parliament ratified Y's accession. Z welcomed the vote", "the Council
# passed a resolution ... welcomed the vote". Only where the subject is such a body (a
# common noun, "parliament", "lawmakers", or a named organisation): "Turkey ratified it"
# tells no vote of its own.
BODY_VOTE_VERBS: Dict[str, Set[str]] = {noun: set(verbs) for noun, verbs in _WORDS["body_vote_verbs"].items()}
# bodies named by a description that one joins ("the bloc", "the alliance")
JOINED_BODY_NOUNS = frozenset(_WORDS["joined_body_nouns"])
for _noun, _verbs in BODY_VOTE_VERBS.items():
    ACTION_VERBS[_noun] |= _verbs
# verbs naming the step with the noun as their object ("X imposed sanctions", "X made the
# decision", "X filed a case", "X gave a speech")
LIGHT_VERBS = frozenset(_WORDS["light_verbs"])
# the modifiers a bare re-mention may carry ("the latest decision", "the landmark case")
BARE_MODIFIERS = frozenset(_WORDS["bare_modifiers"])
WINDOW = 2  # sentences before the one of the re-mention
OWNER_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")
_CUES = read_data("cues.yaml")
# nouns that name whatever was last done ("X expelled the envoy. Y welcomed the move"):
# without a mention of their own verb, the doer of the nearest act before them
ANY_ACT_NOUNS = frozenset(_CUES.get("any_act_nouns", ()))
# verbs that name no act of their own (saying, being, having, seeming)
NOT_ACTS = frozenset(_CUES.get("not_act_verbs", ()))
CLAUSE_DEPS = {"ROOT", "conj", "xcomp", "advcl"}
EMBEDDING_DEPS = {"ccomp", "relcl", "acl", "parataxis", "pcomp", "csubj"}


def step_owner(args, t: Token, owned: bool = False) -> List[str]:
    """The entities that took the step a bare definite action noun ``t`` names again.

    Args:
        args: the document's `Arguments` (entity lookup, verb subjects).
        t: the action noun ("decision" in "welcomed the decision").
        owned: look back even though the noun has a possessor ("its bid" whose "its" is
            the backer itself: `ExpansionMixin._other_step_owner`).

    Returns:
        The owners found at the nearest earlier mention, or an empty list.
    """
    lemma = t.lower_ if t.lower_ == "sanctions" else t.lemma_.lower()
    if lemma not in ACTION_VERBS or not (owned or _bare_definite(t)):
        return []
    doc = t.doc
    sents = list(doc.sents)
    k = next(i for i, s in enumerate(sents) if s.start <= t.i < s.end)
    start = sents[max(0, k - WINDOW)].start
    verbs = ACTION_VERBS[lemma]
    for i in range(t.i - 1, start - 1, -1):
        w = doc[i]
        wl = w.lower_ if w.lower_ == "sanctions" else w.lemma_.lower()
        found: List[str] = []
        if w.pos_ == "NOUN" and wl == lemma:
            found = _noun_owner(args, w)
        elif w.pos_ == "VERB" and w.lemma_.lower() in verbs and w.head.i != t.i \
                and not any(c.dep_ in ("prep", "neg") and c.lower_ in ("against", "not", "n't", "never") for c in w.children):
            # "X voted against it" is opposing the step, not taking it
            if w.lemma_.lower() == "join" and not any(
                    c.dep_ == "dobj" and (args.index.type_of(args.index.entity(c.i) or "") == "ORGANISATION"
                                          or _body_description(c))
                    for c in w.children):
                continue  # "joined Peru in criticising X" is no accession
            if any(c.dep_ == "nsubjpass" for c in w.children) and lemma == "accession":
                found = [e for c in w.children if c.dep_ == "nsubjpass" for e in args.entities_of(c)]
            else:
                found = args.verb_subjects(w)
            if w.lemma_.lower() in BODY_VOTE_VERBS.get(lemma, set()) and not _voting_body(args, w):
                found = []  # "Turkey ratified it": no vote told
        found = [e for e in found if args.index.type_of(e) in OWNER_TYPES]
        if found:
            return list(dict.fromkeys(found))
    return []


def _body_description(t: Token) -> bool:
    """"the bloc", "the alliance": a definite description of a body (``joined_body_nouns``),
    what one joins when one's bid is backed ("X wants to join the bloc ... Y backed the
    bid"); not "the talks" or a bare plural ("joined protesters")."""
    return t.lemma_.lower() in JOINED_BODY_NOUNS and t.tag_ == "NN" \
        and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in t.children)


def _voting_body(args, verb: Token) -> bool:
    """Whether the subject of ``verb`` is a body that votes: a common noun ("the Czech
    parliament", "lawmakers") or a named organisation ("the Security Council")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        c.pos_ == "NOUN" or args.index.type_of(args.index.entity(c.i) or "") == "ORGANISATION" for c in subjects)


def last_actor(args, t: Token) -> List[str]:
    """"Kenya expelled the envoy. Ghana welcomed the move": for a bare definite noun of
    any act (``any_act_nouns`` in cues.yaml), the subjects of the nearest verb before ``t``
    (in its sentence or the one before) that names an act, heads a clause of the narrative
    (not one of reported words or a relative clause) and is neither the verb governing
    ``t`` nor one above it. The nearest such verb decides: negated ("France
    said it would not follow"), or with a subject that names no one, it gives nothing.

    Args:
        args: the document's `Arguments`.
        t: the act noun ("move" in "welcomed the move").

    Returns:
        The doers of the last act, or an empty list.
    """
    if t.lemma_.lower() not in ANY_ACT_NOUNS or not _bare_definite(t):
        return []
    doc = t.doc
    sents = list(doc.sents)
    k = next(i for i, s in enumerate(sents) if s.start <= t.i < s.end)
    above = {a.i for a in t.ancestors}
    for i in range(t.i - 1, sents[max(0, k - 1)].start - 1, -1):
        w = doc[i]
        if w.pos_ != "VERB" or i in above or w.lemma_.lower() in NOT_ACTS or w.dep_ not in CLAUSE_DEPS \
                or any(a.dep_ in EMBEDDING_DEPS for a in w.ancestors):
            continue  # an act told in someone's words or in a relative clause is not the one in focus
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children) and w.dep_ not in ("conj", "xcomp"):
            continue
        if any(c.dep_ == "neg" for c in w.children):
            return []
        found = [e for e in args.verb_subjects(w) if args.index.type_of(e) in OWNER_TYPES]
        return list(dict.fromkeys(found))
    return []


def _bare_definite(t: Token) -> bool:
    """"the decision", "this move", "the latest ruling": definite, with nothing else on it."""
    kids = list(t.children)
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in kids):
        return False
    for c in kids:
        if c.dep_ == "det":
            continue
        if c.dep_ == "amod" and c.lower_ in BARE_MODIFIERS:
            continue
        if c.dep_ == "prep" and _time_phrase(c):
            continue  # "backed the accession for a decade", "the decision on Monday": the verb's time
        if c.dep_ in ("prep", "relcl", "acl", "compound", "nmod", "poss", "amod", "appos", "nummod"):
            return False
    return True


def _time_phrase(prep: Token) -> bool:
    """"for a decade", "on Monday", "in 2019": a preposition whose object is a time (the
    parser hangs it on the noun before it)."""
    objs = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objs) and prep.lower_ in ("for", "on", "in", "since", "during", "last", "over") and all(
        o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in TIME_NOUNS for o in objs)


TIME_NOUNS = frozenset(_WORDS["time_nouns"])


def _noun_owner(args, w: Token) -> List[str]:
    """The owner named at an earlier mention of the noun: possessor, name or demonym on it,
    "by X", or the subject of a light verb taking it ("X imposed sanctions")."""
    index = args.index
    out = [e for c in w.children if c.dep_ in ("poss", "compound", "amod", "nmod") for e in args.entities_of(c)]
    out += [e for c in w.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"
            for e in args.entities_of(p)]
    if not out and w.dep_ == "dobj" and w.head.lemma_.lower() in LIGHT_VERBS:
        out = args.verb_subjects(w.head)
    return [e for e in out if index.entity is not None]


def pronoun_step_owner(args, t: Token) -> List[str]:
    """"Turkey ratified it", "Hungary welcomed it": the owner of the step "it" stands for,
    when the stretch from the sentence before up to the pronoun names exactly one owned
    step ("Sweden's NATO bid", "Chile's proposal"); with two different owners, nothing.

    Args:
        args: the document's `Arguments`.
        t: the pronoun "it" (or "this"/"that" standing alone).

    Returns:
        The step's owners, or an empty list.
    """
    if t.lower_ not in ("it", "this") or t.pos_ not in ("PRON", "DET"):
        return []
    doc = t.doc
    sents = list(doc.sents)
    k = next(i for i, s in enumerate(sents) if s.start <= t.i < s.end)
    start = sents[max(0, k - 1)].start
    owners: List[tuple] = []
    for w in doc[start:t.i]:
        if w.pos_ != "NOUN" or w.lemma_.lower() not in args.position_nouns:
            continue
        found = _noun_owner(args, w)
        found += [e for c in w.children if c.dep_ in ("compound", "nmod") for p in c.children
                  if p.dep_ == "poss" for e in args.entities_of(p)]  # "Sweden's NATO bid"
        found = [e for e in found if args.index.type_of(e) in ("COUNTRY", "PERSON")
                 or args.index.type_of(e) == "ORGANISATION" and not _names_body_joined(w, e, args)]
        if found:
            owners.append(tuple(dict.fromkeys(found)))
    if len(set(owners)) != 1:
        return []
    return list(owners[0])


def _names_body_joined(w: Token, e: str, args) -> bool:
    """"the NATO bid", "its EU membership": a body named on a joining noun is what is joined."""
    return w.lemma_.lower() in ("bid", "membership", "accession", "application", "candidacy", "entry", "admission") \
        and any(args.index.entity(c.i) == e for c in w.children if c.dep_ in ("compound", "nmod", "amod"))
