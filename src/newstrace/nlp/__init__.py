"""Stage 3, NLP: the English spaCy pipeline run on the article's title and body (never its boilerplate)."""
from newstrace.nlp.lean import import_spacy_without_torch

import_spacy_without_torch()  # before anything below imports spaCy

from newstrace.nlp.model import load_nlp, MODEL_PACKAGE
from newstrace.nlp.view import BodyView
from newstrace.nlp.parse import parse_article, parse_articles, apply_doc

__all__ = ["load_nlp", "MODEL_PACKAGE", "BodyView", "parse_article", "parse_articles", "apply_doc"]
