"""Open a store ready for use: connect, then bring its schema up to date."""
from __future__ import annotations

from newstrace.store.connection import DEFAULT_DB, Database, StoreOptions, connect
from newstrace.store.migrations import migrate


def open_store(url: str = DEFAULT_DB, options: StoreOptions = StoreOptions()) -> Database:
    """A migrated store at ``url`` (SQLite path or ``postgresql://`` URL); close it or use it in ``with``."""
    db = connect(url, options)
    try:
        migrate(db)
    except BaseException:
        db.close()
        raise
    return db
