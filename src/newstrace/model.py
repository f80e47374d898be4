"""The one data model shared by every stage, and its JSON form.

Every span is a character range into ``Article.text`` (Python ``str`` offsets). The classes here are the one
definition of the data: their JSON form (``to_dict``/``from_dict``), the JSON Schema
(``newstrace.schema.generate``), the store's columns (``newstrace.store.columns``) and the Parquet tables
(``newstrace.scale.tables``) are all derived from the field types below. Field ``metadata`` carries what a type
cannot say: ``json`` (the JSON name when it is a Python keyword), ``schema`` (extra JSON Schema keywords) and
``omit_empty`` (left out of the JSON when empty, so documents without it stay as they were).
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Union

SCHEMA_VERSION = "1.2"

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


def _schema(**keywords: Any) -> dict[str, Any]:
    return {"schema": keywords}


class Model:
    """What every class of the model shares: the JSON form, derived from the fields and their types.

    ``get`` and ``[]`` read a field by its JSON name, so code written against the earlier dict form of
    ``Claim.asserter``, ``Claim.relation`` and ``Check.inputs`` keeps working.
    """

    __slots__ = ()
    # Properties written into the JSON before the fields (name -> JSON Schema); read back from nothing.
    json_computed: ClassVar[dict[str, dict[str, Any]]] = {}

    def to_dict(self) -> dict[str, Any]:
        out = {name: to_json(getattr(self, name)) for name in self.json_computed}
        for name, key, omit_empty in _writers(type(self)):
            value = getattr(self, name)
            if not (omit_empty and not value):
                out[key] = to_json(value)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None):
        return None if d is None else from_json(cls, d)

    def get(self, key: str, default: Any = None) -> Any:
        name = _field_names(type(self)).get(key)
        return default if name is None else getattr(self, name)

    def __getitem__(self, key: str) -> Any:
        if key not in _field_names(type(self)):
            raise KeyError(key)
        return getattr(self, _field_names(type(self))[key])


@dataclass(frozen=True, slots=True)
class Span(Model):
    """A range of ``Article.text``; ``text`` is always ``article.text[start:end]``."""

    start: int = field(metadata=_schema(minimum=0))
    end: int = field(metadata=_schema(minimum=0))
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:  # the hot path: spans are most of a document
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
class Boilerplate(Model):
    """Text set aside from the body, with the reason it was set aside."""

    kind: BoilerplateKind
    span: Span
    rule: str = ""  # which pattern recognised it, so a person can see why


@dataclass(frozen=True, slots=True)
class Link(Model):
    """A hyperlink kept from HTML or Markdown: the anchor text's span and its target."""

    span: Span | None
    href: str
    rel: str = ""


@dataclass(frozen=True, slots=True)
class Embed(Model):
    """A post embedded in the page (a tweet, an Instagram or Facebook post, a TikTok or YouTube video).

    ``span`` is the post's own words in ``Article.text``, outside the body paragraphs; ``None`` when the
    embed carries no text (a video player).
    """

    platform: Literal["twitter", "instagram", "facebook", "tiktok", "youtube", "bluesky"]
    span: Span | None
    url: str | None = None
    handle: str | None = None  # "@name" as the platform writes it
    display_name: str | None = None
    date: str | None = None  # ISO 8601
    rule: str = ""  # which markup said it is an embed


@dataclass(frozen=True, slots=True)
class Signal(Model):
    """A raw provenance hint found while extracting (a source line, a canonical link, a wire dateline).

    ``origin`` is ``text`` (then ``span`` points at the evidence) or ``meta`` (page metadata, no span).
    """

    kind: str  # e.g. "canonical", "original-source", "is_based_on", "republished_from", "wire_dateline"
    value: str
    origin: Literal["text", "meta"] = "text"
    span: Span | None = None
    date: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Entity(Model):
    """A named-entity mention found by the NLP stage."""

    label: str
    span: Span


@dataclass(slots=True)
class Article(Model):
    """The article: clean body text and what is known about it."""

    json_computed: ClassVar[dict[str, dict[str, Any]]] = {
        "id": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "sha256 of text"}}

    text: str
    url: str | None = None
    title: str | None = None
    title_span: Span | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = field(default=None, metadata=_schema(description="ISO 8601 date or date-time"))
    updated: str | None = None
    language: str | None = None
    source_format: Literal["text", "markdown", "html"] = "text"
    paragraphs: list[Span] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    embeds: list[Embed] = field(default_factory=list, metadata={
        "omit_empty": True, **_schema(description="posts embedded in the page; absent when there are none")})

    @property
    def id(self) -> str:
        """Content hash: the same text is the same article, wherever it was found."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        # Key order as in every earlier version: id, then the fields (text after source_format).
        d = Model.to_dict(self)
        return {k: d[k] for k in _ARTICLE_ORDER if k in d}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return from_json(cls, {k: v for k, v in d.items() if k != "id"})

    def body_text(self) -> str:
        """The body paragraphs joined by blank lines (what the NLP stage reads)."""
        return "\n\n".join(p.text for p in self.paragraphs)


_ARTICLE_ORDER = ("id", "url", "title", "title_span", "authors", "outlet", "published", "updated", "language",
                  "source_format", "text", "paragraphs", "boilerplate", "links", "signals", "metadata", "sentences",
                  "entities", "embeds")


@dataclass(slots=True)
class Source(Model):
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


@dataclass(slots=True)
class Speaker(Model):
    """A real person or organisation quoted in the article (or an unresolved source, kept as such)."""

    id: str
    name: str
    kind: Literal["person", "organisation", "unresolved"] = "person"
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)


QuoteType = Literal["speech", "writing", "evidence", "belief", "question"]


@dataclass(slots=True)
class Quote(Model):
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
    confidence: float = field(default=1.0, metadata=_schema(minimum=0, maximum=1))
    inferred: bool = False
    type: QuoteType = field(default="speech", metadata=_schema(description=(
        "what act is reported: speech and writing are 'X said Y'; evidence is what a document, study, poll or "
        "court shows; belief and question are kept but left out of the default views")))


@dataclass(slots=True)
class Asserter(Model):
    """Who asserts a claim: a quoted speaker (``via`` the quote or "according to X") or the outlet itself."""

    kind: Literal["outlet", "speaker"] = "outlet"
    speaker_id: str | None = None
    name: str | None = None
    via: Literal["quote", "according_to", "article"] = "article"
    quote_id: str | None = None
    mention: Span | None = None  # X of "according to X"
    journalists: list[str] = field(default_factory=list)  # the outlet's bylines, when the outlet asserts it


@dataclass(slots=True)
class ClaimEntity(Model):
    """An entity a claim is about: the canonical entity (``entity_id``) and its mention inside the claim."""

    entity_id: str
    name: str
    label: str
    mention: Span


@dataclass(slots=True)
class Amount(Model):
    """A figure in the text: money (``currency``) or a count (``unit`` is what is counted)."""

    value: float
    currency: str | None
    unit: str | None
    text: str
    span: Span
    qualifier: str | None = None  # approx | more_than | less_than | ...
    high: float | None = None  # the top of a range ("$2-3 million")


@dataclass(slots=True)
class RelationPart(Model):
    """One argument of a relation: its words, and the canonical entity or the verb's lemma when known."""

    text: str
    span: Span
    entity_id: str | None = None
    lemma: str | None = None


@dataclass(slots=True)
class Relation(Model):
    """The relation a claim states: a payment, a transfer, a presence or a count (see ``claims/relations.py``)."""

    type: Literal["payment", "transfer", "presence", "count"]
    subject: RelationPart | None = None
    predicate: RelationPart | None = None
    object: RelationPart | None = None
    amount: Amount | None = None
    date: RelationPart | None = None
    origin: RelationPart | None = None
    route: RelationPart | None = None
    destination: RelationPart | None = None
    location: RelationPart | None = None


@dataclass(slots=True)
class Claim(Model):
    """A check-worthy statement and who asserts it."""

    id: str
    span: Span
    score: float = field(metadata=_schema(minimum=0, maximum=1))
    asserter: Asserter = field(default_factory=Asserter)
    hedges: list[str] = field(default_factory=list)
    negated: bool = False
    entities: list[ClaimEntity] = field(default_factory=list)
    relation: Relation | None = None
    checkworthy: bool = True  # False: kept below the threshold only because its figures can be checked

    def __post_init__(self) -> None:
        # Stages build these from dicts; the model keeps the typed form.
        if isinstance(self.asserter, dict):
            self.asserter = Asserter.from_dict(self.asserter)
        if isinstance(self.relation, dict):
            self.relation = Relation.from_dict(self.relation)
        self.entities = [ClaimEntity.from_dict(e) if isinstance(e, dict) else e for e in self.entities]


@dataclass(slots=True)
class CurrencyInputs(Model):
    """A conversion checked against the IMF annual averages; only ``amount`` and ``stated`` when not checked."""

    amount: Amount
    stated: Amount
    rate_source: str | None = None
    rate_year: int | None = None
    year_from: str | None = None  # why that year
    reference_year: int | None = None
    rates: dict[str, float] | None = None  # currency -> units per US dollar
    ratio: float | None = None
    tolerance: float | None = None
    implied_rate: float | None = None
    implied_unit: str | None = None
    years_tried: list[int] | None = None


@dataclass(slots=True)
class ArithmeticInputs(Model):
    """Parts that should add up to a total."""

    total: float
    parts: list[float]
    subset_wording: bool  # "including", "among them": the parts may fall short of the total
    full_breakdown: bool  # ":", "of whom": the parts should make the total


@dataclass(slots=True)
class PercentageInputs(Model):
    part: float
    whole: float
    tolerance_points: float


@dataclass(slots=True)
class MultipleInputs(Model):
    """A stated factor ("doubled from 40 to 95")."""

    from_: float = field(metadata={"json": "from"})
    to: float
    factor: float
    hedge: str | None
    ratio: float


@dataclass(slots=True)
class WeekdayInputs(Model):
    date: str | None = None  # None: the day and month make no date
    year_from: str | None = None


@dataclass(slots=True)
class FutureDateInputs(Model):
    date: str
    published: str


CheckInputs = Union[CurrencyInputs, ArithmeticInputs, PercentageInputs, MultipleInputs, WeekdayInputs,
                    FutureDateInputs]
CHECK_INPUTS: dict[str, type] = {"currency": CurrencyInputs, "arithmetic": ArithmeticInputs,
                                 "percentage": PercentageInputs, "multiple": MultipleInputs,
                                 "weekday": WeekdayInputs, "future_date": FutureDateInputs}


@dataclass(slots=True)
class Check(Model):
    """An automatic test of the numbers in a claim: an explanation, never an accusation.

    ``inputs`` has the type ``CHECK_INPUTS[kind]``.
    """

    id: str
    claim_id: str
    kind: Literal["currency", "arithmetic", "percentage", "multiple", "weekday", "future_date"]
    computation: str
    inputs: CheckInputs | None = None
    expected: Any = None
    stated: Any = None
    verdict: Literal["consistent", "inconsistent", "unverifiable"] = "unverifiable"

    def __post_init__(self) -> None:
        if isinstance(self.inputs, dict):
            if self.kind not in CHECK_INPUTS:
                raise ValueError(f"check kind {self.kind!r} has no inputs type: add one to newstrace.model")
            self.inputs = CHECK_INPUTS[self.kind].from_dict(self.inputs)


@dataclass(slots=True)
class Analysis(Model):
    """Everything newstrace found in one article: the document the JSON output serialises."""

    json_computed: ClassVar[dict[str, dict[str, Any]]] = {"schema_version": {"const": SCHEMA_VERSION}}

    article: Article
    provenance: list[Source] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    speakers: list[Speaker] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)

    @property
    def schema_version(self) -> str:
        return SCHEMA_VERSION

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Analysis":
        """Read a document of this or an earlier schema version (fields added since take their defaults).

        A document whose quotes, speakers, claims or checks repeat an id is refused (ValueError): every other part
        and the store refer to them by it."""
        analysis = from_json(cls, {k: v for k, v in d.items() if k != "schema_version"})
        for name in ("quotes", "speakers", "claims", "checks"):
            ids = [item.id for item in getattr(analysis, name)]
            if len(ids) != len(set(ids)):
                raise ValueError(f"two {name} share the id {next(i for i in ids if ids.count(i) > 1)!r}")
        return analysis


# The JSON form, derived from the fields' types.

def to_json(value: Any) -> Any:
    """The JSON value of a model object, list or dict of them; everything else is left as is."""
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value


def from_json(cls: type, d: dict[str, Any]) -> Any:
    """Build ``cls`` from its JSON object; absent fields take their defaults, unknown ones are an error."""
    if isinstance(d, cls):
        return d
    if not isinstance(d, dict):
        raise TypeError(f"{cls.__name__} is read from a JSON object, not {type(d).__name__} {d!r}")
    readers = _readers(cls)
    try:
        return cls(**{readers[key][0]: readers[key][1](value) for key, value in d.items()})
    except KeyError:
        unknown = sorted(set(d) - set(readers))
        if not unknown:
            raise
        raise ValueError(f"{cls.__name__} has no field {', '.join(unknown)}") from None


@functools.cache
def _writers(cls: type) -> tuple[tuple[str, str, bool], ...]:
    """(field name, JSON name, left out when empty) of each field."""
    return tuple((f.name, f.metadata.get("json", f.name), bool(f.metadata.get("omit_empty")))
                 for f in dataclasses.fields(cls))


@functools.cache
def _readers(cls: type) -> dict[str, tuple[str, Any]]:
    """JSON name -> (field name, the function that reads its value)."""
    hints = type_hints(cls)
    return {f.metadata.get("json", f.name): (f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)}


@functools.cache
def type_hints(cls: type) -> dict[str, Any]:
    """The resolved field types of a model class (the annotations are strings here)."""
    return typing.get_type_hints(cls)


def type_choices(hint: Any) -> list[Any]:
    """The types a field may hold besides None: ``[X]`` for ``X | None`` and for ``X``, ``[X, Y]`` for ``X | Y``."""
    return [a for a in typing.get_args(hint) if a is not type(None)] if _is_union(hint) else [hint]


def model_class(hint: Any) -> type | None:
    """The model class ``hint`` names, also inside ``X | None``; None for anything else."""
    args = type_choices(hint)
    if len(args) == 1 and isinstance(args[0], type) and issubclass(args[0], Model):
        return args[0]
    return None


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (Union, types.UnionType)


def _keep(value: Any) -> Any:
    return value


@functools.cache
def _decoder(hint: Any):
    """The function that reads a JSON value of type ``hint`` (model classes from their objects)."""
    cls = model_class(hint)
    if cls is not None:
        return lambda value: value if value is None or isinstance(value, cls) else cls.from_dict(value)
    if typing.get_origin(hint) is list:
        item = _decoder(typing.get_args(hint)[0])
        return _keep if item is _keep else (lambda value: None if value is None else [item(v) for v in value])
    if _is_union(hint):  # list[int] | None, or a union of model classes that its owner resolves (Check.inputs)
        lists = [a for a in typing.get_args(hint) if typing.get_origin(a) is list]
        return _decoder(lists[0]) if lists else _keep
    return _keep


@functools.cache
def _field_names(cls: type) -> dict[str, str]:
    """JSON name -> field name."""
    return {f.metadata.get("json", f.name): f.name for f in dataclasses.fields(cls)}
