"""HTML source made safe for lxml before any parser sees it: no XML-illegal characters, bounded tags and depth.

libxml2 refuses text with C0 control characters (a form feed in a ``<p>`` is enough to make lxml raise
when a node's text is set), checks a tag's attributes for duplicates in quadratic time (25,000 attributes
on one tag took seconds in every parse), and silently drops everything nested deeper than 256 elements.
Each repair is linear in the page and changes only markup, never the words a reader sees.
"""
from __future__ import annotations

import re

# XML 1.0 forbids C0 controls other than tab, line feed and carriage return, U+FFFE/U+FFFF and lone surrogates.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ILLEGAL_AS = {"\x0b": " ", "\x0c": " "}  # vertical tab and form feed are white space to a browser
MAX_ATTRIBUTES = 200  # per tag; real pages stay far below (a few dozen at most)
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{2000,}>")  # only a long tag can hold that many attributes
_ATTRIBUTE = re.compile(r"""\s*[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")
MAX_DEPTH = 180  # elements deeper than this are unwrapped (their text joins the element at this depth)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
         "wbr", "keygen", "command", "basefont", "frame", "isindex"}
_RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "noscript", "template", "plaintext"}
_HIDDEN = {"script", "style", "noscript", "template"}
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")


# A character reference to one of them ("&#12;") puts the character itself into lxml's tree.
_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def without_illegal_characters(html: str) -> str:
    """Form feeds and vertical tabs become spaces, lone surrogates U+FFFD, other controls go (browsers show none);
    a character reference to any of them is replaced alike."""
    if "&#" in html:
        html = _CHARACTER_REFERENCE.sub(_legal_reference, html)
    if not _ILLEGAL.search(html):
        return html
    return _ILLEGAL.sub(lambda m: _replacement(m.group()), html)


def _replacement(char: str) -> str:
    return _ILLEGAL_AS.get(char, "\ufffd" if "\ud800" <= char <= "\udfff" else "")


def _legal_reference(m: re.Match[str]) -> str:
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    if code > 0x10FFFF:
        return "\ufffd"
    char = chr(code)
    return _replacement(char) if _ILLEGAL.fullmatch(char) else m.group()


def with_bounded_attributes(html: str, limit: int = MAX_ATTRIBUTES) -> str:
    """A tag keeps its first ``limit`` attributes (a page with thousands on one tag is malformed or hostile)."""
    return _LONG_TAG.sub(lambda m: _trim_tag(m.group(), limit), html)


def _trim_tag(tag: str, limit: int) -> str:
    name = _TAG_NAME.match(tag)
    assert name is not None  # _LONG_TAG starts with "<" and a letter
    rest = tag[name.end():-1]
    kept, pos, count = [], 0, 0
    while count < limit and pos < len(rest):
        m = _ATTRIBUTE.match(rest, pos)
        if not m or m.end() == pos:
            break
        kept.append(m.group())
        pos, count = m.end(), count + 1
    if count < limit:
        return tag
    return tag[:name.end()] + "".join(kept) + (" /" if rest.rstrip().endswith("/") else "") + ">"


def with_bounded_depth(html: str, limit: int = MAX_DEPTH) -> str:
    """Start and end tags nested deeper than ``limit`` are left out, so their text stays in the page.

    A linear scan, not a parser: comments and raw-text elements (script, style) are skipped whole; elements
    with optional end tags count as open, which errs on the side of flattening a page that is deep anyway.
    """
    out: list[str] = []
    lower = html.lower()
    depth, pos, n = 0, 0, len(html)
    while pos < n:
        lt = html.find("<", pos)
        if lt < 0:
            out.append(html[pos:])
            break
        out.append(html[pos:lt])
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            end = n if end < 0 else end + 3
            out.append(html[lt:end])
            pos = end
            continue
        following = html.find("<", lt + 1)
        following = n if following < 0 else following
        gt = html.find(">", lt + 1, following)  # searched only up to the next "<": linear over the page
        name = _TAG_NAME.match(html, lt)
        if gt < 0 or not name:
            out.append(html[lt:following])  # a lone "<" is text
            pos = following
            continue
        tag, tag_name, closing = html[lt:gt + 1], name.group(1).lower(), html[lt + 1] == "/"
        pos = gt + 1
        if closing:
            if depth <= limit:
                out.append(tag)
            depth = max(0, depth - 1)
            continue
        if tag_name in _VOID or tag.endswith("/>"):
            out.append(tag)
            continue
        depth += 1
        if depth <= limit:
            out.append(tag)
        if tag_name in _RAW_TEXT:  # its content is text up to the matching end tag, never tags
            end = lower.find(f"</{tag_name}", pos)
            end = n if end < 0 else end
            if depth <= limit or tag_name not in _HIDDEN:  # a script left without its tag would be shown
                out.append(html[pos:end])
            pos = end
    return "".join(out)
