"""Reporting sources an outlet is by its syntax (issue 18): a medium named before the name ("Greek daily X said",
"newspaper The X reported"), a paper at the end of a paraphrase (", Lakeland Mail reported."), "X reported" before
a clause without "that", "quoted by X", "X quoted Y as saying". And what must stay no outlet: ministries, statistics
offices, companies, people with their titles, weekdays after "the newspaper".

All texts are invented.
"""
from __future__ import annotations

import pytest

from newstrace.extract import extract_string
from newstrace.model import Quote, Span
from newstrace.nlp import parse_article
from newstrace.provenance import build_chain
from provenance_helpers import chain_of, roles

FILL = (" The talks had been planned for months and both sides said they expected a long negotiation over the "
        "terms of the deal, which covers trade, fishing rights and the movement of workers across the border.")


@pytest.mark.parametrize("sentence, name, role", [
    ("Southern daily Vellamo said the port would have to close within a year.", "Vellamo", "report"),
    ("The deal was signed on Friday.  Greek daily Vellamo said the port would close.", "Vellamo", "report"),  # two spaces
    ("The Ruritanian daily Vellamo reported that the port would close.", "Vellamo", "report"),
    ("The port will close in May, newspaper The Harbourer reported.", "The Harbourer", "report"),
    ("The port will close in May, the business daily Vellamo wrote on Monday.", "Vellamo", "report"),
    ("The talks failed, public broadcaster Kanal Sedam said on Monday.", "Kanal Sedam", "report"),
    ("Vellamo newspaper said the port would close.", "Vellamo", "report"),
    ("According to the regional newspaper Nordposten, the port will close.", "Nordposten", "report"),
    ("The Ruritanian news agency Kallio quoted the minister as saying the port would close.", "Kallio", "report"),
    ("He told the regional newspaper Nordposten that the port would close.", "Nordposten", "interview"),
    ("In an interview with the weekly Nordposten, she said the port would close.", "Nordposten", "interview"),
    ("Speaking with the Harbour Gazette, she said the port would close.", "Harbour Gazette", "interview"),
    ("She was interviewed by the Harbour Gazette about the port.", "Harbour Gazette", "interview"),
    ("In December, an official said the pipeline was no longer needed, Lakeland Mail reported.", "Lakeland Mail", "report"),
    ("Harbour News reported President Novak is expected to resign within the week.", "Harbour News", "report"),
    ("Harbour News reported the minister had resigned after the vote.", "Harbour News", "report"),
    ("The Harbour Gazette reports that the minister will resign.", "Harbour Gazette", "report"),
    ("The minister was quoted by the Kallio news agency as saying the port would close.", "Kallio", "report"),
    ("The Harbour Gazette quoted the minister as saying the port would close.", "Harbour Gazette", "report"),
    ("Ruritania's state news agency Kallio reported on Monday that the port would close.", "Kallio", "report"),
    ("The Harbour Gazette said in an editorial that the port would close.", "Harbour Gazette", "report"),
    ("The Harbour Gazette has learned that the port will close.", "Harbour Gazette", "report"),
    ("A report in the Harbour Gazette said the port would close.", "Harbour Gazette", "report"),
    ("The port will close.  As Harbour News reported, the minister resigned.", "Harbour News", "report"),
    ("The port is open, the Harbour Press Agency (HPA) reported.", "Harbour Press Agency", "report"),
    ("According to Ruritania's semi-official Kallio news agency, the port is open.", "Kallio", "report"),
    ("The port is open, the state-run Kallio news agency reported.", "Kallio", "report"),
    ("The port is open, the Kremlin-backed Harbour TV reported.", "Harbour TV", "report"),
    ("Speaking on Harbour Radio, he said the port was open.", "Harbour Radio", "interview"),
    ("The BBC said the suspect had been arrested at the port.", "BBC", "report"),
    ("The suspect was arrested at the port, Harbour News reports.", "Harbour News", "report"),
    ("Three people died, the Harbour Gazette said, citing officials.", "Harbour Gazette", "report"),
    ("“The port is open,” the BBC said.", "BBC", "report"),
    ("He told The Spokesman-Gazette that the port was open.", "Spokesman-Gazette", "interview"),
    ("He told The Harbour-Star of Lakeland that the port was open.", "Harbour-Star", "interview"),
    ("He told the Journal of Commerce that the port was open.", "Journal of Commerce", "interview"),
    ("He told the Ruritanian Broadcasting Corporation that the port was open.", "Ruritanian Broadcasting Corporation",
     "interview"),
    ("Al Jazeera said on Monday that three people had died.", "Al Jazeera", "report"),
    ("The port was closed, CNN affiliate KLMN reported.", "KLMN", "report"),
    ("A spokesman told Russia's TASS that the port was closed.", "TASS", "interview"),
    ("At least 40 people have died, according to an AFP tally.", "Agence France-Presse", "report"),
    ("The port was closed. A Harbour Gazette poll found that most residents agreed.", "Harbour Gazette", "report"),
    ("Most residents agreed, according to an Associated Press-Lakeland Research poll.", "Associated Press", "report"),
    ("He told the Harbour Sun-Times that the port was closed.", "Harbour Sun-Times", "interview"),
    ("“The port is closed,” he said to the Harbour Gazette.", "Harbour Gazette", "interview"),
    # after the fresh set's clean run (2026-12-04): the wordings it showed, invented anew
    ("The day before, television broadcaster Harbour TV revealed that the port was closed.", "Harbour TV", "report"),
    ("A spokesman told Brussels-based media network Lakeland Online that the port was closed.", "Lakeland Online",
     "interview"),
    ("On Monday, state-owned Ruritanian news agency Kallio reported that the port was closed.", "Kallio", "report"),
    ("According to semi-official news agency Kallio, the port was closed.", "Kallio", "report"),
    ("Speaking to Jane Roe of the Harbour Gazette, he said the port was closed.", "Harbour Gazette", "interview"),
    ("The port was closed, which newspaper The Harbourer described as a scandal.", "The Harbourer", "report"),
    ("The Harbour Gazette published an article about the port.", "Harbour Gazette", "report"),
    ("The November 4 issue of Vellamo published an interview with the mayor.", "Vellamo", "interview"),
    ("On Monday, Ruritanian daily newspaper Vellamo revealed a deal.", "Vellamo", "report"),
    ("The state paid the loan, and daily Vellamo covered the story.", "Vellamo", "report"),
    ("The port was closed. The Harbour Gazette's investigation found that the mayor knew.", "Harbour Gazette", "report"),
    ("According to reports in the Harbour Gazette, the port was closed.", "Harbour Gazette", "report"),
    ("Writing in the Harbour Gazette, the mayor said the port was closed.", "Harbour Gazette", "report"),
    ("She argued in an op-ed for the Harbour Gazette that the port should stay open.", "Harbour Gazette", "report"),
    ("A spokesman confirmed to the Harbour Gazette that the port was closed.", "Harbour Gazette", "interview"),
])
def test_an_outlet_worded_as_one(sentence, name, role):
    assert (name, role) in roles(chain_of(sentence + FILL))


@pytest.mark.parametrize("sentence", [
    "Officials said the port would close, the Interior Ministry reported.",
    "Unemployment rose to 6%, Statistics Ruritania reported.",
    "Sales rose by 5% in the second quarter, Harbour Holdings Inc reported.",
    "On national television President Novak said the port would close.",
    "The newspaper Monday said the port would close.",
    "He wrote for the daily Vellamo for ten years before he went into politics.",
    "Harbour News reported record ratings this year.",
    "Researchers from Lakeland University reported the frogs had spiky skulls.",
    "The minister quoted Shakespeare as saying all the world is a stage.",
    "The letter was sent by Royal Mail, the company reported.",
    "Harbour News reports, which the minister denied, were read in parliament.",
    "The World Bank said in a report that the port would close.",
    "A report by Human Rights Watch said the port would close.",
    "She spoke with President Novak about the port.",
    "In a paper Smith and Jones wrote in 2019, the port was said to be closing.",
    "The retail outlet Harbour Stores said it would close.",
    "The magazine said the port would close.",
    "Ruritanian media reported that the port would close.",
    "CNN said it would appeal the ruling.",
    "The BBC said in a statement that the presenter had left.",
    "The Rolling Stones said the tour would go on.",
    "Harbour News said the port would close.",  # not in the table, no medium word: an actor as much as a source
    "She spoke to the Harbour Parenthood Action Network about the port.",
    "He told the Lakeland Press Club that the port would close.",
    "The port will close, Harbour Media Group reported.",
    "He denied the Harbour News reports.",
    "Three people died, the Interior Ministry said.",
    "Three people died, the newspaper said.",
    "Three people died, Harbour Press Secretary Jane Roe said.",
    "Writing in a letter to the mayor, she said the port was closed.",
    "Writing in Nature, the authors said the frogs had spiky skulls.",
    "He confirmed to reporters that the port was closed.",
    "According to media reports, the port was closed.",
    "The port was closed. A Lakeland University poll found that most residents agreed.",
    "The mayor is said to be angry about the port.",
    "The port was closed. The Interior Ministry's investigation found that the mayor knew.",
])
def test_no_outlet_where_the_syntax_names_none(sentence):
    assert [s.role for s in chain_of(sentence + FILL)] == ["origin"]


def test_a_journalist_with_an_apostrophe_in_the_name_is_no_outlet():
    chain = chain_of("He told Bill O'Malley of the Harbour Gazette that the port would close." + FILL)
    interview = next(s for s in chain if s.role == "interview")
    assert (interview.name, interview.journalist) == ("Harbour Gazette", "Bill O'Malley")


def test_an_outlet_ends_at_a_bare_possessive_apostrophe():
    chain = chain_of("Harbour News’ Jane Roe previously reported that the port would close." + FILL)
    assert ("Harbour News", "report") in roles(chain)


def test_a_person_the_tagger_finds_after_a_broadcast_medium_is_no_outlet(nlp):
    article = extract_string("He told local radio John Smith had been arrested at the port on Monday." + FILL,
                             url="https://www.example-news.com/story")
    parse_article(article, nlp)
    assert any(e.label == "PERSON" and e.span.text == "John Smith" for e in article.entities), "the test needs the tag"
    assert [s.role for s in build_chain(article)] == ["origin"]


@pytest.mark.parametrize("sentence, names", [
    ("The port will close, according to the BBC and Reuters.", ["BBC", "Reuters"]),
    ("The Harbour Gazette and Lakeland News reported that the port would close.", ["Harbour Gazette", "Lakeland News"]),
    ("The port was first reported by Reuters, the Harbour Gazette and Lakeland News.",
     ["Reuters", "Harbour Gazette", "Lakeland News"]),
])
def test_every_outlet_of_a_list(sentence, names):
    assert [s.name for s in chain_of(sentence + FILL) if s.role == "report"] == names


@pytest.mark.parametrize("sentence", [
    "According to Reuters, Harbour News has fired its host.",  # a comma is no list without "and"
    "According to Reuters and John Novak, the port is open.",
    "According to Reuters and the Interior Ministry, the port is open.",
    "He told Reuters and Courier newspaper of Lakeland that the port was open.",  # a paper named "… and Courier"
])
def test_a_list_takes_only_outlets(sentence):
    assert [s.name for s in chain_of(sentence + FILL) if s.role in ("report", "interview")] == ["Reuters"]


# --- credit lines, bylines and datelines in their common variants --------------------------------

@pytest.mark.parametrize("text, wire", [
    ("Port talks\n\nJane Roe | Reuters\n\nThe minister said the talks would go on." + FILL, "Reuters"),
    ("The minister said the talks would go on." + FILL + "\n\nThe Associated Press contributed to this report.",
     "Associated Press"),
    ("The minister said the talks would go on." + FILL + "\n\nInformation from the Associated Press was used in this report.",
     "Associated Press"),
])
def test_a_wire_credited_in_the_text(text, wire):
    assert (wire, "wire") in roles(chain_of(text))


@pytest.mark.parametrize("text", [
    "Port talks\n\nJane Roe, Harbour Gazette\n\nThe minister said the talks would go on." + FILL,
    "The minister said the talks would go on." + FILL + "\n\nReporting by Jane Roe; Editing by John Doe",
    "The minister said the talks would go on." + FILL + "\n\nJohn Doe contributed to this report.",
    # The page's own story with some help: the text is not the wire's.
    "The minister said the talks would go on." + FILL + "\n\nAdditional reporting from Reuters.",
])
def test_a_credit_naming_no_wire_gives_no_wire(text):
    assert "wire" not in [s.role for s in chain_of(text)]


def test_a_wire_in_a_metadata_author_line():
    html = ("<html><head><title>Port</title><meta name=\"author\" content=\"Jane Roe | Reuters\"></head><body><article>"
            f"<h1>Port talks</h1><p>The minister said the talks would go on.</p><p>{FILL}</p></article></body></html>")
    chain = build_chain(extract_string(html, fmt="html", url="https://www.example-news.com/story"))
    assert ("Reuters", "wire") in roles(chain)


def test_a_dateline_without_a_place_dates_the_page():
    assert chain_of("June 3, 2021 — The minister said the talks would go on." + FILL)[-1].date == "2021-06-03"


def test_an_origin_named_with_a_lower_case_article_drops_it():
    chain = chain_of("The minister said the talks would go on." + FILL
                     + "\n\nThis article first appeared in the Lakeland Courier.")
    assert chain[0].name == "Lakeland Courier"


def test_a_one_word_name_is_the_outlet_named_before_it():
    chain = chain_of("The Lakeland Post reported that the port was closed." + FILL
                     + "\n\nA spokesman later told the Post that it would reopen." + FILL)
    assert [(s.name, s.role) for s in chain if s.role != "origin"] == [("Lakeland Post", "report"),
                                                                      ("Lakeland Post", "interview")]


def test_a_one_word_name_on_the_page_of_that_outlet_is_its_own():
    html = ("<html><head><title>Port</title><meta property=\"og:site_name\" content=\"Lakeland Post\"></head><body>"
            f"<article><h1>Port talks</h1><p>A spokesman told the Post that the port would reopen.</p><p>{FILL}</p>"
            "</article></body></html>")
    chain = build_chain(extract_string(html, fmt="html", url="https://www.lakelandpost.com/x"))
    assert chain[-1].name == "Lakeland Post"
    assert [s.name for s in chain if s.role == "interview"] == ["Lakeland Post"]


def test_a_letter_to_a_paper_is_a_report_not_an_interview():
    article = extract_string("Port deal\n\n“The port will stay open,” the mayor said in a letter to the Harbour Gazette."
                             + FILL, url="https://www.example-news.com/story")
    start = article.text.index("in a letter")
    venue = Span.of(article.text, start, start + len("in a letter to the Harbour Gazette"))
    content = Span.of(article.text, 0, article.text.index("the mayor"))
    quote = Quote(id="Q1", span=content, content=content, venue=venue)
    assert ("Harbour Gazette", "report") in roles(build_chain(article, quotes=[quote]))
