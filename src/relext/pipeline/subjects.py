"""Subjects of verb and noun triggers (`SubjectsMixin` of `Arguments`)."""
from __future__ import annotations

from typing import List

from spacy.tokens import Token

from ._lookup import positions_of_words
from .antecedents import step_owner
from .argument_words import (
    ORDER_WORDS,
    ADJUNCT_PARTICIPLE_PREPS, OBJECT_CONTROL, PREP_OBJECT_CONTROL, VEHICLE_NOUNS, VEHICLE_ARRIVAL_VERBS, CARRY_VERBS,
    NOUN_PREPS_TO_VERB,
    PACKAGE_NOUNS,
    BLOW_VERBS,
    BEARING_VERBS,
    LED,
    _reduced_passive,
    SMALL_CLAUSE_VERBS,
    CONTROL_NOUNS,
    _misparsed_small_clause,
    MESSAGE_NOUNS,
    PRESENCE_NOUNS,
)
from ..gazetteer import read_data

# word lists: relext/data/words/subjects.yaml
_WORDS = read_data("words/subjects.yaml")

# verbs whose subject is a group and whose object names its members
MEMBER_LIST_VERBS = frozenset(_WORDS["member_list_verbs"])
LIST_NOUNS = frozenset(_WORDS["list_nouns"])
# participles of a step expected of a group ("the leaders expected (due, set) to attend"): the
# group's listed members take the step; not those asked or invited to, who may decline
EXPECTATION_PARTICIPLES = frozenset(_WORDS["expectation_participles"])


# verbs of putting out a message: "A issued (filed, signed) a statement backing X"
ISSUE_VERBS = frozenset(_WORDS["issue_verbs"])

# "X cleared (paved, opened) the way for sanctions": X goes on to do what the noun names
WAY_VERBS = frozenset(_WORDS["way_verbs"])

# verbs of going or being somewhere: "for talks with X" after them is the traveller's own
TRAVEL_VERBS = frozenset(_WORDS["travel_verbs"])

# coming back from a trip: "returned (came back, flew home) from a trip to X"
TRIP_NOUNS = frozenset(_WORDS["trip_nouns"])
RETURN_VERBS = frozenset(_WORDS["return_verbs"])

# verbs of taking someone along: "took X on a tour of Y" (X tours Y)
ESCORT_VERBS = frozenset(_WORDS["escort_verbs"])


# acts a reporter goes on to do, conjoined by the parser to the clause reported ("X said Y
# was a troublemaker and warned it ...") and the verbs of reporting that clause hangs on
REPORTER_ACTS = frozenset(_WORDS["reporter_acts"])
REPORTING_HEADS = frozenset(_WORDS["reporting_heads"])
# "X is one of (A and B are two of) the nations doing Y"
# participles of warning whose subject is the one demanding, when the parser hangs them on a
# demanded clause ("X demanded that Y withdraw, warning that ..."), and those demand verbs
WARNING_PARTICIPLES = frozenset(_WORDS["warning_participles"])
DEMAND_VERBS = frozenset(_WORDS["demand_verbs"])
ONE_OF = frozenset(_WORDS["one_of"])


class SubjectsMixin:
    """Methods of `relext.pipeline.arguments.Arguments` (see the module docstring)."""

    # -- subjects --------------------------------------------------------------------
    def subjects(self, tok: Token) -> List[str]:
        if tok.pos_ in ("NOUN", "PROPN") and not among_those(tok):
            return self.noun_subjects(tok)
        if _misparsed_small_clause(tok):
            return self.verb_subjects(tok.head.head)  # "held [X] [responsible]" parsed as "X responsible"
        if among_those(tok):
            # "Among those present were A and B", "A and B were among those present (absent)":
            # the ones listed on the copula
            return self.entities_of(tok.head) if tok.head.lower_ == "those" \
                else [e for c in tok.head.head.children if c.dep_ in ("nsubj", "attr") for e in self.entities_of(c)]
        if tok.pos_ == "ADJ" and tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN") and tok.i > tok.head.i:
            # "A and B are among the leaders due in Dubai": the noun the adjective follows
            return self._postmodified(tok.head)
        if tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "acomp") and tok.head.lemma_.lower() == "be" \
                and tok.i < tok.head.i:
            # "Present as well were X and Y": an inverted predicate adjective (parsed as the
            # subject, or with the names as the copula's attribute): who is present follows
            after = [e for c in tok.head.children if c.dep_ in ("attr", "nsubj") and c.i > tok.head.i
                     for e in self.entities_of(c)]
            if after:
                return list(dict.fromkeys(after))
        if tok.pos_ in ("ADJ", "ADV") and (tok.dep_ in ("acomp", "advmod", "attr", "oprd")
                                           or tok.dep_ in ("ccomp", "advcl") and tok.head.lemma_.lower() in SMALL_CLAUSE_VERBS):
            return self.verb_subjects(tok.head)
        return self.verb_subjects(tok)

    def verb_subjects(self, v: Token, _depth: int = 0) -> List[str]:
        # once per verb and document: many rules (and modality) ask for the same verb's
        # subjects; each caller gets its own list
        key = ("verb-subj", v.i, _depth)
        found = self._cache.get(key)
        if found is None:
            found = self._ordered_ones(v) or self._verb_subjects(v, _depth)
            if found:
                # "A walked out of the summit alongside B": B does what A does
                found = found + [e for e in self._alongside(v) if e not in found]
            self._cache[key] = found
        return list(found)

    def _ordered_ones(self, v: Token) -> List[str]:
        """"The latest (first) to withdraw from X were A and B": the names after the copula
        whose subject the ordinal word the infinitive hangs on is."""
        head = v.head
        if v.dep_ not in ("relcl", "acl") or head.lower_ not in ORDER_WORDS or head.dep_ != "nsubj" \
                or head.head.lemma_.lower() != "be" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            return []
        return list(dict.fromkeys(e for c in head.head.children if c.dep_ == "attr" and c.i > head.head.i
                                  for e in self.entities_of(c)))

    def _alongside(self, v: Token) -> List[str]:
        """The actors named by "alongside" ("along with", "together with") on the verb ``v``
        ("boycotted X alongside B"), or on the event or place it acts on, where the parser
        hangs it ("walked out of the summit alongside B", "attended the summit along with B":
        no one is alongside a summit)."""
        found = positions_of_words(v.doc, ("alongside", "along", "together"))  # (an index built once per doc)
        if not found:
            return []
        lo, hi = v.left_edge.i, v.right_edge.i
        preps = []
        for t in (v.doc[i] for i in found if lo <= i <= hi):
            if t.dep_ != "prep":
                continue
            if t.lower_ != "alongside":
                # "along with B" parsed as two prepositions: B is the object of the second
                t = next((w for w in t.children if w.dep_ == "prep" and w.lower_ == "with"), None)
                if t is None:
                    continue
            if t.head.i == v.i or t.lower_ == "with" and t.head.head.i == v.i:
                preps.append(t)
                continue
            n = t.head if t.lower_ == "alongside" else t.head.head
            e = self.index.entity(n.i)
            if e is None or self.index.type_of(e) not in ("EVENT", "LOCATION"):
                continue
            up = n.head if n.dep_ == "dobj" else n.head.head if n.dep_ == "pobj" else None
            if up is not None and (up.i == v.i or up.head.i == v.i and up.dep_ == "prep"):
                preps.append(t)  # "boycotted X alongside B", "walked out of X alongside B"
        return [e for c in preps for o in c.children if o.dep_ == "pobj" for e in self.entities_of(o)
                if self.index.type_of(e) in ("COUNTRY", "ORGANISATION", "PERSON")]

    def _verb_subjects(self, v: Token, _depth: int = 0) -> List[str]:
        if _depth > 5:
            return []
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children) or _reduced_passive(v)
        if passive:
            for c in v.children:
                if c.dep_ == "agent":
                    # "greeted by A, and by B": the second "by" is conjoined to the first
                    agents = [c] + [x for x in c.children if x.dep_ == "conj" and x.lower_ == "by"] \
                        + [x for x in v.children if x.dep_ == "conj" and x.lower_ == "by"]
                    return [e for a in agents for p in a.children if p.dep_ == "pobj" for e in self.entities_of(p)]
            return []
        subs = [c for c in v.children if c.dep_ in ("nsubj", "csubj", "expl")]
        subs = [c for c in subs if c.dep_ != "expl"]
        if not subs and v.tag_ == "VBG" and v.i == v.sent.start + sum(1 for c in v.lefts if c.dep_ == "advmod"):
            # "Also attending were A and B", "Attending the summit are A and B": a fronted
            # participle; the parser hangs the names on the copula after it
            cop = next((c for c in v.children if c.dep_ == "aux" and c.lemma_ == "be" and c.i > v.i), None)
            subs = [] if cop is None else [x for x in cop.children if x.dep_ == "nsubj"] \
                + [x for x in v.children if x.dep_ in ("dobj", "nsubj") and x.i > cop.i]  # or as a second object
        if not subs and v.dep_ == "ROOT":
            found = self.swallowed_subject(v)
            if found:
                return found
        if subs and v.lemma_.lower() in VEHICLE_ARRIVAL_VERBS:
            riders = self._vehicle_riders(v, subs)
            if riders:
                return riders
        if subs:
            out = [e for s in subs for e in self.entities_of(s)]
            if not out:  # "a Kremlin statement accused X", "a joint communique by A and B condemned X"
                out = [e for s in subs if s.lemma_.lower() in MESSAGE_NOUNS for e in self.noun_internal_subjects(s)]
            if not out:  # "A issued a statement on Monday. The statement accused X": A
                out = [e for s in subs if s.lemma_.lower() in MESSAGE_NOUNS for e in self._issuer_before(s)]
            if not out and v.dep_ == "relcl" and v.head.lemma_.lower() in MESSAGE_NOUNS \
                    and any(s.lower_ in ("which", "that") for s in subs):
                # "A issued a statement which accused X": the message's own author, else its issuer
                out = self._message_author(v.head, _depth)
            for c in v.children:  # "X will be there, together with Y and Z"
                if c.dep_ == "advmod" and c.lower_ in ("together", "along"):
                    for p in c.children:
                        if p.dep_ == "prep" and p.lower_ == "with":
                            out.extend(e for o in p.children if o.dep_ == "pobj" for e in self.entities_of(o))
                if c.dep_ == "prep" and c.lower_ == "with" and any(x.lower_ in ("together", "along") for x in c.children):
                    out.extend(e for o in c.children if o.dep_ == "pobj" for e in self.entities_of(o))
            return list(dict.fromkeys(out))
        head = v.head
        if v.tag_ == "VBG":
            # inverted participle: "Also attending (the summit) were A and B": what follows
            # the copula does it (parsed with the participle as the copula's subject, or
            # with the copula as the participle's auxiliary after it)
            cop = head if v.dep_ == "csubj" and head.lemma_.lower() == "be" else next(
                (c for c in v.children if c.dep_ == "aux" and c.lemma_.lower() == "be" and c.i > v.i), None)
            if cop is not None:
                return list(dict.fromkeys(e for c in cop.children if c.dep_ in ("attr", "nsubj", "dep") and c.i > v.i
                                          for e in self.entities_of(c)))
        if v.dep_ in ("xcomp", "acl", "advcl", "ccomp", "pcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children) or v.dep_ == "xcomp":
            if head.pos_ in ("VERB", "AUX", "ADJ"):
                raised = [c for c in head.children if c.dep_ == "nsubjpass"]
                if raised:  # "X is expected / set / due to attend"
                    return self.entities_of(raised[0])
                if head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") \
                        and any(c.dep_ == "auxpass" for c in head.children) \
                        and not any(c.dep_ == "agent" for c in head.children):
                    # "X arrived in Lima and is due to join the talks": the first conjunct's subject
                    return self.verb_subjects(head.head, _depth + 1)
                if head.lemma_.lower() in OBJECT_CONTROL:
                    objs = [c for c in head.children if c.dep_ == "dobj"]
                    if objs:
                        found = self.entities_of(objs[0])
                        if objs[0].pos_ == "PRON" and found and set(found) <= set(self.verb_subjects(head, _depth + 1)):
                            # "X rebuked Y and told him to stop": an object pronoun is never its
                            # own clause's subject; the one named before it is meant
                            found = self._other_named_before(objs[0], set(found))
                        return found
                preps = PREP_OBJECT_CONTROL.get(head.lemma_.lower(), ())
                objs = [o for c in head.children if c.dep_ == "prep" and c.lower_ in preps
                        for o in c.children if o.dep_ == "pobj"]
                if objs:  # "X called on Y to boycott", "appealed to Y to attend": Y would do it
                    return self.entities_of(objs[0])
                if head.dep_ == "acl" and head.tag_ == "VBN" and head.head.pos_ in ("NOUN", "PROPN") \
                        and head.lemma_.lower() in EXPECTATION_PARTICIPLES \
                        and not any(c.dep_ == "agent" for c in head.children):
                    # "Leaders expected (invited, due) to attend include A and B", "A and B are among
                    # the states set to boycott X": the members of the group the participle modifies
                    listed = self._listed_members(head.head)
                    if listed:
                        return listed
                return self.verb_subjects(head, _depth + 1)
            if head.pos_ in ("NOUN", "PROPN"):
                found = self.noun_subjects(head, _depth + 1)
                if not found and head.lemma_.lower() in CONTROL_NOUNS and head.dep_ == "dobj" \
                        and head.head.pos_ in ("VERB", "AUX"):
                    # "X accepted (rejected) an invitation to attend", "X made a bid to join"
                    found = self.verb_subjects(head.head, _depth + 1)
                if not found and head.lemma_.lower() in CONTROL_NOUNS and head.dep_ == "pobj" \
                        and head.head.lower_ == "with" and head.head.head.lemma_ == "be":
                    # "A and B are among the states with no plan to attend X"
                    found = self.verb_subjects(head.head.head, _depth + 1)
                return found
        if v.dep_ == "conj" and v.pos_ == "VERB" and v.tag_ == "VBG" and head.pos_ not in ("VERB", "AUX"):
            # "dropping in at X last year and travelling to Y": a participle the parser
            # conjoined to a noun belongs with the participle above it
            up = next((a for a in v.ancestors if a.pos_ in ("VERB", "AUX")), None)
            if up is not None and up.tag_ == "VBG":
                return self.verb_subjects(up, _depth + 1)
        if v.dep_ == "conj" and v.tag_ == "VBD" and head.tag_ == "VB" and head.dep_ == "ccomp" \
                and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children) and head.head.tag_ == "VBD":
            # "X said Y would do A, and praised Z": a past verb cannot share the modal of the
            # reported clause; it is the reporter's second act
            return self.verb_subjects(head.head, _depth + 1)
        if v.dep_ == "conj" and head.dep_ == "ccomp" and head.head.pos_ == "VERB" \
                and v.lemma_.lower() in REPORTER_ACTS and head.head.lemma_.lower() in REPORTING_HEADS:
            # "X said Y was a troublemaker and warned it not to ...": an object pronoun that
            # means the reported clause's own subject cannot be its own subject's object, so
            # the second act is the reporter's
            inner = [e for c in head.children if c.dep_ == "nsubj" for e in self.entities_of(c)]
            pron = [c for c in v.children if c.dep_ == "dobj" and c.pos_ == "PRON"
                    and not c.lower_.endswith(("self", "selves"))]
            if inner and pron:
                meant = set(self.entities_of(pron[0]))
                reporters = self.verb_subjects(head.head, _depth + 1)
                # the reporter's side: the reporter, or whom the reporter's phrase names
                # ("Peru's minister said Chile ... and accused it": "it" read as Peru)
                side = set(reporters) | {self.index.entity(x.i) for c in head.head.children if c.dep_ == "nsubj"
                                         for x in c.subtree if self.index.entity(x.i)}
                if meant & set(inner) or (meant & side and not meant & set(inner)):
                    return reporters
        if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            if not any(c.dep_ == "agent" for c in head.children):
                done = [c for c in head.children if c.dep_ == "nsubjpass"]
                if done:  # "X was not asked and did not take part": X is the active conjunct's subject
                    return self.entities_of(done[0])
            return self.verb_subjects(head, _depth + 1)
        if v.pos_ == "ADJ" and v.dep_ in ("acomp", "attr", "advcl") and head.pos_ in ("VERB", "AUX"):
            # "X was due (set, likely) to meet Y"; a depictive adjective on the verb shares
            # its subject: "X flew into Juba unannounced to see Y"
            return self.verb_subjects(head, _depth + 1)
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.dep_ in ("advmod", "prt") \
                and head.head.pos_ in ("ADV", "ADP") and head.head.head.pos_ == "VERB":
            return self.verb_subjects(head.head.head, _depth + 1)  # "held back [from imposing]"
        if v.dep_ == "pcomp" and head.dep_ in ("prep", "mark") and head.head.pos_ in ("VERB", "AUX", "ADJ"):
            objs = [c for c in head.head.children if c.dep_ == "dobj"] \
                if head.lower_ not in ADJUNCT_PARTICIPLE_PREPS else []
            if objs:  # "barring athletes from attending": the object does it (not in a time or
                # manner adjunct: "after arriving in X, A met B" is A's arrival)
                return self.entities_of(objs[0])
            gov = head.head
            if gov.pos_ in ("VERB", "AUX") and not any(c.dep_ == "agent" for c in gov.children):
                done = [c for c in gov.children if c.dep_ == "nsubjpass"]
                if done:  # "X is united (committed) in condemning Y": X does it
                    return self.entities_of(done[0])
            return self.verb_subjects(head.head, _depth + 1)
        if v.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
            return self.noun_subjects(head.head, _depth + 1)
        if v.dep_ == "advcl" and v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "having" for c in v.children):
            # "X launched drills, having threatened Y": the perfect participle shares the main
            # clause's subject; the parser may hang it under a later conjoined verb
            if head.i > v.i and head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX") and head.head.i < v.i:
                return self.verb_subjects(head.head, _depth + 1)
            return self.verb_subjects(head, _depth + 1)
        if v.dep_ == "advcl" and v.tag_ == "VBG":
            if v.lemma_.lower() in WARNING_PARTICIPLES and head.dep_ == "ccomp" and head.head.pos_ == "VERB" \
                    and v.i > 0 and v.doc[v.i - 1].lower_ == "," \
                    and head.head.lemma_.lower() in DEMAND_VERBS:
                # "X demanded that Y withdraw, warning that Y would pay": the parser hangs the
                # warning on the demanded clause; the one demanding warns
                return self.verb_subjects(head.head, _depth + 1)
            return self.verb_subjects(head, _depth + 1)
        if v.dep_ in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            found = self.entities_of(head)
            if not found and head.dep_ == "pobj" and head.head.lower_ == "among" \
                    and head.head.head.pos_ in ("NOUN", "PROPN"):
                # "A and B among 30 nations boycotting X": the named ones do it
                found = self.entities_of(head.head.head)
            if not found and v.dep_ == "acl" and head.pos_ == "NOUN":
                found = self._listed_members(head)
            if not found and v.dep_ == "acl" and v.tag_ == "VBG" and head.lemma_.lower() in MESSAGE_NOUNS:
                # "A and B issued statements backing X": the issuers of the message, unless
                # it names its own author ("a Kremlin statement backing X")
                found = self._message_author(head, _depth)
            return found
        return []

    def _message_author(self, msg: Token, _depth: int) -> List[str]:
        """Who speaks through the message noun ``msg``: the author it names itself ("a
        Kremlin statement"), else the subject of the verb that issues it in the same clause
        ("A issued a statement which (backing) ...")."""
        out = self.noun_internal_subjects(msg)
        if not out and msg.dep_ == "dobj" and msg.head.lemma_.lower() in ISSUE_VERBS:
            out = self.verb_subjects(msg.head, _depth + 1)
        return out

    def _issuer_before(self, msg: Token) -> List[str]:
        """Who issued the message a bare definite message noun names again: "Kenya's
        ministry issued a statement on Monday. The statement accused X" -> Kenya. The
        message must be "the"/"this" with nothing naming its own author, and the nearest
        issuing of a message of the same kind ("issued (released, published) a statement")
        stands in this sentence or the one before; none such, or two issuers apart, gives
        nothing."""
        dets = [c for c in msg.children if c.dep_ == "det"]
        if len(dets) != 1 or dets[0].lower_ not in ("the", "this") \
                or any(c.dep_ in ("poss", "compound", "amod", "nmod", "prep", "acl", "relcl") for c in msg.children
                       if c.lower_ not in ("joint", "latest", "same", "written", "official")):
            return []
        doc = msg.doc
        sent = msg.sent
        lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
        lemma = msg.lemma_.lower()
        for j in range(msg.i - 1, lo - 1, -1):
            t = doc[j]
            if t.lemma_.lower() != lemma or t.dep_ != "dobj" or t.head.lemma_.lower() not in ISSUE_VERBS:
                continue
            return [e for e in self.verb_subjects(t.head) if self.index.type_of(e) in ("COUNTRY", "ORGANISATION", "PERSON")]
        return []

    def _vehicle_riders(self, v: Token, subs: List[Token]) -> List[str]:
        """The people a craft brings when the craft is the subject of an arrival verb: those
        it carries ("the jet with X aboard ... carrying X", as an ``acl`` of the craft or an
        ``-ing`` adjunct of the verb), else the craft's owner when the craft names no one
        itself ("X's jet touched down in Y"). Returns [] when nothing is found."""
        carried = [c for s in subs for c in s.children if c.dep_ == "acl"] \
            + [c for c in v.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
        out = [e for c in carried if c.lemma_.lower() in CARRY_VERBS
               for o in c.children if o.dep_ == "dobj" for e in self.entities_of(o)
               if self.index.type_of(e) == "PERSON"]
        if out:
            return list(dict.fromkeys(out))
        for s in subs:
            if s.lemma_.lower() not in VEHICLE_NOUNS or self.entities_of(s):
                continue
            out.extend(e for c in s.children if c.dep_ == "poss" for e in self.entities_of(c)
                       if self.index.type_of(e) == "PERSON")
        return list(dict.fromkeys(out))

    def _other_named_before(self, pron: Token, excluded: set) -> List[str]:
        """The person (for he/she/him/her) or state named last before ``pron`` in its
        sentence that is not in ``excluded``."""
        kinds = ("PERSON",) if pron.lower_ in ("he", "him", "she", "her") else ("COUNTRY", "ORGANISATION", "PERSON")
        for i in range(pron.i - 1, pron.sent.start - 1, -1):
            e = self.index.entity(i)
            if e is not None and e not in excluded and self.index.type_of(e) in kinds:
                return [e]
        return []

    def swallowed_subject(self, v: Token) -> List[str]:
        """The subject the parser folded into an opening phrase: "On Thursday A and B are to
        meet X", "In Rome Macron was welcomed by X" (the names run on from the time or place
        straight up to the verb, which has no subject of its own)."""
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in v.children):
            return []
        for c in v.children:
            if c.dep_ != "prep" or c.i != v.sent.start or c.lower_ not in ("on", "in", "at"):
                continue
            objs = [p for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
            if not objs:
                continue
            end = c.right_edge.i + 1
            if any(t.dep_ not in ("aux", "auxpass", "neg", "advmod") for t in v.doc[end:v.i]):
                continue
            found = [e for p in objs for e in self.entities_of(p)
                     if self.index.type_of(e) in ("PERSON", "COUNTRY", "ORGANISATION")]
            if any(self.index.type_of(e) == "PERSON" for e in found):
                # "European Council President Charles Michel": the body only names the office
                found = [e for e in found if self.index.type_of(e) == "PERSON"]
            # the opening word itself (a weekday, a place) is no subject
            return [e for e in found if self.index.entity(c.i + 1) != e or self.index.type_of(e) == "PERSON"]
        for c in v.children:
            # "FIFA banned Russia": a name opening the sentence right before its verb that the
            # parser hung on the verb as a modifier ("npadvmod") instead of its subject
            if c.dep_ not in ("npadvmod", "nmod", "dep") or c.pos_ != "PROPN" or c.i > v.i \
                    or c.left_edge.i != v.sent.start or c.ent_type_ in ("DATE", "TIME"):
                continue
            if any(t.dep_ not in ("aux", "neg", "advmod") for t in v.doc[c.right_edge.i + 1:v.i]):
                continue
            return [e for e in self.entities_of(c) if self.index.type_of(e) in ("PERSON", "COUNTRY", "ORGANISATION")]
        return []

    def _listed_members(self, group: Token) -> List[str]:
        """A plural noun with a participle, whose members the clause names: "A and B are
        among the countries boycotting X", "among the leaders attending X are A and B",
        "the countries boycotting X include A and B", "the list of nations shunning X is
        made up of A and B"."""
        if group.tag_ not in ("NNS", "NNPS"):
            return []
        cur = group
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lemma_.lower() in LIST_NOUNS:
            cur = cur.head.head  # "the list (group) of countries boycotting X ..."
        if cur.dep_ == "pobj" and cur.head.lower_ == "among" and cur.head.head.pos_ in ("VERB", "AUX") \
                and cur.head.head.lemma_.lower() == "be":
            cop = cur.head.head
            # "Among the delegations that left were those of A and B": the inverted attribute
            return self.verb_subjects(cop) or [e for c in cop.children if c.dep_ == "attr" and c.i > cur.i
                                               for e in self.entities_of(c)]
        if cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.lower_ in ONE_OF \
                and cur.head.head.dep_ == "attr" and cur.head.head.head.lemma_.lower() == "be":
            return self.verb_subjects(cur.head.head.head)  # "X is one of the nations boycotting Y"
        if cur.dep_ not in ("nsubj", "nsubjpass") or cur.head.lemma_.lower() not in MEMBER_LIST_VERBS:
            return []
        v = cur.head
        objs = [c for c in v.children if c.dep_ in ("dobj", "attr")]
        objs += [p for c in v.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        return list(dict.fromkeys(e for o in objs for e in self.entities_of(o)))

    def _postmodified(self, head: Token) -> List[str]:
        """The entities a noun followed by a modifier stands for ("the leaders due in X")."""
        found = self.entities_of(head)
        if not found and head.dep_ == "pobj" and head.head.lower_ == "among" and head.head.head.pos_ in ("VERB", "AUX"):
            found = self.verb_subjects(head.head.head)
        return found

    def noun_internal_subjects(self, n: Token) -> List[str]:
        """Subjects named inside the noun phrase: "Japan's boycott", "the US boycott",
        "a boycott by X", "the U.S.-led boycott"."""
        out: List[str] = []
        for c in n.children:
            if c.dep_ == "poss":
                out.extend(self.entities_of(c))
            elif c.dep_ in ("compound", "amod", "nmod") and self.index.entity(c.i):
                if n.lemma_.lower() in ("meeting", "summit", "talk", "encounter") \
                        and self.index.type_of(self.index.entity(c.i)) in ("COUNTRY", "LOCATION") \
                        and any(x.dep_ == "poss" and x.pos_ == "PRON" for x in n.children):
                    continue  # "their Vietnam meeting": where the owners met, not who
                out.append(self.index.entity(c.i))
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                # "a rebuke from Beijing"; not "a walkout from the summit" (an event does nothing)
                out.extend(e for p in c.children if p.dep_ == "pobj" for e in self.entities_of(p)
                           if c.lower_ == "by" or self.index.type_of(e) != "EVENT")
            elif c.dep_ == "prep" and c.lower_ == "of" and n.lemma_.lower() in PRESENCE_NOUNS:
                # "the participation of Ghana (in the summit)": who is there
                # (a name itself, or in apposition: "the presence of Kenyan troops" is no state's)
                out.extend(e for p in c.children if p.dep_ == "pobj" and (self.index.entity(p.i) or any(
                    a.dep_ == "appos" and self.index.entity(a.i) for a in p.children))
                           for e in self.entities_of(p) if self.index.type_of(e) in ("PERSON", "COUNTRY", "ORGANISATION"))
            elif c.dep_ == "prep" and c.lower_ == "of":
                # "the boycott of the forum by X": the parser hangs "by X" on the object
                out.extend(e for p in c.children if p.dep_ == "pobj" for b in p.children
                           if b.dep_ == "prep" and b.lower_ == "by" for x in b.children if x.dep_ == "pobj"
                           for e in self.entities_of(x) if self.index.type_of(e) != "EVENT")
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # "sanctions imposed on Iran by the EU"
                out.extend(e for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                           for e in self.entities_of(p))
            elif c.dep_ == "amod" and c.lower_.endswith("led"):
                found = [self.index.entity(x.i) for x in c.subtree if self.index.entity(x.i)]
                m = LED.match(c.text)
                if not found and m:  # "U.S.-led" is one token: find the entity named by its prefix
                    found = [e for e, forms in self.index.surface.items() if m.group(1) in forms]
                out.extend(found)
        return list(dict.fromkeys(out))

    def noun_subjects(self, n: Token, _depth: int = 0, outer: bool = False) -> List[str]:
        """The subjects of a noun trigger; ``outer``: only those outside its phrase."""
        out = self._noun_subjects(n, _depth, outer)
        if out and n.dep_ in ("attr", "appos"):
            # "X is a member of B together with Y and Z", "X, a member of B alongside Y": the
            # companions share the predicate noun
            preps = [c for c in n.children if c.dep_ == "prep" and (c.lower_ == "alongside" or c.lower_ == "with" and any(
                x.lower_ in ("together", "along") for x in c.children))]
            preps += [w for c in n.children if c.lower_ in ("along", "together") for w in c.children
                      if w.dep_ == "prep" and w.lower_ == "with"]  # "along with Y" parsed as two prepositions
            for c in preps:
                out = list(dict.fromkeys(out + [e for o in c.children if o.dep_ == "pobj" for e in self.entities_of(o)]))
        return out

    def _noun_subjects(self, n: Token, _depth: int = 0, outer: bool = False) -> List[str]:
        out = [] if outer else self.noun_internal_subjects(n)
        if out:
            return out
        if n.dep_ == "appos" and n.head.pos_ in ("PROPN", "NOUN") and self.index.entity(n.head.i):
            return self.entities_of(n.head)  # "X, a fierce critic of Y"
        if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lower_ in ("one", "among") \
                and n.head.head.dep_ == "appos" and self.index.entity(n.head.head.head.i):
            return self.entities_of(n.head.head.head)  # "X, one of Y's staunchest backers"
        cur = n
        if n.dep_ == "xcomp" and n.head.pos_ in ("VERB", "AUX"):
            return self.verb_subjects(n.head, _depth + 1)  # "spent two hours meeting with X" (tagged a noun)
        for _ in range(4):
            if cur.dep_ in ("dobj", "attr", "oprd"):
                v = cur.head
                if v.lemma_.lower() in self.support_verbs:
                    return self.verb_subjects(v, _depth + 1)
                if cur.dep_ == "dobj" and v.lemma_.lower() in BEARING_VERBS:
                    # "X drew a sharp rebuke from Y": the parser hangs "from Y" on the verb
                    return [e for p in v.children if p.dep_ == "prep" and p.lower_ == "from"
                            for o in p.children if o.dep_ == "pobj" for e in self.entities_of(o)
                            if self.index.type_of(e) != "EVENT"]
                if cur.dep_ == "dobj" and self.modality.calls_off(v):
                    # "X scrapped a planned visit to Y" (negated by the verb): a person calling off
                    # goes himself; an administration or a state calling it off names no traveller
                    return [e for e in self.verb_subjects(v, _depth + 1) if self.index.type_of(e) == "PERSON"]
                return []
            if cur.dep_ == "pobj":
                prep = cur.head
                if prep.lower_ == "as" and prep.head.pos_ == "VERB":
                    # "X was admitted as a member of Y", "welcomed X as the bloc's newest member":
                    # "as" predicates the noun of the passive subject or the object
                    v = prep.head
                    held = [c for c in v.children if c.dep_ == "nsubjpass"] or [c for c in v.children if c.dep_ == "dobj"]
                    found = [e for c in held for e in self.entities_of(c)]
                    if found:
                        return found
                    if prep.i < v.i and prep.i == prep.sent.start:
                        # "As a member of the council, X can veto ...": the clause's subject
                        return self.verb_subjects(v, _depth + 1)
                if prep.lower_ == "on" and prep.head.lemma_.lower() in ESCORT_VERBS:
                    guests = [c for c in prep.head.children if c.dep_ == "dobj"]
                    if guests:  # "Xi took Macron on a tour of X": the guest tours it
                        host = self.verb_subjects(prep.head, _depth + 1)
                        return [e for e in self.entities_of(guests[0]) if e not in host]
                if prep.lower_ == "in" and cur.lemma_.lower() == "protest":
                    # "wrote to X in protest", "summoned X's envoy in protest": who acts
                    act = prep.head.head if prep.head.dep_ == "dobj" else prep.head
                    if act.pos_ == "VERB":
                        return self.verb_subjects(act, _depth + 1)
                back = prep.head.head if prep.head.lower_ == "back" and prep.head.pos_ == "ADV" else prep.head
                if prep.lower_ == "from" and cur.lemma_.lower() in TRIP_NOUNS and back.pos_ in ("VERB", "AUX") \
                        and back.lemma_.lower() in RETURN_VERBS:
                    # "X returned (came back) from a trip to Y": who comes back made the trip
                    return self.verb_subjects(back, _depth + 1)
                if prep.lower_ == "from" and cur.lemma_.lower() in TRIP_NOUNS and prep.head.lower_ == "back" \
                        and prep.head.head.pos_ in ("PROPN", "NOUN") and self.index.entity(prep.head.head.i):
                    return self.entities_of(prep.head.head)  # "X, back from a trip to Y, said"
                if prep.lower_ in ("in", "on") and cur.lemma_.lower() in TRIP_NOUNS | {"talk", "mission"} \
                        and prep.head.pos_ == "PROPN" and self.index.entity(prep.head.i) \
                        and self.index.type_of(self.index.entity(prep.head.i)) in ("PERSON", "COUNTRY", "ORGANISATION"):
                    # "Scholz in surprise trip to Moldova" (a headline), "Macron, on a visit to
                    # China, said": the one the phrase is hung on makes the trip
                    return self.entities_of(prep.head)
                if prep.lower_ in NOUN_PREPS_TO_VERB and prep.head.pos_ in ("VERB", "AUX"):
                    return self.verb_subjects(prep.head, _depth + 1)
                trip = prep.head.head if prep.head.dep_ == "pobj" else prep.head  # "flew to X for talks"
                if prep.lower_ == "for" and trip.pos_ in ("VERB", "AUX") and trip.lemma_.lower() in TRAVEL_VERBS:
                    # "was in Kyiv for talks with X", "flew to Hanoi for talks with Y"
                    return self.verb_subjects(trip, _depth + 1)
                if prep.lower_ == "for" and prep.head.lemma_.lower() == "way" and prep.head.dep_ == "dobj" \
                        and prep.head.head.lemma_.lower() in WAY_VERBS:
                    return self.verb_subjects(prep.head.head, _depth + 1)  # "cleared the way for sanctions"
                if prep.lower_ == "for" and prep.head.lemma_.lower() in WAY_VERBS \
                        and any(c.dep_ == "dobj" and c.lemma_.lower() == "way" for c in prep.head.children):
                    return self.verb_subjects(prep.head, _depth + 1)  # the same, "for" hung on the verb
                if prep.lower_ == "with" and any(c.dep_ == "agent" for c in prep.head.children):
                    return self.verb_subjects(prep.head, _depth + 1)  # "was hit with a boycott by X"
                if prep.lower_ == "with" and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in BLOW_VERBS:
                    return self.verb_subjects(prep.head, _depth + 1)  # "retaliated with sanctions against X"
                if prep.lower_ == "of" and (prep.head.lemma_.lower() in PACKAGE_NOUNS
                                            or prep.head.lower_ == "one" and prep.head.dep_ in ("attr", "dobj")):
                    # "is one of X's staunchest backers": the partitive stands for the noun
                    cur = prep.head  # "agreed a new package of sanctions on X"
                    continue
                if prep.head.pos_ in ("NOUN", "PROPN") and prep.lower_ in NOUN_PREPS_TO_VERB:
                    cur = prep.head
                    continue
                return []
            if cur.dep_ in ("conj", "appos"):
                cur = cur.head
                continue
            if cur.dep_ == "nsubjpass" and cur.head.lemma_.lower() in self.support_verbs \
                    and cur.head.lemma_.lower() not in ("end", "threaten") \
                    and any(c.dep_ == "agent" for c in cur.head.children):
                # "a boycott of X was announced by Y", "new sanctions were imposed by Y"
                return self.verb_subjects(cur.head, _depth + 1)
            if cur.dep_ in ("nsubj", "nsubjpass"):
                # "X imposed sanctions on Y. The sanctions target Z": a step named again
                # without its owner, as the subject of its clause, was taken by its owner at
                # the nearest mention before (`antecedents.step_owner`)
                return step_owner(self, n) if cur.i == n.i else []
            break
        return []


def among_those(tok: Token) -> bool:
    """Whether the adjective ``tok`` describes "those" after "among" on a copula: "Among those
    present were A and B" ("present" on the pronoun "those") or "A and B were among those
    present" ("present" itself the object of "among", "those" its determiner). A singular
    noun after "those" is an adjective the tagger misread ("among those absent": NN).

    >>> from spacy.lang.en import English
    >>> doc = English()("Among those present were A and B")
    >>> for i, (head, dep) in enumerate([(3, "prep"), (0, "pobj"), (1, "amod"), (3, "ROOT")]):
    ...     doc[i].head, doc[i].dep_, doc[i].pos_ = doc[head], dep, "ADJ"
    >>> doc[3].lemma_ = "be"
    >>> among_those(doc[2])
    True
    """
    if tok.pos_ != "ADJ" and tok.tag_ != "NN":
        return False
    if tok.dep_ in ("amod", "acl") and tok.head.lower_ == "those" and tok.head.dep_ == "pobj":
        among = tok.head.head
    elif tok.dep_ == "pobj" and any(c.lower_ == "those" and c.dep_ == "det" for c in tok.children):
        among = tok.head
    else:
        return False
    return among.lower_ == "among" and among.head.lemma_.lower() == "be"
