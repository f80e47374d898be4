"""Build ``Analysis`` objects by hand for store and corroboration tests (issues 3-5 fill these lists for real)."""
from __future__ import annotations

from newstrace.model import Analysis, Article, Check, Claim, Entity, Quote, Source, Span, Speaker


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def make_analysis(text: str, *, url: str | None = None, outlet: str | None = None, published: str | None = None,
                  title: str | None = None, claims: list[str] = (), quotes: list[tuple[str, str]] = (),
                  speakers: list[Speaker] = (), entities: list[tuple[str, str]] = (),
                  provenance: list[Source] = (), checks: list[tuple[int, str]] = (),
                  claim_speaker: str | None = None) -> Analysis:
    """``quotes`` are (quote text, speaker id); ``checks`` are (claim index, verdict)."""
    article = Article(text=text, url=url, outlet=outlet, published=published, title=title,
                      paragraphs=[Span.of(text, 0, len(text))],
                      entities=[Entity(label, span(text, part)) for part, label in entities])
    claim_list = [Claim(id=f"c{i}", span=span(text, c), score=0.9 - i / 100,
                        asserter={"kind": "speaker" if claim_speaker else "outlet", "speaker_id": claim_speaker,
                                  "name": None})
                  for i, c in enumerate(claims)]
    quote_list = [Quote(id=f"q{i}", span=span(text, q), content=span(text, q), speaker_id=sid)
                  for i, (q, sid) in enumerate(quotes)]
    check_list = [Check(id=f"k{i}", claim_id=f"c{ci}", kind="arithmetic", computation="2+2=4", verdict=verdict)
                  for i, (ci, verdict) in enumerate(checks)]
    return Analysis(article=article, provenance=list(provenance), quotes=quote_list, speakers=list(speakers),
                    claims=claim_list, checks=check_list)


BUDGET = ("Mayor Jane Doe said the council approved a budget of 4.2 million euros for bike lanes in Lyon. "
          "\"We will finish the lanes by 2026,\" Doe said. Critics called the plan rushed.")


def budget_story(url: str = "https://a.example/budget", outlet: str = "Lyon Daily",
                 text: str = BUDGET, published: str = "2024-03-01") -> Analysis:
    doe = Speaker(id="s1", name="Jane Doe", role="mayor", affiliation="Lyon city council",
                  mentions=[span(text, "Jane Doe")])
    return make_analysis(
        text, url=url, outlet=outlet, published=published, title="Budget approved",
        claims=["the council approved a budget of 4.2 million euros for bike lanes in Lyon"],
        quotes=[("\"We will finish the lanes by 2026,\"", "s1")], speakers=[doe],
        entities=[("Jane Doe", "PERSON"), ("Lyon", "GPE")], checks=[(0, "inconsistent")],
        provenance=[Source(name=outlet, role="origin", url=url)])
