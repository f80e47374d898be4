"""A spaCy component: paragraph and line breaks that end a sentence.

A blank line always ends a sentence. A single line break ends one when the line before it ends like a sentence
(".", "!" or "?", perhaps inside a closing quote or bracket) and the next line starts like one (a capital, a
digit or an opening quote): plain-text articles often put one paragraph per line, and the parser otherwise
runs the last sentence of one paragraph into the first of the next. A hard-wrapped line that ends mid-sentence,
or on an abbreviation such as "U.S." or "Gen.", is left to the parser.
"""
from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

_FINAL = frozenset(".!?")
_CLOSERS = frozenset("\"”’')]")
_OPENERS = frozenset("\"“‘'([")


@Language.component("newstrace_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    starts = [token.i + 1 for token in doc[:-1]
              if "\n\n" in token.text_with_ws and token.is_space or token.whitespace_ == "\n\n"
              or _line_ends_sentence(token)]
    if starts:
        # all at once: setting Token.is_sent_start one by one checks the whole Doc each time (quadratic)
        marks = doc.to_array([SENT_START])
        marks[starts] = 1
        doc.from_array([SENT_START], marks)
    return doc


def _line_ends_sentence(token: Token) -> bool:
    """``token`` is a line break (or a token followed by one) after a sentence end, before a sentence start."""
    if not ("\n" in token.whitespace_ or token.is_space and "\n" in token.text):
        return False
    if token.is_space and token.i == 0:
        return False
    last = token.doc[token.i - 1] if token.is_space else token
    text = last.text.rstrip("".join(_CLOSERS))
    if not text and last.i > 0:
        text = last.doc[last.i - 1].text
    if not text or text[-1] not in _FINAL or _abbreviation(text):
        return False
    nxt = token.doc[token.i + 1]
    first = nxt.text[:1]
    return first.isupper() or first.isdigit() or first in _OPENERS


def _abbreviation(word: str) -> bool:
    """"U.S.", "Gen.", "Mr.": a full stop that may not end the sentence."""
    return word.endswith(".") and ("." in word[:-1] or word[:1].isupper() and len(word) <= 5 and word[:-1].isalpha()
                                   and not word[:-1].isupper())
