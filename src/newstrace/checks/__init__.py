"""Checks: automatic tests of the figures in claims (currency conversions, arithmetic, dates)."""
from newstrace.checks.stage import run_checks

__all__ = ["run_checks"]
