"""Stage: the corpus. Copies of the same text across many articles, and who copied whom."""
from __future__ import annotations

import importlib
import sys
import types

# The exports are imported when first used (PEP 562): ``dedup`` pulls in datasketch, networkx and the provenance
# stage (seconds of a cold start), while ``analyze`` imports ``newstrace.corpus.jsonl`` and ``.feeds`` for every input.
_EXPORTS = {"dedup": "dedup", "DedupConfig": "dedup_config", "DedupResult": "dedup", "Document": "dedup", "Cluster": "dedup",
            "Edge": "dedup", "Pair": "dedup", "to_graph": "graph", "write_graphml": "graph", "write_json": "graph"}

__all__ = list(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"newstrace.corpus.{_EXPORTS[name]}"), name)


class _Corpus(types.ModuleType):
    """``newstrace.corpus.dedup`` is the function, as it was when this package imported it eagerly, even after the
    submodule of the same name is loaded (the import system then sets the attribute to the module: ignored)."""

    @property
    def dedup(self):
        return importlib.import_module("newstrace.corpus.dedup").dedup

    @dedup.setter
    def dedup(self, module) -> None:
        pass


sys.modules[__name__].__class__ = _Corpus
