"""A hand-built Analysis with every part the report shows (quotes of three kinds, two speakers, overlapping
claims, checks, a provenance chain, boilerplate) and hostile markup in the text. Used by report and web tests."""
from __future__ import annotations

from newstrace.model import Analysis, Article, Boilerplate, Check, Claim, Quote, Source, Span, Speaker

TITLE = "Council <script>alert('x')</script> budget"
P1 = ('"We will cut taxes by 10%," said Ann Lee, the mayor of Springfield. '
      "She added that the budget of $5 million would double to $12 million.")
P2 = 'Critics disagreed. Bob Stone, a councillor, said the plan was "reckless and <b>unfunded</b>".'
BYLINE = "By Jane Roe"
SOURCE = "This article was originally published by Springfield Gazette."
COPYRIGHT = "© 2024 Example News <img src=x onerror=alert(1)>"
TEXT = "\n\n".join([TITLE, BYLINE, P1, P2, SOURCE, COPYRIGHT])


def span(needle: str, nth: int = 0, *, within: str | None = None) -> Span:
    """The span of the ``nth`` occurrence of ``needle`` (after ``within`` when given)."""
    start = TEXT.index(within) if within else 0
    for _ in range(nth + 1):
        start = TEXT.index(needle, start) + (1 if _ < nth else 0)
    return Span.of(TEXT, start, start + len(needle))


def sample_analysis(*, url: str = "https://example.news/budget", gazette_url: str = "https://gazette.example/budget",
                    text_suffix: str = "") -> Analysis:
    text = TEXT + text_suffix
    article = Article(
        text=text, url=url, title=TITLE, title_span=span(TITLE), authors=["Jane Roe"], outlet="Example News",
        published="2024-01-03", paragraphs=[span(P1), span(P2)],
        boilerplate=[Boilerplate("byline", span(BYLINE), "by_line"), Boilerplate("source", span(SOURCE), "originally_published"),
                     Boilerplate("copyright", span(COPYRIGHT), "copyright_sign")])
    speakers = [
        Speaker("s1", "Ann Lee", "person", aliases=["Lee"], role="mayor", affiliation="Springfield",
                mentions=[span("Ann Lee"), span("She")]),
        Speaker("s2", "Bob Stone", "person", role="councillor", mentions=[span("Bob Stone")]),
    ]
    quotes = [
        Quote("q1", span('"We will cut taxes by 10%," said Ann Lee'), span("We will cut taxes by 10%,"), "direct",
              cue=span("said"), cue_lemma="say", speaker_mention=span("Ann Lee"), speaker_id="s1"),
        Quote("q2", span("She added that the budget of $5 million would double to $12 million"),
              span("the budget of $5 million would double to $12 million"), "indirect", cue=span("added"),
              cue_lemma="add", speaker_mention=span("She"), speaker_id="s1", confidence=0.8),
        Quote("q3", span('Bob Stone, a councillor, said the plan was "reckless and <b>unfunded</b>"'),
              span('the plan was "reckless and <b>unfunded</b>"'), "mixed", cue=span("said", 1),
              cue_lemma="say", speaker_mention=span("Bob Stone"), speaker_id="s2"),
    ]
    claims = [
        Claim("c1", span("the budget of $5 million would double to $12 million"), 0.91,
              {"kind": "speaker", "speaker_id": "s1", "name": "Ann Lee"}),
        Claim("c2", span("We will cut taxes by 10%"), 0.7, {"kind": "speaker", "speaker_id": "s1", "name": None}),
        # crosses the end of q1 and the start of q2: the report must still nest its elements properly
        Claim("c3", span("Ann Lee, the mayor of Springfield. She added"), 0.35, hedges=["added"]),
    ]
    checks = [
        Check("k2", "c2", "percentage", "10% is a percentage between 0 and 100", stated="10%", expected="0–100%",
              verdict="consistent"),
        Check("k1", "c1", "multiple", "12 / 5 = 2.4, but the text says 'double' (2)",
              inputs={"from": 5, "to": 12, "factor": 2, "hedge": None, "ratio": 1.2},
              expected=2.4, stated=2, verdict="inconsistent"),
    ]
    provenance = [
        Source("Springfield Gazette", "outlet", "origin", "2024-01-02", gazette_url, evidence=[span(SOURCE)],
               signal="original_source"),
        Source("Example News", "outlet", "republisher", "2024-01-03", "javascript:alert(1)", signal="page"),
    ]
    return Analysis(article, provenance, quotes, speakers, claims, checks)
