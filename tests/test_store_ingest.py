"""Ingest with the real pipeline: no-op re-runs, versions, duplicates and conflicts, interruption and resume."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newstrace.errors import StoreUnavailable
from newstrace.jobs.ingest import ingest
from newstrace.store import open_store

ROOT = Path(__file__).resolve().parent.parent
STORIES = [
    "Heavy rain flooded the main station in Lyon on Monday, the transport authority said.",
    "The council of Nantes approved a new tram line costing 300 million euros on Tuesday.",
    "A fire destroyed a warehouse near the port of Marseille overnight; nobody was hurt, firefighters said.",
    "Bordeaux will host the national chess championship in May, organisers announced on Wednesday.",
]

HTML_PAGE = ("<html><head><title>Fire in Marseille</title></head><body><article><h1>Fire in Marseille</h1>"
             f"<p>{STORIES[2]}</p><p>{STORIES[2].replace('A fire', 'The blaze')}</p></article></body></html>")


def write_articles(folder: Path, texts=STORIES) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i, text in enumerate(texts):
        path = folder / f"story{i}.txt"
        path.write_text(f"Story number {i}\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    return paths


def counts(url: str) -> tuple[int, int]:
    with open_store(url) as db:
        return db.scalar("SELECT COUNT(*) FROM articles"), db.scalar("SELECT COUNT(*) FROM article_versions")


def test_ingest_stores_each_article_once_and_a_rerun_is_a_no_op(db_url, tmp_path, nlp):
    write_articles(tmp_path / "in")
    report = ingest([str(tmp_path / "in")], db_url)
    assert report.counts["new"] == 4 and not report.failures
    again = ingest([str(tmp_path / "in")], db_url)
    assert again.counts["unchanged"] == 4 and again.counts["new"] == 0
    assert counts(db_url) == (4, 4)


def test_a_changed_file_becomes_a_new_version(db_url, tmp_path, nlp):
    paths = write_articles(tmp_path / "in")
    ingest([str(tmp_path / "in")], db_url)
    paths[0].write_text("Story number 0\n\nThe flood closed the station for two days.\n", encoding="utf-8")
    report = ingest([str(tmp_path / "in")], db_url)
    assert (report.counts["version"], report.counts["unchanged"]) == (1, 3)
    with open_store(db_url) as db:
        versions = db.rows("SELECT version FROM article_versions WHERE locator = ? ORDER BY version",
                           (str(paths[0].resolve()),))
    assert [v["version"] for v in versions] == [1, 2]


def test_jsonl_duplicates_and_conflicting_urls(db_url, tmp_path, nlp):
    lines = [{"url": "https://a.example/1", "text": STORIES[0], "outlet": "A", "title": "Flood"},
             {"url": "https://a.example/1", "text": STORIES[0], "outlet": "A"},  # duplicate
             {"url": "https://a.example/1", "text": STORIES[1], "outlet": "A"},  # same URL, other content
             {"url": "https://b.example/9", "text": STORIES[0], "outlet": "B"},  # same content elsewhere
             {"url": "https://c.example/2", "html": HTML_PAGE},
             "not json"]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n")
    report = ingest([str(path)], db_url)
    assert [report.counts[k] for k in ("new", "unchanged", "version", "copy")] == [2, 1, 1, 1]
    assert len(report.failures) == 1 and "line 6 is not valid JSON" in str(report.failures[0])
    assert report.conflicts and "https://a.example/1" in report.conflicts[0]
    with open_store(db_url) as db:
        row = db.rows("SELECT a.title, a.outlet FROM articles a JOIN article_versions v ON v.article_id = a.id "
                      "WHERE v.locator = 'https://a.example/1' AND v.version = 1")[0]
    assert row == {"title": "Flood", "outlet": "A"}


def test_a_feed_file_is_ingested_item_by_item(db_url, tmp_path, nlp):
    items = "".join(f"<item><title>T{i}</title><link>https://f.example/{i}</link>"
                    f"<description><![CDATA[<p>{text}</p>]]></description></item>"
                    for i, text in enumerate(STORIES[:2]))
    feed = tmp_path / "news.rss"
    feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Times</title>{items}'
                    "</channel></rss>")
    assert ingest([str(feed)], db_url).counts["new"] == 2
    with open_store(db_url) as db:
        assert {r["outlet"] for r in db.rows("SELECT outlet FROM articles")} == {"Feed Times"}


def test_a_warc_file_is_ingested_response_by_response_and_a_rerun_is_a_no_op(tmp_path, nlp):
    from newstrace.reading.warc import warc_response, write_warc

    pages = [HTML_PAGE.replace("Fire in Marseille", f"Fire {i}").encode() for i in range(2)]
    warc = tmp_path / "crawl.warc.gz"
    write_warc(str(warc), [warc_response(f"https://w.example/{i}", page, date="2024-03-01T12:00:00Z")
                           for i, page in enumerate(pages)])
    db = str(tmp_path / "store.db")
    assert ingest([str(warc)], db).counts["new"] == 2  # before: one article, the first record read as text
    assert ingest([str(warc)], db).counts["unchanged"] == 2
    with open_store(db) as store:
        rows = store.rows("SELECT a.url, a.title, v.locator FROM articles a JOIN article_versions v "
                          "ON v.article_id = a.id ORDER BY a.url")
    assert [(r["url"], r["title"], r["locator"]) for r in rows] == [
        (f"https://w.example/{i}", f"Fire {i}", f"https://w.example/{i}") for i in range(2)]


def test_ctrl_c_keeps_what_was_committed_and_a_rerun_resumes(db_url, tmp_path, nlp):
    write_articles(tmp_path / "in")
    seen = []

    def interrupt_after_two(locator, outcome):
        seen.append(outcome)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([str(tmp_path / "in")], db_url, on_item=interrupt_after_two)
    assert counts(db_url) == (2, 2)
    report = ingest([str(tmp_path / "in")], db_url)
    assert (report.counts["unchanged"], report.counts["new"]) == (2, 2)
    assert counts(db_url) == (4, 4)


def test_kill_9_mid_ingest_loses_nothing_committed(tmp_path, nlp):
    folder = tmp_path / "in"
    total = 40
    write_articles(folder, [f"{STORIES[i % 4]} Item {i}." for i in range(total)])
    db = tmp_path / "store.db"
    code = ("import sys; from newstrace.cli import main; "
            f"sys.exit(main(['ingest', {str(folder)!r}, '--db', {str(db)!r}, '--quiet']))")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            if db.exists() and _stored(db) >= 2:
                break
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    stored = _stored(db)
    assert 2 <= stored < total  # killed part-way
    report = ingest([str(folder)], str(db))
    assert report.counts["unchanged"] == stored and report.counts["new"] == total - stored
    assert counts(str(db)) == (total, total)
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=1)
        return conn.execute("SELECT COUNT(*) FROM article_versions").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_postgresql_going_away_mid_ingest_is_a_clean_error_and_resume(pg_server_private, tmp_path, nlp):
    from pg_server import create_database

    write_articles(tmp_path / "in")
    url, _ = create_database(pg_server_private.admin_url)
    stored = []

    def stop_server_after_first(locator, outcome):
        stored.append(locator)
        if len(stored) == 1:
            pg_server_private.stop("immediate")

    with pytest.raises(StoreUnavailable, match="went away|refused") as info:
        ingest([str(tmp_path / "in")], url, on_item=stop_server_after_first)
    assert "\n" not in str(info.value)
    pg_server_private.start()
    report = ingest([str(tmp_path / "in")], url)
    assert (report.counts["unchanged"], report.counts["new"]) == (1, 3)
    assert counts(url) == (4, 4)


def test_stored_analyses_read_back_as_model_objects(db_url, tmp_path, nlp):
    from newstrace.store.query import analyses_of

    write_articles(tmp_path / "in", STORIES[:2])
    ingest([str(tmp_path / "in")], db_url)
    with open_store(db_url) as db:
        back = list(analyses_of(db))
    assert [a.article.text.split("\n")[0] for a in back] == ["Story number 0", "Story number 1"]
    assert all(a.article.sentences for a in back)  # the NLP stage ran and its spans were kept


def test_ingest_stores_a_jsonl_of_finished_analyses_as_they_are(tmp_path, nlp):
    # Analysis JSON lines are recognised by their schema_version: stored, not analysed again, beside article lines.
    from newstrace.model import Analysis, Article, Claim, Span
    from newstrace.store import open_store
    from newstrace.jobs.ingest import ingest
    from newstrace.store.query import load_analysis

    text = "The council paid $5 million for the bridge, the mayor said."
    done = Analysis(Article(text=text, url="https://done.example/1", paragraphs=[Span.of(text, 0, len(text))]),
                    claims=[Claim("C1", Span.of(text, 0, len(text)), 0.2, checkworthy=False)])
    lines = [json.dumps(done.to_dict()),
             json.dumps({"url": "https://raw.example/2", "text": "Ferries will run every hour, the port said."})]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "store.db")
    report = ingest([str(tmp_path / "mixed.jsonl")], db)
    assert report.counts["new"] == 2 and report.failures == []
    with open_store(db) as store:
        assert load_analysis(store, "https://done.example/1").to_dict() == done.to_dict()
        assert load_analysis(store, "https://raw.example/2").article.text.startswith("Ferries")
