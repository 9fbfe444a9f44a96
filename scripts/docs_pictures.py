"""Re-make the pictures in docs/images/ that docs/pictures.md shows.

- ``graph-demo.png`` / ``graph-demo-page.png``: the graph of data/sample_corpus (what
  ``make demo`` writes to out/sample.graphml) drawn by ``relext.plot`` and, in headless
  Chromium, by the page ``relext.plot_html`` writes;
- ``graph-large.png`` / ``graph-large-page.png``: the same for a graph of 200+ nodes built
  from synthetic documents (bench/corpus.py);
- ``graph-page-evidence.png``: the demo page with one edge clicked;
- ``render-document.png``: ``relext.render`` of one sample document.

Usage: ``.venv/bin/python scripts/docs_pictures.py`` (needs the dev extra, for
matplotlib and Playwright, and a Chromium on the PATH; about a minute).
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import relext  # noqa: E402
from relext.visualize import plot_html, select_graph  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def screenshot(page: Path, png: Path, *, fragment: str = "", size=(1400, 900)) -> None:
    """Open ``page`` in the system's headless Chromium (driven by Playwright) and save a screenshot.

    A graph page is captured once it has drawn; the network is not used.
    """
    from playwright.sync_api import sync_playwright

    browser_path = next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)
    if browser_path is None:
        sys.exit("No Chromium found: install one (Debian: apt-get install chromium).")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=browser_path, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        tab = browser.new_page(viewport={"width": size[0], "height": size[1]})
        tab.route("http*://**", lambda route: route.abort())
        tab.goto(page.resolve().as_uri() + fragment)
        if tab.locator("#relext-status").count():
            tab.wait_for_selector("#relext-status[data-drawn=true]", state="attached", timeout=30_000)
        tab.screenshot(path=str(png))
        browser.close()


def demo_graph(path: Path):
    """The sample corpus' graph: read from ``path`` (``make demo``), else extracted here."""
    if path.is_file():
        return relext.read_graph(path)
    docs = [{"id": p.stem, "text": p.read_text(encoding="utf8")}
            for p in sorted((ROOT / "data" / "sample_corpus").glob("*.txt"))]
    return relext.build_graph(relext.extract_many(docs))


def large_graph(n_docs: int):
    """A graph of synthetic news documents from bench/corpus.py."""
    spec = importlib.util.spec_from_file_location("relext_bench_corpus", ROOT / "bench" / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    return relext.build_graph(relext.extract_many(list(corpus.generate(n_docs, seed=0))))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--demo-graph", type=Path, default=ROOT / "out" / "sample.graphml")
    parser.add_argument("--docs", type=int, default=600, help="synthetic documents for the large graph")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="relext-pictures-"))
    graphs = {"demo": ("Sample corpus (data/sample_corpus)", demo_graph(args.demo_graph)),
              "large": (f"{args.docs} synthetic documents (bench/corpus.py)", large_graph(args.docs))}
    for name, (title, G) in graphs.items():
        shown = select_graph(G)
        print(f"{name}: {G.number_of_nodes()} nodes, {G.number_of_edges()} edges; "
              f"{shown.number_of_nodes()} nodes with an edge are drawn")
        ax = relext.plot(G, title=title)
        ax.figure.savefig(args.out / f"graph-{name}.png", dpi=80, bbox_inches="tight")
        page = plot_html(G, work / f"{name}.html", title=title)
        screenshot(page, args.out / f"graph-{name}-page.png")
    demo_page = work / "demo.html"
    edge = _an_edge_with_evidence(demo_page)
    screenshot(demo_page, args.out / "graph-page-evidence.png", fragment=f"#edge={edge}")
    sample = sorted((ROOT / "data" / "sample_corpus").glob("*.txt"))[1]
    html = relext.render(sample.read_text(encoding="utf8"), page=True, jupyter=False)
    (work / "render.html").write_text(html, encoding="utf8")
    screenshot(work / "render.html", args.out / "render-document.png", size=(1000, 1200))
    print(f"pictures in {args.out}")


def _an_edge_with_evidence(page: Path) -> int:
    """The index of the page's edge with the most evidence (a good one to click)."""
    import json
    import re

    data = json.loads(re.search(r'id="relext-data">(.*?)</script>', page.read_text(encoding="utf8"), re.S).group(1))
    return max(range(len(data["edges"])), key=lambda i: (data["edges"][i]["evidence_count"], -i))


if __name__ == "__main__":
    main()
