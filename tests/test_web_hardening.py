"""Issue 22's probes against the app under a real uvicorn on loopback (the settings ``newstrace serve`` uses):
no fetch of internal addresses through the server, no cross-site writes, header and body deadlines, idle
sockets that cannot starve requests, and an ingest batch that keeps its good documents.

Only 127.0.0.1 is contacted: socket.create_connection is limited to the server's port (and, where a test
allows it, one listener of its own), so a fetch the policy let through would fail the test."""
from __future__ import annotations

import json
import re
import socket
import time
from urllib.parse import urlencode

import pytest

from net_fixtures import Listener, listener, only_loopback_connects, redirect  # noqa: F401
from web_fixtures import fill_store
from web_server import request, running, stored_count

ARTICLE = ("Flood barriers open in Riverton\n\n"
           "Riverton opened its new flood barriers on Tuesday. \"The river will not surprise us again,\" "
           "said Maria Costa, the city's engineer.\n")


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "w.db")
    fill_store(path)
    return path


def port_of(base: str) -> int:
    return int(base.rsplit(":", 1)[1])


@pytest.fixture
def server(db):
    """Analyses in the server's thread, so that the socket guard and monkeypatches see them
    (the worker process: tests/test_web_worker.py)."""
    with running(db, analysis_process=False) as (base, settings):
        yield base


# --- SSRF ---------------------------------------------------------------------------------------------------

INTERNAL_HOSTS = ["127.0.0.1", "localhost", "2130706433", "127.1", "0x7f.0.0.1", "[::1]", "[::ffff:127.0.0.1]",
                  "0.0.0.0", "169.254.169.254", "[::ffff:169.254.169.254]", "10.0.0.1", "192.168.0.1", "[fd00::1]"]


def test_analyse_by_url_never_fetches_internal_addresses(server, listener, monkeypatch):
    calls = only_loopback_connects(monkeypatch, {port_of(server)})
    before = stored_count(server)
    urls = [f"http://{host}:{listener.server_port}/x" for host in INTERNAL_HOSTS]
    urls += [f"{server}/api/stats", "http://169.254.169.254/latest/meta-data/"]  # the server itself; metadata
    for url in urls:
        status, _, body = request(server, "POST", "/api/analyze", {"url": url})
        error = json.loads(body)["error"]
        assert status == 422 and "refused:" in error and "\n" not in error, (url, status, body)
    assert listener.accepted == 0 and stored_count(server) == before
    assert {port for _, port in calls} == {port_of(server)}


def test_a_redirect_from_an_allowed_listener_to_an_internal_address_is_refused(db, monkeypatch):
    other = Listener()
    start = Listener({"/": redirect(f"http://127.0.0.1:{other.server_port}/admin")})
    try:
        with running(db, allow_fetch_addresses=(start.netloc,), analysis_process=False) as (base, _):
            only_loopback_connects(monkeypatch, {port_of(base), start.server_port})
            status, _, body = request(base, "POST", "/api/analyze", {"url": start.base + "/"})
        assert status == 422 and "refused: 127.0.0.1 is a loopback address" in body
        assert start.paths == ["/"] and other.accepted == 0
    finally:
        start.stop(), other.stop()


# --- cross-site writes ---------------------------------------------------------------------------------------

def form_session(base: str) -> tuple[str, str]:
    """(Cookie header, CSRF token) as a browser holding the paste form has them."""
    status, headers, html = request(base, "GET", "/analyze")
    assert status == 200
    cookie = headers["set-cookie"].split(";", 1)[0]
    assert "httponly" in headers["set-cookie"].lower() and "samesite=lax" in headers["set-cookie"].lower()
    assert headers["referrer-policy"] == "same-origin"  # under no-referrer our own forms would send Origin: null
    return cookie, re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def post_form(base: str, fields: dict[str, str], **headers: str) -> tuple[int, str]:
    status, _, body = request(base, "POST", "/analyze", urlencode(fields),
                              {"Content-Type": "application/x-www-form-urlencoded", **headers})
    return status, body


@pytest.mark.parametrize("headers, why", [
    ({"Origin": "null"}, "Origin is null"),
    ({"Origin": "null", "Referer": "{base}/analyze"}, "Origin is null"),
    ({}, "no Origin or Referer"),
    ({"Referer": "https://evil.example/page"}, "the Referer is another site"),
    ({"Origin": "https://evil.example"}, "Origin https://evil.example is not"),
    ({"Origin": "http://127.0.0.1:1"}, "is not 127.0.0.1"),
    ({"Origin": "{base}", "Sec-Fetch-Site": "cross-site"}, "Sec-Fetch-Site is cross-site"),
])
def test_foreign_form_posts_are_refused_even_with_a_valid_csrf_token(server, listener, headers, why):
    cookie, csrf = form_session(server)
    before = stored_count(server)
    headers = {k: v.format(base=server) for k, v in headers.items()}
    status, body = post_form(server, {"csrf": csrf, "text": ARTICLE, "url": listener.base + "/x"},
                             Cookie=cookie, **headers)
    assert status == 403 and "cross-site request refused" in body and why in body, body
    assert stored_count(server) == before and listener.accepted == 0


def test_same_origin_form_needs_its_csrf_token_and_cookie(server, nlp):
    cookie, csrf = form_session(server)
    other_cookie, _ = form_session(server)
    before = stored_count(server)
    for fields, cookie_sent in [({"text": ARTICLE}, cookie), ({"text": ARTICLE, "csrf": "0" * 64}, cookie),
                                ({"text": ARTICLE, "csrf": csrf}, other_cookie), ({"text": ARTICLE, "csrf": csrf}, "")]:
        status, body = post_form(server, fields, Origin=server, Cookie=cookie_sent)
        assert status == 403 and "security token" in body, (fields, status)
    assert stored_count(server) == before
    status, body = post_form(server, {"text": ARTICLE, "csrf": csrf}, Origin=server, Referer=server + "/analyze",
                             Cookie=cookie)
    assert status == 303, body
    assert stored_count(server) == before + 1


def test_api_writes_need_json_or_a_token_header_when_no_origin_is_sent(server):
    status, _, body = request(server, "POST", "/api/analyze", json.dumps({"text": ""}),
                              {"Content-Type": "text/plain"})
    assert status == 403 and "no Origin or Referer" in body
    status, _, body = request(server, "POST", "/api/analyze", json.dumps({"text": ""}),
                              {"Content-Type": "text/plain", "Origin": server})
    assert status == 415 and "JSON body" in body
    status, _, body = request(server, "POST", "/api/analyze", {"text": ""})  # a program: JSON, no Origin
    assert status == 422 and "paste the article text" in body


# --- timeouts and connection limits --------------------------------------------------------------------------

def _read_until_closed(sock: socket.socket, limit: float) -> tuple[bytes, float]:
    started, data = time.monotonic(), b""
    sock.settimeout(limit)
    while chunk := sock.recv(4096):
        data += chunk
    return data, time.monotonic() - started


def test_headers_that_never_finish_are_timed_out(db):
    with running(db, header_timeout=1.0) as (base, _):
        with socket.create_connection(("127.0.0.1", port_of(base))) as silent, \
                socket.create_connection(("127.0.0.1", port_of(base))) as dripping:
            dripping.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            started = time.monotonic()
            for _ in range(6):  # a header line every 0.3 s: each read is quick, the whole never ends
                try:
                    dripping.sendall(b"X-Slow: 1\r\n")
                except OSError:
                    break
                time.sleep(0.3)
            answer, _ = _read_until_closed(dripping, 5)
            assert answer.startswith(b"HTTP/1.1 408") and time.monotonic() - started < 3
            assert _read_until_closed(silent, 5)[0].startswith(b"HTTP/1.1 408")


def test_a_body_that_never_finishes_is_timed_out(db):
    with running(db, body_timeout=1.0) as (base, _):
        with socket.create_connection(("127.0.0.1", port_of(base))) as slow:
            slow.sendall(b"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 1000\r\n\r\n{\"text\": \"")
            answer, took = _read_until_closed(slow, 5)
    assert answer.startswith(b"HTTP/1.1 408") and b"did not arrive within 1s" in answer and took < 3


def test_idle_and_half_open_sockets_cannot_starve_requests(db):
    with running(db, max_connections=20, header_timeout=30) as (base, _):
        hogs = [socket.create_connection(("127.0.0.1", port_of(base))) for _ in range(70)]
        try:
            for sock in hogs[::2]:
                sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # half the headers, never the rest
            time.sleep(0.3)
            started = time.monotonic()
            answers = [request(base, "GET", "/api/stats", timeout=10)[0] for _ in range(10)]
            assert answers == [200] * 10 and time.monotonic() - started < 5
        finally:
            for sock in hogs:
                sock.close()


# --- ingest --------------------------------------------------------------------------------------------------

def test_one_failing_document_does_not_lose_the_others(server, nlp, monkeypatch):
    import newstrace.web.ingest as web_ingest

    real = web_ingest.ingest_documents

    def crash_on_the_second(db, docs, **kwargs):
        if getattr(docs[0], "locator", None) == "https://r.example/bad":
            raise RuntimeError("a bug in one document's analysis")
        return real(db, docs, **kwargs)
    monkeypatch.setattr(web_ingest, "ingest_documents", crash_on_the_second)
    before = stored_count(server)
    docs = [{"url": "https://r.example/1", "text": ARTICLE},
            {"url": "https://r.example/bad", "text": ARTICLE.replace("Riverton", "Bad Town")},
            {"url": "https://r.example/3", "text": ARTICLE.replace("Tuesday", "Friday")},
            {"url": "https://r.example/4"}]
    status, _, body = request(server, "POST", "/api/ingest", {"documents": docs})
    result = json.loads(body)
    assert status == 200 and result["counts"]["new"] == 2, body
    assert result["failures"] == ["https://r.example/bad: analysis failed (RuntimeError); the server log has the "
                                  "details", "https://r.example/4: needs an html or text field"]
    assert stored_count(server) == before + 2


def test_serve_fetches_private_addresses_only_when_told(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import newstrace.web.serve as web_serve
    from newstrace.cli.main import cli

    seen = []
    monkeypatch.setattr(web_serve, "serve", seen.append)
    for flags in ([], ["--allow-private-urls"]):
        result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "s.db"), *flags])
        assert result.exit_code == 0, result.output
    assert [s.allow_private_urls for s in seen] == [False, True]
    assert seen[0].allow_fetch_addresses == () and seen[0].analysis_process


# --- crashes -------------------------------------------------------------------------------------------------

SURROGATE_TEXT = ARTICLE.replace("Tuesday", "Tues\ud800day")  # JSON's "\ud800": valid JSON, not valid UTF-8


def test_a_lone_surrogate_in_posted_json_is_analysed_not_a_500(server, nlp):
    before = stored_count(server)
    status, _, body = request(server, "POST", "/api/analyze", {"text": SURROGATE_TEXT})
    assert status == 201, body
    assert stored_count(server) == before + 1


def test_a_lone_surrogate_in_an_ingest_batch_is_analysed_not_a_500(server, nlp):
    before = stored_count(server)
    status, _, body = request(server, "POST", "/api/ingest", {"documents": [
        {"url": "https://r.example/s", "text": SURROGATE_TEXT.replace("Riverton", "Surrogate Bay")}]})
    assert status == 200, body
    assert stored_count(server) == before + 1
