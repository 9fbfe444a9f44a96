"""What a state does with its membership, and the words that make a member noun no
membership.

- Holding verbs: "X regained (won, secured, retained) membership of Y" states the
  membership; giving-up verbs: "X gave up (renounced, relinquished, lost) its seat in Y",
  "a letter giving up X's membership of Y" state that it ends, a negated MEMBER_OF
  (GUIDELINES: leaving and withdrawal are negated).
- Dues: "X owes the OAS millions in membership dues", "X has not paid its UN membership
  fees" presuppose the membership (`membership_dues`).
- `member_polarity` adjusts the trigger rules of MEMBER_OF at their trigger word: a
  membership noun that a giving-up verb governs is negated; "a former member of Y", "a
  former EU member" is negated (not "former communist members", where "former" qualifies
  the adjective); "an aspiring (candidate, prospective) member of Y" is no membership; and
  "X joined A in backing B" joins someone in an action, not a body.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from ._lookup import positions_in
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/member_frames.yaml
_WORDS = read_data("words/member_frames.yaml")

MEMBER_TYPES = ("COUNTRY", "ORGANISATION")
# verbs of gaining or keeping a membership: "regained full membership of the bloc"
HOLDING_VERBS = frozenset(_WORDS["holding_verbs"])
# verbs of giving one up, with the particle some need: "gave up its seat in the body"
GIVING_UP_VERBS = {"give": "up", "renounce": None, "relinquish": None, "surrender": None, "forfeit": None,
                   "lose": None, "abandon": None, "terminate": None, "resign": None, "cede": None}
MEMBERSHIP_NOUNS = {"membership", "seat"}
# verbs whose subject, a membership, ends: "its membership ended in 2024"
ENDING_VERBS = frozenset(_WORDS["ending_verbs"])
# modifiers of a member noun naming states that are not (yet) members
NOT_YET = frozenset(_WORDS["not_yet"])
ENDED = frozenset(_WORDS["ended"])
# "joined A in a call for ...": nouns of a joint action
ACTION_NOUNS = frozenset(_WORDS["action_nouns"])


def _gives_up(verb: Token) -> bool:
    need = GIVING_UP_VERBS.get(verb.lemma_.lower(), False)
    if need is False:
        return False
    return need is None or any(c.dep_ in ("prt", "advmod") and c.lower_ == need for c in verb.children)


def member_polarity(tok: Token) -> Optional[str]:
    """``"drop"``, ``"negate"``, ``"flip"`` (the negation found reverses) or None for a MEMBER_OF trigger word (module docstring)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "PROPN"):
        if lemma in MEMBERSHIP_NOUNS and tok.dep_ in ("dobj", "nsubjpass") and _gives_up(tok.head):
            return "flip"  # "refused to give up its membership" stays a membership
        if lemma == "membership" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ENDING_VERBS:
            return "flip"  # "X's membership of Y ended (lapsed) in 2024"
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i]
        if any(c.lower_ in NOT_YET for c in mods):
            return "drop"
        if lemma in ("member", "membership") and ended(tok):
            return "negate"
        if lemma == "member" and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and tok.doc[tok.i - 2].lower_ == "non":
            return "negate"  # "a non-member of the bloc" (the tokenizer splits "non-member")
    elif lemma == "join" and tok.pos_ == "VERB":
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ == "in":
                if any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in p.children) \
                        or any(c.dep_ == "pobj" and c.lower_ in ACTION_NOUNS for c in p.children):
                    return "drop"
    return None


def ended(tok: Token) -> bool:
    """"a former member", "a former EU member", "ex-members": the membership has ended;
    not "former communist members", whose "former" qualifies another word."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.i < tok.i and c.lower_.rstrip("-") in ("former", "ex"):
            between = tok.doc[c.i + 1:tok.i]
            if all(t.pos_ == "PROPN" or t.text == "-" for t in between):
                return True
    return tok.lower_.startswith("ex-")


def held_memberships(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF from "X regained membership of Y" (positive) and "X gave up its seat in
    Y" (negated)."""
    out: List[Dict] = []
    for i in positions_in(doc, MEMBERSHIP_NOUNS):
        tok = doc[i]
        verb = tok.head
        if tok.dep_ != "dobj" or verb.pos_ != "VERB":
            continue
        vlemma = verb.lemma_.lower()
        giving_up = _gives_up(verb)
        if not giving_up and (vlemma not in HOLDING_VERBS or tok.lemma_.lower() != "membership"):
            continue
        orgs = [e for c in tok.children if c.dep_ in ("compound", "nmod") for e in [index.entity(c.i)] if e]
        # "its seat in Y" (the parser may hang "in Y" on the verb)
        orgs += [e for p in list(tok.children) + list(verb.children) if p.dep_ == "prep" and p.lower_ in ("of", "in", "on")
                 for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        orgs = [o for o in dict.fromkeys(orgs) if index.type_of(o) == "ORGANISATION"]
        if not orgs:
            continue
        members = [e for c in tok.children if c.dep_ == "poss" for e in [index.entity(c.i)] if e]
        if not members:
            members = args.verb_subjects(verb)
        members = [m for m in members if index.type_of(m) in MEMBER_TYPES]
        negated, cue = args.cached(("neg", verb.i), args.modality.negation, verb)
        if giving_up:
            negated, cue = not negated, cue or verb.text
        modality, source = args.cached(("mod", verb.i, True), args.modality.modality, verb, args, "MEMBER_OF")
        for m in members:
            for o in orgs:
                if m != o:
                    out.append(record(tok, m, "MEMBER_OF", o, rule_id="MEMBER_OF:held-membership", negated=negated,
                                      modality=modality, source=source, cue=cue))
    return out


def helped_found(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF from "X helped (to) found Y", where the tagger reads "found" as the past
    of "find": helping to found a body makes a state one of its founding members."""
    out: List[Dict] = []
    for i in positions_in(doc, {"found"}):
        tok = doc[i]
        before = [t for t in doc[max(tok.sent.start, i - 2):i] if t.lower_ != "to"]
        helper = next((t for t in reversed(before) if t.lemma_.lower() == "help"), None)
        if helper is None:
            continue
        orgs = [e for c in tok.children if c.dep_ == "dobj" for e in args.entities_of(c)
                if index.type_of(e) == "ORGANISATION"]
        if not orgs:
            continue
        subjects = args.verb_subjects(tok) or args.verb_subjects(helper)
        negated, cue = args.cached(("neg", tok.i), args.modality.negation, tok)
        for s in subjects:
            if index.type_of(s) != "COUNTRY":
                continue
            out.extend(record(tok, s, "MEMBER_OF", o, rule_id="MEMBER_OF:helped-found", negated=negated, cue=cue)
                       for o in orgs)
    return out


# nouns that "fellow" ties to the members of a body: "fellow EU members (leaders, ministers)"
FELLOW_NOUNS = frozenset(_WORDS["fellow_nouns"])


def fellow_members(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF for the state of a person beside "fellow <body> members (leaders)":
    "Hungarian Prime Minister X drew rebukes from fellow EU members", "Dutch Prime
    Minister X and fellow NATO leaders": the person's state (named in the person's own
    title) is one of the body's members; so is a state itself ("Spain joined fellow EU
    members in condemning X")."""
    out: List[Dict] = []
    for i in positions_in(doc, {"fellow"}):
        tok = doc[i]
        noun = tok.head
        if tok.dep_ not in ("amod", "compound") or noun.lemma_.lower() not in FELLOW_NOUNS:
            continue
        orgs = [e for c in noun.children if c.dep_ in ("compound", "nmod") and c.i < noun.i
                for e in [index.entity(c.i)] if e and index.type_of(e) == "ORGANISATION"]
        orgs += [e for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" for e in [index.entity(o.i)]
                 if e and index.type_of(e) == "ORGANISATION"]
        if not orgs:
            continue
        if noun.dep_ == "conj":
            people = [index.entity(noun.head.i)]
        else:
            verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
            people = args.verb_subjects(verb) if verb is not None else []
        for who in people:
            if who is None:
                continue
            if index.type_of(who) == "PERSON":
                states = _titled_states(tok, who, index)
            elif index.type_of(who) == "COUNTRY":
                states = {who}  # "France and fellow EU leaders", "Spain joined fellow EU members in ..."
            else:
                continue
            if len(states) != 1:
                continue
            state = states.pop()
            out.extend(record(tok, state, "MEMBER_OF", o, rule_id="MEMBER_OF:fellow") for o in orgs if o != state)
    return out


def _titled_states(tok: Token, who: str, index) -> set:
    """The states in the person's own title ("Hungarian Prime Minister X") in ``tok``'s sentence."""
    heads = [x for x in tok.sent if index.entity(x.i) == who and index.entity(x.head.i) != who]
    return {index.entity(x.i) for h in heads[:1] for x in h.subtree if x.i < h.i and index.entity(x.i)
            and index.type_of(index.entity(x.i)) == "COUNTRY"}


# words that single one leader out of a body's leaders: "the only (sole, lone) EU leader"
SINGLING_WORDS = frozenset(_WORDS["singling_words"])
LEADER_NOUNS = {"leader", "head"}


def sole_leaders(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF for the state of a person called "the only (sole, lone) <body> leader"
    ("Hungarian Prime Minister X was the only EU leader present", "X, the sole NATO leader
    in Moscow", "becoming the lone Mercosur leader at the ceremony"): singled out among
    the body's leaders, the person leads one of its members, the state of the person's own
    title. "X, the NATO leader" (the body's own head) and "the only African leader" (no
    body) give nothing."""
    out: List[Dict] = []
    for i in positions_in(doc, SINGLING_WORDS):
        tok = doc[i]
        noun = tok.head
        if tok.dep_ != "amod" or noun.lemma_.lower() not in LEADER_NOUNS or noun.tag_ != "NN":
            continue
        orgs = [e for c in noun.children if c.dep_ in ("compound", "nmod") and tok.i < c.i < noun.i
                for e in [index.entity(c.i)] if e and index.type_of(e) == "ORGANISATION"]
        if not orgs:
            continue
        if noun.dep_ == "appos":
            people = [index.entity(noun.head.i)]
        elif noun.dep_ in ("attr", "oprd") and noun.head.lemma_.lower() in ("be", "become", "remain"):
            people = args.verb_subjects(noun.head)
        else:
            continue
        for who in people:
            if who is None or index.type_of(who) != "PERSON":
                continue
            states = _titled_states(noun, who, index)
            if len(states) == 1:
                state = states.pop()
                out.extend(record(noun, state, "MEMBER_OF", o, rule_id="MEMBER_OF:sole-leader") for o in orgs)
    return out


def made_members(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF from "the body voted to make X a full member" ("made X a member of Y"):
    the one made a member joins the body named on the noun, else the body making it."""
    out: List[Dict] = []
    for i in positions_in(doc, {"member"}):
        tok = doc[i]
        verb = tok.head
        if tok.dep_ not in ("ccomp", "oprd", "xcomp") or verb.lemma_.lower() != "make" or tok.tag_ != "NN":
            continue
        if any(c.lower_ in NOT_YET or c.lower_ in ENDED for c in tok.children):
            continue
        held = [c for c in tok.children if c.dep_ == "nsubj"] + [c for c in verb.children if c.dep_ == "dobj"]
        members = [e for c in held for e in args.entities_of(c) if index.type_of(e) in MEMBER_TYPES]
        bodies = [e for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                  if o.dep_ == "pobj" for e in args.entities_of(o) if index.type_of(e) == "ORGANISATION"]
        if not bodies:
            bodies = [e for e in args.verb_subjects(verb) if index.type_of(e) == "ORGANISATION"]
        negated, cue = args.cached(("neg", verb.i), args.modality.negation, verb)
        modality, source = args.cached(("mod", verb.i, True), args.modality.modality, verb, args, "MEMBER_OF")
        out.extend(record(tok, m, "MEMBER_OF", b, rule_id="MEMBER_OF:made-a-member", negated=negated, cue=cue,
                          modality=modality, source=source) for m in members for b in bodies if m != b)
    return out


# words in the name of a body that states join ("the Arctic Council", "the Non-Aligned
# Movement"); an acronym name counts too ("OPEC"), news outlets and state institutions do not
BODY_NAME_WORDS = frozenset(_WORDS["body_name_words"])
NOT_BODIES = frozenset(_WORDS["not_bodies"])


def bare_member_body(tok: Token, index, args) -> Optional[str]:
    """The body a bare "member" ("member state", "member countries") stands for: "Turkey,
    a member since 1952", "Hungary was the only member state to object" in a passage that
    has just named the body (in this or the previous sentence). None when the noun names
    its own body or the nearest body is no joinable one (a news outlet, the Kremlin)."""
    lemma = tok.lemma_.lower()
    if lemma != "member" and not (lemma in ("state", "country", "nation") or tok.lower_ == "states") \
            or lemma != "member" and not any(c.dep_ == "compound" and c.lemma_.lower() == "member" for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ in ("poss", "nmod") or c.dep_ == "compound" and c.lemma_.lower() != "member" \
                or c.dep_ == "prep" and c.lower_ in ("of", "in"):
            return None
        if c.dep_ == "amod" and c.lower_ in NOT_YET | ENDED | {"other", "non", "new", "newest"}:
            return None
    if tok.dep_ == "attr" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children):
        return None  # "bids to become permanent members": a hope, no membership
    org = args.salient_of_type(tok, "ORGANISATION", sentences=1)
    if org is None:
        return None
    return org if joinable_body(org, index) else None


def joinable_body(org: str, index) -> bool:
    """Whether the organisation ``org`` is a body states join: its name has a body word
    ("the Arctic Council") or is an acronym ("OPEC", "G20"); not a news outlet or a state
    institution (the Kremlin)."""
    name = (index.names.get(org) or "").strip()
    if name.lower() in NOT_BODIES:
        return False
    words = set(name.lower().replace("-", " ").split())
    return bool(words & BODY_NAME_WORDS or (name.isupper() and 2 <= len(name.rstrip("+")) <= 6)
                or (name[:1] == "G" and name[1:].isdigit()))


# nouns of what a member pays ("membership dues", "membership fees")
DUES_NOUNS = frozenset(_WORDS["dues_nouns"])


def membership_dues(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF from membership dues a state owes, pays or withholds: "X owes the OAS
    millions in membership dues", "X has not paid its UN membership fees" (the membership
    is presupposed, whatever the clause's polarity). The body is the one organisation named
    on the dues ("its UN membership fees", "the member fees it owes the ILO"), else the
    one of the clause outside its subject ("owes the OAS ..."); none if there are two."""
    out: List[Dict] = []
    for i in positions_in(doc, {"membership"}):
        tok = doc[i]
        noun = tok.head
        if tok.dep_ != "compound" or noun.lower_ not in DUES_NOUNS:
            continue
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            continue
        members = [e for e in args.verb_subjects(verb) if index.type_of(e) == "COUNTRY"]
        # the body named on the dues ("its UN membership fees", "the dues it owes UNESCO"),
        # else in the clause ("owes the OAS millions in membership dues")
        bodies = list(dict.fromkeys(e for x in noun.subtree for e in [index.entity(x.i)]
                                    if e and index.type_of(e) == "ORGANISATION"))
        if not bodies:
            bodies = list(dict.fromkeys(
                e for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass") for x in c.subtree
                for e in [index.entity(x.i)] if e and index.type_of(e) == "ORGANISATION"))
        if len(bodies) != 1:
            continue
        out.extend(record(tok, m, "MEMBER_OF", bodies[0], rule_id="MEMBER_OF:membership-dues") for m in members)
    return out


# verbs of giving a membership to a state: "the League granted X full membership"
GRANTING_VERBS = frozenset(_WORDS["granting_verbs"])
# verbs of taking a state in "as" a member: "the AU welcomed X as its 55th member"
# ("welcomed X as a member" is read as the welcomer's backing, `advocacy.py`)
TAKING_AS_VERBS = frozenset(_WORDS["taking_as_verbs"])
# modifiers of "member(ship)" that make it no full membership
NO_FULL_MEMBERSHIP = NOT_YET | {"associate", "observer", "partner", "honorary", "guest", "dialogue"}


def granted_memberships(doc: Doc, index, args) -> List[Dict]:
    """MEMBER_OF from a body giving a state its membership: "the Arab League granted
    Somalia full membership in 1974", "the Commonwealth's members gave X membership", "granted
    membership to X", "the AU accepted (inducted) X as its newest member". The
    body is the one named on the noun ("membership of (in) Y"), else the verb's subject or
    the body its subject's members belong to ("the Commonwealth's members"); the member is the
    recipient (indirect object, "to X") or the one taken in "as" a member. Not a negated
    or hypothetical verb, nor observer, associate or candidate status."""
    out: List[Dict] = []
    for i in positions_in(doc, {"membership", "member"}):
        tok = doc[i]
        if any(c.lower_ in NO_FULL_MEMBERSHIP for c in tok.children if c.i < tok.i):
            continue
        verb, members = None, []
        if tok.lower_ == "membership" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in GRANTING_VERBS:
            verb = tok.head
            members = [e for c in verb.children if c.dep_ == "dative" for e in args.entities_of(c)]
            # "granted Somalia full membership": the parser may hang the recipient on the noun
            members += [e for c in tok.children if c.dep_ in ("nmod", "compound") and c.i < tok.i
                        for e in args.entities_of(c) if index.type_of(e) == "COUNTRY"]
            members += [e for p in list(verb.children) + list(tok.children) if p.dep_ in ("prep", "dative")
                        and p.lower_ == "to" for c in p.children if c.dep_ == "pobj" for e in args.entities_of(c)]
        elif tok.lower_ == "member" and tok.dep_ == "pobj" and tok.head.lower_ == "as" \
                and tok.head.head.lemma_.lower() in TAKING_AS_VERBS:
            verb = tok.head.head
            members = [e for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for e in args.entities_of(c)]
        if verb is None or not members:
            continue
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "should"))
               for c in verb.children):
            continue
        bodies = [e for p in tok.children if p.dep_ == "prep" and p.lower_ in ("of", "in", "to")
                  for c in p.children if c.dep_ == "pobj" for e in args.entities_of(c)
                  if index.type_of(e) == "ORGANISATION"]
        if not bodies:
            for s in verb.children:
                if s.dep_ != "nsubj":
                    continue
                bodies += [e for e in args.entities_of(s) if index.type_of(e) == "ORGANISATION"]
                if not bodies and s.lemma_.lower() == "member":  # "the bloc's members gave X ..."
                    bodies += [e for c in s.children if c.dep_ in ("compound", "poss")
                               for e in args.entities_of(c) if index.type_of(e) == "ORGANISATION"]
        for b in dict.fromkeys(bodies):
            out.extend(record(tok, m, "MEMBER_OF", b, rule_id="MEMBER_OF:granted")
                       for m in dict.fromkeys(members) if m != b and index.type_of(m) in MEMBER_TYPES)
    return out
