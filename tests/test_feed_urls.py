"""Feeds given as URLs (served on 127.0.0.1): item content is used, item pages are fetched only when asked."""
from __future__ import annotations

import pytest

from newstrace.pipeline import AnalyzeConfig
from newstrace.reading.netpolicy import AddressRefused, FetchOptions
from newstrace.store import open_store
from newstrace.store.ingest import ingest
from net_fixtures import Listener, only_loopback_connects, page

PAGE = ("<html><head><title>Full story {i}</title></head><body><article><h1>Full story {i}</h1>"
        "<p>The full page of story {i}: the harbour of Brest reopened on Thursday after the storm.</p>"
        "</article></body></html>")


def _feed(handler) -> str:
    base = f"http://127.0.0.1:{handler.server.server_port}"
    items = "".join(f"<item><title>Item {i}</title><link>{base}/story/{i}</link>"
                    f"<description>Teaser {i}: the harbour of Brest reopened.</description></item>" for i in range(2))
    return f'<rss version="2.0"><channel><title>Brest News</title>{items}</channel></rss>'


@pytest.fixture
def server():
    listener = Listener({"/feed": page(_feed, "application/rss+xml")},
                        default=page(lambda handler: PAGE.format(i=handler.path.rsplit("/", 1)[-1])))
    yield listener.base, listener
    listener.stop()


def only(base: str) -> AnalyzeConfig:
    """Fetches may reach this test's listener and nothing else internal."""
    return AnalyzeConfig(read=FetchOptions(allow_addresses=(base.split("//", 1)[1],)))


def test_a_feed_url_on_loopback_is_refused_by_default(server, tmp_path):
    base, listener = server
    with pytest.raises(AddressRefused, match="loopback"):
        ingest([f"{base}/feed"], str(tmp_path / "s.db"))
    assert listener.accepted == 0


def test_item_links_to_internal_addresses_are_refused_per_item(tmp_path, nlp, monkeypatch):
    """A feed (allowed) whose items point at the metadata address and at another local port: each item fails
    with the refusal, nothing but the feed's own listener is contacted, the run goes on."""
    other = Listener()
    links = ["http://169.254.169.254/latest/meta-data/", f"http://127.0.0.1:{other.server_port}/admin",
             "http://[::ffff:127.0.0.1]:%d/admin" % other.server_port]
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    feed = Listener({"/feed": page(f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>',
                                   "application/rss+xml")})
    try:
        calls = only_loopback_connects(monkeypatch, {feed.server_port})
        report = ingest([f"{feed.base}/feed"], str(tmp_path / "s.db"), fetch_items=True, config=only(feed.base))
        assert len(report.failures) == 3 and all("refused" in str(f) for f in report.failures), report.failures
        assert calls == [("127.0.0.1", feed.server_port)] and other.accepted == 0
    finally:
        feed.stop(), other.stop()


def test_a_feed_url_uses_item_content_without_fetching_pages(server, tmp_path, nlp):
    base, listener = server
    report = ingest([f"{base}/feed"], str(tmp_path / "s.db"), config=only(base))
    assert not report.failures, report.failures
    assert report.counts["new"] == 2 and listener.paths == ["/feed"]
    with open_store(str(tmp_path / "s.db")) as db:
        texts = [r["body"] for r in db.rows("SELECT body FROM articles ORDER BY seq")]
    assert all(t.startswith("Teaser") for t in texts)


def test_fetch_items_fetches_each_item_page(server, tmp_path, nlp):
    base, listener = server
    report = ingest([f"{base}/feed"], str(tmp_path / "s.db"), fetch_items=True, config=only(base))
    assert report.counts["new"] == 2 and listener.paths == ["/feed", "/story/0", "/story/1"]
    with open_store(str(tmp_path / "s.db")) as db:
        rows = db.rows("SELECT title, outlet FROM articles ORDER BY seq")
    assert [r["title"] for r in rows] == ["Full story 0", "Full story 1"]
