"""The README documents what the code does: every option and exit code it names is real, and none is missing."""
from __future__ import annotations

import re

import click
import pytest

from newstrace.cli import cli
from newstrace.errors import EXIT_CODES

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    head = README[:800]
    assert "make demo" in head and "make test" in head


@pytest.mark.parametrize("command", ["analyze"])
def test_every_option_of_a_command_is_in_the_readme(command):
    options = [opt for param in cli.get_command(None, command).params if isinstance(param, click.Option)
               for opt in param.opts if opt.startswith("--")]
    missing = [opt for opt in options if f"`{opt}`" not in README]
    assert not missing, f"README does not document {missing} of `newstrace {command}`"


def test_exit_code_table_matches_the_code():
    table = dict(re.findall(r"^\| (\d+) \| ([^|]+) \|$", README, flags=re.M))
    for name, code in EXIT_CODES.items():
        assert str(code) in table, f"exit code {code} ({name}) missing from README"
