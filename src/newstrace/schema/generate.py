"""The JSON Schema of an analysis document, generated from the field types of ``newstrace.model``.

The shipped ``analysis-<version>.schema.json`` is this output (``python -m newstrace.schema.generate``);
a test fails when the two differ, so the model and the schema cannot drift apart.
"""
from __future__ import annotations

import json
import re
import sys
import types
import typing
from dataclasses import fields
from typing import Any

from newstrace.model import CHECK_INPUTS, SCHEMA_VERSION, Analysis, Check, Model, type_hints

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def analysis_schema() -> dict[str, Any]:
    """The whole document schema: ``Analysis`` at the top, every other class under ``$defs``."""
    defs: dict[str, Any] = {}
    root = _object(Analysis, defs)
    checks_by_kind = [{"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                       "then": {"properties": {"inputs": {"anyOf": [_ref(cls, defs), {"type": "null"}]}}}}
                      for kind, cls in CHECK_INPUTS.items()]
    defs[_name(Check)]["allOf"] = checks_by_kind  # ``inputs`` has the type its ``kind`` names
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"https://newstrace.invalid/schema/analysis-{SCHEMA_VERSION}.schema.json",
            "title": "newstrace analysis of one article",
            "description": "Every span is a character range [start, end) into article.text, with that text.",
            **root, "$defs": dict(sorted(defs.items()))}


def type_schema(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one field type; model classes go into ``defs`` and are referenced."""
    if hint is Any:
        return {}
    if hint in _SCALARS:
        return {"type": _SCALARS[hint]}
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return {"enum": list(args)}
    if origin is list:
        return {"type": "array", "items": type_schema(args[0], defs)}
    if origin is dict or hint is dict:
        value = type_schema(args[1], defs) if args else {}
        return {"type": "object", **({"additionalProperties": value} if value else {})}
    if isinstance(hint, type) and issubclass(hint, Model):
        return _ref(hint, defs)
    if origin in (typing.Union, types.UnionType):
        return _union(args, defs)
    raise TypeError(f"no JSON Schema for the field type {hint!r}")


def _union(args: tuple, defs: dict[str, Any]) -> dict[str, Any]:
    options = [type_schema(a, defs) for a in args if a is not type(None)]
    nullable = type(None) in args
    if len(options) == 1 and set(options[0]) == {"type"} and nullable:
        return {"type": [options[0]["type"], "null"]}
    if len(options) == 1 and set(options[0]) == {"enum"} and nullable:
        return {"enum": [*options[0]["enum"], None]}
    return {"anyOf": options + ([{"type": "null"}] if nullable else [])}


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = type_hints(cls)
    properties = dict(cls.json_computed)
    required = list(cls.json_computed)
    for f in fields(cls):
        name = f.metadata.get("json", f.name)
        properties[name] = {**type_schema(hints[f.name], defs), **f.metadata.get("schema", {})}
        if not f.metadata.get("omit_empty"):
            required.append(name)
    return {"type": "object", "required": required, "additionalProperties": False, "properties": properties}


def _ref(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    name = _name(cls)
    if name not in defs:
        defs[name] = {}  # placeholder: a class may refer to itself
        defs[name] = {**({"description": _first_line(cls.__doc__)} if cls.__doc__ else {}), **_object(cls, defs)}
    return {"$ref": f"#/$defs/{name}"}


def _name(cls: type) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def _first_line(doc: str) -> str:
    return doc.strip().splitlines()[0]


def main() -> None:
    """Print the schema (``python -m newstrace.schema.generate > src/newstrace/schema/analysis-X.schema.json``)."""
    sys.stdout.write(json.dumps(analysis_schema(), indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
