"""Every write is atomic: a writer failing midway leaves the old file (and no temp files)."""
from __future__ import annotations

import os

import networkx as nx
import pytest

from relext.export import _atomic, read_graph, write_graph
from relext.export._atomic import atomic_write
from relext.graph import build_graph

from graph_samples import corpus


class Boom(RuntimeError):
    pass


def test_atomic_write_replaces_the_file_on_success(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("old")
    with atomic_write(path, "w") as fh:
        fh.write("new")
    assert path.read_text() == "new"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_atomic_write_keeps_old_file_when_body_fails(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("old")
    with pytest.raises(Boom):
        with atomic_write(path, "w") as fh:
            fh.write("half of the new")
            raise Boom()
    assert path.read_text() == "old"
    assert os.listdir(tmp_path) == ["f.txt"]


def test_atomic_write_keeps_file_permissions(tmp_path):
    path = tmp_path / "f.txt"
    path.write_text("old")
    path.chmod(0o640)
    with atomic_write(path, "w") as fh:
        fh.write("new")
    assert path.stat().st_mode & 0o777 == 0o640


def test_atomic_write_names_a_missing_directory(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere"):
        with atomic_write(tmp_path / "nowhere" / "f.txt"):
            pass


def _fail_after_partial_write(monkeypatch, module, attr, method):
    """Make the format's writer write some bytes and then crash."""
    target = getattr(module, attr)
    original = getattr(target, method)

    def broken(self, fh, *args, **kwargs):
        fh.write(b"<partial" if "b" in getattr(fh, "mode", "b") else "partial")
        raise Boom("disk full")

    monkeypatch.setattr(target, method, broken)
    return original


@pytest.mark.parametrize("name", ["g.graphml", "g.gexf", "g.json", "g.csv"])
def test_failed_export_leaves_the_previous_file(tmp_path, monkeypatch, name):
    old = build_graph(corpus()[:1])
    write_graph(old, tmp_path / name)
    before = {p: p.read_bytes() for p in tmp_path.iterdir()}

    real_fsync = os.fsync

    def crash_on_fsync(fd):  # the new content is complete but not yet renamed into place
        raise Boom("power cut")

    monkeypatch.setattr(_atomic.os, "fsync", crash_on_fsync)
    with pytest.raises(Boom):
        write_graph(build_graph(corpus()), tmp_path / name)
    monkeypatch.setattr(_atomic.os, "fsync", real_fsync)

    assert {p: p.read_bytes() for p in tmp_path.iterdir()} == before  # old files, no temp files
    assert read_graph(tmp_path / name).number_of_nodes() == old.number_of_nodes()


def test_failed_graphml_writer_midway_leaves_the_previous_file(tmp_path, monkeypatch):
    from networkx.readwrite import graphml

    path = tmp_path / "g.graphml"
    write_graph(build_graph(corpus()[:1]), path)
    before = path.read_bytes()
    _fail_after_partial_write(monkeypatch, graphml, "GraphMLWriter", "dump")
    with pytest.raises(Boom):
        write_graph(build_graph(corpus()), path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["g.graphml"]


def test_failed_node_link_serialisation_leaves_the_previous_file(tmp_path):
    path = tmp_path / "g.json"
    write_graph(build_graph(corpus()), path)
    before = path.read_bytes()
    G = build_graph(corpus())
    G.nodes["country:KEN"]["score"] = float("nan")  # not valid JSON
    with pytest.raises(ValueError, match="g.json"):
        write_graph(G, path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["g.json"]


def test_first_write_that_fails_leaves_no_file(tmp_path, monkeypatch):
    monkeypatch.setattr(_atomic.os, "replace", lambda *a: (_ for _ in ()).throw(Boom("rename failed")))
    with pytest.raises(Boom):
        write_graph(nx.MultiDiGraph([("a", "b")]), tmp_path / "g.gexf")
    assert os.listdir(tmp_path) == []
