"""The internal record of one attribution while it is being found (character offsets into ``doc.text``)."""
from __future__ import annotations

from dataclasses import dataclass, field

Range = tuple[int, int]


@dataclass(slots=True)
class Attribution:
    content: Range
    kind: str = "indirect"  # direct | indirect | mixed
    cue: Range | None = None
    cue_lemma: str | None = None
    source: Range | None = None
    source_head: int | None = None  # token index of the source mention's head
    venue: Range | None = None
    addressee: Range | None = None
    nested_source: Range | None = None
    confidence: float = 0.8
    inferred: bool = False
    type: str = "speech"  # speech | writing | evidence | belief | question (quotes/types.py)
    follows: "Attribution | None" = None  # the attribution a floating or continued quote takes its speaker from
    extra: dict = field(default_factory=dict)

    def overlaps(self, start: int, end: int) -> bool:
        return self.content[0] < end and start < self.content[1]
