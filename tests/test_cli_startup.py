"""Start-up: help, version and usage errors import no model library; the NLP loads only for an article to analyse.

Timings live in bench/startup.py; these tests pin down what is imported, which is what makes start-up fast.
"""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from typing import NamedTuple

import click
import pytest

from newstrace.cli.main import COMMANDS, cli
from newstrace.errors import EXIT_CODES
from newstrace.pipeline import analyze_inputs

from conftest import EXAMPLES

HEAVY = ("spacy", "thinc", "torch", "sklearn", "pandas", "dask", "distributed", "fastapi", "uvicorn",
         "sentence_transformers", "trafilatura", "pyarrow")

# Runs the CLI in a fresh interpreter and reports its exit code and which HEAVY modules it imported.
PROBE = """
import json, sys
from newstrace.cli.main import main
code = main(sys.argv[1:])
heavy = sorted(m for m in json.loads(sys.stdin.readline()) if m in sys.modules)
sys.stderr.write("\\nPROBE " + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


class Probe(NamedTuple):
    code: int
    heavy: list[str]  # the HEAVY modules it imported
    stderr: str
    stdout: str


def probe(*args: str) -> Probe:
    """Run ``newstrace ARGS`` in a fresh interpreter."""
    result = subprocess.run([sys.executable, "-c", PROBE, *args], input=json.dumps(HEAVY) + "\n",
                            capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "100"})
    stderr, _, report = result.stderr.rpartition("\nPROBE ")
    found = json.loads(report)
    return Probe(found["code"], found["heavy"], stderr, result.stdout)


@pytest.mark.parametrize("args", [["--help"], ["--version"], *([name, "--help"] for name in COMMANDS)],
                         ids=lambda args: " ".join(args))
def test_help_and_version_import_no_model_library(args):
    result = probe(*args)
    assert result.code == 0 and result.heavy == []


@pytest.mark.parametrize("command", ["analyze", "checkworthiness", "batch"])
def test_a_missing_input_is_reported_before_any_model_library_is_imported(command, tmp_path):
    args = [command, str(tmp_path / "missing.txt")] + (["--out", str(tmp_path / "out")] if command == "batch" else [])
    result = probe(*args)
    assert result.code == EXIT_CODES["InputNotFound"] and result.heavy == []
    assert result.stderr.strip().splitlines() == [f"newstrace: error: {tmp_path / 'missing.txt'}: " +
                                           ("no such file or folder" if command == "batch" else "no such file or URL")]


@pytest.mark.parametrize("args", [["analyze", "--no-such-option", "x"], ["analyze"], ["no-such-command"],
                                  ["batch", "x", "--out", "y", "--workers", "0"], ["claims", "--format", "yaml"]],
                         ids=lambda args: " ".join(args))
def test_usage_errors_exit_2_with_one_error_line_and_no_model_library(args):
    result = probe(*args)
    assert result.code == 2 and result.heavy == []
    assert "Traceback" not in result.stderr and [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def test_command_list_read_from_the_sources_matches_the_commands_themselves():
    lazy = cli.get_help(click.Context(cli, info_name="newstrace", terminal_width=100))
    for name in COMMANDS:  # importing every command: click now formats their own short help
        cli.get_command(None, name)
    assert cli.get_help(click.Context(cli, info_name="newstrace", terminal_width=100)) == lazy


def test_dedup_option_defaults_are_the_library_defaults():
    from newstrace.corpus import DedupConfig

    command = cli.get_command(None, "dedup")
    shown = {p.name: p.default for p in command.params if isinstance(p, click.Option)}
    library = {k: v for k, v in dataclasses.asdict(DedupConfig()).items() if k != "seed"}
    assert {k: shown[k] for k in library} == library


def test_importing_the_package_and_the_pipeline_module_loads_no_model_library():
    code = ("import sys, newstrace, newstrace.pipeline; newstrace.AnalyzeConfig; "
            f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "[]", result.stderr


def test_many_inputs_keep_their_order_with_failures_between_them(tmp_path, nlp):
    good = sorted(EXAMPLES.glob("*.txt"))[:2]
    (tmp_path / "empty.txt").write_bytes(b"")
    specs = [str(tmp_path / "missing.txt"), str(good[0]), str(tmp_path / "empty.txt"), str(good[1]),
             str(tmp_path / "gone.txt")]
    results = list(analyze_inputs(specs))
    assert [name for name, _ in results] == specs
    kinds = [type(result).__name__ for _, result in results]
    assert kinds == ["InputNotFound", "Analysis", "EmptyInput", "Analysis", "InputNotFound"]
    assert results[1][1].article.text.startswith(good[0].read_text(encoding="utf-8")[:40])


def test_the_nlp_stage_imports_spacy_without_torch_and_torch_still_imports_after():
    code = ("import sys, newstrace.nlp; from newstrace.nlp import load_nlp; load_nlp(())('He said so.'); "
            "print('torch' in sys.modules); import torch; print(torch.tensor([1.0]).sum().item())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["False", "1.0"], result.stderr
