"""The self-contained page around report fragments: inline CSS and JS from ``assets/``, nothing fetched."""
from __future__ import annotations

from functools import lru_cache
from html import escape
from importlib.resources import files


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A bundled asset (``report.css``, ``report.js``) as text."""
    return files("newstrace.report").joinpath("assets", name).read_text(encoding="utf-8")


def page(title: str, body: str) -> str:
    """A complete HTML document; a restrictive CSP keeps it from loading anything, even if opened online."""
    csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<meta name=\"generator\" content=\"newstrace\"><title>{escape(title)}</title>"
            f"<style>{asset('report.css')}</style></head><body>\n{body}\n"
            f"<script>{asset('report.js')}</script></body></html>\n")
