"""The store commands: output formats, and the exit code and one-line message each bad input gets."""
from __future__ import annotations

import csv
import io
import json
import socket
import sqlite3

import pytest
from store_helpers import budget_story

from newstrace.cli import main
from newstrace.store import open_store, save_analysis

STORY = "Heavy rain flooded the main station in Lyon on Monday, the transport authority said."


@pytest.fixture
def filled(db_url):
    with open_store(db_url) as db:
        save_analysis(db, budget_story())
    return db_url


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_then_query_in_every_format(db_url, tmp_path, capsys, nlp):
    (tmp_path / "a.txt").write_text(f"Flood in Lyon\n\n{STORY}\n")
    code, _, err = run(capsys, "ingest", str(tmp_path / "a.txt"), "--db", db_url, "--quiet")
    assert code == 0 and err == ""
    code, out, _ = run(capsys, "story", str(tmp_path / "a.txt"), "--db", db_url, "--format", "json")
    assert code == 0 and json.loads(out)["article"]["title"] == "Flood in Lyon"
    code, out, _ = run(capsys, "sources", "--db", db_url, "--format", "csv")
    assert code == 0 and list(csv.DictReader(io.StringIO(out)))[0]["originals"] == "1"
    code, out, _ = run(capsys, "story", str(tmp_path / "a.txt"), "--db", db_url)
    assert code == 0 and "Flood in Lyon" in out and "versions" in out


def test_query_commands_print_rows(filled, capsys):
    code, out, _ = run(capsys, "speakers", "--db", filled, "--format", "json")
    assert code == 0 and json.loads(out)[0]["name"] == "Jane Doe"
    code, out, _ = run(capsys, "quotes", "--speaker", "Doe", "--db", filled, "--format", "csv")
    assert code == 0 and "We will finish the lanes" in out
    code, out, _ = run(capsys, "claims", "--about", "Lyon", "--checks", "inconsistent", "--db", filled)
    assert code == 0 and "the council approved a" in out  # the table clips long text to one line (issue 23)
    code, out, _ = run(capsys, "claims", "--about", "Lyon", "--checks", "inconsistent", "--db", filled, "-f", "csv")
    assert code == 0 and "4.2 million euros" in out
    code, out, _ = run(capsys, "quotes", "--outlet", "Nobody Times", "--db", filled)
    assert code == 0 and "nothing found" in out
    code, out, _ = run(capsys, "corroborate", "--db", filled, "--no-semantic", "--format", "json")
    assert code == 0 and json.loads(out)[0]["summary"] == "1 independent origin support, 0 contradict (single origin)"


def test_a_malformed_feed_exits_20_with_one_line(tmp_path, capsys):
    feed = tmp_path / "bad.rss"
    feed.write_text("<rss><channel><title>broken</rss>")
    code, _, err = run(capsys, "ingest", str(feed), "--db", str(tmp_path / "s.db"), "--quiet")
    assert code == 20 and err.count("\n") == 1 and "not well-formed XML" in err


def test_an_entity_bomb_feed_is_refused(tmp_path, capsys):
    feed = tmp_path / "bomb.xml"
    feed.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title>'
                    "</channel></rss>")
    code, _, err = run(capsys, "ingest", str(feed), "--db", str(tmp_path / "s.db"), "--quiet")
    assert code == 20 and "declares XML entities" in err


def test_a_jsonl_with_bad_lines_stores_the_good_ones_and_exits_13(tmp_path, capsys, nlp):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"url": "https://a.example/1", "text": STORY}) + "\n{oops\n"
                    + json.dumps({"url": "https://a.example/1", "text": STORY}) + "\n")
    db = str(tmp_path / "s.db")
    code, _, err = run(capsys, "ingest", str(path), "--db", db, "--quiet")
    assert code == 13 and "line 2 is not valid JSON" in err and "1 inputs failed" in err
    with open_store(db) as store:
        assert store.scalar("SELECT COUNT(*) FROM article_versions") == 1  # the duplicate line was a no-op


def test_conflicting_content_for_one_url_is_noted_and_both_versions_kept(tmp_path, capsys, nlp):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"url": "https://a.example/1", "text": STORY}) + "\n"
                    + json.dumps({"url": "https://a.example/1", "text": STORY + " Trains run again."}) + "\n")
    code, _, err = run(capsys, "ingest", str(path), "--db", str(tmp_path / "s.db"))
    assert code == 0 and "different content twice in this run" in err and "1 new versions" in err


def test_a_locked_database_exits_22_and_a_rerun_resumes(tmp_path, capsys, nlp):
    db = str(tmp_path / "s.db")
    open_store(db).close()
    (tmp_path / "a.txt").write_text(STORY)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = run(capsys, "ingest", str(tmp_path / "a.txt"), "--db", db, "--busy-timeout", "0.2", "-q")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 22 and "locked by another writer" in err and err.count("\n") == 1
    code, _, _ = run(capsys, "ingest", str(tmp_path / "a.txt"), "--db", db, "-q")
    assert code == 0
    with open_store(db) as store:
        assert store.scalar("SELECT COUNT(*) FROM articles") == 1


def test_an_unreachable_postgresql_exits_23(capsys):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, _, err = run(capsys, "speakers", "--db", f"postgresql://nobody:secret@127.0.0.1:{port}/x")
    assert code == 23 and "cannot connect to PostgreSQL" in err and "secret" not in err


def test_an_unknown_story_exits_25(filled, capsys):
    code, _, err = run(capsys, "story", "feedface00", "--db", filled)
    assert code == 25 and "no stored article" in err


def test_an_unknown_claim_exits_25(filled, capsys):
    code, _, err = run(capsys, "corroborate", "--claim", "abc:c9", "--db", filled, "--no-semantic")
    assert code == 25


def test_a_missing_input_exits_3(tmp_path, capsys):
    code, _, err = run(capsys, "ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "s.db"), "-q")
    assert code == 3 and "no such file" in err


def test_a_file_that_is_not_a_database_exits_24(tmp_path, capsys):
    bad = tmp_path / "x.db"
    bad.write_text("hello " * 1000)
    code, _, err = run(capsys, "sources", "--db", str(bad))
    assert code == 24 and "not a usable SQLite database" in err


def test_recluster_merges_near_copies_before_counting(db_url, capsys):
    from store_helpers import make_analysis

    claim = "The Lyon council approved a budget of 4.2 million euros for bike lanes in March 2024."
    filler = " Residents reacted with mixed feelings to the plan announced at the town hall meeting on Friday."
    with open_store(db_url) as db:
        save_analysis(db, make_analysis(claim + filler, url="https://a.example", outlet="A", claims=[claim]))
        save_analysis(db, make_analysis(claim + filler + " Copyright B.", url="https://b.example", outlet="B",
                                        claims=[claim]))
    code, out, _ = run(capsys, "corroborate", "https://a.example", "--db", db_url, "--no-semantic", "-f", "json")
    assert code == 0 and json.loads(out)[0]["supporting_origins"] == 2
    code, out, _ = run(capsys, "corroborate", "https://a.example", "--db", db_url, "--no-semantic", "-f", "json",
                       "--recluster")
    assert code == 0 and json.loads(out)[0]["summary"].endswith("(single origin)")


def test_stdin_articles_are_located_by_content_not_by_dash(tmp_path, capsys, monkeypatch, nlp):
    import sys as _sys

    db = str(tmp_path / "s.db")
    for text in (STORY, STORY + " Trains run again."):
        monkeypatch.setattr(_sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        assert run(capsys, "ingest", "-", "--db", db, "-q")[0] == 0
    with open_store(db) as store:
        rows = store.rows("SELECT locator, version FROM article_versions ORDER BY seen_at")
    assert len(rows) == 2 and all(r["version"] == 1 and r["locator"].startswith("article:") for r in rows)
