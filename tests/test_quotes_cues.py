"""Cue spans and the wider cue classes: auxiliaries and particles, intentions, directives, nominal cues."""
import pytest

from quotes_helpers import at_most_weak, quote_with, speaker_of


@pytest.fixture(scope="session")
def nlp(candidates_nlp):
    """These tests pin down what the rules propose; the accept/reject step is tested in test_quotes_accept.py."""
    return candidates_nlp


@pytest.mark.parametrize("text, cue", [
    ("The senator has also said that the bill is dead.", "has also said"),
    ("She did not deny that the plant would close.", "did not deny"),
    ("The council has called for a review of the contract.", "has called for"),
])
def test_cue_span_takes_auxiliaries_adverbs_and_particle(nlp, text, cue):
    q = nlp(text)._.quotes[0]
    assert q.cue.text == cue


def test_cue_span_leaves_out_framing_that_and_reports_the_venue(nlp, rules_only):
    q = quote_with(nlp("The minister said in a statement that the bridge would reopen in May."), "bridge")
    # the role tagger keeps the annotators' verb group ("said in a statement"); the rules stop at the cue word
    assert q.cue.text in ("said", "said in a statement") and q.venue.text == "in a statement"
    assert q.content.text == "that the bridge would reopen in May"  # the complementiser starts the content
    assert quote_with(rules_only("The minister said in a statement that the bridge would reopen."), "bridge").cue.text == "said"


@pytest.mark.parametrize("text, lemma, content", [
    ("The mayor vowed to rebuild the stadium before winter.", "vow", "to rebuild the stadium before winter"),
    ("The company refused to comment on the lawsuit.", "refuse", "to comment on the lawsuit"),
    ("The farmers hope to sell the harvest abroad.", "hope", "to sell the harvest abroad"),
])
def test_intention_verbs_take_their_infinitive(nlp, text, lemma, content):
    q = nlp(text)._.quotes[0]
    assert q.cue_lemma == lemma and q.content.text == content and q.kind == "indirect"


def test_plans_rank_below_words_and_passive_expectation_is_no_attribution(nlp, rules_only):
    assert nlp("The company plans to open a factory in Ohio.")._.quotes[0].confidence < 0.8
    assert nlp("The mayor vowed to rebuild the stadium.")._.quotes[0].confidence == 0.8
    assert rules_only("Prices are expected to rise next year.")._.quotes == []
    assert at_most_weak(nlp("Prices are expected to rise next year.")._.quotes)  # PolNeAR marks "are expected"


def test_intention_verb_without_infinitive_is_no_cue(nlp, rules_only):
    assert rules_only("The farmers want more rain and cheaper fuel.")._.quotes == []
    assert at_most_weak(nlp("The farmers want more rain and cheaper fuel.")._.quotes)  # a PolNeAR-style stance


@pytest.mark.parametrize("text, content", [
    ("Protesters urged the government to release the prisoners.", "the government to release the prisoners"),
    ("The union has called for the minister to resign.", "the minister to resign"),
    ("The general ordered the troops to withdraw.", "the troops to withdraw"),
])
def test_directive_content_includes_the_person_directed(nlp, text, content):
    q = nlp(text)._.quotes[0]
    assert q.content.text == content


def test_possessive_nominal_cue(nlp):
    doc = nlp("The governor's claim that the deficit has vanished was disputed by auditors.")
    q = quote_with(doc, "deficit has vanished")
    assert q.cue.text == "claim" and q.speaker_mention.text == "The governor"
    assert q.content.text == "that the deficit has vanished"  # with its complementiser, like a reported clause


def test_nominal_cue_without_owner_is_not_an_attribution(nlp):
    doc = nlp("The claim that the deficit has vanished was disputed by auditors.")
    assert not any("deficit has vanished" == q.content.text and q.cue_lemma == "claim" for q in doc._.quotes)


@pytest.mark.parametrize("text, words", [
    ("The senator called for an inquiry after news that the agency had lost the files.", "an inquiry"),
    ("The union criticized the plan despite reports that wages would rise.", "the plan"),
])
def test_noun_clause_is_not_a_misattached_complement(nlp, text, words):
    q = nlp(text)._.quotes[0]
    assert q.content.text.startswith(words)


def test_issued_a_statement_is_the_cue_of_the_following_quote(nlp):
    doc = nlp("The ministry issued a statement on Friday: “We regret the delay and will pay all claims.”")
    q = quote_with(doc, "regret the delay")
    assert q.kind == "direct" and q.cue.text.startswith("issued a statement") and q.speaker_mention.text == "The ministry"


def test_quote_ending_a_reported_clause_is_mixed(nlp):
    doc = nlp("The senator said on Tuesday the governor was “a total lightweight” while his rival is “a liar.”")
    q = quote_with(doc, "total lightweight")
    assert q.kind == "mixed" and q.content.text.startswith("the governor was")
    assert q.content.text.endswith("“a liar.”") and speaker_of(doc, q).name


def test_quote_after_colon_stays_direct(nlp):
    q = quote_with(nlp("She told reporters: “We will win.”"), "We will win")
    assert q.kind == "direct" and q.content.text == "“We will win.”"


def test_a_stance_noun_with_an_owner_reports_its_object_but_not_without_one(nlp):
    q = quote_with(nlp("Mayor Diaz's support for the new bridge has not wavered."), "the new bridge")
    assert q.cue.text == "support for" and q.speaker_mention.text == "Mayor Diaz" and q.confidence == 0.5
    assert not nlp("The support for the new bridge has not wavered.")._.quotes


def test_a_verb_tagged_as_a_plural_noun_is_a_cue_when_it_has_a_clause(nlp):
    doc = nlp("Trump predicts that many of their supporters will switch to his side.")
    assert doc[1].pos_ == "NOUN"  # the tagger's error this test is about
    q = next(q for q in doc._.quotes if q.cue_lemma == "predict")
    assert q.speaker_mention.text == "Trump" and "many of their supporters will switch" in q.content.text
