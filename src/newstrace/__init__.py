"""newstrace: take news articles apart into who said what, where it came from, and who else says so."""
from newstrace.errors import NewstraceError
from newstrace.model import (SCHEMA_VERSION, Analysis, Article, Boilerplate, Check, Claim, Entity, Link, Quote,
                             Signal, Source, Span, Speaker)
from newstrace.pipeline import AnalyzeConfig, analyze, analyze_path

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_path", "AnalyzeConfig", "Analysis", "Article", "Boilerplate", "Check", "Claim",
           "Entity", "Link", "NewstraceError", "Quote", "SCHEMA_VERSION", "Signal", "Source", "Span", "Speaker",
           "__version__"]
