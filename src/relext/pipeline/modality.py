"""Negation and modality of a relation, from cues anchored on its trigger.

ConText-style: cues come from ``relext/data/cues.yaml``; their scope is the trigger's
clause and the chain of verbs and nouns that govern it ("had *no* plans to attend",
"*refused* to join", "did *not* intend to go"):

- negation counts ``neg`` dependents, the determiner "no" and negating governors
  ("refuse", "decline") along the chain; an even count cancels out;
- ``HYPOTHETICAL``: a condition ("if", "unless", "whether") on the chain, a
  speculative modal ("could", "might"), a hedging governor ("consider", "think"), or
  a question;
- ``REPORTED``: the clause is the complement of a reporting verb ("Ryabkov said ...")
  or is "according to" someone; the reporter is recorded as the source;
- ``PLANNED``: a future auxiliary ("will", "would") or a planning governor ("vowed",
  "plans", "is set to");
- a hope ("hoped to meet") is a plan, except for membership: "hopes to join" is a bid
  (``HYPOTHETICAL``);
- otherwise ``ASSERTED``.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from spacy.tokens import Token

from ._lookup import doc_text, sentence_bounds, sentence_chars
from .threat_clauses import undeterred
from ..gazetteer import read_data

# word lists: relext/data/words/modality.yaml
_WORDS = read_data("words/modality.yaml")

CHAIN_DEPS = ("xcomp", "acl", "ccomp", "conj", "advcl", "parataxis")
# triggers of threats and warnings: their conditions are the threat, not a hypothesis
CANCEL_VERBS = frozenset(_WORDS["cancel_verbs"])
OFFER_NOUNS = frozenset(_WORDS["offer_nouns"])
# taking back or holding back one's support: "withdrew (ended, dropped) its support for X",
# "withheld (refused, denied) recognition of X's term" negate it
RETRACT_VERBS = frozenset(_WORDS["retract_verbs"])
SUPPORT_NOUNS = frozenset(_WORDS["support_nouns"])
# verbs of stopping that a request presupposes the act of ("told X to stop threatening Y"),
# and the verbs of requesting
STOPPING_VERBS = frozenset(_WORDS["stopping_verbs"])
STOP_REQUESTS = frozenset(_WORDS["stop_requests"])
THREAT_WORDS = frozenset(_WORDS["threat_words"])


# Verbs that ask for something only with their preposition ("called on X to", "called for",
# "appealed to X to"); "called off" cancels instead.
CALLS = {"call": ("on", "upon", "for"), "appeal": ("to", "for")}

# verbs of choosing with which "against" + a gerund says the act is not done
AGAINST_CHOICES = frozenset(_WORDS["against_choices"])


class Modality:
    """Negation and modality finders configured by a cues mapping (``cues.yaml``)."""

    def __init__(self, cues: Dict[str, Any]) -> None:
        self.negating = set(cues["negating_governors"])
        # verbs of a trip whose "for" names its purpose ("would not travel to X for talks")
        self.trip_verbs = set(cues.get("trip_purpose_verbs", ()))
        # verbs that negate a finite clause they govern ("denied that it backs X")
        self.denying = set(cues.get("denying_governors", ()))
        # verb lemma -> particles with which it negates its complement ("held back from")
        self.negating_particles = {verb: tuple(parts) for verb, parts in cues["negating_phrasal_verbs"].items()}
        # verb lemma -> particles with which it calls off its object ("called off the visit")
        self.cancelling_particles = {verb: tuple(parts) for verb, parts in cues["cancelling_phrasal_verbs"].items()}
        self.negators = set(cues["negators"])
        self.marks = set(cues["conditional_marks"])
        self.speculative = set(cues["speculative_modals"])
        self.hypo_governors = set(cues["hypothetical_governors"])
        self.aspiration = set(cues.get("aspiration_governors", ()))
        self.hypo_adverbs = set(cues["hypothetical_adverbs"])
        self.future = set(cues["future_auxiliaries"])
        self.planning = set(cues["planning_governors"])
        self.reporting = set(cues["reporting_verbs"])

    def calls_off(self, verb: Token) -> bool:
        """Whether ``verb`` cancels its object: "cancelled (scrapped, called off) the visit"."""
        lemma = verb.lemma_.lower()
        return lemma in CANCEL_VERBS or any(c.dep_ in ("prt", "advmod") and c.lower_ in self.cancelling_particles.get(lemma, ())
                                            for c in verb.children)

    def _negation_chain(self, tok: Token) -> List[Tuple[Token, bool]]:
        """The trigger and the words that govern it within its statement.

        Each node comes with whether it governs the trigger as a complement ("refused
        *to attend*"), the only way a negating verb can negate it.
        """
        nodes = [(tok, False)]
        cur = tok
        if cur.pos_ == "NOUN" and cur.dep_ == "pobj":
            # "X was not among the guests at Y", "X was not one of the guests": the copula's
            # negation is the group noun's
            p = cur.head
            if p.lower_ == "among" and p.head.lemma_.lower() in ("be", "remain"):
                cur = p.head
                nodes.append((cur, False))
            elif p.lower_ == "on" and p.head.lemma_.lower() in ("be", "stand", "remain", "stay") \
                    and cur.lemma_.lower() == "side":
                # "X is not on Y's side": the copula's negation is the stance's
                cur = p.head
                nodes.append((cur, False))
            elif p.lower_ == "of" and p.head.lower_ == "one" and p.head.head.lemma_.lower() in ("be", "remain"):
                cur = p.head.head
                nodes.append((cur, False))
            elif p.lower_ == "for" and p.head.pos_ == "VERB" and p.head.lemma_.lower() in self.trip_verbs:
                # "would not travel to Suva for talks", "did not fly in for the summit": the
                # purpose of a trip that is not made does not take place
                cur = p.head
                nodes.append((cur, False))
        if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "attr"):
            cur = cur.head
            # "cancelled his stop in X", "scrapped the visit": calling off the noun's event
            nodes.append((cur, self.calls_off(cur)
                          or (cur.lemma_.lower() in RETRACT_VERBS and tok.lemma_.lower() in SUPPORT_NOUNS)))
        if cur.pos_ in ("ADJ", "ADV") and cur.dep_ in ("acomp", "advmod"):
            cur = cur.head
            nodes.append((cur, False))
        for _ in range(4):
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
                cur = cur.head.head
                if cur.dep_ in ("advmod", "prt") and cur.pos_ in ("ADV", "ADP") and cur.head.pos_ == "VERB":
                    cur = cur.head  # "held back [from imposing]": the phrase hangs on the particle
                nodes.append((cur, True))
                continue
            if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in self.denying and cur.head.i != cur.i:
                cur = cur.head  # "denied that it backs X": the clause denied
                nodes.append((cur, True))
                break
            if cur.dep_ in ("ccomp", "acl") and cur.head.pos_ == "NOUN" and cur.head.dep_ == "dobj" \
                    and cur.head.head.lemma_.lower() in self.denying:
                cur = cur.head.head  # "denied reports (claims) that it backs X"
                nodes.append((cur, True))
                break
            if cur.dep_ not in ("xcomp", "acl") or cur.head.i == cur.i:
                break
            cur = cur.head
            nodes.append((cur, True))
            if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "attr"):
                # "declined an invitation to attend": refusing the offer refuses what it offers
                offered = cur.lemma_.lower() in OFFER_NOUNS
                cur = cur.head
                nodes.append((cur, offered))
        return nodes

    def np_negation(self, tok: Token) -> Tuple[bool, Optional[str]]:
        """Negation inside a noun phrase only ("no boycott by X")."""
        for c in tok.children:
            if c.dep_ in ("det", "neg") and c.lower_ in ("no", "not", "neither"):
                return True, c.text
        if tok.dep_ == "dobj" and self.calls_off(tok.head):
            return True, tok.head.text  # "cancelled his visit to X"
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in RETRACT_VERBS and tok.lemma_.lower() in SUPPORT_NOUNS:
            return True, tok.head.text  # "withdrew its support for X"
        return False, None

    def negation(self, tok: Token) -> Tuple[bool, Optional[str]]:
        """``(negated, cue)`` for a relation triggered by ``tok``."""
        count, cue = 0, None
        for n, governs in self._negation_chain(tok):
            if governs and undeterred(n):
                continue  # "would not hesitate to impose sanctions": the step is promised
            for c in n.children:
                if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in ("no", "neither")):
                    count += 1
                    cue = c.text
                elif c.dep_ == "advmod" and c.lower_ in ("longer", "more") \
                        and any(d.lower_ == "no" for d in c.children):
                    count += 1  # "no longer backs X"
                    cue = "no " + c.text
            if governs and n.lemma_.lower() in STOPPING_VERBS and n.dep_ == "xcomp" \
                    and n.head.lemma_.lower() in STOP_REQUESTS and not any(c.dep_ == "neg" for c in n.head.children):
                continue  # "told X to stop threatening Y": X has been threatening Y
            if governs and (n.lemma_.lower() in self.negating or self.calls_off(n)
                            or (n.lemma_.lower() in RETRACT_VERBS and tok.lemma_.lower() in SUPPORT_NOUNS)
                            or any(c.dep_ in ("prt", "advmod") and c.lower_ in self.negating_particles.get(n.lemma_.lower(), ())
                                   for c in n.children)):
                count += 1  # "refused to", "held back from imposing", "shied away from"
                cue = n.text
        if tok.dep_ == "pcomp" and tok.head.lower_ == "against" and tok.head.head.lemma_.lower() in AGAINST_CHOICES:
            count += 1  # "decided (opted, advised) against attending"
            cue = "against"
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "attr" and tok.head.lemma_.lower() in ("be", "become", "remain") \
                and any(c.dep_ == "nsubj" and any(d.dep_ in ("preconj", "det") and d.lower_ in ("neither", "no") for d in c.children)
                        for c in tok.head.children):
            count += 1  # "Neither A nor B is a member of X", "No state is a member of X"
            cue = "neither"
        if tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:
                if c.dep_ in ("dobj", "nsubj", "nsubjpass") and any(
                        d.dep_ == "det" and d.lower_ in ("no", "neither") or d.dep_ == "preconj" and d.lower_ == "neither"
                        for d in c.children):
                    # "no country attended"; "Neither A nor B will attend"; "Neither the US nor
                    # Israel attended" (the "neither" read as a pre-conjunction before "the")
                    count += 1
                    cue = next(d.text for d in c.children if d.dep_ in ("det", "preconj") and d.lower_ in ("no", "neither"))
                    break
                if c.dep_ == "dobj" and c.lower_ in ("nobody", "none"):
                    count += 1  # "had nobody at the summit", "sent none"
                    cue = c.text
                    break
            if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in tok.children) \
                    or tok.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in tok.head.children):
                count += 1  # "will neither attend X nor send Y"
                cue = "neither"
            # "will be at neither the summit nor the G20": the object carries the negation
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            objects += [o for p in tok.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
            if any(d.dep_ == "preconj" and d.lower_ == "neither" for o in objects for d in o.children):
                count += 1
                cue = "neither"
        return count % 2 == 1, cue

    def _clause_chain(self, tok: Token) -> List[Token]:
        """The trigger, then the verbs whose clause contains it (relative clauses are their own)."""
        nodes = [tok]
        cur = tok
        if cur.pos_ in ("NOUN", "PROPN", "ADJ", "ADV"):
            # a nominal trigger: its governing verb, directly or through one preposition
            if cur.dep_ == "pobj" and cur.head.dep_ == "prep":
                cur = cur.head.head
            elif cur.dep_ in ("dobj", "attr", "acomp", "advmod", "nsubj", "nsubjpass", "oprd"):
                cur = cur.head
            else:
                return nodes
            nodes.append(cur)
            if cur.pos_ not in ("VERB", "AUX"):
                return nodes
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
                cur = cur.head.head
                nodes.append(cur)
                continue
            if cur.dep_ in CHAIN_DEPS:
                cur = cur.head
                nodes.append(cur)
                continue
            break
        return nodes

    def modality(self, tok: Token, args, relation: Optional[str] = None) -> Tuple[str, Optional[str]]:
        """``(modality, source entity id)`` for a relation (of type ``relation``) triggered by ``tok``."""
        if relation == "MEMBER_OF" and tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.i < tok.head.head.i \
                and tok.lemma_.lower() == "member":
            return "ASSERTED", None  # "As a member of X, Y can veto ...": the membership is taken as given
        start_char, end_char = sentence_chars(tok.doc, tok.i)
        sent_text = doc_text(tok.doc)[start_char:end_char].strip().rstrip("\"'”’ )")
        if sent_text.endswith("?"):
            return "HYPOTHETICAL", None
        if any(a.dep_ in ("advcl", "ccomp") and inverted_condition(a) for a in [tok, *tok.ancestors]):
            return "HYPOTHETICAL", None  # inside "Should X attend, ...", "Were X to join, ...": the condition
        chain = self._clause_chain(tok)
        for i in range(1, len(chain)):
            if chain[i - 1].dep_ == "advcl" and not _for_to_clause(chain[i - 1]):
                # an adverbial clause ("after X hosted Y, they agreed to ...") is asserted in
                # its own right: the main clause's tense and plans do not reach into it; not
                # a "for X to V" clause, which is the governor's complement ("pushed for X
                # and Y to meet")
                chain = chain[:i]
                break
        planned = False
        source: Optional[str] = None
        below_report = True
        for i, n in enumerate(chain):
            lemma = n.lemma_.lower()
            if below_report:
                for c in n.children:
                    if c.dep_ == "mark" and c.lower_ in self.marks:
                        return "HYPOTHETICAL", None
                    if c.dep_ == "aux" and c.lower_ in self.speculative:
                        return "HYPOTHETICAL", None
                    if c.dep_ == "advmod" and c.lower_ in self.hypo_adverbs:
                        return "HYPOTHETICAL", None
                    if c.dep_ == "aux" and c.lower_ in self.future:
                        planned = True
                    if c.dep_ in ("advcl", "ccomp") and tok.lemma_.lower() not in THREAT_WORDS \
                            and relation != "THREATENS" \
                            and (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                           for m in c.children) or inverted_condition(c)):
                        # "X would boycott the Games if Y were allowed": a condition on the
                        # statement itself (a threat is conditional by nature and stays stated,
                        # whatever verb voices it: "X vowed a response should Y join")
                        return "HYPOTHETICAL", None
                # a governor embeds the trigger; a coordinated verb ("was not invited and
                # did not take part") only shares its subject
                embeds = i > 0 and chain[i - 1].dep_ != "conj"
                if embeds and lemma in self.hypo_governors and n.pos_ in ("VERB", "NOUN"):
                    return "HYPOTHETICAL", None
                if embeds and lemma in CALLS and (any(c.dep_ == "prep" and c.lower_ in CALLS[lemma] for c in n.children)
                                                  or "for" in CALLS[lemma] and _for_to_clause(chain[i - 1])) \
                        and not any(c.dep_ == "prt" and c.lower_ == "off" for c in n.children):  # "called off X for Y": cancelled
                    return "HYPOTHETICAL", None  # "called on X to boycott", "called for a boycott"
                if embeds and lemma in self.aspiration and n.pos_ in ("VERB", "NOUN"):
                    if relation == "MEMBER_OF":
                        return "HYPOTHETICAL", None
                    planned = True
                if embeds and lemma in self.planning:
                    planned = True
                if n.tag_ == "VBG" and any(c.lemma_ == "be" and c.dep_ == "aux" for c in n.children) and lemma == "go":
                    planned = True
            if i > 0 and lemma in self.reporting and chain[i - 1].dep_ in ("ccomp", "parataxis", "xcomp"):
                subj = args.verb_subjects(n)
                if subj:
                    source = subj[0]
                below_report = False
        for n in chain:
            for c in n.children:
                if c.dep_ == "prep" and c.lower_ == "according":
                    for to in c.children:
                        for p in to.children if to.lower_ == "to" else ():
                            ids = args.entities_of(p)
                            if ids:
                                source = source or ids[0]
        if source is not None:
            return "REPORTED", source
        return ("PLANNED" if planned else "ASSERTED"), None


def _for_to_clause(clause: Token) -> bool:
    """Whether ``clause`` is a "for X to V" infinitive ("pushed (called) for A and B to meet")."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def inverted_condition(clause: Token) -> bool:
    """A condition stated by inversion: "Should X join, ...", "Had X attended, ...", "Were X
    to join, ..." (the auxiliary before the subject, no conjunction)."""
    if any(c.dep_ == "mark" for c in clause.children):
        return False
    subj = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    if clause.dep_ == "ccomp" and not (clause.i < clause.head.i and clause.left_edge.i == sentence_bounds(clause.doc, clause.i)[0]):
        return False  # a fronted clause the parser took for a complement ("Had X joined, Y would ...")
    auxes = [clause] if clause.pos_ == "AUX" else [c for c in clause.children if c.dep_ == "aux"]
    return any(a.lower_ in ("should", "had", "were") and a.i < min(subj) for a in auxes)

