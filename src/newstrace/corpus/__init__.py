"""Stage: the corpus. Copies of the same text across many articles, and who copied whom."""
from newstrace.corpus.dedup import Cluster, DedupConfig, DedupResult, Document, Edge, Pair, dedup
from newstrace.corpus.graph import to_graph, write_graphml, write_json

__all__ = ["dedup", "DedupConfig", "DedupResult", "Document", "Cluster", "Edge", "Pair", "to_graph",
           "write_graphml", "write_json"]
