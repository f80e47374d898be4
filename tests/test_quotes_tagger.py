"""The role tagger: numpy inference equal to the torch network it was trained as, features, spans and merging."""
import numpy as np
import pytest

from newstrace.quotes.extract import rule_attributions
from newstrace.quotes.tagger import TAGS, RoleTagger, featurise, load_tagger, paragraphs


@pytest.fixture(scope="session")
def nlp(candidates_nlp):
    """These tests pin down what the rules propose; the accept/reject step is tested in test_quotes_accept.py."""
    return candidates_nlp


torch = pytest.importorskip("torch")
train_tagger = pytest.importorskip("training.tagger")

TEXT = ("“We will not back down,” Mayor Lena Park said on Tuesday.\n\n"
        "The council, she told reporters, had ignored the report. Critics were furious about the delay.")


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def _small_network(doc, layers: int):
    settings = dict(train_tagger.SETTINGS, lemma_dim=6, head_lemma_dim=4, category_dim=3, input=10, hidden=7,
                    layers=layers)
    torch.manual_seed(1)
    features = featurise(doc, rule_attributions(doc, doc.text))
    net = train_tagger.Network(features.dense.shape[1], settings)
    with torch.no_grad():
        for p in net.parameters():  # spread the weights so that every gate matters, in float16 as shipped
            p.copy_(torch.empty_like(p).uniform_(-0.5, 0.5).half().float())
    return net.eval(), features, settings


@pytest.mark.semantic
@pytest.mark.parametrize("layers", [1, 2])
def test_numpy_inference_equals_the_torch_network(doc, tmp_path, layers):
    net, features, settings = _small_network(doc, layers)
    meta = {"tensor_width": doc.tensor.shape[1], "layers": layers}
    train_tagger.export(net, tmp_path, meta)
    tagger = load_tagger.__wrapped__(tmp_path)
    ours = tagger.probabilities(doc, rule_attributions(doc, doc.text))
    tags = np.zeros(len(doc), np.int64)
    items = [(0, features, tags, unit, np.ones(len(doc), bool)) for unit in paragraphs(features)]
    theirs = np.zeros_like(ours)
    for (_, _, _, (s, e), _), p in zip(items, train_tagger.predict(net, items)):
        theirs[s:e] = p
    assert np.abs(ours - theirs).max() < 1e-4
    assert ours.std() > 0.01  # not a network that says the same for every token


def test_features_have_one_row_per_token_and_the_model_vector_width(doc):
    f = featurise(doc, rule_attributions(doc, doc.text))
    assert f.lemma.shape == (len(doc),) and f.categories.shape == (len(doc), 5)
    assert f.dense.shape == (len(doc), 8 + doc.tensor.shape[1] + 2)
    said = next(t.i for t in doc if t.text == "said")
    assert f.head_lemma[said - 1] == f.lemma[said]  # "Park" hangs on "said"


def test_rule_findings_are_features(doc):
    f = featurise(doc, rule_attributions(doc, doc.text))
    said = next(t.i for t in doc if t.text == "said")
    lena = next(t.i for t in doc if t.text == "Lena")
    back = next(t.i for t in doc if t.text == "back")
    assert f.dense[said, 1] == 1 and f.dense[said, 7] == 1  # in a cue; a lexicon cue word
    assert f.dense[lena, 2] == 1  # in a source
    assert f.dense[back, 0] == 1 and f.dense[back, 5] == 1  # in a direct quote's content


def test_paragraphs_split_at_paragraph_breaks(doc):
    units = paragraphs(featurise(doc, []))
    assert len(units) == 2
    assert units[0][0] == 0 and units[-1][1] == len(doc)
    assert "\n\n" in doc[units[0][1] - 1].text


def test_a_pipeline_with_other_token_vectors_runs_on_the_rules(doc):
    tagger = RoleTagger({}, {"tensor_width": doc.tensor.shape[1] + 1, "layers": 2})
    assert not tagger.accepts(doc)


def test_missing_weights_leave_the_rules_alone(tmp_path):
    assert load_tagger.__wrapped__(tmp_path) is None


def test_tags_are_outside_then_inside_and_beginning_of_each_role():
    assert TAGS[0] == "O" and len(TAGS) == 7


def _tiny_split(root):
    split = root / "split"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    speakers = ["Anna Berg", "Tom Okafor", "Maria Lopez"]
    for n, name in enumerate(speakers):
        text = f"{name} grumbled that the budget was late.\n\nThe council met on Monday and approved the plan."
        cue, content = text.index("grumbled"), text.index("that the budget")
        ann = (f"T1\tSource 0 {len(name)}\t{name}\nT2\tCue {cue} {cue + 8}\tgrumbled\n"
               f"T3\tContent {content} {content + 24}\tthat the budget was late\n"
               f"E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
        (split / "text" / f"t{n}.txt").write_text(text, encoding="utf-8")
        (split / "attributions" / f"t{n}_a.ann").write_text(ann, encoding="utf-8")
    return split


@pytest.mark.semantic
def test_gold_tags_mark_beginning_and_inside_of_each_role(tmp_path):
    from training.polnear import parse_split

    doc, view, relations = parse_split(_tiny_split(tmp_path))[0]
    tags = [TAGS[k] for k in train_tagger.gold_tags(doc, view, relations)]
    words = [t.text for t in doc]
    assert tags[:2] == ["B-source", "I-source"] and tags[words.index("grumbled")] == "B-cue"
    assert tags[words.index("that")] == "B-content" and tags[words.index("late")] == "I-content"
    assert tags[words.index("council")] == "O" and tags[words.index(".")] == "O"


@pytest.mark.semantic
def test_train_command_writes_weights_that_load_and_tag(tmp_path, nlp, monkeypatch):
    monkeypatch.setitem(train_tagger.SETTINGS, "epochs", 2)
    train_tagger.main(["--split", str(_tiny_split(tmp_path)), "--out", str(tmp_path / "w")])
    tagger = load_tagger.__wrapped__(tmp_path / "w")
    assert tagger is not None and "3 texts" in tagger.meta["data"]
    doc = nlp("Omar Haddad grumbled that the road was closed.")
    probs = tagger.probabilities(doc, rule_attributions(doc, doc.text))
    assert probs.shape == (len(doc), len(TAGS)) and np.allclose(probs.sum(1), 1.0, atol=1e-4)
    train_tagger.main(["--split", str(tmp_path / "split"), "--out", str(tmp_path / "again")])
    first, again = np.load(tmp_path / "w" / "roles.npz"), np.load(tmp_path / "again" / "roles.npz")
    assert all(np.array_equal(first[k], again[k]) for k in first.files)  # one seed, the same weights


def test_train_command_rejects_a_folder_that_is_not_a_split(tmp_path):
    with pytest.raises(SystemExit, match="no text/ folder"):
        train_tagger.main(["--split", str(tmp_path)])


def test_a_long_document_goes_through_the_tagger_in_blocks_of_paragraphs():
    from newstrace.quotes.tagger import _blocks
    units = [(0, 30), (30, 50), (50, 120), (120, 130)]
    assert _blocks(units, size=60) == [(0, 2), (2, 3), (3, 4)]  # a unit longer than a block goes alone
    assert _blocks(units, size=10**6) == [(0, 4)]  # an ordinary article: one pass, as before
    assert _blocks([], size=60) == []
