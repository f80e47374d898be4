"""The command line: a thin layer over the library. Each command lives in its own module."""
from newstrace.cli.main import cli, main
from newstrace.cli import analyze as _analyze  # noqa: F401  (registers the command)
from newstrace.cli import checkworthiness as _checkworthiness  # noqa: F401

__all__ = ["cli", "main"]
