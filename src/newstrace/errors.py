"""Errors a user can cause. Each has a one-line message and its own exit code for the CLI."""
from __future__ import annotations


class NewstraceError(Exception):
    """Base class: the CLI prints ``str(error)`` on one line and exits with ``exit_code``."""

    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None):
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputNotFound(NewstraceError):
    exit_code = 3


class UnreadableInput(NewstraceError):
    exit_code = 4


class EmptyInput(NewstraceError):
    exit_code = 5


class BinaryInput(NewstraceError):
    exit_code = 6


class CorruptInput(NewstraceError):
    """Truncated or broken compressed data."""

    exit_code = 7


class EncodingProblem(NewstraceError):
    exit_code = 8


class InputTooLarge(NewstraceError):
    exit_code = 9


class NoArticleFound(NewstraceError):
    exit_code = 10


class FetchFailed(NewstraceError):
    """A URL that could not be fetched: timeout, HTTP error, too many redirects, bad scheme."""

    exit_code = 11


class ModelMissing(NewstraceError):
    exit_code = 12


class BatchFailed(NewstraceError):
    """Some inputs of a batch failed; the others were analysed."""

    exit_code = 13


EXIT_CODES = {cls.__name__: cls.exit_code for cls in (
    InputNotFound, UnreadableInput, EmptyInput, BinaryInput, CorruptInput, EncodingProblem,
    InputTooLarge, NoArticleFound, FetchFailed, ModelMissing, BatchFailed)}


class ClusterUnavailable(NewstraceError):
    """The Dask scheduler given with --scheduler cannot be reached."""

    exit_code = 14


EXIT_CODES[ClusterUnavailable.__name__] = ClusterUnavailable.exit_code
