"""Relations told again with their predicate or object left out (`elided_relations`).

News tells one step once and then gives its followers in short: "A imposed sanctions on C.
B followed suit", "B did the same", "So did B", "A backed C, as did B", "B took similar steps", "B also pulled out",
"B joined A in boycotting the summit", "B joined A's boycott". The follower gets the antecedent's relations: those
of the nearest earlier relation's subject in that sentence (the same sentence before the cue
or the two before it, else the headline), of the deed types only (no affiliation). The copy
is anchored on the cue, so its evidence is the new sentence, and its negation and modality
are those of the new clause ("B has not followed suit" negates the copy, "B is expected to
follow suit" plans it); an antecedent that is itself negated ("A declined to attend. B did
the same") passes its negation on, and a negated cue over a negated antecedent is left
alone. With no relation to copy nothing is made ("B did the same thing every year").

An object "it" that stands for no entity ("X will not attend it") is the event the passage
is about, like an elided one (`referred_object`, used by the trigger rules with an implicit
object). The same module gives elided presence: "X chose not to come", "X did not show up" with no
place of their own are a negated ATTENDS of the event the passage is about (and BOYCOTTS of it
where a protest is stated).

Lexicon: ``relext/data/ellipsis.yaml``.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional, Set, Tuple

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in
from .group_lists import GROUP_MEMBER_RULE
from .presence import in_protest
from .records import record
from .substitutes import replaced_one

# word lists: relext/data/words/relation_ellipsis.yaml
_WORDS = read_data("words/relation_ellipsis.yaml")

_LEX = read_data("ellipsis.yaml")
PRO_VERBS: Dict[str, Set[str]] = {k: set(v) for k, v in _LEX["pro_verbs"].items()}
DO_OBJECTS = set(_LEX["do_objects"])
DO_ADVERBS = set(_LEX["do_adverbs"])
STEP_VERBS = set(_LEX["step_verbs"])
STEP_NOUNS = set(_LEX["step_nouns"])
LIKENESS = set(_LEX["likeness_words"])
ADDITIVE = set(_LEX["additive_adverbs"])
PONDERING = set(_LEX["pondering_verbs"])
PRESENCE_VERBS: Dict[str, Set[str]] = {k: set(v) for k, v in _LEX["presence_verbs"].items()}
COPYABLE = set(_LEX["copyable"])
LEAD_NOUNS = set(_LEX["lead_nouns"])
JOIN_VERBS = set(_LEX["join_verbs"])
BEHIND_VERBS = set(_LEX["behind_verbs"])
# "A backed C, as did B": the auxiliaries that stand for the main verb after "as"
AS_DID_VERBS = set(_LEX["as_did_verbs"])
CUES = set().union(*PRO_VERBS.values()) | LEAD_NOUNS | JOIN_VERBS | BEHIND_VERBS | DO_OBJECTS | DO_ADVERBS | LIKENESS | ADDITIVE \
    | set(PRESENCE_VERBS) | {"well", "join", "follow", "as"}
WINDOW = 2  # sentences before the cue's own
ACTORS = ("PERSON", "COUNTRY", "ORGANISATION")
GUESS_AUX = set(_LEX["guess_auxiliaries"])
GUESS_WORDS = set(_LEX["guess_words"]) | PONDERING
OBJECT_PREPS = frozenset(_WORDS["object_preps"])
# what a step noun stands for: a deed, not a presence ("B took the same step" after "A's
# athletes will still go" is no attendance)
PRESENCES = {"ATTENDS", "VISITS", "MEETS_WITH"}
# nor a stance: backing is said, not taken as a step
STANCES = {"SUPPORTS"}
ABSENCES = {"ATTENDS", "VISITS"}
# deeds one joins ("joined the sanctions"; "joined the summit" is no copy of its talks)
JOINABLE = {"SANCTIONS", "BOYCOTTS"}
# deeds said to be alike ("imposed similar sanctions"; "held similar talks" were with others)
LIKENED = {"SANCTIONS", "BOYCOTTS", "ACCUSES", "THREATENS"}

# a cue: (anchor token, its kind, predicates it is limited to, trigger lemmas the
# antecedent must have, the antecedent's subjects it is limited to, the span the
# antecedent's trigger must lie in)
Cue = Tuple[Token, str, Optional[Set[str]], Optional[Set[str]], Optional[Set[str]], Optional[Tuple[int, int]]]


def elided_relations(doc: Doc, index, args, modality, catalogue, predicates_of: Callable[[Token], Set[str]],
                     records: List[Dict]) -> List[Dict]:
    """Relations of followers ("B followed suit") and elided presences ("X chose not to come").

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.
        modality: the `Modality` cue finder.
        catalogue: the relation types (subject types are checked on each copy).
        predicates_of: the relation types a token's word triggers ("sanctions" -> SANCTIONS).
        records: the relations found so far (the antecedents).

    Returns:
        New relation records, anchored on the cue.
    """
    out: List[Dict] = []
    seen: Set[Tuple[int, str]] = set()
    for i in positions_in(doc, CUES, attr="LEMMA"):
        tok = doc[i]
        for cue in _cues(tok, index, args, predicates_of):
            if (cue[0].i, cue[1]) in seen:
                continue
            seen.add((cue[0].i, cue[1]))
            out += _copies(cue, index, args, modality, catalogue, records)
        if tok.lemma_.lower() in PRESENCE_VERBS:
            out += _elided_presence(tok, index, args, modality)
    return out


# -- cues ---------------------------------------------------------------------------
def _cues(tok: Token, index, args, predicates_of) -> List[Cue]:
    lemma = tok.lemma_.lower()
    head = tok.head
    out: List[Cue] = []
    if tok.dep_ == "dobj" and head.pos_ == "VERB" and lemma in PRO_VERBS.get(head.lemma_.lower(), ()):
        out.append((head, "follow-suit", None, None, None, None))  # "B followed suit"
    elif tok.dep_ == "dobj" and lemma in DO_OBJECTS and head.lemma_.lower() == "do" and head.pos_ == "VERB" \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and not _has_noun(tok):
        out.append((head, "did-the-same", None, None, None, None))  # "B did the same" (not "the same thing")
    elif tok.dep_ == "advmod" and lemma in DO_ADVERBS and head.lemma_.lower() == "do" and head.pos_ == "VERB" \
            and not any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in head.children) \
            and (lemma != "so" or _inverted(head) or any(c.lower_ in ADDITIVE for c in head.children)):
        # ("it will keep doing so" goes on with its own deed: only "So did B", "B did so too")
        out.append((head, "did-likewise", None, None, None, None))  # "B did likewise", "So did B", "B did so"
    elif lemma == "as" and tok.dep_ == "mark" and head.dep_ == "advcl" and head.lemma_.lower() in AS_DID_VERBS \
            and head.i == tok.i + 1 and any(c.dep_ == "nsubj" and c.i > head.i for c in head.children) \
            and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr", "prep", "neg") for c in head.children):
        # "A backed C, as did B", "A has left, as have B and C": the main clause's deeds,
        # before the cue, go to the inverted subject
        sent = tok.sent
        out.append((head, "as-did", None, None, None, (sent.start_char, tok.idx)))
    elif lemma == "so" and tok.dep_ == "advmod" and head.lower_ in ("too", "well") and head.head.lemma_.lower() == "do" \
            and head.head.pos_ == "VERB":
        out.append((head.head, "did-likewise", None, None, None, None))  # "B did so too" ("so" read under "too")
    elif tok.dep_ == "amod" and lemma in LIKENESS and tok.head.dep_ == "dobj" and head.head.pos_ == "VERB":
        noun, verb = head, head.head
        typed = predicates_of(noun) & LIKENED
        if noun.lemma_.lower() in STEP_NOUNS and verb.lemma_.lower() in STEP_VERBS:
            out.append((verb, "similar-step", None, None, None, None))  # "B took similar steps"
        elif typed and not _has_own_object(noun):
            out.append((verb, "similar-" + noun.lemma_.lower(), typed, None, None, None))  # "imposed similar sanctions"
    elif tok.dep_ == "advmod" and (lemma in ADDITIVE or lemma == "well" and _as_well(tok)) and head.pos_ == "VERB" \
            and head.lemma_.lower() not in ("do", "be", "have", "say") and not _has_own_object(head):
        words = [head] + [c for c in head.children if c.dep_ == "dobj"]
        if any(predicates_of(w) for w in words):
            lemmas = {w.lemma_.lower() for w in words}
            out.append((head, "also", None, lemmas, None, None))  # "B also pulled out"
            if _absence(head, predicates_of):
                # "A would not travel to Kyiv, and B is also staying away": A's absence
                out.append((head, "also-absent", ABSENCES, None, None, None))
    elif lemma in LEAD_NOUNS and head.lemma_.lower() == "follow" and tok.dep_ == "dobj" \
            or lemma in LEAD_NOUNS and tok.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() == "follow":
        # "B followed A's lead (example)", "B followed in A's footsteps": A's deeds
        verb = head if tok.dep_ == "dobj" else head.head
        owners = {e for c in tok.children if c.dep_ in ("poss", "compound") for e in args.entities_of(c)}
        owners |= {e for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj" for e in args.entities_of(p)}
        out.append((verb, "followed-lead", None, None, owners or None, None))
    elif lemma in JOIN_VERBS and tok.pos_ == "VERB" and any(
            c.dep_ == "dobj" and predicates_of(c) & JOINABLE and _bare(c) for c in tok.children):
        # "B joined the sanctions", "B adopted the measures": the deed named before
        noun = next(c for c in tok.children if c.dep_ == "dobj" and predicates_of(c) & JOINABLE and _bare(c))
        out.append((tok, "joined-step", predicates_of(noun) & JOINABLE, None, None, None))
    if tok.pos_ == "VERB" and (lemma in JOIN_VERBS or lemma in BEHIND_VERBS):
        out += _owned_deed(tok, args, predicates_of)
    if lemma in ("join", "follow") and tok.pos_ == "VERB":
        led = [c for c in tok.children if c.dep_ == "dobj"]
        deed = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]
        if len(led) == 1 and deed:
            firsts = set(args.entities_of(led[0]))
            sub = list(deed[0].subtree)
            if firsts:
                out.append((tok, "joined-in", None, None, firsts, (sub[0].idx, sub[-1].idx + len(sub[-1]))))
    return out


def _owned_deed(verb: Token, args, predicates_of) -> List[Cue]:
    """"B joined A's boycott (of X)", "B lined up behind a US (the Dutch) boycott": a deed
    noun that names its owner; the joiner copies the owner's relations told by that noun."""
    if verb.lemma_.lower() in BEHIND_VERBS:
        nouns = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "behind"
                 for o in c.children if o.dep_ == "pobj"]
    else:
        nouns = [c for c in verb.children if c.dep_ == "dobj"]
    out: List[Cue] = []
    for noun in nouns:
        typed = predicates_of(noun) & JOINABLE
        if not typed:
            continue
        owners = set(args.noun_internal_subjects(noun))  # "A's", "the US", "the Kenyan-led" boycott
        owners -= set(args.subjects(verb))
        if not owners:
            continue
        sub = list(noun.subtree)
        out.append((verb, "joined-owned", typed, None, owners, (sub[0].idx, sub[-1].idx + len(sub[-1]))))
    return out


def _absence(verb: Token, predicates_of) -> bool:
    """"stays away", "skipped", "did not go": a verb of staying away from a place or event."""
    lemma = verb.lemma_.lower()
    if lemma == "stay" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in verb.children) or lemma == "skip":
        return True
    return bool(predicates_of(verb) & ABSENCES) and any(c.dep_ == "neg" for c in verb.children)


def _bare(noun: Token) -> bool:
    """"the sanctions", "these measures": definite, with no party of its own."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that") for c in noun.children) \
        and not any(c.dep_ in ("poss", "compound", "amod", "nmod") and _names_party(c)
                    or c.dep_ == "prep" and c.lower_ in OBJECT_PREPS | {"by"} for c in noun.children)


def _inverted(verb: Token) -> bool:
    """"So did B": the subject after the verb."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i for c in verb.children)


def _has_noun(tok: Token) -> bool:
    return any(c.dep_ in ("prep", "compound", "amod") for c in tok.children) or tok.pos_ == "NOUN"


def _as_well(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ == "as"


def _has_own_object(tok: Token) -> bool:
    """Whether a verb (or noun) names an object of its own: then the sentence is no ellipsis
    ("China also accused the US")."""
    for c in tok.children:
        if c.dep_ == "dobj" and any(p.dep_ == "prep" and p.lower_ in OBJECT_PREPS for p in c.children):
            return True  # "also imposed duties on Chinese cars"
        if c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "attr", "oprd") and not (tok.pos_ == "VERB" and c.dep_ == "dobj"
                                                                                     and not _names_party(c)):
            return True
        if c.dep_ == "prep" and any(p.dep_ == "pobj" and _names_party(p) for p in c.children):
            return True
    return False


def _names_party(t: Token) -> bool:
    return any(w.pos_ == "PROPN" or w.ent_type_ in ("GPE", "ORG", "PERSON", "NORP", "EVENT") for w in t.subtree)


# -- copies ---------------------------------------------------------------------------
def _copies(cue: Cue, index, args, modality, catalogue, records: List[Dict]) -> List[Dict]:
    anchor, kind, preds, lemmas, firsts, span = cue
    if kind.startswith("similar") and anchor.lemma_.lower() in PONDERING:
        return []
    if _predicted(anchor):
        return []  # "B is expected to follow suit", "B could do the same": a guess (GUIDELINES)
    followers = [e for e in args.subjects(anchor) if index.type_of(e) in ACTORS]
    if firsts:
        followers = [e for e in followers if e not in firsts]
    if not followers:
        return []
    ante = _antecedent(anchor, records, set(followers), preds, lemmas, firsts, span, kind == "also-absent")
    if not ante:
        return []
    neg, cue_word = modality.negation(anchor)
    out: List[Dict] = []
    doc = anchor.doc
    for r in ante:
        if kind == "similar-step" and (r["predicate"] in PRESENCES and not r["negated"] or r["predicate"] in STANCES):
            continue
        if kind == "also":
            # the verb told again: only the negations of the two clauses differ ("A did not
            # attend; B also did not attend", "A stayed away; B also stayed away")
            ante_tok = doc.char_span(r["evidence"]["trigger_start"], r["evidence"]["trigger_end"], alignment_mode="expand")
            negated = r["negated"] != (neg != (ante_tok is not None and modality.negation(ante_tok.root)[0]))
        elif kind == "also-absent":
            if neg:
                continue  # "B also did not stay away"
            negated = True
        elif neg and r["negated"]:
            continue  # "A declined to attend. B did not do the same": unclear
        else:
            negated = r["negated"] != neg
        pred = r["predicate"]
        rtype = catalogue.get(pred)
        mod, source = modality.modality(anchor, args, pred)
        for s in followers:
            if s == r["object"] or rtype is None:
                continue
            if index.type_of(s) not in {getattr(t, "value", t) for t in rtype.subject_types}:
                continue
            if _contradicts(s, pred, r["object"], negated, records):
                continue
            out.append(record(anchor, s, pred, r["object"], rule_id="ellipsis:" + kind, negated=negated,
                              modality=mod, source=source, symmetric=r["symmetric"],
                              cue=cue_word if neg and negated else r["evidence"]["cue"]))
    return out


def _antecedent(anchor: Token, records: List[Dict], followers: Set[str], preds, lemmas, firsts, span,
                negated_only: bool = False) -> List[Dict]:
    """The relations the cue at ``anchor`` copies: those of the nearest earlier relation's
    subject in its sentence (within the cue's sentence and the two before, else the headline)."""
    doc = anchor.doc
    sents = list(doc.sents)
    k = next(n for n, s in enumerate(sents) if s.start <= anchor.i < s.end)
    lo = sents[max(0, k - WINDOW)].start_char
    end = anchor.sent.end_char if span else anchor.idx

    def fits(r: Dict, lo_: int, hi_: int) -> bool:
        ev = r["evidence"]
        if not (lo_ <= ev["trigger_start"] < hi_) or r["predicate"] not in COPYABLE:
            return False
        if ev.get("rule") == GROUP_MEMBER_RULE:
            return False  # the listed members' membership is no deed a follower copies
        if r["subject"] in followers or r["object"] in followers:
            return False
        if preds is not None and r["predicate"] not in preds or negated_only and not r["negated"]:
            return False
        if firsts is not None and r["subject"] not in firsts:
            return False
        if span is not None and not (span[0] <= ev["trigger_start"] < span[1]):
            return False
        if lemmas is not None:
            t = doc.char_span(ev["trigger_start"], ev["trigger_end"], alignment_mode="expand")
            if t is None or not ({w.lemma_.lower() for w in t} & lemmas):
                return False
        return True

    found = [r for r in records if fits(r, lo, end)]
    if not found and k > WINDOW:
        head = sents[0]  # the headline
        found = [r for r in records if fits(r, head.start_char, head.end_char)]
    if not found:
        return []
    nearest = max(found, key=lambda r: r["evidence"]["trigger_start"])
    group = [r for r in found if r["subject"] == nearest["subject"]
             and r["evidence"]["start_char"] == nearest["evidence"]["start_char"]]
    boycotted = {r["object"] for r in group if r["predicate"] == "BOYCOTTS" and not r["negated"]}
    # a boycott already says the follower stays away
    return [r for r in group if not (r["predicate"] == "ATTENDS" and r["negated"] and r["object"] in boycotted)]


def _contradicts(s: str, pred: str, o: str, negated: bool, records: List[Dict]) -> bool:
    """Whether the text already says otherwise of the follower: the opposite polarity of the
    same relation, or attending what it boycotts."""
    for r in records:
        if r["subject"] != s or r["object"] != o:
            continue
        if r["predicate"] == pred and r["negated"] != negated:
            return True
        if {pred, r["predicate"]} == {"ATTENDS", "BOYCOTTS"} and not negated and not r["negated"]:
            return True
    return False


def _predicted(anchor: Token) -> bool:
    """Whether the cue's clause is a prediction or guess, not a stated step or plan."""
    for t in [anchor, *list(anchor.ancestors)[:3]]:
        if any(c.dep_ == "aux" and c.lower_ in GUESS_AUX for c in t.children) or t.lemma_.lower() in GUESS_WORDS:
            return True
        if t.dep_ not in ("xcomp", "ccomp", "conj"):
            break
    return False


# -- objects referred back ----------------------------------------------------------------
def referred_object(tok: Token, args) -> bool:
    """Whether the only object of the trigger ``tok`` is "it" standing for no entity ("The
    summit opens on Monday. X will not attend it", "X will boycott it"): then it is the event
    the passage is about, as if no object were named."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "at", "in", "for", "of", "from")
             for p in c.children if p.dep_ == "pobj"]
    if any(c.dep_ == "prt" for c in tok.children):
        return False
    kept = [o for o in objs if not replaced_one(o)]
    if objs and not kept:
        return True  # "Q will go instead of M": M is whom Q replaces, not where Q goes
    return len(kept) == 1 and kept[0].lower_ == "it" and not args.entities_of(kept[0])


# -- elided presence ------------------------------------------------------------------
def _elided_presence(tok: Token, index, args, modality) -> List[Dict]:
    """"X chose not to come", "X did not show up": a negated ATTENDS of the passage's event."""
    if tok.pos_ != "VERB":
        return []
    particles = PRESENCE_VERBS[tok.lemma_.lower()]
    kids = list(tok.children)
    prts = {c.lower_ for c in kids if c.dep_ == "prt"}
    if particles and not prts & particles or not particles and prts:
        return []
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr", "oprd", "agent") for c in kids) \
            or any(c.dep_ == "prep" and c.lower_ not in ("on", "in", "during", "after", "before", "because", "despite")
                   for c in kids) \
            or any(c.dep_ == "advmod" and c.lower_ in ("back", "out", "here", "there", "home", "close", "forward",
                                                       "together", "down", "up", "under", "along")
                   for c in kids if c.dep_ != "prt"):
        return []
    if tok.dep_ in ("relcl", "acl", "amod", "advcl", "pcomp"):
        return []
    neg, cue = modality.negation(tok)
    if not neg:
        return []
    subjects = [e for e in args.subjects(tok) if index.type_of(e) in ACTORS]
    ev = args.salient_event(tok) if subjects else None
    if not ev:
        return []
    mod, source = modality.modality(tok, args, "ATTENDS")
    out = [record(tok, s, "ATTENDS", ev, rule_id="ellipsis:elided-presence", negated=True, modality=mod,
                  source=source, cue=cue) for s in subjects if s != ev]
    if in_protest(tok):
        # "X will not participate, in protest at Y": staying away in protest is a boycott too
        out += [record(tok, s, "BOYCOTTS", ev, rule_id="ellipsis:elided-absence-in-protest", modality=mod,
                       source=source) for s in subjects if s != ev]
    return out
