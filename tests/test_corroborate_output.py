"""Readable corroboration: origins named by outlet and date, each claim with its text and article, the evidence
of a contradiction, the matching named; one default matching for corroborate, report and serve."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from store_helpers import make_analysis

from newstrace.cli import main
from newstrace.corpus.corroboration import LEXICAL_MATCHING, matching_name, use_semantic
from newstrace.corpus.vectors import semantic_available
from newstrace.store import open_store, save_analysis

APPROVED = "The city council approved a budget of 4.2 million euros for the new tram line on Tuesday."
REWORDED = "On Tuesday the city council approved a budget of 4.2 million euros for the new tram line."
REFUSED = "The city council did not approve a budget of 4.2 million euros for the new tram line on Tuesday."


@pytest.fixture
def store(tmp_path) -> str:
    path = str(tmp_path / "c.db")
    with open_store(path) as db:
        for text, url, outlet, published, title in (
                (APPROVED, "https://daily.example/tram", "Springfield Daily", "2021-06-03T10:00:00", "Tram approved"),
                (REWORDED, "https://www.herald.example/1", None, "2021-06-04", "Council backs tram"),
                (REFUSED, "https://gazette.example/x", "The Gazette", "2021-06-05", "No money for the tram")):
            save_analysis(db, make_analysis(text, url=url, outlet=outlet, published=published, title=title,
                                            claims=[text]))
    return path


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_table_names_origins_by_outlet_and_date_with_each_claim_and_article(store, capsys):
    code, out, err = run(capsys, "corroborate", "https://daily.example/tram", "--db", store, "--no-semantic")
    assert code == 0 and err == ""
    assert out.startswith(f"corroboration: 1 claim, {LEXICAL_MATCHING} matching")
    assert "Springfield Daily, 2021-06-03 — Tram approved (https://daily.example/tram)" in out
    # an origin without a stored outlet is named by its site; its claim's text and article follow
    assert "herald.example, 2021-06-04" in out and f"“{REWORDED}”  — Council backs tram" in out
    # the contradiction shows its rule and the two spans it read
    assert "The Gazette, 2021-06-05" in out and "one is negated: “approved” vs “not approve”" in out
    assert "cluster:" not in out and ":c0" not in out


def test_json_gives_readable_origins_the_matching_and_the_evidence(store, capsys):
    code, out, _ = run(capsys, "corroborate", "https://daily.example/tram", "--db", store, "--no-semantic",
                       "-f", "json")
    found = json.loads(out)[0]
    assert code == 0 and found["matching"] == LEXICAL_MATCHING
    assert [o["label"] for o in found["supporting"]] == ["Springfield Daily, 2021-06-03", "herald.example, 2021-06-04"]
    against = found["contradicting"][0]["claims"][0]
    assert against["title"] == "No money for the tram" and against["relation"] == "contradicts"
    assert against["evidence"][0]["rule"] == "polarity" and against["evidence"][0]["other"]["text"] == "not approve"
    assert not any(s.startswith("cluster:") for o in found["supporting"] for s in o["shared"])


def test_copies_say_why_they_count_once(tmp_path, capsys):
    path = str(tmp_path / "copies.db")
    with open_store(path) as db:
        filler = " Residents reacted with mixed feelings to the plan announced at the town hall meeting on Friday."
        for url, outlet, tail in (("https://a.example/1", "A", ""), ("https://b.example/1", "B", " Copyright B.")):
            save_analysis(db, make_analysis(APPROVED + filler + tail, url=url, outlet=outlet, published="2021-06-03",
                                            claims=[APPROVED]))
    run(capsys, "corroborate", "--db", path, "--no-semantic", "--recluster")
    code, out, _ = run(capsys, "corroborate", "https://a.example/1", "--db", path, "--no-semantic", "-f", "json")
    origin = json.loads(out)[0]["supporting"][0]
    assert code == 0 and origin["shared"] == ["copies of one article"]
    assert origin["label"] == "A, 2021-06-03 and 1 other outlet"


def test_the_report_names_its_matching_and_shows_each_claim_with_its_evidence(store, capsys, tmp_path):
    import html as markup

    path = tmp_path / "r.html"
    code, _, _ = run(capsys, "report", "--db", store, "--no-semantic", "-o", str(path))
    page = markup.unescape(path.read_text())
    assert code == 0 and f"{LEXICAL_MATCHING} matching" in page
    origins = page[page.index('<ol class="origins">'):]
    assert f"“{REFUSED}”" in origins and "No money for the tram" in origins
    assert "one is negated: “approved” vs “not approve”" in origins


def test_corroborate_report_and_serve_share_one_default_matching():
    from newstrace.cli.corroborate import corroborate
    from newstrace.cli.report import report
    from newstrace.cli.serve import serve
    from newstrace.web.settings import WebSettings

    defaults = {c.name: next(p.default for p in c.params if p.name == "semantic") for c in (corroborate, report, serve)}
    assert defaults == {"corroborate": None, "report": None, "serve": None} and WebSettings(db="x").semantic is None
    assert use_semantic(None) == semantic_available() and matching_name(False) == LEXICAL_MATCHING


@pytest.mark.skipif(not semantic_available(), reason="needs the [semantic] extra")
def test_loading_minilm_prints_no_progress_bar():
    code = "from newstrace.corpus import vectors; vectors.embed(['The council approved the budget.'])"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "Loading" not in done.stderr and "it/s" not in done.stderr
