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


class MalformedFeed(NewstraceError):
    """An RSS/Atom feed that is not well-formed XML, declares entities, or is neither RSS nor Atom."""

    exit_code = 20


class MalformedRecord(NewstraceError):
    """A JSONL line that is not a JSON object with a url and an html or text field."""

    exit_code = 21


class StoreLocked(NewstraceError):
    """The SQLite store is being written by another process and stayed locked past the timeout."""

    exit_code = 22


class StoreUnavailable(NewstraceError):
    """The database server cannot be reached or went away; committed work is kept, re-run to resume."""

    exit_code = 23


class StoreProblem(NewstraceError):
    """Not a newstrace store, a schema newer than this program, or a database URL we cannot use."""

    exit_code = 24


class NotInStore(NewstraceError):
    """An article, claim or speaker asked for by id that the store does not hold."""

    exit_code = 25


class ClusterUnavailable(NewstraceError):
    """The Dask scheduler given with --scheduler cannot be reached, or has no workers."""

    exit_code = 14


class ServeRefused(NewstraceError):
    """``serve`` asked to listen beyond this machine without a token, or on an unusable address."""

    exit_code = 30


class WriteFailed(NewstraceError):
    """An output file (e.g. the HTML report) that cannot be written."""

    exit_code = 31


class AnalysisCrashed(NewstraceError):
    """A bug: analysing one input raised an unexpected error. In a batch the input is skipped (exit 13);
    alone it is the internal-error exit. ``__cause__`` holds the original exception."""

    exit_code = 70

    @classmethod
    def of(cls, err: BaseException, source: str | None) -> "AnalysisCrashed":
        crashed = cls(f"internal error: {type(err).__name__}: {str(err)[:200]} (a bug: please report it; "
                      "NEWSTRACE_DEBUG=1 shows the traceback)", source=source)
        crashed.__cause__ = err
        return crashed


EXIT_CODES = {cls.__name__: cls.exit_code for cls in (
    InputNotFound, UnreadableInput, EmptyInput, BinaryInput, CorruptInput, EncodingProblem,
    InputTooLarge, NoArticleFound, FetchFailed, ModelMissing, BatchFailed,
    MalformedFeed, MalformedRecord, StoreLocked, StoreUnavailable, StoreProblem, NotInStore,
    ClusterUnavailable, ServeRefused, WriteFailed)}
