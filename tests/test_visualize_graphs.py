"""relext.plot / relext.plot_html on graphs as analysts have them: filters, isolates,
hubs, big graphs, hostile names, and the data the interactive page embeds."""
from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser

import matplotlib
import networkx as nx
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from relext.visualize import TYPE_COLORS, graph_layout, plot, plot_html, select_graph  # noqa: E402
from relext.visualize.interactive import graph_view_data  # noqa: E402
from relext.visualize.style import json_for_script  # noqa: E402

HOSTILE = 'He wrote "<!--<script>alert(1)</script>" and </script><b>met</b> Xi.'


def _edge(G, u, v, predicate, *, negated=False, docs=("d1",), sentence="Ada met Bo.", trigger="met", **extra):
    start = sentence.find(trigger)
    G.add_edge(u, v, key=predicate + ("|negated" if negated else ""), predicate=predicate, negated=negated,
               symmetric=predicate == "MEETS_WITH", evidence_count=1, doc_ids=list(docs),
               evidence=[{"doc_id": docs[0], "sentence": sentence, "start_char": 0, "end_char": len(sentence),
                          "trigger": trigger, "trigger_start": start, "trigger_end": start + len(trigger),
                          "rule": "verb:x", "modality": "ASSERTED"}], **extra)


@pytest.fixture()
def news():
    """A hub with spokes, a separate pair, an isolate, a negated edge, dates and confidence."""
    G = nx.MultiDiGraph()
    G.add_node("event:summit", type="EVENT", name="Vienna Summit")
    G.add_node("country:FRA", type="COUNTRY", name="France")
    G.add_node("location:vienna", type="LOCATION", name="Vienna")
    G.add_node("person:ada", type="PERSON", name="Ada Obi")
    G.add_node("person:bo", type="PERSON", name="Bo Lin")
    G.add_node("organisation:un", type="ORGANISATION", name="United Nations")
    G.add_node("person:lonely", type="PERSON", name="Lone Wolf")
    _edge(G, "country:FRA", "event:summit", "ATTENDS", docs=("d1",), dates=["2022-02-04"], confidence=0.9)
    _edge(G, "person:ada", "event:summit", "ATTENDS", negated=True, docs=("d2",), dates=["2022-03-01"],
          confidence=0.4)
    _edge(G, "event:summit", "location:vienna", "LOCATED_IN", docs=("d1",))
    _edge(G, "person:ada", "person:bo", "MEETS_WITH", docs=("d3",), sentence=HOSTILE, trigger="met")
    _edge(G, "country:FRA", "organisation:un", "MEMBER_OF", docs=("d3",))
    return G


def test_select_graph_filters_before_drawing(news):
    assert "person:lonely" not in select_graph(news)
    assert "person:lonely" in select_graph(news, isolates=True)
    only_attends = select_graph(news, predicates=["ATTENDS"])
    assert {d["predicate"] for *_, d in only_attends.edges(data=True)} == {"ATTENDS"}
    assert set(only_attends) == {"country:FRA", "person:ada", "event:summit"}
    assert set(select_graph(news, types=["PERSON"])) == {"person:ada", "person:bo"}
    assert set(select_graph(news, documents=["d3"])) == {"person:ada", "person:bo", "country:FRA", "organisation:un"}
    assert select_graph(news, keep_negated=False).number_of_edges() == 4
    # dates and confidence are used when edges carry them
    assert [d["predicate"] for *_, d in select_graph(news, since="2022-02-10").edges(data=True)] == ["ATTENDS"]
    assert select_graph(news, until="2022-02-10").number_of_edges() == 1
    kept = select_graph(news, min_confidence=0.5)
    assert kept.number_of_edges() == 4  # the 0.4 edge goes; edges without a confidence stay


def test_plot_hides_isolates_sizes_by_degree_and_keeps_types_apart(news):
    ax = plot(news)
    offsets = ax.collections[-1].get_offsets()
    assert len(offsets) == news.number_of_nodes() - 1  # the isolate is left out
    sizes = ax.collections[-1].get_sizes()
    names = [t.get_text() for t in ax.texts]
    assert "Lone Wolf" not in names and "Vienna Summit" in names
    assert max(sizes) > min(sizes)  # hubs are bigger
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert {"country", "event", "location", "negated"} <= legend
    plt.close(ax.figure)
    ax = plot(news, isolates=True)
    assert len(ax.collections[-1].get_offsets()) == news.number_of_nodes()
    plt.close(ax.figure)


def _rgb(hex_colour):
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]


def test_entity_colours_are_far_apart():
    colours = [_rgb(c) for c in TYPE_COLORS.values()]
    for i, a in enumerate(colours):
        for b in colours[i + 1:]:
            assert sum((x - y) ** 2 for x, y in zip(a, b)) ** 0.5 > 90, (a, b)


def test_plot_draws_names_with_dollar_signs(news):
    news.nodes["country:FRA"]["name"] = "Fund $5 and $6 bn"
    ax = plot(news)
    ax.figure.canvas.draw()  # matplotlib parses mathtext here: it must not fail
    assert any("$5" in t.get_text() for t in ax.texts)
    plt.close(ax.figure)


def test_edge_labels_go_on_big_graphs_and_arrows_stop_outside_nodes():
    G = nx.MultiDiGraph()
    for i in range(60):
        G.add_node(i, type="PERSON", name=f"P{i}")
        G.add_edge(i, (i + 1) % 60, key="MEETS_WITH", predicate="MEETS_WITH", negated=False)
    ax = plot(G)
    arrows = [p for p in ax.patches if isinstance(p, matplotlib.patches.FancyArrowPatch)]
    assert len(arrows) == 60 and all(a.shrinkB > 0 for a in arrows)
    assert not any(t.get_text() == "MEETS_WITH" for t in ax.texts)
    plt.close(ax.figure)


def test_layout_separates_components_and_needs_no_scipy(monkeypatch):
    monkeypatch.setitem(sys.modules, "scipy", None)  # as if scipy were not installed
    G = nx.Graph()
    for c in range(12):  # 12 components of 50 nodes: 600 nodes
        nx.add_path(G, [(c, i) for i in range(50)])
    pos = graph_layout(G, seed=1)
    assert len(pos) == 600
    boxes = {}
    for (c, _), (x, y) in pos.items():
        b = boxes.setdefault(c, [x, y, x, y])
        boxes[c] = [min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y)]
    for a in range(12):
        for b in range(a + 1, 12):
            A, B = boxes[a], boxes[b]
            assert A[2] < B[0] or B[2] < A[0] or A[3] < B[1] or B[3] < A[1], "components overlap"
    with pytest.raises(ImportError, match="scipy"):
        graph_layout(G, "kamada_kawai")


def test_layout_keeps_nodes_apart():
    pos = graph_layout(nx.star_graph(40), seed=0)
    xy = list(pos.values())
    closest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5 for i, a in enumerate(xy) for b in xy[i + 1:])
    assert closest > 0.3


class _Scripts(HTMLParser):
    """The <script> elements of a page, as an HTML parser sees them."""

    def __init__(self):
        super().__init__()
        self.scripts, self._open = [], None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._open = [dict(attrs), ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.scripts.append(tuple(self._open))
            self._open = None


def test_embedded_json_survives_script_and_comment_openers(news, tmp_path):
    html = plot_html(news, tmp_path / "g.html").read_text(encoding="utf8")
    parser = _Scripts()
    parser.feed(html)
    data_scripts = [body for attrs, body in parser.scripts if attrs.get("id") == "relext-data"]
    assert len(data_scripts) == 1 and len(parser.scripts) == 3  # data, vis-network, view
    data = json.loads(data_scripts[0])
    assert any(ev["sentence"] == HOSTILE for e in data["edges"] for ev in e["evidence"])
    assert "<" not in data_scripts[0]  # no "<!--", "<script" or "</script" can reach the HTML parser
    assert json.loads(json_for_script({"s": "\u2028<&>"})) == {"s": "\u2028<&>"}


def test_page_data_carries_evidence_filters_and_hover_labels(news):
    data = graph_view_data(select_graph(news), max_labels=2)
    assert sum(n["top"] for n in data["nodes"]) == 2  # the rest are named on hover
    assert data["has_dates"] and data["has_confidence"]
    assert data["documents"] == ["d1", "d2", "d3"]
    neg = next(e for e in data["edges"] if e["negated"])
    assert neg["label"] == "¬ATTENDS" and neg["dates"] == ["2022-03-01"] and neg["confidence"] == 0.4
    ev = neg["evidence"][0]
    assert ev["sentence"][ev["trigger_start"]:ev["trigger_end"]] == "met"
    plain = nx.MultiDiGraph()
    _edge(plain, "a", "b", "ATTENDS")
    bare = graph_view_data(plain)
    assert not bare["has_dates"] and not bare["has_confidence"] and bare["edge_labels"]


def test_plot_html_filters_like_plot(news, tmp_path):
    html = plot_html(news, tmp_path / "g.html", types=["PERSON"], title="<People>").read_text(encoding="utf8")
    data = json.loads(re.search(r'id="relext-data">(.*?)</script>', html, re.S).group(1))
    assert {n["key"] for n in data["nodes"]} == {"person:ada", "person:bo"}
    assert "<title>&lt;People&gt;</title>" in html


def test_a_component_of_500_plus_nodes_draws_without_scipy(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "scipy", None)  # networkx's spring layout needs scipy from 500 nodes
    G = nx.MultiDiGraph()
    for i in range(520):
        G.add_node(i, type="PERSON", name=f"$P{i}$")
        G.add_edge(i, (i + 1) % 520, key="MEETS_WITH", predicate="MEETS_WITH", negated=False)
    assert len(graph_layout(G, "spring")) == 520
    html = plot_html(G, tmp_path / "big.html").read_text(encoding="utf8")
    data = json.loads(re.search(r'id="relext-data">(.*?)</script>', html, re.S).group(1))
    assert len(data["nodes"]) == 520 and not data["edge_labels"]
