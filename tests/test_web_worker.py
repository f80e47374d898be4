"""The analysis worker process: a job past its deadline is stopped (the process killed and replaced), errors come
back as the job raised them, a dead worker is a clean error; and through the server, a stuck analysis answers
504 within its deadline while the next request is analysed by a fresh worker."""
from __future__ import annotations

import json
import time

import pytest

import worker_jobs
from newstrace.errors import NewstraceError, NoArticleFound
from newstrace.web.worker import JobStopped, OverMemory, WorkerCrashed, WorkerProcess
from web_fixtures import fill_store
from web_server import request, running, stored_count

ARTICLE = ("Harbour reopens in Brest\n\n"
           "The harbour of Brest reopened on Friday after the storm, the port authority said in a statement.\n")


@pytest.fixture(scope="module")
def worker():
    process = WorkerProcess()
    yield process
    process.close()


def test_a_job_past_its_deadline_is_stopped_and_the_next_gets_a_fresh_process(worker):
    _, first_pid = worker.run(worker_jobs.echo, 1, deadline=60)
    started = time.monotonic()
    with pytest.raises(JobStopped, match="longer than 0.5s and was stopped"):
        worker.run(worker_jobs.never_ends, deadline=0.5)
    assert time.monotonic() - started < 3
    value, pid = worker.run(worker_jobs.echo, "again", deadline=60)
    assert value == "again" and pid != first_pid


def test_errors_come_back_as_raised_and_bugs_as_one_line(worker):
    with pytest.raises(NoArticleFound, match="<test>: nothing to analyse here"):
        worker.run(worker_jobs.refuse, deadline=60)
    with pytest.raises(NewstraceError, match=r"internal error in the analysis \(ZeroDivisionError\)"):
        worker.run(worker_jobs.divide_by_zero, deadline=60)
    assert worker.run(worker_jobs.sleep_for, 0.01, deadline=60) == "woke up"


def test_a_worker_that_dies_is_a_clean_error_and_is_replaced(worker):
    with pytest.raises(WorkerCrashed, match="exit code 9"):
        worker.run(worker_jobs.die, deadline=60)
    assert worker.run(worker_jobs.echo, 2, deadline=60)[0] == 2


def test_the_server_stops_a_stuck_analysis_and_analyses_the_next_request(tmp_path, monkeypatch, nlp):
    import newstrace.web.analyse as analyse

    db = str(tmp_path / "w.db")
    fill_store(db)
    real = analyse.analyse_pasted
    with running(db, analyse_timeout=10) as (base, _):
        before = stored_count(base)
        monkeypatch.setattr(analyse, "analyse_pasted", worker_jobs.never_ends)
        started = time.monotonic()
        status, _, body = request(base, "POST", "/api/analyze", {"text": ARTICLE})
        took = time.monotonic() - started
        assert status == 504 and "took longer than 10s" in json.loads(body)["error"], body
        assert took < 10 + 60  # the deadline, plus starting the worker (not counted against the job)
        monkeypatch.setattr(analyse, "analyse_pasted", real)
        status, _, body = request(base, "POST", "/api/analyze", {"text": ARTICLE}, timeout=120)
        assert status == 201, body
        assert stored_count(base) == before + 1


def test_a_job_over_the_memory_budget_is_a_clear_error_and_the_worker_is_replaced():
    """The budget caps address space: asking for 8 GB fails at once, without touching memory."""
    limited = WorkerProcess(memory_mb=256)
    try:
        assert limited.run(worker_jobs.allocate, 50 * 1024 * 1024, deadline=60) == 50 * 1024 * 1024
        _, pid = limited.run(worker_jobs.echo, 0, deadline=60)
        with pytest.raises(OverMemory, match="more than the 256 MB of memory it may use and was stopped"):
            limited.run(worker_jobs.allocate, 8 * 1024 ** 3, deadline=60)
        value, new_pid = limited.run(worker_jobs.echo, 1, deadline=60)
        assert value == 1 and new_pid != pid
    finally:
        limited.close()
