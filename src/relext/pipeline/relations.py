"""``relext_relations``: typed relations between canonical entities, from the parse.

For every token that is a trigger of the catalogue (``relext/data/triggers.yaml``,
extended by users), the component finds the subject and the object in the dependency
parse, maps them to canonical entities, checks their types against the catalogue and
records a relation with its negation, modality and evidence. The argument finders
(`relext.pipeline.arguments`) handle active and passive voice, control verbs
("vowed to attend"), coordination (one relation per member), relative clauses,
nominal triggers ("a boycott of", "talks with", "his attendance at") with light
verbs, and staff nouns ("their officials would boycott" -> the country).
AFFILIATED_WITH comes from titles and appositions (`relext.pipeline.affiliation`).
Negation and modality follow ConText-style cues anchored on the trigger
(`relext.pipeline.modality`).

Results: ``doc._.relext_relations``, a list of plain dicts with the fields of
`relext.models.Relation`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from .. import extensions  # noqa: F401
from ._base import RuleComponent
from ..errors import PatternFileError
from ..gazetteer import read_data
from ..patterns import POS_GROUPS, TriggerRule, default_rules, parse_rules
from ..schema import load_catalogue, parse_catalogue
from ._lookup import WordSet, hyphenated
from .affiliation import affiliations
from .arguments import Arguments, EntityIndex
from .urged_backing import urged_backing
from .joined_steps import joined_steps, supported_interlocutors
from .met_stances import met_stances
from .advocacy import advocacy, advocacy_words
from .backing import (assured_support, continued_arms_transfers, given_support, had_support, held_support_noun, sought_support_noun, legitimacy,
                      prefixed_backing, relied_on_support, support_sources,
                      thanked_for_support, with_support)
from .gatherings import gatherings
from .grievances import grievances
from .judged_acts import judged_acts
from .threat_clauses import promised_governor, promises
from .alignment import aligned
from .member_companions import colon_members, contrasted_memberships, joined_members, others_after_list
from .member_appositions import apposed_members, included_after_group, named_after_group, fronted_as_members
from .member_focus import focused_memberships
from .member_frames import fellow_members, granted_memberships, membership_dues, sole_leaders, held_memberships, helped_found, made_members, member_polarity
from .compositions import PART_VERBS, WHOLE_VERBS, compositions
from .membership import ALLIANCE_NOUNS, GROUP_NOUNS, led_members, listed_members, memberships
from .group_lists import listed_group_members
from .offices import MEMBER_OFFICES, OFFICE_VERBS, offices
from .modality import Modality
from .counterfactives import blocking, blocking_words
from .companions import companions
from .retorts import first_steps, retorts
from .hostile_idioms import hostile_idioms
from .penalty_context import penalties_in_context
from .relation_ellipsis import elided_relations, referred_object
from .substitutes import substitutes
from .place_descriptions import _city_countries
from .presence import BARRING_CUES, described_event, in_protest as _in_protest, presences, settle_attendance, withholds
from .spectators import spectators
from .event_forms import add_written_forms
from .event_actions import event_actions
from .trip_events import trip_events
from .venue_arrivals import venue_arrivals
from .guest_lists import completed_lists, guest_lists
from .arrival_phrases import arrival_phrases
from .placed_for_events import placed_for_events
from .travel_sites import travel_sites
from .delegations import delegations
from .delegation_members import delegation_members
from .event_parts import attend_wholes
from .records import record, record_key
from .rule_guard import guarded, report_failure
from .statements import statements
from .praised_steps import defended_parties, praise_labels, praised_acts, welcomed_acts
from .breaches import breaches
from .reproach_targets import framed_reproaches, labelled_wrongs
from .suspensions import suspended_from_ranks, suspended_memberships
from .verb_repair import repair_verbs
from .acronym_verbs import repair_acronyms
from .visit_places import visited_states
from .title_lists import shared_by_the_list
from .salience import unattendable
from .argument_words import WRONGDOERS, _reduced_passive, protest_phrase

# word lists: relext/data/words/relations.yaml
_WORDS = read_data("words/relations.yaml")

# a charge rejected still names its author: not undone by the rejecting verb
DENIAL_RULES = frozenset(_WORDS["denial_rules"])
# relations a blocked phrase presupposes rather than states: "held back the membership dues it
# owes X" still says it is a member of X
PRESUPPOSING_RULES = {"MEMBER_OF:membership-dues"}
# shares of a thing a verb acts on ("cut most of its aid")
PORTION_WORDS = frozenset(_WORDS["portion_words"])

# the structural rules, each isolated: one that fails on an odd parse costs the document
# only its own relations (a RuleFailureWarning names it), see `rule_guard`
affiliations, memberships, compositions, listed_members, offices, led_members = (
    guarded(f, list) for f in (affiliations, memberships, compositions, listed_members, offices, led_members))
suspended_memberships, prefixed_backing, legitimacy, had_support, given_support, grievances, with_support, \
    thanked_for_support = (
        guarded(f, list) for f in (suspended_memberships, prefixed_backing, legitimacy, had_support, given_support,
                                   grievances, with_support, thanked_for_support))
assured_support = guarded(assured_support, list)
urged_backing = guarded(urged_backing, list)
joined_steps = guarded(joined_steps, list)
supported_interlocutors = guarded(supported_interlocutors, list)
met_stances = guarded(met_stances, list)
# verbs of being where one stands: "X is (stands, remains, stays) on Y's side"
STANCE_COPULAS = frozenset(_WORDS["stance_copulas"])
aligned, colon_members, contrasted_memberships, joined_members, companions, presences, spectators = (
    guarded(f, list) for f in (aligned, colon_members, contrasted_memberships, joined_members, companions, presences,
                               spectators))
event_actions, trip_events, delegations = (guarded(f, list) for f in (event_actions, trip_events, delegations))
venue_arrivals = guarded(venue_arrivals, list)
delegation_members = guarded(delegation_members, list)
support_sources, relied_on_support, continued_arms_transfers = (
    guarded(f, list) for f in (support_sources, relied_on_support, continued_arms_transfers))
gatherings, held_memberships, helped_found, fellow_members, suspended_from_ranks = (
    guarded(f, list) for f in (gatherings, held_memberships, helped_found, fellow_members, suspended_from_ranks))
statements, breaches = guarded(statements, list), guarded(breaches, list)
labelled_wrongs, framed_reproaches = guarded(labelled_wrongs, list), guarded(framed_reproaches, list)
retorts = guarded(retorts, list)
first_steps = guarded(first_steps, list)
penalties_in_context, hostile_idioms = guarded(penalties_in_context, list), guarded(hostile_idioms, list)
visited_states = guarded(visited_states, list)
guest_lists, completed_lists = guarded(guest_lists, list), guarded(completed_lists, list)
arrival_phrases = guarded(arrival_phrases, list)
placed_for_events = guarded(placed_for_events, list)
travel_sites = guarded(travel_sites, list)
shared_by_the_list = guarded(shared_by_the_list, list)
judged_acts = guarded(judged_acts, list)
welcomed_acts, praise_labels = guarded(welcomed_acts, list), guarded(praise_labels, list)
praised_acts, defended_parties = guarded(praised_acts, list), guarded(defended_parties, list)
elided_relations = guarded(elided_relations, list)
listed_group_members = guarded(listed_group_members, list)
substitutes = guarded(substitutes, lambda: ([], []))
made_members = guarded(made_members, list)
sole_leaders, membership_dues = guarded(sole_leaders, list), guarded(membership_dues, list)
granted_memberships, fronted_as_members = guarded(granted_memberships, list), guarded(fronted_as_members, list)
others_after_list = guarded(others_after_list, list)
focused_memberships = guarded(focused_memberships, list)
apposed_members, named_after_group = guarded(apposed_members, list), guarded(named_after_group, list)
included_after_group = guarded(included_after_group, list)
blocking = guarded(blocking, lambda: ([], []))
advocacy = guarded(advocacy, lambda: ([], [], set()))


@Language.factory(
    "relext_relations",
    default_config={"include_hypothetical": True, "use_default_rules": True},
    assigns=["doc._.relext_relations"],
    requires=["doc._.relext_entities", "token.dep", "token.lemma", "doc.sents"],
)
def make_relation_extractor(nlp: Language, name: str, include_hypothetical: bool,
                            use_default_rules: bool) -> "RelationExtractor":
    """Build the ``relext_relations`` component (config documented on `RelationExtractor`)."""
    return RelationExtractor(nlp, name, include_hypothetical=include_hypothetical, use_default_rules=use_default_rules)


class RelationExtractor(RuleComponent):
    """Extract catalogue relations from the dependency parse.

    Args:
        nlp: the pipeline.
        name: the component name.
        include_hypothetical: store relations stated as conditions or questions in
            ``doc._.relext_relations`` (marked ``modality="HYPOTHETICAL"``; the
            extraction API leaves them out unless asked).
        use_default_rules: load the built-in trigger rules.
    """

    def __init__(self, nlp: Language, name: str = "relext_relations", *, include_hypothetical: bool = True,
                 use_default_rules: bool = True) -> None:
        self.nlp = nlp
        self.name = name
        self.include_hypothetical = include_hypothetical
        self.use_default_rules = use_default_rules
        self.user_rules: List[Dict] = []
        self.user_types: List[Dict] = []
        cues = read_data("cues.yaml")
        roles = read_data("roles.yaml")
        self.modality = Modality(cues)
        self.titles = {t.lower() for t in roles["titles"]}
        self.staff = {t.lower() for t in roles["staff"]}
        self.position_nouns = set(cues["position_nouns"])
        self.support_verbs = set(cues["support_verbs"])
        self.wrongdoing = set(cues["wrongdoing_nouns"])
        self.grievance_words = WordSet(nlp.vocab, self.wrongdoing | {"pay"})
        self.group_words = WordSet(nlp.vocab, GROUP_NOUNS | ALLIANCE_NOUNS)
        self.composition_words = WordSet(nlp.vocab, set(WHOLE_VERBS) | set(PART_VERBS))
        self.office_words = WordSet(nlp.vocab, MEMBER_OFFICES | OFFICE_VERBS)
        self.blocking_words = WordSet(nlp.vocab, blocking_words())
        self.joining_words = WordSet(nlp.vocab, advocacy_words())
        self.wrong_adjectives = WordSet(nlp.vocab, cues["wrongdoing_adjectives"], attr="LOWER")
        self.reporting = set(cues["reporting_verbs"]) | {"retort", "warn", "caution"}
        self.actor_labels = frozenset(cues["evaluative_labels"]) | frozenset(cues["predicative_labels"]) \
            | frozenset(cues["derision_nouns"])
        self.predicative_labels = frozenset(cues["predicative_labels"])
        self.label_heads = frozenset(cues["label_heads"])
        self.act_labels = set(cues["act_labels"]) | WRONGDOERS | self.actor_labels
        self.act_nouns = set(cues["act_nouns"])
        # wrongs named in a free relative ("over what it called X's aggression")
        self.labelled_wrongs = self.wrongdoing | frozenset(cues["derision_nouns"]) | frozenset(cues["labelled_wrongs"])
        self.agent_of_wrongs = frozenset(cues["agent_of_wrongs"])
        # reproach nouns framing a clause ("in a rare criticism of X, Y said")
        self.framing_reproaches = {k: list(v) for k, v in cues["framing_reproaches"].items()}
        self.verbal_reproaches = frozenset(cues["verbal_reproaches_only"])
        # by lemma and by form: participles ("biased", "flawed") have a verb's lemma
        self.act_label_words = (WordSet(nlp.vocab, self.act_labels), WordSet(nlp.vocab, self.act_labels, attr="LOWER"))
        self._build()

    # -- rules ---------------------------------------------------------------------
    def _build(self) -> None:
        self.catalogue = load_catalogue()
        if self.user_types:
            self.catalogue.update(parse_catalogue({t["name"]: {k: v for k, v in t.items() if k != "name"}
                                                   for t in self.user_types}))
        rules = list(default_rules()) if self.use_default_rules else []
        rules += [TriggerRule(**r) for r in self.user_rules]
        self.rules = rules
        self.index: Dict[Tuple[str, str], List[TriggerRule]] = {}
        for r in rules:
            self.index.setdefault((r.lemma, r.pos), []).append(r)
        # trigger words that another relation relates to organisations ("join NATO"):
        # there a body is itself the object, not a stand-in for its meeting
        self.org_words = {key for key, rs in self.index.items()
                          if any(r.relation not in ("ATTENDS", "BOYCOTTS") and r.relation in self.catalogue
                                 and "ORGANISATION" in {getattr(t, "value", t) for t in self.catalogue[r.relation].object_types}
                                 for r in rs)}
        self.trigger_words = WordSet(self.nlp.vocab, {r.lemma for r in rules})

    def add_rules(self, rules: Iterable[Mapping], *, source: str = "<rules>", lines: Optional[Sequence[int]] = None) -> None:
        """Add trigger rules (dicts with the fields of `relext.patterns.TriggerRule`)."""
        rules = list(rules)
        try:
            parsed = parse_rules(rules, source=source, known_relations=self.catalogue)
        except PatternFileError as err:
            if lines:  # report the file's own line numbers
                import re

                m = re.search(r"line (\d+)", str(err))
                if m and int(m.group(1)) <= len(lines):
                    raise PatternFileError(str(err).replace(f"line {m.group(1)}", f"line {lines[int(m.group(1)) - 1]}", 1)) from err
            raise
        self.user_rules.extend(r.model_dump(mode="json", exclude_defaults=True) | {"relation": r.relation, "lemma": r.lemma}
                               for r in parsed)
        self._build()

    def add_relation_types(self, types: Iterable[Mapping], *, source: str = "<relation types>",
                           lines: Optional[Sequence[int]] = None) -> None:
        """Add relation types (``{"name", "subject_types", "object_types", "symmetric"?}``)."""
        types = [dict(t) for t in types]
        parse_catalogue({t["name"]: {k: v for k, v in t.items() if k != "name"} for t in types}, source=source)
        self.user_types.extend(types)
        self._build()

    @property
    def labels(self) -> Tuple[str, ...]:
        """The relation types this component can assign."""
        return tuple(sorted(self.catalogue))

    # -- extraction ----------------------------------------------------------------
    def match(self, doc: Doc) -> List[Dict]:
        """Return the relations of ``doc`` as plain dicts, without changing it (apart from
        correcting verbs the tagger read as nouns, see `verb_repair`)."""
        repair_verbs(doc)
        index = EntityIndex(doc, doc._.relext_entities or [])
        repair_acronyms(doc, index)
        args = Arguments(index, staff=self.staff, titles=self.titles, position_nouns=self.position_nouns,
                         support_verbs=self.support_verbs, modality=self.modality)
        found: Dict[Tuple, Dict] = {}
        for i in self.trigger_words.positions(doc):
            tok = doc[i]
            group = POS_GROUPS.get(tok.pos_)
            if group is None:
                continue
            for rule in self.index.get((tok.lemma_.lower(), group), ()):
                for rec in self._apply(rule, tok, args, index):
                    found.setdefault(record_key(rec), rec)
        for i, lemma in hyphenated(doc):
            # "held a sit-down with X": the tokenizer splits the compound; its last part heads it
            for rule in self.index.get((lemma, "NOUN"), ()):
                for rec in self._apply(rule, doc[i], args, index):
                    found.setdefault(record_key(rec), rec)
        structural = (affiliations(doc, index, self.titles) + delegation_members(doc, index, args, self.titles)
                      + memberships(doc, index, args, self.group_words)
                      + compositions(doc, index, args, self.composition_words) + listed_members(doc, index)
                      + listed_group_members(doc, index, args)
                      + offices(doc, index, args, self.office_words) + led_members(doc, index) + suspended_memberships(doc, index)
                      + held_memberships(doc, index, args) + helped_found(doc, index, args)
                      + fellow_members(doc, index, args) + suspended_from_ranks(doc, index, args)
                      + made_members(doc, index, args) + focused_memberships(doc, index, args)
                      + sole_leaders(doc, index, args) + membership_dues(doc, index, args)
                      + granted_memberships(doc, index, args) + fronted_as_members(doc, index, args)
                      + others_after_list(doc, index, args)
                      + apposed_members(doc, index, args) + named_after_group(doc, index, args)
                      + included_after_group(doc, index, args)
                      + prefixed_backing(doc, index) + legitimacy(doc, index, args) + had_support(doc, index, args)
                      + with_support(doc, index, args) + thanked_for_support(doc, index, args)
                      + given_support(doc, index, args) + assured_support(doc, index, args)
                      + urged_backing(doc, index, args) + joined_steps(doc, index, args)
                      + supported_interlocutors(doc, index, args)
                      + met_stances(doc, index, args)
                      + aligned(doc, index, args)
                      + support_sources(doc, index, args) + relied_on_support(doc, index, args)
                      + continued_arms_transfers(doc, index, args)
                      + welcomed_acts(doc, index, args) + praise_labels(doc, index, args, self.reporting)
                      + praised_acts(doc, index, args, self.reporting, self.act_nouns | {"accession", "membership"})
                      + defended_parties(doc, index, args, self.reporting)
                      + colon_members(doc, index, args) + contrasted_memberships(doc, index, args)
                      + presences(doc, index, args, self.modality) + statements(doc, index, args)
                      + spectators(doc, index, args, self.modality) + event_actions(doc, index, args, self.modality)
                      + trip_events(doc, index, args, self.modality) + delegations(doc, index, args, self.modality)
                      + venue_arrivals(doc, index, args, self.modality)
                      + guest_lists(doc, index, args, self.modality) + arrival_phrases(doc, index, args, self.modality)
                      + placed_for_events(doc, index, args, self.modality)
                      + travel_sites(doc, index, args, self.modality)
                      + breaches(doc, index, args, self.reporting)
                      + labelled_wrongs(doc, index, args, self.labelled_wrongs, self.agent_of_wrongs)
                      + framed_reproaches(doc, index, args, self.framing_reproaches, self.reporting,
                                          self.verbal_reproaches)
                      + grievances(doc, index, args, self.grievance_words, self.wrongdoing, self.reporting,
                                   self.wrong_adjectives)
                      + judged_acts(doc, index, args, self.act_label_words, self.act_labels, self.act_nouns,
                                    self.reporting, self.actor_labels, self.predicative_labels, self.label_heads))
        structural += hostile_idioms(doc, index, args)
        structural += gatherings(doc, index, args, self.titles, structural)
        for rec in structural:
            found.setdefault(record_key(rec), rec)
        for rec in joined_members(doc, index, args, list(found.values())):
            found.setdefault(record_key(rec), rec)
        for rec in companions(doc, index, args, list(found.values())):
            found.setdefault(record_key(rec), rec)
        for rec in penalties_in_context(doc, index, args, list(found.values())):
            found.setdefault(record_key(rec), rec)
        for rec in retorts(doc, index, args, list(found.values())):
            found.setdefault(record_key(rec), rec)
        for rec in first_steps(doc, index, args, list(found.values()), self.reporting):
            found.setdefault(record_key(rec), rec)
        for rec in elided_relations(doc, index, args, self.modality, self.catalogue, self._predicates_of,
                                    list(found.values())):
            found.setdefault(record_key(rec), rec)
        replacing, replaced = substitutes(doc, index, args, list(found.values()))
        if replaced:
            # "L, not X, will attend": X is no subject of the clause
            found = {k: r for k, r in found.items() if r["negated"] or not any(
                r["subject"] == y and a <= r["evidence"]["trigger_start"] < b for y, a, b in replaced)}
        for rec in replacing:
            found.setdefault(record_key(rec), rec)
        blocked_recs, blocked = blocking(doc, index, args, self.blocking_words.positions(doc))
        if blocked:
            # what is blocked is not stated: "blocked Sweden's bid to join NATO" is no MEMBER_OF
            starts = {doc[a:b].start_char: doc[a:b].end_char for a, b in blocked}
            found = {k: r for k, r in found.items() if r["evidence"]["rule"] in DENIAL_RULES | PRESUPPOSING_RULES
                     or not any(a <= r["evidence"]["trigger_start"] < b for a, b in starts.items())}
        for rec in blocked_recs:
            found.setdefault(record_key(rec), rec)
        advocated_recs, hoped, advocated_bodies = advocacy(doc, index, args, self.joining_words.positions(doc))
        if hoped or advocated_bodies:
            # a backed, wanted or called-for joining is no membership; backing it is no
            # support of the body joined
            spans = [(doc[a:b].start_char, doc[a:b].end_char) for a, b in hoped]
            found = {k: r for k, r in found.items()
                     if not (r["predicate"] == "MEMBER_OF"
                             and any(a <= r["evidence"]["trigger_start"] < b for a, b in spans))
                     and not (r["predicate"] == "SUPPORTS" and (r["subject"], r["object"]) in advocated_bodies)}
        for rec in advocated_recs:
            found.setdefault(record_key(rec), rec)
        for rec in visited_states(doc, index, list(found.values())):
            found.setdefault(record_key(rec), rec)
        for rec in shared_by_the_list(doc, index, self.titles, list(found.values()), self.catalogue):
            found.setdefault(record_key(rec), rec)  # "the presidents of A, X; B, Y ..." as a whole
        for rec in completed_lists(doc, index, list(found.values())):
            found.setdefault(record_key(rec), rec)  # "..., A and B, C and D included" as a whole
        for rec in attend_wholes(list(found.values()), index):  # a summit's press conference: the summit
            found.setdefault(record_key(rec), rec)
        # nobody attends or boycotts a war, an attack or a crisis ("the Cold War")
        out = settle_attendance([r for r in found.values() if not (
            r["predicate"] in ("ATTENDS", "BOYCOTTS") and unattendable(index.names.get(r["object"], "")))])
        if not self.include_hypothetical:
            out = [r for r in out if r["modality"] != "HYPOTHETICAL"]
        return out

    def _predicates_of(self, tok) -> set:
        """The relation types the word ``tok`` triggers ("sanctions" -> SANCTIONS)."""
        group = POS_GROUPS.get(tok.pos_)
        return {r.relation for r in self.index.get((tok.lemma_.lower(), group), ())} if group else set()

    def _apply(self, rule: TriggerRule, tok, args: "Arguments", index: "EntityIndex") -> List[Dict]:
        """The records ``rule`` gives at ``tok``; none, with a warning, if the rule fails."""
        try:
            return self._apply_rule(rule, tok, args, index)
        except Exception as err:  # noqa: BLE001 - reported, then skipped (see rule_guard)
            report_failure(f"{rule.relation}:{rule.pos.lower()}:{rule.lemma}", tok.doc, err)
            return []

    def _apply_rule(self, rule: TriggerRule, tok, args: "Arguments", index: "EntityIndex") -> List[Dict]:
        if rule.particle and not any(c.dep_ in ("prt", "advmod", "dobj", "prep") and c.lower_ == rule.particle
                                     for c in tok.children):
            return []
        if rule.passive_only and not ((any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children)
                                       or _reduced_passive(tok))  # "those banned from entering X"
                                      and not any(c.dep_ == "agent" for c in tok.children)):
            return []
        if rule.modifiers and not any(c.dep_ in ("compound", "amod", "nmod") and
                                      (c.lemma_.lower() in rule.modifiers or c.lower_ in rule.modifiers)
                                      for c in tok.children):
            return []  # "arms sales to X" supports X; "car sales to X" do not
        if rule.staff_object and not args.has_staff_object(tok):
            return []
        if rule.promised_only and not (promises(tok) or tok.dep_ == "xcomp" or promised_governor(tok)):
            return []  # "hit back at X" told as done is a retort; "will hit back at X" a threat
        if rule.bare_only and not _bare_verb(tok, rule.particle):
            return []  # "will come under fire (back, to power)": not coming to the event
        if rule.wrongdoer and not args.has_wrongdoer_complement(tok):
            return []
        if tok.lemma_ == "go" and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                      for c in tok.children):
            return []  # "going to follow": the future, not travel
        if tok.lemma_ == "spend" and not any(c.dep_ in ("dobj", "npadvmod") and c.lemma_.lower() in DURATION_NOUNS
                                             for c in tok.children):
            return []  # "spent three days in X" is a stay; "spent $2bn in X" is not
        if tok.lower_ == "there" and tok.head.lemma_.lower() not in THERE_VERBS:
            return []  # "X will be there"; not "did not hold talks there"
        if rule.relation == "SUPPORTS" and "prep:of" in rule.object and held_support_noun(tok):
            return []  # "has the backing of X": X is the giver (backing.had_support, with_support)
        if rule.relation == "SUPPORTS" and sought_support_noun(tok):
            return []  # "sought (hopes to win) X's support": asked for, not given
        rtype = self.catalogue.get(rule.relation)
        presupposed = False
        places: set = set()
        gov = tok.head
        if rule.governors:
            if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.like_num:
                gov = tok.head.head.head  # "pledged $2 billion in aid"
            elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in PORTION_WORDS:
                gov = tok.head.head.head  # "cut most (half) of its aid to X"
            elif tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "vote":
                gov = tok.head.head  # "the Council voted for sanctions on X"
            elif tok.dep_ == "pobj" and tok.head.lower_ in ("with", "to") and tok.head.head.pos_ == "VERB":
                gov = tok.head.head  # "aligned itself with the EU sanctions", "signed up to them", "came to the defence of X"
            elif tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_.lower() in STANCE_COPULAS:
                gov = tok.head.head  # "Germany is (remains) on Ukraine's side"
            if gov.lemma_.lower() not in rule.governors or not (tok.dep_ in ("dobj", "nsubjpass") or gov is not tok.head):
                return []  # "aid" alone is no sanction; "cut off aid to X" is
            subjects = args.cached(("subj", gov.i), args.subjects, gov)
        elif rule.subject_from:
            subjects, _ = args.objects(tok, rule.subject_from, [])
        else:
            internal = args.cached(("np-subj", tok.i), args.noun_internal_subjects, tok) \
                if tok.pos_ in ("NOUN", "PROPN") else []
            if internal and "poss" in rule.object:
                # "Damascus's main backer": the possessor is the object, not the subject
                owners = {e for c in tok.children if c.dep_ == "poss" for e in args.entities_of(c)}
                internal = [e for e in internal if e not in owners]
                if not internal:
                    internal = [e for e in args.noun_subjects(tok, outer=True) if e not in owners]
            if "compound" in rule.object and rule.relation == "VISITS":
                # "calls off Denmark trip": the place modifying the trip is where, not who
                places = {e for c in tok.children if c.dep_ in ("compound", "nmod", "amod") for e in args.entities_of(c)}
                internal = [e for e in internal if e not in places]
            if places:
                subjects = [e for e in args.subjects(tok.head) if e not in places] \
                    if tok.dep_ == "dobj" and not internal else internal
            elif internal:
                # "the US boycott of X", "a boycott by X": the noun phrase itself states the
                # relation, whatever the clause around it says ("whether to join the US boycott")
                # (unless the object comes from the clause: "X could face sanctions from Y")
                subjects, presupposed = internal, "bearer" not in rule.object
            else:
                subjects = args.cached(("subj", tok.i), args.subjects, tok)
        if not subjects and not any(slot.startswith("prep:between") for slot in rule.object):
            # with no subject only "between A and B" makes a pair (`Arguments.objects`), and
            # nothing below adds a subject: the check before the negation would return no
            # record, so the objects are not looked for
            return []
        objects, pairs = args.objects(tok, rule.object, subjects)
        if rule.governors and not objects and not pairs:
            # "provided support to X", "pledged $2bn in aid to X": the recipient on the governing verb
            # "offered X its support": the recipient an indirect object of the governing verb
            objects, pairs = args.objects(gov, [o for o in rule.object if o.startswith("prep:") or o == "dative"],
                                          subjects)
        if places and objects:
            # "his Asia trip" tours a region, told by its stops: only a state or a city so named
            cities = _city_countries()
            objects = [o for o in objects if index.type_of(o) == "COUNTRY" or (
                index.names.get(o, "").lower() in cities and index.names.get(o, "").lower() not in WORLD_REGIONS)]
        if not pairs and rule.relation in ("ATTENDS", "BOYCOTTS") and not rule.governors:
            # "stay away from the opening games of X", "skipped the group games at X": a part
            # of a named event stands for the event; a part named as an event of its own ("the
            # opening match of X") is attended with the whole (GUIDELINES: a part and its event)
            objects = objects + [e for e in _event_of_part(tok, rule.object, index, args) if e not in objects]
        if rule.implicit_object and rule.subject_from and "dobj" in rule.subject_from:
            # "X will represent the US there": its object is the subject; "there" is the event
            implicit = any(c.dep_ == "advmod" and c.lower_ == "there" for c in tok.children) \
                or (tok.lemma_.lower() in ("lead", "head") and not args.has_explicit_object(tok, rule.particle))
            # "X will lead China's delegation (instead)": China attends the event in focus too
        else:
            implicit = rule.implicit_object and (not args.has_explicit_object(tok, rule.particle)
                                                 or referred_object(tok, args))
        if implicit and not objects and not pairs:
            if rule.relation == "MEMBER_OF":  # "In 2001 Uzbekistan joined": the body just named
                ev = args.salient_of_type(tok, "ORGANISATION")
            else:
                head = described_event(tok)
                ev = args.salient_event(tok, parts=rule.relation != "BOYCOTTS", head=head)
                if ev and not head and args._background_event(tok, ev):
                    # "The forum ended last week. ... Chile is sending its minister": not the
                    # event told as past background, the one the passage is about
                    ev = args.passage_event(tok, parts=rule.relation != "BOYCOTTS") or ev
                if ev and args.dated_elsewhere(tok, ev):
                    ev = None  # "Estonia took part in 2019": an earlier edition, not this one
            objects = [ev] if ev else []
        if not pairs and (not subjects or not objects and len(subjects) < 2):
            # no (subject, object) pair can come of it (nothing below adds arguments): skip
            # the negation and modality of a trigger that relates nothing
            return []
        negated, cue = args.cached(("neg", tok.i), self.modality.negation, tok) if not presupposed \
            else self.modality.np_negation(tok)
        if rule.negates:
            negated = not negated
            cue = cue or tok.text
        predicate = rule.relation
        if negated and rule.when_negated is not None and (cue or "").lower() not in BARRING_CUES \
                and (not rule.when_negated.withheld or withholds(tok, rule.when_negated.withheld) or _in_protest(tok)):
            # (being barred from sending officials is no protest of one's own: a negated ATTENDS;
            # "would send no team (nobody)" with no protest stated is plain not going)
            predicate, negated = rule.when_negated.relation, rule.when_negated.negated
            rtype = self.catalogue.get(predicate)
        if rule.relation == "BOYCOTTS" and rule.lemma == "stay" and rule.particle == "away" and not _in_protest(tok):
            # staying away from an event with no protest stated is not going (GUIDELINES: a
            # negated ATTENDS; "stay away in protest" is the boycott)
            predicate, negated = "ATTENDS", not negated
            cue = cue or tok.text
            rtype = self.catalogue.get(predicate)
        if rtype is None:
            return []
        if predicate == "MEMBER_OF":
            # "gave up its membership", "a former member", "an aspiring member", "joined A in backing B"
            frame = member_polarity(tok)
            if frame == "drop":
                return []
            if frame == "negate":
                negated, cue = True, cue or tok.text
            elif frame == "flip":
                negated = not args.cached(("neg", tok.i), self.modality.negation, tok)[0]
                cue = cue or tok.head.text
        modality, source = args.cached(("mod", tok.i, predicate == "MEMBER_OF", predicate == "THREATENS"), self.modality.modality, tok, args,
                                       predicate) if not presupposed \
            else ("ASSERTED", None)
        out = []
        if predicate in ("ATTENDS", "BOYCOTTS") and (rule.lemma, rule.pos) not in self.org_words:
            # "heading to the G20", "will not be at the G7": a body standing for its meeting
            # (not where the same word relates to bodies themselves: "join NATO")
            objects = [_meeting_of(index, o) if index.type_of(o) == "ORGANISATION" else o for o in objects]
        if predicate == "BOYCOTTS" and rule.relation == "ATTENDS" and any(index.type_of(o) == "EVENT" for o in objects):
            # "will not send officials to the World Cup in Qatar": what is withheld from is
            # the event, not the place it is held in
            objects = [o for o in objects if index.type_of(o) == "EVENT"]
        if len(subjects) > 1 and objects and any(s not in objects for s in subjects):
            # a list the parser also hung on the subject ("the EU threatened airlines, among
            # them A and B, ..."): what is an object of the trigger is none of its subjects
            subjects = [s for s in subjects if s not in objects]
        candidates = [(s, o) for s in subjects for o in objects] + pairs
        if not objects and len(subjects) >= 2 and args.reciprocal(tok, rule.object):
            # "they praised each other", "the pair's support for one another's reforms"
            candidates += [(s, o) for s in subjects for o in subjects if s != o]
        for s, o in candidates:
            if s == o:
                continue
            st, ot = index.type_of(s), index.type_of(o)
            if not rtype.allows(st, ot) or (rule.object_types and ot not in rule.object_types) \
                    or (rule.subject_types and st not in rule.subject_types and not negated):
                continue
            if rtype.symmetric and o < s:
                s, o = o, s
            out.append(record(tok, s, predicate, o, rule_id=rule.id, negated=negated, modality=modality, source=source,
                              symmetric=rtype.symmetric, cue=cue))
        if predicate == "ATTENDS" and not negated and rule.id == "ATTENDS:left-the-event" and _in_protest(tok):
            # "left the summit early in protest": a walkout, boycotted as well as attended
            # (GUIDELINES, dev2 conventions)
            for s_, o_ in candidates:
                if s_ != o_ and rtype.allows(index.type_of(s_), index.type_of(o_)) and index.type_of(o_) == "EVENT":
                    out.append(record(tok, s_, "BOYCOTTS", o_, modality=modality, source=source,
                                      rule_id="BOYCOTTS:left-in-protest", cue=cue))
        if predicate == "ATTENDS" and negated and _in_protest(tok):
            # "skipped the forum in protest", "will not attend, to protest X": staying away
            # in protest is a boycott too (GUIDELINES: where the text says both, both)
            boycotts = self.catalogue.get("BOYCOTTS")
            for s_, o_ in candidates:
                if s_ != o_ and boycotts is not None and rtype.allows(index.type_of(s_), index.type_of(o_)):
                    # only what the subject stays away from ("in protest at X's stance" names no venue)
                    out.append(record(tok, s_, "BOYCOTTS", o_, modality=modality, source=source,
                                      rule_id="BOYCOTTS:absent-in-protest", cue=cue))
        if predicate == "VISITS" and rule.lemma == "be" and not negated:
            # "X will be in Beijing" while the Beijing Games are the news: X attends them
            # (whether or not X can "visit": "the presidents of A and B" are their states)
            ev = args.salient_event(tok)
            attends = self.catalogue.get("ATTENDS")
            for s_, o_ in candidates:
                if ev and attends is not None and s_ != o_ and _event_in_place(index, ev, o_) \
                        and attends.allows(index.type_of(s_), "EVENT"):
                    out.append(record(tok, s_, "ATTENDS", ev, modality=modality, source=source, rule_id="ATTENDS:present-at-venue"))
        if out and rtype.symmetric and not negated:
            # meeting "on the sidelines of" / "during" / "at" a named event: both attend it
            attends = self.catalogue.get("ATTENDS")
            participants = list(dict.fromkeys(x for r in out for x in (r["subject"], r["object"])))
            for ev in args.event_context(tok):
                for p in participants:
                    if attends is not None and attends.allows(index.type_of(p), index.type_of(ev)):
                        out.append(record(tok, p, "ATTENDS", ev, modality=modality, source=source, rule_id="ATTENDS:meeting-at-event"))
        return out

    def set_annotations(self, doc: Doc, relations: List[Dict]) -> None:
        """Write ``doc._.relext_relations``, then give each event its written-out forms
        (`event_forms`: more surface forms, no relation changes)."""
        doc._.relext_relations = relations
        add_written_forms(doc, doc._.relext_entities or [])


    # -- serialisation ---------------------------------------------------------------
    def _data(self) -> Dict:
        return {"rules": self.user_rules, "relation_types": self.user_types}

    def _load(self, data: Mapping) -> None:
        self.user_rules = [dict(r) for r in data.get("rules", [])]
        self.user_types = [dict(t) for t in data.get("relation_types", [])]
        self._build()

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self._data())

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "RelationExtractor":
        self._load(srsly.msgpack_loads(bytes_data))
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "rules.jsonl", self.user_rules)
        srsly.write_json(path / "relation_types.json", self.user_types)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "RelationExtractor":
        path = ensure_path(path)
        rules = path / "rules.jsonl"
        types = path / "relation_types.json"
        self._load({"rules": list(srsly.read_jsonl(rules)) if rules.exists() else [],
                    "relation_types": srsly.read_json(types) if types.exists() else []})
        return self


# continents and world regions: a trip named by one ("his Asia trip") is told by its stops
WORLD_REGIONS = frozenset(_WORDS["world_regions"])

# what "spent ... in X" must spend for a stay there
DURATION_NOUNS = frozenset(_WORDS["duration_nouns"])

# verbs with which "there" says someone is (or goes) at the event
THERE_VERBS = frozenset(_WORDS["there_verbs"])


# parts of an event that stand for it ("the first matches of X", "group games at X")
EVENT_PARTS = frozenset(_WORDS["event_parts"])


# parts of a tournament that stand for the event in focus with no event named on them:
# "would stay away from the opening games", "will skip the group games"
FIXTURE_PARTS = frozenset(_WORDS["fixture_parts"])
FIXTURE_MODIFIERS = frozenset(_WORDS["fixture_modifiers"])


def _event_of_part(tok, slots, index, args=None) -> List[str]:
    """The named event a part noun in one of ``slots`` of ``tok`` belongs to; with ``args``, a
    tournament's fixtures with nothing named on them ("the first matches", "the group games
    in Kyiv") are those of the event in focus."""
    nouns = [c for c in tok.children if c.dep_ == "dobj" and "dobj" in slots]
    preps = {s[5:].split(">")[0] for s in slots if s.startswith("prep:")}
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            nouns += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_ in ("advmod", "prt") and c.lower_ == "away":  # "stay away from X"
            nouns += [p for q in c.children if q.dep_ == "prep" and q.lower_ in preps for p in q.children if p.dep_ == "pobj"]
    out: List[str] = []
    for n in nouns:
        part = index.entity(n.i)
        if n.lemma_.lower() not in EVENT_PARTS or part and index.type_of(part) != "EVENT":
            continue
        named = [e for q in n.children if q.dep_ == "prep" and q.lower_ in ("of", "at", "in", "during")
                 for p in q.children if p.dep_ == "pobj" for e in [index.entity(p.i)]
                 if e and e != part and index.type_of(e) == "EVENT"]
        if not named and part is None and args is not None and n.lemma_.lower() in FIXTURE_PARTS \
                and n.tag_ == "NNS" and any(c.dep_ == "det" and c.lower_ == "the" for c in n.children) \
                and any(c.dep_ in ("amod", "compound") and c.lower_ in FIXTURE_MODIFIERS for c in n.children) \
                and not any(index.entity(x.i) and index.type_of(index.entity(x.i)) not in ("LOCATION", "COUNTRY")
                            for q in n.children if q.dep_ == "prep" for x in q.subtree) \
                and not any(q.lower_ == "of" and any(x.pos_ == "PROPN" for x in q.subtree) for q in n.children):
            # (played in a named place is still the event's: "the group games in Kyiv"; "the
            # first games of the Copa America" belong to that one, recognised or not)
            ev = args.salient_event(n, window=3, ahead=False)
            named = [ev] if ev else []
        out += named
    return list(dict.fromkeys(out))


def _meeting_of(index, org: str) -> str:
    """The one named event of the document held by ``org`` ("the G20" → "the G20 summit"),
    else ``org`` itself."""
    names = {index.names.get(org, "")} | index.surface.get(org, set())
    names = {n for n in names if n}
    events = [e for e, t in index.types.items() if t == "EVENT"
              and any(n in index.names.get(e, "") or any(n in f for f in index.surface.get(e, ())) for n in names)]
    return events[0] if len(events) == 1 else org


def _event_in_place(index, event_id: str, place_id: str) -> bool:
    """Whether the event's name (or that of the event it is part of) names the place."""
    place = index.names.get(place_id, "")
    if not place:
        return False
    names = [index.names.get(event_id, "")]
    names += [index.names.get(e, "") for e in index.types if event_id.startswith(e + "-")]
    return any(place in n for n in names)


# adverbs that give a bare verb of coming a direction or a sense of its own ("came back",
# "came close", "came first"); "too", "also", "personally" leave it bare
_DIRECTION_ADVERBS = frozenset(_WORDS["_direction_adverbs"])


# days and months the tagger may not read as dates ("pulled out on Friday")
_TIME_NAMES = frozenset(_WORDS["_time_names"])


def _bare_verb(tok, particle: Optional[str] = None) -> bool:
    """Whether the verb (or noun) has no complement of its own (`Rule.bare_only`): no particle,
    object, clause or adjective, no preposition but one of time ("will come on Monday"), no
    adverb of direction ("declined the invitation", not "declined an invitation to visit
    Moscow"). The rule's own particle ("pulled out") is no complement."""
    for c in tok.children:
        if c.dep_ == "prt" and c.lower_ == particle:
            continue
        if c.dep_ in ("prt", "dobj", "xcomp", "ccomp", "acomp", "oprd", "attr", "dative", "agent", "advcl", "acl",
                      "relcl"):
            return False
        if protest_phrase(c):
            continue  # a reason, no complement: "pulled out in protest (at X)"
        if c.dep_ == "prep" and not any(p.ent_type_ in ("DATE", "TIME") or p.lower_ in _TIME_NAMES
                                        for p in c.children if p.dep_ == "pobj"):
            return False
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in _DIRECTION_ADVERBS:
            return False
    return True
