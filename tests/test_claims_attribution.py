"""Asserters (quote speaker, "according to", outlet), hedges, negation, canonical entities."""
from newstrace.claims.asserter import according_to, asserter
from newstrace.claims.entities import canonicalise
from newstrace.claims.modality import hedges, negated
from newstrace.model import Article, Quote, Span, Speaker

TEXT = 'The mayor said "the city paid $2 million to the firm". Officials denied it.'


def test_claim_inside_a_quote_belongs_to_the_resolved_speaker():
    article = Article(text=TEXT, outlet="Daily Planet")
    content_start = TEXT.index("the city")
    content = Span.of(TEXT, content_start, TEXT.index('".'))
    quote = Quote(id="Q1", span=Span.of(TEXT, 0, TEXT.index('".') + 1), content=content, speaker_id="S1")
    speaker = Speaker(id="S1", name="Jane Doe", role="mayor")
    got = asserter(content, article, [quote], [speaker])
    assert got["kind"] == "speaker" and got["speaker_id"] == "S1" and got["name"] == "Jane Doe"
    assert got["quote_id"] == "Q1"


def test_reported_speech_claim_belongs_to_the_speaker_but_a_passing_mention_does_not():
    text = "Council member Tom Reyes told the Herald that the closure would hurt local shops."
    cue, content = Span.of(text, text.index("told"), text.index("told") + 4), Span.of(text, text.index("that the"), len(text) - 1)
    quote = Quote(id="Q2", span=Span.of(text, 0, len(text) - 1), content=content, cue=cue, speaker_id="S2")
    got = asserter(Span.of(text, 0, len(text)), Article(text=text, outlet="Daily Planet"), [quote],
                   [Speaker(id="S2", name="Tom Reyes")])
    assert got["kind"] == "speaker" and got["name"] == "Tom Reyes" and got["via"] == "quote"
    # a short report inside a longer claim of the outlet's own ("… after officials said so") stays the outlet's
    long = "The bridge was closed for six weeks in May and June of last year after officials said so."
    cue = Span.of(long, long.index("said"), long.index("said") + 4)
    short = Quote(id="Q3", span=Span.of(long, long.index("officials"), len(long) - 1), cue=cue, speaker_id="S3",
                  content=Span.of(long, long.index("so."), len(long) - 1))
    assert asserter(Span.of(long, 0, len(long)), Article(text=long, outlet="Daily Planet"), [short], [])["kind"] == "outlet"


def test_a_weak_reported_stance_does_not_take_a_claim_from_the_outlet():
    text = "The senator is tired of the $2 million the city paid to the firm."
    content = Span.of(text, text.index("the $2"), len(text) - 1)
    cue = Span.of(text, text.index("is tired of"), text.index("is tired of") + 11)
    weak = Quote(id="Q4", span=Span.of(text, 0, len(text) - 1), content=content, cue=cue, kind="indirect",
                 speaker_id="S4", confidence=0.4)
    article = Article(text=text, outlet="Daily Planet")
    assert asserter(Span.of(text, 0, len(text)), article, [weak], [Speaker(id="S4", name="Ann Moss")])["kind"] == "outlet"
    weak.confidence = 0.8
    assert asserter(Span.of(text, 0, len(text)), article, [weak], [Speaker(id="S4", name="Ann Moss")])["kind"] == "speaker"


def test_claim_outside_quotes_belongs_to_the_outlet():
    article = Article(text=TEXT, outlet="Daily Planet", authors=["Lois Lane"])
    claim = Span.of(TEXT, TEXT.index("Officials"), len(TEXT))
    got = asserter(claim, article, [], [])
    assert got == {"kind": "outlet", "speaker_id": None, "name": "Daily Planet", "journalists": ["Lois Lane"],
                   "via": "article"}


def test_according_to_makes_x_the_asserter(nlp):
    text = "According to the Interior Ministry, 40 people were arrested."
    doc = nlp(text)
    who = according_to(doc[:])
    assert who.text == "the Interior Ministry"
    got = asserter(Span.of(text, 0, len(text)), Article(text=text, outlet="X"), [], [],
                   Span.of(text, who.start_char, who.end_char))
    assert got["kind"] == "speaker" and got["name"] == "the Interior Ministry" and got["via"] == "according_to"


def test_according_to_links_a_known_speaker(nlp):
    text = "Forty people were arrested, according to Jane Doe."
    who = according_to(nlp(text)[:])
    got = asserter(Span.of(text, 0, len(text)), Article(text=text), [], [Speaker(id="S7", name="Jane Doe")],
                   Span.of(text, who.start_char, who.end_char))
    assert got["speaker_id"] == "S7"


def test_hedges(nlp):
    assert "allegedly" in hedges(nlp("The minister allegedly took bribes.")[:])
    assert "may" in hedges(nlp("The virus may have spread to 20 countries.")[:])
    assert "claimed" in hedges(nlp("The group claimed 40 soldiers were killed.")[:])
    assert hedges(nlp("The bridge opened in 1990.")[:]) == []


def test_negation(nlp):
    assert negated(nlp("The ministry did not pay the contractor.")[:])
    assert negated(nlp("No one was killed in the blast.")[:])
    assert negated(nlp("The company denied paying the bribe.")[:])
    assert not negated(nlp("The ministry paid the contractor.")[:])


def test_entities_canonicalised_within_the_article(nlp):
    text = ("The United States sent aid. Washington said the US would not stop. America agreed. "
            "He lives in Washington. President Donald Trump spoke. Trump said so.")
    entities, ids = canonicalise(nlp(text).ents, lambda e: Span.of(text, e.start_char, e.end_char))
    us = [e for e in entities if e.name == "United States"]
    assert len(us) == 1 and {"US", "America", "Washington"} <= us[0].aliases
    city = [e for e in entities if e.name == "Washington"]
    assert city and city[0].mentions[0].start == text.index("in Washington") + 3  # the place stays a place
    trump = [e for e in entities if e.name == "Donald Trump"]
    assert len(trump) == 1 and "Trump" in trump[0].aliases


def test_an_unknown_outlet_is_the_byline_or_the_article_never_the_word_outlet():
    claim = Span.of(TEXT, TEXT.index("Officials"), len(TEXT))
    assert asserter(claim, Article(text=TEXT, authors=["Lois Lane"]), [], [])["name"] == "Lois Lane"
    assert asserter(claim, Article(text=TEXT), [], [])["name"] == "(the article)"


def test_negation_is_read_in_the_clause_that_holds_the_claim(nlp):
    assert not negated(nlp("The mayor dismissed the criticism and said the new line would open by 2020.")[:])
    assert not negated(nlp("The storm did not only flood the harbour but also damaged the bridge.")[:])
    assert not negated(nlp("The minister, who did not attend the meeting, said the budget would rise.")[:])
    assert negated(nlp("The ministry denied reports that troops had crossed the border.")[:])
    assert negated(nlp("The mayor refused to sign the contract.")[:])
    assert negated(nlp("The referendum result is not legally binding.")[:])
    # a denial of a plain noun is a verb like any other ("rejected the offer" is the opposite of "accepted")
    assert not negated(nlp("The striking workers rejected the pay offer.")[:])
