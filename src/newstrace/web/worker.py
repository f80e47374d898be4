"""The analysis worker: a separate process the server can stop, so one article cannot hold the analyser past
its deadline (a thread cannot be killed; a process can).

Jobs are module-level functions (sent by name) run one at a time. A job over its deadline gets the process
killed and ``JobStopped``; the next job starts a fresh process. Starting one (spaCy's model load) is not
counted against a job's deadline.
"""
from __future__ import annotations

import logging
import multiprocessing
import pickle
import threading
import time
from typing import Any, Callable

from newstrace.errors import NewstraceError

log = logging.getLogger("newstrace.web")
START_TIMEOUT = 120.0  # seconds for a fresh worker to import and load the pipeline


class JobStopped(NewstraceError):
    """The job ran past its deadline and the worker process was stopped."""


class WorkerCrashed(NewstraceError):
    """The worker process died during a job (killed by the system, out of memory, a crash in native code)."""


class OverMemory(NewstraceError):
    """The job needed more memory than the worker's budget; the process is replaced."""


class WorkerProcess:
    """One worker process, started on first use, restarted after it is stopped or dies."""

    def __init__(self, warm_up: Callable[[], Any] | None = None, memory_mb: int | None = None):
        self._context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._warm_up, self._memory_mb = warm_up, memory_mb
        self._process = None
        self._conn = None
        self._lock = threading.Lock()

    def run(self, job: Callable[..., Any], *args: Any, deadline: float) -> Any:
        """``job(*args)`` in the worker; its result, or the error it raised; ``JobStopped`` past ``deadline`` s."""
        with self._lock:
            self._start_if_needed()
            self._conn.send((job, args))
            started = time.monotonic()
            if not self._conn.poll(deadline):
                self._stop()
                raise JobStopped(f"the analysis took longer than {deadline:g}s and was stopped; nothing was stored")
            try:
                ok, value = self._conn.recv()
            except (EOFError, OSError):
                code = self._stop()
                raise WorkerCrashed(f"the analysis worker died after {time.monotonic() - started:.1f}s "
                                    f"(exit code {code}); nothing was stored") from None
            if isinstance(value, OverMemory):
                self._stop(graceful=True)  # it leaves on its own after saying so: the next job gets a new one
        if ok:
            return value
        raise value

    def start(self) -> None:
        """Start the process now (if it is not running), so the next job does not wait for it."""
        with self._lock:
            self._start_if_needed()

    def close(self) -> None:
        """Kill the process now, even mid-job or mid-start (the caller waiting on it gets an error)."""
        process = self._process
        if process is not None and process.is_alive():
            process.kill()
        with self._lock:
            self._stop()

    def _start_if_needed(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        self._stop()
        parent, child = self._context.Pipe()
        self._process = self._context.Process(target=_serve_jobs, args=(child, self._warm_up, self._memory_mb),
                                              daemon=True, name="newstrace-analysis")
        self._process.start()
        child.close()
        self._conn = parent
        if not parent.poll(START_TIMEOUT) or parent.recv() != "ready":
            self._stop()
            raise WorkerCrashed(f"the analysis worker did not start within {START_TIMEOUT:g}s")

    def _stop(self, graceful: bool = False) -> int | None:
        process, self._process = self._process, None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if process is None:
            return None
        if graceful:
            process.join(2)
        if process.is_alive():
            process.kill()
        process.join(5)
        return process.exitcode


def _serve_jobs(conn, warm_up, memory_mb: int | None) -> None:
    """The worker's loop: warm up, limit memory, say ready, then run jobs until the pipe closes."""
    if warm_up is not None:
        warm_up()
    if memory_mb:
        limit_memory(memory_mb)
    conn.send("ready")
    while True:
        try:
            job, args = conn.recv()
        except (EOFError, OSError):
            return
        ok, value = _outcome(job, args, memory_mb)
        conn.send((ok, value))
        if isinstance(value, OverMemory):
            return  # a process that ran out of memory is not trusted with the next job: the server starts another


def limit_memory(headroom_mb: int) -> None:
    """Cap the address space at what the warmed-up worker uses plus ``headroom_mb``: an analysis that grows
    past it gets MemoryError (the allocation fails; the memory is never touched). Linux only."""
    try:
        import resource

        with open("/proc/self/status", encoding="ascii") as status:
            used_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    except (ImportError, OSError, StopIteration, ValueError):
        log.warning("no memory limit for the analysis worker on this system")
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = used_kb * 1024 + headroom_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


def _outcome(job, args, memory_mb: int | None = None) -> tuple[bool, Any]:
    try:
        return True, job(*args)
    except MemoryError:
        return False, OverMemory(f"the analysis needed more than the {memory_mb or 0:,} MB of memory it may use "
                                 "and was stopped; nothing was stored")
    except NewstraceError as err:
        return False, err if _picklable(err) else NewstraceError(str(err))
    except Exception as err:  # noqa: BLE001 - reported to the server as one line, logged in full here
        log.exception("analysis job failed")
        return False, NewstraceError(f"internal error in the analysis ({type(err).__name__}); "
                                     "the server log has the details")


def _picklable(value: Any) -> bool:
    try:
        pickle.loads(pickle.dumps(value))
        return True
    except Exception:  # noqa: BLE001 - any failure means "send something simpler"
        return False
