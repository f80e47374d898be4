"""The HTML report: highlighted quotes per speaker, claims, collapsed boilerplate, panels, and safety."""
from __future__ import annotations

import random
import re

import pytest

from html_check import check_nesting
from newstrace.model import Analysis, Article, Quote, Span
from newstrace.report import render
from newstrace.report.highlight import Mark, marked_html
from report_fixtures import P1, P2, SOURCE, sample_analysis


@pytest.fixture(scope="module")
def report() -> str:
    return render(sample_analysis(), "html")


def text_div(html: str) -> str:
    return html[html.index('<div class="text">'):html.index("</div></section>") + len("</div>")]


def test_report_is_one_self_contained_page(report):
    assert report.startswith("<!DOCTYPE html>")
    assert report.count("<script") == 1 and report.count("<style>") == 1
    assert not re.search(r"""<(link|img|iframe)\b|\bsrc=["']?https?:""", report)
    assert "Content-Security-Policy" in report and "default-src 'none'" in report


def test_article_text_is_escaped_everywhere(report):
    assert "<script>alert('x')</script>" not in report
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in report  # the title, shown as text
    assert "<b>unfunded</b>" not in report and "&lt;b&gt;unfunded&lt;/b&gt;" in report
    assert "<img src=x" not in report


def test_only_http_links_become_hrefs(report):
    assert 'href="javascript:' not in report
    assert 'href="https://gazette.example/budget"' in report


def test_marked_text_is_well_formed_and_keeps_every_character(report):
    body = check_nesting(text_div(report))
    for paragraph in (P1, P2, SOURCE):
        assert paragraph in body


def test_quotes_coloured_per_speaker_with_speaker_cue_and_kind(report):
    q1 = re.search(r'<span class="q q-direct (sp-\d+)" data-key="q-q1" id="q-q1"([^>]*)>', report)
    q2 = re.search(r'<span class="q q-indirect (sp-\d+)" data-key="q-q2" id="q-q2"', report)
    q3 = re.search(r'<span class="q q-mixed (sp-\d+)" data-key="q-q3" id="q-q3"', report)
    assert q1.group(1) == q2.group(1) != q3.group(1)  # Ann Lee twice, Bob Stone once
    assert 'data-speaker="Ann Lee"' in q1.group(2) and 'data-cue="said"' in q1.group(2)
    assert 'data-kind="direct"' in q1.group(2)


def test_overlapping_claim_is_split_into_fragments_of_one_key(report):
    fragments = re.findall(r'<span class="claim" data-key="c-c3"([^>]*)>', report)
    assert len(fragments) == 2  # c3 crosses the end of quote q1
    assert 'id="claim-c3"' in fragments[0] and 'data-cont="1"' in fragments[1]
    assert 'data-score="0.35"' in fragments[1]


def test_claim_with_inconsistent_check_is_marked_and_shows_score_and_checks(report):
    tag = re.search(r'<span class="claim claim-bad" data-key="c-c1"[^>]*>', report).group(0)
    assert 'data-score="0.91"' in tag and "multiple: inconsistent" in tag


def test_boilerplate_collapsed_and_labelled(report):
    blocks = re.findall(r'<details class="bp" data-kind="(\w+)">', report)
    assert blocks == ["byline", "source", "copyright"]
    assert "<details open" not in report


def test_speakers_panel(report):
    panel = report[report.index('id="speakers"'):report.index('id="quotes"')]
    assert "Ann Lee" in panel and "mayor / Springfield" in panel and "aliases: Lee" in panel
    assert re.search(r'Ann Lee.*?<span class="nquotes">2</span> quotes · 2 mentions \(1 pronouns resolved\)', panel)
    assert re.search(r'Bob Stone.*?<span class="nquotes">1</span>', panel)


def test_checks_inconsistent_first_with_computation(report):
    panel = report[report.index('id="checks"'):report.index('id="provenance"')]
    assert panel.index("v-inconsistent") < panel.index("v-consistent")
    assert "12 / 5 = 2.4, but the text says &#x27;double&#x27; (2)" in panel
    assert 'href="#claim-c1"' in panel


def test_provenance_timeline_links_evidence_to_the_text(report):
    panel = report[report.index('id="provenance"'):]
    assert panel.index("Springfield Gazette") < panel.index("republisher")
    assert 'href="#ev-0-0"' in panel
    assert '<span class="evidence" data-key="ev-0-0" id="ev-0-0"' in report


def test_empty_analysis_renders_with_empty_sections():
    html = render(Analysis(Article(text="Just one line.", paragraphs=[Span.of("Just one line.", 0, 14)])), "html")
    assert "no speakers" in html and "no quotes" in html and "no publication chain found" in html
    assert "Just one line." in check_nesting(text_div(html))


def test_spans_out_of_range_or_empty_are_ignored():
    text = "Short text."
    article = Article(text=text, paragraphs=[Span.of(text, 0, 11)])
    bad = Quote("q", Span(5, 500, "?"), Span(9, 3, "?"), cue=Span(-4, 2, "?"))
    html = render(Analysis(article, quotes=[bad]), "html")
    assert check_nesting(text_div(html)).strip() == text


def test_text_outside_paragraphs_and_boilerplate_is_kept():
    text = "Body here.\n\nStray line."
    html = render(Analysis(Article(text=text, paragraphs=[Span.of(text, 0, 10)])), "html")
    assert '<p class="outside">Stray line.</p>' in html


@pytest.mark.parametrize("seed", range(40))
def test_random_overlapping_marks_nest_and_keep_text(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice("ab <&>\"'") for _ in range(rng.randint(1, 60)))
    marks = []
    for i in range(rng.randint(0, 12)):
        s = rng.randint(-3, len(text) + 3)
        marks.append(Mark(s, s + rng.randint(-2, 25), f"m{i}", f"k{i}", rank=rng.randint(0, 3), anchor=f"a{i}"))
    html = marked_html(text, 0, len(text), marks)
    assert check_nesting(html) == text
    ids = re.findall(r'id="(a\d+)"', html)
    assert len(ids) == len(set(ids))  # an anchor is given to one fragment only


def test_real_analysis_renders(examples):
    from newstrace.pipeline import analyze_path

    analysis = analyze_path(str(examples / "wikinews-hong-kong-leader-announces-withdrawal-of-extraditi.txt"))
    html = render(analysis, "html")
    body = check_nesting(text_div(html))
    assert analysis.article.paragraphs[0].text in body
    assert '<details class="bp" data-kind="dateline">' in html
    assert '<span class="evidence signal"' in html  # the "originally published" signal's span
    # the chain's evidence (or, with no chain, the raw signal) links to its span in the text
    anchor = "ev-0-0" if analysis.provenance and analysis.provenance[0].evidence else "sig-0"
    assert f'href="#{anchor}"' in html and f'id="{anchor}"' in html


def test_quote_across_paragraphs_and_title_gets_one_anchor():
    text = "Mayor says \"yes\"\n\nFirst part of it.\n\nSecond part of it."
    article = Article(text=text, title="Mayor says \"yes\"", title_span=Span.of(text, 0, 16),
                      paragraphs=[Span.of(text, 18, 35), Span.of(text, 37, len(text))])
    across = Quote("q1", Span.of(text, 24, 50), Span.of(text, 24, 50))
    in_title = Quote("q2", Span.of(text, 11, 16), Span.of(text, 12, 15), speaker_mention=Span.of(text, 0, 5))
    html = render(Analysis(article, quotes=[across, in_title]), "html")
    assert html.count('id="q-q1"') == 1 and html.count('data-key="q-q1"') == 2
    title = html[html.index('<h1 class="title">'):html.index("</h1>")]
    assert 'id="q-q2"' in title and '<span class="who sp-none"' in title
