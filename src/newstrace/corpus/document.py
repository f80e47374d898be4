"""What corpus readers hand to ingestion is the one ``Record`` of the reading stage (kept under its old name)."""
from newstrace.reading.document import OVERRIDABLE, Record, apply_fields

CorpusDocument = Record

__all__ = ["CorpusDocument", "OVERRIDABLE", "Record", "apply_fields"]
