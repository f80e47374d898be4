"""A small store for web tests: the hand-built sample article, the Gazette original it credits, and a copy."""
from __future__ import annotations

import pytest

from newstrace.model import Analysis, Article, Claim, Quote, Span, Speaker
from newstrace.store import open_store, save_analysis
from report_fixtures import sample_analysis

GAZETTE_URL = "https://gazette.example/budget"
GAZETTE_TEXT = ("Springfield's budget of $5 million would double to $12 million, Mayor Ann Lee announced on Monday. "
                "\"Our streets need it,\" Lee said.")


def gazette_analysis() -> Analysis:
    text = GAZETTE_TEXT
    lee = text.index("Ann Lee")
    quote_start = text.index('"Our')
    return Analysis(
        article=Article(text=text, url=GAZETTE_URL, title="Budget to double", outlet="Springfield Gazette",
                        published="2024-01-02", paragraphs=[Span.of(text, 0, len(text))]),
        speakers=[Speaker("s1", "Ann Lee", role="mayor", mentions=[Span.of(text, lee, lee + 7)])],
        quotes=[Quote("q1", Span.of(text, quote_start, len(text) - 1),
                      Span.of(text, quote_start + 1, quote_start + 20), "direct",
                      cue=Span.of(text, len(text) - 5, len(text) - 1), speaker_id="s1")],
        claims=[Claim("c1", Span.of(text, 0, text.index(", Mayor")), 0.88)])


def fill_store(path: str) -> dict[str, str]:
    """Store the three articles; return their ids by name."""
    with open_store(path) as store:
        sample = save_analysis(store, sample_analysis()).article_id
        gazette = save_analysis(store, gazette_analysis()).article_id
        copy = sample_analysis(url="https://copycat.example/budget", text_suffix="\n(Republished.)")
        copy.article.outlet = "Copycat Daily"
        copy.article.published = "2024-01-05"
        copied = save_analysis(store, copy)
    return {"sample": sample, "gazette": gazette, "copy": copied.article_id}


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> tuple[str, dict[str, str]]:
    """A read-only store shared by the tests that only read (path, ids)."""
    path = str(tmp_path_factory.mktemp("web") / "store.db")
    return path, fill_store(path)
