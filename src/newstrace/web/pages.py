"""Server-rendered pages (jinja2 templates shipped in the package). The article view is the report's own."""
from __future__ import annotations

from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from newstrace.errors import NotInStore
from newstrace.report.article_html import article_section
from newstrace.report.corpus_html import edges_table, origins_list, outlets_table
from newstrace.report.graph import graph_svg
from newstrace.report import for_display, parse_types
from newstrace.report.html import render_html
from newstrace.web.analyse import Pasted
from newstrace.web.data import SEARCH_KINDS
from newstrace.web.security import CSRF_COOKIE, check_token, new_browser_id

router = APIRouter(include_in_schema=False)
CORROBORATE_ON_VIEW = 5000  # as corpus_data.corroboration_summaries
TOP_CLAIMS_LISTED = 10  # "who else says so" on the article page: the top claims, then "and N more"
env = Environment(loader=PackageLoader("newstrace.web", "templates"), autoescape=select_autoescape(default=True),
                  trim_blocks=True, lstrip_blocks=True)
env.filters["u"] = lambda value: quote(str(value), safe="")


def page(request: Request | None, template: str, status: int = 200, **context) -> HTMLResponse:
    """Render ``template``; the page's forms carry a CSRF token bound to the browser's cookie (set when new)."""
    settings = request.app.state.settings if request else None
    browser = request.cookies.get(CSRF_COOKIE) if request else None
    fresh = request is not None and not _plausible_id(browser)
    if fresh:
        browser = new_browser_id()
    csrf = request.app.state.form_tokens.token(browser) if request else ""
    html = env.get_template(template).render(needs_token=bool(settings and settings.token), csrf=csrf, **context)
    response = HTMLResponse(html, status_code=status)
    if fresh:
        response.set_cookie(CSRF_COOKIE, browser, httponly=True, samesite="lax", path="/")
    return response


def _plausible_id(value: str | None) -> bool:
    return bool(value) and 16 <= len(value) <= 64 and value.replace("-", "").replace("_", "").isalnum()


def error_page(status: int, message: str) -> str:
    return env.get_template("error.html").render(status=status, message=message, needs_token=False)


def outlet_link(name: str) -> str:
    return "/outlets/" + quote(name, safe="")


def corpus(request: Request):
    return request.app.state.corpus


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return page(request, "home.html", stats=corpus(request).stats(), recent=corpus(request).articles(limit=10))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=500), kind: str = "all"):
    kinds = [kind] if kind in SEARCH_KINDS else list(SEARCH_KINDS)
    results = {k: corpus(request).search(q, k, limit=50) for k in kinds} if q.strip() else {}
    return page(request, "search.html", q=q, kind=kind, kinds=SEARCH_KINDS, results=results)


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, outlet: str | None = None, page_number: int = Query(1, alias="page", ge=1)):
    size = request.app.state.settings.page_size
    rows = corpus(request).articles(outlet=outlet, limit=size + 1, offset=(page_number - 1) * size)
    return page(request, "articles.html", articles=rows[:size], outlet=outlet, page=page_number,
                more=len(rows) > size)


def _shown(analysis, types: str | None):
    """The analysis with the quote types asked for (speech and writing unless ``?types=`` says otherwise)."""
    try:
        return for_display(analysis, parse_types(types))
    except ValueError as err:
        raise HTTPException(status_code=400, detail=str(err)) from None


def _origins(request: Request, article_id: str) -> dict[str, dict] | None:
    """Claim id → its corroboration in the store, for the article's summary; None (not counted) in a store of more
    than ``CORROBORATE_ON_VIEW`` claims, where the index built per view would make the page slow."""
    if corpus(request).stats()["claims"] > CORROBORATE_ON_VIEW:
        return None
    found = corpus(request).corroboration(article=article_id, semantic=request.app.state.settings.semantic)
    return {c["claim"]["key"].rpartition(":")[2]: c for c in found}


@router.get("/articles/{ref}/report.html")
def article_report(request: Request, ref: str, types: str | None = None):
    analysis = _shown(corpus(request).analysis(ref), types)
    name = (analysis.article.id[:12] or "article") + ".html"
    origins = _origins(request, analysis.article.id)
    return Response(render_html(analysis, origins=origins), media_type="text/html; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/articles/{ref}", response_class=HTMLResponse)
def article(request: Request, ref: str, types: str | None = None):
    story = corpus(request).story(ref)
    analysis = _shown(corpus(request).analysis(story["article"]["id"]), types)

    def stored(url: str | None) -> str | None:
        found = corpus(request).stored_article_for(url)
        return f"/articles/{found}" if found and found != analysis.article.id else None

    origins = _origins(request, analysis.article.id)
    body = Markup(article_section(analysis, source_link=stored, origins=origins))
    ranked = sorted(analysis.claims, key=lambda c: -c.score)
    return page(request, "article.html", body=body, story=story, analysis=analysis, claims=ranked[:TOP_CLAIMS_LISTED],
                more_claims=max(0, len(ranked) - TOP_CLAIMS_LISTED), origins=origins)


@router.get("/speakers", response_class=HTMLResponse)
def speakers(request: Request, outlet: str | None = None):
    return page(request, "speakers.html", speakers=corpus(request).speakers(outlet=outlet), outlet=outlet)


@router.get("/speakers/{key:path}", response_class=HTMLResponse)
def speaker(request: Request, key: str):
    found = corpus(request).speaker(key)
    if not found:
        raise NotInStore(f"no speaker {key!r} in the store")
    return page(request, "speaker.html", s=found)


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request):
    return page(request, "outlets.html", table=Markup(outlets_table(corpus(request).outlets(), outlet_link)))


@router.get("/outlets/{name:path}", response_class=HTMLResponse)
def outlet(request: Request, name: str):
    rows = corpus(request).articles(outlet=name, limit=500)
    if not rows:
        raise NotInStore(f"no articles from outlet {name!r} in the store")
    return page(request, "outlet.html", name=name, articles=rows, speakers=corpus(request).speakers(outlet=name))


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request):
    edges = corpus(request).edges()
    sizes = {o["outlet"]: o["articles"] for o in corpus(request).outlets()}
    return page(request, "graph.html", svg=Markup(graph_svg(edges, link=outlet_link, sizes=sizes)),
                table=Markup(edges_table(edges)))


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, about: str = "", checks: str = ""):
    checks = checks if checks in ("inconsistent", "consistent", "unverifiable") else ""
    rows = corpus(request).claims(about=about, checks=checks)
    summaries = corpus(request).corroboration_summaries([f"{c['article_id']}:{c['claim_id']}" for c in rows],
                                                        semantic=request.app.state.settings.semantic)
    return page(request, "claims.html", claims=rows, about=about, checks=checks, summaries=summaries)


@router.get("/claims/{key:path}", response_class=HTMLResponse)
def claim(request: Request, key: str):
    found = corpus(request).corroboration(claim=key, semantic=request.app.state.settings.semantic)
    return page(request, "claim.html", c=found[0], origins=Markup(origins_list(found, claim_href)),
                article_href=claim_href(found[0]["claim"]["key"]))


def claim_href(key: str) -> str:
    article_id, _, local = key.rpartition(":")
    return f"/articles/{article_id}#claim-{quote(local, safe='')}"


@router.get("/analyze", response_class=HTMLResponse)
def analyse_form(request: Request):
    return page(request, "analyze.html", text="", url="")


@router.post("/analyze")
def analyse(request: Request, text: str = Form(""), url: str = Form(""), token: str = Form(""),
            input_format: str = Form(""), csrf: str = Form("")):
    request.app.state.form_tokens.check(request.cookies.get(CSRF_COOKIE), csrf)
    check_token(request.app.state.settings, request, token)
    fmt = input_format if input_format in ("html", "markdown", "text") else None
    saved = request.app.state.analyser.submit(Pasted(text, url, fmt))
    return RedirectResponse(f"/articles/{saved.article_id}", status_code=303)


@router.get("/api", response_class=HTMLResponse)
def api_index(request: Request):
    spec = request.app.openapi()
    routes = [(method.upper(), path, op.get("summary", "")) for path, ops in spec["paths"].items()
              for method, op in ops.items()]
    return page(request, "api.html", routes=routes)
