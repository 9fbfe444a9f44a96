"""Resolving pronouns in ``relext_canonical``: the nearest compatible antecedent, and the
speaker of a quotation or reported speech for first-person pronouns."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc
from ..gazetteer import read_data

# word lists: relext/data/words/coreference.yaml
_WORDS = read_data("words/coreference.yaml")

MALE = frozenset(_WORDS["male"])
FEMALE = frozenset(_WORDS["female"])
FIRST_PERSON = frozenset(_WORDS["first_person"])
FIRST_PLURAL = frozenset(_WORDS["first_plural"])
QUOTES = set('"“”')
SPEECH_VERBS = frozenset(_WORDS["speech_verbs"])
EXPLETIVE_HEADS = frozenset(_WORDS["expletive_heads"])
NEUTER = frozenset(_WORDS["neuter"])


def speaker_of_quote(doc: Doc, tok, ent_at) -> Optional[str]:
    """The person whose words ``tok`` is in.

    Reported speech: the subject of a speech verb that governs ``tok`` ("Putin said that we
    ...", "Putin was quoted as saying"). A quotation: the subject of a speech verb in the
    same sentence, else the next, else the one before. Speech that runs on: the speaker of the sentence before, if that
    sentence reports first-person words too.
    """
    def person_subject(verb) -> Optional[str]:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "pcomp" and verb.head.lower_ == "as" and verb.head.head.lemma_.lower() == "quote":
            # "X was quoted as saying": the passive subject of "quoted"
            subjects = [c for c in verb.head.head.children if c.dep_ == "nsubjpass"]
        for c in subjects:
            e = ent_at.get(c.i)
            if e and e[1] == "PERSON":
                return e[0]
        return None

    for anc in tok.ancestors:
        if anc.lemma_.lower() in SPEECH_VERBS and anc.pos_ == "VERB":
            found = person_subject(anc)
            if found:
                return found
    sent = tok.sent
    sents = list(doc.sents)
    idx = next(n for n, s in enumerate(sents) if s.start == sent.start)
    quoted = any(t.text in QUOTES for t in doc[max(0, sent.start - 1):min(len(doc), sent.end + 1)])
    if quoted:
        for s in [sent] + sents[idx + 1:idx + 2] + sents[max(0, idx - 1):idx]:
            for t in s:
                if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB":
                    found = person_subject(t)
                    if found:
                        return found
    elif idx > 0 and not any(t.lemma_.lower() in SPEECH_VERBS for t in sent):
        for t in sents[idx - 1]:
            if t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" and \
                    any(d.lower_ in FIRST_PERSON or d.lower_ in FIRST_PLURAL for d in t.subtree if d.i > t.i):
                found = person_subject(t)
                if found:
                    return found
    return None


def antecedent(doc: Doc, tok, heads, wanted, sent_of) -> Optional[str]:
    """The nearest preceding compatible mention: same sentence first (subjects preferred), then earlier."""
    sent = sent_of[tok.i]
    cands = [(start, gid, mm) for start, gid, typ, mm in heads if typ in wanted and start < tok.i
             and sent - sent_of[start] <= 2]
    if not cands:
        return None
    same = [c for c in cands if sent_of[c[0]] == sent]
    pool = same or [c for c in cands if sent_of[c[0]] == max(sent_of[x[0]] for x in cands)]
    subjects = [c for c in pool if _subject_like(doc[c[0]:c[2]["end"]].root)]
    if subjects and not same and _main_clause_subject(tok):
        # a pronoun opening a main clause carries on the main clause before it, not a clause
        # reported there ("X said Y had lied. It also accused Z": X)
        subjects = [c for c in subjects if _main_clause_subject(doc[c[0]:c[2]["end"]].root)] or subjects
    best = (subjects or pool)[-1]
    return best[1]


def _main_clause_subject(t) -> bool:
    """Whether ``t`` is the subject of its sentence's main verb (or of a verb joined to it)."""
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = t.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _subject_like(root) -> bool:
    """A subject, or a subject the parser folded into the opening place or time phrase
    ("In Rome Macron was welcomed by X": Macron, not X, is who "he" goes on to mean)."""
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True
    if root.dep_ != "pobj" or root.head.i != root.sent.start or root.head.dep_ != "prep":
        return False
    verb = root.head.head
    return verb.pos_ in ("VERB", "AUX") and root.i < verb.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) \
        and all(t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in root.doc[root.i + 1:verb.i])

