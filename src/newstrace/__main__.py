"""`python -m newstrace` is the `newstrace` command."""
from newstrace.cli.main import run

run()
