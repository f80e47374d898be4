"""Stated currency conversions against the shipped IMF table, and the false-alarm traps."""
import gzip
import json

import pytest

from newstrace.checks import fx
from newstrace.checks.currency import check_conversion, find_conversions
from newstrace.checks.stage import run_checks
from newstrace.model import Article, Claim, Span


def verdicts(text, year):
    return [check_conversion(c, text, year) for c in find_conversions(text)]


def test_table_carries_the_imf_attribution_and_known_rates():
    with gzip.open(fx.TABLE_PATH, "rt", encoding="utf-8") as f:
        table = json.load(f)
    assert table["attribution"] == "Source: International Monetary Fund"
    assert fx.rate("KWD", 2015).per_usd == pytest.approx(0.300852, rel=1e-5)
    assert fx.rate("SYP", 2016).per_usd == pytest.approx(460.276, rel=1e-5)
    assert fx.rate("EUR", 2019).per_usd == pytest.approx(0.893276, rel=1e-5)  # Euro Area row, not Kosovo's
    assert fx.rate("USD", 2001).per_usd == 1.0
    assert fx.rate("XYZ", 2019) is None


def test_wrong_conversion_is_inconsistent_with_the_computation_shown():
    [c] = verdicts("Kuwait paid 1.5 million KWD (around $500,000).", 2016)
    assert c["verdict"] == "inconsistent"
    assert c["expected"] == pytest.approx(1.5e6 / 0.302137, rel=0.03)
    assert "KWD" in c["computation"] and "IMF" in c["computation"]
    assert c["inputs"]["rate_source"] == "Source: International Monetary Fund"
    assert c["inputs"]["ratio"] < 0.2


def test_right_conversion_is_consistent():
    [c] = verdicts("He was released on bail of 100,000 Georgian lari (about US$30,000).", 2019)
    assert c["verdict"] == "consistent"
    assert c["inputs"]["rate_year"] in (2018, 2019, 2020)


def test_volatile_currency_gets_a_wide_tolerance():
    [c] = verdicts("The council spent 500 million Syrian pounds ($1.5 million).", 2016)
    assert c["verdict"] != "inconsistent"  # between the 2015 and 2016 averages
    assert c["inputs"]["tolerance"] > 0.4


def test_trap_different_year_named_in_sentence():
    # 1990 rate gives ~$1.78M; the article's year would give ~$1.28M
    [c] = verdicts("The club was bought for £1 million in 1990 (about $1.8 million).", 2019)
    assert c["verdict"] == "consistent" and c["inputs"]["rate_year"] == 1990


def test_trap_inflation_adjusted_is_not_checked():
    [c] = verdicts("It cost £1 million (about $3 million in today's dollars).", 2019)
    assert c["verdict"] == "unverifiable"


def test_trap_up_to_and_ranges_are_not_checked():
    [c] = verdicts("Fines of up to 2 million euros (up to $5 million) apply.", 2019)
    assert c["verdict"] == "unverifiable"
    [r] = verdicts("They paid €2-3 million (about $10 million).", 2019)
    assert r["verdict"] == "unverifiable"


def test_trap_approximation_within_rounding_is_consistent():
    [c] = verdicts("The fund holds about €40bn, or roughly $45bn.", 2019)
    assert c["verdict"] == "consistent"


def test_two_unrelated_amounts_are_not_a_conversion():
    assert find_conversions("He paid $5 million and later received 3 million euros.") == []


def test_run_checks_records_claim_id_and_fields():
    text = "Kuwait paid 1.5 million KWD (around $500,000)."
    article = Article(text=text, published="2016-05-01")
    claim = Claim(id="C1", span=Span.of(text, 0, len(text)), score=0.9)
    [check] = run_checks(article, [claim])
    d = check.to_dict()
    assert d["claim_id"] == "C1" and d["kind"] == "currency" and d["verdict"] == "inconsistent"
    assert set(d) == {"id", "claim_id", "kind", "computation", "inputs", "expected", "stated", "verdict"}
    assert d["stated"] == 500000


@pytest.mark.parametrize("text", ["The company paid $0 (€0) in fines in 2019.", "The fine of $100 (€0) was waived in 2019."])
def test_a_zero_amount_is_unverifiable_not_a_crash(text):
    """Found by bench/fuzz.py (input 26028: a truncated '0,000 Georgian lari (about US$30,000)'): a division by zero."""
    (conv,) = find_conversions(text)
    check = check_conversion(conv, text, 2019)
    assert check["verdict"] == "unverifiable" and "zero" in check["computation"]
