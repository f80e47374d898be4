"""newstrace: take news articles apart into who said what, where it came from, and who else says so."""
from __future__ import annotations

import importlib
from typing import Any

from newstrace.errors import NewstraceError
from newstrace.model import (SCHEMA_VERSION, Analysis, Article, Boilerplate, Check, Claim, Entity, Link, Quote,
                             Signal, Source, Span, Speaker)

__version__ = "0.1.0"

# The pipeline pulls in spaCy (seconds to import): loaded on first use, so that the data model, the store
# and commands that need no NLP start fast.
_LAZY = {"analyze": "newstrace.pipeline", "analyze_path": "newstrace.pipeline", "AnalyzeConfig": "newstrace.pipeline"}

__all__ = ["analyze", "analyze_path", "AnalyzeConfig", "Analysis", "Article", "Boilerplate", "Check", "Claim",
           "Entity", "Link", "NewstraceError", "Quote", "SCHEMA_VERSION", "Signal", "Source", "Span", "Speaker",
           "__version__"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'newstrace' has no attribute {name!r}")
