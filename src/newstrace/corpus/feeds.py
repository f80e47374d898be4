"""Feed reading lives in ``reading/feeds.py`` (one way in for every entry point); kept for old imports."""
from newstrace.reading.feeds import FeedItem, feed_documents, looks_like_feed, parse_feed

__all__ = ["FeedItem", "feed_documents", "looks_like_feed", "parse_feed"]
