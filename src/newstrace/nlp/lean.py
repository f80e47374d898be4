"""What keeps the NLP stage lean: spaCy imported without torch, numpy's BLAS on one thread while articles go through.

Importing spaCy without torch: thinc imports torch when it is installed (1.3 s and 200 MB of a cold start).

The English model is spaCy's own CNN pipeline and never runs through thinc's PyTorch shims, so while spaCy and
thinc are first imported, ``import torch`` is made to fail; thinc then records that it has no torch and nothing
else changes. Afterwards torch imports normally, for the stages that use it (the MiniLM embeddings).
"""
from __future__ import annotations

import contextlib
import sys


def import_spacy_without_torch() -> None:
    """Import spaCy (and thinc) first, with torch hidden from them; a no-op once spaCy or torch is imported."""
    if "spacy" in sys.modules or "torch" in sys.modules:
        return
    sys.modules["torch"] = None  # type: ignore[assignment]  # ``import torch`` raises ImportError
    try:
        import spacy  # noqa: F401
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]


def one_blas_thread() -> contextlib.AbstractContextManager:
    """numpy's BLAS (OpenBLAS) limited to one thread, restored on exit.

    The stages multiply small matrices (the role tagger's LSTM, the check-worthiness layers), for which OpenBLAS's
    threads spend more time waiting for each other than they save: on 2 busy cores the role tagger took 3x the CPU
    time with 2 threads than with 1. A batch runs one worker process per core, which is where parallelism pays.
    """
    from threadpoolctl import threadpool_limits  # a dependency of scikit-learn

    return threadpool_limits(limits=1, user_api="blas")
