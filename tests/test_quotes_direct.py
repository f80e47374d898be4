"""Direct quotes: quote-mark styles, split and multi-paragraph quotes, floating and mixed quotes."""
import pytest

from quotes_helpers import quote_with, speaker_of


@pytest.fixture(scope="session")
def nlp(candidates_nlp):
    """These tests pin down what the rules propose; the accept/reject step is tested in test_quotes_accept.py."""
    return candidates_nlp


def test_straight_double_quote_with_trailing_cue(nlp):
    doc = nlp('"The bridge is safe," the engineer said on Monday.')
    q = quote_with(doc, "bridge is safe")
    assert q.kind == "direct" and q.content.text == '"The bridge is safe,"'
    assert q.cue.text == "said" and q.cue_lemma == "say"
    assert q.speaker_mention.text == "the engineer"


def test_curly_quote_split_by_attribution_gives_both_parts_one_speaker(nlp):
    doc = nlp("“We will fight,” said Maria Lopez. “And we will win.”")
    first, second = quote_with(doc, "will fight"), quote_with(doc, "will win")
    assert first.speaker_id == second.speaker_id is not None
    assert speaker_of(doc, first).name == "Maria Lopez"
    assert second.cue is not None and second.cue.text == "said"


def test_british_single_quotes(nlp):
    doc = nlp("‘The deal is finished,’ the prime minister told MPs.")
    q = quote_with(doc, "deal is finished")
    assert q.kind == "direct" and q.content.text.startswith("‘")
    assert q.cue_lemma == "tell" and q.addressee.text == "MPs"


def test_colon_introduced_quote(nlp):
    doc = nlp("Anna Berg said: “There is no money left for the school.”")
    q = quote_with(doc, "no money left")
    assert q.kind == "direct" and speaker_of(doc, q).name == "Anna Berg"


def test_multi_paragraph_quote_continues_with_same_speaker(nlp):
    text = ("“The first thing we did was count the damage,” said Tom Okafor, the mayor. “It took weeks.\n\n"
            "“Then we started to rebuild the houses one by one.”")
    doc = nlp(text)
    later = quote_with(doc, "started to rebuild")
    assert speaker_of(doc, later).name == "Tom Okafor"
    assert not later.inferred  # a paragraph that reopens the quote continues it


def test_floating_quote_in_next_paragraph_is_inferred(nlp):
    text = ("“We need more nurses,” said Dr Helen Park, who runs the clinic.\n\n"
            "“Every night we turn people away. It cannot go on like this.”")
    doc = nlp(text)
    q = quote_with(doc, "turn people away")
    assert q.inferred and speaker_of(doc, q).name == "Helen Park"
    assert q.confidence < quote_with(doc, "more nurses").confidence


def test_quote_with_no_speaker_nearby_is_kept_without_a_guess(nlp):
    text = "The town is quiet.\n\nNothing happened for years.\n\n“Nobody ever comes here any more. The shops are shut.”"
    q = quote_with(nlp(text), "Nobody ever comes")
    assert q.speaker_id is None and q.cue is None and not q.inferred
    assert q.confidence < 0.5


def test_mixed_quote(nlp):
    doc = nlp("He said the group would 'fight to the end' whatever happened.")
    q = quote_with(doc, "fight to the end")
    assert q.kind == "mixed"
    assert q.content.text.startswith("the group would")


def test_scare_quotes_are_not_quotes(nlp, rules_only):
    text = "The so-called “experts” met in Geneva on Friday to discuss the budget."
    assert not any("experts" in q.content.text for q in nlp(text)._.quotes)
    assert rules_only(text)._.quotes == []


def test_quote_inside_quote_is_one_quote(nlp):
    doc = nlp("“My father told me ‘never give up’ and I never did,” said Sara Lind.")
    assert len(doc._.quotes) == 1
    assert "never give up" in doc._.quotes[0].content.text


def test_cue_inside_a_quote_is_not_an_attribution(nlp):
    doc = nlp("“I said no to them three times,” Mark Evans explained.")
    assert len(doc._.quotes) == 1
    q = doc._.quotes[0]
    assert q.cue.text == "explained" and speaker_of(doc, q).name == "Mark Evans"


def test_dash_attribution(nlp):
    doc = nlp("“Only the paranoid survive.” — Andy Grove\n\nThe book sold well.")
    q = quote_with(doc, "paranoid survive")
    assert q.cue_lemma == "—" and q.speaker_mention.text == "Andy Grove"


def test_paragraph_ending_in_a_colon_introduces_the_next_paragraphs_quote(nlp):
    # "echoed" is not in the cue lexicon: the clause before the colon still introduces the quote
    doc = nlp("The crowd cheered.\n\n17-year-old Owen Marsh echoed:\n\n“He speaks his mind, and the country needs that.”")
    q = quote_with(doc, "speaks his mind")
    assert not q.inferred and q.cue.text == "echoed"
    assert q.speaker_mention.text == "17-year-old Owen Marsh"
    assert speaker_of(doc, q).name == "Owen Marsh"


def test_colon_after_a_verb_without_a_subject_is_not_an_attribution(nlp):
    doc = nlp("Here is the list:\n\n“Apples, pears and plums.”")
    assert all(q.cue is None or q.cue.text != "is" for q in doc._.quotes)


def test_first_person_cue_inside_an_unclosed_quote_does_not_end_it(nlp):
    text = ('Transcript as follows:\n\n"Tonight we arrived in Cleveland. We thought we could sneak in and grab a meal, '
            'and people started to cheer.\n\n"My reaction was simple: please do not do that.')
    doc = nlp(text)
    q = quote_with(doc, "Tonight we arrived")
    assert "people started to cheer" in q.content.text and q.confidence <= 0.6


@pytest.mark.parametrize("text,cue,mention", [
    ("Mark Hale spoke first. Hale said,“Look, these images have no place in a campaign.”", "said", "Hale"),
    ("“Who do they think they are?” Lopez said of the bank in February, when it refused to pay.", "said", "Lopez"),
    ("“Go back to your seat,” Lopez barked and a guard led the man out.", "barked", "Lopez"),
])
def test_quotes_link_to_glued_long_and_manner_cues(nlp, text, cue, mention):
    q = next(q for q in nlp(text)._.quotes if q.kind == "direct")
    assert q.cue.text == cue and q.speaker_mention.text == mention


def test_a_manner_verb_with_a_bare_object_is_not_a_cue(nlp):
    assert not nlp("She snapped a photo of the crowd.")._.quotes


def test_a_show_title_in_quotes_is_not_a_statement_nor_does_it_take_the_cue(nlp):
    assert not nlp("The mayor was joined by Ben Cole, star of the reality show “Bake Masters.”")._.quotes
    doc = nlp("On the station’s “Morning Hour” Tuesday, he said, “I never promised to pay the fees.”")
    assert [q.content.text for q in doc._.quotes] == ["“I never promised to pay the fees.”"]


def test_the_quotation_before_the_cue_beats_a_clause_the_parser_hung_after_it(nlp):
    doc = nlp("“We will see when those heaters come,” Lopez said in May of the maker, whose owner moved 900 jobs abroad.")
    q = next(q for q in doc._.quotes if q.cue_lemma == "say")
    assert q.content.text == "“We will see when those heaters come,”" and q.speaker_mention.text == "Lopez"


def test_name_the_parser_hung_on_the_quotation_is_its_source(nlp):
    doc = nlp("“Yes, I back the levy,” Omar Haddad, founder of the Harbor Trust, tells the Courier in an interview.")
    q = quote_with(doc, "I back the levy")
    assert q.content.text == "“Yes, I back the levy,”" and q.cue.text == "tells"
    assert q.speaker_mention.text == "Omar Haddad, founder of the Harbor Trust" and speaker_of(doc, q).name == "Omar Haddad"


def test_a_long_source_before_the_cue_after_an_exclamation(nlp):
    doc = nlp("“Not us, but we cannot argue with it!” Greer, the head of Keep Rivers Clean, posted on Friday with a photo.")
    q = quote_with(doc, "cannot argue with it")
    assert q.cue.text == "posted" and q.speaker_mention.text.startswith("Greer")


def test_signs_and_banners_read_words_but_people_read_reports(nlp):
    doc = nlp("“No toll on our bridge,” read one. One banner read “Fix the roads first.”")
    one, banner = quote_with(doc, "No toll"), quote_with(doc, "Fix the roads")
    assert one.cue_lemma == "read" and one.speaker_mention.text == "one"
    assert banner.cue_lemma == "read" and banner.speaker_mention.text == "One banner"
    assert not [q for q in nlp("Ana Ruiz read the report on the train.")._.quotes if q.cue_lemma == "read" and q.confidence > 0.5]


def test_a_question_then_the_describing_noun_and_asked(nlp):
    doc = nlp("“What if the mayor took singing lessons?” the 43-year-old asked in the video’s description.")
    q = quote_with(doc, "singing lessons")
    assert q.cue.text == "asked" and q.speaker_mention.text == "the 43-year-old"


def test_a_speaker_described_with_a_participle_and_a_quoted_name(nlp):
    doc = nlp("“We have had better meetings than this one,” Ohio delegate Ray Tolliver, wearing a hat and “Vote Moss” pins, "
              "said as the hall emptied.")
    q = quote_with(doc, "better meetings")
    assert q.content.text.endswith("this one,”") and speaker_of(doc, q).name == "Ray Tolliver"


def test_a_quote_ending_a_paragraph_is_not_the_next_paragraphs_speakers(nlp):
    doc = nlp("Kyiv resident Svitlana Onofryichuk, 55, said it was a terrible night.\n\n"
              "“I am sorry that I have to say goodbye to Kyiv now,” she added. “My job is gone, everything has burned "
              "down.”\n\nYevhen Zosin, 74, a Kyiv resident who witnessed the attack, said the moment he heard the "
              "explosion he rushed to grab his dog.")
    quote = next((q for q in doc._.quotes if "burned down" in q.content.text), None)
    assert quote is None or speaker_of(doc, quote).name == "Svitlana Onofryichuk"
    assert speaker_of(doc, quote_with(doc, "rushed to grab his dog")).name == "Yevhen Zosin"
