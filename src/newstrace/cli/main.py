"""The ``newstrace`` command group and the one place where errors become exit codes."""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys

import click

from newstrace import __version__
from newstrace.errors import NewstraceError

INTERNAL_ERROR = 70
INTERRUPTED = 130


# Each command lives in its own module, imported only when that command runs (or for --help): the
# commands that need no NLP (queries, dedup) do not pay for importing spaCy.
COMMANDS = {
    "analyze": "analyze", "batch": "batch", "checkworthiness": "checkworthiness", "claims": "claims",
    "corroborate": "corroborate", "dedup": "dedup", "ingest": "ingest", "quotes": "quotes", "report": "report",
    "serve": "serve", "sources": "sources", "speakers": "speakers", "story": "story",
}


class LazyGroup(click.Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | {name for name, module in COMMANDS.items() if _exists(module)})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS and _exists(COMMANDS[name]):
            importlib.import_module(f"newstrace.cli.{COMMANDS[name]}")  # registers itself on ``cli``
        return self.commands.get(name)


def _exists(module: str) -> bool:
    return importlib.util.find_spec(f"newstrace.cli.{module}") is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="newstrace")
def cli() -> None:
    """Take news articles apart: who said what, where it came from, and who else says so."""


def fail(message: str) -> None:
    click.echo(f"newstrace: error: {message}", err=True)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn every failure into one line on stderr and an exit code."""
    try:
        cli.main(args=argv, prog_name="newstrace", standalone_mode=False)
        return 0
    except NewstraceError as err:
        fail(str(err))
        return err.exit_code
    except click.exceptions.Abort:
        fail("interrupted")
        return INTERRUPTED
    except KeyboardInterrupt:
        fail("interrupted")
        return INTERRUPTED
    except click.ClickException as err:
        err.show()
        return err.exit_code
    except click.exceptions.Exit as err:
        return err.exit_code
    except BrokenPipeError:
        sys.stderr.close()  # output was cut short by the reader (e.g. `| head`): not an error
        return 0
    except Exception as err:  # noqa: BLE001 - the last line of defence: never a traceback for users
        if os.environ.get("NEWSTRACE_DEBUG"):
            raise
        fail(f"internal error: {type(err).__name__}: {err} (set NEWSTRACE_DEBUG=1 for details)")
        return INTERNAL_ERROR


def run() -> None:
    sys.exit(main())
