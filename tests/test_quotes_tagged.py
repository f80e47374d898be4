"""Merging the role tagger's spans into the rules' attributions, with tag probabilities made up for each case."""
import re

import pytest

import numpy as np

from newstrace.quotes.extract import find_attributions, rule_attributions
from newstrace.quotes.tagged import decode, merge, tag_spans
from newstrace.quotes.tagger import TAGS, load_tagger


@pytest.fixture(scope="session")
def nlp(candidates_nlp):
    """These tests pin down what the rules propose; the accept/reject step is tested in test_quotes_accept.py."""
    return candidates_nlp


O, I_SRC, I_CUE, I_CON, B_SRC, B_CUE, B_CON = range(7)


def tagged(doc, *runs: tuple[str, str]) -> np.ndarray:
    """Probabilities for runs ``(phrase, role)``: B- on the phrase's first token, I- on the rest; others O."""
    p = np.full((len(doc), len(TAGS)), 0.02, np.float32)
    p[:, O] = 0.88
    role_tags = {"source": (B_SRC, I_SRC), "cue": (B_CUE, I_CUE), "content": (B_CON, I_CON)}
    for phrase, role in runs:
        starts = [m.start() for m in re.finditer(re.escape(phrase), doc.text)]
        span = next(s for s in (doc.char_span(i, i + len(phrase)) for i in starts) if s is not None)  # whole tokens
        for i in range(span.start, span.end):
            p[i] = 0.02
            p[i, role_tags[role][0] if i == span.start else role_tags[role][1]] = 0.88
    return p


def test_an_inside_tag_after_another_role_is_decoded_into_a_valid_sequence():
    p = np.full((3, len(TAGS)), 0.01, np.float32)
    p[0, B_CON], p[1, I_SRC], p[1, I_CON], p[2, I_CON] = 0.9, 0.5, 0.4, 0.9
    tags = decode(p)
    assert tags[0] == B_CON and tags[1] in (I_CON, B_SRC) and tags[2] in (I_CON, B_CON)
    assert not (tags[1] == I_SRC)  # an inside tag never follows another role


def test_spans_are_runs_of_one_role_split_at_beginnings(nlp):
    doc = nlp("Officials said the road would reopen.")
    spans = tag_spans(doc, tagged(doc, ("Officials", "source"), ("said", "cue"), ("the road would reopen", "content")))
    assert [(doc[s.start:s.end].text, s.role) for s in spans] == [("Officials", 1), ("said", 2),
                                                                    ("the road would reopen", 3)]
    assert all(0.8 < s.probability <= 1.0 for s in spans)


def test_the_tagger_widens_a_rule_cue_to_its_verb_group_and_keeps_the_speaker(nlp):
    text = "The minister said in a statement that the bridge would reopen in May."
    doc = nlp(text)
    atts = rule_attributions(doc, text)
    merged = merge(doc, text, atts, tagged(doc, ("The minister", "source"), ("said in a statement", "cue"),
                                           ("that the bridge would reopen in May", "content")))
    att = next(a for a in merged if a.cue_lemma == "say")
    assert text[att.cue[0]:att.cue[1]] == "said in a statement"
    assert text[att.source[0]:att.source[1]] == "The minister" and doc[att.source_head].text == "minister"
    assert text[att.content[0]:att.content[1]] == "that the bridge would reopen in May"


def test_a_source_never_grows_over_a_neighbouring_phrase(nlp):
    text = "In a statement to the Courier, her adviser, Jake Moss, said: “The deal is dead.”"
    doc = nlp(text)
    merged = merge(doc, text, rule_attributions(doc, text),
                   tagged(doc, ("the Courier, her adviser, Jake Moss", "source"), ("said", "cue"),
                          ("“The deal is dead.”", "content")))
    att = next(a for a in merged if a.cue_lemma == "say")
    assert "Courier" not in text[att.source[0]:att.source[1]]
    assert text[att.source[0]:att.source[1]].endswith("Jake Moss")


def test_a_source_keeps_its_head_and_leaves_out_a_possessive_ending(nlp):
    text = ("The governor's claim that the deficit has vanished was disputed by auditors. "
            "A group of farmers said prices fell.")
    doc = nlp(text)
    merged = merge(doc, text, rule_attributions(doc, text),
                   tagged(doc, ("The governor's", "source"), ("claim", "cue"), ("A", "source"), ("said", "cue")))
    sources = {a.cue_lemma: text[a.source[0]:a.source[1]] for a in merged}
    assert sources["claim"] == "The governor"
    assert sources["say"].startswith("A group")  # never the determiner alone


def test_a_content_the_tagger_marks_only_in_part_stays_whole(nlp):
    text = "The projected cost is two billion dollars, but, he noted, it could rise."
    doc = nlp(text)
    atts = rule_attributions(doc, text)
    whole = next(text[a.content[0]:a.content[1]] for a in atts if a.content[0] == 0)
    merged = merge(doc, text, atts, tagged(doc, ("The projected cost", "content"), ("he", "source"), ("noted", "cue")))
    assert next(text[a.content[0]:a.content[1]] for a in merged if a.content[0] == 0) == whole


def test_a_nominal_cue_content_stays_within_the_nouns_clause(nlp):
    text = "The governor's claim that the deficit has vanished was disputed by auditors."
    doc = nlp(text)
    merged = merge(doc, text, rule_attributions(doc, text),
                   tagged(doc, ("The governor", "source"), ("claim", "cue"),
                          ("that the deficit has vanished was disputed by", "content")))
    att = next(a for a in merged if a.cue_lemma == "claim")
    assert text[att.content[0]:att.content[1]] == "that the deficit has vanished"


def test_a_cue_only_the_tagger_finds_becomes_a_weak_attribution(nlp):
    text = "The senator is tired of the endless delays in the budget talks."
    doc = nlp(text)
    atts = rule_attributions(doc, text)
    assert atts == []
    merged = merge(doc, text, atts, tagged(doc, ("The senator", "source"), ("is tired of", "cue"),
                                           ("the endless delays in the budget talks", "content")))
    assert len(merged) == 1
    att = merged[0]
    assert text[att.cue[0]:att.cue[1]] == "is tired of" and text[att.source[0]:att.source[1]] == "The senator"
    assert text[att.content[0]:att.content[1]] == "the endless delays in the budget talks"
    assert att.confidence <= 0.45 and att.kind == "indirect" and att.extra["tagger"]


def test_a_tagger_cue_without_a_content_or_with_a_scene_setting_clause_is_no_attribution(nlp):
    text = "When the reporters arrived at the hall, the minister said."
    doc = nlp(text)
    scene = tagged(doc, ("When the reporters arrived at the hall", "content"), ("the minister", "source"),
                   ("said", "cue"))
    assert [a for a in merge(doc, text, [], scene) if a.extra.get("tagger")] == []
    text = "The senator is tired."
    doc = nlp(text)
    assert merge(doc, text, [], tagged(doc, ("is tired", "cue"))) == []


def test_a_time_phrase_is_cut_from_the_end_of_a_cue(nlp):
    text = '"The bridge is safe," the engineer said on Monday.'
    doc = nlp(text)
    merged = merge(doc, text, rule_attributions(doc, text),
                   tagged(doc, ("the engineer", "source"), ("said on", "cue")))
    att = next(a for a in merged if a.cue_lemma == "say")
    assert text[att.cue[0]:att.cue[1]] == "said"


def test_a_rule_attribution_the_tagger_does_not_mark_stays_as_it_was(nlp):
    text = "“We will fight,” said Maria Lopez."
    doc = nlp(text)
    before = [(a.cue, a.source, a.content) for a in rule_attributions(doc, text)]
    after = [(a.cue, a.source, a.content) for a in merge(doc, text, rule_attributions(doc, text), tagged(doc))]
    assert before == after and before


def test_the_shipped_tagger_runs_on_doc_tensors_of_its_width_and_otherwise_leaves_the_rules_alone(nlp):
    text = ("The ministry said in a statement on Monday that the plan would fail. "
            "Voters are tired of the delays, the poll suggests.")
    doc = nlp(text)
    spans = lambda atts: [(a.cue, a.source, a.content) for a in atts]  # noqa: E731
    rules = spans(rule_attributions(doc, text))
    assert load_tagger() is not None and load_tagger().accepts(doc)
    assert spans(find_attributions(doc, text)) != rules  # the tagger widens or adds something here
    doc.tensor = np.zeros((len(doc), 0), np.float32)  # a pipeline without token vectors of the tagger's width
    assert not load_tagger().accepts(doc)
    assert spans(find_attributions(doc, text)) == rules


def test_a_tagger_cue_inside_a_continued_turn_is_the_speakers_own_words(nlp):
    text = ("THE MAYOR: Thank you all for coming tonight.\n\nVoters are tired of the endless delays.\n\n"
            "Q: What comes next for the bridge?")
    doc = nlp(text)
    atts = rule_attributions(doc, text)
    assert any(a.follows is not None and text[a.content[0]:a.content[1]].startswith("Voters") for a in atts)
    merged = merge(doc, text, atts,
                   tagged(doc, ("Voters", "source"), ("are tired of", "cue"), ("the endless delays", "content")))
    assert not any(a.cue_lemma == "be" or a.extra.get("tagger") for a in merged)
