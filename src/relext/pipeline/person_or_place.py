"""Person or place for :mod:`relext.pipeline.entities`: whether a name is used as a
person, as a place, with titles only, or is a plain English word.
"""
from __future__ import annotations

from typing import Callable, Dict, List, Optional

import numpy
from spacy.attrs import DEP, POS
from spacy.language import Language
from spacy.symbols import PROPN
from spacy.tokens import Doc

from ._lookup import span_text
from .place_names import after_settlement_noun
from ..gazetteer import city_names, read_data
from .span_shapes import HEADLINE_VERBS

# word lists: relext/data/words/person_or_place.yaml
_WORDS = read_data("words/person_or_place.yaml")
#: common given names (US census 1990, derived by scripts/derive_given_names.py)
GIVEN_NAMES = frozenset(read_data("given_names.yaml")["names"])


def _after_place_word(doc: Doc, start: int) -> bool:
    """The span follows a locative preposition ("in", "to", "from" ...): used as a place.
    A person's name that is also a city ("Kennedy", a district of Bogota) stays a person elsewhere.
    A name after a settlement noun and "of" is a place as well ("the Pacific port of X",
    :func:`relext.pipeline.place_names.after_settlement_noun`)."""
    return start > 0 and doc[start - 1].lower_ in ("in", "to", "at", "from", "near", "into", "outside", "via", "across",
                                                   "around", "toward", "towards", "through", "throughout", "inside") \
        or after_settlement_noun(doc, start)


def _bound_for(doc: Doc, start: int) -> bool:
    """A city after "for" that ends a verb's place phrase: "scheduled for Sochi", "left for
    Minsk", "bound for Odesa" (not "support for ...", which takes people and states)."""
    if start < 2 or doc[start - 1].lower_ != "for":
        return False
    verb = doc[start - 1].head
    return verb.pos_ in ("VERB", "ADJ") and verb.lemma_.lower() in PLACE_FOR_VERBS


PLACE_FOR_VERBS = frozenset(_WORDS["place_for_verbs"])


def _english_words(nlp: Language) -> set:
    """Lower-case English words from the pipeline's rule lemmatizer (its WordNet-derived
    ``lemma_index``); empty when the pipeline has none."""
    if "lemmatizer" not in nlp.pipe_names:
        return set()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return set()
    return {w for words in lookups.get_table("lemma_index").values() for w in words}


def _defer_to_people(doc: Doc, model: List[Dict], known: List[Dict], gaz: List[Dict],
                     unknown_place: Optional[Callable[[str], bool]] = None) -> List[Dict]:
    """Model spans that overlap a known person give way to it ("Lavrov" typed ORG,
    "Warsaw Biden", "Biden Greets"), except a longer PERSON span that only adds name
    words to it ("Jill Biden", "Vladimir Vladimirovich Putin"). ``unknown_place(text)``
    says a text is no place any list knows (see :func:`_persons_named_again`)."""
    _persons_named_again(doc, model, known, unknown_place)
    places = {c["start"]: c["end"] for c in gaz if c["label"] in ("COUNTRY", "LOCATION") and c["kind"] == "NAME"}
    for c in model:
        if c["label"] == "PERSON" and places.get(c["start"], c["end"]) < c["end"] and doc[places[c["start"]]].text[:1].isupper():
            c["start"] = places[c["start"]]  # "Warsaw Biden" in a headline: the place, then the person
            c["name"] = span_text(doc, c["start"], c["end"])
    if not known:
        return model
    gaz_tokens = {i for c in gaz for i in range(c["start"], c["end"])}
    out = []
    for c in model:
        hits = [k for k in known if k["start"] < c["end"] and c["start"] < k["end"]]
        if not hits:
            out.append(c)
            continue
        first = min(hits, key=lambda k: k["start"])
        if c["label"] != "PERSON" and len(hits) == 1 and first["start"] == c["start"] and first["end"] + 2 < c["end"] \
                and doc[first["end"]].text in ("'s", "’s"):
            # "Maduro's Presidential Guard": the person, then the body that is theirs
            out.append(dict(c, start=first["end"] + 1, name=span_text(doc, first["end"] + 1, c["end"])))
            continue
        inside = all(c["start"] <= k["start"] and k["end"] <= c["end"] for k in hits)
        extra = [i for i in range(c["start"], c["end"]) if not any(k["start"] <= i < k["end"] for k in hits)
                 and not (doc[i].text == "-" or doc[i].lower_ in NAME_PARTICLES)]  # "Abdel Fattah" + "al-Burhan"
        if c["label"] == "PERSON" and inside and len(hits) == 1 and extra and \
                not any(i in gaz_tokens or not doc[i].text[:1].isupper() or doc[i].lower_ in HEADLINE_VERBS for i in extra):
            out.append(c)
    return out


def _persons_named_again(doc: Doc, model: List[Dict], known: List[Dict],
                         unknown_place: Optional[Callable[[str], bool]] = None) -> None:
    """A name the document uses for a person is that person where the model types it an
    organisation ("senior Trump advisers" after "Trump will fly"; "Wang" after "Wang Yi"):
    an organisation span of the model equal to a person's name, to the last two words of a
    longer one ("Le Drian", also where typed a place), or one word of a person's name of two or more words, becomes
    PERSON. So does a model place of one word that is the last word (the surname) of a
    person's name of two or more words, or the whole of a one-word person's name, and that
    no place list knows (``unknown_place``): "Ukraine's Zelenskyy lands in ..." in a
    headline above "Volodymyr Zelenskyy"; "row with Boric" above "President Boric". Acronyms
    and words in lower case do not."""
    full, parts, tails, surnames = set(), set(), set(), set()
    for c in list(model) + list(known):
        if c["label"] != "PERSON":
            continue
        words = [doc[k].text for k in range(max(0, c["start"]), min(len(doc), c["end"]))]
        full.add(" ".join(words))
        if len(words) > 1:
            parts.update(w for w in words if w[:1].isupper() and len(w) > 2)
            if words[-1][:1].isupper() and len(words[-1]) > 2:
                surnames.add(words[-1])
        if len(words) > 2 and all(w[:1].isupper() for w in words[-2:]):
            tails.add(" ".join(words[-2:]))  # "Le Drian" after "Jean-Yves Le Drian"
    if not full:
        return
    for c in model:
        if c["label"] not in ("ORGANISATION", "LOCATION") or c.get("source") != "model":
            continue
        words = [doc[k].text for k in range(max(0, c["start"]), min(len(doc), c["end"]))]
        if any(w.isupper() for w in words):
            continue
        if " ".join(words) in tails or c["label"] == "ORGANISATION" and (
                " ".join(words) in full or len(words) == 1 and words[0] in parts):
            c["label"] = "PERSON"
        elif c["label"] == "LOCATION" and unknown_place is not None and len(words) == 1 \
                and (words[0] in surnames or words[0] in full) and unknown_place(words[0]):
            c["label"] = "PERSON"  # a surname the model took for a place


def _split_surname(doc: Doc, out: List[Dict], unknown_place) -> None:
    """A person's name the model cut before its last word and typed that word a place or a
    body ("Shah Mahmood" + "Qureshi"): a capitalised word right after a person's name, with
    no punctuation between and no place list knowing it, ends that name."""
    by_start = {c["start"]: c for c in out if c.get("source") == "model"}
    for c in list(out):
        d = by_start.get(c["end"])
        if c["label"] != "PERSON" or d is None or d["label"] not in ("LOCATION", "ORGANISATION") \
                or d["end"] - d["start"] != 1 or not doc[d["start"]].is_title or not doc[c["end"] - 1].whitespace_ \
                or doc[c["end"] - 1].sent != doc[d["start"]].sent or not unknown_place(d["name"]):
            continue
        c["end"] = d["end"]
        c["name"] = doc[c["start"]:c["end"]].text
        out.remove(d)


def _family_plurals(doc: Doc, out: List[Dict]) -> List[Dict]:
    """"the Obamas", "the Clintons": a family named by the plural of a person's surname in
    the text is no person and no place (the guidelines' persons are individuals)."""
    surnames = {doc[c["end"] - 1].text for c in out if c["label"] == "PERSON" and c["end"] - c["start"] > 1}
    return [c for c in out if not (c.get("source") == "model" and c["end"] - c["start"] == 1 and c["start"] > 0
                                   and doc[c["start"] - 1].lower_ == "the" and doc[c["start"]].text.endswith("s")
                                   and doc[c["start"]].text[:-1] in surnames)]


def _gazetteer_name_with_titles(doc: Doc, c: Dict, gaz: List[Dict], titles) -> bool:
    """A model span that only adds title words to a gazetteer name ("India PM", "Russian
    President"): the gazetteer name is the entity, the title is not."""
    inner = [g for g in gaz if c["start"] <= g["start"] and g["end"] <= c["end"] and (g["start"], g["end"]) != (c["start"], c["end"])]
    if not inner:
        return False
    rest = [i for i in range(c["start"], c["end"]) if not any(g["start"] <= i < g["end"] for g in inner)]
    return bool(rest) and all(doc[i].lower_ in titles or doc[i].is_punct for i in rest)


_ROLES = read_data("roles.yaml")
PERSON_SUBJECT_VERBS = frozenset(_ROLES.get("person_subject_verbs", ())) \
    | frozenset(read_data("cues.yaml").get("reporting_verbs", ()))
PERSON_OBJECT_VERBS = frozenset(_ROLES.get("person_object_verbs", ()))


def _acts_as_person(tok) -> bool:
    """``tok`` is met, greeted or told, speaks or travels ("met Blinken", "Blinken said",
    "met with Blinken", "Blinken flew to X"; ``person_subject_verbs`` and
    ``person_object_verbs`` in ``roles.yaml``)."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_ in PERSON_SUBJECT_VERBS or tok.dep_ == "dobj" and head.lemma_ in PERSON_OBJECT_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ in ("meet", "talk", "speak"):
        return True
    return tok.dep_ == "conj" and head.ent_type_ == "PERSON" and head.dep_ in ("nsubj", "dobj", "pobj")


def _list_members(tok) -> list:
    """The heads of the coordinated list ``tok`` belongs to, ``tok`` included: its first
    member and every conjunct under it ("Mali", "Niger", "Faso" in "Mali, Niger and Burkina
    Faso")."""
    first = tok
    while first.dep_ == "conj":
        first = first.head
    return [first] + [t for t in first.subtree if t.dep_ == "conj" and t.head.i in {first.i} | {c.i for c in first.subtree}]


def _listed_with(tok, sure: set) -> bool:
    """``tok`` is coordinated with a token of ``sure`` ("Mali" in "Mali, Niger and Burkina Faso")."""
    return any(m.i in sure or any(c.i in sure for c in m.children if c.dep_ == "compound")
               for m in _list_members(tok) if m.i != tok.i)


# lower-case nouns for a person that come right before a name ("billionaire Bidzina
# Ivanishvili", "tycoon X", "activist X"): not titles, but no body or place follows them
PERSON_NOUNS = frozenset(_WORDS["person_nouns"])


def _introduced_as_person(doc: Doc, start: int, end: int, titles) -> bool:
    """A name right after a personal title or a lower-case noun for a person, or with a
    personal title in apposition."""
    if end - start < 2 or not all(t.is_title for t in doc[start:end]):
        return False
    if start > 0 and (doc[start - 1].lower_ in titles or doc[start - 1].is_lower and doc[start - 1].lower_ in PERSON_NOUNS):
        return True
    root = doc[start:end].root
    return any(c.dep_ == "appos" and c.lower_ in titles for c in root.children)


def _described_as_person(doc: Doc, start: int, end: int, titles, body_heads) -> bool:
    """A two- to four-word name the text describes as a person: a role noun in apposition
    after it ("Anil Rao, a figure in Nepal's Congress party"), a relative "who" after it
    ("Alain Berset, who visited Baku"), or itself in apposition to a title before it ("the
    Assembly's Speaker General, Ivo Marek,"). Not a name with "the" before it, a plural
    ("the Houthis, who ...") or a body's head word ("the Wagner Group, whose ...")."""
    words = doc[start:end]
    if not 2 <= len(words) <= 4 or not all(t.is_title or t.text == "-" for t in words) \
            or any(t.lower_ in body_heads or t.tag_ == "NNPS" for t in words) \
            or start > 0 and doc[start - 1].lower_ == "the":
        return False
    if any(t.text in city_names() for t in words):
        return False  # "Steaua Bucharest, who finished bottom": a team named by its city
    root = words.root
    if end < len(doc) and doc[end].text == ",":
        for c in root.children:
            if c.dep_ == "appos" and c.lemma_.lower() in titles and c.i >= end:
                return True
            if c.dep_ == "relcl" and c.i >= end and any(t.lower_ in ("who", "whom") and t.head == c for t in c.children):
                return True
    return root.dep_ == "appos" and root.head.i < start and root.head.lemma_.lower() in titles \
        and doc[start - 1].text == ","


# lower-case nouns for a company or body just before its name ("the defence contractor
# Lockheed Martin", "the state carrier Saudia", "chipmaker TSMC"; a "bombmaker" is a person):
# ``company_nouns`` in organisations_heads.yaml, shared with relext/pipeline/company_names.py
COMPANY_NOUNS = frozenset(read_data("organisations_heads.yaml")["company_nouns"])


def _named_after_company_noun(doc: Doc, start: int) -> bool:
    """The name follows a lower-case noun for a company ("contractor", "carmaker")."""
    if start == 0:
        return False
    prev = doc[start - 1]
    return prev.is_lower and prev.pos_ == "NOUN" and prev.lower_ in COMPANY_NOUNS


MEMBERSHIP_VERBS = frozenset(_WORDS["membership_verbs"])
#: verbs of a body acting on a member's place in it ("suspended Mali", "expelled Togo")
RANK_VERBS = frozenset(_WORDS["rank_verbs"])
MEMBERSHIP_NOUNS = frozenset(_WORDS["membership_nouns"])


def _in_membership_of(tok, bodies: set) -> bool:
    """``tok`` joins, leaves or is a member of one of the ``bodies`` (token positions of named
    organisations): only a state does that ("Togo joined the Commonwealth", "Mali announced its
    withdrawal from the G5 Sahel", "Chad's membership of the AU", "Niger is a member of ECOWAS")."""
    def names_body(word) -> bool:  # the word or an "of"/"from"/"to"/"in" phrase after it names a body
        if word.i in bodies:
            return True
        return any(p.dep_ == "prep" and any(o.i in bodies for o in p.children if o.dep_ == "pobj")
                   for p in word.children)

    head = tok.head
    if tok.dep_ == "poss":
        return head.lemma_.lower() in MEMBERSHIP_NOUNS and names_body(head)
    if tok.dep_ == "dobj" and head.lemma_.lower() in RANK_VERBS:
        # "ECOWAS suspended Mali", "the bloc expelled Togo from it": a body acts on a state
        return any(c.dep_ == "nsubj" and c.i in bodies for c in head.children) or names_body(head)
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if tok.dep_ == "nsubjpass" and head.lemma_.lower() in RANK_VERBS and names_body(head):
        return True  # "Mali was suspended from the AU"
    if head.lemma_.lower() in MEMBERSHIP_VERBS and (names_body(head) or any(
            c.dep_ == "dobj" and c.i in bodies for c in head.children)):
        return True
    # "X is (became) a member of B", "X announced its withdrawal from B"
    return any(c.dep_ in ("attr", "dobj") and c.lemma_.lower() in MEMBERSHIP_NOUNS and names_body(c)
               for c in head.children)


def _named_as_body_joined(doc, start: int, end: int) -> bool:
    """The name is what a state has membership of or has left ("Egypt's membership in the Gas
    Exporting Countries Forum", "Chad rejoined the X Forum"): a forum is then a body, not a
    meeting (leaving a meeting or a session is a walkout: it stays an event)."""
    root = doc[start:end].root
    head = root.head
    if root.lower_ != "forum":  # a meeting, session or summit left is a walkout
        return False
    if root.dep_ == "pobj" and head.lower_ in ("of", "in", "to", "into", "from"):
        return head.head.lemma_.lower() in ("member", "membership", "accession", "admission", "expulsion")
    return root.dep_ == "dobj" and head.lemma_.lower() == "rejoin"


PENALTY_NOUNS = frozenset(_WORDS["penalty_nouns"])
LAYING_VERBS = frozenset(_WORDS["laying_verbs"])


def _penalised(tok) -> bool:
    """``tok`` is what a state's penalty is laid on ("sanctions on Niger", "imposed an
    embargo on Mali", "sanctioned Guinea"): only a state (or body) is penalised so."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("on", "against"):
        holder = head.head
        return holder.lemma_.lower() in PENALTY_NOUNS or holder.lemma_.lower() in LAYING_VERBS
    return tok.dep_ == "dobj" and head.lemma_.lower() == "sanction" and head.pos_ == "VERB"


def untagged_speakers(doc, taken, common_words) -> list:
    """Token spans of two or three capitalised words that no rule or the model named and that
    are the subject of what people do, or a conjunct of it ("In a post on X, Amir Tavakoli
    said ...", "Nadia Berrada arrived in Rabat", "A and Nadia Berrada will attend";
    ``person_subject_verbs`` in ``roles.yaml``): a person the
    actor table does not know. Not where a word is an English word ("Human Rights Watch
    said", "Foreign Ministry said"), a known name (``taken``) or lower case; the first word
    may be an English word that is also a common given name (``GIVEN_NAMES``: "Ana Ruiz
    said", "Will Carter arrived"), the last may not ("Grace Period", "Mark Twain Prize")."""
    out = []
    if not len(doc):
        return out
    # only proper-noun subjects can start one: found from the arrays, no Token for the others
    pos, dep = doc.to_array([POS, DEP]).T
    nsubj, conj = doc.vocab.strings.add("nsubj"), doc.vocab.strings.add("conj")
    for tok in (doc[i] for i in numpy.flatnonzero((pos == PROPN) & ((dep == nsubj) | (dep == conj))).tolist()):
        subject = tok
        while subject.dep_ == "conj" and subject.head.i != subject.i:
            subject = subject.head  # "A and Ana Ruiz will attend": a later conjunct of the subject
        if subject.dep_ != "nsubj" or tok.pos_ != "PROPN" or subject.head.lemma_ not in PERSON_SUBJECT_VERBS:
            continue
        start = tok.i
        while start > 0 and tok.i - start < 2 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == tok.i:
            start -= 1
        words = doc[start:tok.i + 1]
        if len(words) < 2 or any(t.i in taken for t in words) \
                or not all(t.is_alpha and t.is_title and (t.lower_ not in common_words
                                                          or (t.i == start and t.lower_ in GIVEN_NAMES)) for t in words):
            continue
        out.append((start, tok.i + 1))
    return out


#: lower-case words that may stand inside a personal name ("Faisal bin Farhan", "Ursula van der Berg")
NAME_PARTICLES = frozenset(_WORDS["name_particles"])
#: pronouns a clause uses for a person, never for a body or a place
PERSON_PRONOUNS = frozenset({"he", "she"})


def _shaped_as_person(doc: Doc, start: int, end: int, opens_name, blockers, common_words=frozenset()) -> bool:
    """A span the model typed a body or a place that is a personal name by its shape and its
    context: two to five capitalised words (particles and joining hyphens allowed: "Faisal
    bin Farhan", "Kassym-Jomart Tokayev") holding no word of a body, site or institution
    (``blockers``: "Jomo Kenyatta University", "Simon Bolivar Airport"), and

    - opening with a given name (``opens_name``, None for none: "Gustavo Petro", "Kaja
      Kallas"; the caller passes it for spans the model typed a body only: a place that
      opens with a given name is often named after a person), or
    - with an age in apposition ("Adel Rahimi, 54,"), or
    - the subject of a reporting verb whose clause goes on with "he" or "she" ("Tarek
      Benali said he would resign": a body says "it", a place nothing).

    The last two need names that are no English words (``common_words``).

    Near misses: a name whose clause refers back to it with "its" or "it said" ("Morgan
    Stanley raised its forecast", "Wells Fargo said it would pay"), an acronym, a word in lower case, "the" before the name ("the Carter
    Center"), a company noun before it ("the carmaker Henry Ford Motors" is blocked by
    "Motors")."""
    words = doc[start:end]
    names = [t for t in words if t.text != "-" and t.lower_ not in NAME_PARTICLES]
    if len(names) == 1 and names[0].is_alpha and names[0].is_title and names[0].lower_ not in common_words \
            and start > 0 and doc[start - 1].text not in (".", ":") and _age_after(doc, end):
        return True  # "her sons, Luca, 12, and Teodor, 9,": a given name with an age
    names = name_words(doc, start, end, blockers, most=5)
    if names is None:
        return False
    root = words.root
    if _speaks_as_body(root):
        return False  # "Morgan Stanley raised its outlook": a company named after people
    if opens_name is not None and opens_name(doc[start].text):
        return True
    if any(t.lower_ in common_words for t in names):
        return False  # "Human Rights Watch said he was held": words of a body's name
    if _age_after(doc, end):
        return True  # "Adel Rahimi, 54, was arrested"
    if root.dep_ == "nsubj" and root.head.lemma_ in PERSON_SUBJECT_VERBS:
        for c in root.head.children:
            if c.dep_ in ("ccomp", "conj", "xcomp") and any(
                    g.dep_ in ("nsubj", "nsubjpass") and g.lower_ in PERSON_PRONOUNS for g in c.children):
                return True  # "X said he would go", "X arrived and she met ..."
    return False


def name_words(doc: Doc, start: int, end: int, blockers, most: int = 5) -> Optional[list]:
    """The words of a span shaped as a personal name, or None: two to ``most`` capitalised
    words, particles and joining hyphens aside ("Faisal bin Farhan", "Kassym-Jomart
    Tokayev"), no acronym, no word of a body, site or institution (``blockers``), and no
    "the" before the span."""
    words = doc[start:end]
    names = [t for t in words if t.text != "-" and t.lower_ not in NAME_PARTICLES]
    if not 2 <= len(names) <= most or not all(t.is_alpha and t.is_title for t in names):
        return None
    if any(t.lower_ in blockers for t in words) or start > 0 and doc[start - 1].lower_ == "the":
        return None
    if any(t.is_upper for t in names):
        return None
    return names


def _age_after(doc: Doc, end: int) -> bool:
    """An age in apposition right after a name: ", 54," or ", 54)" (a whole number of
    one to three digits up to 120, not a year or a date: "Geneva, 2009," and "Kyiv, 5 May"
    do not count)."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text not in (",", ")"):
        return False
    age = doc[end + 1].text
    return age.isdigit() and not age.startswith("0") and 0 < int(age) <= 120


def _listed_with_people(doc: Doc, start: int, end: int, unknown_place: Callable[[str], bool], blockers) -> bool:
    """A name of two to four capitalised words coordinated with two or more names the
    model typed as people, and with no known place or body ("together with Anna Berg,
    Tomas Lind, Ivo Marek and Sara Holm": "Ivo Marek" typed a place is a person too).
    Near misses: a list that holds a place some list knows ("Anna Berg, Tomas Lind and
    Lake Tana") or a body, a demonym or a building the model found, and a name holding a
    word of a place, site or body (``blockers``: "Lake", "Mount", "Airport")."""
    words = doc[start:end]
    if not 2 <= len(words) <= 4 or not all(t.is_alpha and t.is_title for t in words) \
            or any(t.lower_ in blockers for t in words):
        return False
    others = [m for m in _list_members(words.root) if not start <= m.i < end]
    for m in others:
        if m.ent_type_ in ("FAC", "ORG", "NORP"):
            return False
        if m.ent_type_ in ("GPE", "LOC"):
            ent = next((e for e in doc.ents if e.start <= m.i < e.end), None)
            if ent is None or not unknown_place(ent.text):
                return False
    return sum(1 for m in others if m.ent_type_ == "PERSON") >= 2


def _speaks_as_body(root) -> bool:
    """The clause of a subject ``root`` refers back to it as a thing: "its" in the verb's
    clause ("Morgan Stanley raised its outlook") or "it" as the subject of the clause it
    reports ("Wells Fargo said it would pay")."""
    if root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = root.head
    if any(t.lower_ == "its" for t in verb.subtree):
        return True
    return any(c.dep_ == "ccomp" and any(g.dep_ == "nsubj" and g.lower_ == "it" for g in c.children)
               for c in verb.children)


#: prepositions of being or moving somewhere, after a verb: what follows is a place
#: ("fighting raged in X", "troops pushed into X", "shelling around X")
LOCATIVE_PREPOSITIONS = frozenset(_WORDS["locative_prepositions"])


def _placed_by_verb(doc: Doc, start: int, end: int) -> bool:
    """A one- or two-word name right after a locative preposition that hangs on a verb
    ("fighting raged in Khan Younis", "troops pushed into Avdiivka"), with no possessive
    after it: used as a place. Near misses: "confidence in Putin" (the preposition hangs
    on a noun), "in Putin's speech" (a possessive), "believe in X" (not locative:
    ``NON_PLACE_IN_VERBS``)."""
    if start == 0 or sum(t.text != "-" for t in doc[start:end]) > 2:
        return False
    prep = doc[start - 1]
    if prep.lower_ not in LOCATIVE_PREPOSITIONS or prep.head.pos_ not in ("VERB", "AUX") \
            or prep.head.lemma_.lower() in NON_PLACE_IN_VERBS \
            or any(c.dep_ == "dobj" and c.lemma_.lower() in NON_PLACE_IN_NOUNS for c in prep.head.children):
        return False  # "showed little confidence in X": the parser hung the noun's "in" on the verb
    return not (end < len(doc) and doc[end].text in ("'s", "’s", "'"))


#: verbs whose "in" takes people, bodies or languages, not places ("believe in X", "invest
#: in X", "wrote in Farsi")
NON_PLACE_IN_VERBS = frozenset(_WORDS["non_place_in_verbs"])
#: nouns whose "in" takes people and bodies ("confidence in X", "a stake in X")
NON_PLACE_IN_NOUNS = frozenset(_WORDS["non_place_in_nouns"])


def _place_in_apposition(doc: Doc, start: int, end: int, place_nouns) -> bool:
    """A name with a noun of a place in apposition after it ("Goma, the capital of North
    Kivu", "Lunsar, a mining town in the north"): a place, whatever the model typed it.
    Near miss: "Ruto, the country's leader" (no place noun)."""
    if end >= len(doc) or doc[end].text != ",":
        return False
    root = doc[start:end].root
    return any(c.dep_ == "appos" and c.i > end and c.lemma_.lower() in place_nouns and c.pos_ == "NOUN"
               for c in root.children)
