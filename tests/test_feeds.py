"""RSS/Atom feeds: items' content becomes articles; unsafe or broken XML is refused with a clear error."""
from __future__ import annotations

import pytest

from newstrace.errors import MalformedFeed
from newstrace.reading.document import Record
from newstrace.reading.feeds import feed_documents, looks_like_feed, parse_feed

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Lyon Daily</title>
<item><title>Budget approved</title><link>https://a.example/budget</link>
  <pubDate>Fri, 01 Mar 2024 10:00:00 +0000</pubDate><dc:creator>Ann Writer</dc:creator>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The council approved the budget on Friday.</p><p>It was close.</p>]]></content:encoded>
</item>
<item><title>Teaser only</title><link>https://a.example/teaser</link>
  <description>Only a summary here.</description></item>
<item><title>Nothing</title><link>https://a.example/empty</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Storm</title><link rel="alternate" href="https://b.example/storm"/>
<published>2024-03-02T08:00:00Z</published><author><name>Bo Reporter</name></author>
<content type="html">&lt;p&gt;A storm hit the coast.&lt;/p&gt;</content></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="x"><title>Old Style</title></channel>
<item rdf:about="https://c.example/1"><title>One</title><link>https://c.example/1</link>
<description>An RSS 1.0 item.</description></item>
</rdf:RDF>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<rss version="2.0"><channel><title>&lol2;</title></channel></rss>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title></channel></rss>"""


def test_rss_items_carry_their_content_and_metadata():
    title, items = parse_feed(RSS)
    assert title == "Lyon Daily" and len(items) == 3
    first = items[0]
    assert first.content_kind == "content" and "approved the budget" in first.content
    assert first.published == "2024-03-01T10:00:00+00:00" and first.authors == ("Ann Writer",)
    assert items[1].content_kind == "summary" and items[2].content_kind == "none"


def test_atom_and_rss1_feeds_are_read():
    title, items = parse_feed(ATOM)
    assert title == "Atom News" and items[0].link == "https://b.example/storm"
    assert items[0].content == "<p>A storm hit the coast.</p>" and items[0].authors == ("Bo Reporter",)
    title, items = parse_feed(RDF)
    assert title == "Old Style" and items[0].content == "An RSS 1.0 item."


def test_feed_documents_use_item_content_and_report_empty_items():
    docs = list(feed_documents(RSS, name="feed.rss"))
    assert isinstance(docs[0], Record) and docs[0].locator == "https://a.example/budget"
    assert docs[0].fields["outlet"] == "Lyon Daily" and docs[0].fmt == "html"
    assert docs[1].fields["metadata"]["feed_content"] == "summary"
    assert isinstance(docs[2], MalformedFeed) and "--fetch-items" in str(docs[2])


def test_items_are_fetched_only_when_asked():
    fetched = []

    def fetch(url):
        fetched.append(url)
        raise MalformedFeed("no network in tests", source=url)

    list(feed_documents(RSS, name="feed.rss", fetch=fetch))
    assert fetched == []
    out = list(feed_documents(RSS, name="feed.rss", fetch_items=True, fetch=fetch))
    assert len(fetched) == 3 and all(isinstance(d, MalformedFeed) for d in out)


@pytest.mark.parametrize("data, message", [
    (BILLION_LAUGHS, "declares XML entities"),
    (EXTERNAL, "declares XML entities"),
    (b"<rss><channel><title>unclosed</channel></rss>", "not well-formed XML"),
    (b"<html><body>not a feed</body></html>", "neither RSS nor Atom"),
    (b'<rss version="2.0"></rss>', "without a <channel>"),
])
def test_unsafe_or_broken_feeds_are_refused(data, message):
    with pytest.raises(MalformedFeed, match=message):
        parse_feed(data, name="bad.xml")


def test_feeds_are_recognised_by_their_start():
    assert looks_like_feed(RSS) and looks_like_feed(ATOM) and looks_like_feed(RDF)
    assert not looks_like_feed(b"<!doctype html><html></html>")
