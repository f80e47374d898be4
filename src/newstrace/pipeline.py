"""The per-article pipeline: read → extract → NLP → quotes → claims → checks → provenance.

Each stage is a function of the article (and the parsed ``Doc``) that returns model objects;
this module only wires them together.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from newstrace.checks import run_checks
from newstrace.claims import find_claims
from newstrace.claims.checkworthiness import load_model as load_checkworthiness
from newstrace.errors import NewstraceError
from newstrace.extract import extract_article
from newstrace.model import Analysis, Article
from newstrace.nlp import BodyView, load_nlp, parse_articles
from newstrace import quotes as _quotes  # noqa: F401  (registers the newstrace_quotes component)
from newstrace.provenance import build_chain
from newstrace.quotes.types import TYPES
from newstrace.reading import RawDocument, ReadOptions, read_input
from newstrace.reading.inputs import expand_inputs, gunzip_if_needed


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
    articles = (extract_article(d, encoding=config.encoding, fmt=config.fmt) for d in docs)
    yield from analyze_articles(articles, config)


def analyze_articles(articles: Iterable[Article], config: AnalyzeConfig = AnalyzeConfig()) -> Iterator[Analysis]:
    nlp = pipeline_nlp()
    for article, doc, view in parse_articles(articles, nlp, batch_size=config.batch_size):
        yield run_stages(article, doc, view, config)


def pipeline_nlp() -> Language:
    """The spaCy pipeline with newstrace's components."""
    return load_nlp(NLP_COMPONENTS)


# spaCy components added to the model's pipeline, in order. The JSON keeps quotes of every type; the human
# views choose which to show (``quotes.types.DEFAULT_TYPES``).
NLP_COMPONENTS: tuple = (("newstrace_quotes", (("types", TYPES),)),)


def run_stages(article: Article, doc: Doc, view: BodyView, config: AnalyzeConfig = AnalyzeConfig()) -> Analysis:
    """The stages after parsing. Each later stage may read what the earlier ones found."""
    quotes = view.remap(doc._.quotes or [])
    speakers = view.remap(doc._.speakers or [])
    claims = find_claims(article, doc, view, quotes, speakers, model=load_checkworthiness(config.semantic))
    chain = build_chain(article, doc, view, quotes)
    return Analysis(article=article, provenance=chain, quotes=quotes, speakers=speakers, claims=claims,
                    checks=run_checks(article, claims, chain))


def analyze_inputs(specs: list[str], config: AnalyzeConfig = AnalyzeConfig()) -> Iterator[tuple[str, Analysis | NewstraceError]]:
    """Analyse many inputs one by one, yielding ``(name, analysis or error)``; a bad input does not stop the rest."""
    nlp = pipeline_nlp()
    for spec in expand_inputs(specs):
        try:
            article = extract_article(read_input(spec, config.read), encoding=config.encoding, fmt=config.fmt)
        except NewstraceError as err:
            yield spec, err
            continue
        for art, doc, view in parse_articles([article], nlp):
            yield spec, run_stages(art, doc, view, config)
