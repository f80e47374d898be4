"""The republication graph of a dedup result: a networkx ``DiGraph`` (edge = "copied by"), JSON and GraphML."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from newstrace.corpus.dedup import DedupResult


def to_graph(result: DedupResult) -> nx.DiGraph:
    """Nodes are documents that belong to a cluster; an edge ``a -> b`` says b is a copy of a."""
    graph = nx.DiGraph()
    for number, cluster in enumerate(result.clusters):
        for m in cluster.members:
            d = result.documents[m]
            # GraphML has no null: absent values become empty strings.
            graph.add_node(m, name=d.name, outlet=d.outlet or "", date=d.date or "", cluster=number,
                           earliest=m == cluster.earliest, words=d.words)
        for e in cluster.edges:
            graph.add_edge(e.source, e.target, reason=e.reason, jaccard=e.jaccard, containment=e.containment)
    return graph


def write_graphml(result: DedupResult, path: str | Path) -> None:
    nx.write_graphml(to_graph(result), str(path))


def write_json(result: DedupResult, path: str | Path) -> None:
    Path(path).write_text(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
