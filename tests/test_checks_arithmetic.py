"""Arithmetic inside a sentence: totals, percentages, multiples, and their traps."""
from newstrace.checks.arithmetic import check_multiple, check_parts_total, check_percentage


def test_parts_exceeding_total_are_inconsistent():
    c = check_parts_total("The attack killed 30 people, including 22 soldiers and 18 police officers.")
    assert c["verdict"] == "inconsistent" and c["expected"] == 40 and c["stated"] == 30
    assert "22 soldiers + 18 police = 40" in c["computation"]


def test_parts_matching_total_are_consistent():
    assert check_parts_total("A total of 12 people died: 7 adults and 5 children.")["verdict"] == "consistent"


def test_full_breakdown_short_of_total_is_inconsistent():
    assert check_parts_total("A total of 12 people died: 7 adults and 4 children.")["verdict"] == "inconsistent"


def test_including_is_a_subset():
    assert check_parts_total("The attack killed 30 people, including 12 soldiers and 8 police officers.")["verdict"] == "consistent"


def test_trap_approximate_total_is_unverifiable():
    c = check_parts_total("About 30 people died, including 22 soldiers and 18 police officers.")
    assert c["verdict"] == "unverifiable"


def test_percentage_against_counts():
    assert check_percentage("12 of the 40 members (30%) voted yes.")["verdict"] == "consistent"
    bad = check_percentage("12 of the 40 members (35%) voted yes.")
    assert bad["verdict"] == "inconsistent" and bad["expected"] == 30.0 and bad["stated"] == 35.0


def test_percentage_rounding_is_tolerated():
    assert check_percentage("1 of 3 voters (33%) stayed home.")["verdict"] == "consistent"


def test_doubled_against_two_figures():
    assert check_multiple("Sales doubled from 40 to 82 units.")["verdict"] == "consistent"
    bad = check_multiple("Sales doubled from 40 to 200 units.")
    assert bad["verdict"] == "inconsistent" and bad["expected"] == 80


def test_tripled_with_scales():
    c = check_multiple("Revenue tripled from $2 million to $6.1 million.")
    assert c["verdict"] == "consistent" and c["expected"] == 6e6


def test_no_shape_no_check():
    assert check_parts_total("Prices rose sharply.") is None
    assert check_percentage("Turnout was 60%.") is None
    assert check_multiple("Cases doubled.") is None


def test_trap_years_times_and_clock_times_are_not_parts():
    assert check_parts_total("He won five times, was selected 11 times and retired in 2016: 18 seasons in all.") is None
    assert check_parts_total("On the morning of August 1 around 4:30 or 5:30 a.m. the march began.") is None
