"""The republication graph as inline SVG: outlets on a circle, an arrow from the outlet a text came from to
the outlet that republished or credited it. Computed here, so the page needs no script library."""
from __future__ import annotations

import math
from collections import Counter
from html import escape
from typing import Callable

from newstrace.report.corpus_data import Edge

MAX_NODES = 40  # beyond this the picture is unreadable; the edge table below it lists everything


def graph_svg(edges: list[Edge], *, link: Callable[[str], str] | None = None, size: int = 640) -> str:
    """An SVG of the busiest outlets; ``link(outlet)`` gives each node an href (the web UI's outlet page)."""
    degree = Counter()
    for edge in edges:
        degree[edge.source] += len(edge.articles)
        degree[edge.target] += len(edge.articles)
    nodes = [name for name, _ in degree.most_common(MAX_NODES)]
    if not nodes:
        return '<p class="empty">no republication found between outlets</p>'
    centre, radius = size / 2, size / 2 - 110
    at = {name: (centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
                 centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2))
          for i, name in enumerate(nodes)}
    parts = [f'<svg class="graph" viewBox="0 0 {size} {size}" role="img" aria-label="republication graph">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#888"/></marker></defs>']
    for edge in edges:
        if edge.source in at and edge.target in at:
            parts.append(_line(at[edge.source], at[edge.target], edge))
    for name in nodes:
        x, y = at[name]
        r = 5 + min(12, 2 * math.sqrt(degree[name]))
        label = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"><title>{escape(name)}: {degree[name]} links'
                 f'</title></circle><text x="{x:.1f}" y="{y - r - 4:.1f}" text-anchor="middle">{escape(name[:30])}</text>')
        if link:
            label = f'<a href="{escape(link(name), quote=True)}" class="node">{label}</a>'
        parts.append(label)
    parts.append("</svg>")
    return "".join(parts)


def _line(a: tuple[float, float], b: tuple[float, float], edge: Edge) -> str:
    (x1, y1), (x2, y2) = a, b
    length = math.hypot(x2 - x1, y2 - y1) or 1
    shrink = 16 / length  # stop short of the node so the arrowhead shows
    x2, y2 = x2 - (x2 - x1) * shrink, y2 - (y2 - y1) * shrink
    width = 1 + min(5, math.log2(1 + len(edge.articles)))
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{width:.1f}" '
            f'marker-end="url(#arrow)"><title>{escape(edge.source)} → {escape(edge.target)}: {escape(edge.kind)}, '
            f'{len(edge.articles)} articles</title></line>')
