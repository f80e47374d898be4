"""Quotes and speakers of parsed ``Doc``s: the stage's entry point, used by the spaCy component.

The rules find attributions first; the role tagger, when its weights are installed and the pipeline's token
vectors fit it, then refines their spans and adds the attributions only it found (``tagged.merge``).
"""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from newstrace.model import Quote, Span, Speaker
from newstrace.quotes.accept import load_acceptor
from newstrace.quotes.attribution import Attribution, Range
from newstrace.quotes.cuespan import widen_cues
from newstrace.quotes.direct import clip_to_paragraph, join_split_quotes, link_segments, paragraph_starts
from newstrace.quotes.indirect import find_cue_attributions
from newstrace.quotes.labels import continued_turns, headline_attribution, label_attributions
from newstrace.quotes.learned import find_learned_attributions
from newstrace.quotes.marks import find_segments
from newstrace.quotes.names import Cluster
from newstrace.quotes.nominal import find_nominal_attributions
from newstrace.quotes.nesting import resolve_nesting
from newstrace.quotes.phrases import without_time
from newstrace.quotes.speakers import resolve_speakers
from newstrace.quotes.tagged import merge
from newstrace.quotes.tagger import WEIGHTS, load_tagger
from newstrace.quotes.types import attribution_type


def find_attributions(doc: Doc, text: str | None = None) -> list[Attribution]:
    """Every attribution in ``doc`` (character offsets into ``doc.text``), in text order."""
    return find_attributions_many([doc], [doc.text if text is None else text])[0]


def find_attributions_many(docs: list[Doc], texts: list[str], accept: bool = True,
                           weights: Path = WEIGHTS) -> list[list[Attribution]]:
    """``find_attributions`` of several documents, the tagger running over all of them at once.

    ``accept=False`` returns every candidate, before the accept/reject step (what ``training/accept.py``
    learns from). ``weights``: the folder of the learned parts (the package's own, or a saved pipeline's)."""
    found = [rule_attributions(doc, text, weights) for doc, text in zip(docs, texts)]
    tagger = load_tagger(weights)
    if tagger is not None:
        usable = [i for i, doc in enumerate(docs) if doc.has_annotation("DEP") and tagger.accepts(doc)]
        probs = tagger.probabilities_many([docs[i] for i in usable], [found[i] for i in usable])
        for i, p in zip(usable, probs):
            found[i] = merge(docs[i], texts[i], found[i], p)
    found = [join_split_quotes(text, atts) for text, atts in zip(texts, found)]
    for doc, text, atts in zip(docs, texts, found):
        for att in atts:
            att.type = attribution_type(doc, text, att)
            if att.source is not None:
                att.source = without_time(doc, att.source)
    if not accept:
        return found
    found = [[a for a in atts if not _the_author(text, a)] for text, atts in zip(texts, found)]
    acceptor = load_acceptor(weights / "accept.json")
    if acceptor is not None:
        found = [acceptor.keep(doc, text, atts) for doc, text, atts in zip(docs, texts, found)]
    return found


def rule_attributions(doc: Doc, text: str, weights: Path = WEIGHTS) -> list[Attribution]:
    """The attributions the rules find (the role tagger's inputs), in text order."""
    segments = find_segments(text)
    cues = []
    if doc.has_annotation("DEP"):
        cues = find_cue_attributions(doc, text) + find_nominal_attributions(doc)
        cues += find_learned_attributions(doc, text, cues, weights)
    starts = paragraph_starts(text)
    labels = [lab for lab in label_attributions(text, starts) if not lab.extra.get("linked") or _named(doc, lab.source)]
    headline = headline_attribution(text, starts)
    if headline is not None and not any(_overlap(headline.cue, c.cue) for c in cues if c.cue) \
            and not any(_overlap(headline.content, lab.content) for lab in labels):
        name = doc.char_span(*headline.source, alignment_mode="expand")
        if name is not None and len(name):
            # the name's last word, not whatever the title-case parse made its root ("Mayor Lena Park Blasts …")
            headline.source_head = name[-1].i
        labels.append(headline)
    labels += continued_turns(text, starts, labels)
    cues = [c for c in cues if not any(_overlap(c.cue, lab.content) for lab in labels)]
    atts = link_segments(doc, text, segments, labels + cues)
    for att in atts:
        clip_to_paragraph(text, att)
    atts = resolve_nesting(atts)
    widen_cues(doc, text, atts)
    return atts


_NAMED = frozenset(("PERSON", "ORG", "NORP", "GPE"))
# "I said to him", "you said": outside a quotation the first and second person are the article's author and its
# reader, not a source the article reports.
_AUTHOR_OR_READER = frozenset(("i", "me", "you"))


def _the_author(text: str, att: Attribution) -> bool:
    return att.source is not None and text[att.source[0]:att.source[1]].strip().lower() in _AUTHOR_OR_READER


def _named(doc: Doc, source: Range) -> bool:
    """The label's source part holds a name ("Clinton to Planned Parenthood:", not "Works on Paper:")."""
    return any(e.label_ in _NAMED and e.start_char < source[1] and source[0] < e.end_char for e in doc.ents)


def quotes_and_speakers(doc: Doc, min_confidence: float = 0.0, accept: bool = True,
                        weights: Path = WEIGHTS) -> tuple[list[Quote], list[Speaker]]:
    return quotes_and_speakers_many([doc], min_confidence, accept, weights)[0]


def quotes_and_speakers_many(docs: list[Doc], min_confidence: float = 0.0, accept: bool = True,
                             weights: Path = WEIGHTS) -> list[tuple[list[Quote], list[Speaker]]]:
    texts = [doc.text for doc in docs]  # Doc.text is rebuilt on every access
    found = find_attributions_many(docs, texts, accept, weights)
    return [_quotes_and_speakers(doc, text, [a for a in atts if a.confidence >= min_confidence])
            for doc, text, atts in zip(docs, texts, found)]


def _quotes_and_speakers(doc: Doc, text: str, atts: list[Attribution]) -> tuple[list[Quote], list[Speaker]]:
    clusters, speaking = resolve_speakers(doc, text, atts)
    ids = {id(c): f"s{n}" for n, c in enumerate(clusters, 1)}
    speakers = [_speaker(text, c, ids[id(c)]) for c in clusters]
    quotes = []
    for n, att in enumerate(atts, 1):
        cluster = speaking.get(n - 1)
        quotes.append(_quote(text, att, f"q{n}", ids.get(id(cluster)) if cluster is not None else None))
    return quotes, speakers


def _quote(text: str, att: Attribution, qid: str, speaker_id: str | None) -> Quote:
    leader = att if att.follows is None else att.follows
    mention = leader.extra.get("mention", leader.source) if leader.source is not None else None
    parts = [r for r in (att.content, att.cue if att.follows is None else None, mention) if r]
    whole = (min(r[0] for r in parts), max(r[1] for r in parts))
    return Quote(id=qid, span=_span(text, whole), content=_span(text, att.content), kind=att.kind,
                 cue=_span(text, att.cue), cue_lemma=att.cue_lemma, speaker_mention=_span(text, mention),
                 speaker_id=speaker_id, venue=_span(text, att.venue), addressee=_span(text, att.addressee),
                 nested_source=_span(text, att.nested_source), confidence=round(att.confidence, 2),
                 inferred=att.inferred, type=att.type)


def _speaker(text: str, cluster: Cluster, sid: str) -> Speaker:
    mentions = sorted(set(cluster.mentions))
    aliases = [a for a in dict.fromkeys(cluster.aliases) if a != cluster.name]
    return Speaker(id=sid, name=cluster.name, kind=cluster.kind, aliases=aliases, role=cluster.role,
                   affiliation=cluster.affiliation, mentions=[Span.of(text, s, e) for s, e in mentions])


def _span(text: str, r: Range | None) -> Span | None:
    return None if r is None else Span.of(text, r[0], r[1])


def _overlap(a: Range | None, b: Range) -> bool:
    return a is not None and a[0] < b[1] and b[0] < a[1]
