"""The one value object that configures near-duplicate detection, for ``dedup`` and ``batch`` alike.

Kept apart from the rules (``corpus/dedup.py``: numpy, datasketch, the provenance stage) so that the CLI builds
it from its options before any of those is imported.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newstrace.corpus.shingles import Hasher

# What a text's stored signature depends on; the other settings apply when candidates are found and verified.
SIGNATURE_FIELDS = ("shingle", "num_perm", "min_words", "seed")


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Thresholds: ``threshold`` tunes the LSH bands (candidates); ``jaccard`` / ``containment`` verify them."""

    shingle: int = 5
    num_perm: int = 128
    threshold: float = 0.3
    jaccard: float = 0.7
    containment: float = 0.8
    min_words: int = 20
    seed: int = 1
    index: str = "bands"  # bands (numpy) | datasketch (MinHashLSH): the same candidates

    def hasher(self) -> Hasher:
        from newstrace.corpus import shingles as sh

        return sh.Hasher(self.num_perm, self.seed)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def signature_settings(self) -> dict[str, Any]:
        """The settings a signature is made with: signatures made with others cannot be compared with it."""
        return {name: getattr(self, name) for name in SIGNATURE_FIELDS}
