"""Bad and odd input never crashes and gives sensible output."""
import pytest

from quotes_helpers import quote_with


@pytest.fixture(scope="session")
def nlp(candidates_nlp):
    """These tests pin down what the rules propose; the accept/reject step is tested in test_quotes_accept.py."""
    return candidates_nlp


def test_unbalanced_quote_is_cut_before_its_attribution_and_flagged(nlp):
    doc = nlp('"This never closes, the mayor said. More words follow.\n\nA new paragraph starts here.')
    q = quote_with(doc, "never closes")
    assert q.content.text == '"This never closes' and q.speaker_mention.text == "the mayor"
    assert q.confidence <= 0.6
    assert all("new paragraph" not in x.content.text for x in doc._.quotes)


def test_inch_and_second_marks_are_not_quotes(nlp):
    doc = nlp('The guard is 6\'4" tall and the screen measures 27" across, the coach said.')
    assert [q.kind for q in doc._.quotes] == ["indirect"]
    assert doc._.quotes[0].content.text.startswith("The guard is 6'4\"")


def test_all_caps_text(nlp):
    doc = nlp('THE MAYOR SAID THE CITY WOULD NOT PAY. "WE HAVE NO MONEY," SHE TOLD REPORTERS.')
    q = quote_with(doc, "WE HAVE NO MONEY")
    assert q.kind == "direct" and q.cue.text == "TOLD" and q.speaker_mention.text == "SHE"
    assert q.speaker_id == quote_with(doc, "CITY WOULD NOT PAY").speaker_id


def test_whole_speech_quote(nlp):
    speech = '"' + "We will keep working on this until the job is done. " * 300 + '," the president said.'
    doc = nlp(speech)
    assert len(doc._.quotes) == 1
    q = doc._.quotes[0]
    assert q.kind == "direct" and q.cue.text == "said" and len(q.content.text) > 10000


def test_transcript_labels_are_speakers(nlp):
    text = ("Q: Why did you resign from the board?\n\nA: Because the board ignored every warning we gave.\n\n"
            "Q: Do you regret it?\n\nA: Not for a second, I would do it again.")
    doc = nlp(text)
    assert [q.speaker_mention.text for q in doc._.quotes] == ["Q", "A", "Q", "A"]
    assert all(q.kind == "direct" and q.cue_lemma == ":" for q in doc._.quotes)
    assert len(doc._.speakers) == 2


def test_a_transcript_turn_runs_over_the_paragraphs_until_the_next_label(nlp):
    text = ("THE PRESIDENT: Good morning, everybody. We have work to do.\n\n"
            "And I'm hopeful we'll build on the progress we've made.\n\n[PAUSE]\n\n"
            "THE FIRST LADY: Thank you all. It has been an honour.\n\n"
            "The page was updated on Monday, officials said.")
    doc = nlp(text)
    president = quote_with(doc, "Good morning")
    continued = quote_with(doc, "I'm hopeful")
    assert continued.content.text == "And I'm hopeful we'll build on the progress we've made"
    assert continued.kind == "direct" and continued.speaker_id == president.speaker_id and not continued.inferred
    assert not any(q.content.text == "[PAUSE]" for q in doc._.quotes)  # a stage direction is nobody's words
    assert quote_with(doc, "page was updated").speaker_mention.text == "officials"  # after the last label: the page


def test_title_case_labels_in_news_copy_do_not_continue_over_the_story(nlp):
    doc = nlp("Trump: “We will win.”\n\nThe rally ended late, organisers said.\n\nClinton: “We will fight.”")
    assert quote_with(doc, "rally ended late").speaker_mention.text == "organisers"


def test_speaker_label_in_a_speech_transcript(nlp):
    doc = nlp("SENATOR JONES: Thank you all for coming tonight. We will build a better state together.")
    q = doc._.quotes[0]
    assert q.speaker_mention.text == "SENATOR JONES" and q.kind == "direct"


def test_list_after_a_cue(nlp):
    doc = nlp("The report said:\n- prices rose\n- wages fell\n- rents doubled")
    q = quote_with(doc, "prices rose")
    assert q.speaker_mention.text == "The report" and "rents doubled" in q.content.text


@pytest.mark.parametrize("text", [
    "Name Age City\nJohn 34 Boston\nMary 29 Denver\nTotal: 2 people",
    '"" \'\' “” ‘’ " \' ”',
    "“",
    "said said said told according to",
    "- \n- \n| a | b |\n|---|---|\n| 1 | 2 |",
    "a" * 5000,
    "He said: ",
    "According to",
])
def test_never_crashes(nlp, text):
    doc = nlp(text)
    for q in doc._.quotes:
        assert doc.text[q.content.start:q.content.end] == q.content.text and q.content.text.strip()


def test_table_flattened_to_text_has_no_quotes(nlp):
    doc = nlp("Name Age City\nJohn 34 Boston\nMary 29 Denver\nTotal: 2 people")
    assert doc._.quotes == [] and doc._.speakers == []
