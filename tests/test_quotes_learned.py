"""The learned cue detector: verbs outside the lexicon, kept only with a source and a content, at low confidence."""
import json

import pytest

from quotes_helpers import quote_with, speaker_of

from newstrace.quotes.extract import quotes_and_speakers
from newstrace.quotes.learned import load_detector
from training.cues import main as train_main


@pytest.fixture(scope="session")
def nlp(candidates_nlp):
    """These tests pin down what the rules propose; the accept/reject step is tested in test_quotes_accept.py."""
    return candidates_nlp


def test_a_verb_outside_the_lexicon_with_subject_and_clause_is_a_weak_quote(nlp):
    doc = nlp("Cruz shot back that the senator had never read the bill.")
    q = quote_with(doc, "never read the bill")
    assert q.cue_lemma == "shoot" and speaker_of(doc, q).name == "Cruz"
    assert q.confidence < 0.7  # below every lexicon cue with a clause
    strict, _ = quotes_and_speakers(doc, min_confidence=0.7)
    assert strict == []


def test_ordinary_verbs_are_not_cues(nlp):
    assert nlp("The company hired 40 new workers last year and opened a plant.")._.quotes == []


def test_a_detected_verb_without_a_source_gives_no_quote(nlp):
    doc = nlp("Blasted for its handling of the investigation, the agency stayed silent on Monday.")
    assert all(q.cue_lemma != "blast" for q in doc._.quotes)


def test_shipped_weights_record_how_they_were_chosen():
    detector = load_detector()
    assert detector is not None and 0 < detector.threshold < 1
    assert detector.meta["figures"]["oof_unknown"]["precision"] > 0.5


def test_missing_weights_leave_the_rules_alone(tmp_path):
    assert load_detector(tmp_path) is None


def test_train_command_writes_weights_that_load(tmp_path, capsys):
    split = tmp_path / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    speakers = ["Anna Berg", "Tom Okafor", "Maria Lopez", "Karl Weber", "Ruth Adams", "Jane Smith"]
    for n, name in enumerate(speakers):
        text = f"{name} grumbled that the budget was late. The council met on Monday and approved the plan."
        cue = text.index("grumbled")
        content = text.index("the budget")
        ann = (f"T1\tSource 0 {len(name)}\t{name}\nT2\tCue {cue} {cue + 8}\tgrumbled\n"
               f"T3\tContent {content} {content + 19}\tthe budget was late\n"
               f"E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
        (split / "text" / f"t{n}.txt").write_text(text, encoding="utf-8")
        (split / "attributions" / f"t{n}_a.ann").write_text(ann, encoding="utf-8")
    train_main(["--split", str(split), "--out", str(tmp_path / "w")])
    meta = json.loads(capsys.readouterr().out)
    assert meta["figures"]["cue_heads"] == len(speakers)
    detector = load_detector(tmp_path / "w")
    assert detector is not None and detector.threshold == meta["threshold"]


def test_train_command_rejects_a_folder_that_is_not_a_split(tmp_path):
    import pytest

    with pytest.raises(SystemExit, match="no text/ folder"):
        train_main(["--split", str(tmp_path)])
