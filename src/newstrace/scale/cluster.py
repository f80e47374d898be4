"""Connecting to Dask: a LocalCluster by default, any scheduler by address; the model loaded once per worker."""
from __future__ import annotations

import contextlib
import logging
from typing import Iterator

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from newstrace.errors import ClusterUnavailable

CONNECT_TIMEOUT = "10s"
WORKER_TIMEOUT = 60  # seconds to wait for the first worker of a remote cluster


class LoadModel(WorkerPlugin):
    """Load the spaCy pipeline when a worker starts (it is cached per process, so tasks reuse it)."""

    name = "newstrace-load-model"

    def setup(self, worker) -> None:  # noqa: ANN001 - distributed's signature
        import newstrace.nlp  # noqa: F401  (first: imports spaCy without torch; see nlp/lean.py)
        from newstrace.pipeline import pipeline_nlp

        pipeline_nlp()


@contextlib.contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None, *, memory_limit: str = "auto",
                dashboard: str = ":8787") -> Iterator[Client]:
    """A client on ``scheduler``, or on a new LocalCluster of ``workers`` single-threaded processes."""
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as err:
            raise ClusterUnavailable(f"cannot reach the Dask scheduler: {err}", source=scheduler) from None
        with client:
            _wait_for_a_worker(client, scheduler)
            client.register_plugin(LoadModel())
            yield client
        return
    # One thread per process: spaCy holds the GIL, so processes are what scale.
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, memory_limit=memory_limit,
                      dashboard_address=dashboard, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.register_plugin(LoadModel())
        yield client


def _wait_for_a_worker(client: Client, scheduler: str) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKER_TIMEOUT)
    except TimeoutError:
        raise ClusterUnavailable(f"the Dask scheduler has no workers (waited {WORKER_TIMEOUT} s)",
                                 source=scheduler) from None
