"""MEMBER_OF from the wording of groups and alliances.

- group nouns tied to an organisation list their members: "the NATO countries,
  including the U.S.", "the organization's members are Peru, Chile and Mexico",
  "Norway as well as fellow NATO members";
- alliance nouns name theirs: "the AUKUS security pact between Australia, the UK and
  the US".
- verbs of composition state the members of a whole (in `compositions`): "the bloc is made up of A, B and
  C", "X, which consists of A and B", "X comprises A", "its members include A", and the
  other way round "A, B and C make up (founded, formed) the group";
- a list set off after the organisation's name by a dash, a colon or brackets names its
  members: "the Quad (the US, Japan, India and Australia)", "the council's permanent
  members: A, B and C";
- "of which X is a member", "X is among the bloc's members", "X became a full member";
- an ally or partner noun named after a body and owned by a state: "Washington warned its
  NATO ally", "Kenya's EAC partners Uganda and Tanzania" (owner and partners are members;
  "NATO partner Georgia", "a NATO partner country" are partnerships only);
- the one who addresses a body's other members: "Germany urged the bloc's other
  (remaining) members to follow" (not "warned Turkey and NATO's other members");
- holding an organisation's presidency, chair or seat makes a state a member ("India,
  which holds the union's rotating presidency", in `offices`), and "X-led"/"X-dominated" before an
  organisation makes X a member (GUIDELINES, dev2 conventions).
(Verbs and nouns of joining and leaving, "Ukraine will not join NATO", "Iran's admission
into the bloc", "Mali's exit from the bloc", are trigger rules in ``triggers.yaml``.)
"""
from __future__ import annotations

from typing import Dict, List, Optional

from spacy.tokens import Doc, Token

from ._lookup import positions_in, positions_where
from .member_frames import bare_member_body, ended
from .records import record
from ..gazetteer import read_data

# word lists: relext/data/words/membership.yaml
_WORDS = read_data("words/membership.yaml")

GROUP_NOUNS = frozenset(_WORDS["group_nouns"])
ALLIANCE_NOUNS = frozenset(_WORDS["alliance_nouns"])
MEMBER_TYPES = ("COUNTRY", "ORGANISATION")
# verbs whose subject is the whole and whose complement lists the parts, with the slot of
LIST_OPENERS = {"-", "–", "—", ":", "("}
LIST_GLUE = frozenset(_WORDS["list_glue"])


def memberships(doc: Doc, index, args, words=None) -> List[Dict]:
    """MEMBER_OF records for ``doc`` (see the module docstring); ``words`` optionally a
    `WordSet` of the group and alliance nouns, to skip other tokens."""
    out: List[Dict] = []

    def emit(tok: Token, members: List[str], org: str, rule: str) -> None:
        # "X is not a member of Y", "X may become a member": the noun's own negation and modality;
        # a membership named in passing ("NATO members such as Poland may send troops") is a
        # description, outside the clause's negation and modality
        if not members:
            return
        if _predicative(tok):
            negated, cue = args.cached(("neg", tok.i), args.modality.negation, tok)
            modality, source = args.cached(("mod", tok.i, True), args.modality.modality, tok, args, "MEMBER_OF")
        else:
            negated, cue, modality, source = False, None, "ASSERTED", None
        if negating_non(tok.doc, index, tok.left_edge.i, tok.i):
            negated, cue = True, "non"  # "a non-NATO country", "non-EU members"
        elif ended(tok):
            negated, cue = True, "former"  # "Britain, a former EU member": the membership has ended
        for m in members:
            if m != org and index.type_of(m) in MEMBER_TYPES and index.type_of(org) == "ORGANISATION" \
                    and not _organ_of(m, org, index):
                out.append(record(tok, m, "MEMBER_OF", org, rule_id=rule, negated=negated, modality=modality,
                                  source=source, cue=cue))

    if words is None:
        candidates = range(len(doc))
    else:
        orgs = {i for i, e in index.by_token.items() if index.type_of(e) == "ORGANISATION"}
        candidates = sorted(set(words.positions(doc)) | orgs)
    for i in candidates:
        tok = doc[i]
        lemma = tok.lemma_.lower()
        if tok.pos_ not in ("NOUN", "PROPN") and not (tok.lower_ == "states" and i and doc[i - 1].lower_ == "member"):
            continue  # ("member states" is sometimes tagged as a verb)
        if tok.lower_ == "states":
            lemma = "state"
        if lemma in GROUP_NOUNS:
            org = _organisation_of(tok, index)
            if org is None:
                # "X, whose members are A and B": the organisation the relative clause is about
                org = next((o for c in tok.children if c.dep_ == "poss" and c.lower_ == "whose"
                            for o in _org_of_np(c, index, args)), None)
            head = tok.head
            if org is None and lemma == "member" and tok.dep_ == "attr":
                # "the bloc, of which X is a member"
                orgs = [e for p in head.children if p.dep_ in ("prep", "dep") and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj" for e in _org_of_np(o, index, args)]
                org = orgs[0] if orgs else None
            if org is None and lemma == "member" and tok.tag_ == "NNS" \
                    and any(c.dep_ == "prep" and c.lower_ == "including" or c.dep_ == "appos" for c in tok.children):
                # "leading members, including A and B": of the organisation just named
                org = args.salient_of_type(tok, "ORGANISATION", sentences=1)
            if org is None and lemma == "member" and any(c.dep_ == "poss" and c.lemma_.lower() in ALLIANCE_NOUNS
                                                         for c in tok.children) \
                    and any(c.dep_ == "appos" for c in tok.children):
                # "the bloc's newest member, Croatia": the organisation just named
                org = args.salient_of_type(tok, "ORGANISATION", sentences=1)
            if org is None:
                org = bare_member_body(tok, index, args)  # "Turkey, a member since 1952" (the body just named)
            if org is None:
                continue
            owner = _bloc_partner_owner(tok, org, index) if lemma in PARTNER_NOUNS else None
            if lemma == "partner" and owner is None and (tok.tag_ == "NN" or any(
                    c.dep_ == "poss" and index.entity(c.i) == org for c in tok.children)):
                continue  # "NATO partner Georgia", "NATO and its partner Georgia": a partnership only
            members: List[str] = [owner] if owner else []
            if owner and tok.tag_ == "NN" and not any(c.dep_ == "appos" for c in tok.children) \
                    and not _juxtaposed_names(tok, index, args):
                members += _described_partner(tok, owner, index)  # "warned its NATO ally that ..."
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("including", "like", "as"):
                    members += [e for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
                if c.dep_ == "appos":
                    members += args.entities_of(c)
            if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
                members += [e for c in head.children if c.dep_ == "attr" for e in args.entities_of(c)]
            if tok.dep_ == "attr" and head.lemma_ in ("be", "become", "remain"):
                members += args.verb_subjects(head)
            if tok.dep_ == "pobj" and head.lower_ == "among" and head.head.pos_ in ("VERB", "AUX"):
                # "X and Y are among the bloc's members"
                members += args.verb_subjects(head.head)
            if any(c.lower_ in NOT_YET_MEMBERS for c in tok.children if c.dep_ in ("compound", "amod")):
                continue  # "an EU candidate country", "aspiring members"
            if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in ("attr", "appos") \
                    and (head.head.lower_ in ("one", "first", "last", "only") or head.head.pos_ == "NUM"
                         or head.head.tag_ == "JJS"):
                # "Japan is one of the G7 countries", "France, one of the council's permanent members",
                # "X was the last of the alliance's members to ratify"
                one = head.head
                members += args.verb_subjects(one.head) if one.dep_ == "attr" else args.entities_of(one.head)
            elif tok.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "pobj" \
                    and head.head.head.lower_ == "as" and head.head.head.head.pos_ in ("VERB", "AUX") \
                    and (head.head.lower_ in ("one", "first", "last", "only") or head.head.pos_ == "NUM"):
                # "X entered the union in 1957 as one of its six original members"
                members += args.verb_subjects(head.head.head.head)
            if tok.dep_ == "appos" and lemma in ("member", "state", "country", "nation", "ally"):
                # "Mongolia, a member state of the court"; "A and B, two BRICS members"
                members += [e for e in [index.entity(head.i)] if e]
                if head.pos_ == "PROPN" and index.entity(head.i):
                    members += [e for c in head.children if c.dep_ == "conj" for e in args.entities_of(c)]
            if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("VERB", "AUX") and head.i < head.head.i:
                members += args.verb_subjects(head.head)  # "Of all the bloc's members, X was the first to ..."
            if any(c.dep_ == "amod" and c.lower_ == "fellow" for c in list(tok.children)
                   + (list(head.children) if tok.dep_ == "compound" else [])):
                # "X settled its dispute with fellow members of the bloc": X is one of them
                v = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                members += [e for e in (args.subjects(v) if v is not None else []) if e not in members]
            if tok.tag_ == "NNS" and tok.dep_ in ("dobj", "pobj", "dative") \
                    and any(c.dep_ == "amod" and c.lower_ in OTHER_WORDS for c in tok.children) \
                    and not any(c.dep_ == "conj" for c in tok.children) \
                    and not (tok.dep_ == "pobj" and head.lower_ in ("like", "unlike", "among", "with")):
                # "Germany urged the bloc's other (remaining) members to follow": the one who
                # addresses the others is a member too (not "warned Turkey and NATO's other members")
                v = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
                members += [e for e in (args.subjects(v) if v is not None else [])
                            if index.type_of(e) == "COUNTRY" and e not in members]
            if lemma in NAMED_MEMBER_NOUNS or owner:
                # "NATO member Turkey", "fellow EU members France and Germany": the name right after the noun
                members += _juxtaposed_names(tok, index, args)
            if tok.dep_ == "pobj" and head.lower_ in ("like", "unlike") and any(c.lower_ == "other" for c in tok.children):
                # "X, like other EU countries, ...": X is one of them
                members += args.entities_of(head.head) if head.head.pos_ in ("NOUN", "PROPN") \
                    else args.verb_subjects(head.head)
            if tok.tag_ == "NNS" and any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet")
                                         for c in tok.children):
                # "the two NATO allies", "both EU members": the pair named just before
                members += args.entities_of(tok)
            if tok.dep_ == "conj" and any(c.lower_ == "other" for c in tok.children):
                members += [e for e in args.entities_of(head) if e is not None]
            j = tok.left_edge.i
            if j >= 4 and [t.lower_ for t in doc[j - 3:j]] == ["as", "well", "as"] \
                    and any(c.lower_ == "other" for c in tok.children) and index.entity(j - 4) \
                    and index.type_of(index.entity(j - 4)) in ("COUNTRY", "ORGANISATION"):
                # "Chile as well as other OAS states" (the parser may hang the group elsewhere)
                members.append(index.entity(j - 4))
            emit(tok, list(dict.fromkeys(members)), org, "MEMBER_OF:group")
            for extra in _conjoined_orgs(tok, org, index):
                emit(tok, list(dict.fromkeys(members)), extra, "MEMBER_OF:group")  # "an EU and NATO member"
        elif lemma in ALLIANCE_NOUNS or index.type_of(index.entity(tok.i) or "") == "ORGANISATION":
            org = index.entity(tok.i) if index.type_of(index.entity(tok.i) or "") == "ORGANISATION" else _organisation_of(tok, index)
            if org is None and lemma in GROUPING_NOUNS and i and index.type_of(index.entity(i - 1) or "") == "ORGANISATION":
                org = index.entity(i - 1)  # "the BRICS grouping of ..." (the parser may not hang the name on the noun)
            if org is None:
                continue
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("between", "among"):
                    members = [e for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
                    emit(tok, members, org, "MEMBER_OF:alliance")
                elif c.dep_ == "prep" and c.lower_ == "of" and lemma in GROUPING_NOUNS:
                    # "the BRICS grouping of A, B and C": two or more states
                    members = [e for p in c.children if p.dep_ == "pobj" for e in args.entities_of(p)]
                    if len([m for m in members if index.type_of(m) == "COUNTRY"]) >= 2:
                        emit(tok, members, org, "MEMBER_OF:alliance")
    return out


NAMED_MEMBER_NOUNS = frozenset(_WORDS["named_member_nouns"])
# nouns of a state's fellow in a body, owned by another state: "its NATO ally", "Kenya's EAC partners"
PARTNER_NOUNS = {"ally", "partner"}
# words that set a body's members apart from the one who speaks to them ("the bloc's other members")
OTHER_WORDS = {"other", "remaining"}
# alliance nouns whose "of" names the members ("the BRICS grouping of A, B and C")
GROUPING_NOUNS = frozenset(_WORDS["grouping_nouns"])
# modifiers of a group noun naming states that are not (yet) members
NOT_YET_MEMBERS = frozenset(_WORDS["not_yet_members"])


def _organ_of(member: str, org: str, index) -> bool:
    """Whether ``org`` is an organ of ``member``, named after it ("the Permanent Council of
    the Organization of American States"): a body is no member of its own organ."""
    name = (index.names.get(member) or "").strip().lower()
    return len(name) > 3 and name in (index.names.get(org) or "").lower()


def _predicative(tok: Token) -> bool:
    """Whether the group noun is what its clause says about the members ("X is (not) a
    member", "X may become a member", "X is among the members", "the members are X")."""
    head = tok.head
    if tok.dep_ in ("attr", "acomp", "oprd"):
        return True
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in ("be", "become", "remain"):
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("among", "of") and \
            (head.head.pos_ in ("VERB", "AUX") or head.head.dep_ in ("attr", "nsubj")):
        return True
    return False


def _bloc_partner_owner(tok: Token, org: str, index) -> Optional[str]:
    """The state that owns an ally or partner noun named after a body: "its NATO ally"
    ("its" a state), "Kenya's EAC partners". The body must modify the noun itself (not
    "the EU's partner Japan", "NATO and its partners"), and the owner must be a state: both
    are then members of the body ("a NATO partner country", "its trading partner" have none)."""
    if not any(c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i and index.entity(c.i) == org
               for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ == "poss":
            e = index.entity(c.i)
            if e is not None and e != org and index.type_of(e) == "COUNTRY":
                return e
    return None


def _described_partner(tok: Token, owner: str, index) -> List[str]:
    """The state a singular "its <body> ally (partner)" describes when no name follows: the
    state its owner acts on in this or the previous sentence ("The US hit Turkey with
    sanctions. Washington accused its NATO partner ...", "tensions with Turkey, warning its
    NATO ally"), else the only other state named before it in its own sentence ("Greece
    rejected Turkey's claims and urged its NATO ally to ..."); none if unsure."""
    doc = tok.doc
    sent = tok.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    others = []
    for i in range(tok.i - 1, start - 1, -1):
        e = index.entity(i)
        if e is None or e == owner or index.type_of(e) != "COUNTRY" or index.kind_by_token.get(i) == "PRONOUN":
            continue
        t = doc[i]
        if i >= sent.start and e not in others:
            others.append(e)
        verb = t.head.head if t.dep_ == "pobj" else t.head
        if t.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "nsubj" and index.entity(c.i) == owner for c in verb.children):
            return [e]
    return others if len(others) == 1 else []


def _juxtaposed_names(tok: Token, index, args) -> List[str]:
    """The states named right after a group noun: "NATO member Turkey" (the noun a compound
    of the name), "EU members France and Germany" (the parse sometimes splits them), but not
    "the NATO members Russia threatens" (a relative clause)."""
    if tok.i + 1 >= len(tok.doc):
        return []
    nxt = tok.doc[tok.i + 1]
    if tok.lower_ == "member" and nxt.lower_ in ("states", "countries", "nations") and nxt.pos_ in ("VERB", "AUX") \
            and tok.i + 2 < len(tok.doc):
        # "EU member states Austria and Ireland opposed it": the tagger took "states" for a
        # verb, and the names after it for its clause
        e = index.entity(tok.i + 2)
        if e is None or index.type_of(e) not in MEMBER_TYPES:
            return []
        name = tok.doc[tok.i + 2]
        while name.head.i > name.i and index.entity(name.head.i) == e:
            name = name.head
        return args.entities_of(name)
    e = index.entity(nxt.i)
    if e is None or index.type_of(e) not in MEMBER_TYPES:
        return []
    # the token of the name that the parse attaches (its last token heads a multi-word name)
    name = nxt
    while name.head.i > name.i and index.entity(name.head.i) == e:
        name = name.head
    if tok.dep_ == "compound" and tok.head == name \
            or name.head == tok and name.dep_ in ("appos", "compound", "npadvmod", "dep", "dobj") \
            or name.dep_ == tok.dep_ and name.head == tok.head and tok.dep_ in ("nsubj", "dobj", "pobj"):
        return args.entities_of(name)
    return []


def _conjoined_orgs(tok: Token, org: str, index) -> List[str]:
    """Further bodies coordinated with the one that names a group noun: "an EU and NATO
    member" (the parser hangs "EU" on "NATO" as a conjunct, or both on the noun)."""
    out: List[str] = []
    for c in tok.children:
        if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i and index.entity(c.i) == org:
            for x in list(c.children) + [c.head]:
                e = index.entity(x.i)
                if x.dep_ == "conj" or c.dep_ == "conj" and x is c.head:
                    if e and e != org and index.type_of(e) == "ORGANISATION":
                        out.append(e)
        elif c.dep_ == "conj" or c.dep_ in ("compound", "nmod") and c.i < tok.i:
            e = index.entity(c.i)
            if e and e != org and index.type_of(e) == "ORGANISATION":
                out.append(e)
    return list(dict.fromkeys(out))


def negating_non(doc: Doc, index, start: int, head: int) -> bool:
    """Whether a "non" prefix between ``start`` and the membership noun at ``head`` denies the
    membership: it negates the noun itself ("a non-member", "non - members") or a body's name
    ("a non-NATO country", "non-EU states"), not another modifier ("a non-permanent member
    of the Security Council" is a member)."""
    for j in range(min(start, max(head - 2, 0)), head + 1):  # the parser may hang "non" elsewhere
        low = doc[j].lower_
        if low in ("non", "non-"):
            k = j + 1
            while k < head and doc[k].text in ("-", "–"):
                k += 1
            if k == head or index.entity(k) is not None:
                return True
        elif low.startswith("non-") and len(low) > 4:
            rest = low[4:]
            if j == head or rest in ("member", "members") or index.entity(j) is not None:
                return True
    return False


def _organisation_of(tok: Token, index):
    """The organisation a group noun belongs to: "NATO countries", "the organization's members", "members of X"."""
    for c in tok.children:
        e = index.entity(c.i)
        if e and index.type_of(e) == "ORGANISATION" and c.dep_ in ("compound", "nmod", "amod", "poss"):
            return e
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
            # "the trilateral Aukus defence pact": the name modifies a modifier
            for d in c.subtree:
                e = index.entity(d.i)
                if e and index.type_of(e) == "ORGANISATION" and d.dep_ in ("compound", "nmod", "amod"):
                    return e
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                e = index.entity(p.i)
                if p.dep_ == "pobj" and e and index.type_of(e) == "ORGANISATION":
                    return e
    if tok.lemma_.lower() == "member" and tok.i > 0 and tok.doc[tok.i - 1].dep_ in ("conj", "compound", "nmod"):
        # "borders Serbia and EU member Hungary": the parser hangs the body on the other conjunct
        e = index.entity(tok.i - 1)
        if e and index.type_of(e) == "ORGANISATION":
            return e
    return None


def listed_members(doc: Doc, index) -> List[Dict]:
    """MEMBER_OF from a list of states set off after an organisation by a dash, a colon or
    brackets ("the Quad (the US, Japan, India and Australia)").

    Only a list made of two or more states and glue words (commas, "and", "the") counts.
    """
    out: List[Dict] = []
    if not positions_in(doc, LIST_OPENERS):
        return out
    for sent in doc.sents:
        i = sent.start
        while i < sent.end:
            org = _org_before(doc, i, index) if doc[i].text in LIST_OPENERS else None
            if org is None:
                i += 1
                continue
            opener = doc[i].text
            closer = ")" if opener == "(" else (opener if opener != ":" else None)
            members: List[str] = []
            j = i + 1
            ok, tail = True, False
            while j < sent.end:
                t = doc[j]
                if closer and t.text == closer or (not closer and t.text in (".", ";")):
                    break
                e = index.entity(j)
                if e is not None and index.type_of(e) == "COUNTRY" and not tail:
                    if e not in members:
                        members.append(e)
                elif members and e is None and _list_tail(t):
                    tail = True  # "(A, B and four Central Asian states)": the rest counted, not named
                elif t.lower_ not in LIST_GLUE and not (t.is_punct and t.text not in ("(", ")")):
                    ok = False
                    break
                j += 1
            if ok and len(members) >= 2:
                for m in members:
                    out.append(record(doc[i], m, "MEMBER_OF", org, rule_id="MEMBER_OF:listed"))
            i = j if ok and members else i + 1
    return out


# words that make "members" other than the body's present members
NOT_PRESENT_MEMBERS = frozenset(_WORDS["not_present_members"])
# clause heads that list what the members are ("its members are: ...", "members include: ...")
LISTING_HEADS = frozenset(_WORDS["listing_heads"])


def _states_members(member) -> bool:
    """Whether the clause before the colon says who the members are: "member(s)" is the
    subject or the attribute of "be" ("include", "comprise"), neither negated nor
    qualified as former, prospective or non-members ("Five of its members are permanent",
    "Its members include"); not "members met on Monday", "members who voted against"."""
    head, tok = member, member
    while head.dep_ in ("pobj", "prep") and head.head.i != head.i:  # "five of the members"
        tok, head = head.head, head.head
    if tok.dep_ not in ("nsubj", "attr", "nsubjpass") and member.dep_ not in ("nsubj", "attr"):
        return False
    verb = (tok if tok.dep_ in ("nsubj", "attr", "nsubjpass") else member).head
    if verb.lemma_.lower() not in LISTING_HEADS or any(c.dep_ == "neg" for c in verb.children):
        return False
    return not any(c.lower_.strip("-") in NOT_PRESENT_MEMBERS for c in member.children) \
        and not member.lower_.startswith("non")


# plural group nouns after which a bracketed or dashed list names the body's members
LISTED_GROUPS = frozenset(_WORDS["listed_groups"])


def _list_tail(t: Token) -> bool:
    """A word of the counted rest of a member list: "and four Central Asian states", "and others"."""
    return t.tag_ in ("CD", "JJ", "NNP", "NNPS") or t.lemma_.lower() in GROUP_NOUNS or t.lower_ in ("other", "others")


def _org_before(doc: Doc, i: int, index):
    """The organisation that a list opened at token ``i`` belongs to: a name ending just
    before it ("the G7 –"), or a member noun tied to one ("the panel's members are founders:")."""
    if i == 0:
        return None
    if doc[i].text == ":" and any(t.dep_ == "neg" for t in doc[doc[i].sent.start:i]):
        return None  # "Several states are not members of the ICC: A, B and C"
    e = index.entity(i - 1)
    if e is not None and index.type_of(e) == "ORGANISATION":
        return e
    group = doc[i - 1]
    if doc[i].text != ":" and group.lower_ in LISTED_GROUPS and doc[i - 2].lower_ not in NOT_YET_MEMBERS:
        # (not "NATO's partner states - A and B -", "the EU's candidate countries (A, B)")
        # "the G7 nations – A, B and C –", "the bloc's member states (A, B and C)"
        org = _organisation_of(group, index) or _owner_left_of(group, index)
        if org is not None:
            return org
    if doc[i].text == ":":
        for t in doc[doc[i].sent.start:i]:
            if t.lemma_.lower() == "member" and _states_members(t):
                org = _organisation_of(t, index)
                if org is not None:
                    return org
    return None


# words between a body's name and the group noun it owns ("ASEAN's ten member states")
OWNED_GROUP_WORDS = frozenset(_WORDS["owned_group_words"])


def _owner_left_of(group: Token, index):
    """The organisation named at the start of the noun phrase that ends in ``group`` when
    the parse does not hang it on the noun: "ASEAN's ten member states - A, B and C -"
    (the parser may make the possessor and the noun modifiers of the first listed name).
    Only a count, the possessive mark and member words may stand between name and noun;
    a body that is no joinable one, or any other word, gives none."""
    doc = group.doc
    j = group.i - 1
    while j >= group.sent.start and j >= group.i - 5:
        t = doc[j]
        e = index.entity(j)
        if e is not None:
            return e if index.type_of(e) == "ORGANISATION" and j + 1 < group.i \
                and doc[j + 1].lower_ in ("'s", "’s") else None
        if not (t.lower_ in OWNED_GROUP_WORDS or t.tag_ == "CD"):
            return None
        j -= 1
    return None


def _members_of(t: Token, args) -> List[str]:
    """The entities a list of parts names ("55 states, among them A and B" included)."""
    found = args.entities_of(t)
    return found


def _org_of_np(t: Token, index, args) -> List[str]:
    """The organisation a noun phrase names: itself, or the organisation of a group noun
    ("the BRICS group", "the bloc's members")."""
    e = index.entity(t.i)
    if e is not None and index.type_of(e) == "ORGANISATION":
        return [e]
    if t.lower_ in ("which", "whose") or (t.pos_ == "PRON" and t.lower_ == "that"):
        for a in t.ancestors:  # "the bloc, of which X is a member"
            if a.dep_ in ("relcl", "acl"):
                return _org_of_np(a.head, index, args)
        return []
    if not (t.lemma_.lower() in GROUP_NOUNS or t.lemma_.lower() in ALLIANCE_NOUNS):
        return []  # "the agenda of the League" names no organisation
    org = _organisation_of(t, index)
    if org is None and t.dep_ in ("appos", "nsubj") and t.left_edge.i >= 2 and t.doc[t.left_edge.i - 1].text == ",":
        # "the bank of BRICS, the group made up of A and B": the name right before the
        # comma (the parser may hang the apposition on the noun that name depends on)
        e = index.entity(t.left_edge.i - 2)
        if e is not None and index.type_of(e) == "ORGANISATION":
            return [e]
    if org is None and t.dep_ == "attr" and t.head.lemma_ in ("be", "remain", "become"):
        # "X is a trade bloc made up of A and B": the subject the noun describes
        return [e for c in t.head.children if c.dep_ == "nsubj" for e in [index.entity(c.i)]
                if e and index.type_of(e) == "ORGANISATION"]
    return [org] if org else []


def led_members(doc: Doc, index) -> List[Dict]:
    """MEMBER_OF from "X-led" / "X-dominated" before an organisation ("the Russia-led CSTO")."""
    out: List[Dict] = []
    for i in positions_where(doc, lambda w: w.endswith(("-led", "-dominated")) or w in ("led", "dominated")):
        tok = doc[i]
        low = tok.lower_
        if low.endswith(("-led", "-dominated")) and len(low) > 4:
            # one token: "Saudi-led", "U.S.-led"
            prefix = tok.text.rsplit("-", 1)[0]
            member = index.entity(tok.i) or next((e for e, forms in index.surface.items() if prefix in forms), None)
        elif low in ("led", "dominated") and tok.i >= 2 and doc[tok.i - 1].text in ("-", "–"):
            member = index.entity(tok.i - 2)
        else:
            continue
        if member is None or index.type_of(member) not in MEMBER_TYPES:
            continue
        head = tok.head
        cands = [head] + [c for c in head.children if c.dep_ in ("compound", "nmod")]
        org = next((index.entity(c.i) for c in cands if index.entity(c.i)
                    and index.type_of(index.entity(c.i)) == "ORGANISATION"), None)
        if org is None:
            org = _organisation_of(head, index)
        if org is not None and org != member:
            out.append(record(tok, member, "MEMBER_OF", org, rule_id="MEMBER_OF:led"))
    return out
