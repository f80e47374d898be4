"""Server-rendered pages: what a person sees for each view, safety headers, clean HTML errors."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from html_check import check_nesting
from newstrace.web import WebSettings, create_app
from web_fixtures import fill_store, web_store  # noqa: F401

TOKEN = "page-token-0123456789"


@pytest.fixture(scope="module")
def client(web_store):
    path, _ = web_store
    with TestClient(create_app(WebSettings(db=path, analysis_process=False)), raise_server_exceptions=False) as c:
        yield c


def post_form(client: TestClient, **fields):
    """Submit the paste form as a browser on this site would: its CSRF token (and cookie), Origin of the page."""
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/analyze").text).group(1)
    return client.post("/analyze", data={"csrf": csrf, **fields}, headers={"Origin": "http://testserver"},
                       follow_redirects=False)


def main_part(html: str) -> str:
    return html[html.index("<main>"):html.index("</main>") + len("</main>")]


@pytest.mark.parametrize("path", ["/", "/articles", "/speakers", "/outlets", "/graph", "/claims", "/analyze",
                                  "/api", "/search?q=budget", "/speakers/ann%20lee", "/outlets/Example%20News"])
def test_every_view_renders_well_formed_with_local_assets_only(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    check_nesting(main_part(html))
    assert set(re.findall(r'(?:src|href)="(/static/[^"]+)"', html)) <= {"/static/report.css", "/static/report.js",
                                                                      "/static/app.js"}
    assert not re.search(r'<(script|link)[^>]+(src|href)="https?:', html)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_static_assets_are_served(client):
    assert ".q{" in client.get("/static/report.css").text
    assert "nt-tip" in client.get("/static/report.js").text
    assert client.get("/static/../../etc/passwd").status_code == 404
    assert client.get("/static/other.js").status_code == 404


def test_home_has_paste_form_counts_and_recent_articles(client):
    html = client.get("/").text
    assert '<form class="paste" action="/analyze" method="post">' in html and 'name="text"' in html
    assert "<b>3</b> articles" in html and "Budget to double" in html
    assert 'name="token"' not in html  # no token configured on loopback


def test_article_page_is_the_report_with_links_into_the_store(client, web_store):
    _, ids = web_store
    html = client.get(f"/articles/{ids['sample']}").text
    assert 'class="q q-direct sp-0"' in html and 'data-speaker="Ann Lee"' in html
    assert '<details class="bp" data-kind="byline">' in html
    assert f'<a class="stored" href="/articles/{ids["gazette"]}">Springfield Gazette</a>' in html
    assert f'href="/articles/{ids["copy"]}"' in html  # the copy in Copycat Daily
    assert f'href="/claims/{ids["sample"]}:c1"' in html
    assert "&lt;script&gt;alert" in html and "<script>alert" not in html


def test_article_page_shows_the_quote_types_asked_for(client, web_store):
    _, ids = web_store
    assert 'class="q q-direct' in client.get(f"/articles/{ids['sample']}").text  # speech: shown by default
    assert 'class="q q-' not in client.get(f"/articles/{ids['sample']}", params={"types": "belief"}).text
    assert 'class="q q-' not in client.get(f"/articles/{ids['sample']}/report.html", params={"types": "question"}).text
    assert client.get(f"/articles/{ids['sample']}", params={"types": "rumour"}).status_code == 400


def test_article_report_download_is_self_contained(client, web_store):
    _, ids = web_store
    response = client.get(f"/articles/{ids['sample']}/report.html")
    assert response.headers["content-disposition"].startswith("attachment;")
    assert "<style>" in response.text and "/static/" not in response.text


def test_speaker_page_lists_quotes_linked_to_their_place(client, web_store):
    _, ids = web_store
    html = client.get("/speakers/ann%20lee").text
    assert '<h1 class="speaker-name">Ann Lee</h1>' in html
    assert f'href="/articles/{ids["gazette"]}#q-q1"' in html
    assert html.count("<li><a href=\"/articles/") >= 5


def test_search_page_groups_results(client):
    html = client.get("/search", params={"q": "Ann Lee"}).text
    assert 'id="results-speakers"' in html and 'href="/speakers/ann%20lee"' in html
    assert client.get("/search", params={"q": "zzzz-nothing"}).text.count('class="empty"') == 4


def test_graph_page_draws_outlets_as_links(client):
    html = client.get("/graph").text
    assert '<svg class="graph"' in html and 'href="/outlets/Springfield%20Gazette"' in html
    assert "This article was originally published by Springfield Gazette." in html


def test_claim_page_shows_independent_origins(client, web_store):
    _, ids = web_store
    html = client.get(f"/claims/{ids['sample']}:c1").text
    assert re.search(r"<b>\d+ independent origins? support, \d+ contradicts?", html)
    assert f'href="/articles/{ids["sample"]}#claim-c1"' in html


def test_missing_things_are_html_404_with_escaped_message(client):
    response = client.get("/articles/<script>x</script>")
    assert response.status_code == 404
    assert "&lt;script&gt;x&lt;/script&gt;" in response.text and "<script>x" not in response.text
    assert client.get("/speakers/nobody").status_code == 404
    assert client.get("/outlets/Nobody").status_code == 404
    assert "no page at /nothing/here" in client.get("/nothing/here").text


def test_paste_form_redirects_to_the_analysed_article(tmp_path, nlp):
    path = str(tmp_path / "w.db")
    fill_store(path)
    client = TestClient(create_app(WebSettings(db=path, analysis_process=False)))
    text = "Harbour reopens\n\nThe harbour reopened on Friday, the port authority said in a statement.\n"
    response = post_form(client, text=text)
    assert response.status_code == 303 and response.headers["location"].startswith("/articles/")
    assert "Harbour reopens" in client.get(response.headers["location"]).text


def test_paste_form_with_token_configured(tmp_path):
    path = str(tmp_path / "w.db")
    settings = WebSettings(db=path, token=TOKEN, analysis_process=False)
    client = TestClient(create_app(settings), raise_server_exceptions=False)
    assert 'name="token"' in client.get("/analyze").text
    refused = post_form(client, text="x", token="wrong")
    assert refused.status_code == 401 and "needs a token" in refused.text
    empty = post_form(client, text="", token=TOKEN)
    assert empty.status_code == 422 and "paste the article text" in empty.text


def test_claims_page_shows_corroboration_per_claim(client):
    html = client.get("/claims").text
    rows = re.findall(r"<tr><td>[\d.]+</td>.*?</tr>", html)
    assert len(rows) == 7
    assert all(re.search(r"\d+ independent origins? support, \d+ contradicts?", row) for row in rows)


def test_the_article_page_starts_with_the_summary_and_counts_origins(client, web_store):
    _, ids = web_store
    html = main_part(client.get(f"/articles/{ids['sample']}").text)
    assert html.index('<h1 class="title">') < html.index('id="summary"') < html.index('id="text"')
    assert html.index('id="checks"') < html.index('id="claims"')
    assert "2 independent origins support, 0 contradict" in html[html.index('id="summary"'):html.index('id="text"')]
    assert html.count('class="origins-count"') == 3 + 3  # the summary's top claims and "who else says so"


def test_a_large_store_leaves_origins_to_the_claim_pages(client, web_store, monkeypatch):
    from newstrace.web import pages

    _, ids = web_store
    monkeypatch.setattr(pages, "CORROBORATE_ON_VIEW", 2)  # the sample store holds 7 claims
    html = main_part(client.get(f"/articles/{ids['sample']}").text)
    assert "independent origins not counted here" in html and "independent origins: open the claim" in html
    assert "independent origins support" not in html
