"""Fetching a URL: http(s) only, a timeout, a size cap and a bounded number of redirects."""
from __future__ import annotations

import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from newstrace.errors import FetchFailed, InputTooLarge
from newstrace.reading.document import RawDocument, ReadOptions


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, limit: int):
        self.max_redirections = limit

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102 - urllib hook
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchFailed(f"redirect to a non-http URL {newurl!r} refused", source=req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ("http", "https") and bool(urlsplit(text).netloc)


def fetch_url(url: str, options: ReadOptions = ReadOptions()) -> RawDocument:
    """Fetch ``url`` and return its bytes; every failure is a one-line ``FetchFailed``."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchFailed("only http and https URLs are fetched", source=url)
    opener = urllib.request.build_opener(_LimitedRedirects(options.max_redirects))
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent,
                                                   "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=options.timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > options.max_bytes:
                raise InputTooLarge(f"response is {int(length):,} bytes, over the cap of {options.max_bytes:,}",
                                    source=url)
            data = response.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                raise InputTooLarge(f"response is over the cap of {options.max_bytes:,} bytes", source=url)
            return RawDocument(name=url, data=data, url=response.geturl(),
                               content_type=response.headers.get_content_type(),
                               charset=response.headers.get_content_charset())
    except urllib.error.HTTPError as err:
        location = err.headers.get("Location", "") if err.headers else ""
        if err.code in (301, 302, 303, 307, 308) and urlsplit(location).scheme not in ("", "http", "https"):
            raise FetchFailed(f"redirect to a non-http URL {location!r} refused", source=url) from None
        if err.code in (301, 302, 303, 307, 308):
            raise FetchFailed(f"too many redirects (more than {options.max_redirects})", source=url) from None
        raise FetchFailed(f"HTTP {err.code} {err.reason}", source=url) from None
    except urllib.error.URLError as err:
        reason = err.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchFailed(f"timed out after {options.timeout:g}s", source=url) from None
        raise FetchFailed(f"cannot connect: {reason}", source=url) from None
    except (socket.timeout, TimeoutError):
        raise FetchFailed(f"timed out after {options.timeout:g}s", source=url) from None
    except (ConnectionError, OSError) as err:
        raise FetchFailed(f"connection failed: {err}", source=url) from None
