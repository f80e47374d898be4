"""The one data model shared by every stage, and its JSON form.

Every span is a character range into ``Article.text`` (Python ``str`` offsets). The JSON form is
described by the versioned schema in ``newstrace/schema/``; ``SCHEMA_VERSION`` names the file.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

SCHEMA_VERSION = "1.1"

# What act a quote reports (``Quote.type``): speech and writing are "X said Y"; evidence is what a document, study,
# poll or court shows; beliefs and questions are kept in the JSON but left out of the default views.
QUOTE_TYPES = ("speech", "writing", "evidence", "belief", "question")
DEFAULT_QUOTE_TYPES = ("speech", "writing")


def quotes_of_types(quotes: list["Quote"], speakers: list["Speaker"], types, also_named=()) -> tuple[list, list]:
    """The quotes of ``types`` (None: every type) and the speakers they, or ``also_named`` ids, name."""
    if types is None or set(QUOTE_TYPES) <= set(types):
        return list(quotes), list(speakers)
    kept = [q for q in quotes if q.type in types]
    named = {q.speaker_id for q in kept} | set(also_named)
    return kept, [s for s in speakers if s.id in named]


@dataclass(frozen=True, slots=True)
class Span:
    """A range of ``Article.text``; ``text`` is always ``article.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> "Span | None":
        return None if d is None else cls(d["start"], d["end"], d["text"])


BoilerplateKind = Literal[
    "byline", "dateline", "taxonomy", "source", "copyright", "disclaimer", "fair_use",
    "call_to_action", "contact", "share", "related", "caption", "editor_note", "correction",
    "advertisement", "navigation", "title", "pull_quote",
]


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Text set aside from the body, with the reason it was set aside."""

    kind: str
    span: Span
    rule: str = ""  # which pattern recognised it, so a person can see why

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "span": self.span.to_dict(), "rule": self.rule}


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink kept from HTML or Markdown: the anchor text's span and its target."""

    span: Span | None
    href: str
    rel: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict() if self.span else None, "href": self.href, "rel": self.rel}


@dataclass(frozen=True, slots=True)
class Embed:
    """A post embedded in the page (a tweet, an Instagram or Facebook post, a TikTok or YouTube video).

    ``span`` is the post's own words in ``Article.text``, outside the body paragraphs; ``None`` when the
    embed carries no text (a video player).
    """

    platform: str  # twitter | instagram | facebook | tiktok | youtube | bluesky
    span: Span | None
    url: str | None = None
    handle: str | None = None  # "@name" as the platform writes it
    display_name: str | None = None
    date: str | None = None  # ISO 8601
    rule: str = ""  # which markup said it is an embed

    def to_dict(self) -> dict[str, Any]:
        return {"platform": self.platform, "span": self.span.to_dict() if self.span else None, "url": self.url,
                "handle": self.handle, "display_name": self.display_name, "date": self.date, "rule": self.rule}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Embed":
        return cls(d["platform"], Span.from_dict(d.get("span")), d.get("url"), d.get("handle"),
                   d.get("display_name"), d.get("date"), d.get("rule", ""))


@dataclass(frozen=True, slots=True)
class Signal:
    """A raw provenance hint found while extracting (a source line, a canonical link, a wire dateline).

    ``origin`` is ``text`` (then ``span`` points at the evidence) or ``meta`` (page metadata, no span).
    """

    kind: str  # e.g. "canonical", "original-source", "is_based_on", "republished_from", "wire_dateline"
    value: str
    origin: Literal["text", "meta"] = "text"
    span: Span | None = None
    date: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "value": self.value, "origin": self.origin,
                "span": self.span.to_dict() if self.span else None, "date": self.date, "url": self.url}


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention found by the NLP stage."""

    label: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "span": self.span.to_dict()}


@dataclass(slots=True)
class Article:
    """The article: clean body text and what is known about it."""

    text: str
    url: str | None = None
    title: str | None = None
    title_span: Span | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    updated: str | None = None
    language: str | None = None
    source_format: str = "text"  # text | markdown | html
    paragraphs: list[Span] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list)

    @property
    def id(self) -> str:
        """Content hash: the same text is the same article, wherever it was found."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "url": self.url, "title": self.title,
            "title_span": _span_or_none(self.title_span), "authors": list(self.authors),
            "outlet": self.outlet, "published": self.published, "updated": self.updated,
            "language": self.language, "source_format": self.source_format, "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "links": [link.to_dict() for link in self.links],
            "signals": [s.to_dict() for s in self.signals],
            "metadata": self.metadata,
            "sentences": [s.to_dict() for s in self.sentences],
            "entities": [e.to_dict() for e in self.entities],
        } | ({"embeds": [e.to_dict() for e in self.embeds]} if self.embeds else {})  # absent when none: additive

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return cls(
            text=d["text"], url=d.get("url"), title=d.get("title"),
            title_span=Span.from_dict(d.get("title_span")), authors=list(d.get("authors", [])),
            outlet=d.get("outlet"), published=d.get("published"), updated=d.get("updated"),
            language=d.get("language"), source_format=d.get("source_format", "text"),
            paragraphs=[Span.from_dict(p) for p in d.get("paragraphs", [])],
            boilerplate=[Boilerplate(b["kind"], Span.from_dict(b["span"]), b.get("rule", ""))
                         for b in d.get("boilerplate", [])],
            links=[Link(Span.from_dict(x.get("span")), x["href"], x.get("rel", "")) for x in d.get("links", [])],
            signals=[Signal(s["kind"], s["value"], s.get("origin", "text"), Span.from_dict(s.get("span")),
                            s.get("date"), s.get("url")) for s in d.get("signals", [])],
            metadata=dict(d.get("metadata", {})),
            sentences=[Span.from_dict(s) for s in d.get("sentences", [])],
            entities=[Entity(e["label"], Span.from_dict(e["span"])) for e in d.get("entities", [])],
            embeds=[Embed.from_dict(e) for e in d.get("embeds", [])],
        )

    def body_text(self) -> str:
        """The body paragraphs joined by blank lines (what the NLP stage reads)."""
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(slots=True)
class Source:
    """One link of the publication chain (provenance), earliest first."""

    name: str
    kind: Literal["outlet", "person"] = "outlet"
    role: str = "origin"  # origin | republisher | syndicator | wire | interview | press release | report | ...
    date: str | None = None
    url: str | None = None
    journalist: str | None = None
    evidence: list[Span] = field(default_factory=list)
    signal: str = ""
    note: str | None = None  # e.g. why this link won over a disagreeing signal

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["evidence"] = [e.to_dict() for e in self.evidence]
        return d


@dataclass(slots=True)
class Speaker:
    """A real person or organisation quoted in the article (or an unresolved source, kept as such)."""

    id: str
    name: str
    kind: Literal["person", "organisation", "unresolved"] = "person"
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["mentions"] = [m.to_dict() for m in self.mentions]
        return d


@dataclass(slots=True)
class Quote:
    """A direct, indirect or mixed quotation with its cue and speaker."""

    id: str
    span: Span
    content: Span
    kind: Literal["direct", "indirect", "mixed"] = "direct"
    cue: Span | None = None
    cue_lemma: str | None = None
    speaker_mention: Span | None = None
    speaker_id: str | None = None
    venue: Span | None = None
    addressee: Span | None = None
    nested_source: Span | None = None
    confidence: float = 1.0
    inferred: bool = False
    type: Literal["speech", "writing", "evidence", "belief", "question"] = "speech"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}


@dataclass(slots=True)
class Claim:
    """A check-worthy statement and who asserts it."""

    id: str
    span: Span
    score: float
    asserter: dict[str, Any] = field(default_factory=lambda: {"kind": "outlet", "speaker_id": None, "name": None})
    hedges: list[str] = field(default_factory=list)
    negated: bool = False
    entities: list[dict[str, Any]] = field(default_factory=list)
    relation: dict[str, Any] | None = None
    checkworthy: bool = True  # False: kept below the threshold only because its figures can be checked

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}


@dataclass(slots=True)
class Check:
    """An automatic test of the numbers in a claim: an explanation, never an accusation."""

    id: str
    claim_id: str
    kind: str  # currency | arithmetic | percentage | multiple | weekday | future_date ...
    computation: str
    inputs: dict[str, Any] = field(default_factory=dict)
    expected: Any = None
    stated: Any = None
    verdict: Literal["consistent", "inconsistent", "unverifiable"] = "unverifiable"

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}


@dataclass(slots=True)
class Analysis:
    """Everything newstrace found in one article: the document the JSON output serialises."""

    article: Article
    provenance: list[Source] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "provenance": [s.to_dict() for s in self.provenance],
            "quotes": [q.to_dict() for q in self.quotes],
            "speakers": [s.to_dict() for s in self.speakers],
            "claims": [c.to_dict() for c in self.claims],
            "checks": [c.to_dict() for c in self.checks],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Analysis":
        def spans(x: dict[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
            return {k: (Span.from_dict(v) if k in names else v) for k, v in x.items()}

        quote_spans = ("span", "content", "cue", "speaker_mention", "venue", "addressee", "nested_source")
        return cls(
            article=Article.from_dict(d["article"]),
            provenance=[Source(**{**s, "evidence": [Span.from_dict(e) for e in s.get("evidence", [])]})
                        for s in d.get("provenance", [])],
            quotes=[Quote(**spans(q, quote_spans)) for q in d.get("quotes", [])],
            speakers=[Speaker(**{**s, "mentions": [Span.from_dict(m) for m in s.get("mentions", [])]})
                      for s in d.get("speakers", [])],
            claims=[Claim(**spans(c, ("span",))) for c in d.get("claims", [])],
            checks=[Check(**c) for c in d.get("checks", [])],
        )


def _span_or_none(span: Span | None) -> dict[str, Any] | None:
    return span.to_dict() if span else None


def _jsonable(value: Any) -> Any:
    """Spans (also inside lists and dicts) become their JSON objects; everything else is left as is."""
    if isinstance(value, Span):
        return value.to_dict()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value
