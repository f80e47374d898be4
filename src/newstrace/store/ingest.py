"""Moved to ``newstrace.jobs.ingest`` (analysing is not the store's job); kept for old imports, loaded on use."""
from __future__ import annotations

import importlib
from typing import Any


def __getattr__(name: str) -> Any:
    if name == "analyses_of":
        return importlib.import_module("newstrace.store.query").analyses_of
    return getattr(importlib.import_module("newstrace.jobs.ingest"), name)
