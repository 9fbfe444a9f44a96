"""Finding a trigger's subject and object in the dependency parse, as canonical entities.

`EntityIndex` maps tokens to the canonical entities of ``doc._.relext_entities``;
`Arguments` walks the parse from a trigger to its arguments:

- subjects: ``nsubj``; the agent of a passive; the controller of an ``xcomp`` ("vowed
  to attend", "urged X to attend"); the head of a relative clause or participle
  ("leaders attending the summit"); the subject of the first verb of a coordination;
  for nouns the possessor, a name modifier, "by X"/"from X", or the subject of the
  light verb that governs the noun ("held talks with", "in a video call with");
- objects: slots named by the rule (``dobj``, ``prep:WORD``, ``pair``, ...);
- expansion: coordination gives one entity per member; staff nouns stand for their
  state ("their officials", "the leaders of A, B and C"); position nouns for their
  holder ("supported the demands of Putin"); relative and plural pronouns are followed.
"""
from __future__ import annotations

from typing import Dict, Set

from .entity_index import EntityIndex
from .expansion import ExpansionMixin
from .objects import ObjectsMixin
from .salience import SalienceMixin
from .subjects import SubjectsMixin

__all__ = ["Arguments", "EntityIndex"]


class Arguments(ExpansionMixin, SubjectsMixin, ObjectsMixin, SalienceMixin):
    """Argument finders over one document (see the module docstring)."""

    def __init__(self, index: EntityIndex, *, staff: Set[str], titles: Set[str], position_nouns: Set[str],
                 support_verbs: Set[str], modality) -> None:
        self.index = index
        self.staff = staff
        self.titles = titles
        self.position_nouns = position_nouns
        self.support_verbs = support_verbs
        self.modality = modality
        self._cache: Dict[tuple, object] = {}

    def cached(self, key: tuple, fn, *args):
        """``fn(*args)``, computed once per key for this document (several rules share a trigger)."""
        if key not in self._cache:
            self._cache[key] = fn(*args)
        return self._cache[key]
