"""The republication graph as inline SVG: an arrow from the outlet a text came from to the outlet that republished
or credited it. Laid out server-side by networkx (force-directed, Fruchterman-Reingold, seeded so the same corpus
gives the same picture); outlets sized by their articles; labels placed where they overlap no other label or node,
so the page needs no script library and stays readable at a few hundred outlets."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import Callable

from newstrace.report.corpus_data import UNKNOWN_OUTLET, Edge

MAX_NODES = 250  # the busiest outlets (400 take about 7 s); the edge table below the graph lists every edge
FONT_PX = 11
LABEL_CHARS = 28
CHAR_PX = 0.62 * FONT_PX  # a generous average advance for a sans-serif font (Chromium's is about 0.55)
MARGIN = 24


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def overlaps(self, other: "Box") -> bool:
        return (self.x < other.x + other.w and other.x < self.x + self.w
                and self.y < other.y + other.h and other.y < self.y + self.h)


@dataclass(frozen=True, slots=True)
class Node:
    name: str
    x: float
    y: float
    r: float
    articles: int
    label: Box | None  # None: no free place found; the name is in the node's tooltip and the edge table


def graph_svg(edges: list[Edge], *, link: Callable[[str], str] | None = None, sizes: dict[str, int] | None = None
              ) -> str:
    """An SVG of the outlets in ``edges``; ``sizes`` (outlet → articles) sizes the nodes, ``link(outlet)`` gives
    each node an href (the web UI's outlet page). Edges with an unknown outlet are grouped in one note."""
    known = [x for x in edges if UNKNOWN_OUTLET not in (x.source, x.target)]
    unknown = [x for x in edges if UNKNOWN_OUTLET in (x.source, x.target)]
    nodes, width, height = layout(known, sizes or {})
    if not nodes and not unknown:
        return '<p class="empty">no republication found between outlets</p>'
    at = {n.name: n for n in nodes}
    # with links the outlets are controls: a group of them, not one image (which may not hold controls)
    parts = [f'<div class="graph-scroll"><svg class="graph" width="{width:.0f}" height="{height:.0f}" '
             f'viewBox="0 0 {width:.0f} {height:.0f}" role="{"group" if link else "img"}" '
             'aria-labelledby="graph-title">'
             f'<title id="graph-title">republication graph: {len(nodes)} outlets, {len(known)} links</title>',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" '
             'markerWidth="9" markerHeight="9" '
             'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#767676"/></marker></defs>']
    parts += [_line(at[x.source], at[x.target], x) for x in known if x.source in at and x.target in at]
    parts += [_node(n, link) for n in nodes]
    parts.append("</svg></div>")
    return "".join(parts) + _unknown_note(unknown)


def layout(edges: list[Edge], sizes: dict[str, int]) -> tuple[list[Node], float, float]:
    """Nodes with positions, radii and label boxes, and the canvas size (grows with the number of outlets)."""
    import networkx as nx

    weight = Counter()
    for x in edges:
        weight[x.source] += len(x.articles)
        weight[x.target] += len(x.articles)
    names = [name for name, _ in weight.most_common(MAX_NODES)]
    if not names:
        return [], 0, 0
    graph = nx.Graph()
    graph.add_nodes_from(sorted(names))
    graph.add_edges_from((x.source, x.target) for x in edges if x.source in weight and x.target in weight
                         and x.source in graph and x.target in graph)
    side = max(480.0, 165 * math.sqrt(len(names)))
    positions = nx.spring_layout(graph, k=3.0 / math.sqrt(len(names)), iterations=200, seed=7)
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1, (max(ys) - min(ys)) or 1
    pad_x, pad_y = MARGIN + 80, MARGIN + 20  # room for the labels of the outermost outlets
    placed: list[tuple[str, float, float, float]] = []
    for name in names:  # busiest first: they get the best label places
        px, py = positions[name]
        x = pad_x + (px - min(xs)) / span_x * (side - 2 * pad_x) if len(names) > 1 else side / 2
        y = pad_y + (py - min(ys)) / span_y * (side - 2 * pad_y) if len(names) > 1 else side / 2
        placed.append((name, x, y, 4 + min(14, 2.2 * math.sqrt(sizes.get(name, weight[name])))))
    placed = _spread(placed, side, pad_x, pad_y)
    return _labelled(placed, sizes, weight), side, side


def _spread(placed: list[tuple[str, float, float, float]], side: float, pad_x: float, pad_y: float,
            rounds: int = 80, room: float = 30.0) -> list[tuple[str, float, float, float]]:
    """Push apart nodes closer than their radii plus ``room`` (a force layout leaves the leaves of a busy outlet
    bunched), keeping them on the canvas: room for a label next to each."""
    import numpy as np

    xy = np.array([(x, y) for _, x, y, _ in placed], dtype=float)
    r = np.array([r for *_, r in placed], dtype=float)
    need = r[:, None] + r[None, :] + room
    np.fill_diagonal(need, 0)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        dist = np.sqrt((delta ** 2).sum(-1)) + np.eye(len(xy))
        push = np.clip(need - dist, 0, None) / 2
        if not push.any():
            break
        xy += (delta / dist[..., None] * push[..., None]).sum(1)
        xy[:, 0] = xy[:, 0].clip(pad_x, side - pad_x)
        xy[:, 1] = xy[:, 1].clip(pad_y, side - pad_y)
    return [(name, float(x), float(y), rad) for (name, _, _, rad), (x, y) in zip(placed, xy)]


def _labelled(placed: list[tuple[str, float, float, float]], sizes: dict[str, int], weight: Counter) -> list[Node]:
    """Give each node a label box that overlaps no earlier label and no node; candidates: above, below, right,
    left, then the same further out."""
    taken = [Box(x - r, y - r, 2 * r, 2 * r) for _, x, y, r in placed]
    nodes = []
    for name, x, y, r in placed:
        w, h = label_size(name)
        label = None
        for bx, by in _candidates(x, y, r, w, h):
            box = Box(bx, by, w, h)
            if bx >= 0 and by >= 0 and not any(box.overlaps(t) for t in taken):
                label = box
                break
        if label:
            taken.append(label)
        nodes.append(Node(name, x, y, r, sizes.get(name, weight[name]), label))
    return nodes


def _candidates(x: float, y: float, r: float, w: float, h: float):
    """Label corners around a node, nearest first: above, below, right, left, the four diagonals, further out."""
    for gap in (2, 7, 14, 24, 36, 50):
        d = r + gap
        yield from ((x - w / 2, y - d - h), (x - w / 2, y + d), (x + d, y - h / 2), (x - d - w, y - h / 2),
                    (x + d * .7, y - d * .7 - h), (x - d * .7 - w, y - d * .7 - h), (x + d * .7, y + d * .7),
                    (x - d * .7 - w, y + d * .7))


def label_size(name: str) -> tuple[float, float]:
    return len(_short(name)) * CHAR_PX + 4, FONT_PX * 1.3


def _short(name: str) -> str:
    return name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1] + "…"


def _node(n: Node, link: Callable[[str], str] | None) -> str:
    out = (f'<circle cx="{n.x:.1f}" cy="{n.y:.1f}" r="{n.r:.1f}"><title>{escape(n.name)}: {n.articles} articles'
           f'</title></circle>')
    if n.label:
        out += (f'<text x="{n.label.x + 2:.1f}" y="{n.label.y + FONT_PX:.1f}" data-w="{n.label.w:.1f}" '
                f'data-h="{n.label.h:.1f}">{escape(_short(n.name))}</text>')
    if link:
        out = f'<a href="{escape(link(n.name), quote=True)}" class="node" aria-label="{escape(n.name)}">{out}</a>'
    return f'<g class="outlet" data-outlet="{escape(n.name)}">{out}</g>'


def _line(a: Node, b: Node, edge: Edge) -> str:
    length = math.hypot(b.x - a.x, b.y - a.y) or 1
    shrink = (b.r + 3) / length  # stop short of the node so the arrowhead shows
    x2, y2 = b.x - (b.x - a.x) * shrink, b.y - (b.y - a.y) * shrink
    width = 1 + min(4, math.log2(1 + len(edge.articles)))
    return (f'<line x1="{a.x:.1f}" y1="{a.y:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{width:.1f}" '
            f'marker-end="url(#arrow)"><title>{escape(edge.source)} → {escape(edge.target)}: {escape(edge.kind)}, '
            f'{len(edge.articles)} articles</title></line>')


def _unknown_note(edges: list[Edge]) -> str:
    """Copies whose outlet is not known, in one line instead of a hub in the middle of the picture."""
    if not edges:
        return ""
    partners = Counter()
    for x in edges:
        partners[x.target if x.source == UNKNOWN_OUTLET else x.source] += len(x.articles)
    listed = ", ".join(f"{escape(name)} ({n})" for name, n in partners.most_common(10))
    more = f" and {len(partners) - 10} more" if len(partners) > 10 else ""
    return (f'<p class="unknown-outlets">Pages with no known outlet or site ({sum(partners.values())} links), '
            f'grouped here rather than drawn: linked with {listed}{more}.</p>')
