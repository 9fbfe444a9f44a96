"""Whom a reproach is aimed at when its object is a free relative naming the wrong.

"condemned what it called Chinese aggression", "denounced what Berlin described as
Russia's illegal annexation": the object of the condemning verb is "what", and the
wrongdoer is the one the named wrong belongs to (its possessor, demonym or "by X").
"""
from __future__ import annotations

from typing import Dict, List

from spacy.tokens import Token

from ._lookup import positions_in
from .records import pair_records
from ..gazetteer import read_data

# word lists: relext/data/words/reproach_targets.yaml
_WORDS = read_data("words/reproach_targets.yaml")

NAMING_VERBS = frozenset(_WORDS["naming_verbs"])
ACTOR_TYPES = ("PERSON", "COUNTRY", "ORGANISATION")


def _named_wrongs(tok: Token) -> List[Token]:
    """The nouns the free relative of ``tok`` names: "what it called X's aggression"."""
    out = []
    for c in tok.children:
        if c.dep_ not in ("ccomp", "dobj", "xcomp") or c.lemma_.lower() not in NAMING_VERBS:
            continue
        if not any(w.lower_ in ("what", "which") for w in c.subtree if w.i < c.i):
            continue
        out += [o for o in c.children if o.dep_ in ("oprd", "dobj") and o.lower_ not in ("what", "which")]
        out += [o for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
    return out


def called_what(args, tok: Token) -> List[str]:
    """Wrongdoers named in "condemned what it called X's aggression" (``tok`` the verb)."""
    index = args.index
    found: List[str] = []
    wrongs = _named_wrongs(tok)
    for n in wrongs:
        if index.entity(n.i):
            # "called Chinese bullying" parsed as two complements: the name before the wrong
            if any(w.i == n.i + 1 for w in wrongs):
                found.append(index.entity(n.i))
            continue
        for c in n.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and index.entity(c.i):
                found.append(index.entity(c.i))
            elif c.dep_ == "prep" and c.lower_ == "by":
                found += [e for o in c.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    subjects = set(args.verb_subjects(tok))
    return list(dict.fromkeys(e for e in found if e not in subjects))


# verbs of denying a charge ("rejected X's accusations"): their subject is the one accused
DENYING_VERBS = frozenset(_WORDS["denying_verbs"])


def denier(args, tok: Token) -> List[str]:
    """The one who denies the charge ``tok`` names: "Russia rejected accusations by
    Ukraine" -> Russia (accused by Ukraine)."""
    gov = tok.head
    if tok.dep_ == "conj":
        gov = next((a for a in tok.ancestors if a.dep_ != "conj"), tok).head
    if tok.dep_ not in ("dobj", "conj") or gov.pos_ != "VERB" or gov.lemma_.lower() not in DENYING_VERBS:
        return []
    return args.verb_subjects(gov)



# what someone said, dismissed "as" something: "dismissed Orban's remarks as absurd"
SPOKEN_NOUNS = frozenset(_WORDS["spoken_nouns"])


def dismissed_as(args, tok: Token) -> List[str]:
    """Speakers whose words ``tok`` (a verb of dismissing) brushes aside as something:
    "Rutte dismissed Erdogan's remarks as a disgrace" -> Erdogan (GUIDELINES: criticism).
    Without the "as" complement ("dismissed the remarks") nothing: that is no reproach;
    accusations dismissed are a denial, whose author is found elsewhere."""
    out: List[str] = []
    for d in tok.children:
        if d.dep_ != "dobj" or d.lower_ not in SPOKEN_NOUNS or args.index.entity(d.i):
            continue
        if not any(c.dep_ == "prep" and c.lower_ == "as" for c in list(tok.children) + list(d.children)):
            continue
        for c in d.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by"):
                owners = [c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"]
                out.extend(e for o in owners for e in args.entities_of(o))
    return out


# what a court or state wants done to someone in custody: "wants X arrested (extradited)"
CUSTODY_VERBS = frozenset(_WORDS["custody_verbs"])
CUSTODY_NOUNS = frozenset(_WORDS["custody_nouns"])


def wanted(args, tok: Token) -> List[str]:
    """The one a warrant or prosecution is out for, ``tok`` a verb of wanting or seeking
    (GUIDELINES: an arrest warrant counts): "X is wanted (sought) by the ICC", "X, wanted
    by the ICC, ...", "the ICC wants X arrested (extradited)", "the ICC sought X's arrest
    (the extradition of X)". Not "wanted X to attend", "sought X's advice", "X is wanted
    by the party as its candidate" (a role), nor a passive without its agent."""
    kids = list(tok.children)
    out: List[str] = []
    if any(c.dep_ == "agent" for c in kids):
        if any(c.dep_ in ("xcomp", "oprd") or (c.dep_ == "prep" and c.lower_ == "as") for c in kids):
            return []
        out += [e for c in kids if c.dep_ == "nsubjpass" for e in args.entities_of(c)]
        if tok.dep_ == "acl":
            out += args.entities_of(tok.head)  # "Omar al-Bashir, wanted by the ICC, ..."
        return out
    custody = [c for c in kids if c.dep_ in ("ccomp", "xcomp", "oprd") and c.lemma_.lower() in CUSTODY_VERBS]
    for c in custody:
        out += [e for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for e in args.entities_of(s)]
    for d in kids:
        if d.dep_ != "dobj":
            continue
        if custody:
            out += args.entities_of(d)  # "wants [X] [arrested]"
        elif d.lemma_.lower() in CUSTODY_NOUNS:
            out += [e for c in d.children if c.dep_ == "poss" for e in args.entities_of(c)]
            out += [e for p in d.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o)]
    return list(dict.fromkeys(out))


def _governing_verb(v: Token) -> Token | None:
    """The verb whose clause holds the free relative headed by ``v``: "protested [over
    [what it called ...]]" -> protested, "brushed aside [what it called ...]" -> brushed."""
    t = v
    for _ in range(3):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def labelled_wrongs(doc, index, args, wrongs: set, agent_of: set) -> List[Dict]:
    """ACCUSES by naming someone's act a wrong in a free relative, whatever verb governs it
    (GUIDELINES: calling the object a wrongdoer): "recalled its envoy over what it called
    Russia's aggression", "waved off what she called the provocations of X", "responded to what
    Tokyo termed Chinese bullying" -> the namer ACCUSES the wrong's owner (its possessor,
    demonym or "by X"; "of X" only for the nouns in ``agent_of``, since "the invasion of X"
    names the victim). The noun must name a wrong (``wrongs``): "what it called X's offer"
    accuses no one. The namer is the naming verb's subject; a pronoun ("what it called")
    stands for the subject of the governing clause. An agentless passive ("what was
    described as ...") names no namer; a negated naming verb names nothing."""
    out: List[Dict] = []
    for i in positions_in(doc, NAMING_VERBS, attr="LEMMA"):
        v = doc[i]
        if v.pos_ != "VERB" or any(c.dep_ == "neg" for c in v.children):
            continue
        if not any(c.dep_ == "dobj" and c.lower_ in ("what", "whatever") and c.i < v.i for c in v.children):
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        if subj.pos_ == "PRON":
            gov = _governing_verb(v)
            namers = args.verb_subjects(gov) if gov is not None else []
        else:
            namers = args.verb_subjects(v)
        namers = [e for e in namers if index.type_of(e) in ACTOR_TYPES]
        if not namers:
            continue
        owners: List[str] = []
        for n in v.children:
            if n.dep_ not in ("oprd", "dobj") or n.lower_ in ("what", "whatever") or n.lemma_.lower() not in wrongs \
                    and n.lower_ not in wrongs:
                continue
            for c in n.children:
                if c.dep_ in ("poss", "amod", "compound", "nmod") and index.entity(c.i):
                    owners += args.entities_of(c)
                elif c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "of" and n.lemma_.lower() in agent_of):
                    owners += [e for o in c.children if o.dep_ == "pobj" and index.entity(o.i)
                               for e in args.entities_of(o)]
        # the namers are actors already: one type check serves both ends
        out += pair_records(v, ((s, o) for o in dict.fromkeys(owners) for s in namers), "ACCUSES",
                            rule_id="ACCUSES:labelled-a-wrong", type_of=index.type_of, types=ACTOR_TYPES)
    return out


# verbs of speech beside the shared reporting verbs, on which a framing "attack" is verbal
SPEECH_VERBS = frozenset(_WORDS["speech_verbs"])


def framed_reproaches(doc, index, args, nouns: Dict[str, List[str]], speech: set, verbal_only: set) -> List[Dict]:
    """ACCUSES by a clause framed as a reproach: "in a pointed criticism of Beijing, X said
    ...", "in a swipe at Turkey, Greece said ...", "X, in a veiled attack on Russia, said
    ..." -> the clause's subject ACCUSES the one the noun aims at (``nouns``: the reproach
    noun and the prepositions that name its target; a position of the target counts:
    "criticism of X's policy"). Nouns that also name blows (``verbal_only``: attack,
    broadside, salvo) count only on a verb of speech (``speech``): "in an attack on Kyiv,
    Russia fired missiles" accuses no one."""
    out: List[Dict] = []
    speech = set(speech) | SPEECH_VERBS
    for i in positions_in(doc, nouns, attr="LEMMA"):
        n = doc[i]
        if n.pos_ != "NOUN" or n.dep_ != "pobj" or n.head.lower_ != "in" or n.head.dep_ != "prep":
            continue
        v = n.head.head
        if v.pos_ in ("NOUN", "PROPN") and v.dep_ in ("nsubj", "nsubjpass"):
            v = v.head  # "X, in a rare criticism of Y, said": the phrase hung on the subject
        if v.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in v.children):
            continue
        lemma = n.lemma_.lower()
        if lemma in verbal_only and v.lemma_.lower() not in speech:
            continue
        targets = [e for p in n.children if p.dep_ == "prep" and p.lower_ in nouns[lemma]
                   for o in p.children if o.dep_ == "pobj" for e in args.entities_of(o, positions=True)]
        subjects = [e for e in args.verb_subjects(v) if index.type_of(e) in ACTOR_TYPES]
        out += pair_records(n, ((s, o) for o in dict.fromkeys(targets) for s in subjects), "ACCUSES",
                            rule_id="ACCUSES:in-a-reproach-of", type_of=index.type_of, types=ACTOR_TYPES)
    return out
