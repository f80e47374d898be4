"""The ``newstrace`` command group and the one place where errors become exit codes."""
from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import sys
import traceback
from pathlib import Path

import click

from newstrace import __version__
from newstrace.errors import NewstraceError

INTERNAL_ERROR = 70
INTERRUPTED = 130


# Each command lives in its own module, imported only when that command runs or shows its own --help:
# ``newstrace --help`` reads the commands' one-line help from their source instead of importing them.
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

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(map(len, names))  # click's own spacing
        rows = [(name, self._short_help(name, limit)) for name in names]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def _short_help(self, name: str, limit: int) -> str:
        if name in self.commands:
            return self.commands[name].get_short_help_str(limit)
        return click.Command(name, help=_docstring(COMMANDS[name])).get_short_help_str(limit)


def _exists(module: str) -> bool:
    return importlib.util.find_spec(f"newstrace.cli.{module}") is not None


def _docstring(module: str) -> str | None:
    """The docstring of the function a command module registers with ``@cli.command``, read without importing."""
    source = Path(importlib.util.find_spec(f"newstrace.cli.{module}").origin).read_text(encoding="utf-8")
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef) and any(_is_command(d) for d in node.decorator_list):
            return ast.get_docstring(node)
    return None


def _is_command(decorator: ast.expr) -> bool:
    call = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(call, ast.Attribute) and call.attr == "command"


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
        if os.environ.get("NEWSTRACE_DEBUG") and err.__cause__ is not None:
            traceback.print_exception(err.__cause__)
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
