"""Shared fixtures. Tests that need ../shared (development data) skip cleanly when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEST_DATA = Path(__file__).resolve().parent / "data"
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def nlp():
    from newstrace.pipeline import pipeline_nlp

    return pipeline_nlp()


@pytest.fixture(scope="session")
def candidates_nlp():
    """The pipeline's model with every candidate attribution the rules and the role tagger propose, of every type,
    before the accept/reject step: what the rule tests pin down (the accept step has tests of its own)."""
    from newstrace.nlp import load_nlp
    from newstrace.quotes.types import TYPES

    return load_nlp((("newstrace_quotes", (("types", TYPES), ("accept", False))),))


@pytest.fixture
def rules_only(nlp):
    """Parse a text with the role tagger switched off: what the rules alone find."""
    from newstrace.quotes import extract

    def parse(text: str):
        saved = extract.load_tagger
        extract.load_tagger = lambda *_: None
        try:
            return nlp(text)
        finally:
            extract.load_tagger = saved

    return parse


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"development data not found at {SHARED}")
    return SHARED


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


from store_fixtures import db_url, pg_admin_url, pg_server_private, pg_url  # noqa: E402,F401  (store tests)
