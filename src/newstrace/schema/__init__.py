"""The versioned JSON Schema of newstrace's output, shipped with the package."""
from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

from newstrace.model import SCHEMA_VERSION


@functools.lru_cache(maxsize=None)
def load_schema(version: str = SCHEMA_VERSION) -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(f"analysis-{version}.schema.json").read_text("utf-8"))


def validate(document: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` if ``document`` does not match the schema."""
    import jsonschema

    jsonschema.validate(document, load_schema(document.get("schema_version", SCHEMA_VERSION)))
