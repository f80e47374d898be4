"""Issue 22 on the command line and in the library: inputs that crashed, a folder run that skips an input that
fails and exits 13, and the exit codes that were wrong (a folder without articles, feeds and JSONL given to
``analyze``, an unwritable --out, a malformed analysis JSON, a negative --max-bytes)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

import newstrace.pipeline as pipeline
from newstrace.cli.main import main
from newstrace.errors import EXIT_CODES, AnalysisCrashed
from newstrace.pipeline import AnalyzeConfig, analyze, analyze_inputs

STORY = ("Flood barriers open in Riverton\n\n"
         "Riverton opened its new flood barriers on Tuesday. \"The river will not surprise us again,\" "
         "said Maria Costa, the city's engineer.\n\nThe barriers cost $40 million, the council said.\n")
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Riverton Daily</title>"
        "<item><title>Barriers open</title><link>https://r.example/1</link><description>Riverton opened its "
        "flood barriers on Tuesday, said Maria Costa, the city's engineer, after two years of work."
        "</description></item><item><title>Bridge shut</title><link>https://r.example/2</link><description>"
        "The old bridge was shut on Friday for repairs that will take a month, the council said.</description>"
        "</item></channel></rss>")

# a component that fails on one article, as a bug in a stage would: only for the tests below
BOOM = "KABOOM"


@Language.component("newstrace_test_boom")
def _boom(doc):
    if BOOM in doc.text:
        raise RuntimeError("a bug met this article")
    return doc


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_a_lone_surrogate_becomes_a_replacement_character_in_place(nlp):
    text = STORY.replace("Tuesday", "Tues\ud800day")
    result = analyze(text, config=AnalyzeConfig(semantic=False))
    at = result.article.text.index("Tues")
    assert result.article.text[at:at + 8] == "Tues\ufffdday"
    spans = [result.article.title_span, *result.article.paragraphs, *result.article.sentences]
    assert all(result.article.text[s.start:s.end] == s.text for s in spans)


@pytest.fixture
def crashing_parse(monkeypatch):
    """The pipeline's model with a component that fails on any text containing BOOM."""
    monkeypatch.setattr(pipeline, "NLP_COMPONENTS", pipeline.NLP_COMPONENTS + ("newstrace_test_boom",))


@pytest.fixture
def crashing_stage(monkeypatch):
    import newstrace.provenance as provenance

    real = provenance.build_chain

    def build_chain(article, *args):
        if BOOM in article.text:
            raise KeyError("a bug in a stage")
        return real(article, *args)
    monkeypatch.setattr(provenance, "build_chain", build_chain)


@pytest.fixture
def crashing_extraction(monkeypatch):
    import newstrace.extract as extract

    real = extract.extract_article

    def extract_article(raw, **kwargs):
        if BOOM.encode() in raw.data:
            raise IndexError("a bug in an extractor")
        return real(raw, **kwargs)
    monkeypatch.setattr(extract, "extract_article", extract_article)


@pytest.mark.parametrize("where, error", [("crashing_parse", "RuntimeError"), ("crashing_stage", "KeyError"),
                                          ("crashing_extraction", "IndexError")])
def test_a_folder_run_skips_an_input_that_crashes_and_exits_13(tmp_path, capsys, nlp, request, where, error):
    request.getfixturevalue(where)
    for i in range(1, 6):
        write(tmp_path, f"{i}.txt", STORY.replace("Tuesday", f"day {i}") + (f"\n{BOOM} here.\n" if i == 3 else ""))
    code = main(["analyze", "-q", "-f", "json", "--no-semantic", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == EXIT_CODES["BatchFailed"], captured.err
    names = [Path(d["article"]["metadata"]["input"]["name"]).name for d in json_lines(captured.out)]
    assert names == ["1.txt", "2.txt", "4.txt", "5.txt"]
    failed = [line for line in captured.err.splitlines() if line.startswith("newstrace: failed:")]
    assert len(failed) == 1 and "3.txt: internal error: " + error in failed[0], captured.err
    assert "Traceback" not in captured.err and "1 of 5 inputs failed" in captured.err


def test_one_input_that_crashes_is_one_line_and_the_internal_error_exit(tmp_path, capsys, crashing_stage, nlp):
    path = write(tmp_path, "a.txt", STORY + BOOM)
    assert main(["analyze", "--no-semantic", str(path)]) == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "a.txt: internal error: KeyError" in err


def test_the_library_names_the_input_that_crashed(tmp_path, crashing_parse, nlp):
    paths = [str(write(tmp_path, f"{i}.txt", STORY + (BOOM if i == 1 else ""))) for i in range(3)]
    results = list(analyze_inputs(paths, AnalyzeConfig(semantic=False)))
    assert [name for name, _ in results] == paths
    assert [type(r).__name__ for _, r in results] == ["Analysis", "AnalysisCrashed", "Analysis"]
    assert isinstance(results[1][1].__cause__, RuntimeError)


def test_a_folder_with_no_article_files_is_input_not_found(tmp_path, capsys):
    write(tmp_path, "notes.csv", "a,b\n")
    assert main(["analyze", str(tmp_path)]) == EXIT_CODES["InputNotFound"]
    assert "no inputs found" in capsys.readouterr().err


def test_a_feed_is_analysed_item_by_item(tmp_path, capsys, nlp):
    path = write(tmp_path, "feed.xml", FEED)
    assert main(["analyze", "-q", "-f", "json", "--no-semantic", str(path)]) == 0
    docs = json_lines(capsys.readouterr().out)
    assert [d["article"]["url"] for d in docs] == ["https://r.example/1", "https://r.example/2"]
    assert docs[0]["article"]["outlet"] == "Riverton Daily" and "flood barriers" in docs[0]["article"]["text"]


def test_a_broken_feed_is_malformed_feed(tmp_path, capsys):
    path = write(tmp_path, "feed.xml", FEED[:200])
    assert main(["analyze", str(path)]) == EXIT_CODES["MalformedFeed"]
    assert "feed.xml" in capsys.readouterr().err


def test_jsonl_records_are_analysed_and_a_bad_line_is_skipped(tmp_path, capsys, nlp):
    lines = [json.dumps({"url": "https://r.example/a", "text": STORY}), "not json",
             json.dumps({"url": "https://r.example/b", "text": STORY.replace("Tuesday", "Friday")})]
    path = write(tmp_path, "docs.jsonl", "\n".join(lines) + "\n")
    assert main(["analyze", "-q", "-f", "json", "--no-semantic", str(path)]) == EXIT_CODES["BatchFailed"]
    captured = capsys.readouterr()
    assert [d["article"]["url"] for d in json_lines(captured.out)] == ["https://r.example/a", "https://r.example/b"]
    assert "line 2 is not valid JSON" in captured.err


def test_jsonl_with_only_bad_records_is_malformed_record(tmp_path, capsys):
    path = write(tmp_path, "bad.jsonl", '{"url": "x"\nnot json\n[1, 2]\n')
    assert main(["analyze", str(path)]) == EXIT_CODES["MalformedRecord"]
    err = capsys.readouterr().err
    assert "none of its 3 items could be analysed" in err and "Traceback" not in err


def test_an_out_folder_that_cannot_be_made_is_write_failed(tmp_path, capsys):
    story = write(tmp_path, "a.txt", STORY)
    blocker = write(tmp_path, "file", "")
    assert main(["analyze", "--out", str(blocker / "sub"), str(story)]) == EXIT_CODES["WriteFailed"]
    assert "cannot create the output folder" in capsys.readouterr().err


def test_an_out_file_that_cannot_be_written_is_write_failed(tmp_path, capsys, nlp):
    story = write(tmp_path, "a.txt", STORY)
    out = tmp_path / "out"
    (out / "a.json").mkdir(parents=True)  # a folder where the file should go
    assert main(["analyze", "-f", "json", "--no-semantic", "--out", str(out), str(story)]) == EXIT_CODES["WriteFailed"]
    assert "a.json: cannot write" in capsys.readouterr().err


def test_report_on_a_malformed_analysis_json_is_unreadable_input(tmp_path, capsys):
    path = write(tmp_path, "analysis.json", '{"schema_version": "1.1", "article": ')
    assert main(["report", str(path)]) == EXIT_CODES["UnreadableInput"]
    assert "not a newstrace analysis JSON" in capsys.readouterr().err


@pytest.mark.parametrize("args", [["analyze", "--max-bytes", "-1"], ["analyze", "--max-bytes", "0"],
                                  ["analyze", "--timeout", "0"], ["report", "--max-bytes", "-5"]])
def test_limits_that_make_no_sense_are_usage_errors(tmp_path, capsys, args):
    story = write(tmp_path, "a.txt", STORY)
    assert main([*args, str(story)]) == 2
    assert "is not in the range" in capsys.readouterr().err


def test_a_crash_is_a_newstrace_error_with_the_internal_error_exit():
    crashed = AnalysisCrashed.of(ValueError("Invalid IPv6 URL"), "page.html")
    assert crashed.exit_code == 70 and isinstance(crashed.__cause__, ValueError)
    assert str(crashed).startswith("page.html: internal error: ValueError: Invalid IPv6 URL")
