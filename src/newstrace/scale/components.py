"""Connected components of the verified pairs, on Dask, by min-label propagation.

Each article starts as its own label; every round (one task shuffle), each article takes the smallest label
among its own and its neighbours', until no label changes (rounds ≈ the widest cluster's diameter, 2–4 for
copies of a story). A node is ``(no date, date, doc_id, url, outlet, upstream)``; the smallest label names
the cluster, and its earliest version is chosen among the members by the corpus stage's rule
(``corpus.dedup.rank_versions``: provenance first, then dates). Nothing is gathered in the client but a count.
"""
from __future__ import annotations

from typing import Any, Iterator

import dask.bag as db
import pyarrow.parquet as pq

from newstrace.corpus.dedup import Version, rank_versions

# (date missing, date, doc_id, url, outlet, upstream outlets): ordered by date, then by doc_id (input order)
Node = tuple[bool, str, str, str | None, str | None, tuple[str, ...]]
MAX_ROUNDS = 50


def node(doc_id: str, date: str | None, url: str | None, outlet: str | None = None,
         upstream: tuple[str, ...] = ()) -> Node:
    return (date is None, date or "", doc_id, url, outlet, tuple(upstream))


def version(n: Node) -> Version:
    return Version(n[4], n[5], None if n[0] else n[1])


def pair_edges(path: str) -> list[tuple[Node, Node]]:
    """Both directions of every verified pair of one pairs file."""
    edges = []
    for r in pq.read_table(path).to_pylist():
        a, b = (node(r[f"doc_{x}"], r[f"date_{x}"], r[f"url_{x}"], r.get(f"outlet_{x}"),
                     tuple(r.get(f"upstream_{x}") or ())) for x in "ab")
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
    """The rows of one cluster, named by its earliest version (provenance first, then dates, then input order)."""
    _, members = group
    docs = sorted({m for m, _ in members}, key=lambda m: m[2])
    ranked, why = rank_versions([version(m) for m in docs])
    earliest = docs[ranked[0]]
    for m in docs:
        yield {"cluster_id": earliest[2], "doc_id": m[2], "url": m[3], "date": None if m[0] else m[1],
               "size": len(docs), "earliest": m == earliest, "earliest_doc_id": earliest[2],
               "earliest_url": earliest[3], "why": why}
