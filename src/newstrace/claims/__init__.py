"""Claims: check-worthy statements, who asserts them, how firmly, about whom, and what relation they state."""
from newstrace.claims.stage import find_claims

__all__ = ["find_claims"]
