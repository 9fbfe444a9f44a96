"""The interactive page in a real browser: headless Chromium (driven by Playwright)
opens it, the graph draws, no console or script error happens, clicking a node and then
one of its relations shows the evidence with the trigger marked and hostile text
escaped, the filters work, and a screenshot is saved.

CI installs Debian's ``chromium`` (``.ci/run``); Playwright (the ``dev`` extra) drives
that browser, it downloads none. Where either is missing the tests skip and say so.
Set ``RELEXT_SCREENSHOTS=folder`` to keep the screenshots.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import networkx as nx
import pytest

from relext.visualize import plot_html

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
BROWSER = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium on this machine (CI installs it: apt-get install chromium)")

HOSTILE = 'Ada wrote "<!--<script>alert(1)</script>" and </script><b>met</b> Bo.'


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is in the dev extra: pip install -e '.[dev]'")
    with sync_api.sync_playwright() as p:
        # the system's Chromium, headless, with a fresh profile and no network services
        b = p.chromium.launch(executable_path=BROWSER, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture()
def open_page(browser):
    """Open an HTML file at 1400 x 900; return the page and the list of console errors."""
    pages = []

    def opener(path: Path, fragment: str = ""):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(10_000)
        errors = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("http*://**", lambda route: (errors.append("fetched " + route.request.url), route.abort()))
        page.goto(path.resolve().as_uri() + fragment)
        page.wait_for_selector("#relext-status[data-drawn=true]", state="attached", timeout=20_000)
        pages.append(page)
        return page, errors

    yield opener
    for page in pages:
        page.close()


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


def _status(page) -> dict:
    return page.evaluate("Object.assign({}, document.getElementById('relext-status').dataset)")


def test_page_draws_the_graph_without_errors(tmp_path, open_page):
    G = _graph()
    page, errors = open_page(plot_html(G, tmp_path / "graph.html", title="browser test"))
    status = _status(page)
    assert int(status["nodes"]) == G.number_of_nodes() and int(status["edges"]) == G.number_of_edges()
    assert page.locator("#relext-canvas canvas").count() == 1
    # the whole graph is in view: every node's position maps inside the canvas
    inside = page.evaluate("""() => {
        const v = window.relextView.network, c = document.getElementById('relext-canvas');
        return Object.values(v.getPositions()).every(p => {
            const d = v.canvasToDOM(p); return d.x > 0 && d.y > 0 && d.x < c.clientWidth && d.y < c.clientHeight; });
    }""")
    assert inside
    assert not errors, errors


def test_clicking_a_node_then_a_relation_shows_escaped_evidence(tmp_path, open_page):
    page, errors = open_page(plot_html(_graph(), tmp_path / "graph.html"))
    box = page.locator("#relext-canvas canvas").bounding_box()
    point = page.evaluate("""() => {
        const v = window.relextView.network; return v.canvasToDOM(v.getPositions([0])[0]); }""")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])  # node 0 is the summit hub
    info = page.locator("#relext-info")
    assert info.locator("h3").inner_text() == "Vienna Summit"
    link = info.locator("a", has_text="Country 1 ATTENDS Vienna Summit")
    assert link.count() == 1
    link.click()
    assert info.locator("mark").inner_text() == "went"
    page.evaluate("window.location.hash = '#edge=0'")
    page.wait_for_function("document.querySelector('#relext-info mark') !== null")
    html = info.inner_html()
    assert "<mark>met</mark>" in html
    assert "&lt;!--&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not run as HTML
    assert "<b>met</b>" not in html and "verb:attend" in html
    assert not errors, errors


def test_hovering_a_node_shows_its_name(tmp_path, open_page):
    page, errors = open_page(plot_html(_graph(), tmp_path / "graph.html", max_labels=2))
    hidden = page.evaluate("window.relextView.nodes.get().filter(n => !n.label).map(n => n.id)")
    assert len(hidden) == 30  # only the two hubs are named at first
    box = page.locator("#relext-canvas canvas").bounding_box()
    point = page.evaluate(f"""() => {{
        const v = window.relextView.network; return v.canvasToDOM(v.getPositions([{hidden[0]}])[{hidden[0]}]); }}""")
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function(f"!!window.relextView.nodes.get({hidden[0]}).label")
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.wait_for_function(f"!window.relextView.nodes.get({hidden[0]}).label")
    assert not errors, errors


def test_filters_hide_types_and_negated_edges(tmp_path, open_page):
    G = _graph()
    page, errors = open_page(plot_html(G, tmp_path / "graph.html"))
    page.locator("#relext-types label", has_text="person").locator("input").uncheck()
    persons = sum(1 for _, d in G.nodes(data=True) if d["type"] == "PERSON")
    assert int(_status(page)["nodes"]) == G.number_of_nodes() - persons
    page.locator("#relext-neg").uncheck()
    assert int(_status(page)["edges"]) == G.number_of_edges() - persons - 1
    assert not errors, errors


def test_screenshot_of_the_page(tmp_path, open_page):
    page, errors = open_page(plot_html(_graph(), tmp_path / "graph.html", title="browser test"))
    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000  # a drawn graph, not a blank page (a blank one is ~10 kB)
    keep = os.environ.get("RELEXT_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(keep) / "browser-test.png")
    assert not errors, errors
