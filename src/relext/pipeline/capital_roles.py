"""A capital standing for its state in noun phrases (guidelines: capitals used for their
state are COUNTRY aliases; used as a place they stay LOCATIONs).

- possessor of a body or act of the state: "Ottawa's foreign ministry", "Canberra's
  government", "Moscow's envoy", "Tehran's response" (the parser often tags "ministry"
  PROPN, which alone would read as a named part of the city, "Beijing's Great Hall");
- every member of a list whose first member stands for its state: "a membership plan for
  Kyiv and Tbilisi" (the first by the rule for "support for X", the rest by this one).

- the other end of a noun of alignment, of reproach or of a reaction: "a long-time friend
  of Moscow", "in a pointed criticism of Beijing",
  "an adversary of Washington", "drawing a sharp reproach from Tokyo" (the parser often hangs
  "from" on the verb).

- the other end of a relation noun or an envoy ("ties to Moscow", "Japan's envoy to Beijing",
  "an affront to the panel, to Tbilisi"), the one a person speaks for ("spoke only for Rome"),
  and the capital of the people who govern there ("the leaders in Vienna and Budapest").
- the first part of a participle compound: "the Moscow-backed separatists", "a
  Washington-led coalition", "Beijing-funded projects" (the participles are
  ``state_compound_participles`` in ``relext/data/cues.yaml``).
Near misses that stay places: "Ottawa's mayor", "Moscow's Red Square", "flew to Kyiv and
Tbilisi", "left for Kyiv and Tbilisi".
"""
from __future__ import annotations

from spacy.tokens import Token

from ..gazetteer import read_data

STATE_COMPOUND_PARTICIPLES = frozenset(read_data("cues.yaml")["state_compound_participles"])
# the word lists, with their examples and near misses: relext/data/words/capital_roles.yaml
_WORDS = read_data("words/capital_roles.yaml")

STATE_NOUNS = frozenset(_WORDS["state_nouns"])
OF_STATE_NOUNS = frozenset(_WORDS["of_state_nouns"])
FROM_STATE_NOUNS = frozenset(_WORDS["from_state_nouns"])


def of_a_state(root: Token) -> bool:
    """"an old friend of Ankara": the capital is the state a noun of alignment names."""
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in OF_STATE_NOUNS


def from_a_state(root: Token) -> bool:
    """"drawing a sharp reproach from Tokyo": a reaction noun right before "from", wherever
    the parser hangs the preposition; "flew from Beijing", "a flight from Beijing" stay places."""
    if root.dep_ != "pobj" or root.head.lower_ != "from" or root.head.i == 0:
        return False
    before = root.doc[root.head.i - 1]
    return before.pos_ == "NOUN" and before.lemma_.lower() in FROM_STATE_NOUNS


def possessor_of_state_body(root: Token) -> bool:
    """"Ottawa's foreign ministry": the capital owns a body or act of its state."""
    return root.dep_ == "poss" and root.head.lower_ in STATE_NOUNS


def for_a_state(first: Token) -> bool:
    """The first member of a list is the object of "for"/"from" after a noun ("a plan for
    Kyiv and ...", "a rebuke from Paris and ..."): the list stands for states."""
    return first.dep_ == "pobj" and first.head.lower_ in ("from", "for") and first.head.head.pos_ in ("NOUN", "PROPN")


ENVOY_NOUNS = frozenset(_WORDS["envoy_nouns"])
RELATIONAL_NOUNS = frozenset(_WORDS["relational_nouns"]) | ENVOY_NOUNS  # the YAML lists them apart
ENVOY_SENDING_VERBS = frozenset(_WORDS["envoy_sending_verbs"])


def to_a_state(root: Token) -> bool:
    """"close ties to Moscow", "a message to the panel, to Kyiv": the capital is the
    state at the other end of a relation noun."""
    if root.dep_ != "pobj" or root.head.lower_ != "to":
        return False
    prep = root.head
    while prep.dep_ in ("conj", "appos") and prep.head.lower_ == "to":
        prep = prep.head  # "to the court, to Kyiv"
    if prep.head.lower_ in RELATIONAL_NOUNS - ENVOY_NOUNS:
        return True
    if _repeats_relational_to(prep):
        return True  # "an affront to the panel, to Tbilisi" where the parser hangs the second "to" on the verb
    # a state's envoy: "called in Norway's ambassador to Moscow" (the parser often hangs "to" on the
    # verb); not envoys sent or travelling ("decided to send two envoys to Bamako")
    envoy = root.doc[prep.i - 1] if prep.i > 0 else None
    return envoy is not None and envoy.lower_ in ENVOY_NOUNS \
        and any(c.dep_ in ("poss", "compound", "amod") and c.pos_ != "ADJ" or c.dep_ == "amod" and c.text[:1].isupper()
                for c in envoy.children) \
        and not (envoy.dep_ == "dobj" and envoy.head.lemma_.lower() in ENVOY_SENDING_VERBS)


def _repeats_relational_to(prep: Token) -> bool:
    """``prep`` ("to") repeats, after a comma, a "to" phrase of a relation noun in the same
    sentence: "an affront to the panel, to Tbilisi, to Brussels" (each "to" names the other
    end of the challenge); not "a trip to Rome, to Kyiv" (a trip is no relation noun)."""
    doc = prep.doc
    k = prep.i - 1
    while k > prep.sent.start and doc[k].text == ",":
        # step back over the previous "to" phrase: ", to X ," chains
        j = k - 1
        while j > prep.sent.start and doc[j].lower_ != "to" and doc[j].text != "," and k - j <= 6:
            j -= 1
        if doc[j].lower_ != "to":
            return False
        if doc[j].head.lower_ in RELATIONAL_NOUNS - ENVOY_NOUNS and doc[j].head.i == j - 1:
            return True
        k = j - 1
    return False


REPRESENTING_VERBS = frozenset(_WORDS["representing_verbs"])


def for_whom_spoken(root: Token) -> bool:
    """"spoke only for Budapest": the capital is the state represented; "left for Minsk" is a place."""
    return root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.lemma_.lower() in REPRESENTING_VERBS


GOVERNING_NOUNS = frozenset(_WORDS["governing_nouns"])


def in_a_state(root: Token) -> bool:
    """"the leaders in Vienna and Budapest": the capital is the state those governing it lead."""
    return root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lower_ in GOVERNING_NOUNS


def before_state_participle(doc, end: int) -> bool:
    """"the Moscow-backed separatists": the capital ending before ``end`` is joined by a
    hyphen (no spaces) to a participle of backing or leading, so it stands for its state.
    """
    if end + 1 >= len(doc) or doc[end - 1].whitespace_:
        return False
    dash, part = doc[end], doc[end + 1]
    return dash.text in ("-", "–") and not dash.whitespace_ and part.lower_ in STATE_COMPOUND_PARTICIPLES

