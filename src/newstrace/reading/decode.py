"""Bytes to text without assuming UTF-8: BOM, declared charset, UTF-8, then detection."""
from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newstrace.errors import BinaryInput, EmptyInput, EncodingProblem

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Control bytes that never appear in text (NUL and friends, not tab/newline/form feed/escape).
_BINARY_BYTES = set(range(0, 9)) | {11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31}


def utf8_of(text: str) -> bytes:
    """UTF-8 of ``text``; a lone surrogate (from JSON's "\\ud800" or a careless caller) becomes U+FFFD, one
    character for one, so that every offset stays where it was. A valid pair written as two surrogates is joined."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace").encode("utf-8")


def decode_bytes(data: bytes, *, declared: str | None = None, forced: str | None = None,
                 name: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``. Raises a clear error for empty, binary or undecodable input."""
    if not data.strip():
        raise EmptyInput("input is empty", source=name)
    if forced:
        return _decode_with(data, forced, name, errors="replace"), forced
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode_with(data, enc, name), enc
    if declared and _is_wide(declared) and b"\x00" in data[:8192]:
        return _decode_with(data, declared, name), declared  # UTF-16 without a BOM, as the server said
    if _looks_binary(data):
        raise BinaryInput("input is binary, not text or HTML", source=name)
    for enc in _declared_encodings(data, declared):
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    if _has_valid_utf8_multibyte(data):
        raise EncodingProblem(
            f"mixed encodings: valid UTF-8 mixed with bytes invalid in UTF-8 (first at byte {utf8_error.start}); "
            "pass --encoding to force one", source=name)
    candidates = from_bytes(data[:200_000])
    best = candidates.best()
    if best is None or best.chaos > 0.3:
        raise EncodingProblem("cannot tell the text encoding; pass --encoding to force one", source=name)
    # Detection cannot tell the Latin code pages apart on short texts; Windows-1252 is by far the most
    # common in news, so it wins whenever it fits the bytes as well as the best guess does.
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos + 0.05 for m in candidates):
        return data.decode("cp1252"), "cp1252"
    return _decode_with(data, best.encoding, name), best.encoding


def _decode_with(data: bytes, encoding: str, name: str | None, errors: str = "strict") -> str:
    try:
        return data.decode(encoding, errors=errors)
    except LookupError:
        raise EncodingProblem(f"unknown encoding {encoding!r}", source=name) from None
    except UnicodeDecodeError as err:
        raise EncodingProblem(f"bytes are not valid {encoding} (at byte {err.start})", source=name) from None


def _declared_encodings(data: bytes, declared: str | None) -> list[str]:
    found = [declared] if declared and not _is_wide(declared) else []
    head = data[:4096]
    for pattern in (_META_CHARSET, _XML_DECL):
        m = pattern.search(head)
        if m:
            # A declaration we could read as ASCII cannot be true of UTF-16 or UTF-32 bytes: the page is
            # ASCII-compatible, and browsers read it as UTF-8 (WHATWG encoding sniffing).
            enc = m.group(1).decode("ascii", "replace")
            found.append("utf-8" if _is_wide(enc) else enc)
    # A page that declares latin-1 almost always means windows-1252 (browsers treat them as one).
    return ["cp1252" if e.lower() in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii") else e for e in found]


def _is_wide(encoding: str) -> bool:
    return encoding.lower().replace("_", "-").startswith(("utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2"))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _BINARY_BYTES)
    return controls > max(2, len(sample) // 100)


def _has_valid_utf8_multibyte(data: bytes) -> bool:
    """True if the bytes hold at least a few well-formed UTF-8 multibyte sequences."""
    return len(re.findall(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data)) >= 2
