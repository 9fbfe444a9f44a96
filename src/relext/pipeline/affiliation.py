"""AFFILIATED_WITH from the wording that gives a person a role in a state or body.

The guidelines ask for the link in the wording, so a bare title ("President Biden")
links to nothing. Linked forms:

- a country or organisation before the title: "Russian President Vladimir Putin",
  "Kremlin spokesman Dmitry Peskov", "Bahrain's heir apparent Salman bin Hamad",
  "his Indian counterpart S. Jaishankar"; of an envoy's two, the sender only ("Germany's
  UN ambassador X");
- an apposition with a title and a link: "Wang Wenbin, a spokesman at the Chinese
  foreign ministry", "Igor Sechin, the chief of Rosneft", "Peng Shuai, the tennis
  player of China" (in either order);
- a role predicated of the name: "X is (became) Bolivia's foreign minister", "X, who was
  the bank's chief", "X served as envoy for the AU", "X was named Chile's ambassador";
- "of X" after a titled name: "Prince Albert II of Monaco"; a body right after any name:
  "Richard Roe of the World Bank";
- a description resolved to the person: "the Russian president";
- names listed under one plural title: "A and B, both Kenyan ministers", "Kenya's foreign
  and defence ministers, A and B", "Kenyan lawmakers including A";
- a verb of leading a state's body or team: "X, who heads the Ukrainian presidential
  office", "X will lead the Chinese delegation" (``leading_verbs`` in ``roles.yaml``).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Set

from spacy.tokens import Doc, Token

from ..gazetteer import organisation_entries, read_data
from ._lookup import positions_in
from .fellow_roles import fellow_roles
from .records import record
from .span_shapes import PORTFOLIO_WORDS

# word lists: relext/data/words/affiliation.yaml
_WORDS = read_data("words/affiliation.yaml")

TITLE_MODIFIERS = frozenset(_WORDS["title_modifiers"])
ANCHOR_TYPES = ("COUNTRY", "ORGANISATION")
BODY_OF_TITLED = frozenset(read_data("roles.yaml").get("bodies_of_titled", ()))
ROLE_GIVING_NOUNS = frozenset(read_data("roles.yaml").get("role_giving_nouns", ()))
STAFF_WORDS = frozenset(read_data("roles.yaml").get("staff", ()))
PARTY_ONLY_TITLES = frozenset(read_data("roles.yaml").get("party_only_titles", ()))
ROLE_LEADING_VERBS = frozenset(read_data("roles.yaml").get("leading_verbs", ()))
HYPOTHETICAL_GOVERNORS = frozenset(read_data("cues.yaml").get("hypothetical_governors", ()))
# heads of the bodies of a state ("the US House", "the Russian Foreign Ministry")
NATIONAL_BODY_HEADS = frozenset(_WORDS["national_body_heads"])
# what a person leads for a state: its bodies, or the teams it sends (`led_teams` in
# roles.yaml: "led the Chinese delegation", "headed the US team")
LED_HEADS = frozenset(NATIONAL_BODY_HEADS) | frozenset(read_data("roles.yaml").get("led_teams", ())) \
    | frozenset(read_data("roles.yaml").get("led_units", ()))


def affiliations(doc: Doc, index, titles: Set[str]) -> List[Dict]:
    """AFFILIATED_WITH records for the people of ``doc`` (see the module docstring)."""
    out: List[Dict] = []
    seen = set()

    def emit(tok: Token, person: str, anchor: str, rule: str) -> None:
        if anchor == person or index.type_of(anchor) not in ANCHOR_TYPES or index.type_of(person) != "PERSON":
            return
        if (person, anchor) in seen:
            return
        if tok.lower_ in PARTY_ONLY_TITLES and not _is_party(anchor):
            return  # "a Senate hopeful" holds no seat: a hopeful or nominee is its party's only
        if index.type_of(anchor) == "COUNTRY" and any(x.lower_ in NON_STATE_WORDS for x in doc[max(tok.i - 3, 0):tok.i + 1]):
            return  # "the Haitian gang leader X" holds no role in the state
        seen.add((person, anchor))
        out.append(record(tok, person, "AFFILIATED_WITH", anchor, rule_id=rule))

    base_emit = emit
    mentions = _person_mentions(index)
    for start, end, pid, kind in mentions:
        if kind == "DESCRIPTION":
            span = doc[start:end]
            for i in range(start, end):
                a = index.name_by_token.get(i)
                if a and a != pid and index.type_of(a) in ANCHOR_TYPES:
                    emit(_title_in(span, titles) or span.root, pid, a, "affiliation:description")
            continue
        if kind != "NAME":
            continue
        span = doc[start:end]
        # 1. "<Country|Org>('s) <title words> <Name>"; "French envoy to the UN <Name>": the
        # destination after an envoy's "to" is not the envoy's (GUIDELINES: "A's envoy to B")
        i = _before_envoy_destination(doc, index, start)
        title_tok: Optional[Token] = None
        while i >= 0 and (doc[i].lower_ in titles or doc[i].lower_ in TITLE_MODIFIERS or
                          (doc[i].is_title and doc[i].lower_ in PORTFOLIO_WORDS and i < start - 1) or
                          (doc[i].is_title and doc[i].lower_.rstrip("s") in titles) or _title_word(doc[i], i, end)
                          or _abbreviated_title(doc, i, titles)):
            if doc[i].lower_ in titles or doc[i].lower_.rstrip("s") in titles:
                title_tok = doc[i]
            elif _abbreviated_title(doc, i, titles):  # "Democratic Reps. X": "Reps" "." split
                title_tok = doc[i - 1]
                i -= 1
            i -= 1
        if title_tok is None and doc[start].lower_ in titles and end - start > 1:
            # a title the name's span holds, perhaps after modifiers: "Qatar Emir Tamim ...",
            # "Bhutanese King X", "Saudi Crown Prince X"
            title_tok = doc[start]
        if title_tok is not None and title_tok.i < start:
            # "Kenyan ministers A and B", "Democratic Reps. A and B": a plural title before
            # coordinated names is each name's
            sharers = _plural_title_sharers(doc, index, span, title_tok)
            if sharers:
                emit = _sharing(emit, sharers)
        if title_tok is None and i == start - 1 and _is_party(index.name_by_token.get(i)):
            emit(doc[i], pid, index.name_by_token[i], "affiliation:party")  # "Democrat Jane Roe"
        if i > 0 and (doc[i].text in ("'s", "’s") or (doc[i].text in ("'", "’") and doc[i - 1].lower_.endswith("s"))):
            a = index.name_by_token.get(i - 1)
            if a:  # "China's Xi Jinping", "Bahrain's heir apparent Salman bin Hamad"
                emit(title_tok or doc[i], pid, a, "affiliation:possessive")
        elif title_tok is not None and i >= 0 and i + 1 < start and doc[i + 1].lower_ == "of" \
                and not index.name_by_token.get(i):
            # "the ruling Fidesz party of premier X": the body whose head noun the titled
            # name's "of" hangs on
            owner = doc[i]
            if owner.lower_ in BODY_OF_TITLED and doc[i + 1].head.i == i:
                for c in owner.children:
                    a = index.name_by_token.get(c.i)
                    if c.dep_ == "compound" and a and index.type_of(a) == "ORGANISATION":
                        emit(title_tok, pid, a, "affiliation:body-of-titled")
        elif title_tok is not None and i >= 0:
            a = index.name_by_token.get(i)
            sender = _envoy_sender(doc, index, a, i, title_tok) if a else None
            if sender:  # "Germany's UN ambassador X", "the EU's Iran envoy X": the sender's only
                emit(title_tok, pid, sender, "affiliation:envoy")
            elif a:
                emit(title_tok, pid, a, "affiliation:title")
                _national(doc, index, a, i, lambda c: emit(title_tok, pid, c, "affiliation:title"))
        if title_tok is not None and i >= 0:
            # "Nigerian president and ECOWAS chairman X", "Kenya's president and AU chair X":
            # each title of the coordination takes the anchor before it
            for tok, a in _coordinated_title_anchors(doc, index, i, titles):
                emit(tok, pid, a, "affiliation:title")
        emit = base_emit
        # 2. apposition "<Name>, the <title> of|at|for <X>" or "<title> ..., <Name>"
        root = span.root
        # a name the parser split ("Moon Jae-in": "in" heads the apposition) has several roots
        roots = [t for t in span if t.head.i < start or t.head.i >= end or t.head.i == t.i]
        # a predicate nominal counts as an apposition: "X is (was, became) Bolivia's foreign
        # minister", "X, who is the bloc's envoy", "X served as Chile's ambassador"
        predicates = {a: extra for r in roots for a, extra in _predicates(r)}
        for ap in dict.fromkeys([a for r in roots for a in _appositions(r, index)] + list(predicates)):
            if ap.i in range(start, end):
                continue
            if _is_party(index.name_by_token.get(ap.i)) and index.mention_of.get(ap.i, (0, 0))[1] == ap.i + 1:
                # "X, a Democrat, said", "X is a Republican": the member noun is the party
                emit(ap, pid, index.name_by_token[ap.i], "affiliation:party")
                continue
            t = ap if ap.lower_ in titles else next((x for x in ap.children if x.lower_ in titles and x.dep_ == "compound"), None)
            if t is None and ap not in predicates:
                # "X, a Fijian lawyer and diplomat": a title coordinated with the head noun
                # (a bare word for a state's staff: not "a Turkish writer and civil society leader")
                t = next((x for x in ap.children if x.dep_ == "conj" and x.lower_ in STAFF_WORDS and x.tag_ == "NN"
                          and not any(True for _ in x.children)), None)
            if t is None or _names_another_person(doc, ap, pid, index):
                continue
            anchors = _senders_only(t, _anchors_of(ap, index), index) or _the_country(doc, ap, index) \
                or _pronoun_owner(ap, index)
            if not anchors and ap in predicates:  # "X served as spokeswoman for the WFP"
                anchors = [a for x in predicates[ap] for a in [index.name_by_token.get(x.i)]
                           if a and index.type_of(a) in ANCHOR_TYPES]
            for a in anchors:
                emit(t, pid, a, "affiliation:predicate" if ap in predicates else "affiliation:apposition")
                for j in range(ap.left_edge.i, ap.right_edge.i + 1):
                    if index.name_by_token.get(j) == a:
                        _national(doc, index, a, j, lambda c: emit(t, pid, c, "affiliation:apposition"))
                        break
        # 2b. "<title NP>, <Name> ..." that the parser did not attach as an apposition, also
        # before a name with a title of its own ("The AU's envoy, former Nigerian President X")
        for t in (title_before_comma(doc, start, titles), title_before_comma(doc, _title_run_start(doc, index, start, titles), titles)):
            if t is not None:
                for a in _senders_only(t, _anchors_of(t, index), index):
                    emit(t, pid, a, "affiliation:apposition")
        # 2c. "the presidents of A, X; B, Y; and C, Z", "the President of A, X; the Prime
        # Minister of B, Y": a list of "<state>, <name>" items under a title
        a = listed_under_title(doc, start, index, titles)
        if a is not None:
            emit(doc[start], pid, a, "affiliation:title-list")
        # 2e. names listed under one plural title: "A and B, both Kenyan ministers",
        # "Kenya's foreign and defence ministers, A and B", "Kenyan lawmakers including A"
        # (not an item of a "<state>, <name>" list, whose state is its own)
        t = _plural_title_over(root, titles) if a is None else None
        if t is not None and not any(index.entity(j) not in (None, pid) and index.type_of(index.entity(j)) == "PERSON"
                                     for j in range(t.left_edge.i, t.i + 1)):
            anchors = _anchors_of(t, index)
            states = _coordinated_anchors(t, index)
            if len(states) > 1:
                # "the foreign ministers of A and B, X and Y": respectively, or none when the
                # counts differ
                names = _listed_names(root, index)
                anchors = [x for x in anchors if x not in states]
                if len(names) == len(states) and pid in names:
                    anchors.append(states[names.index(pid)])
            for a in anchors:
                emit(t, pid, a, "affiliation:plural-title")
        # 2d. "X, who runs the Kenyan presidential office", "X will lead the Chinese
        # delegation": the state or body whose team or office the person leads
        for verb in _leading_verbs(root):
            for obj in verb.children:
                if obj.dep_ == "dobj" and _named_object(doc, index, obj) and _doer_verbs(root, frozenset((verb.lemma_.lower(),))):
                    # "X, who runs the World Food Programme", "X has led Kenya since 2013"
                    emit(verb, pid, index.name_by_token[obj.i], "affiliation:leads-named")
                    continue
                if obj.dep_ != "dobj" or obj.lower_ not in LED_HEADS:
                    continue
                anchors = _anchors_of(obj, index)
                possessors = [c for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"]
                if possessors:  # "leads the Senate's Japan delegation": the owner's, not Japan's
                    owners = {a for c in possessors for a in _anchors_of(c, index) + [index.name_by_token.get(c.i)] if a}
                    anchors = [a for a in anchors if a in owners]
                if sum(index.type_of(a) == "COUNTRY" for a in anchors) > 1 \
                        or any(m.lower_ in ("joint", "combined") for m in obj.children) \
                        or any(c.dep_ == "conj" for m in obj.children for c in m.children):
                    continue  # "a joint Spanish and Italian delegation" is no one state's
                for a in anchors:
                    emit(verb, pid, a, "affiliation:leads")
        # 2h. "X, who founded Oxfam", "X joined Gazprom as an engineer": a named body the
        # person founded or joined (not "joined NATO leaders", "joined the EU in condemning")
        for verb in _doer_verbs(root, FOUNDING_VERBS | JOINING_VERBS):
            for obj in verb.children:
                if obj.dep_ == "dobj" and _named_object(doc, index, obj) \
                        and index.type_of(index.name_by_token[obj.i]) == "ORGANISATION" \
                        and not (verb.lemma_.lower() in JOINING_VERBS and _joined_in_an_act(verb)):
                    emit(verb, pid, index.name_by_token[obj.i], "affiliation:founded-joined")
        # 2i. "Keir Starmer's Labour Party": the person's own party (a party only: not
        # "Putin's Russia", "Biden's State Department", nor "X's NATO bid")
        if root.dep_ == "poss" and root.i == end - 1:
            o = root.head
            b = index.name_by_token.get(o.i)
            if _is_party(b) and index.mention_of.get(o.i, (0, 0))[1] == o.i + 1:
                emit(o, pid, b, "affiliation:party-of")
        # 2g. "X was elected (appointed, named) to the assembly", "X, who was appointed to the
        # bank's board": a seat in the body
        for verb in _seated_verbs(root):
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "to":
                    for o in prep.children:
                        if o.dep_ != "pobj":
                            continue
                        a = index.name_by_token.get(o.i)
                        for b in ([a] if a and index.type_of(a) == "ORGANISATION" else []) + \
                                ([x for x in _anchors_of(o, index) if index.type_of(x) == "ORGANISATION"]
                                 if o.lower_ in SEAT_NOUNS else []):
                            emit(verb, pid, b, "affiliation:seated")
        # 2f. "<Name> (<state or body>)": "X (Labour)", "Sen. X (D-Ore.)", "X (Austria) and Y
        # (Sweden)"; not a credit line ("By X (Agency)")
        a = _bracketed_anchor(doc, index, start, end)
        if a is not None:
            emit(doc[end + 1], pid, a, "affiliation:bracketed")
        # 3. "<titled Name> of <X>"
        for c in root.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                # "Prince Albert II of Monaco"; a body set off by a comma ("X, of the ruling
                # party") or right after the name ("Richard Roe of the World Bank")
                comma = c.i > 0 and doc[c.i - 1].text == ","
                kinds = ("COUNTRY", "ORGANISATION") if comma or c.i == end else ("COUNTRY",)
                for p in c.children:
                    a = index.name_by_token.get(p.i)
                    if p.dep_ == "pobj" and a and index.type_of(a) in kinds \
                            and (comma or index.type_of(a) == "COUNTRY" or _plainly_a_body(doc, index, a, p.i)):
                        emit(c, pid, a, "affiliation:of")
    emit = base_emit
    for tok, person, anchor in _appointed_as(doc, index, titles):
        emit(tok, person, anchor, "affiliation:appointment-as")
    for tok, person, anchor in fellow_roles(doc, index, titles):
        emit(tok, person, anchor, "affiliation:fellow")
    for tok, person, anchor in _behalf_of(doc, index):
        emit(tok, person, anchor, "affiliation:on-behalf")
    for tok, person, anchor in _fronted_as_roles(doc, index, titles):
        emit(tok, person, anchor, "affiliation:fronted-as")
    for tok, person, holder in _successions(doc, index, mentions):
        # "Brazil's President X and her predecessor Y", "X's successor Y", "Y, X's
        # predecessor": the holder's office, so the holder's states and bodies there
        for r in list(out):
            ev = r["evidence"]
            if r["subject"] == holder and ev["start_char"] <= tok.idx < ev["end_char"]:
                emit(tok, person, r["object"], "affiliation:succession")
    return out


SUCCESSION_WORDS = frozenset(read_data("roles.yaml").get("succession_words", ()))


def _successions(doc: Doc, index, mentions) -> List:
    """(token, person, holder) for a person named as another titled person's predecessor
    or successor: "<holder> and her predecessor <Name>", "<holder>'s successor <Name>",
    "<Name>, <holder>'s predecessor". A pronoun's holder is the nearest person named
    before it in the sentence."""
    names = [(s, e, pid) for s, e, pid, kind in mentions if kind == "NAME"]
    out = []

    def holder_of(word: Token, pid: str) -> Optional[str]:
        for c in word.children:
            if c.dep_ != "poss":
                continue
            if c.lower_ in ("his", "her", "their"):
                before = [p for s, e, p in names if e <= c.i and s >= c.sent.start and p != pid]
                return before[-1] if before else None
            h = index.entity(c.i)
            if h and h != pid and index.type_of(h) == "PERSON":
                return h
        return None

    for start, end, pid in names:
        words = []
        if start > 0 and doc[start - 1].lower_ in SUCCESSION_WORDS:
            words.append(doc[start - 1])  # "her predecessor Y"
        root = doc[start:end].root
        words += [ap for ap in _appositions(root) if ap.lower_ in SUCCESSION_WORDS]  # "Y, X's predecessor"
        for w in words:
            h = holder_of(w, pid)
            if h:
                out.append((w, pid, h))
    return out


def _fronted_as_roles(doc: Doc, index, titles: Set[str]) -> List:
    """(title, person, anchor) for a fronted predicative "as" phrase with a title: "As
    Kenya's foreign minister, X signed ...", "As the bloc's chief negotiator, X ...", "As
    head of the AU commission, X ...": the person named right after the comma holds it.
    Not a clause ("As the minister spoke, X ..."), nor a phrase naming another person."""
    out = []
    for sent in doc.sents:
        s = sent.start
        if doc[s].lower_ != "as" or s + 3 >= sent.end:
            continue
        comma = next((j for j in range(s + 2, min(s + 14, sent.end - 1)) if doc[j].text == ","), None)
        if comma is None:
            continue
        phrase = doc[s + 1:comma]
        if any(t.pos_ in ("VERB", "AUX") for t in phrase):
            continue
        title = next((t for t in phrase if t.lower_ in titles and t.tag_ in ("NN", "NNP")), None)
        person = index.entity(comma + 1)
        if title is None or not person or index.type_of(person) != "PERSON" \
                or index.kind_by_token.get(comma + 1) != "NAME":
            continue
        if any(index.type_of(index.entity(t.i) or "") == "PERSON" for t in phrase):
            continue  # "As Putin's envoy, X": the title is the envoy's, tied to no state here
        anchors = list(dict.fromkeys(e for t in phrase for e in [index.name_by_token.get(t.i)]
                                     if e and index.type_of(e) in ANCHOR_TYPES))
        out.extend((title, person, a) for a in anchors[:2])
    return out


def _title_run_start(doc: Doc, index, start: int, titles: Set[str]) -> int:
    """Where the titled name starting at ``start`` begins with its own title run ("former
    Nigerian President X" → the index of "former"); ``start`` when no title precedes it."""
    i = start - 1
    while i >= 0 and (doc[i].lower_ in titles or doc[i].lower_ in TITLE_MODIFIERS or _is_title(doc[i], titles)
                      or (index.name_by_token.get(i) and index.type_of(index.name_by_token[i]) in ANCHOR_TYPES
                          and doc[i].text[:1].isupper())):
        i -= 1
    return i + 1 if i + 1 < start and any(_is_title(t, titles) for t in doc[i + 1:start]) else start


def _bracketed_anchor(doc: Doc, index, start: int, end: int) -> Optional[str]:
    """The state or body in brackets right after a name: the bracket holds just its name
    ("X (Labour)", "X (Austria)"), or a party letter and a state ("X (D-Ore.)"); not a
    name opening a line or after "By" (a byline's outlet), nor a bracket that goes on."""
    if end + 2 >= len(doc) or doc[end].text != "(":
        return None
    a = index.name_by_token.get(end + 1)
    if not a or index.type_of(a) not in ANCHOR_TYPES:
        return None
    j = index.mention_of.get(end + 1, (end + 1, end + 2))[1]
    if j >= len(doc) or not (doc[j].text == ")" or _is_party(a) and doc[j].text == "-"):
        return None
    if start == 0 or doc[start - 1].lower_ == "by" or "\n" in doc[start - 1].text or doc[start - 1].is_space:
        return None
    return a


def _appointed_as(doc: Doc, index, titles: Set[str]) -> List:
    """(title, person, anchor) for "the appointment (election, nomination) of X as Y's
    <title>" (``role_giving_nouns`` in roles.yaml): the role the noun gives is the named
    person's. The anchor is the title's possessor, demonym or "of" object; not a negated
    or hoped-for appointment (the noun's verb negated: "blocked" is left to the reader)."""
    out = []
    for i in positions_in(doc, ROLE_GIVING_NOUNS):
        noun = doc[i]
        if noun.pos_ != "NOUN":
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            continue
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        person = index.entity(obj.i) if obj is not None else None
        if not person or index.type_of(person) != "PERSON" or index.kind_by_token.get(obj.i) != "NAME":
            continue
        as_preps = [c for c in list(noun.children) + list(obj.children) if c.dep_ == "prep" and c.lower_ == "as"]
        for as_prep in as_preps:
            title = next((c for c in as_prep.children if c.dep_ == "pobj"), None)
            if title is None or title.lower_ not in titles or _names_another_person(doc, title, person, index):
                continue
            for a in _anchors_of(title, index):
                out.append((title, person, a))
    return out


def _before_envoy_destination(doc: Doc, index, start: int) -> int:
    """Where the title run before the name at ``start`` ends: right before the name, or,
    after "<envoy title> to (the) <destination>", right before "to"."""
    j = start - 1
    dest = index.name_by_token.get(j) if j >= 0 else None
    if dest is None or index.type_of(dest) not in ANCHOR_TYPES:
        return start - 1
    j = index.mention_of.get(j, (j, j + 1))[0] - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j >= 1 and doc[j].lower_ == "to" and doc[j - 1].lower_ in ENVOY_TITLES:
        return j - 1
    return start - 1


def _plural_title_sharers(doc: Doc, index, span, title_tok: Token) -> List[str]:
    """The people named in coordination after ``span`` whose title run is ``title_tok``,
    a plural title ("ministers", "Reps."): "Kenyan ministers A and B" → [B]."""
    low = title_tok.lower_
    plural = title_tok.tag_ in ("NNS", "NNPS") or low in ("reps", "sens") \
        or (low.endswith("s") and title_tok.i + 1 < len(doc) and doc[title_tok.i + 1].text == "." and low in ("reps", "sens"))
    if not plural:
        return []
    pid = index.entity(span.start)
    out = []
    for c in span.root.children:
        if c.dep_ != "conj" or c.i < span.end:
            continue
        other = index.entity(c.i)
        if other and other != pid and index.type_of(other) == "PERSON" and index.kind_by_token.get(c.i) == "NAME" \
                and not (c.i > 0 and index.mention_of.get(c.i, (c.i, c.i))[0] > 0
                         and doc[index.mention_of[c.i][0] - 1].lower_ not in ("and", ",")):
            out.append(other)
    return out


def _sharing(emit, sharers: List[str]):
    """``emit`` that also gives each of ``sharers`` what it gives the titled person."""
    def both(tok, person, anchor, rule):
        emit(tok, person, anchor, rule)
        for other in sharers:
            emit(tok, other, anchor, rule + "-shared")
    return both


def _abbreviated_title(doc: Doc, i: int, titles: Set[str]) -> bool:
    """Whether ``doc[i]`` is the full stop of an abbreviated title the tokenizer split off
    ("Reps" "." in "Democratic Reps. X"), the abbreviation with its stop being in ``titles``."""
    return doc[i].text == "." and i > 0 and doc[i - 1].text[:1].isupper() and (doc[i - 1].lower_ + ".") in titles


def _is_party(a: Optional[str]) -> bool:
    """Whether the entity id ``a`` is a political party (its key ends in "party")."""
    return bool(a) and a.startswith("organisation:") and a.endswith("party")


def _coordinated_title_anchors(doc: Doc, index, i: int, titles: Set[str]) -> List:
    """(title token, anchor) pairs of the titles coordinated before the one whose anchor
    ends at token ``i``: in "Nigerian president and ECOWAS chairman X" the walk stopped at
    ECOWAS; "and" with a title before it opens another "<anchor>('s) <title>" run, whose
    anchor (Nigeria) the name holds too. Runs without an anchor ("President and ECOWAS
    chairman X") give nothing."""
    out = []
    a = index.name_by_token.get(i)
    if not a or index.type_of(a) not in ANCHOR_TYPES:
        return out
    for _ in range(3):
        j = index.mention_of.get(i, (i, i + 1))[0] - 1
        if j < 2 or doc[j].lower_ not in ("and", "&") or doc[j - 1].lower_ not in titles \
                or doc[j - 1].tag_ not in ("NN", "NNP"):
            return out  # a singular title only: "US officials and Kremlin spokesman X" is two people
        k, title_tok = j - 1, doc[j - 1]
        while k >= 0 and (doc[k].lower_ in titles or doc[k].lower_ in TITLE_MODIFIERS or _is_title(doc[k], titles)):
            k -= 1
        if k > 0 and doc[k].text in ("'s", "’s"):
            k -= 1
        b = index.name_by_token.get(k) if k >= 0 else None
        if not b or index.type_of(b) not in ANCHOR_TYPES or index.type_of(a) == index.type_of(b) == "COUNTRY":
            return out  # "the French president and German Chancellor X": two people of two states
        first = index.mention_of.get(k, (k, k + 1))[0]
        if first > 0 and doc[first - 1].lower_ in ("the", "a", "an", "his", "her", "their", "its", "our", "both"):
            return out  # "met the French president and NATO chief X": another person's title
        out.append((title_tok, b))
        i, a = k, b
    return out


_BEHALF = frozenset({"behalf"})
BEHALF_EXCLUDED = frozenset(read_data("roles.yaml").get("behalf_advocacy_verbs", ()))


def _behalf_of(doc: Doc, index) -> List:
    """(token, person, anchor) for a person who acts "on behalf of" (or "on X's behalf") a
    state or body: "X, speaking on behalf of the AU, urged calm",
    "On behalf of Kenya, X signed the accord", "X accepted the prize on Chile's behalf":
    acting as its voice or agent is a role in it, like "represents X" (GUIDELINES). Not
    verbs of pleading for others ("lobbied (campaigned, intervened) on behalf of X",
    ``behalf_advocacy_verbs`` in roles.yaml), nor a negated or hypothetical verb."""
    out = []
    for i in positions_in(doc, _BEHALF):
        tok = doc[i]
        if tok.dep_ != "pobj" or tok.head.lower_ != "on":
            continue
        anchors = [index.name_by_token.get(o.i) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"]
        anchors += [index.name_by_token.get(c.i) for c in tok.children if c.dep_ == "poss"]
        anchors = [a for a in anchors if a and index.type_of(a) in ANCHOR_TYPES]
        if not anchors:
            continue
        verb = tok.head.head
        if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "dobj":
            verb = verb.head  # "accepted the prize on Chile's behalf"
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in BEHALF_EXCLUDED \
                or any(c.dep_ == "neg" for c in verb.children):
            continue
        for doer in _doers(verb):
            person = index.entity(doer.i)
            if person and index.type_of(person) == "PERSON" and index.kind_by_token.get(doer.i) == "NAME":
                out.extend((tok, person, a) for a in anchors)
    return out


def _doers(verb: Token) -> List[Token]:
    """Who does ``verb``: its subject (and the subject's conjuncts), or, for a participle or
    adverbial clause without one ("X, speaking on behalf of ...", "On behalf of Y, X
    signed ..."), the noun it modifies or the main verb's subject."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj",)]
        if subj:
            return subj + [c for s in subj for c in s.conjuncts]
        if verb.dep_ == "acl":
            return [verb.head]
        if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i:
            verb = verb.head
            continue
        return []
    return []


ENVOY_TITLES = frozenset(read_data("roles.yaml").get("envoy_titles", ()))


def _envoy_sender(doc: Doc, index, a: str, i: int, title: Token) -> Optional[str]:
    """The state or body that sends an envoy named as "<sender>('s) <destination> <envoy>
    <Name>": "Germany's UN ambassador X", "French NATO envoy X", "the EU's Iran envoy X".
    The guidelines tie "A's ambassador to B" to A only, and the name just before the title
    (``a``, ending at token ``i``) is then the destination; None when no sender precedes it."""
    if title.lower_ not in ENVOY_TITLES:
        return None
    k = index.mention_of.get(i, (i, i + 1))[0] - 1
    if k > 0 and doc[k].text in ("'s", "’s"):
        k -= 1
    sender = index.name_by_token.get(k) if k >= 0 else None
    if sender and sender != a and index.type_of(sender) in ANCHOR_TYPES:
        return sender
    return None


_ORG_HEADS = read_data("organisations_heads.yaml")
BODY_NAME_HEADS = frozenset(_ORG_HEADS.get("generic", ())) | frozenset(_ORG_HEADS.get("body_heads", ())) \
    | frozenset(_ORG_HEADS.get("agency_heads", ()))


@lru_cache(maxsize=1)
def _catalogued_bodies() -> frozenset:
    return frozenset(e["key"] for e in organisation_entries() if e["type"] == "ORGANISATION")


def _plainly_a_body(doc: Doc, index, org: str, i: int) -> bool:
    """Whether the organisation ending at token ``i`` is plainly a body: catalogued, or its
    name ends in a body's head word ("the World Bank", "the Crisis Group"). "X of Y" right
    after a name ties X to a body only then: a foreign state's name typed as a body ("Mr
    Bush of the Etats-Unis") is not one."""
    if org in _catalogued_bodies():
        return True
    _start, end = index.mention_of.get(i, (i, i + 1))
    return doc[end - 1].lower_ in BODY_NAME_HEADS


def _plural_title_over(root: Token, titles: Set[str]) -> Optional[Token]:
    """The plural title noun a list of names stands under: in apposition to the list's first
    name ("A and B, both Kenyan ministers", "Kenya's foreign and defence ministers, A and
    B") or introducing it with "including" / "such as" / "among them" ("Kenyan lawmakers
    including A and B"). Only a plural: a singular title in apposition is the one name's."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    w, counted = first.head, False
    if first.dep_ == "pobj" and w.lower_ == "with" and w.i > 0 and first.doc[w.i - 1].lower_ in ("together", "along") \
            and w.head.pos_ == "PROPN" and w.head.i < w.i:
        # "four members of the assembly: A, who ..., together with B, C and D": the rest of the
        # list, under a counted title only (not "Kenyan ministers A and B, together with C")
        counted = True
        first = w.head
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
    candidates = [c for c in first.children if c.dep_ == "appos"]
    if first.dep_ == "appos":
        candidates.append(first.head)
    if first.dep_ == "pobj" and (first.head.lower_ in ("including", "like") or
                                 first.head.lower_ == "as" and first.head.i > 0 and first.doc[first.head.i - 1].lower_ == "such"):
        prep = first.head
        candidates.append(prep.head.head if prep.head.lower_ == "such" else prep.head)
    for c in candidates:
        if c.tag_ in ("NNS", "NNPS") and (c.lemma_.lower() in titles or c.lower_.rstrip("s") in titles) \
                and (not counted or any(n.dep_ == "nummod" for n in c.children)):
            return c
    return None


def _coordinated_anchors(title: Token, index) -> List[str]:
    """The states or bodies coordinated under a plural title, in order ("the foreign
    ministers of A and B", "the A and B presidents"); empty when there is no coordination."""
    for t in title.subtree:
        a = index.name_by_token.get(t.i)
        if not a or index.type_of(a) not in ANCHOR_TYPES or t.dep_ == "conj":
            continue
        out = [a]
        for c in t.subtree:
            b = index.name_by_token.get(c.i)
            if c.dep_ == "conj" and b and index.type_of(b) in ANCHOR_TYPES and b not in out:
                out.append(b)
        if len(out) > 1:
            return out
    return []


def _listed_names(root: Token, index) -> List[str]:
    """The people of the coordination of names that ``root`` is part of, in order."""
    first = root
    while first.dep_ == "conj":
        first = first.head
    out = []
    for t in sorted([first] + [c for c in first.subtree if c.dep_ == "conj"], key=lambda x: x.i):
        p = index.name_by_token.get(t.i)
        if p and index.type_of(p) == "PERSON" and p not in out and (t.i == first.i or _conjunct_of(t, first)):
            out.append(p)
    return out


def _pronoun_owner(ap: Token, index) -> List[str]:
    """"its head, X", "their envoy, Y": the state or body the possessive pronoun was
    resolved to (`canonical.py` resolves it only where one fits)."""
    for c in ap.children:
        if c.dep_ == "poss" and c.lower_ in ("its", "their"):
            a = index.entity(c.i)
            if not a or index.kind_by_token.get(c.i) != "PRONOUN" or index.type_of(a) not in ANCHOR_TYPES:
                return []
            # the subject of the clause the pronoun is in: "Spain dispatched its culture
            # minister, X" (whatever other state the sentence names)
            verb = ap.head if ap.dep_ in ("dobj", "nsubj", "nsubjpass") else None
            if verb is not None and verb.pos_ in ("VERB", "AUX") and any(
                    s.dep_ == "nsubj" and index.entity(s.i) == a and index.kind_by_token.get(s.i) == "NAME"
                    for s in verb.children):
                return [a]
            # only where no other state or body could be meant: the one named before it in
            # its sentence (of its type, for a body), else in the sentence before
            doc = ap.doc
            for start, end in ((c.sent.start, c.i), (doc[max(0, c.sent.start - 1)].sent.start, c.sent.start)):
                named = {index.name_by_token[i] for i in range(start, end) if i in index.name_by_token
                         and index.type_of(index.name_by_token[i]) in ANCHOR_TYPES}
                if index.type_of(a) == "ORGANISATION":
                    named = {n for n in named if index.type_of(n) == "ORGANISATION"}
                if named:
                    return [a] if named == {a} else []
    return []


def _the_country(doc: Doc, ap: Token, index) -> List[str]:
    """The country "the country's <title>" refers to: the only country named in the
    sentence before and in the apposition's own sentence up to it ("Protests swept
    Ukraine. X, the country's leader back then, fled")."""
    if not any(c.dep_ == "poss" and c.lemma_.lower() in ("country", "nation")
               and any(d.lower_ == "the" for d in c.children) for c in ap.children):
        return []
    sent = ap.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found = {index.entity(i) for i in range(start, ap.i) if index.type_of(index.entity(i) or "") == "COUNTRY"}
    return list(found) if len(found) == 1 else []


# words inside a title that make it a role outside the state ("the Haitian gang leader X",
# "a Colombian rebel commander X")
NON_STATE_WORDS = frozenset(_WORDS["non_state_words"])


def _title_word(t: Token, i: int, end: int) -> bool:
    """A lower-case noun or adjective inside a title before a name ("foreign policy
    chief", "opposition politician"): it modifies a later word of the title run."""
    return t.is_lower and t.is_alpha and t.pos_ in ("NOUN", "ADJ") and t.dep_ in ("compound", "amod") \
        and i < t.head.i < end


def _names_another_person(doc: Doc, ap: Token, pid: str, index) -> bool:
    """Whether an apposed title phrase belongs to someone else: it names another person
    ("Lula, Canada's Justin Trudeau and …", a list parsed as apposition), or another person's
    name follows it ("Erdogan, the French foreign minister, Claire Roux, said")."""
    for j in range(ap.left_edge.i, ap.right_edge.i + 1):
        e = index.entity(j)
        if e and e != pid and index.type_of(e) == "PERSON" and index.kind_by_token.get(j) == "NAME":
            if doc[j].dep_ == "poss" and doc[j].head.dep_ == "conj" and doc[j].head.head.i == ap.i \
                    and doc[j].head.pos_ == "NOUN":
                continue  # "X, an ex-Chilean minister and Boric's friend": the other's friend is X
            return True
    nxt = ap.right_edge.i + 1
    if nxt + 1 < len(doc) and doc[nxt].text == ",":
        e = index.entity(nxt + 1)
        if e and e != pid and index.type_of(e) == "PERSON" and index.kind_by_token.get(nxt + 1) == "NAME":
            return True
    return False


def _national(doc: Doc, index, org: str, i: int, emit) -> None:
    """A national body named with its country ("the US House") links to the country too."""
    if index.type_of(org) != "ORGANISATION":
        return
    start, end = index.mention_of.get(i, (i, i + 1))
    if doc[end - 1].lemma_.lower() not in NATIONAL_BODY_HEADS:
        return  # "Georgian Dream founder X": a party named after its country is no state body
    for j in range(start, end):
        for ent_id, typ in index.types.items():
            if typ == "COUNTRY" and doc[j].text in index.surface.get(ent_id, ()):
                emit(ent_id)
                return
    # a country before the body's name: "the US State Department", "Russia's Security Council"
    j = start - 2 if start >= 2 and doc[start - 1].text in ("'s", "’s") else start - 1
    c = index.name_by_token.get(j) if j >= 0 else None
    if c and index.type_of(c) == "COUNTRY" and index.mention_of.get(j, (0, 0))[1] in (start, start - 1) \
            and start <= doc[j].head.i < end:
        emit(c)


def title_before_comma(doc: Doc, start: int, titles: Set[str]) -> Optional[Token]:
    """The title heading the noun phrase that ends just before ", <Name>" at ``start``
    ("UK junior minister of trade, Paul Grant arrived")."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    for t in doc[max(0, start - 10):start - 1]:
        if t.lower_ in titles and t.right_edge.i == start - 2 and t.left_edge.i >= max(0, start - 10):
            if t.left_edge.i == 0 or doc[t.left_edge.i - 1].is_punct or doc[t.left_edge.i - 1].is_sent_end \
                    or t.left_edge.is_sent_start:
                return t
    return None


def listed_under_title(doc: Doc, start: int, index, titles: Set[str]) -> Optional[str]:
    """The state of a "<state>, <Name>" item at ``start`` in a list headed by a title.

    Guest lists name each state through its office holder: "the presidents of Chile,
    Gabriel Boric; Peru, Dina Boluarte, and Bolivia, Luis Arce", "the President of Chile,
    Gabriel Boric; the Prime Minister of Peru, Ana Ruiz". The name after ", " belongs to
    the state before it when that state opens an item: it follows "<title> of", or it
    follows ";" (or "and" after one) in a sentence whose list is headed by "<title(s)> of".
    A plain list of states and people ("met Chile, Gabriel Boric and ...") gives nothing.
    """
    if start < 3 or doc[start - 1].text != ",":
        return None
    state = index.name_by_token.get(start - 2)
    if state is None or index.type_of(state) != "COUNTRY":
        return None
    i = start - 2
    while i > 0 and index.name_by_token.get(i - 1) == state:
        i -= 1
    i -= 1  # the word before the state
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 1:
        return None
    if doc[i].lower_ == "of" and _is_title(doc[i - 1], titles):
        return state
    sent = doc[start].sent
    if doc[i].lower_ == "and" and i > 0 and doc[i - 1].text in (",", ";"):
        i -= 1
        if doc[i].text == "," and any(t.text == ";" for t in doc[sent.start:i]):
            i = next(t.i for t in doc[sent.start:i] if t.text == ";")  # "...; B, Y, and C, Z": items set off by ";"
    if doc[i].text != ";" and not (doc[i].lower_ == "and" and doc[i - 1].text == ","):
        return None
    if not any(t.lower_ == "of" and t.i > sent.start and _is_title(doc[t.i - 1], titles)
               for t in doc[sent.start:i]):
        return None
    return state


def _is_title(t: Token, titles: Set[str]) -> bool:
    return t.lower_ in titles or t.lower_.endswith("s") and t.lower_[:-1] in titles


def _person_mentions(index) -> List:
    spans = {}
    for i, (s, e) in index.mention_of.items():
        pid = index.by_token[i]
        if index.type_of(pid) == "PERSON":
            spans[(s, e)] = (pid, index.kind_by_token[i])
    return [(s, e, pid, kind) for (s, e), (pid, kind) in sorted(spans.items())]


def _appositions(root: Token, index=None) -> Iterable[Token]:
    """The appositions of the name ``root``; a singular one the parser hung on the head of
    a coordination of names is the last name's, right before its comma ("met A and B,
    Serbia's foreign minister": B's only)."""
    for c in root.children:
        if c.dep_ == "appos" and (index is None or getattr(_last_conjunct_before(root, c, index), "i", root.i) == root.i):
            yield c
    if root.dep_ == "appos":
        yield root.head
    if root.dep_ == "conj" and index is not None:
        first = root
        while first.dep_ == "conj":
            first = first.head
        for c in first.children:
            if c.dep_ == "appos" and getattr(_last_conjunct_before(first, c, index), "i", None) == root.i:
                yield c


def _last_conjunct_before(head: Token, ap: Token, index) -> Optional[Token]:
    """The last person's name coordinated with ``head`` that ends right before the comma of
    the singular apposition ``ap`` (None when there is none or ``ap`` is plural)."""
    if ap.tag_ in ("NNS", "NNPS") or ap.i < head.i:
        return None
    comma = ap.left_edge.i - 1
    if comma < 1 or ap.doc[comma].text != ",":
        return None
    conj = [t for t in head.subtree if t.dep_ == "conj" and head.i < t.i < comma and _conjunct_of(t, head)]
    for t in conj:
        pid = index.name_by_token.get(t.i)
        if pid and index.type_of(pid) == "PERSON" and index.mention_of.get(t.i, (0, 0))[1] == comma:
            return t
    return None


def _conjunct_of(t: Token, head: Token) -> bool:
    while t.dep_ == "conj" and t.i != head.i:
        t = t.head
    return t.i == head.i


COPULAS = frozenset(read_data("roles.yaml").get("role_copulas", ()))
ROLE_AS_VERBS = frozenset(read_data("roles.yaml").get("role_as_verbs", ()))
ROLE_GIVING_VERBS = frozenset(read_data("roles.yaml").get("role_giving_verbs", ()))
UNCERTAIN_AUX = frozenset(read_data("cues.yaml").get("speculative_modals", ())) | {"would", "should", "must"}


def _predicates(root: Token) -> List:
    """The nouns predicated of the name ``root``, each with the objects of the verb's
    "for"/"of"/"at"/"with" (the owner when the parser hangs it on the verb: "X served as
    spokeswoman for the WFP"): "X is (was, became, remains) Y's <title>" (``role_copulas``),
    "X served (acts) as <title> of Y" (``role_as_verbs``), "X was named (appointed, elected)
    Y's <title>" and "Z named X (as) Y's <title>" (``role_giving_verbs``: the role is the
    passive subject's or the active object's, never the appointer's), the same in a
    relative clause on the name ("X, who is Y's <title>"). A negated or speculative clause
    ("is not", "could become") gives none."""
    verbs = []
    if root.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verbs.append((root.head, root.dep_))
    for c in root.children:
        if c.dep_ == "relcl":
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("who", "that")), None)
            if subj is not None:
                verbs.append((c, subj.dep_))
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in ROLE_GIVING_VERBS:
            verbs.append((c, "nsubjpass"))  # "X, elected Kenya's president in 2022, ..."
    out = []
    for verb, dep in verbs:
        lemma = verb.lemma_.lower()
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNCERTAIN_AUX) for c in verb.children):
            continue
        if verb.dep_ in ("xcomp", "ccomp", "advcl") and verb.head.lemma_.lower() in HYPOTHETICAL_GOVERNORS:
            continue
        given = lemma in ROLE_GIVING_VERBS and dep in ("nsubjpass", "dobj")
        if dep == "dobj" and not given:
            continue
        extra = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "at", "with")
                 for o in p.children if o.dep_ == "pobj"]
        if lemma in COPULAS or given:
            out.extend((c, extra) for c in verb.children if c.dep_ in ("attr", "oprd") and c.pos_ in ("NOUN", "PROPN"))
        if lemma in ROLE_AS_VERBS or given:
            # "X served two terms as UN chief": the "as" of the verb's term noun
            terms = [o for o in verb.children if o.dep_ == "dobj" and o.lemma_.lower() in TERM_NOUNS]
            for p in [x for o in [verb] + terms for x in o.children]:
                if p.dep_ == "prep" and p.lower_ == "as":
                    out.extend((c, extra) for c in p.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN"))
    return out


TERM_NOUNS = frozenset(_WORDS["term_nouns"])
SEATING_VERBS = frozenset(read_data("roles.yaml").get("seating_verbs", ()))
SEAT_NOUNS = frozenset(read_data("roles.yaml").get("seat_nouns", ()))


def _seated_verbs(root: Token) -> List[Token]:
    """The passive verbs of seating whose subject is the name ``root`` ("X was elected to
    ...", "X, who was appointed to ..."), not negated or speculative."""
    verbs = [root.head] if root.dep_ == "nsubjpass" else []
    verbs += [c for c in root.children if c.dep_ == "relcl"
              and any(s.dep_ == "nsubjpass" and s.lower_ in ("who", "that") for s in c.children)]
    return [v for v in verbs if v.lemma_.lower() in SEATING_VERBS
            and not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNCERTAIN_AUX) for c in v.children)
            and not (v.dep_ in ("xcomp", "ccomp", "advcl") and v.head.lemma_.lower() in HYPOTHETICAL_GOVERNORS)]


def _leading_verbs(root: Token) -> List[Token]:
    """The verbs of leading whose doer is the name ``root``: its own verb ("X led the
    delegation", "X will head the team"), a relative clause ("X, who heads ...") or a
    participle ("X, commanding ...")."""
    out = []
    if root.dep_ == "appos" and root.head.dep_ == "nsubj" and root.head.pos_ == "NOUN":
        root = root.head  # "Putin's aide X will head the Russian team": the titled subject's
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
        out.append(root.head)
    for c in root.children:
        if c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in c.children):
            out.append(c)
        elif c.dep_ == "acl" and c.tag_ == "VBG":
            out.append(c)
    return [v for v in out if v.lemma_.lower() in ROLE_LEADING_VERBS]


FOUNDING_VERBS = frozenset(_WORDS["founding_verbs"])
JOINING_VERBS = frozenset(_WORDS["joining_verbs"])


def _doer_verbs(root: Token, lemmas: frozenset) -> List[Token]:
    """The verbs of ``lemmas`` whose active doer is the name ``root`` (its own verb or a
    relative clause "X, who founded ..."), not negated or speculative."""
    out = [root.head] if root.dep_ == "nsubj" and root.head.pos_ == "VERB" else []
    out += [c for c in root.children if c.dep_ == "relcl"
            and any(s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in c.children)]
    return [v for v in out if v.lemma_.lower() in lemmas
            and not any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in UNCERTAIN_AUX) for c in v.children)
            and not (v.dep_ in ("xcomp", "ccomp", "advcl") and v.head.lemma_.lower() in HYPOTHETICAL_GOVERNORS)]


def _named_object(doc: Doc, index, obj: Token) -> bool:
    """``obj`` is the head word of a state's or body's name itself ("runs the World Food
    Programme"), not a noun the name modifies ("leads the UN delegation", "joined NATO
    leaders", "the EU's call")."""
    a = index.name_by_token.get(obj.i)
    if not a or index.type_of(a) not in ANCHOR_TYPES:
        return False
    s, e = index.mention_of.get(obj.i, (obj.i, obj.i + 1))
    return not any(t.head.i == obj.i and t.dep_ in ("poss", "compound", "amod") and not s <= t.i < e for t in obj.children)


def _joined_in_an_act(verb: Token) -> bool:
    """A join that means acting together, not a post: "joined the EU in condemning X",
    "joined NATO to demand ..."."""
    return any((c.dep_ == "prep" and c.lower_ in ("in", "on") and any(g.tag_ == "VBG" for g in c.children))
               or c.dep_ in ("xcomp", "advcl") for c in verb.children)


def _title_in(span, titles) -> Optional[Token]:
    for t in span:
        if t.lower_ in titles:
            return t
    return None


def _anchors_of(noun: Token, index) -> List[str]:
    """Countries and bodies linked to a title noun: its modifiers, possessor, or "of/at/for X"."""
    out = []
    for t in noun.subtree:
        a = index.name_by_token.get(t.i)
        if a and index.type_of(a) in ANCHOR_TYPES and (t.head.i == noun.i or _linked(t, noun, index, a)):
            out.append(a)
    return list(dict.fromkeys(out))


def _senders_only(title: Token, anchors: List[str], index) -> List[str]:
    """Of an envoy's anchors, the possessor that sends it: "X, Norway's UN ambassador" and
    "the UN's envoy for Yemen, X" are Norway's and the UN's only (the guidelines tie "A's
    ambassador to B" to A; the destination or the brief is no affiliation). Other titles,
    and envoys without a possessor ("X, a Norwegian envoy to the UN"), keep every anchor."""
    if title.lower_ not in ENVOY_TITLES or len(anchors) < 2:
        return anchors
    owners = {a for c in title.children if c.dep_ == "poss"
              for a in [index.name_by_token.get(c.i)] if a in anchors}
    return [a for a in anchors if a in owners] or anchors


AIDE_TITLES = frozenset(_WORDS["aide_titles"])

# nouns of reproach whose "of"/"on"/"at" object is the one reproached, never the title's body
REPROACH_NOUNS = frozenset(_WORDS["reproach_nouns"])


def _linked(t: Token, noun: Token, index, anchor: str) -> bool:
    """``t`` hangs off ``noun`` through modifiers and of/at/for/in prepositions only,
    not through another entity ("head of Brazilian oil major Petrobras" links Petrobras only)."""
    cur = t
    for _ in range(6):
        if cur.i == noun.i:
            return True
        other = index.name_by_token.get(cur.i)
        if other is not None and other != anchor:
            return False
        if cur.dep_ == "pobj" and cur.head.lower_ == "to" and cur.head.head.lower_ in AIDE_TITLES \
                and (other == anchor or cur.lower_ in STAFF_WORDS):
            cur = cur.head.head  # "an adviser to the Ukrainian president", "an aide to the Kremlin"
            continue
        if cur.dep_ in ("pobj",) and cur.head.lower_ in ("of", "at", "for", "in", "with"):
            cur = cur.head.head
            if cur.lemma_.lower() in REPROACH_NOUNS:
                return False  # "X's minister, Y, in a pointed criticism of Beijing": its target
            continue
        if cur.dep_ in ("amod", "compound", "poss", "nmod", "case", "conj", "appos", "det"):
            cur = cur.head
            continue
        return False
    return cur.i == noun.i
