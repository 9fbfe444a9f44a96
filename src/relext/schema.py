"""The relation catalogue as typed data: which predicates link which entity types.

The catalogue ships as ``relext/data/relations.yaml``. `load_catalogue()` reads
it (and any user file with the same fields) into `RelationType` models that the
relation component, the graph builder and `relext.validate_graph()` share.

Example:
    >>> cat = load_catalogue()
    >>> cat["MEETS_WITH"].symmetric
    True
    >>> cat["ATTENDS"].allows("PERSON", "EVENT")
    True
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .errors import Errors, PatternFileError
from .models import EntityType

ENTITY_TYPES = tuple(t.value for t in EntityType)


class RelationType(BaseModel):
    """One relation type of the catalogue."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    description: str = ""
    subject_types: List[EntityType]
    object_types: List[EntityType]
    symmetric: bool = False

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not v or not v.replace("_", "").isalnum():
            raise ValueError("a relation name is letters, digits and underscores, e.g. SIGNS_AGREEMENT_WITH")
        return v.upper()

    def allows(self, subject_type: str, object_type: str) -> bool:
        """Whether the catalogue allows ``subject_type -> object_type`` for this relation."""
        st = {t.value for t in self.subject_types}
        ot = {t.value for t in self.object_types}
        ok = subject_type in st and object_type in ot
        if self.symmetric and not ok:
            ok = object_type in st and subject_type in ot
        return ok


def parse_catalogue(data: Mapping[str, Mapping], *, source: str = "<dict>") -> Dict[str, RelationType]:
    """Validate a ``{NAME: {subject_types, object_types, ...}}`` mapping.

    Raises `relext.errors.PatternFileError` naming the source and field on bad input.
    """
    out: Dict[str, RelationType] = {}
    if not isinstance(data, Mapping):
        raise PatternFileError(Errors.E010.format(path=source, line="-", field="<root>",
                                                  msg="expected a mapping of relation names"))
    for name, fields in data.items():
        try:
            rt = RelationType(name=name, **dict(fields or {}))
        except (ValidationError, TypeError) as err:
            field, msg = _first_error(err)
            raise PatternFileError(Errors.E010.format(path=source, line=name, field=field, msg=msg)) from err
        out[rt.name] = rt
    return out


def _first_error(err: Exception) -> tuple:
    if isinstance(err, ValidationError):
        e = err.errors()[0]
        return ".".join(str(p) for p in e["loc"]) or "<root>", e["msg"]
    return "<root>", str(err)


@lru_cache(maxsize=None)
def _default_catalogue() -> Dict[str, RelationType]:
    text = resources.files("relext").joinpath("data/relations.yaml").read_text(encoding="utf8")
    return parse_catalogue(yaml.safe_load(text), source="relext/data/relations.yaml")


def load_catalogue(extra: Optional[Union[str, Path, Mapping]] = None) -> Dict[str, RelationType]:
    """Return the relation catalogue, optionally extended by a YAML/JSON file or a dict.

    Args:
        extra: more relation types, as a path to a YAML file or a mapping; a type with
            the name of a built-in one replaces it.

    Returns:
        A new dict from relation name to `RelationType`.
    """
    cat = dict(_default_catalogue())
    if extra is None:
        return cat
    if isinstance(extra, (str, Path)):
        path = Path(extra)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf8"))
        except yaml.YAMLError as err:
            line = getattr(getattr(err, "problem_mark", None), "line", -1) + 1
            raise PatternFileError(Errors.E010.format(path=path, line=line or "-", field="<yaml>", msg=str(err))) from err
        cat.update(parse_catalogue(data, source=str(path)))
    else:
        cat.update(parse_catalogue(extra))
    return cat
