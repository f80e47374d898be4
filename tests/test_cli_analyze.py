"""`newstrace analyze` as a user runs it: outputs, batches, and one line + exit code per bad input."""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newstrace.cli.main import main
from newstrace.errors import EXIT_CODES
from newstrace.model import SCHEMA_VERSION

from conftest import EXAMPLES

STORY = ("Minister resigns\n\nBy Ann Lee\n\nThe finance minister resigned on Monday, officials said.\n\n"
         "Copyright © 2021 Example News. All rights reserved.\n")


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The installed command line, in a subprocess: real exit codes, real stdout/stderr."""
    return subprocess.run([sys.executable, "-m", "newstrace", *args], input=stdin, capture_output=True,
                          timeout=300, env={**os.environ, "PYTHONUNBUFFERED": "1"})


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_table_output_shows_the_article_and_its_boilerplate(story, capsys, nlp):
    assert main(["analyze", str(story)]) == 0
    out = capsys.readouterr().out
    assert "Minister resigns" in out and "Ann Lee" in out
    assert "byline" in out and "copyright" in out and "Set aside as boilerplate" in out


@pytest.mark.parametrize("fmt,marker", [("json", '"schema_version"'), ("md", "# Minister resigns"),
                                        ("html", "<!DOCTYPE html>")])
def test_other_formats(story, capsys, nlp, fmt, marker):
    assert main(["analyze", str(story), "--format", fmt]) == 0
    assert marker in capsys.readouterr().out


def test_html_output_escapes_article_text(tmp_path, capsys, nlp):
    path = tmp_path / "evil.txt"
    path.write_text("<script>alert(1)</script> headline\n\nBody with <img src=x onerror=alert(2)> inside it.\n")
    assert main(["analyze", str(path), "--format", "html"]) == 0
    out = capsys.readouterr().out
    assert "<script>alert" not in out and "<img src=x" not in out and "&lt;script&gt;" in out


def test_out_dir_gets_one_file_per_input(tmp_path, nlp):
    out = tmp_path / "out"
    assert main(["analyze", str(EXAMPLES), "--out", str(out), "--format", "json", "--quiet"]) == 0
    names = sorted(p.name for p in out.iterdir())
    expected = sorted(p.name.split(".txt")[0].split(".md")[0].removesuffix(".html") + ".json"
                      for p in EXAMPLES.iterdir() if p.name != "NOTICE")
    assert names == expected
    document = json.loads((out / "obamawhitehouse.archives.gov.json").read_text())
    assert document["article"]["authors"] == ["Kori Schulman"]


def test_same_names_from_different_folders_do_not_overwrite(tmp_path, nlp):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "story.txt").write_text(STORY.replace("Monday", sub))
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out), "-f", "json", "-q"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["story-2.json", "story.json"]


def test_json_for_many_inputs_is_one_document_per_line(tmp_path, capsys, nlp):
    for i in range(2):
        (tmp_path / f"s{i}.txt").write_text(STORY.replace("Monday", f"day {i}"))
    assert main(["analyze", str(tmp_path), "-f", "json", "-q"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["schema_version"] == SCHEMA_VERSION for line in lines)


def test_stdin(nlp):
    result = run_cli("analyze", "-", "--format", "json", stdin=STORY.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["title"] == "Minister resigns"


def test_stdin_html_is_sniffed(nlp):
    page = "<html><body><article>" + "".join(f"<p>The council approved budget line {i} on Monday after a long "
                                             "debate about schools.</p>" for i in range(4))
    result = run_cli("analyze", "-", "-f", "json", stdin=(page + "</article></body></html>").encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["source_format"] == "html"


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input, and the error it gets."""
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp / "truncated.txt.gz").write_bytes(gzip.compress(STORY.encode() * 40)[:-25])
    (tmp / "mixed.txt").write_bytes("Zürich “said” ".encode() * 5 + "Zürich".encode("cp1252"))
    (tmp / "noarticle.html").write_text("<html><body><nav>Home</nav></body></html>")
    with open(tmp / "huge.txt", "wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    (tmp / "dangling.txt").symlink_to(tmp / "nowhere")
    return {"EmptyInput": (tmp / "empty.txt", "input is empty"),
            "BinaryInput": (tmp / "binary.txt", "binary"),
            "CorruptInput": (tmp / "truncated.txt.gz", "truncated gzip"),
            "EncodingProblem": (tmp / "mixed.txt", "mixed encodings"),
            "NoArticleFound": (tmp / "noarticle.html", "no article text"),
            "InputTooLarge": (tmp / "huge.txt", "over the cap"),
            "UnreadableInput": (tmp / "dangling.txt", "broken symbolic link"),
            "InputNotFound": (tmp / "missing.txt", "no such file")}


def test_each_bad_input_gets_one_line_and_its_own_exit_code(tmp_path, nlp, capsys):
    cases = _bad_inputs(tmp_path)
    codes = set()
    for error, (path, message) in cases.items():
        code = main(["analyze", str(path)])
        err = capsys.readouterr().err
        assert code == EXIT_CODES[error], (error, err)
        assert err.count("\n") == 1 and message in err and "Traceback" not in err, err
        codes.add(code)
    assert len(codes) == len(cases)  # distinct exit codes


def test_bad_url_exit_codes_in_a_subprocess():
    result = run_cli("analyze", "http://127.0.0.1:9/story", "--timeout", "2", "--allow-private-urls")
    assert result.returncode == EXIT_CODES["FetchFailed"]
    assert result.stderr.decode().startswith("newstrace: error: http://127.0.0.1:9/story: cannot connect")
    assert b"Traceback" not in result.stderr


def test_batch_continues_past_bad_files_and_reports_them_at_the_end(tmp_path, nlp, capsys):
    cases = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text(STORY)
    out = tmp_path / "out"
    code = main(["analyze", str(good), *[str(p) for p, _ in cases.values()], "--out", str(out), "-q"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == EXIT_CODES["BatchFailed"]
    assert (out / "good.txt").exists()
    assert len([line for line in err if line.startswith("newstrace: failed:")]) == len(cases)
    assert err[-1] == f"newstrace: error: {len(cases)} of {len(cases) + 1} inputs failed (listed above); " \
                      "the others were analysed"


def test_usage_errors_exit_2():
    result = run_cli("analyze")
    assert result.returncode == 2 and b"Missing argument" in result.stderr
    assert run_cli("analyze", "x.txt", "--format", "yaml").returncode == 2


def test_version():
    result = run_cli("--version")
    assert result.returncode == 0 and b"newstrace, version" in result.stdout


def test_types_option_chooses_the_quotes_the_human_formats_show(tmp_path, capsys, nlp):
    path = tmp_path / "dam.txt"
    path.write_text("Dam fears grow\n\nThe engineer said the dam had been inspected in March.\n\n"
                    "Officials fear that the dam could fail in a heavy storm this winter.\n", encoding="utf-8")
    assert main(["analyze", str(path), "--format", "md"]) == 0
    default = capsys.readouterr().out
    assert main(["analyze", str(path), "--format", "md", "--types", "all"]) == 0
    every = capsys.readouterr().out
    def quotes_section(md: str) -> str:
        return md.split("## Quotes")[-1].split("\n## ")[0]

    assert "inspected in March" in quotes_section(default)
    assert "could fail in a heavy storm" not in quotes_section(default)
    assert "could fail in a heavy storm" in quotes_section(every)
    assert main(["analyze", str(path), "--format", "json"]) == 0
    import json
    types = {q["type"] for q in json.loads(capsys.readouterr().out)["quotes"]}
    assert {"speech", "belief"} <= types  # JSON keeps every type


def test_an_unknown_quote_type_is_a_usage_error(story):
    done = run_cli("analyze", str(story), "--types", "rumour")
    err = done.stderr.decode()
    assert done.returncode == 2 and "unknown quote type rumour" in err and "Traceback" not in err
