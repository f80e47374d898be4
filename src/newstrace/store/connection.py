"""Opening a store: SQLite (a file path, the default) or PostgreSQL (``postgresql://…``), one small API for both.

SQL in this package is written with ``?`` placeholders; ``Database`` rewrites them for psycopg. Driver errors
that a user can cause (a locked file, a server that went away) become one-line ``NewstraceError``s here.
"""
from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

from newstrace.errors import StoreLocked, StoreProblem, StoreUnavailable

DEFAULT_DB = "newstrace.db"
DEFAULT_BUSY_TIMEOUT = 5.0
_PG_SCHEMES = ("postgresql://", "postgres://")


@dataclass(frozen=True, slots=True)
class StoreOptions:
    """How to open the store: seconds to wait for another SQLite writer, PostgreSQL connect timeout."""

    busy_timeout: float = DEFAULT_BUSY_TIMEOUT
    connect_timeout: int = 10


def is_postgres(url: str) -> bool:
    return url.startswith(_PG_SCHEMES)


class Database:
    """A connection plus its dialect (``sqlite`` or ``postgresql``); every statement goes through ``execute``."""

    def __init__(self, conn: Any, dialect: str, name: str):
        self.conn = conn
        self.dialect = dialect
        self.name = name

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.errors():
            return self.conn.execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        with self.errors():
            if self.dialect == "sqlite":
                self.conn.executemany(sql, rows)
            else:
                with self.conn.cursor() as cur:
                    cur.executemany(self._sql(sql), rows)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return row[0] if row else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator["Database"]:
        """One unit of work: committed whole or not at all (SQLite takes the write lock up front)."""
        with self.errors():
            if self.dialect == "sqlite":
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self
                except BaseException:
                    self.conn.rollback()
                    raise
                self.conn.commit()
            else:
                with self.conn.transaction():
                    yield self

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Turn the driver's locked / gone-away errors into one-line newstrace errors."""
        try:
            yield
        except sqlite3.OperationalError as err:
            raise _sqlite_error(err, self.name) from None
        except Exception as err:  # psycopg is optional: recognise its errors by module
            translated = _postgres_error(err, self.name)
            if translated is None:
                raise
            raise translated from None

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _sql(self, sql: str) -> str:
        if self.dialect == "sqlite":
            return sql
        return re.sub(r"\?", "%s", sql.replace("%", "%%"))


def connect(url: str = DEFAULT_DB, options: StoreOptions = StoreOptions()) -> Database:
    """Open (not migrate) the database at ``url``: a file path or a ``postgresql://`` URL."""
    if is_postgres(url):
        return _connect_postgres(url, options)
    return _connect_sqlite(url, options)


def _connect_sqlite(path: str, options: StoreOptions) -> Database:
    target = Path(path.removeprefix("sqlite:///").removeprefix("sqlite://"))
    if target.is_dir():
        raise StoreProblem("is a folder, not a database file", source=str(target))
    if not target.parent.exists():
        raise StoreProblem("the folder for the database file does not exist", source=str(target))
    try:
        conn = sqlite3.connect(target, timeout=options.busy_timeout, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as err:
        raise _sqlite_error(err, str(target)) from None
    return Database(conn, "sqlite", str(target))


def _connect_postgres(url: str, options: StoreOptions) -> Database:
    try:
        import psycopg
    except ImportError:
        raise StoreProblem("PostgreSQL needs psycopg: pip install 'newstrace[postgres]'") from None
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=options.connect_timeout)
    except psycopg.Error as err:
        raise StoreUnavailable(f"cannot connect to PostgreSQL: {_first_line(err)}", source=_redact(url)) from None
    return Database(conn, "postgresql", _redact(url))


def _sqlite_error(err: sqlite3.DatabaseError, name: str) -> Exception:
    text = str(err)
    if "locked" in text or "busy" in text:
        return StoreLocked("the database is locked by another writer; wait for it to finish, then re-run "
                           "(stored articles are kept; the run resumes where it stopped)", source=name)
    if "not a database" in text or "malformed" in text:
        return StoreProblem(f"not a usable SQLite database ({text})", source=name)
    if "unable to open" in text or "readonly" in text:
        return StoreProblem(f"cannot open the database ({text})", source=name)
    return err


def _postgres_error(err: Exception, name: str) -> Exception | None:
    if not type(err).__module__.startswith("psycopg"):
        return None
    import psycopg

    if isinstance(err, (psycopg.OperationalError, psycopg.InterfaceError)):
        return StoreUnavailable(f"the PostgreSQL server went away or refused the connection ({_first_line(err)}); "
                                "committed articles are kept, re-run to resume", source=name)
    return None


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
