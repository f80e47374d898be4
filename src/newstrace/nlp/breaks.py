"""A spaCy component: a blank line (paragraph break) always ends a sentence."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newstrace_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n\n" in token.text_with_ws and token.is_space or token.whitespace_ == "\n\n":
            doc[token.i + 1].is_sent_start = True
    return doc
