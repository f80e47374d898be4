"""The per-article pipeline: read → extract → NLP → quotes → claims → checks → provenance.

Each stage is a function of the article (and the parsed ``Doc``) that returns model objects;
this module only wires them together.
"""
from __future__ import annotations

import itertools
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from newstrace.errors import AnalysisCrashed, NewstraceError, NoArticleFound
from newstrace.model import QUOTE_TYPES, Analysis, Article
from newstrace.reading import RawDocument, ReadOptions, read_input
from newstrace.reading.decode import utf8_of
from newstrace.reading.document import apply_fields
from newstrace.reading.inputs import expand_inputs, gunzip_if_needed

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from newstrace.corpus.document import CorpusDocument
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
    return next(analyze_documents([document(data, url, content_type, name=name, config=config)], config))



def analyze_path(spec: str, config: AnalyzeConfig = AnalyzeConfig()) -> Analysis:
    """Analyse one file, URL or ``-`` (stdin)."""
    return next(analyze_documents([read_input(spec, config.read)], config))


def analyze_documents(docs: Iterable[RawDocument], config: AnalyzeConfig = AnalyzeConfig()) -> Iterator[Analysis]:
    articles = (_extract(d, config) for d in docs)
    yield from analyze_articles(articles, config)


def analyze_articles(articles: Iterable[Article], config: AnalyzeConfig = AnalyzeConfig()) -> Iterator[Analysis]:
    """Parse ``articles`` through one ``nlp.pipe`` and run the stages; the model loads with the first article."""
    return _analyses(articles, config, isolate=False)


def _analyses(articles: Iterable[Article], config: AnalyzeConfig, *,
              isolate: bool) -> Iterator[Analysis | AnalysisCrashed]:
    """One analysis per article, in order. With ``isolate`` an article that makes a stage fail gives an
    ``AnalysisCrashed`` in its place and the others go on (the parse is retried one article at a time)."""
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    nlp = pipeline_nlp()
    articles = itertools.chain([first], articles)
    if not isolate:
        for article, doc, view in _parse(articles, nlp, config):
            yield run_stages(article, doc, view, config)
        return
    for article, parsed in _parsed_isolated(articles, nlp, config):
        if isinstance(parsed, AnalysisCrashed):
            yield parsed
            continue
        try:
            yield run_stages(article, *parsed, config)
        except Exception as err:  # noqa: BLE001 - a bug in a stage: this article fails, the rest go on
            yield AnalysisCrashed.of(err, _name_of(article))


def _parse(articles: Iterable[Article], nlp: Language, config: AnalyzeConfig):
    from newstrace.nlp import parse_articles

    return parse_articles(articles, nlp, batch_size=config.batch_size)


def _parsed_isolated(articles: Iterator[Article], nlp: Language, config: AnalyzeConfig):
    """``(article, (doc, view) or AnalysisCrashed)`` in order. When the batched parse fails, the articles it had
    taken are parsed again one at a time (to find the one that fails) and the batch goes on with the rest."""
    taken: deque[Article] = deque()

    def recorded() -> Iterator[Article]:
        for article in articles:
            taken.append(article)
            yield article
    while True:
        try:
            for article, doc, view in _parse(recorded(), nlp, config):
                taken.popleft()
                yield article, (doc, view)
            return
        except Exception:  # noqa: BLE001 - found below, one article at a time
            if not taken:  # not an article's fault (nothing was being parsed)
                raise
        while taken:
            article = taken.popleft()
            try:
                _, doc, view = next(iter(_parse([article], nlp, config)))
            except Exception as err:  # noqa: BLE001
                yield article, AnalysisCrashed.of(err, _name_of(article))
                continue
            yield article, (doc, view)


def _name_of(article: Article) -> str | None:
    return article.metadata.get("input", {}).get("name") or article.url


def pipeline_nlp() -> Language:
    """The spaCy pipeline with newstrace's components."""
    from newstrace.nlp import load_nlp  # first: it imports spaCy without torch (nlp/lean.py)
    from newstrace import quotes as _quotes  # noqa: F401  (registers the newstrace_quotes component)

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
    input has been read and extracted. A feed or a JSONL file gives one result per item (named ``FILE#item3``,
    ``FILE#line2``). An input that makes a stage fail (a bug) is an ``AnalysisCrashed`` in its place.
    """
    read = (pair for spec in expand_inputs(specs) for pair in _articles_of(spec, config))
    yield from _in_order(read, config)


def analyze_raw(docs: Iterable[RawDocument], config: AnalyzeConfig = AnalyzeConfig()) -> Iterator[tuple[str, Analysis | NewstraceError]]:
    """``analyze_inputs`` for documents already in memory: ``(name, analysis or error)`` for each, in order."""
    yield from _in_order(((d.name, _extracted_or_error(d, config)) for d in docs), config)


def document(data: str | bytes, url: str | None = None, content_type: str | None = None, *,
             name: str = "<string>", config: AnalyzeConfig = AnalyzeConfig()) -> RawDocument:
    """What ``analyze`` reads: text as UTF-8, bytes unpacked if gzipped."""
    raw = utf8_of(data) if isinstance(data, str) else gunzip_if_needed(data, name, config.read)
    charset = "utf-8" if isinstance(data, str) else None
    return RawDocument(name=name, data=raw, url=url, content_type=content_type, charset=charset)


def is_container(spec: str) -> bool:
    """Whether ``spec`` is read as many articles by its name: a JSONL, WARC or feed file."""
    from newstrace.reading.inputs import FEED_SUFFIXES, RECORD_SUFFIXES, WARC_SUFFIXES

    return spec.lower().endswith(RECORD_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES)


def _in_order(read: Iterable[tuple[str, Article | NewstraceError]],
              config: AnalyzeConfig) -> Iterator[tuple[str, Analysis | NewstraceError]]:
    """Parse the articles of ``read`` together and give every name its analysis or error, in order."""
    outcomes: deque[tuple[str, NewstraceError | None]] = deque()  # read so far, in order; None: being parsed

    def articles() -> Iterator[Article]:
        for name, article in read:
            failed = isinstance(article, NewstraceError)
            outcomes.append((name, article if failed else None))
            if not failed:
                yield article
    for analysis in _analyses(articles(), config, isolate=True):
        while outcomes[0][1] is not None:  # inputs that failed before this article
            yield outcomes.popleft()
        yield outcomes.popleft()[0], analysis
    yield from outcomes  # only failures are left


def _extracted_or_error(raw: RawDocument, config: AnalyzeConfig) -> Article | NewstraceError:
    try:
        return _extract(raw, config)
    except NewstraceError as err:
        return err
    except Exception as err:  # noqa: BLE001 - a bug in an extractor: this input fails, the rest go on
        return AnalysisCrashed.of(err, raw.name)


def _articles_of(spec: str, config: AnalyzeConfig) -> Iterator[tuple[str, Article | NewstraceError]]:
    """``(name, article or error)`` for each record of ``spec`` as ``reading.records.records_in`` reads it (the one
    way in of ingest, dedup, batch and the web API): one for an article, one per item of a feed, line of a JSONL
    file or HTML response of a WARC file. An item that fails costs that item only."""
    from newstrace.reading.records import records_in

    try:
        for item in records_in(spec, config.read):
            if isinstance(item, NewstraceError):
                yield item.source or spec, item
                continue
            try:
                yield item.name, apply_fields(extract_item(item, config), item.fields)
            except NewstraceError as err:
                yield item.name, err
            except Exception as err:  # noqa: BLE001 - a bug in an extractor: this item fails, the rest go on
                yield item.name, AnalysisCrashed.of(err, item.name)
    except NewstraceError as err:
        yield spec, err
    except Exception as err:  # noqa: BLE001 - a bug in a reader: this input fails, the rest go on
        yield spec, AnalysisCrashed.of(err, spec)


def extract_item(doc: CorpusDocument, config: AnalyzeConfig) -> Article:
    """A feed item or JSONL record (for analyze and ingest alike); a feed teaser too short for HTML extraction is
    read as its plain text (UTF-8 made here, so no ``--encoding`` applies to it)."""
    from newstrace.extract import extract_article

    try:
        return _extract(doc.raw, config, fmt=config.fmt or doc.fmt)
    except NoArticleFound:
        if not doc.text_fallback:
            raise
        raw = RawDocument(doc.raw.name, utf8_of(doc.text_fallback), doc.raw.url, "text/plain", "utf-8")
        return extract_article(raw, fmt="text")


def _extract(raw: RawDocument, config: AnalyzeConfig, fmt: str | None = None) -> Article:
    from newstrace.extract import extract_article

    return extract_article(raw, encoding=config.encoding, fmt=fmt or config.fmt)
