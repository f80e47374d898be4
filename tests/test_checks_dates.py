"""Weekdays against dates, and past events dated after publication."""
import datetime as dt

from newstrace.checks.dates import check_after_publication, check_weekday

PUBLISHED = dt.date(2019, 1, 4)


def test_weekday_matches():
    assert check_weekday("It collapsed on Monday, December 31, 2018.", PUBLISHED)["verdict"] == "consistent"


def test_weekday_mismatch_shows_the_date():
    c = check_weekday("It collapsed on Tuesday, December 31, 2018.", PUBLISHED)
    assert c["verdict"] == "inconsistent" and c["expected"] == "Monday" and "2018-12-31" in c["computation"]


def test_weekday_without_year_uses_the_publication_year_or_the_one_before():
    c = check_weekday("He was arrested on Monday, December 31.", PUBLISHED)
    assert c["verdict"] == "consistent" and c["inputs"]["date"] == "2018-12-31"


def test_past_event_after_publication_is_flagged():
    c = check_after_publication("The trial ended on March 5, 2019.", PUBLISHED)
    assert c["verdict"] == "inconsistent" and "60 days after publication" in c["computation"]


def test_trap_scheduled_future_event_is_not_flagged():
    assert check_after_publication("The trial will start on March 5, 2019.", PUBLISHED) is None
    assert check_after_publication("The trial is scheduled for 5 March 2019.", PUBLISHED) is None


def test_no_publication_date_no_check():
    assert check_after_publication("The trial ended on March 5, 2019.", None) is None


def test_trap_future_plan_inside_a_quote_is_not_flagged():
    s = 'He said, "the framework we have is enough to start trading on July 1, 2020".'
    assert check_after_publication(s, dt.date(2019, 7, 10)) is None
