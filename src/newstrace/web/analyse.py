"""Analysing what a person pastes (text or a URL) and storing it, one at a time, within a time limit.

Analyses run one at a time (a laptop has few cores) in a worker process (``web/worker.py``): a request gets
``analyse_timeout`` seconds from its arrival, waiting included; an analysis past that is stopped (the process
is killed and replaced) and nothing is stored. With ``analysis_process=False`` they run in one thread of the
server instead, where past the limit they go on in the background.
"""
from __future__ import annotations

import concurrent.futures
import functools
import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable, TypeVar

from newstrace.errors import NewstraceError
from newstrace.pipeline import AnalyzeConfig, analyze, analyze_path
from newstrace.reading.fetch import is_url
from newstrace.reading.netpolicy import FetchOptions
from newstrace.store import Saved
from newstrace.web.data import Corpus
from newstrace.web.settings import WebSettings
from newstrace.web.worker import JobStopped, WorkerCrashed, WorkerProcess

T = TypeVar("T")
log = logging.getLogger("newstrace.web")


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
        self.worker = WorkerProcess(warm_up=warm_up, memory_mb=settings.analysis_memory_mb) \
            if settings.analysis_process else None
        self.starting = 0.0  # seconds the analysis thread spent starting workers: not counted as waiting

    def submit(self, pasted: Pasted) -> Saved:
        """Analyse and store ``pasted``; raise ``AnalysisRefused`` or the pipeline's own one-line errors."""
        text, url = pasted.text.strip(), pasted.url.strip()
        if not text and not url:
            raise AnalysisRefused("paste the article text, or give its URL")
        if url and not is_url(url):
            raise AnalysisRefused("the URL must start with http:// or https://")
        return self.run_limited(analyse_pasted, self.settings.db, fetch_options(self.settings),
                                pasted.text if text else "", url or None, pasted.input_format)

    def run_limited(self, job: Callable[..., T], *args) -> T:
        """``job(*args)`` in turn, within ``analyse_timeout`` s of the request's arrival (waiting included).

        With the worker process (the default) a job past its time is stopped and nothing is stored; without
        it the job runs in this process's analysis thread, and past its time it goes on in the background."""
        if not self.waiting.acquire(blocking=False):
            raise AnalysisRefused("the analyser is busy; try again in a moment", status=503)
        future = self.pool.submit(self._in_turn, job, args, time.monotonic(), self.starting)
        future.add_done_callback(lambda _: self.waiting.release())
        if self.worker is not None:
            return future.result()  # bounded by the worker's deadline
        try:
            return future.result(timeout=self.settings.analyse_timeout)
        except concurrent.futures.TimeoutError:
            raise AnalysisRefused(f"the analysis took longer than {self.settings.analyse_timeout:g}s; it goes on "
                                  "in the background and will be stored when done", status=504) from None

    def _in_turn(self, job: Callable[..., T], args: tuple, arrived: float, starting_then: float) -> T:
        if self.worker is None:
            return job(*args)
        limit = self.settings.analyse_timeout
        stopped = AnalysisRefused(f"the analysis took longer than {limit:g}s (waiting for the analyser included) "
                                  "and was stopped; nothing was stored", status=504)
        left = limit - (time.monotonic() - arrived - (self.starting - starting_then))
        if left <= 0:
            raise stopped
        try:
            return self.worker.run(job, *args, deadline=left)
        except JobStopped:
            self.warm()  # a fresh worker for the next request, started while this one answers
            raise stopped from None
        except WorkerCrashed as err:
            raise AnalysisRefused(str(err), status=500) from None

    def warm(self) -> None:
        """Start the worker process in the analysis thread (in turn with jobs) without waiting for it."""
        if self.worker is not None:
            self.pool.submit(self._start_quietly)

    def _start_quietly(self) -> None:
        began = time.monotonic()
        try:
            self.worker.start()
        except NewstraceError as err:  # the next job will try again and report it
            log.warning("the analysis worker did not start: %s", err)
        finally:
            self.starting += time.monotonic() - began

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.worker is not None:
            self.worker.close()


def fetch_options(settings: WebSettings) -> FetchOptions:
    """The reading limits and outbound policy of this server: public addresses only unless configured."""
    return FetchOptions(max_bytes=settings.max_body_bytes, timeout=settings.fetch_timeout,
                        allow_private=settings.allow_private_urls, allow_addresses=settings.allow_fetch_addresses)


def analyse_pasted(db: str, read: FetchOptions, text: str, url: str | None, input_format: str | None) -> Saved:
    """The analysis job (run in the worker process): analyse the text, or fetch and analyse the URL, and store it."""
    config = AnalyzeConfig(read=read, fmt=input_format)
    analysis = analyze(text, url=url, name=url or "<pasted>", config=config) if text else analyze_path(url, config)
    return store_of(db).save(analysis, locator=url)


@functools.lru_cache(maxsize=4)
def store_of(db: str) -> Corpus:
    """The store as a job sees it: opened once per process."""
    return Corpus(db)


def warm_up() -> None:
    """Analyse a short text in a fresh worker before it takes jobs, so that a job's deadline is not spent
    loading spaCy and the models each stage loads on first use."""
    analyze("Warm-up\n\nThe harbour reopened on Friday, the port authority said.\n", name="<warm-up>")
