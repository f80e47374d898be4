"""The web UI: a FastAPI app over the store (JSON API + server-rendered pages), started by ``newstrace serve``."""
from newstrace.web.settings import WebSettings


def create_app(settings: WebSettings):
    from newstrace.web.app import create_app as create

    return create(settings)


__all__ = ["WebSettings", "create_app"]
