"""The Examples in the docstrings of the graph, export, provenance, batch and io modules
run and print what they show (the API pages render them as Python sessions), and so does
the example of the person-occasion recogniser."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "relext.graph", "relext.graph.build", "relext.graph.aggregate", "relext.graph.collapse", "relext.graph.validate",
    "relext.graph.attributes", "relext.export", "relext.export.dispatch", "relext.export.graphml",
    "relext.export.gexf", "relext.export.node_link", "relext.export.tables", "relext.export.neo4j",
    "relext.export._atomic", "relext.records",
    "relext.export.annotations", "relext.provenance.dates", "relext.provenance.selectors",
    "relext.provenance.confidence", "relext.provenance.features",
    "relext.batch.options", "relext.batch.summary", "relext.batch.outputs", "relext.batch.stages",
    "relext.batch.extract", "relext.batch.collect", "relext.batch.results",
    "relext.io.readers", "relext.io.cleaning", "relext.io.decoding", "relext.io.language", "relext.io.chunking",
    "relext.pipeline.person_occasions",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{name}: {result.failed} docstring example(s) failed (see the output above)"
    assert result.attempted > 0, f"{name} shows no example"
