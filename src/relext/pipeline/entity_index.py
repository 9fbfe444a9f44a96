"""`EntityIndex`: token -> canonical entity lookups over ``doc._.relext_entities``."""
from __future__ import annotations

from typing import Dict, Optional, Sequence, Set, Tuple

from spacy.tokens import Doc

from .argument_words import KIND_RANK


class EntityIndex:
    """Token -> canonical entity lookups for one document."""

    def __init__(self, doc: Doc, entities: Sequence[Dict]) -> None:
        self.doc = doc
        self.types: Dict[str, str] = {}
        self.names: Dict[str, str] = {}
        self.by_token: Dict[int, str] = {}
        self.name_by_token: Dict[int, str] = {}
        self.kind_by_token: Dict[int, str] = {}
        self.mention_of: Dict[int, Tuple[int, int]] = {}
        self.surface: Dict[str, Set[str]] = {}
        ranks: Dict[int, int] = {}
        for ent in entities:
            self.types[ent["id"]] = ent["type"]
            self.names[ent["id"]] = ent["name"]
            self.surface[ent["id"]] = {m["text"] for m in ent["mentions"]}
            for m in ent["mentions"]:
                rank = KIND_RANK.get(m["kind"], 3)
                for i in range(m["start"], m["end"]):
                    if rank < ranks.get(i, 9):
                        ranks[i] = rank
                        self.by_token[i] = ent["id"]
                        self.kind_by_token[i] = m["kind"]
                        self.mention_of[i] = (m["start"], m["end"])
                    if rank == 0 or (rank == 1 and ent["type"] != "PERSON"):
                        # names, and descriptions of states and bodies ("China's foreign ministry")
                        self.name_by_token.setdefault(i, ent["id"])

    def entity(self, i: int) -> Optional[str]:
        """The entity of token ``i`` (names before descriptions before pronouns)."""
        return self.by_token.get(i)

    def type_of(self, entity_id: str) -> str:
        return self.types.get(entity_id, "")
