"""The query commands' tables: ids shortened, every cell on one line, no word broken; full values in JSON and
CSV; a store path that does not exist is refused, not created."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest

from newstrace.cli import main
from newstrace.cli.store_options import rows_to_table
from web_fixtures import fill_store

LONG_ID = "4f32a8998e5c303a" * 4
TEXT = ("The council approved an indirect subsidy of 40 million dollars for the harbour expansion after a long "
        "and bitter debate about dredging, fishing rights and the environmental review.")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def body_lines(table: str) -> list[str]:
    return [line for line in table.splitlines() if line.startswith("│")]


def test_a_row_stays_on_one_line_with_a_short_id_and_whole_words():
    rows = [{"article_id": LONG_ID, "claim": f"{LONG_ID}:c12", "kind": "indirect", "text": TEXT},
            {"article_id": LONG_ID[::-1], "claim": "x:c1", "kind": "direct", "text": "Short."}]
    table = rows_to_table(rows, width=100)
    lines = body_lines(table)
    assert len(lines) == 2  # one line per row, however long the text
    assert "4f32a8998e5c " in lines[0] and "4f32a8998e5c:c12" in lines[0] and LONG_ID not in table
    assert "indirect" in lines[0] and "indirec" not in table.replace("indirect", "")  # never "indirec/t"
    shown = lines[0].split("│")[4].strip()
    assert shown.endswith("…") and TEXT.startswith(shown[:-1])
    assert max(len(line) for line in table.splitlines()) <= 100


def test_offsets_are_left_to_json_and_csv():
    rows = [{"quote_id": "q1", "start": 10, "end": 20, "text": "a"}]
    assert "start" not in rows_to_table(rows, width=80) and "q1" in rows_to_table(rows, width=80)


@pytest.fixture
def store(tmp_path):
    path = str(tmp_path / "store.db")
    return path, fill_store(path)


def test_json_and_csv_keep_the_full_ids_and_text(store, capsys):
    db, ids = store
    code, out, _ = run(capsys, "quotes", "--db", db, "--format", "json")
    assert code == 0 and {q["article_id"] for q in json.loads(out)} == set(ids.values())
    code, out, _ = run(capsys, "claims", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and "the budget of $5 million would double to $12 million" in {r["text"] for r in rows}
    code, out, _ = run(capsys, "quotes", "--db", db)
    assert code == 0 and not re.search(r"[0-9a-f]{13,}", out)
    assert len(body_lines(out)) == len(json.loads(run(capsys, "quotes", "--db", db, "-f", "json")[1]))


def test_a_shortened_id_still_names_the_article(store, capsys):
    db, ids = store
    code, out, _ = run(capsys, "story", ids["gazette"][:12], "--db", db, "--format", "json")
    assert code == 0 and json.loads(out)["article"]["id"] == ids["gazette"]


@pytest.mark.parametrize("command", [["quotes"], ["claims"], ["speakers"], ["sources"], ["story", "abc"], ["corroborate"]])
def test_a_store_path_that_does_not_exist_is_refused_and_not_created(command, tmp_path, capsys):
    missing = tmp_path / "mistyped.db"
    code, out, err = run(capsys, *command, "--db", str(missing))
    assert code == 24 and out == ""
    assert err.strip() == f"newstrace: error: no store at {missing} (newstrace ingest creates one; --db or " \
                          "NEWSTRACE_DB names it)"
    assert not missing.exists()


def test_report_on_a_store_path_that_does_not_exist_is_refused_and_not_created(tmp_path, capsys):
    missing = tmp_path / "mistyped.db"
    code, out, err = run(capsys, "report", "--db", str(missing))
    assert code == 24 and out == "" and "no store at" in err and not missing.exists()
