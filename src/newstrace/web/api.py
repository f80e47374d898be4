"""The JSON API. Reads are open; writes (analyse, ingest) need the token when the server has one."""
from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from newstrace.errors import NotInStore
from newstrace.report import parse_types
from newstrace.web.analyse import AnalysisRefused, Pasted
from newstrace.web.data import SEARCH_KINDS
from newstrace.web.security import check_token

router = APIRouter(prefix="/api", tags=["api"])
Kind = Literal["articles", "speakers", "quotes", "claims"]


def corpus(request: Request):
    return request.app.state.corpus


class AnalyseRequest(BaseModel):
    text: str = Field("", description="The article: HTML, Markdown or plain text. Empty: fetch `url`.")
    url: str = Field("", description="Where the article lives (fetched when `text` is empty).")
    format: Literal["html", "markdown", "text"] | None = Field(None, description="Input format; default: guess.")


class IngestDocument(BaseModel):
    url: str | None = None
    html: str | None = None
    text: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    authors: list[str] | None = None


class IngestRequest(BaseModel):
    documents: list[IngestDocument]


@router.get("/stats", summary="How much the store holds")
def stats(request: Request) -> dict[str, int]:
    return corpus(request).stats()


@router.get("/search", summary="Full-text search over articles, speakers, quotes or claims")
def search(request: Request, q: str = Query(..., max_length=500), kind: Kind | None = None,
           limit: int = Query(20, ge=1, le=200)) -> dict[str, list[dict[str, Any]]]:
    kinds = [kind] if kind else list(SEARCH_KINDS)
    return {k: corpus(request).search(q, k, limit=limit) for k in kinds}


@router.get("/articles", summary="Stored articles, newest first")
def articles(request: Request, outlet: str | None = None, limit: int = Query(50, ge=1, le=500),
             offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
    return corpus(request).articles(outlet=outlet, limit=limit, offset=offset)


@router.get("/articles/{ref:path}", summary="One article's analysis (schema 1.0) with versions and copies")
def article(request: Request, ref: str) -> dict[str, Any]:
    return corpus(request).story(ref)


@router.get("/speakers", summary="Who is quoted, how often, where")
def speakers(request: Request, outlet: str | None = None, limit: int = Query(200, ge=1, le=5000)) -> list[dict]:
    return corpus(request).speakers(outlet=outlet, limit=limit)


@router.get("/speakers/{key:path}", summary="One speaker across the corpus, with their quotes")
def speaker(request: Request, key: str) -> dict[str, Any]:
    found = corpus(request).speaker(key)
    if not found:
        raise NotInStore(f"no speaker {key!r} in the store")
    return found


@router.get("/quotes", summary="Quotes by speaker, about an entity, or by outlet")
def quotes(request: Request, speaker: str | None = None, about: str | None = None, outlet: str | None = None,
           limit: int = Query(100, ge=1, le=1000),
           types: str | None = Query(None, description="comma-separated quote types, or 'all' "
                                                       "(default: speech,writing)")) -> list[dict[str, Any]]:
    try:
        wanted = parse_types(types)
    except ValueError as err:
        raise HTTPException(status_code=400, detail=str(err)) from None
    return corpus(request).quotes(speaker=speaker, about=about, outlet=outlet, limit=limit, types=wanted)


@router.get("/outlets", summary="Outlets: articles, originals, republished, sources credited")
def outlets(request: Request) -> list[dict[str, Any]]:
    return corpus(request).outlets()


@router.get("/graph", summary="The republication graph: outlet → outlet edges with evidence")
def graph(request: Request) -> dict[str, Any]:
    edges = corpus(request).edges()
    nodes = sorted({e.source for e in edges} | {e.target for e in edges})
    return {"nodes": nodes, "edges": [e.to_dict() for e in edges]}


@router.get("/claims", summary="Check-worthy claims, best first")
def claims(request: Request, about: str | None = None,
           checks: Literal["inconsistent", "consistent", "unverifiable"] | None = None,
           limit: int = Query(100, ge=1, le=1000)) -> list[dict[str, Any]]:
    return corpus(request).claims(about=about, checks=checks, limit=limit)


@router.get("/claims/{key:path}/corroboration", summary="Independent origins supporting / contradicting a claim")
def corroboration(request: Request, key: str) -> dict[str, Any]:
    settings = request.app.state.settings
    found = corpus(request).corroboration(claim=key, semantic=settings.semantic)
    return found[0]


@router.post("/analyze", summary="Analyse an article (text or URL) and store it", status_code=201)
def analyse(request: Request, body: AnalyseRequest) -> dict[str, Any]:
    check_token(request.app.state.settings, request)
    saved = request.app.state.analyser.submit(Pasted(body.text, body.url, body.format))
    return {"article_id": saved.article_id, "outcome": saved.outcome, "version": saved.version,
            "locator": saved.locator, "page": f"/articles/{saved.article_id}",
            "api": f"/api/articles/{saved.article_id}"}


@router.post("/ingest", summary="Analyse and store a batch of documents (JSONL records as a list)")
def ingest(request: Request, body: IngestRequest) -> dict[str, Any]:
    settings = request.app.state.settings
    check_token(settings, request)
    if not body.documents:
        raise AnalysisRefused("no documents to ingest")
    if len(body.documents) > settings.max_ingest_documents:
        raise AnalysisRefused(f"at most {settings.max_ingest_documents} documents per request", status=413)
    from newstrace.web.ingest import ingest_records

    report = ingest_records(request.app.state, [d.model_dump(exclude_none=True) for d in body.documents])
    return {"summary": report.summary(), "counts": dict(report.counts),
            "failures": [str(f) for f in report.failures]}
