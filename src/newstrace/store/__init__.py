"""The store: analyses in SQLite (default, one file) or PostgreSQL, with versioned schema and full-text search."""
from newstrace.store.connection import DEFAULT_DB, Database, StoreOptions, connect, is_postgres
from newstrace.store.open import open_store
from newstrace.store.write import Saved, save_analysis

__all__ = ["DEFAULT_DB", "Database", "StoreOptions", "connect", "is_postgres", "open_store", "Saved",
           "save_analysis"]
