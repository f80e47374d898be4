"""The command line: a thin layer over the library. Each command lives in its own module (see ``main.COMMANDS``)."""
from newstrace.cli.main import cli, main

__all__ = ["cli", "main"]
