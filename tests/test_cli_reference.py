"""docs/cli.md is every command's --help as the commands print it today (sqlite-utils style: docs tested against code)."""
from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest

from newstrace.cli import cli
from newstrace.cli.reference import WIDTH, help_text, reference

from conftest import ROOT

DOC = ROOT / "docs" / "cli.md"
COMMANDS = cli.list_commands(click.Context(cli))


def test_the_cli_reference_is_current():
    assert DOC.read_text(encoding="utf-8") == reference(), \
        "docs/cli.md is stale: run python -m newstrace.cli.reference > docs/cli.md"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_and_option_is_in_the_reference(command):
    text = DOC.read_text(encoding="utf-8")
    assert f"## newstrace {command}\n" in text
    options = [opt for param in cli.get_command(None, command).params if isinstance(param, click.Option)
               for opt in param.opts if opt.startswith("--")]
    section = text.split(f"## newstrace {command}\n", 1)[1].split("\n## ", 1)[0]
    assert [opt for opt in options if opt not in section] == []


@pytest.mark.parametrize("command", ["dedup", "batch"])
def test_the_reference_is_what_the_terminal_shows(command):
    shown = subprocess.run([sys.executable, "-m", "newstrace", command, "--help"], capture_output=True, text=True,
                           env={**os.environ, "COLUMNS": str(WIDTH)}, check=True).stdout
    assert shown.rstrip("\n") == help_text(command)


def test_the_readme_points_to_the_reference():
    assert "docs/cli.md" in (ROOT / "README.md").read_text(encoding="utf-8")
