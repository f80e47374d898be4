"""Long articles cost the memory of one bounded batch: a text over ``CHUNK_CHARS`` reaches the model in pieces of at
most ``PIECE_CHARS``, and no batch carries more than ``BATCH_TOKENS`` tokens (bench/analyze_scaling.py prints the
curve from 1 KB to 1 MB)."""
from __future__ import annotations

from spacy.language import Language

from newstrace.extract.text import extract_text
from newstrace.nlp import parse_article, parse_articles
from newstrace.nlp.chunks import BATCH_TOKENS, _batches, pipe_chunked
from newstrace.nlp.model import blank_english

PARAGRAPH = "The council of Strelsau voted on Monday to close bridge number {i} for repairs until the spring."
SEEN: list[int] = []


@Language.component("test_hardening_seen_lengths")
def _seen_lengths(doc):
    SEEN.append(len(doc.text))
    return doc


def _recording_pipeline() -> Language:
    nlp = blank_english()
    nlp.add_pipe("newstrace_paragraph_breaks")
    nlp.add_pipe("test_hardening_seen_lengths")
    return nlp


def test_a_long_text_reaches_the_model_in_pieces_no_longer_than_the_piece_size():
    nlp = _recording_pipeline()
    text = "\n\n".join(PARAGRAPH.format(i=i) for i in range(3000))  # about 290,000 characters
    SEEN.clear()
    (doc, context), = pipe_chunked(nlp, [(text, "ctx")], limit=100_000, piece_chars=5_000)
    assert context == "ctx" and doc.text == text
    assert len(SEEN) > 50 and max(SEEN) <= 5_000 and sum(SEEN) == len(text)


def test_a_text_up_to_the_limit_is_parsed_whole_and_short_articles_keep_their_order():
    nlp = _recording_pipeline()
    texts = ["\n\n".join(PARAGRAPH.format(i=i) for i in range(n)) for n in (1, 900, 30)]  # 900: about 87,000
    SEEN.clear()
    out = list(pipe_chunked(nlp, [(t, k) for k, t in enumerate(texts)], limit=100_000, piece_chars=5_000))
    assert [c for _, c in out] == [0, 1, 2] and [d.text for d, _ in out] == texts
    assert SEEN == [len(t) for t in texts]


def test_batches_hold_at_most_the_batch_size_and_the_token_budget_and_keep_every_piece_in_order():
    nlp = blank_english()
    sizes = [10, 3000, 12_000, 25_000, 5, 5, 8000, 8000, 8000] + [100] * 40
    pieces = [(nlp.make_doc("a " * n), i, True) for i, n in enumerate(sizes)]
    batches = list(_batches(iter(pieces), 16))
    assert [p for batch in batches for p in batch] == pieces
    for batch in batches:
        tokens = sum(len(doc) for doc, _, _ in batch)
        assert len(batch) <= 16 and (tokens <= BATCH_TOKENS or len(batch) == 1)
    shapes = [[len(doc) for doc, _, _ in batch] for batch in batches]
    assert shapes[:3] == [[10, 3000, 12_000], [25_000], [5, 5, 8000, 8000]]  # 25,000 over the budget: alone


def test_long_and_short_articles_together_give_exact_sentences(nlp):
    long_text = "Bridges of Strelsau\n\n" + "\n\n".join(PARAGRAPH.format(i=i) for i in range(1200))
    articles = [extract_text("Short one\n\nThe mayor spoke on Monday."), extract_text(long_text),
                extract_text("Another\n\nThe council met again on Friday.")]
    parsed = list(parse_articles(articles, nlp, chunk_chars=20_000, piece_chars=3_000))
    assert [a for a, _, _ in parsed] == articles
    for article, doc, view in parsed:
        assert doc.text == view.text
        for span in article.sentences:
            assert article.text[span.start:span.end] == span.text
    assert len(articles[1].sentences) == 1 + 1200  # the title and one sentence a paragraph, across the cuts
    whole = extract_text("Short one\n\nThe mayor spoke on Monday.")
    parse_article(whole, nlp)
    assert whole.sentences == articles[0].sentences and whole.entities == articles[0].entities
