"""The store: analyses in SQLite (default, one file) or PostgreSQL, with versioned schema and full-text search."""
from __future__ import annotations

import importlib
from typing import Any

# Loaded on first use: writing pulls in the corpus tools (numpy, datasketch), which the CLI's
# ``--db`` defaults (``store.connection``) do not need.
_LAZY = {"DEFAULT_DB": "connection", "Database": "connection", "StoreOptions": "connection", "connect": "connection",
         "is_postgres": "connection", "open_store": "open", "Saved": "write", "save_analysis": "write"}

__all__ = ["DEFAULT_DB", "Database", "StoreOptions", "connect", "is_postgres", "open_store", "Saved",
           "save_analysis"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"newstrace.store.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'newstrace.store' has no attribute {name!r}")
