"""The claims stage: check-worthy sentences (or clauses), each attributed, qualified and structured."""
from __future__ import annotations

import bisect
import re

from newstrace.claims.asserter import according_to, asserter
from newstrace.claims.checkworthiness import CheckworthinessModel, load_model
from newstrace.claims.entities import canonicalise
from newstrace.claims.modality import hedges, negated
from newstrace.claims.relations import find_relation
from newstrace.claims.segment import clauses
from newstrace.model import Article, Claim, Quote, Speaker
from newstrace.nlp import BodyView

# Sentences with figures are kept below the threshold too, so the checks stage can test their numbers.
CHECKABLE = re.compile(r"\d|\b(?:doubled|tripled|halved|percent|monday|tuesday|wednesday|thursday|friday|"
                       r"saturday|sunday)\b", re.I)


def find_claims(article: Article, doc, view: BodyView, quotes: list[Quote] = (), speakers: list[Speaker] = (),
                model: CheckworthinessModel | None = None) -> list[Claim]:
    """Claims of the article body, in text order; ``checkworthy`` says whether the score reached the threshold."""
    model = model or load_model()
    ents = doc.ents
    ent_starts = [e.start for e in ents]
    entities, mention_ids = canonicalise(ents, lambda e: view.span(e.start_char, e.end_char))
    names = {e.id: (e.name, e.label) for e in entities}
    pieces = [(sent, piece) for sent in _body_sentences(article, doc, view) for piece in clauses(sent)]
    scores = model.score([piece for _, piece in pieces])
    claims: list[Claim] = []
    for (sent, piece), score in zip(pieces, scores):
        worthy = bool(score >= model.threshold)
        if not worthy and not CHECKABLE.search(piece.text):
            continue
        span = view.span(piece.start_char, piece.end_char)
        source = according_to(sent)
        claims.append(Claim(
            id=f"C{len(claims) + 1}", span=span, score=round(float(score), 4),
            asserter=asserter(span, article, list(quotes), list(speakers),
                              view.span(source.start_char, source.end_char) if source is not None else None),
            hedges=hedges(piece), negated=negated(piece),
            entities=[_entity(e, mention_ids, names, view) for e in _ents_within(ents, ent_starts, piece)
                      if (e.start_char, e.end_char) in mention_ids],
            relation=view.remap(find_relation(piece, mention_ids)), checkworthy=worthy,
        ))
    return claims


def _ents_within(ents, starts: list[int], piece) -> list:
    """``piece.ents`` from the document's entities listed once (``Span.ents`` walks all of them for each claim)."""
    found = []
    for i in range(bisect.bisect_left(starts, piece.start), len(ents)):
        if ents[i].end > piece.end:
            break
        found.append(ents[i])
    return found


def _body_sentences(article: Article, doc, view: BodyView):
    """Sentences of the body (not the title) that contain at least three words."""
    title_end = len(article.title_span.text) if article.title_span else -1
    for sent in doc.sents:
        if sent.start_char < title_end:
            continue
        if sum(t.is_alpha for t in sent) >= 3:
            yield sent


def _entity(ent, mention_ids, names, view: BodyView) -> dict:
    entity_id = mention_ids[(ent.start_char, ent.end_char)]
    name, label = names[entity_id]
    return {"entity_id": entity_id, "name": name, "label": label, "mention": view.span(ent.start_char, ent.end_char)}
