"""The republication graph stays readable: a force-directed layout, outlets sized by articles, unknown outlets
grouped, and at 200 outlets no label overlapping another label or a node (checked from the SVG's coordinates,
here with a width estimate and in Chromium with the rendered boxes)."""
from __future__ import annotations

import random
import re
from html import unescape
from pathlib import Path

import pytest

from newstrace.report.corpus_data import UNKNOWN_OUTLET, Edge
from newstrace.report.graph import graph_svg

CHROMIUM = Path("/usr/bin/chromium")


def generated_edges(n: int = 200, seed: int = 3) -> list[Edge]:
    """``n`` outlets: 20 originals, each copied by many, and some copies of copies."""
    rnd = random.Random(seed)
    names = [f"{rnd.choice(['The', 'Daily', 'Metro', 'Global', 'City', 'National'])} "
             f"{rnd.choice(['Herald', 'Times', 'Post', 'Courier', 'News', 'Observer', 'Gazette', 'Tribune'])} {i}"
             for i in range(n)]
    edges = []
    for i, name in enumerate(names[20:]):
        source = names[i % 20] if i < 20 or rnd.random() < 0.8 else names[20 + rnd.randrange(i)]  # never itself
        edges.append(Edge(source, name, "copy", tuple(f"a{i}-{j}" for j in range(rnd.randint(1, 4)))))
    return edges


def svg_parts(svg: str) -> tuple[list[tuple[float, float, float]], list[tuple[str, float, float]]]:
    circles = [tuple(map(float, m)) for m in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="([\d.]+)"', svg)]
    texts = [(unescape(t), float(x), float(y)) for x, y, t in
             re.findall(r'<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg)]
    return circles, texts


def overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_200_outlets_are_drawn_with_no_label_over_another_label_or_a_node():
    edges = generated_edges()
    outlets = {x.source for x in edges} | {x.target for x in edges}
    assert len(outlets) == 200
    circles, texts = svg_parts(graph_svg(edges))
    assert len(circles) == 200
    assert len(texts) >= 195  # a label with no free place is left to the node's tooltip and the edge table
    # 11px text: a box from the baseline up 11px and down 3px, 0.6em a character (Chromium's system-ui is narrower)
    boxes = [(x, y - 11, len(t) * 6.6, 14) for t, x, y in texts]
    for i, a in enumerate(boxes):
        assert not any(overlap(a, b) for b in boxes[i + 1:]), texts[i]
        assert not any(overlap(a, (cx - r, cy - r, 2 * r, 2 * r)) for cx, cy, r in circles), texts[i]


def test_outlets_are_sized_by_their_articles():
    edges = [Edge("Wire", "Small Paper", "copy", ("a1",)), Edge("Wire", "Big Paper", "copy", ("a2",))]
    svg = graph_svg(edges, sizes={"Wire": 4, "Small Paper": 1, "Big Paper": 30})
    radius = {m[0]: float(m[1]) for m in re.findall(r'data-outlet="([^"]+)"><circle [^>]* r="([\d.]+)"', svg)}
    assert radius["Big Paper"] > radius["Wire"] > radius["Small Paper"]


def test_unknown_outlets_are_grouped_rather_than_a_hub():
    edges = [Edge(UNKNOWN_OUTLET, f"Paper {i}", "copy", ("a",)) for i in range(30)]
    edges.append(Edge("Wire", "Paper 1", "wire", ("b",)))
    svg = graph_svg(edges)
    assert UNKNOWN_OUTLET not in re.findall(r'data-outlet="([^"]+)"', svg)
    circles, _ = svg_parts(svg)
    assert len(circles) == 2  # Wire and Paper 1: the 30 copies of unknown origin are one note, not 31 nodes
    assert "Pages with no known outlet or site (30 links)" in svg and "and 20 more" in svg


def test_the_same_corpus_gives_the_same_picture():
    assert graph_svg(generated_edges(60)) == graph_svg(generated_edges(60))


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium")
def test_200_outlets_in_chromium_have_no_overlapping_label_boxes(tmp_path):
    from playwright.sync_api import sync_playwright

    from conftest import ROOT
    from newstrace.report.page import page

    path = tmp_path / "graph.html"
    path.write_text(page("graph", graph_svg(generated_edges())), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--headless=new", "--no-sandbox"])
        try:
            tab = browser.new_page(viewport={"width": 1200, "height": 900})
            tab.goto(path.as_uri())
            boxes = tab.evaluate("""() => [...document.querySelectorAll('svg.graph text, svg.graph circle')]
                .map(el => { const b = el.getBBox(); return [el.tagName, b.x, b.y, b.width, b.height]; })""")
            shots = ROOT / "test-artifacts" / "screenshots"
            shots.mkdir(parents=True, exist_ok=True)
            tab.screenshot(path=str(shots / "graph-200-outlets.png"), full_page=True)
        finally:
            browser.close()
    labels = [b[1:] for b in boxes if b[0] == "text"]
    nodes = [b[1:] for b in boxes if b[0] == "circle"]
    assert len(nodes) == 200 and len(labels) >= 195
    for i, a in enumerate(labels):
        assert not any(overlap(a, b) for b in labels[i + 1:])
        assert not any(overlap(a, n) for n in nodes)
