"""The web UI driven as a person would, in Debian's headless Chromium (never a downloaded browser):
paste an article, see highlighted quotes and speakers, open a speaker, follow provenance links, search.

Screenshots are kept under test-artifacts/screenshots/ (CI keeps them as artefacts)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from html import escape
from pathlib import Path

import pytest

from conftest import ROOT
from web_fixtures import fill_store

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "test-artifacts" / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
PASTED = ("Flood barriers open in Riverton\n\n"
          "Riverton opened its new flood barriers on Tuesday after three years of work.\n\n"
          "\"The river will not surprise us again,\" said Maria Costa, the city's chief engineer. "
          "She added that the barriers cost 30 million dollars.\n\n"
          "Residents welcomed the news. \"We lost everything in 2021,\" said shop owner Tom Reyes.\n")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed at /usr/bin/chromium "
                                                               "(apt-get install chromium); .ci/run installs it")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``newstrace serve`` in a subprocess on a free loopback port, over a store with the sample articles."""
    db = str(tmp_path_factory.mktemp("browser") / "store.db")
    ids = fill_store(db)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path_factory.mktemp("log") / "serve.log", "w+")
    proc = subprocess.Popen([sys.executable, "-m", "newstrace", "serve", "--db", db, "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NEWSTRACE_DEBUG": ""})
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/api/stats", proc, log)
        yield base, ids
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def _wait(url: str, proc: subprocess.Popen, log) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            pytest.fail(f"newstrace serve exited: {log.read()[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.25)
    pytest.fail("newstrace serve did not answer within 90s")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda err: errors.append(str(err)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not errors, f"errors in the browser console: {errors}"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_paste_an_article_and_see_it_analysed(server, page):
    base, _ = server
    page.goto(base + "/")
    page.fill("textarea[name=text]", PASTED)
    page.click("#analyse-button")
    page.wait_for_url(f"{base}/articles/*", timeout=180_000)
    assert page.inner_text("h1.title") == "Flood barriers open in Riverton"
    assert "Maria Costa, the city's chief engineer" in page.inner_text(".text")
    article_id = page.url.rsplit("/", 1)[1]
    stored = json.loads(urllib.request.urlopen(f"{base}/api/articles/{article_id}", timeout=10).read())
    # every quote and speaker the analysis found is highlighted and listed (whatever stages are installed)
    assert page.locator(".text .q[id^='q-']").count() == len(stored["quotes"])
    assert page.locator("li.speaker").count() == len(stored["speakers"])
    shot(page, "pasted-article")
    page.goto(base + "/articles")
    assert page.locator("a", has_text="Flood barriers open in Riverton").count() == 1


def test_quotes_highlighted_per_speaker_with_hover_details(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids['sample']}")
    ann = page.locator("#q-q1")
    bob = page.locator("#q-q3")
    colour = lambda loc: loc.evaluate("el => getComputedStyle(el).backgroundColor")  # noqa: E731
    assert colour(ann) == colour(page.locator("#q-q2")) != colour(bob)
    ann.hover()
    tip = page.locator("#nt-tip")
    tip.wait_for(state="visible")
    assert "speaker: Ann Lee" in tip.inner_text() and "cue: said" in tip.inner_text()
    assert "kind: direct" in tip.inner_text()
    shot(page, "article-hover-quote")
    page.locator("#claim-c1").hover()
    assert "claim score: 0.91" in tip.inner_text() and "multiple: inconsistent" in tip.inner_text()
    # the speakers panel: clicking a speaker dims everyone else's quotes
    page.click("#speaker-s2")
    opacity = lambda loc: float(loc.evaluate("el => getComputedStyle(el).opacity"))  # noqa: E731
    assert opacity(ann) < 0.5 and opacity(bob) == 1.0
    assert page.locator("details.bp").count() == 3
    assert all(not d.evaluate("el => el.open") for d in page.locator("details.bp").all())


def test_open_a_speaker_and_go_to_their_quote(server, page):
    base, ids = server
    page.goto(base + "/speakers")
    page.click("a.speaker-link:has-text('Ann Lee')")
    page.wait_for_url(f"{base}/speakers/*")
    assert page.inner_text("h1.speaker-name") == "Ann Lee"
    assert page.locator("ol.speaker-quotes li").count() == 5
    page.click(f"a[href='/articles/{ids['gazette']}#q-q1']")
    page.wait_for_url(f"{base}/articles/{ids['gazette']}#q-q1")
    assert page.locator("#q-q1").is_visible()
    assert "Our streets need it" in page.inner_text("#q-q1")


def test_follow_provenance_links(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids['sample']}")
    # the evidence link opens the collapsed boilerplate it points into
    source = page.locator("details.bp[data-kind=source]")
    assert not source.evaluate("el => el.open")
    page.click("#provenance a.evidence-link")
    assert source.evaluate("el => el.open")
    assert page.locator("#ev-0-0").is_visible()
    shot(page, "provenance-evidence")
    # the credited origin is stored too: its name links to it
    page.click("#provenance a.stored")
    page.wait_for_url(f"{base}/articles/{ids['gazette']}")
    assert page.inner_text("h1.title") == "Budget to double"


def test_search_and_open_a_result(server, page):
    base, ids = server
    page.goto(base + "/")
    page.fill("header input[type=search]", "taxes")
    page.press("header input[type=search]", "Enter")
    page.wait_for_url(f"{base}/search?q=taxes*")
    results = page.locator("#results-quotes li a")
    assert results.count() == 2  # the sample and its copy
    assert page.locator("#results-speakers .empty").count() == 1
    results.first.click()
    page.wait_for_url(f"{base}/articles/*#q-q1")
    assert "We will cut taxes" in page.inner_text("#q-q1")


def test_corpus_views(server, page):
    base, ids = server
    page.goto(base + "/graph")
    assert page.locator("svg.graph circle").count() == 3
    shot(page, "republication-graph")
    page.click("svg.graph a[href='/outlets/Springfield%20Gazette']")
    page.wait_for_url(f"{base}/outlets/Springfield%20Gazette")
    assert "Budget to double" in page.inner_text("main")
    page.goto(base + "/claims?checks=inconsistent")
    page.click("table.claims a:has-text('independent origin')")
    assert "independent origin" in page.inner_text(".summary")


def test_report_file_works_from_disk_without_network(page, tmp_path):
    from newstrace.report import render
    from report_fixtures import sample_analysis

    path = tmp_path / "report.html"
    path.write_text(render(sample_analysis(), "html"), encoding="utf-8")
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(path.as_uri())
    page.locator("#q-q3").hover()
    assert "speaker: Bob Stone" in page.inner_text("#nt-tip")
    page.click("a[href='#claim-c1']")
    assert page.locator("#claim-c1").is_visible()
    shot(page, "report-from-disk")
    assert all(url.startswith("file:") for url in requested), requested
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 1


def _attacker_pages(target: str) -> dict[str, str]:
    """Pages of another origin that post to the paste form as soon as they load (issue 22's probes)."""
    submit = 'addEventListener("load", () => setTimeout(() => document.getElementById("f").submit(), 100))'
    form = (f'<form id="f" method="post" action="{target}/analyze"><input name="text" value="{escape(PASTED)}">'
            f'</form><script>{submit}</script>')
    return {
        # no-referrer + an auto-submitted form: Chromium sends Origin: null
        "/no-referrer": f'<!DOCTYPE html><meta name="referrer" content="no-referrer"><body>{form}</body>',
        # a sandboxed frame has an opaque origin: Origin: null as well
        "/sandboxed": f'<!DOCTYPE html><body><iframe sandbox="allow-forms allow-scripts" srcdoc="{escape(form)}">'
                      '</iframe></body>',
        "/plain": f"<!DOCTYPE html><body>{form}</body>",  # an ordinary foreign page: its own Origin
    }


@pytest.mark.parametrize("attack", ["/no-referrer", "/sandboxed", "/plain"])
def test_a_foreign_page_cannot_post_the_paste_form(server, browser, attack):
    from net_fixtures import Listener, page as route

    base, _ = server
    evil = Listener({path: route(html) for path, html in _attacker_pages(base).items()})
    context = browser.new_context()
    try:
        before = json.loads(urllib.request.urlopen(base + "/api/stats", timeout=10).read())["articles"]
        tab = context.new_page()
        answers: list = []
        tab.on("response", lambda r: answers.append(r) if r.url == base + "/analyze" else None)
        tab.goto(evil.base + attack)
        deadline = time.monotonic() + 30
        while not answers and time.monotonic() < deadline:
            tab.wait_for_timeout(100)
        assert [(r.request.method, r.status) for r in answers] == [("POST", 403)]
        assert "cross-site request refused" in answers[0].text()
        time.sleep(1)
        assert json.loads(urllib.request.urlopen(base + "/api/stats", timeout=10).read())["articles"] == before
    finally:
        context.close()
        evil.stop()


def _first_after_title(page) -> str:
    """The id of the first element after the article title (what a reader sees first)."""
    return page.evaluate("document.querySelector('h1.title').nextElementSibling.id")


def _assert_summary_names_the_findings(page) -> None:
    summary = page.locator("#summary")
    box = summary.bounding_box()
    assert box is not None and box["y"] < 400, box  # on the first screen, not below the text
    assert summary.locator(".glance-check").count() == 1
    check = summary.locator(".glance-check").inner_text()
    assert "multiple" in check and "12 / 5 = 2.4, but the text says 'double' (2)" in check
    assert "the budget of $5 million would double to $12 million" in check  # the sentence it checks
    top = summary.locator("li.top-claim").first
    assert top.get_attribute("data-claim-id") == "c1"
    assert "asserted by Ann Lee (named)" in top.inner_text()
    assert summary.locator("dd.n-sources").inner_text() == "2"
    assert summary.locator("dd.n-named").inner_text() == "2"
    assert summary.locator("dd.n-unnamed").inner_text() == "0"
    assert summary.locator("dd.top-share").inner_text() == "73% (Ann Lee)"  # 16 of the 22 quoted words
    assert "Springfield Gazette (origin, 2024-01-02) → Example News" in summary.locator("p.chain").inner_text()


def test_the_summary_is_the_first_thing_on_the_article_page(server, page):
    base, ids = server
    page.goto(f"{base}/articles/{ids['sample']}")
    assert _first_after_title(page) == "summary"
    _assert_summary_names_the_findings(page)
    # in the store: the top claim's independent origins are counted, not "not compared"
    assert "independent origins support" in page.locator("#summary li.top-claim").first.inner_text()
    assert page.locator("#corpus ol.store-claims .origins-count").count() == 3
    # checks come before claims, each with the sentence it checks and no raw inputs blob
    assert page.evaluate("document.getElementById('checks').compareDocumentPosition("
                         "document.getElementById('claims')) & Node.DOCUMENT_POSITION_FOLLOWING")
    assert "inputs: {" not in page.inner_text("#checks")
    assert "in: “the budget of $5 million" in page.locator("#checks li.v-inconsistent").inner_text()
    shot(page, "summary-article-page")


def test_the_summary_is_the_first_thing_in_the_report(page, tmp_path):
    from newstrace.report import render
    from report_fixtures import sample_analysis

    path = tmp_path / "report.html"
    path.write_text(render(sample_analysis(), "html"), encoding="utf-8")
    page.goto(path.as_uri())
    assert _first_after_title(page) == "summary"
    _assert_summary_names_the_findings(page)
    assert "independent origins not counted here" in page.locator("#summary p.origins-note").inner_text()
    assert page.locator("#summary li.top-claim .origins-count").count() == 0
    shot(page, "summary-report")
