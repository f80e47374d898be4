"""Claims and checks through the whole pipeline and every output format."""
import json
import re

import pytest

from newstrace.model import Analysis
from newstrace.pipeline import analyze
from newstrace.report import render
from newstrace.schema import validate

ARTICLE = """Port deal questioned
Date: 2019-06-10

Kuwait paid 1.5 million KWD (around $500,000) for the harbour survey, according to the audit office.

The attack killed 30 people, including 22 soldiers and 18 police officers.

The inquiry opened on Tuesday, June 4, 2019, and officials said it would take a year.

I think the harbour is beautiful in the summer.
"""


@pytest.fixture(scope="module")
def analysis(nlp) -> Analysis:
    return analyze(ARTICLE, name="port.txt")


def test_claims_found_with_asserters(analysis):
    texts = [c.span.text for c in analysis.claims]
    assert any("1.5 million KWD" in t for t in texts)
    kwd = next(c for c in analysis.claims if "KWD" in c.span.text)
    assert kwd.asserter["kind"] == "speaker" and kwd.asserter["name"] == "the audit office"
    assert kwd.relation and kwd.relation["type"] == "payment" and kwd.relation["amount"]["currency"] == "KWD"
    assert not any("beautiful" in t and c.checkworthy for t, c in zip(texts, analysis.claims))


def test_spans_point_into_the_article(analysis):
    text = analysis.article.text
    for c in analysis.claims:
        assert text[c.span.start:c.span.end] == c.span.text
        assert c.span.text == c.span.text.strip()
        for e in c.entities:
            assert text[e["mention"].start:e["mention"].end] == e["mention"].text


def test_checks_found_and_explained(analysis):
    by_kind = {c.kind: c for c in analysis.checks}
    assert by_kind["currency"].verdict == "inconsistent"
    assert by_kind["arithmetic"].verdict == "inconsistent"
    assert by_kind["weekday"].verdict == "consistent"  # 4 June 2019 was a Tuesday
    claim_ids = {c.id for c in analysis.claims}
    assert all(c.claim_id in claim_ids for c in analysis.checks)


def test_json_validates_and_round_trips(analysis):
    doc = json.loads(render(analysis, "json"))
    validate(doc)
    assert doc["claims"] and doc["checks"]
    assert Analysis.from_dict(doc).to_dict()["claims"] == doc["claims"]


@pytest.mark.parametrize("fmt", ["table", "md", "html"])
def test_inconsistent_checks_come_first_in_every_format(analysis, fmt):
    out = render(analysis, fmt, width=200)
    if fmt == "html":  # the page's style sheet names the verdicts too: look at the checks section
        out = out[out.index('<section id="checks">'):]
    assert "INCONSISTENT" in out
    first_consistent = re.search(r"(?<!in)consistent", out)  # not the "inconsistent first" title
    assert first_consistent and out.index("INCONSISTENT") < first_consistent.start()
    assert "KWD" in out
