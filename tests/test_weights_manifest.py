"""The weights manifest (``newstrace/weights.json``) says how every shipped model file was made, and is current."""
from __future__ import annotations

import hashlib
import json
import shlex
from pathlib import Path

import pytest

import newstrace

PACKAGE = Path(newstrace.__file__).parent
ROOT = PACKAGE.parent.parent
MANIFEST = json.loads((PACKAGE / "weights.json").read_text(encoding="utf-8"))
WEIGHT_FOLDERS = ("quotes/weights", "checks/data")


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda e: e["file"])
def test_each_listed_file_has_the_recorded_sha256(entry):
    assert hashlib.sha256((PACKAGE / entry["file"]).read_bytes()).hexdigest() == entry["sha256"], (
        f"{entry['file']} changed: retrain with `{entry['command']}` and record the new sha256 and date")


@pytest.mark.parametrize("entry", MANIFEST["files"], ids=lambda e: e["file"])
def test_each_entry_names_a_training_command_of_the_repository_its_data_and_a_date(entry):
    assert entry["data"] and len(entry["date"]) == 10 and entry["date"][:2] == "20"
    words = shlex.split(entry["command"])
    assert words[:2] == ["python", "-m"] and (ROOT / (words[2].replace(".", "/") + ".py")).exists()
    assert "--out" in words  # every command writes where it is told, never into an install


def test_every_file_in_the_weight_folders_is_listed():
    listed = {e["file"] for e in MANIFEST["files"]}
    shipped = {str(p.relative_to(PACKAGE)) for folder in WEIGHT_FOLDERS for p in (PACKAGE / folder).iterdir()}
    assert shipped == listed
