"""The store's schema: versioned migrations, real constraints, and what happens with a wrong database."""
from __future__ import annotations

import json
import sqlite3

import pytest

from newstrace.errors import StoreProblem
from newstrace.store import connect, open_store
from newstrace.store.columns import MIRRORS, columns
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


def table_columns(db, table: str) -> dict[str, str]:
    """Column -> declared type, read from the database itself."""
    if db.dialect == "sqlite":
        return {r["name"]: r["type"] for r in db.rows(f"PRAGMA table_info({table})")}
    return {r["column_name"]: r["data_type"] for r in db.rows(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = ?", (table,))}


SQL_TYPES = {"sqlite": {"TEXT": "TEXT", "INTEGER": "INTEGER", "REAL": "REAL"},
             "postgresql": {"TEXT": "text", "INTEGER": "integer", "REAL": "double precision"}}


@pytest.mark.parametrize("table", sorted(MIRRORS))
def test_every_scalar_model_field_has_a_column_of_its_type_after_the_migrations(db_url, table):
    with open_store(db_url) as db:
        have = table_columns(db, table)
        for column, kind in columns(table).items():
            assert column in have, f"{table}.{column}: the model has the field, no migration adds the column"
            assert have[column] == SQL_TYPES[db.dialect][kind], (table, column, have[column])


def test_a_store_of_version_4_gains_the_flag_columns_filled_from_its_rows(db_url):
    from newstrace.model import Analysis, Article, Claim, Quote, Span
    from newstrace.store.migrations import _apply
    from newstrace.store.write import save_analysis

    text = "Tax rose, he said."
    analysis = Analysis(Article(text=text), quotes=[Quote("Q1", Span.of(text, 0, 18), Span.of(text, 0, 8),
                                                          inferred=True)],
                        claims=[Claim("C1", Span.of(text, 0, 8), 0.2, checkworthy=False)])
    with connect(db_url) as db:
        with db.transaction():
            db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                       "applied_at TEXT NOT NULL)")
        for migration in MIGRATIONS[:4]:
            _apply(db, migration)
        with db.transaction():  # a row as the version-4 writer stored it: the flags only in its JSON
            aid = analysis.article.id
            db.execute("INSERT INTO articles (id, source_format, text, body, norm_hash, analysis, ingested_at) "
                       "VALUES (?, 'text', ?, ?, 'n', ?, 'now')", (aid, text, text, json.dumps(analysis.to_dict())))
            db.execute("INSERT INTO claims (article_id, local_id, start_char, end_char, text, score, negated, data) "
                       "VALUES (?, 'C1', 0, 8, 'Tax rose', 0.2, 0, ?)", (aid, json.dumps(analysis.claims[0].to_dict())))
            db.execute("INSERT INTO quotes (article_id, local_id, kind, start_char, end_char, text, content, "
                       "confidence, data) VALUES (?, 'Q1', 'direct', 0, 18, ?, 'Tax rose', 1.0, ?)",
                       (aid, text, json.dumps(analysis.quotes[0].to_dict())))
        assert migrate(db) == LATEST
        assert db.scalar("SELECT checkworthy FROM claims") == 0 and db.scalar("SELECT inferred FROM quotes") == 1
        save_analysis(db, Analysis(Article(text="Another text."),
                                   claims=[Claim("C1", Span.of("Another text.", 0, 7), 0.9)]))
        assert sorted(r["checkworthy"] for r in db.rows("SELECT checkworthy FROM claims")) == [0, 1]


def columns_of(db, table: str) -> dict[str, tuple[str, bool]]:
    """Column -> (type, NOT NULL), read from the database itself."""
    if db.dialect == "sqlite":
        return {r["name"]: (r["type"], bool(r["notnull"])) for r in db.rows(f"PRAGMA table_info({table})")}
    return {r["column_name"]: (r["data_type"], r["is_nullable"] == "NO") for r in db.rows(
        "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ?", (table,))}


def generated_columns(dialect: str, table: str) -> dict[str, tuple[str, bool]]:
    """Column -> (type, NOT NULL) as ``store.schema.create_table`` declares them."""
    from newstrace.store.schema import STORE_COLUMNS, model_columns

    names = {"sqlite": {"{pk}": "INTEGER", "{float}": "REAL"},
             "postgresql": {"{pk}": "bigint", "{float}": "double precision", "TEXT": "text", "INTEGER": "integer"}}
    before, after, _ = STORE_COLUMNS[table]
    out = {}
    for definition in (*before, *model_columns(table), *after):
        name, kind = definition.split()[:2]
        pk_not_null = kind == "{pk}" and dialect == "postgresql"  # SQLite says 0 for an INTEGER PRIMARY KEY
        out[name] = (names[dialect].get(kind, kind), "NOT NULL" in definition or pk_not_null)
    return out


def upgraded_from_version_one(db) -> None:
    from newstrace.store.migrations import _apply

    with db.transaction():
        db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                   "applied_at TEXT NOT NULL)")
    _apply(db, MIGRATIONS[0])
    migrate(db)


@pytest.mark.parametrize("table", sorted(MIRRORS))
def test_a_new_store_has_the_tables_generated_from_the_model(db_url, table):
    from newstrace.store.migrations import dialect_types
    from newstrace.store.schema import create_table

    with open_store(db_url) as db:
        have = columns_of(db, table)
        have.pop("tsv", None)  # PostgreSQL's full-text column (a migration's, not the table's)
        assert have == generated_columns(db.dialect, table)
        if db.dialect == "sqlite":
            sql = db.scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
            assert sql == create_table(table).format(**dialect_types("sqlite"))


@pytest.mark.parametrize("table", sorted(MIRRORS))
def test_a_store_upgraded_from_version_one_has_the_columns_of_a_new_one(db_url, table):
    """The migrations stay valid: an old store ends with the columns the model generates for a new one."""
    with connect(db_url) as db:
        upgraded_from_version_one(db)
        have = columns_of(db, table)
        have.pop("tsv", None)
    assert have == generated_columns(db.dialect, table)


def test_an_upgraded_store_and_a_new_one_have_the_same_indexes_keys_and_full_text_tables(tmp_path):
    def shape(path):
        plain = sqlite3.connect(path)
        objects = {(r[0], r[1]) for r in plain.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE "
                                                       "'sqlite_autoindex%'")}
        keys = {(t, *r[2:5]) for t in MIRRORS for r in plain.execute(f"PRAGMA foreign_key_list({t})")}
        unique = {(t, r[1]) for t in MIRRORS for r in plain.execute(f"PRAGMA index_list({t})") if r[2]}
        return objects, keys, {(t, tuple(c[2] for c in plain.execute(f"PRAGMA index_info({n})"))) for t, n in unique}

    open_store(str(tmp_path / "new.db")).close()
    with connect(str(tmp_path / "old.db")) as db:
        upgraded_from_version_one(db)
    assert shape(tmp_path / "new.db") == shape(tmp_path / "old.db")
