"""Who asserts a claim: the speaker of the quote it sits in, X in "according to X", or the outlet."""
from __future__ import annotations

from newstrace.model import Article, Quote, Span, Speaker


def according_to(sent):
    """The spaCy span X of "according to X" in a parsed sentence, or None."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            objects = [c for c in tok.nbor().children if c.dep_ == "pobj"]
            if objects:
                sub = list(objects[0].subtree)
                # keep the name and its modifiers, not a trailing relative clause
                end = next((t.i for t in sub if t.dep_ in ("relcl", "acl") or t.is_punct), sub[-1].i + 1)
                return tok.doc[sub[0].i:max(end, objects[0].i + 1)]
    return None


def asserter(claim: Span, article: Article, quotes: list[Quote], speakers: list[Speaker],
             source: Span | None = None) -> dict:
    """The ``Claim.asserter`` object for a claim span; ``source`` is X of "according to X" (article offsets)."""
    by_id = {s.id: s for s in speakers}
    quote = _enclosing_quote(claim, quotes)
    if quote is not None:
        speaker = by_id.get(quote.speaker_id) if quote.speaker_id else None
        name = speaker.name if speaker else (quote.speaker_mention.text if quote.speaker_mention else None)
        return {"kind": "speaker", "speaker_id": quote.speaker_id, "name": name, "quote_id": quote.id,
                "via": "quote"}
    if source is not None:
        speaker = _speaker_named(source.text, speakers)
        return {"kind": "speaker", "speaker_id": speaker.id if speaker else None,
                "name": speaker.name if speaker else source.text, "quote_id": None, "via": "according_to",
                "mention": source}
    return outlet(article)


ARTICLE_VOICE = "(the article)"  # the asserter when neither the outlet nor a byline is known


def outlet(article: Article) -> dict:
    """The article's own voice: the outlet, else its byline, else ``ARTICLE_VOICE``; with its journalists."""
    name = article.outlet or (", ".join(article.authors) if article.authors else ARTICLE_VOICE)
    return {"kind": "outlet", "speaker_id": None, "name": name, "journalists": list(article.authors), "via": "article"}


# Below this, a reported-speech finding is the role tagger's guess at a stance ("the senator is tired of …"):
# it does not take a claim from the outlet. A quotation (quote marks) always does.
ASSERTING_CONFIDENCE = 0.5


def _enclosing_quote(claim: Span, quotes: list[Quote]) -> Quote | None:
    """The quote whose content covers most of the claim (at least half of it); else a reported-speech claim
    ("Tom Reyes told the Herald that the closure would hurt shops"): a quote whose cue and content both lie in
    the claim and whose content is at least a third of it."""
    quotes = [q for q in quotes if q.confidence >= ASSERTING_CONFIDENCE or q.kind == "direct"]

    def overlap(q: Quote) -> int:
        return max(0, min(claim.end, q.content.end) - max(claim.start, q.content.start))
    length = max(1, claim.end - claim.start)
    best = max(quotes, key=overlap, default=None)
    if best is not None and overlap(best) * 2 >= length:
        return best
    reported = [q for q in quotes if q.cue is not None and not q.inferred and _inside(q.cue, claim)
                and _inside(q.content, claim) and (q.content.end - q.content.start) * 3 >= length]
    return max(reported, key=overlap, default=None)


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _speaker_named(who: str, speakers: list[Speaker]) -> Speaker | None:
    """A resolved speaker whose name or alias occurs in the "according to" phrase."""
    lower = who.lower()
    for s in speakers:
        names = [s.name, *s.aliases]
        if any(n and (n.lower() in lower or lower in n.lower()) for n in names):
            return s
    return None
