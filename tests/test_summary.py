"""The summary every human view starts with: inconsistent numbers, top claims, sourcing, the chain."""
from __future__ import annotations

import re

import pytest

from newstrace.model import Analysis, Article, Claim, Quote, Source, Span, Speaker
from newstrace.report import render
from newstrace.report.summary import is_named, summarize
from report_fixtures import sample_analysis

FIVE_SOURCES = """Port expansion faces questions

The city council approved the harbour expansion on Monday after a long debate.

"This project will bring 2,000 jobs to the region," said Mayor Helen Park.

Officials said the cost had risen to 40 million dollars since the spring.

"We were never consulted about the dredging," said Marcus Bell, a fisherman who has worked the harbour for thirty years.

A source familiar with the negotiations said the contract was signed before the environmental review was finished.

Critics said the council had ignored two earlier studies of the harbour.
"""


@pytest.fixture(scope="module")
def five_sources() -> Analysis:
    import newstrace

    return newstrace.analyze(FIVE_SOURCES)


def test_two_named_and_three_unnamed_sources_are_counted_as_such(five_sources):
    sourcing = summarize(five_sources).sourcing
    assert (sourcing.distinct, sourcing.named, sourcing.unnamed) == (5, 2, 3)
    assert sourcing.rests_on is None  # five people: nothing rests on one of them
    assert "5 sources quoted: 2 named, 3 unnamed" in sourcing.words


def test_the_top_source_share_is_the_share_of_the_quoted_words(five_sources):
    sourcing = summarize(five_sources).sourcing
    words = {}
    for q in five_sources.quotes:
        words[q.speaker_id] = words.get(q.speaker_id, 0) + len(q.content.text.split())
    top = max(words, key=words.get)
    assert sourcing.top_source == next(s.name for s in five_sources.speakers if s.id == top)
    assert sourcing.top_share == pytest.approx(words[top] / sum(words.values()))


@pytest.mark.parametrize("name, kind, named", [
    ("Helen Park", "organisation", True), ("Marcus Bell", "person", True), ("Reuters", "organisation", True),
    ("Officials", "unresolved", False), ("Critics", "person", False),
    ("A source familiar with the talks", "person", False),
    ("the spokesman", "person", False), ("senior officials", "person", False), ("Abdul Sammad", "unresolved", False),
])
def test_named_means_a_resolved_person_or_organisation_with_a_name(name, kind, named):
    assert is_named(Speaker("s1", name, kind)) is named


def _one_interviewee_relayed() -> Analysis:
    """The seed-like case: an interview given to one outlet, republished by two others; every quote is his."""
    text = ('Minister Karl Weber said the army would leave the region by March. "We have done our work," Weber said. '
            'He told Reuters that 4,000 soldiers remain.')
    at = text.index
    quotes = [Quote("q1", Span.of(text, 0, at(" by March") + 9), Span.of(text, at("the army"), at(" by March") + 9),
                    "indirect", speaker_id="s1"),
              Quote("q2", Span.of(text, at('"We'), at("Weber said.") + 10), Span.of(text, at("We have"), at('," W')),
                    "direct", speaker_id="s1"),
              Quote("q3", Span.of(text, at("He told"), len(text) - 1), Span.of(text, at("4,000"), len(text) - 1),
                    "indirect", speaker_id="s1")]
    claims = [Claim("c1", Span.of(text, at("4,000"), len(text) - 1), 0.9, {"kind": "speaker", "speaker_id": "s1"}),
              Claim("c2", Span.of(text, at("the army"), at(" by March") + 9), 0.8,
                    {"kind": "speaker", "speaker_id": "s1"})]
    chain = [Source("Reuters", "outlet", "interview", "2017-03-17"),
             Source("Asia Times", "outlet", "origin", "2017-03-18"),
             Source("Global Research", "outlet", "republisher", "2017-03-20")]
    article = Article(text=text, outlet="Global Research", paragraphs=[Span.of(text, 0, len(text))])
    return Analysis(article, chain, quotes, [Speaker("s1", "Karl Weber", "person", role="minister")], claims, [])


def test_one_interviewee_relayed_through_two_republications_rests_on_one_source():
    summary = summarize(_one_interviewee_relayed())
    assert summary.sourcing.distinct == 1 and summary.sourcing.named == 1
    assert summary.sourcing.top_share == 1.0
    assert summary.sourcing.rests_on == ("one source: Karl Weber (interview with Reuters) gives every quote, "
                                         "relayed by Asia Times → Global Research")
    assert summary.chain.startswith("Reuters (interview, 2017-03-17) → Asia Times (origin, 2017-03-18)")
    assert summary.original_date == "2017-03-18"  # the earliest text, not the interview it reports on


SEED_LIKE = ("China's New Silk Road\n\nBy Pepe Escobar\nGlobal Research, March 20, 2017\nAsia Times 18 March 2017\n\n"
             "China's foreign minister Wang Yi said the Belt and Road plan would reach 60 countries by 2020. "
             "\"Nobody can stop this train,\" Wang said. He told Reuters on Friday that the plan was on track "
             "and that 900 billion dollars had been committed.\n\n"
             "The railway from Yiwu to Madrid already runs twice a week.\n\n"
             "The original source of this article is Asia Times")


def test_the_seed_like_article_through_the_pipeline_rests_on_one_source():
    import newstrace

    summary = summarize(newstrace.analyze(SEED_LIKE))
    assert summary.sourcing.distinct == 1 and summary.sourcing.top_source == "Wang Yi"
    assert summary.sourcing.rests_on == ("one source: Wang Yi (interview with Reuters) gives every quote, "
                                         "relayed by Asia Times → Global Research")
    assert summary.chain == ("Reuters (interview, 2017-03-17) → Asia Times (origin, 2017-03-18) → "
                             "Global Research (republisher, 2017-03-20)")


def test_a_lone_word_of_one_other_speakers_name_is_that_speaker():
    analysis = _one_interviewee_relayed()
    analysis.speakers.append(Speaker("s2", "Weber", "organisation"))
    analysis.quotes[1].speaker_id = "s2"
    assert summarize(analysis).sourcing.distinct == 1
    analysis.speakers.append(Speaker("s3", "Anna Weber", "person"))  # now "Weber" could be either
    assert summarize(analysis).sourcing.distinct == 2


def test_a_second_quoted_source_means_it_no_longer_rests_on_one_person():
    analysis = _one_interviewee_relayed()
    analysis.speakers.append(Speaker("s2", "Anna Berg", "person"))
    analysis.quotes[1].speaker_id = "s2"
    assert summarize(analysis).sourcing.rests_on == "one upstream outlet: Asia Times, republished by Global Research"
    analysis.provenance = []
    assert summarize(analysis).sourcing.rests_on is None


def test_the_inconsistent_check_comes_with_its_sentence_and_computation():
    summary = summarize(sample_analysis())
    [bad] = summary.inconsistent
    assert bad.kind == "multiple" and bad.computation == "12 / 5 = 2.4, but the text says 'double' (2)"
    assert bad.sentence == "the budget of $5 million would double to $12 million"


def test_top_claims_rank_by_score_and_say_how_many_more():
    analysis = sample_analysis()
    summary = summarize(analysis, top=2)
    assert [c.claim_id for c in summary.claims] == ["c1", "c2"] and summary.more_claims == 1
    assert summary.claims[0].asserter == "Ann Lee" and summary.claims[0].asserter_named is True
    assert summary.claims[0].origins is None and not summary.origins_counted  # said once, not per claim
    lines = dict(summary.lines())
    assert lines["Top claims"].startswith("independent origins not counted here") and lines[""] == "and 1 more"


def test_a_claim_kept_only_for_its_figures_is_no_top_claim():
    analysis = sample_analysis()
    analysis.claims[0].checkworthy = False
    summary = summarize(analysis)
    assert [c.claim_id for c in summary.claims] == ["c2", "c3"] and summary.more_claims == 0
    assert [i.claim_id for i in summary.inconsistent] == ["c1"]  # its check still counts


def test_origins_from_a_store_are_stated_plainly():
    origins = {"c1": {"supporting_origins": 3, "contradicting_origins": 1}, "c2": {"supporting_origins": 1}}
    summary = summarize(sample_analysis(), origins=origins)
    words = {c.claim_id: c.origins for c in summary.claims}
    assert words["c1"] == "3 independent origins support, 1 contradicts"
    assert words["c2"].startswith("single origin")
    assert words["c3"].startswith("single origin")  # compared, and nothing else says so


def test_the_terminal_table_and_markdown_start_with_the_summary():
    analysis = sample_analysis()
    table = render(analysis, "table", width=140)
    assert table.lstrip().startswith("╭─ At a glance")
    assert table.index("Numbers that do not add up") < table.index("newstrace") < table.index("Checks (inconsistent")
    assert "1 contradict" not in table and "2 sources quoted: 2 named, 0 unnamed" in table
    md = render(analysis, "md")
    headings = [h.split(" (")[0] for h in re.findall(r"^## (.+)$", md, flags=re.M)]
    assert headings[0] == "At a glance" and headings.index("Checks") < headings.index("Claims")
    glance = md.split("## The article")[0]
    assert "12 / 5 = 2.4" in glance and "the budget of $5 million would double to $12 million" in glance
