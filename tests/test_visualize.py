"""relext.visualize: document rendering, matplotlib plots and the HTML graph view.

The documents and graphs are built by hand, so these tests do not depend on how
well the pipeline extracts; one test renders real pipeline output.
"""
from __future__ import annotations

import json
import re

import matplotlib
import networkx as nx
import pytest

matplotlib.use("Agg")

from relext.models import Extraction  # noqa: E402
from relext.visualize import (  # noqa: E402
    TYPE_COLORS, graph_layout, plot, plot_html, relation_label, render, render_extraction,
)

TEXT = ("Japanese Prime Minister Fumio Kishida will not attend next month's Beijing Winter Olympics. "
        "Vladimir Putin and Xi Jinping met in Beijing on Friday.")
SECOND = TEXT.index("Vladimir")


def _mention(surface, kind="NAME", after=0):
    start = TEXT.index(surface, after)
    return {"text": surface, "start_char": start, "end_char": start + len(surface), "kind": kind,
            "sentence": int(start >= SECOND)}


def _evidence(trigger, rule, cue=None):
    t = TEXT.index(trigger)
    start, end = (0, SECOND - 1) if t < SECOND else (SECOND, len(TEXT))
    return {"sentence": TEXT[start:end], "start_char": start, "end_char": end, "trigger": trigger,
            "trigger_start": t, "trigger_end": t + len(trigger), "rule": rule, "cue": cue}


@pytest.fixture()
def extraction():
    return Extraction.model_validate({"doc_id": "demo-1", "entities": [
        {"id": "country:JPN", "name": "Japan", "type": "COUNTRY", "mentions": [_mention("Japanese", "DEMONYM")]},
        {"id": "person:fumio-kishida", "name": "Fumio Kishida", "type": "PERSON",
         "mentions": [_mention("Fumio Kishida")]},
        {"id": "event:beijing-2022", "name": "Beijing 2022 Winter Olympics", "type": "EVENT",
         "mentions": [_mention("Beijing Winter Olympics")]},
        {"id": "person:vladimir-putin", "name": "Vladimir Putin", "type": "PERSON",
         "mentions": [_mention("Vladimir Putin")]},
        {"id": "person:xi-jinping", "name": "Xi Jinping", "type": "PERSON", "mentions": [_mention("Xi Jinping")]},
        {"id": "location:beijing", "name": "Beijing", "type": "LOCATION",
         "mentions": [_mention("Beijing", after=SECOND)]},
    ], "relations": [
        {"subject": "person:fumio-kishida", "predicate": "ATTENDS", "object": "event:beijing-2022",
         "negated": True, "modality": "PLANNED", "evidence": _evidence("attend", "verb:attend", "not")},
        {"subject": "person:fumio-kishida", "predicate": "AFFILIATED_WITH", "object": "country:JPN",
         "evidence": _evidence("Prime Minister", "title:demonym")},
        {"subject": "person:vladimir-putin", "predicate": "MEETS_WITH", "object": "person:xi-jinping",
         "symmetric": True, "evidence": _evidence("met", "verb:meet")},
    ]})


def test_render_shows_entities_types_and_relations(extraction):
    html = render(extraction, text=TEXT, jupyter=False)
    assert isinstance(html, str)
    for surface in ("Fumio Kishida", "Beijing Winter Olympics", "Vladimir Putin", "Xi Jinping", "Japanese"):
        assert surface in html
    for label in ("PERSON", "COUNTRY", "EVENT", "LOCATION"):
        assert label in html
        assert TYPE_COLORS[label] in html
    assert "AFFILIATED_WITH" in html and "MEETS_WITH" in html
    # one arc per relation, the negated one dashed and marked
    assert html.count('class="relext-arc"') == 3
    assert "¬ATTENDS (planned)" in html
    negated_arc = re.search(r'data-predicate="ATTENDS" data-negated="true">.*?</g>', html, re.S).group(0)
    assert "stroke-dasharray" in negated_arc
    meets_arc = re.search(r'data-predicate="MEETS_WITH" data-negated="false">.*?</g>', html, re.S).group(0)
    assert "stroke-dasharray" not in meets_arc


def test_render_is_self_contained(extraction):
    html = render(extraction, text=TEXT, jupyter=False, page=True)
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html
    assert not re.search(r'(src|href)="https?:', html)


def test_render_without_text_shows_known_sentences(extraction):
    extra = extraction.model_copy(deep=True)
    # a mention in no evidence sentence, far away in a longer document
    extra.entities[0].mentions.append(extra.entities[0].mentions[0].model_copy(
        update={"start_char": 500, "end_char": 508}))
    html = render_extraction(extra)
    assert "…" in html
    assert "Vladimir Putin" in html and "¬ATTENDS" in html


def test_render_checks_the_text_matches(extraction):
    with pytest.raises(ValueError, match="exact text"):
        render(extraction, text=TEXT.upper(), jupyter=False)


def test_render_rejects_a_graph_with_advice():
    with pytest.raises(TypeError, match="relext.plot"):
        render(nx.MultiDiGraph(), jupyter=False)


def test_render_accepts_a_dict(extraction):
    html = render(extraction.model_dump(mode="json"), jupyter=False)
    assert "MEETS_WITH" in html


def test_render_without_relations_says_so():
    html = render(Extraction(doc_id="empty"), jupyter=False)
    assert "No relations found" in html


def test_render_displays_once_in_jupyter(extraction, monkeypatch):
    ipython_display = pytest.importorskip("IPython.display")
    shown = []
    monkeypatch.setattr(ipython_display, "display", lambda obj: shown.append(obj))
    html = render(extraction, text=TEXT, jupyter=True)
    assert len(shown) == 1 and shown[0].data == html
    assert html._repr_html_() == str(html)


def test_relation_label():
    assert relation_label("ATTENDS") == "ATTENDS"
    assert relation_label("ATTENDS", negated=True) == "¬ATTENDS"
    assert relation_label("BOYCOTTS", modality="REPORTED") == "BOYCOTTS (reported)"


@pytest.mark.slow
def test_render_text_and_doc_through_the_pipeline(nlp):
    text = "Vladimir Putin and Xi Jinping met in Beijing."
    html = render(text, nlp=nlp, jupyter=False)
    assert "Vladimir Putin" in html and "Xi Jinping" in html and "PERSON" in html
    assert render(nlp(text), jupyter=False) == html


# ----------------------------------------------------------------------------- graphs


@pytest.fixture()
def graph():
    """A graph laid out as relext.build_graph does: typed nodes, keyed multi-edges."""
    G = nx.MultiDiGraph()
    for node, etype, name in [
        ("person:vladimir-putin", "PERSON", "Vladimir Putin"), ("person:xi-jinping", "PERSON", "Xi Jinping"),
        ("country:JPN", "COUNTRY", "Japan"), ("event:beijing-2022", "EVENT", "Beijing 2022 Winter Olympics"),
        ("organisation:nato", "ORGANISATION", "NATO"), ("country:UKR", "COUNTRY", "Ukraine"),
    ]:
        G.add_node(node, type=etype, name=name, label=name)
    for u, v, predicate, negated in [
        ("person:vladimir-putin", "person:xi-jinping", "MEETS_WITH", False),
        ("person:vladimir-putin", "event:beijing-2022", "ATTENDS", False),
        ("country:JPN", "event:beijing-2022", "ATTENDS", True),
        ("country:JPN", "event:beijing-2022", "BOYCOTTS", False),
        ("country:UKR", "organisation:nato", "MEMBER_OF", True),
    ]:
        key = predicate + ("|negated" if negated else "")
        G.add_edge(u, v, key=key, predicate=predicate, negated=negated, symmetric=predicate == "MEETS_WITH",
                   evidence_count=1, evidence=[{"doc_id": "d1", "sentence": "…", "trigger": "x"}])
    return G


def test_plot_draws_every_node_and_edge(graph):
    ax = plot(graph)
    assert isinstance(ax, matplotlib.axes.Axes)
    nodes = ax.collections[0]
    assert len(nodes.get_offsets()) == graph.number_of_nodes()
    arrows = [p for p in ax.patches if isinstance(p, matplotlib.patches.FancyArrowPatch)]
    assert len(arrows) == graph.number_of_edges()
    assert sum(p.get_linestyle() == "--" for p in arrows) == 2
    texts = {t.get_text() for t in ax.texts}
    assert {"Vladimir Putin", "NATO", "¬ATTENDS", "BOYCOTTS", "¬MEMBER_OF"} <= texts
    assert {"person", "country", "negated"} <= {t.get_text() for t in ax.get_legend().get_texts()}
    matplotlib.pyplot.close(ax.figure)


def test_plot_options(graph):
    fig, ax = matplotlib.pyplot.subplots()
    pos = {n: (i, i % 2) for i, n in enumerate(graph)}
    assert plot(graph, ax=ax, layout=pos, with_labels=False, edge_labels=False, legend=False) is ax
    assert not ax.texts and ax.get_legend() is None
    for layout in ("circular", "shell"):
        plot(graph, ax=ax, layout=layout)
    plot(nx.DiGraph([("a", "b")]), ax=ax)  # untyped nodes fall back to grey and ids
    plot(nx.MultiDiGraph(), ax=ax)
    matplotlib.pyplot.close(fig)


def test_plot_is_reproducible(graph):
    assert graph_layout(graph, seed=3) == graph_layout(graph, seed=3)


def test_layout_errors_say_what_to_do(graph):
    with pytest.raises(ValueError, match="Use one of 'spring'"):
        graph_layout(graph, "hairball")
    with pytest.raises(ValueError, match="every node"):
        graph_layout(graph, {"country:JPN": (0, 0)})


def _page_data(html):
    return json.loads(re.search(r'id="relext-data">(.*?)</script>', html, re.S).group(1))


def test_plot_html_is_self_contained(graph, tmp_path):
    path = plot_html(graph, tmp_path / "out" / "graph.html", title="Sample")
    html = path.read_text(encoding="utf8")
    assert html.startswith("<!DOCTYPE html>") and "<title>Sample</title>" in html
    assert not re.search(r'(src|href)="https?:', html)  # nothing fetched from the internet
    assert "vis-network" in html and "relext-canvas" in html
    data = _page_data(html)
    assert len(data["nodes"]) == graph.number_of_nodes()
    assert len(data["edges"]) == graph.number_of_edges()
    assert {e["label"] for e in data["edges"]} >= {"¬ATTENDS", "BOYCOTTS", "¬MEMBER_OF"}
    assert data["edges"][0]["evidence"][0]["doc_id"] == "d1"
    assert {n["name"] for n in data["nodes"] if n["top"]} == {n["name"] for n in data["nodes"]}


# ----------------------------------------------------------------------------- one relation, long sentences


def test_render_one_relation(extraction):
    html = render(extraction, text=TEXT, relation=0, jupyter=False)
    assert "¬ATTENDS" in html and "MEETS_WITH" not in html
    assert "Relations (1)" in html
    assert "MEETS_WITH" in render(extraction, relation="MEETS_WITH", jupyter=False)
    with pytest.raises(ValueError, match="no relation 'SANCTIONS'"):
        render(extraction, relation="SANCTIONS", jupyter=False)


def test_render_a_relation_or_an_evidence_item(extraction):
    rel = extraction.relations[0]
    html = render(rel, jupyter=False)
    assert "¬ATTENDS (planned)" in html
    assert re.search(r"<mark[^>]*>attend</mark>", html)
    item = {"doc_id": "d9", "sentence": "Ada <i>met</i> Bo.", "start_char": 100, "trigger": "met",
            "trigger_start": 107, "trigger_end": 110}
    html = render(item, jupyter=False, page=True)
    assert html.startswith("<!DOCTYPE html>")
    assert "Ada &lt;i&gt;<mark" in html and "d9" in html


def test_render_wraps_long_sentences(extraction):
    filler = " and then they talked about the weather for a very long while" * 6
    text = TEXT[:SECOND] + "Vladimir Putin and Xi Jinping met in Beijing on Friday" + filler + "."
    data = extraction.model_dump(mode="json")
    data["relations"][2]["evidence"].update(sentence=text[SECOND:], end_char=len(text))
    ex = Extraction.model_validate(data)
    html = render(ex, text=text, jupyter=False, wrap=80)
    sentence_box = html.split('class="relext-sentence"')[-1]
    rows = re.findall(r'<svg [^>]*width="(\d+)"', sentence_box)
    assert len(rows) >= 4  # the long sentence is drawn in rows
    assert all(int(w) <= 80 * 8.4 + 30 for w in rows)
    assert "overflow-x:auto" in html  # a row that cannot break still scrolls
    one_row = render(ex, text=text, jupyter=False, wrap=None)
    assert len(re.findall(r"<svg ", one_row.split('class="relext-sentence"')[-1])) == 1
