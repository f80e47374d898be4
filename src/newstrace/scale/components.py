"""Connected components of the verified pairs, on Dask, by min-label propagation.

Each article starts as its own label; every round (one task shuffle), each article takes the smallest label
among its own and its neighbours', until no label changes (rounds ≈ the widest cluster's diameter, 2–4 for
copies of a story). A label is ``(no date, date, doc_id, url)``, so the smallest label of a cluster is its
earliest version and no extra pass is needed to find it. Nothing is gathered in the client but a count.
"""
from __future__ import annotations

from typing import Any, Iterator

import dask.bag as db
import pyarrow.parquet as pq

Node = tuple[bool, str, str, str | None]  # (date missing, date, doc_id, url): ordered earliest first
MAX_ROUNDS = 50


def node(doc_id: str, date: str | None, url: str | None) -> Node:
    return (date is None, date or "", doc_id, url)


def pair_edges(path: str) -> list[tuple[Node, Node]]:
    """Both directions of every verified pair of one pairs file."""
    table = pq.read_table(path, columns=["doc_a", "doc_b", "url_a", "url_b", "date_a", "date_b"])
    edges = []
    for r in table.to_pylist():
        a, b = node(r["doc_a"], r["date_a"], r["url_a"]), node(r["doc_b"], r["date_b"], r["url_b"])
        edges += [(a, b), (b, a)]
    return edges


def components(client: Any, edges: db.Bag, npartitions: int) -> db.Bag:
    """``(node, label)`` for every node of ``edges``; the label is the component's smallest node."""
    grouped = edges.groupby(lambda e: e[0], shuffle="tasks", npartitions=npartitions)
    state = client.persist(grouped.map(lambda kv: (kv[0], kv[0], [x for _, x in kv[1]], False)))
    for _ in range(MAX_ROUNDS):
        offers = state.map(_offers).flatten()
        state = client.persist(offers.groupby(lambda o: o[0], shuffle="tasks", npartitions=npartitions).map(_take_smallest))
        if not client.compute(state.map(lambda s: int(s[3])).sum(), sync=True):
            break
    return state.map(lambda s: (s[0], s[1]))


State = tuple[Node, Node, list[Node], bool]  # node, label, neighbours, changed in the last round


def _offers(state: State) -> list[tuple[Node, Node, list[Node] | None]]:
    """A node's label, offered to itself (with its neighbours, to keep them) and to each neighbour."""
    me, label, neighbours, _ = state
    return [(me, label, neighbours)] + [(x, label, None) for x in neighbours]


def _take_smallest(group: tuple[Node, list[tuple[Node, Node, list[Node] | None]]]) -> State:
    """The smallest label offered; ``changed`` when it is smaller than the node's own."""
    me, offers = group
    _, own, neighbours = next(o for o in offers if o[2] is not None)
    best = min(label for _, label, _ in offers)
    return me, best, neighbours, best < own


def cluster_rows(group: tuple[Node, list[tuple[Node, Node]]]) -> Iterator[dict[str, Any]]:
    """The rows of one cluster (its label is its earliest member)."""
    earliest, members = group
    docs = sorted({m for m, _ in members}, key=lambda m: m[2])
    for m in docs:
        yield {"cluster_id": earliest[2], "doc_id": m[2], "url": m[3], "date": None if m[0] else m[1],
               "size": len(docs), "earliest": m == earliest, "earliest_doc_id": earliest[2], "earliest_url": earliest[3]}
