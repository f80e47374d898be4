"""Each relation type, extracted from parsed sentences."""
from newstrace.claims.relations import find_relation


def rel(nlp, text):
    return find_relation(nlp(text)[:], {})


def test_payment(nlp):
    r = rel(nlp, "The ministry paid the contractor $5 million in March.")
    assert r["type"] == "payment"
    assert r["subject"]["text"] == "The ministry" and r["object"]["text"] == "the contractor"
    assert r["predicate"]["lemma"] == "pay"
    assert r["amount"]["value"] == 5e6 and r["amount"]["currency"] == "USD"
    assert r["amount"]["text"] == "$5 million" and r["date"]["text"] == "March"


def test_funding_in_another_currency(nlp):
    r = rel(nlp, "Saudi Arabia funded the group with 2 million euros.")
    assert r["type"] == "payment" and r["amount"]["currency"] == "EUR" and r["subject"]["text"] == "Saudi Arabia"


def test_transfer_with_origin_route_destination(nlp):
    r = rel(nlp, "The drones were shipped from Iran through Iraq to Syria last year.")
    assert r["type"] == "transfer"
    assert r["object"]["text"] == "The drones"
    assert (r["origin"]["text"], r["route"]["text"], r["destination"]["text"]) == ("Iran", "Iraq", "Syria")
    assert r["date"]["text"] == "last year"


def test_supply_with_count(nlp):
    r = rel(nlp, "Iran supplied 300 missiles to the Houthis.")
    assert r["type"] == "transfer" and r["subject"]["text"] == "Iran" and r["amount"]["value"] == 300


def test_presence(nlp):
    r = rel(nlp, "Advisers from Russia were on the ground in Libya.")
    assert r["type"] == "presence"
    assert r["subject"]["text"] == "Advisers" and r["origin"]["text"] == "Russia" and r["location"]["text"] == "Libya"


def test_count(nlp):
    r = rel(nlp, "At least 39 people were killed on Monday.")
    assert r["type"] == "count" and r["amount"]["value"] == 39 and r["amount"]["unit"] == "people"
    assert r["predicate"]["lemma"] == "kill" and r["date"]["text"] == "Monday"


def test_no_relation_in_opinion(nlp):
    assert rel(nlp, "I think this is a wonderful idea.") is None


def test_spans_point_at_the_text(nlp):
    text = "The ministry paid the contractor $5 million in March."
    r = rel(nlp, text)
    for part in ("subject", "object", "predicate", "date"):
        s = r[part]["span"]
        assert text[s.start:s.end] == r[part]["text"]


def test_a_rank_is_not_a_count(nlp):
    assert rel(nlp, "The player, ranked number 27 in the world, was arrested.") is None or \
        rel(nlp, "The player, ranked number 27 in the world, was arrested.")["type"] != "count"
