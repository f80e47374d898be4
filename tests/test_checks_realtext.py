"""Checks on the wording of real articles (issue 18): the year a conversion is checked at and why, the rate
the figures imply, hedged multiples against percentages, totals in every phrasing, spans into the text.

All texts are invented.
"""
from __future__ import annotations

import pytest

import newstrace
from newstrace.checks import fx
from newstrace.checks.arithmetic import check_multiple, check_parts_total, check_percentage
from newstrace.checks.stage import earliest_date, run_checks
from newstrace.model import Article, Claim, Source, Span

SYP_2014 = fx.rate("SYP", 2014).per_usd


def checks_of(text: str, published: str | None, chain: list[Source] = ()) -> list:
    article = Article(text=text, published=published)
    return run_checks(article, [Claim(id="C1", span=Span.of(text, 0, len(text)), score=0.9)], chain)


def syp_claim(lead: str = "") -> str:
    return f"{lead}The council spent {SYP_2014:,.0f} million Syrian pounds ($1,000,000) on the new port."


# --- the year of a conversion, and why ----------------------------------------------------------

def test_an_old_figure_in_a_new_article_says_the_rate_it_implies_and_the_year_it_matches():
    [check] = checks_of(syp_claim(), "2019-05-01")
    assert check.verdict == "inconsistent"
    assert check.inputs["reference_year"] == 2019 and "publication year" in check.inputs["year_from"]
    assert check.inputs["implied_unit"] == "SYP/USD"
    assert check.inputs["implied_rate"] == pytest.approx(SYP_2014, rel=0.01)
    assert "close to the 2014 average: the figure may date from then" in check.computation


def test_a_republished_article_is_checked_at_the_year_of_its_chains_earliest_date():
    chain = [Source(name="Harbour Gazette", role="origin", date="2014-06-02", signal="original_source"),
             Source(name="example.com", role="republisher", date="2019-05-01", signal="page")]
    [check] = checks_of(syp_claim(), "2019-05-01", chain)
    assert check.verdict == "consistent"
    assert check.inputs["rate_year"] == 2014
    assert "earliest date in the provenance chain (2014-06-02)" in check.inputs["year_from"]


def test_a_year_the_claim_states_outranks_the_chain():
    chain = [Source(name="Harbour Gazette", role="origin", date="2019-01-02", signal="original_source")]
    [check] = checks_of(syp_claim("In 2014, "), "2019-05-01", chain)
    assert check.verdict == "consistent" and check.inputs["reference_year"] == 2014
    assert "the year the claim states (2014)" in check.inputs["year_from"]


def test_a_future_year_in_the_claim_is_not_its_date():
    [check] = checks_of(syp_claim("By 2030, "), "2019-05-01")
    assert check.inputs["reference_year"] == 2019


def test_no_year_anywhere_is_unverifiable_with_the_reason():
    [check] = checks_of(syp_claim(), None)
    assert check.verdict == "unverifiable" and "no year" in check.computation


def test_a_page_dated_only_by_its_chain_still_dates_the_weekday_check():
    chain = [Source(name="example.com", role="origin", date="2021-06-03", signal="page")]
    [check] = checks_of("The talks resumed on Thursday, June 3, after a pause.", None, chain)
    assert check.kind == "weekday" and check.verdict == "consistent"


def test_earliest_date_of_a_chain():
    chain = [Source(name="A", role="interview", date="2017-03-17"), Source(name="B", role="origin", date="2017-03-18"),
             Source(name="C", role="republisher")]
    assert earliest_date(chain) == "2017-03-17"
    assert earliest_date([]) is None


# --- spans in checks index the article's text ---------------------------------------------------

def test_check_input_spans_count_from_the_start_of_the_article():
    text = "An unrelated first sentence comes first. Kuwait paid 1.5 million KWD (around $500,000)."
    claim_start = text.index("Kuwait")
    article = Article(text=text, published="2016-05-01")
    [check] = run_checks(article, [Claim(id="C1", span=Span.of(text, claim_start, len(text)), score=0.9)])
    doc = check.to_dict()
    for key in ("amount", "stated"):
        span = doc["inputs"][key]["span"]
        assert span["start"] >= claim_start
        assert text[span["start"]:span["end"]] == span["text"] == doc["inputs"][key]["text"]


def _spans(value):
    if isinstance(value, dict):
        if {"start", "end", "text"} <= set(value) and isinstance(value["start"], int):
            yield value
        for v in value.values():
            yield from _spans(v)
    elif isinstance(value, list):
        for v in value:
            yield from _spans(v)


def test_every_span_of_a_document_with_checks_indexes_its_text(nlp):
    text = ("Port deal signed\n\nThe government said on Monday that it paid 1.5 million KWD (around $500,000) for "
            "the port, which it bought in 2015.\n\nThe blast killed 30 people, including 22 soldiers and 18 police "
            "officers, officials said on Tuesday.\n\nUnemployment nearly doubled, from 3.9% to 5.8%, the statistics "
            "office said in its report on the economy.")
    document = newstrace.analyze(text, url="https://www.example-news.com/port").to_dict()
    assert document["checks"], "the invented text must give checks for this test to mean anything"
    body = document["article"]["text"]
    spans = list(_spans(document))
    assert any(s for s in _spans(document["checks"]))
    for span in spans:
        assert body[span["start"]:span["end"]] == span["text"]


# --- multiples ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, verdict", [
    ("Unemployment nearly doubled, from 3.9% to 5.8%, in two years.", "inconsistent"),
    ("Unemployment nearly doubled, from 3.9% to 7.5%, in two years.", "consistent"),
    ("Turnout almost tripled, from 10 percent to 28 percent.", "consistent"),
    ("The rate more than doubled, from 2% to 4.4%.", "consistent"),
    ("The rate more than doubled, from 2% to 3.1%.", "inconsistent"),
    ("Turnout doubled from 2 to 4 percent.", "consistent"),
    ("Rents halved from 900 to 610 euros.", "unverifiable"),
    ("Prices doubled to 80 from 40.", "consistent"),
    ("Prices doubled to 80 from 20.", "inconsistent"),
    ("Turnout fell by half, from 60% to 30%.", "consistent"),
    ("Turnout fell by half, from 60% to 10%.", "inconsistent"),
])
def test_hedged_multiples_against_two_figures(sentence, verdict):
    assert check_multiple(sentence)["verdict"] == verdict


def test_a_percentage_against_a_count_is_no_multiple():
    assert check_multiple("Sales doubled from 40% to 80 units.") is None


# --- totals in every phrasing -------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "30 people were killed, including 22 soldiers and 18 police officers.",
    "The blast killed 30 people, including 22 soldiers and 18 police officers.",
    "Of the 30 people killed, 22 were soldiers and 18 were police officers.",
    "30 people died in the attack, among them 22 soldiers and 18 police officers.",
    "The attack killed 30 people, 22 of them soldiers and 18 of them police officers.",
    "Thirty people were killed, including 22 soldiers and 18 police officers.",
    "The 30 victims included 22 soldiers and 18 police officers.",
    "Among the 30 people killed were 22 soldiers and 18 police officers.",
])
def test_parts_that_exceed_their_total_in_any_phrasing(sentence):
    check = check_parts_total(sentence)
    assert check["verdict"] == "inconsistent" and (check["expected"], check["stated"]) == (40, 30)


@pytest.mark.parametrize("sentence, verdict", [
    ("Of the 40 members, 12 (35%) voted against.", "inconsistent"),
    ("Twelve of the 40 members, or 35%, voted against.", "inconsistent"),
    ("Of the 40 members, 12 (30%) voted against.", "consistent"),
])
def test_a_percentage_of_a_stated_total_in_any_phrasing(sentence, verdict):
    assert check_percentage(sentence)["verdict"] == verdict


@pytest.mark.parametrize("sentence", [
    "Of the 40 members, 12 voted against; turnout was 35%.",
    "Of the 2019 budget, 12% went to defence.",
])
def test_no_percentage_check_without_its_counts(sentence):
    assert check_percentage(sentence) is None


@pytest.mark.parametrize("sentence", [
    "He met twenty people, including the mayor and two ministers.",  # one counted part is no sum
    "The 2019 season included 12 wins and 10 losses.",  # a year is no total
    "The agency reported 1,051,635 cases, including 79,332 cases in the twenty four hours before noon.",
])
def test_no_total_where_the_sentence_gives_none(sentence):
    assert check_parts_total(sentence) is None


def test_a_day_of_the_month_is_no_total():
    assert check_parts_total("30 people were killed on 12 May, including 22 soldiers and 18 police officers.") is None


def test_parts_within_their_total_are_consistent():
    assert check_parts_total("30 people were killed, including 12 soldiers and 8 police officers.")["verdict"] == "consistent"


def test_an_estimated_total_stays_unverifiable():
    check = check_parts_total("An estimated 30 people were killed, including 22 soldiers and 18 police officers.")
    assert check["verdict"] == "unverifiable"


# --- traps found on real pages ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "All three major cities are in a Level 3 out of 5 risk of severe weather, the forecasters said.",
    "The couple already had three children — two daughters aged 11 and 7, and a four-year-old son.",
])
def test_ratings_and_ages_are_no_parts_of_a_total(sentence):
    assert check_parts_total(sentence) is None


def test_a_weekday_without_a_year_takes_the_one_year_its_sentence_names():
    from newstrace.checks.dates import check_weekday
    import datetime as dt
    check = check_weekday("The plaque marks the 1963 rally, which ended on Sunday, September 8th.", dt.date(2023, 6, 26))
    assert check["verdict"] == "consistent" and check["inputs"]["date"] == "1963-09-08"


def test_a_year_the_claim_states_outranks_a_page_date_that_is_earlier():
    """A page whose metadata dates it years before the events it reports: the claim's own year counts."""
    chain = [Source(name="example.com", role="origin", date="2012-05-10", signal="page")]
    gbp = fx.rate("GBP", 2025)
    year = 2025 if gbp else 2024
    rate = (gbp or fx.rate("GBP", 2024)).per_usd
    [check] = checks_of(f"The US spends about $980bn (£{980 * rate:.0f}bn) a year on defence in {year}.", "2012-05-10", chain)
    assert check.inputs["reference_year"] == year and check.verdict == "consistent"


def test_a_year_of_another_date_in_the_sentence_does_not_date_the_weekday():
    from newstrace.checks.dates import check_weekday
    import datetime as dt
    text = "The hearings, which began on Monday, 28 April, follow a request made in December 2024."
    check = check_weekday(text, dt.date(2025, 5, 3))
    assert check["verdict"] == "consistent" and check["inputs"]["date"] == "2025-04-28"
    wrong = check_weekday(text.replace("Monday", "Tuesday"), dt.date(2025, 5, 3))
    assert wrong["verdict"] == "inconsistent"


def test_a_clock_time_with_a_leading_zero_is_no_part():
    check = check_parts_total("The agency reported 1,051,635 cases, including 79,332 cases in the day before 0800 UTC.")
    assert check is None or "0800" not in check["computation"]


def test_the_reference_year_is_kept_when_it_matches():
    rate = fx.rate("EUR", 2019).per_usd
    [check] = checks_of(f"One bitcoin is worth approximately US$8000 or €{8000 * rate * 0.99:.0f}.", "2019-10-17")
    assert check.verdict == "consistent" and check.inputs["rate_year"] == 2019
