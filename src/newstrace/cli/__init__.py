"""The command line: a thin layer over the library. Each command lives in its own module."""
from newstrace.cli.main import cli, main
from newstrace.cli import analyze as _analyze  # noqa: F401  (registers the command)
from newstrace.cli import ingest as _ingest, speakers as _speakers, quotes as _quotes  # noqa: F401
from newstrace.cli import claims as _claims, sources as _sources, story as _story  # noqa: F401
from newstrace.cli import corroborate as _corroborate  # noqa: F401
from newstrace.cli import report as _report, serve as _serve  # noqa: F401
from newstrace.cli import dedup as _dedup  # noqa: F401  (registers the command)
from newstrace.cli import batch as _batch  # noqa: F401

__all__ = ["cli", "main"]
