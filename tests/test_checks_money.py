"""Money amounts in many currencies and formats."""
import pytest

from newstrace.claims.money import find_money


@pytest.mark.parametrize("text, value, currency", [
    ("It cost 750 million Egyptian pounds.", 750e6, "EGP"),
    ("They paid $2.3 million.", 2.3e6, "USD"),
    ("a fine of 2.5m BHD", 2.5e6, "BHD"),
    ("a €40bn fund", 40e9, "EUR"),
    ("Rs 3 crore was seized", 3e7, "INR"),
    ("¥1.2 trillion in bonds", 1.2e12, "JPY"),
    ("bail of 100,000 Georgian lari", 1e5, "GEL"),
    ("a payment of US$30,000", 3e4, "USD"),
    ("BHD 2.5m was transferred", 2.5e6, "BHD"),
    ("1.5 million KWD", 1.5e6, "KWD"),
    ("five million dollars", 5e6, "USD"),
    ("£5m", 5e6, "GBP"),
    ("500 million Syrian pounds", 5e8, "SYP"),
    ("20 yuan", 20, "CNY"),
    ("3 lakh rupees", 3e5, "INR"),
])
def test_parses_amount_and_currency(text, value, currency):
    [m] = find_money(text)
    assert m.value == pytest.approx(value)
    assert m.currency == currency
    assert text[m.start:m.end] == m.text


def test_no_money_in_plain_numbers_or_lookalikes():
    assert find_money("In 2019 there were 300 people; try 5 times; he weighs 5 m pounds") == []


def test_qualifiers_and_ranges_are_kept():
    about, upto, rng = find_money("about €40bn, up to 500 dollars and $2-3 million")
    assert about.qualifier == "approx"
    assert upto.qualifier == "max"
    assert rng.is_range and rng.high == pytest.approx(3e6)


def test_rounding_reflects_written_precision():
    rough, exact = find_money("US$30,000 and $31,250")
    assert rough.precision > 0.1 > exact.precision
