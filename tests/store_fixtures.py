"""Store fixtures: every store test runs against SQLite and against a real PostgreSQL."""
from __future__ import annotations

import os

import pytest

from pg_server import SKIP_REASON, PgServer, create_database, drop_database, find_bin_dir


@pytest.fixture(scope="session")
def pg_admin_url():
    """An admin URL of a PostgreSQL server: ``NEWSTRACE_TEST_PG``, else a throwaway server for this session."""
    if os.environ.get("NEWSTRACE_TEST_PG"):
        yield os.environ["NEWSTRACE_TEST_PG"]
        return
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(SKIP_REASON)
    server = PgServer.create(bin_dir)
    try:
        yield server.admin_url
    finally:
        server.destroy()


@pytest.fixture
def pg_url(pg_admin_url):
    url, name = create_database(pg_admin_url)
    yield url
    drop_database(pg_admin_url, name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A fresh, empty store URL: a SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def pg_server_private(tmp_path):
    """A server of the test's own, which the test may stop and start again."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip(SKIP_REASON)
    server = PgServer.create(bin_dir)
    yield server
    server.destroy()
