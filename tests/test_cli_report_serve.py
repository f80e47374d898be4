"""`newstrace report` and `newstrace serve` as a user runs them, and what each bad input gets."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from html_check import check_nesting
from newstrace.cli.main import main
from newstrace.errors import EXIT_CODES
from report_fixtures import sample_analysis
from web_fixtures import fill_store

STORY = ("Minister resigns\n\nBy Ann Lee\n\nThe finance minister resigned on Monday, officials said.\n\n"
         "Copyright © 2021 Example News. All rights reserved.\n")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_report_of_one_article_to_a_file(story, tmp_path, capsys, nlp):
    out = tmp_path / "report.html"
    assert main(["report", str(story), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert "<h1 class=\"title\">Minister resigns</h1>" in html
    assert '<details class="bp" data-kind="copyright">' in html
    assert "report written to" in capsys.readouterr().err


def test_report_of_a_saved_analysis_json(tmp_path, capsys):
    saved = tmp_path / "a.json"
    saved.write_text(json.dumps(sample_analysis().to_dict()), encoding="utf-8")
    assert main(["report", str(saved)]) == 0
    assert 'data-speaker="Ann Lee"' in capsys.readouterr().out


def test_report_of_several_inputs_is_a_corpus_report(story, tmp_path, capsys, nlp):
    saved = tmp_path / "a.json"
    saved.write_text(json.dumps(sample_analysis().to_dict()), encoding="utf-8")
    assert main(["report", str(story), str(saved)]) == 0
    html = capsys.readouterr().out
    assert 'id="graph"' in html and 'id="origins"' in html
    assert 'id="a0-article"' in html and 'id="a1-article"' in html  # each article, ids kept apart
    check_nesting(html[html.index("<body>") + 6:html.index("<script>")])


def test_report_from_a_store(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    ids = fill_store(db)
    assert main(["report", "--db", db]) == 0
    html = capsys.readouterr().out
    assert "Springfield Gazette" in html and '<svg class="graph"' in html
    assert re.search(r"independent origins? support", html)
    assert main(["report", "--db", db, ids["gazette"][:10]]) == 0  # one stored article: the article report
    one = capsys.readouterr().out
    assert "Budget to double" in one and 'id="graph"' not in one


@pytest.mark.parametrize("args, error, message", [
    (["report", "/no/such/file.txt"], "InputNotFound", "no such file"),
    (["report", "--db", "{tmp}/s.db", "abcdef123456"], "NotInStore", "no stored article"),
    (["report", "{tmp}/bad.json"], "UnreadableInput", "not a newstrace analysis JSON file"),
    (["report", "{tmp}/a.json", "--out", "{tmp}/no/such/dir/r.html"], "WriteFailed", "cannot write the report"),
    (["serve", "--host", "0.0.0.0", "--db", "{tmp}/s.db"], "ServeRefused", "give --token"),
    (["serve", "--host", "0.0.0.0", "--token", "short", "--db", "{tmp}/s.db"], "ServeRefused", "at least 16"),
    (["serve", "--db", "{tmp}"], "StoreProblem", "is a folder"),
])
def test_bad_input_gets_one_line_and_its_exit_code(tmp_path, capsys, args, error, message):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps(sample_analysis().to_dict()), encoding="utf-8")
    fill_store(str(tmp_path / "s.db"))
    assert main([a.format(tmp=tmp_path) for a in args]) == EXIT_CODES[error]
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_report_without_inputs_or_store_is_a_usage_error(capsys):
    assert main(["report"]) == 2
    assert "give INPUTS to analyse, or --db" in capsys.readouterr().err


def test_serve_refuses_a_port_in_use(tmp_path, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--db", str(tmp_path / "s.db"), "--port", str(port)]) == EXIT_CODES["ServeRefused"]
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_serve_answers_over_http(tmp_path):
    db = str(tmp_path / "s.db")
    fill_store(db)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newstrace", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})
    try:
        stats = wait_for_json(f"http://127.0.0.1:{port}/api/stats")
        assert stats["articles"] == 3
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_json(url: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)

