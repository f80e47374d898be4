"""Keyboard and screen-reader use of the report and the web UI, in Debian's Chromium: axe-core (4.14.1, the
minified file from the npm registry, kept under tests/assets/ with its MPL-2.0 licence) finds no WCAG 2 A/AA
violation (contrast included), and every highlight is one tab stop that announces what it is."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from test_web_browser import ARGS, CHROMIUM, server  # noqa: F401  (the module's fixture, reused)

AXE = Path(__file__).parent / "assets" / "axe.min.js"
SHOTS = ROOT / "test-artifacts" / "screenshots"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not CHROMIUM.exists(),
                                 reason="Debian's chromium is not installed at /usr/bin/chromium")]


@pytest.fixture(scope="module")
def context():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        # the pages' own CSP forbids foreign scripts: the test's axe-core is let in this way only
        ctx = browser.new_context(viewport={"width": 1200, "height": 900}, bypass_csp=True)
        yield ctx
        ctx.close()
        browser.close()


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})""")
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
            for v in result["violations"]]


@pytest.fixture
def report_page(context, tmp_path):
    from newstrace.report import render
    from report_fixtures import sample_analysis

    path = tmp_path / "report.html"
    path.write_text(render(sample_analysis(), "html"), encoding="utf-8")
    page = context.new_page()
    page.goto(path.as_uri())
    yield page
    page.close()


def test_the_report_has_no_wcag_aa_violation(report_page):
    assert axe_violations(report_page) == []


def test_the_web_article_page_and_graph_have_no_wcag_aa_violation(context, server):  # noqa: F811
    base, ids = server
    page = context.new_page()
    try:
        for path in (f"/articles/{ids['sample']}", "/graph", "/claims", "/", "/speakers", "/outlets", "/search?q=taxes",
                     "/analyze"):
            page.goto(base + path)
            assert axe_violations(page) == [], path
    finally:
        page.close()


def test_the_axe_check_does_find_poor_contrast(context):
    page = context.new_page()
    try:  # the check itself can fail: light grey on white is reported
        page.set_content('<html lang="en"><head><title>t</title></head><body><main>'
                         '<p style="color:#bbb;background:#fff">faint</p></main></body></html>')
        assert [v["id"] for v in axe_violations(page)] == ["color-contrast"]
    finally:
        page.close()


def test_every_highlight_is_a_tab_stop_that_says_what_it_is(report_page):
    page = report_page
    labels = page.evaluate("""() => [...document.querySelectorAll('.text [tabindex="0"]')]
        .map(el => [el.className, el.getAttribute('aria-roledescription'), el.getAttribute('aria-label')])""")
    quotes = [label for cls, role, label in labels if role == "quote"]
    assert quotes == ["quote by Ann Lee, cue: said, kind: direct", "quote by Ann Lee, cue: added, kind: indirect",
                      "quote by Bob Stone, cue: said, kind: mixed"]
    assert {role for _, role, _ in labels} >= {"quote", "cue", "speaker", "claim"}
    # a mark cut in pieces by others is still one tab stop
    assert page.evaluate("document.querySelectorAll('[data-cont][tabindex]').length") == 0
    # Tab from the top reaches the first quote, whose details then show as for a mouse hover
    first = page.locator("#q-q1")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "q-q1":
            break
    assert page.evaluate("document.activeElement.id") == "q-q1"
    tip = page.locator("#nt-tip")
    tip.wait_for(state="visible")
    assert "speaker: Ann Lee" in tip.inner_text() and "cue: said" in tip.inner_text()
    assert first.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # focus is visible
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "report-keyboard-focus.png"))
    page.keyboard.press("Escape")
    assert not tip.is_visible()


def test_the_speaker_filter_works_from_the_keyboard(report_page):
    page = report_page
    button = page.locator("#speaker-s2 button.only-speaker")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    opacity = float(page.locator("#q-q1").evaluate("el => getComputedStyle(el).opacity"))
    assert opacity < 0.5


def test_the_corpus_report_has_no_wcag_aa_violation(context, tmp_path):
    from newstrace.report.build import report
    from web_fixtures import fill_store

    db = str(tmp_path / "store.db")
    fill_store(db)
    path = tmp_path / "corpus.html"
    path.write_text(report([], db=db), encoding="utf-8")
    page = context.new_page()
    try:
        page.goto(path.as_uri())
        assert page.locator("section.summary").count() == 3  # each article starts with its own
        assert axe_violations(page) == []
    finally:
        page.close()
