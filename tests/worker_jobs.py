"""Jobs for the analysis worker's tests: module-level, so the worker process imports them by name."""
from __future__ import annotations

import os
import time

from newstrace.errors import NoArticleFound


def echo(value):
    return value, os.getpid()


def sleep_for(seconds: float, *rest):
    time.sleep(seconds)
    return "woke up"


def refuse(*_):
    raise NoArticleFound("nothing to analyse here", source="<test>")


def divide_by_zero(*_):
    return 1 / 0


def die(*_):
    os._exit(9)


def never_ends(*_):
    """Stands in for a pathological input: the analysis job that never finishes."""
    while True:
        time.sleep(0.05)


def allocate(size: int) -> int:
    """Ask for ``size`` bytes at once: past the worker's address-space limit the allocation itself fails."""
    return len(bytearray(size))
