"""Provenance on the shapes real pages take (issue 18): what the page says about itself, wire and credit
lines, venues that are no outlets, names that are outlets by their wording, interview details, datelines.

Every text here is invented; the real-page figures come from ``bench/provenance.py``.
"""
from __future__ import annotations

import json

import pytest

from newstrace.extract import extract_string
from newstrace.model import Quote, Source, Span
from newstrace.provenance import build_chain, outlets
from newstrace.provenance.body import quote_candidates
from bench.provenance_eval import PageScore, score_page
from newstrace.provenance.signals import Page
from provenance_helpers import chain_of as provenance_chain, roles

FILL = (" The talks had been planned for months and both sides said they expected a long negotiation over the "
        "terms of the deal, which covers trade, fishing rights and the movement of workers across the border.")


def chain_of(text: str, url: str | None = "https://www.harbour-gazette.com/story") -> list:
    return provenance_chain(text, url)


def page(body: str, head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Port deal</title>{head}</head><body>"
            f"<article><h1>Port deal</h1>{body}</article></body></html>")


def jsonld(data: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def html_chain(body: str, head: str, url: str) -> list:
    return build_chain(extract_string(page(body, head), fmt="html", url=url))


def quoted(venue: str, verb: str = "said", **kind) -> tuple:
    """An article with a quote whose venue is ``venue``, and that quote."""
    text = f"“The port will stay open,” the mayor {verb} {venue}." + FILL
    article = extract_string(text, url="https://www.example-news.com/story")
    start = article.text.index(venue)
    quote = Quote(id="Q1", span=Span.of(article.text, 0, start), content=Span.of(article.text, 1, 26),
                  venue=Span.of(article.text, start, start + len(venue)), **kind)
    return article, quote


PARAS = "".join(f"<p>Paragraph {i} of the story.{FILL}</p>" for i in range(3))


# --- the page's own outlet ----------------------------------------------------------------------

def test_jsonld_publisher_outranks_an_application_name_that_is_a_slogan():
    head = ("<meta name='application-name' content='Breaking Coast and World News Headlines - CoastNine'>"
            + jsonld({"@type": "NewsArticle", "headline": "Port deal", "publisher": {"@type": "Organization",
                                                                                      "name": "CoastNine"}}))
    chain = html_chain(PARAS, head, "https://www.coastnine.com.au/world/port-deal")
    assert roles(chain) == [("CoastNine", "origin")]


def test_a_lower_case_site_name_gives_way_to_the_publishers_spelling():
    head = ("<meta property='og:site_name' content='harbourpost'>"
            + jsonld({"@type": "NewsArticle", "publisher": {"@type": "NewsMediaOrganization", "name": "Harbour Post"}}))
    assert roles(html_chain(PARAS, head, "https://harbourpost.com/news/port")) == [("Harbour Post", "origin")]


def test_a_publisher_that_spells_the_domain_differently_is_still_the_site():
    """"Evening Gazette" at gazette.co.uk with og:site_name "The Gazette": one outlet, not an origin and a republisher."""
    head = ("<meta property='og:site_name' content='The Gazette'>"
            + jsonld({"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Evening Gazette"}}))
    assert roles(html_chain(PARAS, head, "https://www.gazette.co.uk/news/port")) == [("Evening Gazette", "origin")]


def test_a_canonical_link_on_another_host_of_the_same_site_is_no_origin():
    head = "<link rel='canonical' href='https://weekend.harbour-gazette.co.za/news/port'>"
    chain = html_chain(PARAS, head, "https://www.harbour-gazette.co.za/news/port")
    assert [s.role for s in chain] == ["origin"]


def test_a_canonical_link_on_another_site_is_still_an_origin():
    head = "<link rel='canonical' href='https://www.reuters.com/world/port-deal'>"
    chain = html_chain(PARAS, head, "https://www.harbour-gazette.co.za/news/port")
    assert roles(chain)[0] == ("Reuters", "wire")


@pytest.mark.parametrize("name", ["signing up you consent to receive the above newsletter from Harbour Media",
                                  "Today's PaperPlace an AdTuesday", "theharbour", "x" * 70])
def test_text_that_is_no_outlet_name_is_refused(name):
    assert not outlets.plausible_name(name)


@pytest.mark.parametrize("name", ["The Harbour Gazette", "9News", "Daily Maverick", "The Times of India"])
def test_outlet_names_are_plausible(name):
    assert outlets.plausible_name(name)


@pytest.mark.parametrize("url", ["news[.com", "http://[bad/x", "https://[::1"])
def test_domain_of_an_unparseable_url_is_none_not_a_crash(url):
    assert outlets.domain_of(url) is None


def test_originally_published_by_a_bracketed_domain_does_not_crash():
    chain = chain_of("The minister said the talks would go on." + FILL + "\n\nThis article was originally published by news[.com.")
    assert chain[-1].name == "harbour-gazette.com"


# --- wire and credit lines ----------------------------------------------------------------------

def test_a_wire_named_as_author_in_the_page_metadata_is_the_wire():
    head = "<meta property='article:author' content='Associated Press in Lisbon'>"
    chain = html_chain(PARAS, head, "https://www.harbour-gazette.com/world/port")
    assert roles(chain) == [("Associated Press", "wire"), ("harbour-gazette.com", "republisher")]


def test_with_files_from_a_wire_and_a_person():
    chain = chain_of("The minister said the talks would go on." + FILL + "\n\nWith files from The Canadian Press and Jane Roe")
    assert roles(chain)[0] == ("The Canadian Press", "wire")
    assert chain[0].evidence[0].text.startswith("With files from The Canadian Press")


def test_a_wire_writer_who_contributed():
    text = "The minister said the talks would go on." + FILL + "\n\n—Associated Press writer Ana Lima in Porto contributed to this report."
    assert roles(chain_of(text))[0] == ("Associated Press", "wire")


def test_with_files_from_a_newspaper_is_not_a_wire():
    text = "The minister said the talks would go on." + FILL + "\n\nWith files from the Harbour Gazette"
    assert [s.role for s in chain_of(text)] == ["origin"]


def test_a_masthead_via_an_agency_is_origin_then_syndicator():
    chain = chain_of("The rabbi said the festival would go ahead." + FILL + "\n\nKVELLER via JTA")
    assert roles(chain) == [("Kveller", "origin"), ("Jewish Telegraphic Agency", "syndicator"),
                            ("harbour-gazette.com", "republisher")]


def test_via_in_a_sentence_is_no_credit():
    chain = chain_of("The minister said the talks would go on." + FILL + "\n\nShe travelled to Lisbon via Madrid.")
    assert [s.role for s in chain] == ["origin"]


def test_a_paragraph_ending_in_a_wire_credit():
    chain = chain_of("The minister said the talks would go on." + FILL + "\n\nThe next round opens in May, he said. — PTI")
    assert roles(chain)[0] == ("Press Trust of India", "wire")


def test_a_party_called_pti_in_the_body_is_no_wire():
    text = "The minister said the talks would go on." + FILL + "\n\nThe PTI party said it would boycott the vote." + FILL
    assert [s.role for s in chain_of(text)] == ["origin"]


# --- venues are never outlets -------------------------------------------------------------------

@pytest.mark.parametrize("venue", ["in a statement", "in a news release", "in a blog post", "during a news conference",
                                   "in a Telegram post", "in a statement delivered via the press secretary"])
def test_a_quote_venue_that_is_no_outlet_gives_no_link(venue):
    article, quote = quoted(venue)
    chain = build_chain(article, quotes=[quote])
    assert [s.role for s in chain] == ["origin"]


def test_a_quote_venue_naming_an_outlet_is_an_interview():
    article, quote = quoted("the Harbour Gazette", verb="told")
    assert ("Harbour Gazette", "interview") in roles(build_chain(article, quotes=[quote]))


# --- names that are outlets by their wording ----------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("The scandal was first reported by the Hamburger Abendblatt on Monday.", "Hamburger Abendblatt"),
    ("The minister was concerned about the revelations by newspaper Nordposten.", "Nordposten"),
    ("Reporters from HarbourLive have reported bottles being thrown at officers.", "HarbourLive"),
    ("The court cannot enforce its rulings, according to a Reuters report.", "Reuters"),
    ("The plan is set out in a memo seen by Bloomberg.", "Bloomberg"),
    ("Moore denied the relationship in April, according to The Assembly.", "The Assembly"),
])
def test_a_report_named_by_its_wording(sentence, name):
    assert (name, "report") in roles(chain_of(sentence + FILL))


@pytest.mark.parametrize("sentence", [
    "The scandal was first reported by Maria Santos on Monday.",  # a bare name needs more than the wording
    "The plan is set out in a memo seen by the Finance Committee.",
    "Moore denied the relationship in April, according to the Ministry of Justice.",
])
def test_no_report_where_the_name_is_a_person_or_an_institution(sentence):
    assert [s.role for s in chain_of(sentence + FILL)] == ["origin"]


def test_an_outlet_reported_with_a_colon_before_the_quotation():
    chain = chain_of("The minister was dismissed." + FILL + "\n\nKyiv Post reported:\n\n“The minister was dismissed on Friday.”" + FILL)
    assert ("Kyiv Post", "report") in roles(chain)


def test_an_outlet_has_reported_that_without_that():
    chain = chain_of("The New York Times has reported she was a fan of Diana Ross." + FILL)
    assert ("The New York Times", "report") in roles(chain)


def test_a_country_possessive_before_a_news_channel():
    chain = chain_of("He told Ruritania's Lumo news channel that the port had been hit." + FILL)
    assert ("Lumo", "interview") in roles(chain)


def test_a_description_before_a_broadcaster_is_not_its_name():
    chain = chain_of("He told the Ruritanian state-owned Kanal Dva television that the port was safe." + FILL)
    assert ("Kanal Dva", "interview") in roles(chain)


def test_sky_sports_is_not_sky_news():
    chain = chain_of("“Hopefully I started everyone off well,” she told Sky Sports afterwards." + FILL)
    assert ("Sky Sports", "interview") in roles(chain)
    assert not any(s.name == "Sky News" for s in chain)


def test_a_capitalised_wire_in_a_channel_name_is_kept():
    assert outlets.clean_name("Lisbon Wire") == "Lisbon Wire"
    assert outlets.clean_name("Reuters wire") == "Reuters"


# --- interviews: one link per outlet, with date and journalist from anywhere in the text ---------

def test_interview_details_in_the_last_paragraph_join_the_interview_link():
    text = ("The mayor, in an interview with the Gulf Herald newspaper from the devastated city of Mariupol, said "
            "the port was lost." + FILL + "\n\nHe told the Gulf Herald that the shelling had not stopped." + FILL
            + "\n\nThe interview was conducted in Mariupol on 12 March 2022 by Olena Petrenko of the Gulf Herald.")
    interviews = [s for s in chain_of(text) if s.role == "interview"]
    assert len(interviews) == 1
    link = interviews[0]
    assert (link.name, link.date, link.journalist) == ("Gulf Herald", "2022-03-12", "Olena Petrenko")
    assert len(link.evidence) == 3
    assert "Mariupol" in (link.note or "")


# --- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("dateline, date", [("PARIS, June 3, 2021 - ", "2021-06-03"), ("PARIS, June 3, 2021 — ", "2021-06-03"),
                                            ("LISBON, 3 June 2021 – ", "2021-06-03")])
def test_an_in_body_dateline_dates_a_page_without_metadata(dateline, date):
    chain = chain_of(dateline + "The minister said the talks would go on." + FILL)
    assert chain[-1].date == date


def test_a_dateline_with_a_wire_in_brackets():
    chain = chain_of("LONDON, 3 June 2021 (Reuters) - The minister said the talks would go on." + FILL)
    assert (chain[0].name, chain[0].role, chain[0].date) == ("Reuters", "wire", "2021-06-03")


def test_originally_published_on_a_date():
    chain = chain_of("The minister said the talks would go on." + FILL
                     + "\n\nThis article was originally published by Lisbon Wire on 2020-05-25.")
    assert (chain[0].name, chain[0].role, chain[0].date) == ("Lisbon Wire", "origin", "2020-05-25")


@pytest.mark.parametrize("sentence, found", [
    ("The minister said via the Los Angeles Times that the talks would go on.", ("Los Angeles Times", "report")),
    ("Photo: Jane Roe/Harbour Record via AP. The minister said the talks would go on.", None),
    ("She travelled to Lisbon via Madrid and via Reuters Street.", None),
    ("The statement came via the press secretary.", None),
])
def test_via_an_outlet_but_not_a_picture_credit_or_a_route(sentence, found):
    chain = chain_of(sentence + FILL)
    assert (found in roles(chain)) if found else [s.role for s in chain] == ["origin"]


# --- scoring real pages -------------------------------------------------------------------------

def _src(name: str, role: str) -> Source:
    return Source(name=name, role=role)


def test_page_scoring_counts_origin_links_allowed_and_forbidden_names():
    case = {"id": "x", "expected": [{"name": "Associated Press", "role": "wire"},
                                    {"name": ["Harbour Gazette", "The Gazette"], "role": "republisher"}],
            "allow": ["Harbour TV"], "forbid": ["Getty Images"]}
    chain = [_src("AP", "wire"), _src("Harbour TV", "interview"), _src("AP", "interview"),
             _src("Getty Images", "report"), _src("The Gazette", "republisher")]
    score = PageScore()
    misses = score_page(case, chain, score)
    assert (score.origin_right, score.links.true_pos, score.links.false_pos, score.links.false_neg) == (1, 2, 1, 0)
    assert score.forbidden == ["x: Getty Images"] and misses == ["extra Getty Images (report, )"]


def test_page_scoring_a_wrong_origin():
    case = {"id": "y", "expected": [{"name": "Harbour Gazette", "role": "origin"}]}
    score = PageScore()
    misses = score_page(case, [_src("Reuters", "origin"), _src("Harbour Gazette", "republisher")], score)
    assert score.origin_right == 0 and score.links.false_neg == 1 and score.links.false_pos == 2
    assert misses[-1] == "origin Reuters (origin), expected Harbour Gazette"


@pytest.mark.parametrize("title", ["News Reporter", "Senior Political Correspondent", "Staff Writer"])
def test_a_job_title_after_the_byline_name_is_no_outlet(title):
    chain = chain_of("The minister said the talks would go on." + FILL + f"\n\nBy Jon Roe, {title}")
    assert [s.role for s in chain] == ["origin"]


@pytest.mark.parametrize("venue", ["on TV", "on the radio", "to the newspaper"])
def test_a_medium_with_no_name_is_no_outlet(venue):
    article, quote = quoted(venue)
    assert quote_candidates(article, [quote], Page.of(article)) == []


@pytest.mark.parametrize("venue", ["in an interview with the Harbour Gazette", "told the Harbour Gazette on Monday"])
def test_a_venue_finds_its_outlet_after_the_right_cue(venue):
    article, quote = quoted(venue)
    # The quote's venue alone, without the body rules (which find "told X" in the paragraph too).
    found = [(c.source.name, c.role) for c in quote_candidates(article, [quote], Page.of(article))]
    assert found == [("Harbour Gazette", "interview")]


def test_cases_load_from_an_object_or_a_bare_list(tmp_path):
    from bench.provenance_eval import load_cases
    case = {"id": "x", "expected": [{"name": "Harbour Gazette", "role": "origin"}]}
    (tmp_path / "obj.json").write_text(json.dumps({"cases": [case]}), encoding="utf-8")
    (tmp_path / "list.json").write_text(json.dumps([case]), encoding="utf-8")
    assert load_cases(tmp_path / "obj.json") == load_cases(tmp_path / "list.json") == [case]


def test_the_bench_skips_a_fresh_set_that_is_absent(tmp_path):
    import subprocess
    import sys
    from pathlib import Path
    bench = Path(__file__).resolve().parent.parent / "bench" / "provenance.py"
    done = subprocess.run([sys.executable, str(bench), "--fresh", str(tmp_path / "absent.json")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "fresh set skipped" in done.stdout
