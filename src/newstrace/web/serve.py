"""Running the app with uvicorn, after the checks that make serving safe."""
from __future__ import annotations

import socket

import click

from newstrace.errors import ServeRefused
from newstrace.web.app import create_app
from newstrace.web.connections import guarded_protocol
from newstrace.web.settings import WebSettings, check_settings


def serve(settings: WebSettings) -> None:
    """Serve until interrupted. Refuses (``ServeRefused``) a non-loopback host without a token."""
    import uvicorn

    check_settings(settings)
    _check_port_free(settings.host, settings.port)
    app = create_app(settings)
    where = f"http://{settings.host}:{settings.port}/"
    click.echo(f"newstrace: serving {settings.db} at {where}" + (" (writes need the token)" if settings.token else ""),
               err=True)
    uvicorn.Server(server_config(settings, app)).run()


def server_config(settings: WebSettings, app):
    """uvicorn's settings: our h11 protocol (header deadline, idle-evicting connection cap), short keep-alive,
    16 KB of headers at most. No ``limit_concurrency``: it counts idle sockets, so they could starve requests."""
    import uvicorn

    protocol = guarded_protocol(settings.header_timeout, settings.max_connections)
    return uvicorn.Config(app, host=settings.host, port=settings.port, log_level="warning", access_log=False,
                          timeout_graceful_shutdown=5, http=protocol, timeout_keep_alive=settings.keep_alive,
                          h11_max_incomplete_event_size=16 * 1024, lifespan="on")


def _check_port_free(host: str, port: int) -> None:
    """Fail with one line now rather than with uvicorn's log and exit later."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as err:
        raise ServeRefused(f"cannot resolve host {host!r}: {err.strerror}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as err:
            raise ServeRefused(f"cannot listen on {host}:{port}: {err.strerror}") from None
