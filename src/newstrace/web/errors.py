"""Every failure becomes a clean answer: JSON ``{"error", "status"}`` under /api, a small page elsewhere.
Tracebacks go to the server log, never to the client."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException

from newstrace.errors import (FetchFailed, InputTooLarge, NewstraceError, NotInStore, StoreLocked,
                              StoreUnavailable)
from newstrace.reading.netpolicy import AddressRefused
from newstrace.web.analyse import AnalysisRefused
from newstrace.web.security import Forbidden, Unauthorized

log = logging.getLogger("newstrace.web")

STATUS = {NotInStore: 404, InputTooLarge: 413, AddressRefused: 422, FetchFailed: 502, StoreLocked: 503,
          StoreUnavailable: 503}


def install(app: FastAPI, render_page) -> None:
    """Register the handlers; ``render_page(status, message)`` draws the HTML error page."""

    def answer(request: Request, status: int, message: str, headers: dict | None = None):
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)
        return HTMLResponse(render_page(status, message), status_code=status, headers=headers)

    @app.exception_handler(NewstraceError)
    async def newstrace_error(request: Request, err: NewstraceError):
        status = err.status if isinstance(err, AnalysisRefused) else STATUS.get(type(err), 422)
        return answer(request, status, str(err))

    @app.exception_handler(Unauthorized)
    async def unauthorized(request: Request, err: Unauthorized):
        return answer(request, 401, str(err), {"WWW-Authenticate": "Bearer"})

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, err: Forbidden):
        return answer(request, 403, str(err))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException):
        message = err.detail if isinstance(err.detail, str) else "request refused"
        if err.status_code == 404 and message == "Not Found":
            message = f"no page at {request.url.path}"
        return answer(request, err.status_code, message, getattr(err, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError):
        parts = ["{}: {}".format(".".join(str(x) for x in e.get("loc", ())[1:]) or "request", e.get("msg", "invalid"))
                 for e in err.errors()[:5]]
        return answer(request, 422, "invalid request: " + "; ".join(parts))

    @app.exception_handler(Exception)
    async def internal(request: Request, err: Exception):
        log.exception("internal error on %s %s", request.method, request.url.path)
        return answer(request, 500, f"internal error ({type(err).__name__}); the server log has the details")
