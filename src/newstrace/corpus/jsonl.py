"""JSON Lines reading lives in ``reading/jsonl.py`` (one way in for every entry point); kept for old imports."""
from newstrace.reading.jsonl import JSONL_SUFFIXES, is_jsonl, jsonl_documents

__all__ = ["JSONL_SUFFIXES", "is_jsonl", "jsonl_documents"]
