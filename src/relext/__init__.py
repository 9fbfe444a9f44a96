"""relext: typed graphs of who did what to whom, from news text.

>>> import relext
>>> ex = relext.extract("Putin met Xi in Beijing.")        # doctest: +SKIP
>>> [(r.subject, r.predicate, r.object) for r in ex.relations]   # doctest: +SKIP
[('person:putin', 'MEETS_WITH', 'person:xi')]

The public API is imported lazily, so ``import relext`` stays fast and the spaCy
model is loaded on first use.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .about import __version__

# public name -> module that defines it
_API = {
    "load": "relext.loading",
    "add_to_pipeline": "relext.loading",
    "resolve_model": "relext.loading",
    "extract": "relext.extraction",
    "extract_doc": "relext.extraction",
    "extract_many": "relext.extraction",
    "add_patterns": "relext.patterns",
    "load_catalogue": "relext.schema",
    "Extraction": "relext.models",
    "Entity": "relext.models",
    "Relation": "relext.models",
    "Mention": "relext.models",
    "Evidence": "relext.models",
    "EntityType": "relext.models",
    "Modality": "relext.models",
    "build_graph": "relext.graph",
    "update_graph": "relext.graph",
    "validate_graph": "relext.graph",
    "collapse_graph": "relext.graph",
    "filter_graph": "relext.graph",
    "write_graphml": "relext.export",
    "read_graphml": "relext.export",
    "write_gexf": "relext.export",
    "write_node_link": "relext.export",
    "write_csv": "relext.export",
    "read_csv": "relext.export",
    "read_gexf": "relext.export",
    "read_node_link": "relext.export",
    "write_neo4j": "relext.export",
    "write_graph": "relext.export",
    "read_graph": "relext.export",
    "to_frames": "relext.export",
    "write_annotations": "relext.export",
    "render": "relext.visualize",
    "plot": "relext.visualize",
    "plot_html": "relext.visualize",
}

__all__ = ["__version__", *sorted(_API)]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'relext' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__


if TYPE_CHECKING:  # pragma: no cover
    from .extraction import extract, extract_doc, extract_many  # noqa: F401
    from .loading import add_to_pipeline, load, resolve_model  # noqa: F401
    from .export import (read_csv, read_gexf, read_graph, read_graphml, read_node_link, to_frames,  # noqa: F401
                         write_csv, write_gexf, write_graph, write_graphml, write_neo4j, write_node_link)
    from .graph import build_graph, collapse_graph, filter_graph, update_graph, validate_graph  # noqa: F401
    from .models import Entity, Extraction, Relation  # noqa: F401
