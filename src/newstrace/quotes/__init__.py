"""Stage 4, quotes: who said what (direct, indirect, mixed quotes) and who the speakers are.

Importing this package registers the spaCy factory ``newstrace_quotes``.
"""
from newstrace.quotes.component import QuoteAttributor, make_quote_attributor
from newstrace.quotes.extract import find_attributions, quotes_and_speakers

__all__ = ["QuoteAttributor", "make_quote_attributor", "find_attributions", "quotes_and_speakers"]
