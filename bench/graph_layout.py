"""The republication graph at corpus sizes: seconds to draw it, against networkx's force layout alone (the
baseline, measured in the same run), and how many outlets keep a visible label.

    python bench/graph_layout.py [--sizes 50 100 200 400]
"""
from __future__ import annotations

import argparse
import math
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import networkx as nx  # noqa: E402

from newstrace.report.graph import graph_svg  # noqa: E402
from test_graph_layout import generated_edges  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 100, 200, 400])
    args = parser.parse_args()
    print(f"{'outlets':>8} {'layout only s':>14} {'graph_svg s':>12} {'ratio':>6} {'labelled':>9}")
    for n in args.sizes:
        edges = generated_edges(n)
        graph = nx.Graph([(e.source, e.target) for e in edges])
        start = time.perf_counter()
        nx.spring_layout(graph, k=3.0 / math.sqrt(len(graph)), iterations=200, seed=7)
        baseline = time.perf_counter() - start
        start = time.perf_counter()
        svg = graph_svg(edges)
        full = time.perf_counter() - start
        labels = len(re.findall(r"<text ", svg))
        print(f"{n:>8} {baseline:>14.2f} {full:>12.2f} {full / baseline:>6.2f} {labels:>5}/{svg.count('<circle'):<4}")


if __name__ == "__main__":
    main()
