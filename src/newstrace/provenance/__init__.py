"""Stage: provenance. Where the article came from, as a chain of ``Source`` links, earliest first.

``build_chain`` reads the signals the extraction stage kept (page metadata, source lines, bylines,
datelines), the reporting sources named in the body ("told Reuters"), and quote venues when the
quotes stage found them; ``chain`` reconciles them.
"""
from __future__ import annotations

from typing import Any, Iterable

from newstrace.model import Article, Quote, Source
from newstrace.provenance.body import body_candidates, quote_candidates, short_names
from newstrace.provenance.chain import reconcile
from newstrace.provenance.credits import credit_candidates
from newstrace.provenance.signals import Page, signal_candidates

__all__ = ["build_chain"]


def build_chain(article: Article, doc: Any = None, view: Any = None, quotes: Iterable[Quote] = (), *,
                body: bool = True) -> list[Source]:
    """The publication chain of ``article``, earliest first; every link carries its evidence.

    ``doc`` and ``view`` are accepted for the pipeline's stage signature: the body rules read the
    entities the NLP stage already mapped onto the article, so the chain can also be built without spaCy.
    ``body=False`` skips the reporting sources of the body (interviews, reports): publication steps only.
    """
    page = Page.of(article)
    candidates = signal_candidates(article, page) + credit_candidates(article, page)
    if body:
        candidates += body_candidates(article, page) + quote_candidates(article, quotes, page)
        short_names(candidates, page)
    return reconcile(candidates, page)
