"""SUPPORTS from a backer named before a participle, and from recognising someone as
legitimate.

- "the Iran-backed Houthi rebels", "Kremlin-funded outlets such as RT", "a U.S.-supported
  government": the compound adjective states that the first name backs the one it
  describes, whatever the clause around it says (like "X-led" for membership in
  `membership.led_members`). The described name is the first entity within a few words
  after the participle; where that is a word for a government ("Colombia's US-backed
  government", "the Saudi-backed government of Yemen"), the state whose government it
  is, named as its possessor or after "of" / "in".
- "sees X as the legitimate president", "regards X as the country's rightful leader",
  "recognised X as interim president", "accepts the claim of X to be president" (or
  "X's claim"): recognition of a claim to power is backing the claimant (CAMEO 051/057);
  "does not regard X as legitimate" is the negated SUPPORTS, and so is "does not regard X
  as a state" (statehood recognised or not); "recognised X as
  Venezuela's interim president" also gives X AFFILIATED_WITH the state whose office it is.
- "described X's vote as a welcome step (a positive development)": approving of X's step;
- "gave X $3bn in military aid", "offered X a loan", "sent X weapons": material support
  to the recipient named as the indirect object;
- "Ukraine has our full support", "X won (enjoys) the backing of Y", "X has U.S. backing",
  "X's bid has the backing of Y": support had by the subject of a verb of having (or the
  owner of the step that has it), given by the possessor, a name before the noun or the
  "of" name; "did Z with the backing of Y": Y supports the one who did Z; the trigger
  rules do not read the "of" of such a noun as the one supported;
- "pledged Kyiv his support": the parser's object with the support noun in apposition;
  "the support (backing) Moscow lends (gives) X": the support noun with its giver in a
  relative clause;
- "X thanked Y for its support (help, solidarity)": Y supports X;
- "Y assured X (him) of its (Poland's) support": Y (and Poland) SUPPORTS X (`assured_support`);
- "(most of the) backing for X's return came from A and B": support whose source is named
  by "come (flow) from": A and B SUPPORTS X (the one the support is for, or the owner of the
  step it is for);
- "X can count (rely) on Y's support (the support of Y)": Y SUPPORTS X; with no giver
  named, the speaker of the words (a quotation or the subject of the reporting verb);
- "US arms deliveries to X would continue", "Germany's weapons sales to X will resume": a
  transfer of arms told as going on supports X by its owner (the possessor or the name
  before the noun); a transfer only named stays background (`triggers.yaml`).

Word lists: ``support_sources``, ``relied_on_verbs``, ``arms_transfer_nouns``, ... in
``relext/data/cues.yaml``.
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Doc, Token

from ..gazetteer import read_data
from ._lookup import positions_in, positions_where
from .antecedents import ACTION_VERBS, step_owner
from .records import pair_records, record

# word lists: relext/data/words/backing.yaml
_WORDS = read_data("words/backing.yaml")

_CUES = read_data("cues.yaml")
SUPPORT_SOURCES = frozenset(_CUES["support_sources"])
SUPPORT_SOURCE_VERBS = frozenset(_CUES["support_source_verbs"])
RELIED_ON_VERBS = frozenset(_CUES["relied_on_verbs"])
ARMS_TRANSFER_NOUNS = frozenset(_CUES["arms_transfer_nouns"])
# "X hopes (tries, seeks) to win Y's backing": support sought, not had
SOUGHT_SUPPORT_GOVERNORS = frozenset(_CUES["sought_support_governors"])
ARMS_MODIFIERS = frozenset(_CUES["arms_modifiers"])
GOING_ON_VERBS = frozenset(_CUES["going_on_verbs"])
# a state's government described by the participle ("Colombia's US-backed government")
GOVERNING_NOUNS = frozenset(_CUES["governing_nouns"])
# shares of the support ("most of the backing for X came from Y")
PORTION_WORDS = frozenset(_CUES["portion_words"])

BACKING_PARTICIPLES = tuple(_WORDS["backing_participles"])
BACKER_TYPES = ("COUNTRY", "ORGANISATION", "PERSON")
WINDOW = 3  # words between the participle and the name ("the Iran-backed Houthi rebels")


def _supports(tok, pairs, index, rule_id: str, negated: bool = False, cue=None) -> List[Dict]:
    """SUPPORTS records for the ``(giver, backed)`` pairs whose ends differ and may back."""
    return pair_records(tok, pairs, "SUPPORTS", rule_id=rule_id, type_of=index.type_of, types=BACKER_TYPES,
                        negated=negated, cue=cue)


def prefixed_backing(doc: Doc, index) -> List[Dict]:
    """SUPPORTS records for "X-backed Y" (one token or split at the hyphen)."""
    out: List[Dict] = []
    for i in positions_where(doc, lambda w: w in BACKING_PARTICIPLES or "-" in w and w.rsplit("-", 1)[-1] in BACKING_PARTICIPLES):
        tok = doc[i]
        low = tok.lower_
        if "-" in low and low.rsplit("-", 1)[1] in BACKING_PARTICIPLES and len(low) > 8:
            prefix = tok.text.rsplit("-", 1)[0]
            backer = next((e for e, forms in index.surface.items() if prefix in forms), None)
        elif low in BACKING_PARTICIPLES and tok.i >= 2 and doc[tok.i - 1].text in ("-", "–") \
                and not doc[tok.i - 1].whitespace_:
            backer = index.entity(tok.i - 2)
        else:
            continue
        if backer is None or index.type_of(backer) not in BACKER_TYPES:
            continue
        backed = None
        for j in range(tok.i + 1, min(tok.i + 1 + WINDOW, len(doc))):
            t = doc[j]
            if t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "CCONJ"):
                break
            e = index.entity(j)
            if e is not None:
                backed = e
                break
            if t.lemma_.lower() in GOVERNING_NOUNS:
                backed = _governed_state(t, index)
                break
        if backed is not None and backed != backer and index.type_of(backed) in BACKER_TYPES:
            out.append(record(tok, backer, "SUPPORTS", backed, rule_id="SUPPORTS:prefixed-backer"))
    return out


def _governed_state(noun: Token, index):
    """The state whose government ``noun`` is: its possessor ("Colombia's ... government")
    or the name after "of" / "in" ("the government of Yemen"); None if neither is a state
    (a government building, a plan for a government: no state is named on the noun).
    """
    for child in noun.children:
        if child.dep_ == "poss":
            candidates = [child]
        elif child.dep_ == "prep" and child.lower_ in ("of", "in"):
            candidates = [g for g in child.children if g.dep_ == "pobj"]
        else:
            continue
        for c in candidates:
            e = index.entity(c.i)
            if e is not None and index.type_of(e) == "COUNTRY":
                return e
    return None


# verbs of holding someone to be something: "sees X as", "regards X as", "recognised X as"
REGARD_VERBS = frozenset(_WORDS["regard_verbs"])
# verbs whose complement needs no "as": "considers X the legitimate president"
BARE_COMPLEMENT_VERBS = frozenset(_WORDS["bare_complement_verbs"])
# what makes the "as" complement a claim to power
LEGITIMATE_WORDS = frozenset(_WORDS["legitimate_words"])
CLAIM_NOUNS = frozenset(_WORDS["claim_nouns"])
# "regards X as a state (an independent country)": recognising statehood
STATEHOOD_NOUNS = frozenset(_WORDS["statehood_nouns"])
# verbs that grant a claim rather than weigh it ("considered X's claim" grants nothing)
GRANT_VERBS = frozenset(_WORDS["grant_verbs"])


# "described the ruling as a welcome move": approving of someone's step
WELCOME_WORDS = frozenset(_WORDS["welcome_words"])
STEP_NOUNS = frozenset(_WORDS["step_nouns"])
DESCRIBE_VERBS = frozenset(_WORDS["describe_verbs"])


def _welcome_complement(v: Token) -> bool:
    """Whether ``v`` calls its object a welcome step ("described X's vote as a welcome step")."""
    if v.lemma_.lower() not in DESCRIBE_VERBS:
        return False
    return any(t.lower_ in WELCOME_WORDS and t.dep_ == "amod" and t.head.lemma_.lower() in STEP_NOUNS
               for t in v.subtree if t.i > v.i)


def _legitimacy_complement(v: Token) -> bool:
    """Whether ``v`` has an "as (to be) <legitimate ...>" complement or names a claim."""
    for t in v.subtree:
        if t.i <= v.i:
            continue
        if t.lower_ == "as" and t.dep_ == "prep" and any(w.lower_ in LEGITIMATE_WORDS for w in t.subtree):
            return True
        if t.lower_ == "as" and t.dep_ == "prep" and t.head.i == v.i and any(
                o.dep_ == "pobj" and o.lemma_.lower() in STATEHOOD_NOUNS
                and not any(c.dep_ in ("prep", "compound", "relcl", "acl") for c in o.children) for o in t.children):
            return True  # "does not regard X as a state", not "as a state sponsor of terror"
        if v.lemma_.lower() in BARE_COMPLEMENT_VERBS and t.lower_ in LEGITIMATE_WORDS and t.dep_ == "amod":
            return True
    return False


def legitimacy(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for recognising someone's claim to power (module docstring)."""
    out: List[Dict] = []
    for v in (doc[i] for i in positions_in(doc, REGARD_VERBS, attr="LEMMA")):
        if v.pos_ != "VERB" or v.lemma_.lower() not in REGARD_VERBS:
            continue
        dobjs = [c for c in v.children if c.dep_ in ("dobj", "nsubjpass")
                 or (c.dep_ == "ccomp" and c.pos_ == "PROPN" and v.lemma_.lower() in BARE_COMPLEMENT_VERBS)]
        # a claim to power, not a claim that something is so ("accepted X's claim that ...")
        claim = [d for d in dobjs if d.lemma_.lower() in CLAIM_NOUNS
                 and not any(c.dep_ in ("acl", "ccomp") for c in d.children)] if v.lemma_.lower() in GRANT_VERBS else []
        welcome = not claim and _welcome_complement(v)
        if not claim and not welcome and not _legitimacy_complement(v):
            continue
        objects: List[str] = []
        for d in dobjs:
            if d in claim:
                # "the claim of X to be president", "X's claim to the presidency"
                holders = [c for c in d.children if c.dep_ == "poss"]
                holders += [o for p in d.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj"]
                objects += [e for h in holders for e in args.entities_of(h)]
            elif not (welcome and d.pos_ == "PRON"):  # "called it an encouraging signal that ...": a clause
                objects += args.entities_of(d, positions=welcome)
        objects = [o for o in objects if index.type_of(o) in BACKER_TYPES]
        if not objects:
            continue
        negated, cue = args.modality.negation(v)
        for s in args.cached(("subj", v.i), args.subjects, v):
            for o in objects:
                if s != o and index.type_of(s) in BACKER_TYPES:
                    out.append(record(v, s, "SUPPORTS", o, rule_id="SUPPORTS:called-a-welcome-step" if welcome
                                      else "SUPPORTS:recognised-as-legitimate",
                                      negated=negated, cue=cue))
        if not claim and not welcome:
            out += _office_of_the_recognised(v, objects, index, args)
    return out


def _office_of_the_recognised(v: Token, people: List[str], index, args) -> List[Dict]:
    """"recognised X as Venezuela's interim president (the interim president of
    Venezuela)": the office the complement names gives X AFFILIATED_WITH the state whose
    office it is (a possessor or an "of" name), whoever recognises it."""
    out: List[Dict] = []
    for prep in v.children:
        if prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        for office in prep.children:
            if office.dep_ != "pobj" or office.lemma_.lower() not in args.titles:
                continue
            states = [e for c in office.children if c.dep_ == "poss" for e in args.entities_of(c)]
            states += [e for c in office.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
            for person in people:
                for st in dict.fromkeys(states):
                    if index.type_of(person) == "PERSON" and index.type_of(st) == "COUNTRY":
                        out.append(record(office, person, "AFFILIATED_WITH", st, rule_id="AFFILIATED_WITH:recognised-as"))
    return out


HAVING_VERBS = frozenset(_WORDS["having_verbs"])
HAD_SUPPORT = frozenset(_WORDS["had_support"])


def had_support(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for support had by the subject of a verb of having (module docstring)."""
    out: List[Dict] = []
    for n in (doc[i] for i in positions_in(doc, HAD_SUPPORT, attr="LEMMA")):
        if n.pos_ != "NOUN" or n.lemma_.lower() not in HAD_SUPPORT or n.dep_ != "dobj" \
                or n.head.lemma_.lower() not in HAVING_VERBS:
            continue
        if any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in n.children):
            continue  # "has support for India's bid": the holder supports
        givers = [e for c in n.children if c.dep_ == "poss" for e in args.entities_of(c)]
        # "Kosovo has U.S. backing": a name (or a demonym) before the noun
        givers += [e for c in n.children if c.dep_ in ("compound", "nmod", "amod") and c.i < n.i
                   for e in ([index.entity(c.i)] if index.entity(c.i) else [])]
        givers += [e for p in n.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                   for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        # "X enjoys strong support from Y": the parser may hang "from Y" on the verb
        givers += [e for p in n.head.children if p.dep_ == "prep" and p.lower_ == "from"
                   for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        if not givers:
            continue
        if n.head.dep_ == "xcomp" and n.head.head.lemma_.lower() in SOUGHT_SUPPORT_GOVERNORS \
                or args.modality.modality(n.head, args, "SUPPORTS")[0] == "HYPOTHETICAL":
            continue  # "X hopes (tries) to win the support of Y": support sought, not had
        negated, cue = args.modality.negation(n.head)
        out += _supports(n, ((s, o) for o in _holders(args, n.head) for s in givers), index,
                         "SUPPORTS:has-the-support-of", negated=negated, cue=cue)
    return out


def _holders(args, v: Token) -> List[str]:
    """Who has the support had through ``v``: its subject, or the owner of a step that is
    its subject ("Kosovo's bid has U.S. backing")."""
    found = args.verb_subjects(v)
    if found:
        return found
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or args.index.entity(subj.i) or subj.lemma_.lower() not in OWNED_STEPS | set(ACTION_VERBS):
        return []
    owners = [e for c in subj.children if c.dep_ == "poss" for e in args.entities_of(c)]
    # support14: "Kenya applied to join. The bid has the support of A": the one who took
    # the step named again by a bare definite noun (`antecedents.step_owner`)
    return owners or step_owner(args, subj)


# steps whose support is their owner's ("X's bid has the backing of Y")
OWNED_STEPS = frozenset(_WORDS["owned_steps"])


def held_support_noun(tok: Token) -> bool:
    """``tok`` is a support noun had or come with ("has the backing of X", "with the support
    of X"): its "of" names the giver, not the one supported (``had_support`` and
    ``with_support`` give those); "has support for Z" keeps its object."""
    if tok.lemma_.lower() not in HAD_SUPPORT or tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in tok.children):
        return False
    return (tok.dep_ == "dobj" and tok.head.lemma_.lower() in HAVING_VERBS) or \
        (tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ in ("VERB", "AUX"))


SEEKING_VERBS = frozenset(_WORDS["seeking_verbs"])
WINNING_VERBS = frozenset(_WORDS["winning_verbs"])


def sought_support_noun(tok: Token) -> bool:
    """``tok`` is a support noun asked for, not given: "Croatia sought (requested)
    Austria's support", "asked (lobbied) for Austria's backing", "hopes (tries) to win
    Austria's backing". "Won Austria's backing" is had."""
    if tok.lemma_.lower() not in HAD_SUPPORT or tok.pos_ != "NOUN":
        return False
    if tok.dep_ == "dobj":
        gov = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.pos_ == "VERB":
        gov = tok.head.head  # "asked for X's support"
    else:
        return False
    lemma = gov.lemma_.lower()
    if lemma in SEEKING_VERBS:
        return True
    return lemma in WINNING_VERBS and gov.dep_ == "xcomp" and gov.head.lemma_.lower() in SOUGHT_SUPPORT_GOVERNORS


def with_support(doc: Doc, index, args) -> List[Dict]:
    """"X seized Y with the backing (support, blessing) of Z", "with Z's (U.S.) backing": Z
    SUPPORTS the subject of the clause the phrase hangs on."""
    out: List[Dict] = []
    for n in (doc[i] for i in positions_in(doc, HAD_SUPPORT, attr="LEMMA")):
        if not held_support_noun(n) or n.dep_ != "pobj":
            continue
        givers = [e for c in n.children if c.dep_ == "poss" for e in args.entities_of(c)]
        givers += [e for c in n.children if c.dep_ in ("compound", "nmod", "amod") and c.i < n.i
                   for e in ([index.entity(c.i)] if index.entity(c.i) else [])]
        givers += [e for p in n.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                   for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        if not givers or any(c.dep_ == "neg" or c.lower_ in ("without", "no") for c in n.children):
            continue
        v = n.head.head
        # ("The resolution passed with the support of A": its owner named before, `_holders`)
        supported = args.cached(("subj", v.i), args.subjects, v) or (_holders(args, v) if v.pos_ in ("VERB", "AUX") else [])
        out += _supports(n, ((s, o) for o in supported for s in givers), index,
                         "SUPPORTS:with-the-support-of")
    return out


THANKED_FOR = frozenset(_WORDS["thanked_for"])


def thanked_for_support(doc: Doc, index, args) -> List[Dict]:
    """"X thanked Y for its support (help, solidarity)": Y SUPPORTS X (the thanks state the
    support given; the thanks themselves are no SUPPORTS of Y). A support noun with an object
    of its own ("for its support for Z") is left to the trigger rules."""
    out: List[Dict] = []
    for v in (doc[i] for i in positions_in(doc, {"thank"}, attr="LEMMA")):
        if v.pos_ != "VERB":
            continue
        nouns = [o for p in v.children if p.dep_ == "prep" and p.lower_ == "for"
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in THANKED_FOR
                 and not any(c.dep_ == "prep" and c.lower_ in ("for", "to", "of") for c in o.children)]
        if not nouns:
            continue
        givers = [e for c in v.children if c.dep_ == "dobj" for e in args.entities_of(c)]
        negated, cue = args.modality.negation(v)
        for o in args.cached(("subj", v.i), args.subjects, v):
            for s in givers:
                if s != o and index.type_of(s) in BACKER_TYPES and index.type_of(o) in BACKER_TYPES and not negated:
                    out.append(record(nouns[0], s, "SUPPORTS", o, rule_id="SUPPORTS:thanked-for-support"))
    return out


GIVING_VERBS = frozenset(_WORDS["giving_verbs"])
GIVEN_SUPPORT = frozenset(_WORDS["given_support"])


def given_support(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for support given to an indirect object (module docstring)."""
    out: List[Dict] = []
    for v in (doc[i] for i in positions_in(doc, GIVING_VERBS, attr="LEMMA")):
        if v.pos_ != "VERB" or v.lemma_.lower() not in GIVING_VERBS:
            continue
        recipients = [e for c in v.children if c.dep_ == "dative" for e in args.entities_of(c)]
        if v.dep_ == "relcl" and v.head.lemma_.lower() in GIVEN_SUPPORT and v.head.pos_ == "NOUN":
            # "the support Moscow lends X", "the backing Russia gives X": the support noun is
            # the given thing, and the recipient the relative clause's object
            recipients += [e for c in v.children if c.dep_ == "dobj" for e in args.entities_of(c)]
            if not recipients:
                continue
        elif not recipients:
            # "pledged Kyiv his support" parsed as an object with the support in apposition
            recipients = [e for c in v.children if c.dep_ == "dobj" and index.entity(c.i)
                          and any(a.dep_ == "appos" and a.lemma_.lower() in GIVEN_SUPPORT
                                  and any(p.dep_ == "poss" for p in a.children) for a in c.children)
                          for e in args.entities_of(c)]
            gifts = [c for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in GIVEN_SUPPORT
                     and any(p.dep_ == "poss" for p in c.children)]
            for g in gifts:
                # "pledged Kyiv his "unwavering support"": two objects, or the recipient hung on
                # the support noun before its possessor
                poss_i = min(p.i for p in g.children if p.dep_ == "poss")
                recipients += [e for c in v.children if c.dep_ == "dobj" and c.i < poss_i and index.entity(c.i)
                               for e in args.entities_of(c)]
                recipients += [e for c in g.children if c.dep_ in ("nmod", "compound") and c.i < poss_i
                               and index.entity(c.i) for e in args.entities_of(c)]
            if not recipients:
                continue
        elif not any(t.lemma_.lower() in GIVEN_SUPPORT for c in v.children if c.dep_ == "dobj" for t in c.subtree):
            continue
        negated, cue = args.modality.negation(v)
        out += _supports(v, ((s, o) for s in args.cached(("subj", v.i), args.subjects, v) for o in recipients), index,
                         "SUPPORTS:gave-aid", negated=negated, cue=cue)
    return out


ASSURING_VERBS = frozenset(_CUES["assuring_verbs"])
ASSURED_SUPPORT = GIVEN_SUPPORT | frozenset(_CUES["assured_support_nouns"])


def assured_support(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for support promised to the object of a verb of assuring:
    "Duda assured him of Poland's full support", "reassured Kyiv of its solidarity" ->
    the subject (and the support noun's possessor, "Poland's") SUPPORTS the one assured,
    whether named or referred to by a pronoun or description (``assuring_verbs`` and
    ``assured_support_nouns`` in cues.yaml). Not: an assurance of something else ("assured
    him of a fair trial"), a negated one ("did not assure X of support") gives a negated
    record.

    Args:
        doc: the parsed document.
        index: its `EntityIndex`.
        args: its `Arguments`.

    Returns:
        The records, one per supporter and one assured.
    """
    out: List[Dict] = []
    for v in (doc[i] for i in positions_where(doc, lambda w: w in ASSURING_VERBS, attr="LEMMA")):
        if v.pos_ != "VERB" or v.lemma_.lower() not in ASSURING_VERBS:
            continue
        objects = [c for c in v.children if c.dep_ == "dobj"]
        # "assured X of its support": the "of" on the verb, or parsed onto its object
        gifts = [o for h in [v] + objects for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in ASSURED_SUPPORT]
        gifts += [x for g in gifts for x in g.conjuncts if x.lemma_.lower() in ASSURED_SUPPORT]
        if not gifts:
            continue
        assured = [e for c in objects for e in args.entities_of(c)]
        givers = list(args.cached(("subj", v.i), args.subjects, v))
        givers += [e for g in gifts for c in g.children if c.dep_ in ("poss", "amod", "compound")
                   and index.entity(c.i) for e in args.entities_of(c)]
        negated, cue = args.modality.negation(v)
        out += _supports(v, ((s, o) for s in dict.fromkeys(givers) for o in dict.fromkeys(assured)), index,
                         "SUPPORTS:assured-of-support", negated=negated, cue=cue)
    return out


def _supported(args, noun: Token) -> List[str]:
    """Who the support noun ``noun`` is for: the "for" (or "to") name, or the owner of the
    step it is for ("backing for Cuba's return" -> Cuba)."""
    out: List[str] = []
    for p in noun.children:
        if p.dep_ != "prep" or p.lower_ not in ("for", "to"):
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            found = args.entities_of(o) if args.index.entity(o.i) else []
            if not found:
                found = [e for c in o.children if c.dep_ == "poss" for e in args.entities_of(c)]
            out += found
    return list(dict.fromkeys(out))


def support_sources(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for support said to come from its givers (module docstring)."""
    out: List[Dict] = []
    found = set(positions_in(doc, SUPPORT_SOURCES, attr="LEMMA"))
    found |= set(positions_in(doc, {"backing"}, attr="LOWER"))  # a gerund "Backing for X"
    for n in (doc[i] for i in sorted(found)):
        if not (n.pos_ == "NOUN" or n.lower_ == "backing"):
            continue
        subj = n
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in PORTION_WORDS:
            subj = n.head.head  # "most (much) of the backing for X came from"
        v = subj.head
        if subj.dep_ != "nsubj" or v.pos_ != "VERB" or v.lemma_.lower() not in SUPPORT_SOURCE_VERBS:
            continue
        if any(c.dep_ == "det" and c.lower_ == "no" for c in n.children):
            continue  # "no support came from X": unclear whom X opposes
        givers = [e for p in v.children if p.dep_ == "prep" and p.lower_ == "from"
                  for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        backed = _supported(args, n)
        if not givers or not backed:
            continue
        negated, cue = args.modality.negation(v)
        out += _supports(n, ((s, o) for s in givers for o in backed), index, "SUPPORTS:support-came-from",
                         negated=negated, cue=cue)
    return out


def relied_on_support(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for "X can count (rely) on Y's support" (module docstring)."""
    out: List[Dict] = []
    for v in (doc[i] for i in positions_in(doc, RELIED_ON_VERBS, attr="LEMMA")):
        if v.pos_ != "VERB" or v.lemma_.lower() not in RELIED_ON_VERBS:
            continue
        nouns = [o for p in v.children if p.dep_ == "prep" and p.lower_ == "on"
                 for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() in SUPPORT_SOURCES]
        if not nouns:
            continue
        n = nouns[0]
        givers = args.noun_internal_subjects(n)
        givers += [e for p in n.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        if not givers and not any(c.dep_ in ("poss", "prep") and c.lower_ not in ("for", "in") for c in n.children):
            # "X can count on solid support": the one who says so gives it
            from .coreference import speaker_of_quote
            ent_at = {i: (e, index.type_of(e)) for i, e in index.by_token.items()}
            who = speaker_of_quote(doc, v, ent_at)
            givers = [who] if who else []
        negated, cue = args.modality.negation(v)
        out += _supports(n, ((s, o) for o in args.cached(("subj", v.i), args.subjects, v) for s in dict.fromkeys(givers)),
                         index, "SUPPORTS:can-count-on-support", negated=negated, cue=cue)
    return out


def continued_arms_transfers(doc: Doc, index, args) -> List[Dict]:
    """SUPPORTS records for an arms transfer told as going on (module docstring)."""
    out: List[Dict] = []
    for n in (doc[i] for i in positions_in(doc, ARMS_TRANSFER_NOUNS, attr="LEMMA")):
        v = n.head
        if n.pos_ != "NOUN" or n.dep_ != "nsubj" or v.pos_ != "VERB" or v.lemma_.lower() not in GOING_ON_VERBS:
            continue
        if not any(c.dep_ in ("compound", "amod", "nmod") and (c.lemma_.lower() in ARMS_MODIFIERS or c.lower_ in ARMS_MODIFIERS)
                   for c in n.children):
            continue  # "car exports to X will rise" support nobody
        owners = [e for e in args.noun_internal_subjects(n) if index.type_of(e) in ("COUNTRY", "ORGANISATION")]
        recipients = [e for p in n.children if p.dep_ == "prep" and p.lower_ == "to"
                      for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
        if not owners or not recipients:
            continue
        negated, cue = args.modality.negation(v)
        for s in owners:
            for o in recipients:
                if s != o and index.type_of(o) in BACKER_TYPES + ("LOCATION",):
                    out.append(record(n, s, "SUPPORTS", o, rule_id="SUPPORTS:arms-transfers-go-on", negated=negated,
                                      cue=cue))
    return out
