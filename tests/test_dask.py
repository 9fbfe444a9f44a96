"""The Dask adapter gives the single-process results, loading the model once per worker."""
from __future__ import annotations

import importlib
import json
import os
import sys

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

import dask.bag as db  # noqa: E402

import relext  # noqa: E402
from relext.distributed.dask import build_graph_distributed, extract_bag, extract_on_dask, load_count  # noqa: E402

TEXTS = [
    "Kenyan President William Ruto met Chinese leader Xi Jinping in Nairobi on Friday.",
    "Japan will not send government officials to the Winter Olympics, Fumio Kishida said.",
    "Anthony Albanese said Australia would stay away from the Games because of rights concerns.",
    "Emmanuel Macron visited Berlin on Monday for talks with Olaf Scholz.",
    "NATO accused Russia of massing troops near the Ukrainian border.",
    "The European Union imposed sanctions on Belarus after the disputed election.",
    "Finland joined NATO in April, becoming its 31st member.",
    "Sergei Lavrov warned Washington of serious consequences if talks failed.",
    "Canada backed the proposal by the United Nations, according to a statement.",
    "Xi Jinping did not meet Joe Biden during the summit, a spokesperson confirmed.",
    "If Putin attends the Games, Biden may hold a separate meeting with him.",
    "Markets in Tokyo fell two percent as investors worried about inflation.",
    "",
    "Narendra Modi held talks with Anthony Albanese in New Delhi on Thursday.",
    "The Australian delegation arrived in Beijing on Wednesday for the Winter Olympics.",
    "Annalena Baerbock criticised China for its treatment of journalists.",
    "Thomas Bach said the International Olympic Committee supported the athletes.",
    "Britain and France signed a defence agreement in London. Boris Johnson hailed the deal.",
    "Antony Blinken spoke with Wang Yi by phone on Sunday about the crisis.",
    "Poland said it would send officials to the Games despite the boycott announced by Lithuania.",
]
RECORDS = [{"id": f"d{i:02d}", "text": t} for i, t in enumerate(TEXTS)]


def _normal(ex) -> tuple:
    """An Extraction as comparable data: entities and relations in a fixed order."""
    d = ex if isinstance(ex, dict) else ex.model_dump(mode="json")
    ents = sorted(json.dumps(e, sort_keys=True) for e in d["entities"])
    rels = sorted(json.dumps(r, sort_keys=True) for r in d["relations"])
    return d["doc_id"], ents, rels


def _by_id(extractions) -> dict:
    return {n[0]: n for n in map(_normal, extractions)}


def _graph_signature(g) -> tuple:
    nodes = sorted((str(n), json.dumps(a, sort_keys=True, default=str)) for n, a in g.nodes(data=True))
    edges = sorted((str(u), str(v), json.dumps(a, sort_keys=True, default=str)) for u, v, a in g.edges(data=True))
    return nodes, edges


@pytest.fixture(scope="module")
def expected(nlp):
    return list(relext.extract_many(RECORDS, nlp=nlp))


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def test_bag_synchronous_matches_extract_many(expected):
    bag = db.from_sequence(RECORDS, npartitions=3)
    got = extract_bag(bag).compute(scheduler="synchronous")
    assert [d["doc_id"] for d in got] == [r["id"] for r in RECORDS]
    assert _by_id(got) == _by_id(expected)


def test_bag_names_records_without_id_by_partition():
    bag = db.from_sequence(["Putin met Xi in Beijing.", "", "Macron visited Berlin."], npartitions=2)
    got = extract_bag(bag).compute(scheduler="synchronous")
    assert [d["doc_id"] for d in got] == ["0-0", "0-1", "1-0"]
    assert all(isinstance(d, dict) and set(d) >= {"entities", "relations"} for d in got)


def test_a_loaded_pipeline_is_refused(nlp):
    with pytest.raises(TypeError, match="cannot be shipped"):
        extract_bag(db.from_sequence(["x"]), model=nlp)
    with pytest.raises(ValueError, match="partition_size"):
        extract_on_dask(["x"], partition_size=0)


def test_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.delitem(sys.modules, "relext.distributed.dask")
    try:
        with pytest.raises(ImportError, match=r"pip install 'relext\[dask\]'"):
            importlib.import_module("relext.distributed.dask")
    finally:
        monkeypatch.undo()
        importlib.import_module("relext.distributed.dask")


@pytest.mark.slow
def test_own_local_cluster_matches_extract_many_and_graph(expected):
    got = list(extract_on_dask(TEXTS, n_workers=2, partition_size=4))
    # plain strings get the ids extract_many gives them: their position in the input
    assert [ex.doc_id for ex in got] == [str(i) for i in range(len(TEXTS))]
    single = list(relext.extract_many(TEXTS))
    assert _by_id(got) == _by_id(single)
    assert [_normal(e)[1:] for e in got] == [_normal(e)[1:] for e in expected]


@pytest.mark.slow
def test_graph_on_cluster_equals_single_process(client, expected):
    from relext.graph import build_graph

    g_dist = build_graph_distributed(RECORDS, scheduler=client, partition_size=3)
    g_single = build_graph(expected)
    assert g_dist.number_of_nodes() > 0
    assert _graph_signature(g_dist) == _graph_signature(g_single)


@pytest.mark.slow
def test_model_loaded_once_per_worker(client):
    for _ in range(2):  # two runs, 2 x 10 partitions over 2 workers
        got = list(extract_on_dask(RECORDS, scheduler=client, partition_size=2))
        assert len(got) == len(RECORDS)
    counts = client.run(load_count)  # {worker address: {"pid", "loads"}}
    pids = {c["pid"] for c in counts.values()}
    assert len(pids) == 2 and os.getpid() not in pids
    for c in counts.values():
        assert sum(c["loads"].values()) <= 1, c
    assert sum(sum(c["loads"].values()) for c in counts.values()) >= 1
