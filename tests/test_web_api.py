"""The JSON API (FastAPI TestClient over a real SQLite store): reads, writes, auth, limits, clean errors."""
from __future__ import annotations

import functools
import http.server
import threading

import pytest
from fastapi.testclient import TestClient

from newstrace.model import SCHEMA_VERSION
from newstrace.web import WebSettings, create_app
from web_fixtures import GAZETTE_URL, fill_store, web_store  # noqa: F401

TOKEN = "s3cret-token-for-tests"
ARTICLE = ("Flood barriers open in Riverton\n\n"
           "Riverton opened its new flood barriers on Tuesday. \"The river will not surprise us again,\" "
           "said Maria Costa, the city's engineer. The barriers cost 30 million dollars.\n")


@pytest.fixture(scope="module")
def client(web_store):
    path, _ = web_store
    with TestClient(create_app(WebSettings(db=path, analysis_process=False)), raise_server_exceptions=False) as c:
        yield c


def writable(tmp_path, **settings) -> TestClient:
    """A store of our own; analyses in the server's thread (the worker process has its own tests:
    tests/test_web_worker.py), so that they are quick and monkeypatches apply."""
    path = str(tmp_path / "w.db")
    fill_store(path)
    settings.setdefault("analysis_process", False)
    return TestClient(create_app(WebSettings(db=path, **settings)), raise_server_exceptions=False)


def test_stats_count_what_is_stored(client):
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 3 and stats["quotes"] == 7 and stats["claims"] == 7


def test_openapi_spec_lists_the_api_and_no_cdn_docs(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/analyze", "/api/ingest", "/api/graph"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # FastAPI's docs page loads scripts from a CDN: switched off


def test_search_each_kind(client, web_store):
    _, ids = web_store
    found = client.get("/api/search", params={"q": "budget"}).json()
    assert {a["id"] for a in found["articles"]} == set(ids.values())
    assert [s["name"] for s in client.get("/api/search", params={"q": "ann", "kind": "speakers"}).json()["speakers"]] \
        == ["Ann Lee"]
    quotes = client.get("/api/search", params={"q": "taxes", "kind": "quotes"}).json()["quotes"]
    assert {q["speaker"] for q in quotes} == {"Ann Lee"}
    claims = client.get("/api/search", params={"q": "double", "kind": "claims"}).json()["claims"]
    assert len(claims) == 3


@pytest.mark.parametrize("q", ['"', "***", "AND OR NOT", "a:b", "(", "ünïcödé"])
def test_search_with_odd_words_answers_empty_not_an_error(client, q):
    response = client.get("/api/search", params={"q": q})
    assert response.status_code == 200
    assert response.json()["articles"] == []


def test_article_json_is_the_analysis_with_versions_and_copies(client, web_store):
    _, ids = web_store
    story = client.get(f"/api/articles/{ids['sample']}").json()
    assert story["schema_version"] == SCHEMA_VERSION and len(story["quotes"]) == 3
    assert [c["id"] for c in story["copies"]] == [ids["copy"]]
    assert client.get(f"/api/articles/{ids['sample'][:10]}").json()["article"]["id"] == ids["sample"]


def test_unknown_article_is_a_json_404(client):
    response = client.get("/api/articles/ffffffffffff")
    assert response.status_code == 404
    assert response.json() == {"error": "no stored article has id, URL or path 'ffffffffffff'", "status": 404}


def test_quotes_show_speech_and_writing_unless_asked_for_more(client):
    shown = client.get("/api/quotes").json()
    every = client.get("/api/quotes", params={"types": "all"}).json()
    assert shown and {q["type"] for q in shown} <= {"speech", "writing"}
    assert len(every) >= len(shown)
    assert client.get("/api/quotes", params={"types": "speech"}).json() == [q for q in shown if q["type"] == "speech"]
    bad = client.get("/api/quotes", params={"types": "rumour"})
    assert bad.status_code == 400 and "unknown quote type rumour" in bad.text


def test_speakers_and_one_speaker(client):
    speakers = {s["name"]: s for s in client.get("/api/speakers").json()}
    assert speakers["Ann Lee"]["quotes"] == 5 and speakers["Ann Lee"]["articles"] == 3
    one = client.get("/api/speakers/ann lee").json()
    assert one["roles"] == ["mayor"] and one["aliases"] == ["Lee"] and len(one["quotes"]) == 5
    assert client.get("/api/speakers/nobody").status_code == 404


def test_graph_edges_carry_evidence(client):
    graph = client.get("/api/graph").json()
    edges = {(e["source"], e["target"], e["kind"]): e for e in graph["edges"]}
    assert ("Springfield Gazette", "Example News", "origin") in edges
    assert ("Example News", "Copycat Daily", "copy") in edges
    assert edges[("Springfield Gazette", "Example News", "origin")]["evidence"] == [
        "This article was originally published by Springfield Gazette."]


def test_claims_filter_and_corroboration(client, web_store):
    _, ids = web_store
    bad = client.get("/api/claims", params={"checks": "inconsistent"}).json()
    assert {c["claim_id"] for c in bad} == {"c1"} and len(bad) == 2
    result = client.get(f"/api/claims/{ids['gazette']}:c1/corroboration").json()
    assert result["claim"]["key"] == f"{ids['gazette']}:c1"
    assert result["summary"].endswith(("support, 0 contradict", "(single origin)"))
    assert client.get("/api/claims?checks=wrong").status_code == 422


def test_validation_errors_are_short_json(client):
    response = client.get("/api/articles", params={"limit": 0})
    assert response.status_code == 422
    assert response.json()["error"].startswith("invalid request: limit:")


def test_internal_error_is_clean_json_without_traceback(tmp_path, monkeypatch):
    client = writable(tmp_path)
    monkeypatch.setattr(client.app.state.corpus, "stats", lambda: 1 / 0)
    response = client.get("/api/stats")
    assert response.status_code == 500
    assert response.json() == {"error": "internal error (ZeroDivisionError); the server log has the details",
                               "status": 500}


def test_analyse_pasted_text_stores_it(tmp_path, nlp):
    client = writable(tmp_path)
    response = client.post("/api/analyze", json={"text": ARTICLE})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["outcome"] == "new" and body["page"] == f"/articles/{body['article_id']}"
    stored = client.get(body["api"]).json()
    assert stored["article"]["title"] == "Flood barriers open in Riverton"
    assert client.get("/api/stats").json()["articles"] == 4
    assert client.post("/api/analyze", json={"text": ARTICLE}).json()["outcome"] == "unchanged"


def test_analyse_a_url_fetches_it(tmp_path, nlp, examples):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(examples))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/obamawhitehouse.archives.gov--blog.html"
        client = writable(tmp_path, allow_fetch_addresses=(f"127.0.0.1:{server.server_port}",))
        response = client.post("/api/analyze", json={"url": url})
    finally:
        server.shutdown()
    assert response.status_code == 201, response.text
    assert response.json()["locator"] == url


@pytest.mark.parametrize("body, status, message", [
    ({}, 422, "paste the article text, or give its URL"),
    ({"url": "ftp://example.org/a"}, 422, "the URL must start with http:// or https://"),
    ({"text": "   "}, 422, "paste the article text, or give its URL"),
    ({"url": "http://127.0.0.1:9/nothing-listens"}, 422, "refused: 127.0.0.1 is a loopback address"),
    ({"url": "http://127.0.0.2:9/nothing-listens"}, 502, "cannot connect"),
])
def test_analyse_bad_input_gets_one_line(tmp_path, body, status, message):
    response = writable(tmp_path, allow_fetch_addresses=("127.0.0.2:9",)).post("/api/analyze", json=body)
    assert response.status_code == status
    assert message in response.json()["error"] and "\n" not in response.json()["error"]


def test_writes_need_the_token_when_one_is_set(tmp_path):
    client = writable(tmp_path, token=TOKEN)
    refused = client.post("/api/analyze", json={})
    assert refused.status_code == 401 and "token" in refused.json()["error"]
    assert client.post("/api/analyze", json={}, headers={"Authorization": "Bearer wrong-token-xxxxxxxx"}).status_code == 401
    # the right token passes authentication (then fails on the empty body)
    assert client.post("/api/analyze", json={}, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 422
    assert client.post("/api/ingest", json={"documents": []}, headers={"X-Newstrace-Token": TOKEN}).status_code == 422
    assert client.get("/api/stats").status_code == 200  # reads stay open


def test_body_over_the_limit_is_413(tmp_path):
    client = writable(tmp_path, max_body_bytes=1000)
    response = client.post("/api/analyze", json={"text": "x" * 5000})
    assert response.status_code == 413 and "over the limit of 1,000 bytes" in response.json()["error"]


def test_streamed_body_over_the_limit_is_413(tmp_path):
    client = writable(tmp_path, max_body_bytes=1000)
    chunks = (b"x" * 400 for _ in range(5))  # no Content-Length: the cap applies while reading
    response = client.post("/api/analyze", content=chunks, headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_cross_site_posts_and_foreign_hosts_are_refused(tmp_path):
    client = writable(tmp_path)
    assert client.post("/api/analyze", json={}, headers={"Origin": "https://evil.example"}).status_code == 403
    assert client.get("/api/stats", headers={"Host": "evil.example"}).status_code == 421


def test_analysis_time_limit(tmp_path, nlp):
    client = writable(tmp_path, analyse_timeout=0.001)
    response = client.post("/api/analyze", json={"text": ARTICLE * 20})
    assert response.status_code == 504 and "took longer than 0.001s" in response.json()["error"]


def test_ingest_a_batch(tmp_path, nlp):
    client = writable(tmp_path)
    docs = [{"url": "https://r.example/1", "text": ARTICLE, "outlet": "Riverton Post"},
            {"url": "https://r.example/2", "html": "<html><head><title>Second</title></head><body><article>"
                                                   "<h1>Second story</h1>" + "<p>The river rose by two metres overnight, "
                                                   "and the new barriers held, officials in Riverton said.</p>" * 4
                                                   + "</article></body></html>"},
            {"url": "https://r.example/3"}]
    body = client.post("/api/ingest", json={"documents": docs}).json()
    assert body["counts"]["new"] == 2 and len(body["failures"]) == 1
    assert "needs an html or text field" in body["failures"][0]
    assert client.get("/api/articles", params={"outlet": "Riverton Post"}).json()[0]["url"] == "https://r.example/1"


def test_ingest_batch_size_is_limited(tmp_path):
    client = writable(tmp_path, max_ingest_documents=2)
    response = client.post("/api/ingest", json={"documents": [{"text": "a"}] * 3})
    assert response.status_code == 413


def test_slow_read_is_stopped_with_504(tmp_path, monkeypatch):
    import time

    client = writable(tmp_path, request_timeout=0.2)
    monkeypatch.setattr(client.app.state.corpus, "stats", lambda: time.sleep(2) or {})
    response = client.get("/api/stats")
    assert response.status_code == 504 and "took longer than 0.2s" in response.json()["error"]
