"""The per-article pipeline: read → extract → NLP → quotes → claims → checks → provenance.

Each stage is a function of the article (and the parsed ``Doc``) that returns model objects;
this module only wires them together.
"""
from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from newstrace.errors import NewstraceError
from newstrace.model import QUOTE_TYPES, Analysis, Article
from newstrace.reading import RawDocument, ReadOptions, read_input
from newstrace.reading.inputs import expand_inputs, gunzip_if_needed

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newstrace.nlp import BodyView

# The stages import spaCy, scikit-learn and trafilatura (seconds): each function below imports the ones it
# runs, so that importing this module (the CLI, the web app, ``newstrace.AnalyzeConfig``) costs nothing and a
# bad input is reported before any model loads.


@dataclass(frozen=True, slots=True)
class AnalyzeConfig:
    """How to analyse: reading limits, forced encoding or format, NLP batch size."""

    read: ReadOptions = ReadOptions()
    encoding: str | None = None
    fmt: str | None = None  # html | markdown | text; None = sniff
    batch_size: int = 16
    # Check-worthiness with MiniLM embeddings (more accurate, about 10x the cost of the parse on a CPU):
    # None = whenever the [semantic] extra is installed; False = the lexical model only.
    semantic: bool | None = None


def analyze(data: str | bytes, url: str | None = None, content_type: str | None = None, *,
            name: str = "<string>", config: AnalyzeConfig = AnalyzeConfig()) -> Analysis:
    """Analyse one article given as text or bytes (HTML, Markdown or plain text)."""
    raw = data.encode("utf-8") if isinstance(data, str) else gunzip_if_needed(data, name, config.read)
    charset = "utf-8" if isinstance(data, str) else None
    doc = RawDocument(name=name, data=raw, url=url, content_type=content_type, charset=charset)
    return next(analyze_documents([doc], config))


def analyze_path(spec: str, config: AnalyzeConfig = AnalyzeConfig()) -> Analysis:
    """Analyse one file, URL or ``-`` (stdin)."""
    return next(analyze_documents([read_input(spec, config.read)], config))


def analyze_documents(docs: Iterable[RawDocument], config: AnalyzeConfig = AnalyzeConfig()) -> Iterator[Analysis]:
    articles = (_extract(d, config) for d in docs)
    yield from analyze_articles(articles, config)


def analyze_articles(articles: Iterable[Article], config: AnalyzeConfig = AnalyzeConfig()) -> Iterator[Analysis]:
    """Parse ``articles`` through one ``nlp.pipe`` and run the stages; the model loads with the first article."""
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    from newstrace.nlp import parse_articles

    parsed = parse_articles(itertools.chain([first], articles), pipeline_nlp(), batch_size=config.batch_size)
    for article, doc, view in parsed:
        yield run_stages(article, doc, view, config)


def pipeline_nlp() -> Language:
    """The spaCy pipeline with newstrace's components."""
    from newstrace import quotes as _quotes  # noqa: F401  (registers the newstrace_quotes component)
    from newstrace.nlp import load_nlp

    return load_nlp(NLP_COMPONENTS)


# spaCy components added to the model's pipeline, in order. The JSON keeps quotes of every type; the human
# views choose which to show (``quotes.types.DEFAULT_TYPES``).
NLP_COMPONENTS: tuple = (("newstrace_quotes", (("types", QUOTE_TYPES),)),)


def run_stages(article: Article, doc: Doc, view: BodyView, config: AnalyzeConfig = AnalyzeConfig()) -> Analysis:
    """The stages after parsing. Each later stage may read what the earlier ones found."""
    from newstrace.checks import run_checks
    from newstrace.claims import find_claims
    from newstrace.claims.checkworthiness import load_model as load_checkworthiness
    from newstrace.provenance import build_chain
    from newstrace.quotes.embeds import with_embeds

    quotes, speakers = with_embeds(article, view.remap(doc._.quotes or []), view.remap(doc._.speakers or []))
    claims = find_claims(article, doc, view, quotes, speakers, model=load_checkworthiness(config.semantic))
    chain = build_chain(article, doc, view, quotes)
    return Analysis(article=article, provenance=chain, quotes=quotes, speakers=speakers, claims=claims,
                    checks=run_checks(article, claims, chain))


def analyze_inputs(specs: list[str], config: AnalyzeConfig = AnalyzeConfig()) -> Iterator[tuple[str, Analysis | NewstraceError]]:
    """Analyse many inputs, yielding ``(name, analysis or error)`` in input order; a bad input does not stop the rest.

    All inputs go through one ``nlp.pipe`` (``config.batch_size`` at a time); the model loads only once an
    input has been read and extracted.
    """
    outcomes: deque[tuple[str, NewstraceError | None]] = deque()  # read so far, in order; None: being parsed
    for analysis in analyze_articles(_read_articles(specs, config, outcomes), config):
        while outcomes[0][1] is not None:  # inputs that failed before this article
            yield outcomes.popleft()
        yield outcomes.popleft()[0], analysis
    yield from outcomes  # only failures are left


def _read_articles(specs: list[str], config: AnalyzeConfig,
                   outcomes: deque[tuple[str, NewstraceError | None]]) -> Iterator[Article]:
    """Read and extract each input, noting in ``outcomes`` which failed (with the error) and which were yielded."""
    for spec in expand_inputs(specs):
        try:
            article = _extract(read_input(spec, config.read), config)
        except NewstraceError as err:
            outcomes.append((spec, err))
            continue
        outcomes.append((spec, None))
        yield article


def _extract(raw: RawDocument, config: AnalyzeConfig) -> Article:
    from newstrace.extract import extract_article

    return extract_article(raw, encoding=config.encoding, fmt=config.fmt)
