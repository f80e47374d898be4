"""The store's schema: versioned migrations, real constraints, and what happens with a wrong database."""
from __future__ import annotations

import sqlite3

import pytest

from newstrace.errors import StoreProblem
from newstrace.store import connect, open_store
from newstrace.store.migrations import LATEST, MIGRATIONS, migrate, schema_version

TABLES = {"articles", "article_versions", "speakers", "quotes", "claims", "checks", "entities", "provenance",
          "boilerplate", "copies", "claim_embeddings", "schema_migrations"}


def table_names(db) -> set[str]:
    if db.dialect == "sqlite":
        return {r["name"] for r in db.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {r["table_name"] for r in db.rows(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}


def test_migrations_create_every_table_and_record_each_version(db_url):
    with open_store(db_url) as db:
        assert TABLES <= table_names(db)
        versions = [r["version"] for r in db.rows("SELECT version FROM schema_migrations ORDER BY version")]
    assert versions == [m.version for m in MIGRATIONS] and versions[-1] == LATEST


def test_migrating_twice_changes_nothing(db_url):
    with open_store(db_url) as db:
        migrate(db)
        assert db.scalar("SELECT COUNT(*) FROM schema_migrations") == len(MIGRATIONS)


def test_a_store_at_version_one_is_upgraded_in_place(db_url):
    with connect(db_url) as db:
        with db.transaction():
            db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at TEXT NOT NULL)")
        from newstrace.store.migrations import _apply
        _apply(db, MIGRATIONS[0])
        assert schema_version(db) == 1 and "claim_embeddings" not in table_names(db)
        assert migrate(db) == LATEST
        assert "claim_embeddings" in table_names(db)


def test_foreign_keys_are_enforced(db_url):
    with open_store(db_url) as db:
        with pytest.raises(Exception):
            with db.transaction():
                db.execute("INSERT INTO article_versions (locator, version, article_id, seen_at) "
                           "VALUES ('x', 1, 'no-such-article', 'now')")
        assert db.scalar("SELECT COUNT(*) FROM article_versions") == 0


def test_sqlite_store_is_one_file_in_wal_mode_readable_by_plain_sqlite(tmp_path):
    path = tmp_path / "corpus.db"
    open_store(str(path)).close()
    plain = sqlite3.connect(path)
    assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert plain.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    indexes = {r[0] for r in plain.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"quotes_norm_speaker", "entities_norm", "copies_cluster"} <= indexes


def test_a_schema_newer_than_the_program_is_refused(db_url):
    with open_store(db_url) as db:
        with db.transaction():
            db.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 'now')",
                       (LATEST + 1,))
    with pytest.raises(StoreProblem, match="newer than this newstrace"):
        open_store(db_url)


def test_a_foreign_articles_table_is_not_taken_for_a_store(tmp_path):
    path = tmp_path / "other.db"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE articles (x)")
    plain.commit()
    plain.close()
    with pytest.raises(StoreProblem, match="not a newstrace store"):
        open_store(str(path))


def test_a_file_that_is_not_sqlite_gets_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some text, not a database\n" * 100)
    with pytest.raises(StoreProblem, match="not a usable SQLite database"):
        open_store(str(path))


def test_database_in_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(StoreProblem, match="does not exist"):
        open_store(str(tmp_path / "nope" / "x.db"))
