"""The FastAPI application: JSON API under /api (OpenAPI at /openapi.json), pages elsewhere, assets bundled."""
from __future__ import annotations

import contextlib
from importlib.resources import files

from fastapi import FastAPI, Request
from fastapi.responses import Response

from newstrace import __version__
from newstrace.report.page import asset
from newstrace.web import api, errors, pages
from newstrace.web.analyse import Analyser
from newstrace.web.data import Corpus
from newstrace.web.security import FormTokens, Guard
from newstrace.web.settings import WebSettings, check_settings

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "form-action 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'")
STATIC = {"report.css": "text/css", "report.js": "text/javascript", "app.js": "text/javascript"}


def create_app(settings: WebSettings) -> FastAPI:
    """The app over the store ``settings.db`` (created or migrated now)."""
    check_settings(settings)
    corpus = Corpus(settings.db)
    analyser = Analyser(corpus, settings)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        analyser.warm()  # the analysis worker loads spaCy while the server starts answering
        yield
        analyser.close()

    app = FastAPI(title="newstrace", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Who said what, where it came from, and who else says so: the store, over HTTP. "
                              "Writes (analyse, ingest) need a Bearer token when the server has one.")
    app.state.settings = settings
    app.state.corpus, app.state.analyser = corpus, analyser
    app.state.form_tokens = FormTokens()
    app.include_router(api.router)
    app.include_router(pages.router)
    errors.install(app, pages.error_page)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in STATIC:
            return Response("not found", status_code=404, media_type="text/plain")
        text = asset(name) if name.startswith("report.") else _web_asset(name)
        return Response(text, media_type=STATIC[name], headers={"Cache-Control": "max-age=3600"})

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" even for our own
        # forms, and the write guard must refuse null. Links to other sites still get no Referer.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        return response

    app.add_middleware(Guard, settings=settings)
    return app


def _web_asset(name: str) -> str:
    return files("newstrace.web").joinpath("static", name).read_text(encoding="utf-8")
