"""The interactive page in a real browser: headless Chromium opens it, the graph draws,
no script error happens, a clicked edge (``#edge=N``) shows its evidence with the
trigger marked and hostile text escaped, and a screenshot is saved.

CI installs Debian's ``chromium`` (``.ci/run``); where no Chromium is found the tests
skip and say so. Set ``RELEXT_SCREENSHOTS=folder`` to keep the screenshots.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import networkx as nx
import pytest

from relext.visualize import plot_html

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium on this machine (CI installs it: apt-get install chromium)")

HOSTILE = 'Ada wrote "<!--<script>alert(1)</script>" and </script><b>met</b> Bo.'


def _headless(tmp_path: Path, *args: str, timeout: int = 60) -> subprocess.CompletedProcess:
    """Run headless Chromium once with a fresh profile; nothing is fetched from the network."""
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    cmd = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
           "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1400,900",
           "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)


def _graph() -> nx.MultiDiGraph:
    """Two hubs with spokes, a negated edge, and an edge whose sentence tries to break the page."""
    G = nx.MultiDiGraph()
    kinds = ["PERSON", "COUNTRY", "ORGANISATION", "EVENT", "LOCATION"]
    G.add_node("event:summit", type="EVENT", name="Vienna Summit")
    G.add_node("organisation:un", type="ORGANISATION", name="United Nations")
    for i in range(30):
        kind = kinds[i % 5]
        node = f"{kind.lower()}:{i}"
        G.add_node(node, type=kind, name=f"{kind.title()} {i}")
        hub = "event:summit" if i % 2 else "organisation:un"
        sentence = HOSTILE if i == 0 else f"{kind.title()} {i} went to the meeting."
        trigger = "met" if i == 0 else "went"
        start = sentence.index(trigger)
        G.add_edge(node, hub, key="ATTENDS", predicate="ATTENDS", negated=i == 3, symmetric=False,
                   evidence_count=1, doc_ids=[f"d{i % 4}"],
                   evidence=[{"doc_id": f"d{i % 4}", "sentence": sentence, "start_char": 0,
                              "end_char": len(sentence), "trigger": trigger, "trigger_start": start,
                              "trigger_end": start + len(trigger), "rule": "verb:attend", "modality": "ASSERTED"}])
    return G


def _status(dom: str) -> dict:
    tag = re.search(r'<div id="relext-status"[^>]*>', dom)
    assert tag, "the page has no status element: the view script did not run"
    return {k: unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', tag.group(0))}


def _console_errors(stderr: str) -> list:
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line and re.search(r"error|uncaught", line, re.I)]


def test_page_draws_the_graph_without_errors(tmp_path):
    G = _graph()
    page = plot_html(G, tmp_path / "graph.html", title="browser test")
    proc = _headless(tmp_path, "--dump-dom", page.as_uri())
    assert proc.returncode == 0, proc.stderr[-2000:]
    status = _status(proc.stdout)
    assert status.get("drawn") == "true", f"vis-network did not draw: {status}"
    assert int(status["nodes"]) == G.number_of_nodes() and int(status["edges"]) == G.number_of_edges()
    assert "errors" not in status, f"script errors in the page: {status['errors']}"
    assert not _console_errors(proc.stderr), _console_errors(proc.stderr)
    assert "<canvas" in proc.stdout


def test_clicked_edge_shows_escaped_evidence_with_the_trigger_marked(tmp_path):
    page = plot_html(_graph(), tmp_path / "graph.html")
    proc = _headless(tmp_path, "--dump-dom", page.as_uri() + "#edge=0")
    assert proc.returncode == 0, proc.stderr[-2000:]
    info = re.search(r'<section id="relext-info">(.*?)</section>', proc.stdout, re.S).group(1)
    assert "<mark>met</mark>" in info
    assert "&lt;!--&lt;script&gt;alert(1)&lt;/script&gt;" in info  # shown as text, not run as HTML
    assert "<b>met</b>" not in info and "verb:attend" in info
    assert "errors" not in _status(proc.stdout)


def test_screenshot_of_the_page(tmp_path):
    page = plot_html(_graph(), tmp_path / "graph.html", title="browser test")
    shot = tmp_path / "graph.png"
    proc = _headless(tmp_path, f"--screenshot={shot}", page.as_uri())
    assert proc.returncode == 0 and shot.is_file(), proc.stderr[-2000:]
    assert shot.stat().st_size > 20_000  # a drawn graph, not a blank page (a blank one is ~10 kB)
    keep = os.environ.get("RELEXT_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "browser-test.png")
