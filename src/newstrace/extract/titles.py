"""The page's title: which of the headlines a page gives itself (JSON-LD, OpenGraph, Twitter, ``<title>``) to keep.

JSON-LD ``headline`` comes first, then ``og:title``, ``twitter:title``, ``dc.title`` and ``<title>``, each without a
tail that names the site. Three site-independent rules then look at how the page's headlines relate (see
docs/reading.md, "Title", for the pages they were read on):

- a live blog's JSON-LD headline is its running headline ("… LIVE: latest"); its ``og:title`` names the story;
- when JSON-LD's ``name`` and ``headline`` are different headlines and ``og:title`` gives the ``name``, the
  headline is the odd one out;
- when one headline is the other with words left out, opening the same way, the shorter one is kept: every
  word of it is confirmed by the other, the left-out words are not (never a truncated one, ending in "…").

Last, when the page's metadata gives the kept headline in several typographic forms (straight or curly quotes),
the form most of them give is kept.
"""
from __future__ import annotations

import re
from collections import Counter

_SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " * ")
_TRUNCATED = re.compile(r"(?:…|\.\.\.)\s*$")
_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})
_MIN_WORDS = 4


def choose_title(headline: str | None, name: str | None, article_type: str | None, meta: dict[str, str],
                 title_element: str | None) -> str | None:
    """The page's title from its JSON-LD ``headline``/``name``/type, its meta tags and its ``<title>`` text."""
    site = meta.get("og:site_name")
    social = strip_site_name(meta.get("og:title"), site)
    tag = title_tag(title_element, site)
    title = _first(headline, social, strip_site_name(meta.get("twitter:title"), site), meta.get("dc.title"), tag)
    if headline and social and _key(social) != _key(headline):
        confirmed = _is_live_blog(article_type) or _key(strip_site_name(name, site)) == _key(social)
        if confirmed and len(_words(social)) >= _MIN_WORDS:  # not a bare "Live updates"
            title = social
        else:
            title = _shorter_if_left_out(headline, social)
    candidates = [headline, social, strip_site_name(meta.get("twitter:title"), site), meta.get("dc.title"), tag]
    return _commonest_form(title, [c for c in candidates if c])


def strip_site_name(title: str | None, site_name: str | None) -> str | None:
    """ "Headline | Site" and "Headline | Site | by Author" without the tail, when a short part of it names the site."""
    if not title or not site_name:
        return title
    parts = re.split("(" + "|".join(re.escape(s) for s in _SEPARATORS) + ")", title)
    heads = parts[0::2]
    site = re.compile(rf"(?<!\w){re.escape(site_name.strip())}(?!\w)", re.I)
    for index in range(len(heads) - 1, 0, -1):
        # a part that says much more than the site's name is the headline's own words
        if site.search(heads[index]) and len(heads[index]) <= len(site_name) + 20:
            return "".join(parts[:2 * index - 1]).strip() or title
    return title


def title_tag(title: str | None, site_name: str | None) -> str | None:
    """``<title>`` without a site tail: the part that names the site, else a last part shorter than the rest."""
    if not title:
        return None
    stripped = strip_site_name(title, site_name)
    if stripped != title:
        return stripped
    for sep in _SEPARATORS[:-1]:
        if sep in title:
            head, tail = title.rsplit(sep, 1)
            if len(tail) < len(head):
                return head.strip()
    return title or None


def _is_live_blog(article_type: str | None) -> bool:
    return "liveblogposting" in (article_type or "").lower().split(",")


def _shorter_if_left_out(headline: str, social: str) -> str:
    """The shorter of two headlines when it is the longer one with words left out (and not cut off).

    Both must open with the same two words: a headline that drops the other's opening clause ("Legal opinion
    expected after X" -> "X") tells different news, it is not the same headline trimmed.
    """
    short, long = sorted((headline, social), key=lambda t: len(_words(t)))
    short_words, long_words = _words(short), _words(long)
    if (_TRUNCATED.search(short) or len(short_words) < _MIN_WORDS or len(short_words) * 2 < len(long_words)
            or len(short_words) == len(long_words) or short_words[:2] != long_words[:2]
            or not _in_order(short_words, long_words)):
        return headline
    return short


def _in_order(few: list[str], many: list[str]) -> bool:
    """Every word of ``few`` appears in ``many``, in the same order."""
    rest = iter(many)
    return all(word in rest for word in few)


def _commonest_form(title: str | None, candidates: list[str]) -> str | None:
    """Among the candidates that are ``title`` apart from quote style, the form most give (``title`` on a tie)."""
    if not title:
        return title
    same = [c for c in candidates if _unquoted(c) == _unquoted(title)]  # letter case is not a style to vote on
    counts = Counter(same)
    best = max(counts.values(), default=0)
    return title if counts.get(title, 0) == best else next(c for c in same if counts[c] == best)


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", _folded(text))


def _unquoted(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split())


def _folded(text: str) -> str:
    return _unquoted(text).lower()


def _key(text: str | None) -> str:
    return " ".join(_words(text or ""))


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)
