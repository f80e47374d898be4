"""Long articles are parsed in pieces cut at paragraph breaks, joined into one Doc with exact offsets."""
from __future__ import annotations

import pytest

from newstrace.extract.text import extract_text
from newstrace.nlp import parse_article, parse_articles
from newstrace.nlp.chunks import chunk_bounds
from newstrace.nlp.model import blank_english

PARAGRAPH = ("The council of Strelsau voted on Monday to close the old bridge, number {i}, for repairs. "
             "Traffic will go round by the ring road until the spring.")


def _tiles(text: str, bounds: list[tuple[int, int]]) -> bool:
    return bounds[0][0] == 0 and bounds[-1][1] == len(text) and all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))


def test_pieces_tile_the_text_and_end_after_a_blank_line_when_there_is_one():
    text = "\n\n".join(PARAGRAPH.format(i=i) for i in range(40))
    bounds = chunk_bounds(text, 1000)
    assert _tiles(text, bounds) and len(bounds) > 1
    assert all(e - s <= 1000 for s, e in bounds)
    assert all(text[e - 2:e] == "\n\n" and not text[e].isspace() for _, e in bounds[:-1])


@pytest.mark.parametrize("text, ends", [
    ("One sentence here. " * 200, ". "),  # a paragraph alone over the limit: cut after a sentence
    ("word " * 1000, " "),  # no sentence end: cut at a space
])
def test_a_paragraph_longer_than_the_limit_is_cut_at_a_sentence_end_or_a_space(text, ends):
    bounds = chunk_bounds(text, 700)
    assert _tiles(text, bounds) and all(e - s <= 700 for s, e in bounds)
    assert all(text[:e].endswith(ends) for _, e in bounds[:-1])


def test_text_without_any_break_is_cut_at_the_limit_and_short_text_is_one_piece():
    assert chunk_bounds("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]
    assert chunk_bounds("Short.", 1000) == [(0, 6)] and chunk_bounds("", 1000) == [(0, 0)]


def test_an_article_over_a_million_characters_is_parsed_with_exact_offsets():
    nlp = blank_english()
    nlp.add_pipe("newstrace_paragraph_breaks")
    body = "\n\n".join(PARAGRAPH.format(i=i) for i in range(7500))
    article = extract_text("Bridges of Strelsau\n\n" + body)
    assert len(article.text) > 1_000_000
    with pytest.raises(ValueError, match="max_length"):  # what spaCy alone does with it
        nlp(article.text)
    doc, view = parse_article(article, nlp)
    assert doc.text == view.text
    assert len(article.sentences) == 1 + 7500  # the title, and one sentence per paragraph (no sentencizer here)
    for span in article.sentences:
        assert article.text[span.start:span.end] == span.text
    assert article.sentences[-1].text == PARAGRAPH.format(i=7499)


STORY = """Bridge to close for repairs

The council of Strelsau voted on Monday to close the old bridge. "It is not safe any more," said Mayor Anna Weber.

Traffic will go round by the ring road until the spring, officials said.

"We have waited long enough," said Karl Lenz, who runs a bakery by the bridge. He said trade would suffer.

The repairs will cost $4 million, according to the council's engineer, Maria Roth."""


def test_the_full_pipeline_on_pieces_finds_the_same_sentences_and_quotes_as_on_the_whole(nlp):
    whole, pieces = extract_text(STORY), extract_text(STORY)
    (_, whole_doc, whole_view), = parse_articles([whole], nlp)
    (_, doc, view), = parse_articles([pieces], nlp, chunk_chars=150)
    assert len(chunk_bounds(view.text, 150)) >= 3 and doc.text == view.text
    assert pieces.sentences == whole.sentences
    quotes = view.remap(doc._.quotes)
    assert quotes == whole_view.remap(whole_doc._.quotes) and quotes
    assert {e.span.text for e in pieces.entities} >= {"Anna Weber", "Karl Lenz", "Maria Roth"}
