"""Feeds given as URLs (served on 127.0.0.1): item content is used, item pages are fetched only when asked."""
from __future__ import annotations

import http.server
import threading

import pytest

from newstrace.store import open_store
from newstrace.store.ingest import ingest

PAGE = ("<html><head><title>Full story {i}</title></head><body><article><h1>Full story {i}</h1>"
        "<p>The full page of story {i}: the harbour of Brest reopened on Thursday after the storm.</p>"
        "</article></body></html>")


@pytest.fixture
def server():
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            requests.append(self.path)
            base = f"http://127.0.0.1:{self.server.server_port}"
            if self.path == "/feed":
                items = "".join(f"<item><title>Item {i}</title><link>{base}/story/{i}</link>"
                                f"<description>Teaser {i}: the harbour of Brest reopened.</description></item>"
                                for i in range(2))
                body, kind = f'<rss version="2.0"><channel><title>Brest News</title>{items}</channel></rss>', \
                    "application/rss+xml"
            else:
                body, kind = PAGE.format(i=self.path.rsplit("/", 1)[-1]), "text/html"
            data = body.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", requests
    httpd.shutdown()


def test_a_feed_url_uses_item_content_without_fetching_pages(server, tmp_path, nlp):
    base, requests = server
    report = ingest([f"{base}/feed"], str(tmp_path / "s.db"))
    assert not report.failures, report.failures
    assert report.counts["new"] == 2 and requests == ["/feed"]
    with open_store(str(tmp_path / "s.db")) as db:
        texts = [r["body"] for r in db.rows("SELECT body FROM articles ORDER BY seq")]
    assert all(t.startswith("Teaser") for t in texts)


def test_fetch_items_fetches_each_item_page(server, tmp_path, nlp):
    base, requests = server
    report = ingest([f"{base}/feed"], str(tmp_path / "s.db"), fetch_items=True)
    assert report.counts["new"] == 2 and requests == ["/feed", "/story/0", "/story/1"]
    with open_store(str(tmp_path / "s.db")) as db:
        rows = db.rows("SELECT title, outlet FROM articles ORDER BY seq")
    assert [r["title"] for r in rows] == ["Full story 0", "Full story 1"]
