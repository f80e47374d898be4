"""Analysing what a person pastes (text or a URL) and storing it, one at a time, within a time limit.

The NLP pipeline runs in one worker thread: spaCy is not shared between threads, and a laptop has few
cores. A request waits at most ``analyse_timeout`` seconds; an analysis still running then finishes and
is stored, and the request says so.
"""
from __future__ import annotations

import concurrent.futures
import threading
from dataclasses import dataclass
from typing import Callable, TypeVar

from newstrace.errors import NewstraceError
from newstrace.pipeline import AnalyzeConfig, analyze, analyze_path
from newstrace.reading.fetch import is_url
from newstrace.reading.netpolicy import FetchOptions
from newstrace.store import Saved
from newstrace.web.data import Corpus
from newstrace.web.settings import WebSettings

T = TypeVar("T")


class AnalysisRefused(NewstraceError):
    """Nothing to analyse, a bad URL, or the analyser is busy or too slow (the web UI's own input errors)."""

    exit_code = 1

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class Pasted:
    text: str = ""
    url: str = ""
    input_format: str | None = None  # html | markdown | text; None = guess


class Analyser:
    MAX_WAITING = 4  # requests queued behind the running one before we answer "busy"

    def __init__(self, corpus: Corpus, settings: WebSettings):
        self.corpus, self.settings = corpus, settings
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=1, thread_name_prefix="newstrace-analyse")
        self.waiting = threading.BoundedSemaphore(self.MAX_WAITING + 1)

    def submit(self, pasted: Pasted) -> Saved:
        """Analyse and store ``pasted``; raise ``AnalysisRefused`` or the pipeline's own one-line errors."""
        text, url = pasted.text.strip(), pasted.url.strip()
        if not text and not url:
            raise AnalysisRefused("paste the article text, or give its URL")
        if url and not is_url(url):
            raise AnalysisRefused("the URL must start with http:// or https://")
        return self.run_limited(lambda: self._run(pasted.text if text else "", url or None, pasted.input_format))

    def run_limited(self, work: Callable[[], T]) -> T:
        """Run ``work`` in the analysis thread; wait at most ``analyse_timeout`` seconds for it."""
        if not self.waiting.acquire(blocking=False):
            raise AnalysisRefused("the analyser is busy; try again in a moment", status=503)
        future = self.pool.submit(work)
        future.add_done_callback(lambda _: self.waiting.release())
        try:
            return future.result(timeout=self.settings.analyse_timeout)
        except concurrent.futures.TimeoutError:
            raise AnalysisRefused(f"the analysis took longer than {self.settings.analyse_timeout:g}s; it goes on "
                                  "in the background and will be stored when done", status=504) from None

    def _run(self, text: str, url: str | None, input_format: str | None) -> Saved:
        config = AnalyzeConfig(read=fetch_options(self.settings), fmt=input_format)
        analysis = analyze(text, url=url, name=url or "<pasted>", config=config) if text else analyze_path(url, config)
        return self.corpus.save(analysis, locator=url)

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


def fetch_options(settings: WebSettings) -> FetchOptions:
    """The reading limits and outbound policy of this server: public addresses only unless configured."""
    return FetchOptions(max_bytes=settings.max_body_bytes, timeout=settings.fetch_timeout,
                        allow_private=settings.allow_private_urls, allow_addresses=settings.allow_fetch_addresses)
