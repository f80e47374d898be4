"""Small text helpers shared by the corpus tools: tokens for retrieval, keys for names and copies."""
from __future__ import annotations

import hashlib
import re
import unicodedata

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_HONORIFICS = re.compile(r"^(mr|mrs|ms|dr|prof|sir|dame|president|prime minister|minister|senator|gov|governor)\.?\s+")

STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as into onto over under about after before
is are was were be been being am do does did has have had having will would shall should can could may might
must it its this that these those there here he she they we you i him her them us me his hers their our your my
who whom whose which what when where why how than then so such very also just only said says say told tells
""".split())


def tokens(text: str) -> list[str]:
    """Lower-cased word and number tokens, stop words dropped, a light plural strip so 'rates' finds 'rate'."""
    out = []
    for word in _WORD.findall(text.casefold()):
        if word in STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and not word[0].isdigit():
            word = word[:-1]
        out.append(word)
    return out


def normalize_name(name: str) -> str:
    """A key under which 'Dr. Jane Doe', 'jane  doe' and 'Jane Doe' meet."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _HONORIFICS.sub("", text)
    return " ".join(re.findall(r"[^\W_]+", text))


def normalized_text_hash(text: str) -> str:
    """Hash of the text with case, punctuation and spacing removed: equal for trivially re-formatted copies."""
    flat = " ".join(re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text).casefold()))
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()
