"""HTML as real sites send it: entities in metadata, author lists, drop caps, boxes and embeds (invented pages)."""
from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from newstrace.extract import extract_string
from newstrace.extract.furniture import take_furniture

BODY = "".join(f"<p>The regional council approved the new tram line on Tuesday, {n} members voting for it "
               f"after a long debate about the costs.</p>" for n in ("twelve", "eleven", "ten"))


def page(head: str = "", body: str = BODY, title: str = "Tram line approved") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")


def jsonld(data: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_entities_are_resolved_in_every_metadata_field():
    head = ('<meta property="og:title" content="Council&amp;#039;s &#8216;tram&#8217; vote">'
            '<meta property="og:site_name" content="Smith &amp;amp; Sons Gazette">'
            '<meta name="author" content="Ana&#239;s Dupont">'
            '<meta name="description" content="A &quot;long&quot; debate">')
    article = extract_string(page(head, title="x"), fmt="html")
    assert article.title == "Council's ‘tram’ vote"
    assert article.outlet == "Smith & Sons Gazette"
    assert article.authors == ["Anaïs Dupont"]
    assert article.metadata["page"]["description"] == 'A "long" debate'


def test_jsonld_headline_entities_are_resolved():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram &amp; bus fares frozen", "author": {"name": "Li Wei"}})
    assert extract_string(page(head), fmt="html").title == "Tram & bus fares frozen"


def test_one_author_string_naming_several_people_is_split():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram line approved",
                   "author": [{"@type": "Person", "name": "Ruth Abara, Ivo Petrov and Sam Okafor"}]})
    assert extract_string(page(head), fmt="html").authors == ["Ruth Abara", "Ivo Petrov", "Sam Okafor"]


def test_an_author_with_an_outlet_after_a_comma_is_not_split_into_people():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram line approved", "author": {"name": "Ruth Abara, Reuters"}})
    assert extract_string(page(head), fmt="html").authors == ["Ruth Abara, Reuters"]


def test_library_style_creators_are_all_kept_given_name_first():
    head = '<meta name="dc.creator" content="Abara, Ruth"><meta name="dc.creator" content="Petrov, Ivo">'
    assert extract_string(page(head), fmt="html").authors == ["Ruth Abara", "Ivo Petrov"]


def test_a_photo_credit_in_the_author_list_is_not_an_author():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram line approved",
                   "author": ["(\nImage: Getty Images)", {"@type": "Person", "name": "Ruth Abara"}]})
    assert extract_string(page(head), fmt="html").authors == ["Ruth Abara"]


def test_an_author_given_by_reference_is_found_in_the_graph():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": "Tram line approved", "author": {"@id": "https://x.example/#/person/1"}},
        {"@type": "Person", "@id": "https://x.example/#/person/1", "name": "Ruth Abara"}]}
    assert extract_string(page(jsonld(graph)), fmt="html").authors == ["Ruth Abara"]


# --- drop caps ----------------------------------------------------------------------------------------------------

def test_a_drop_cap_span_is_joined_to_its_word():
    body = ('<p><span class="dropcap">T</span>urkey opened its border crossing to aid convoys on Monday, '
            "officials in the province said after talks.</p>" + BODY)
    text = extract_string(page(body=body), fmt="html").body_text()
    assert text.startswith("Turkey opened its border crossing")


def test_a_drop_cap_in_a_block_of_its_own_joins_the_next_paragraph():
    body = ('<div class="drop-cap">T</div><p>urkey opened its border crossing to aid convoys on Monday, '
            "officials in the province said after talks.</p>" + BODY)
    assert extract_string(page(body=body), fmt="html").body_text().startswith("Turkey opened")


def test_a_single_letter_span_without_a_drop_cap_class_is_left_alone():
    body = '<p>Grade <span class="grade">A</span> eggs rose in price again this week, the market report showed.</p>' + BODY
    assert "Grade A eggs" in extract_string(page(body=body), fmt="html").body_text()


# --- embedded posts -----------------------------------------------------------------------------------------------

TWEET = ('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The tram vote is a win for every commuter in '
         'the valley. <a href="https://t.co/abc">pic.twitter.com/abc</a></p>&mdash; Mayor Dana Reyes (@MayorReyes) '
         '<a href="https://twitter.com/MayorReyes/status/1234567890?ref_src=twsrc%5Etfw">March 5, 2024</a>'
         '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>')


def test_an_embedded_tweet_is_a_typed_embed_with_its_account():
    body = BODY[:BODY.index("</p>") + 4] + "<p>The mayor welcomed the decision.</p>" + TWEET + BODY[BODY.index("</p>") + 4:]
    article = extract_string(page(body=body), fmt="html")
    [embed] = article.embeds
    assert (embed.platform, embed.handle, embed.display_name, embed.date) == (
        "twitter", "@MayorReyes", "Mayor Dana Reyes", "2024-03-05")
    assert embed.url == "https://twitter.com/MayorReyes/status/1234567890"
    assert embed.span.text.startswith("The tram vote is a win for every commuter")
    assert article.text[embed.span.start:embed.span.end] == embed.span.text
    assert "win for every commuter" not in article.body_text()  # the post is not the outlet's words
    # it keeps its place: after the paragraph that introduces it
    intro = article.text.index("The mayor welcomed the decision.")
    assert intro < embed.span.start < article.paragraphs[-1].start


def test_embeds_survive_the_json_round_trip():
    from newstrace.model import Article

    article = extract_string(page(body=BODY + TWEET), fmt="html")
    again = Article.from_dict(article.to_dict())
    assert again.embeds == article.embeds and again.to_dict() == article.to_dict()


def test_an_article_without_embeds_has_no_embeds_key():
    assert "embeds" not in extract_string(page(), fmt="html").to_dict()


def test_instagram_tiktok_facebook_and_youtube_embeds_are_read():
    insta = ('<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/XYZ/?utm_source=ig">'
             '<a href="https://www.instagram.com/p/XYZ/">View this post on Instagram</a>'
             '<p>First tram tested on the new line today!</p>'
             '<p><a href="https://www.instagram.com/p/XYZ/">A post shared by Valley Transit (@valleytransit)</a></p>'
             '<p><time datetime="2024-03-06T09:00:00+00:00">Mar 6, 2024</time></p></blockquote>')
    tiktok = ('<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@tramfan/video/777" data-video-id="777">'
              '<section><a title="@tramfan" href="https://www.tiktok.com/@tramfan">@tramfan</a> riding the test tram '
              '<a title="♬ original sound - tramfan">♬ original sound - tramfan</a></section></blockquote>')
    facebook = ('<div class="fb-post" data-href="https://www.facebook.com/ValleyCouncil/posts/42">'
                '<blockquote cite="https://www.facebook.com/ValleyCouncil/posts/42" class="fb-xfbml-parse-ignore">'
                '<p>Council approves the tram line.</p>Posted by <a href="https://www.facebook.com/ValleyCouncil">'
                'Valley Council</a> on <a href="https://www.facebook.com/ValleyCouncil/posts/42">Tuesday, March 5, 2024'
                '</a></blockquote></div>')
    youtube = '<iframe src="https://www.youtube.com/embed/abc123" title="Tram debate, full session"></iframe>'
    article = extract_string(page(body=BODY + insta + tiktok + facebook + youtube), fmt="html")
    found = {e.platform: e for e in article.embeds}
    assert (found["instagram"].handle, found["instagram"].display_name, found["instagram"].date) == (
        "@valleytransit", "Valley Transit", "2024-03-06T09:00:00+00:00")
    assert found["instagram"].url == "https://www.instagram.com/p/XYZ/"
    assert (found["tiktok"].handle, found["tiktok"].url) == ("@tramfan", "https://www.tiktok.com/@tramfan/video/777")
    assert (found["facebook"].display_name, found["facebook"].date) == ("Valley Council", "2024-03-05")
    assert (found["youtube"].span, found["youtube"].display_name) == (None, "Tram debate, full session")
    for embed in article.embeds:
        assert embed.span is None or article.text[embed.span.start:embed.span.end] == embed.span.text
    for words in ("First tram tested", "riding the test tram", "Council approves the tram line"):
        assert words not in article.body_text()


# --- boxes --------------------------------------------------------------------------------------------------------

def _with_box(box: str) -> str:
    cut = BODY.index("</p>") + 4
    return BODY[:cut] + box + BODY[cut:]


@pytest.mark.parametrize("box,words,kind,rule", [
    ('<div class="related-articles"><p>Bus drivers vote to strike over new rosters in the spring</p></div>',
     "Bus drivers vote to strike", "related", "related_box"),
    ('<div class="promo-box"><p>Get the full season ticket for half the usual price this week</p></div>',
     "season ticket for half", "related", "promo_box"),
    ('<div class="newsletter-signup"><p>Sign up to our morning briefing for the latest local news</p></div>',
     "morning briefing", "call_to_action", "newsletter_box"),
    ('<p class="read-more"><a href="/other">READ MORE: Council leader survives confidence vote</a></p>',
     "Council leader survives", "related", "read_more_box"),
    ('<div class="see-more"><p>SEE MORE: Ten photos of the old tram depot before it closed</p></div>',
     "Ten photos of the old tram depot", "related", "read_more_box"),
    ('<aside class="pullquote"><p>A long debate about the costs of the tram</p></aside>',
     "A long debate about the costs of the tram", "pull_quote", "pull_quote_box"),
    ('<figure><img src="t.jpg"><figcaption>The first test tram at the depot on Sunday</figcaption></figure>',
     "The first test tram at the depot", "caption", "figcaption"),
    ('<p class="image-credit">Picture by Lena Marsh for the Gazette</p>',
     "Picture by Lena Marsh", "caption", "photo_credit_box"),
])
def test_each_box_type_is_found_with_its_rule_and_kept_out_of_the_body(box, words, kind, rule):
    html = page(body=_with_box(box))
    boxes = take_furniture(lxml_html.fromstring(html)).boxes
    assert [(b.kind, b.rule) for b in boxes if words in b.key] == [(kind, rule)]
    assert words not in extract_string(html, fmt="html").body_text()


@pytest.mark.parametrize("box,words,kind,rule", [
    ('<div class="promo-box"><p>Get the full season ticket for half the usual price this week</p></div>',
     "season ticket for half", "related", "promo_box"),
    ('<p class="read-more"><a href="/other">READ MORE: Council leader survives confidence vote</a></p>',
     "Council leader survives", "related", "read_more_box"),
    ('<div class="see-more"><p>SEE MORE: Ten photos of the old tram depot before it closed</p></div>',
     "Ten photos of the old tram depot", "related", "read_more_box"),
    ('<p class="image-credit">Picture by Lena Marsh for the Gazette</p>',
     "Picture by Lena Marsh", "caption", "photo_credit_box"),
])
def test_a_box_that_the_main_text_keeps_is_typed_boilerplate_in_place(box, words, kind, rule):
    article = extract_string(page(body=_with_box(box)), fmt="html")
    [found] = [b for b in article.boilerplate if words in b.span.text]
    assert (found.kind, found.rule) == (kind, rule)
    assert article.paragraphs[0].end < found.span.start < article.paragraphs[1].start


def test_a_pull_quote_repeating_a_whole_paragraph_leaves_the_paragraph_in_the_body():
    body = BODY + '<aside class="pull-quote"><p>Every commuter in the valley wins with this vote.</p></aside>' + \
        "<p>Every commuter in the valley wins with this vote.</p>"
    article = extract_string(page(body=body), fmt="html")
    assert "Every commuter in the valley wins with this vote." in article.body_text()


def test_a_link_styled_related_inside_a_sentence_stays_in_the_sentence():
    body = ('<p>The plan follows <a class="related-link" href="/x">last year\'s bus review</a> and a public '
            "consultation that drew many replies from residents.</p>" + BODY)
    assert "follows last year's bus review and a public" in extract_string(page(body=body), fmt="html").body_text()


# --- a main text that stopped early -------------------------------------------------------------------------------

def _declared(body: str):
    from newstrace.extract.metadata import PageMetadata

    return PageMetadata(jsonld=[{"@type": "NewsArticle", "articleBody": body}])


def test_the_declared_article_body_is_taken_when_it_holds_ours_and_far_more():
    from newstrace.extract.html import _longer_declared_body

    ours = ["The council met on Monday.", "It approved the tram."]
    declared = "The council met on Monday.\nIt approved the tram.\n" + "\n".join(
        f"Part {n} of the long story goes on with many more words about the line." for n in range(5))
    blocks, source = _longer_declared_body(ours, _declared(declared))
    assert source == "jsonld_article_body" and len(blocks) == 7 and blocks[2].startswith("Part 0 of the long story")


def test_the_declared_article_body_is_not_taken_when_it_differs_or_is_not_longer():
    from newstrace.extract.html import _longer_declared_body

    ours = ["The council met on Monday.", "It approved the tram."]
    other = "\n".join(f"A different story {n} about the football season and its many matches." for n in range(9))
    assert _longer_declared_body(ours, _declared(other)) == (ours, "main_text")
    assert _longer_declared_body(ours, _declared("The council met on Monday.\nIt approved the tram.")) == \
        (ours, "main_text")
    assert _longer_declared_body(ours, _declared("One long line " * 40)) == (ours, "main_text")  # no paragraphs


@pytest.mark.parametrize("box,words,kind,rule", [
    ('<div class="article-img-group"><img src="a.jpg"><p>Old trams parked at the depot in 1962</p></div>',
     "Old trams parked", "caption", "image_box"),
    ('<div class="show-comments"><p>Join the conversation and see what readers make of the vote</p></div>',
     "Join the conversation", "call_to_action", "comments_box"),
])
def test_image_groups_and_comment_prompts_are_boxes(box, words, kind, rule):
    html = page(body=_with_box(box))
    assert [(b.kind, b.rule) for b in take_furniture(lxml_html.fromstring(html)).boxes if words in b.key] == [(kind, rule)]
    assert words not in extract_string(html, fmt="html").body_text()


def test_a_wrapper_holding_the_headline_is_not_a_box_whatever_its_class():
    html = page(body='<div class="related-coverage"><h1>Tram line approved</h1>' + BODY + "</div>")
    assert not any("regional council approved" in b.key for b in take_furniture(lxml_html.fromstring(html)).boxes)
    assert "regional council approved" in extract_string(html, fmt="html").body_text()


def test_a_declared_markdown_body_is_read_as_markdown_without_its_directive_lines():
    from newstrace.extract.html import _longer_declared_body

    ours = ["The council met on Monday.", "It approved the tram."]
    declared = ("+++dropcap\nThe council met on Monday.\n+++\nIt approved the tram, [the minutes](https://x.example/m) "
                "show.\n{: type=\"feature\"}\n" + "\n".join(f"Part {n} of the **long** story goes on about the line."
                                                         for n in range(5)))
    blocks, source = _longer_declared_body(ours, _declared(declared))
    assert source == "jsonld_article_body" and blocks[0] == "The council met on Monday."
    assert not any(b.startswith(("+++", "{:")) for b in blocks) and "[the minutes](https://x.example/m)" in blocks[1]


def test_the_tweet_is_signed_by_the_last_handle_line_even_with_emoji_in_the_name():
    tweet = ('<blockquote class="twitter-tweet"><p>As Ann put it — Ann Lee (@annlee) — the tram is late. '
             '<a href="https://t.co/x">pic.twitter.com/x</a></p>— Tram Fan 🚋 (@tramfan) '
             '<a href="https://x.com/tramfan/status/99">May 2, 2025</a></blockquote>')
    [embed] = extract_string(page(body=BODY + tweet), fmt="html").embeds
    assert (embed.handle, embed.display_name, embed.url) == ("@tramfan", "Tram Fan 🚋", "https://x.com/tramfan/status/99")


def test_line_wrapping_inside_a_paragraph_with_a_link_is_one_paragraph():
    wrapped = ("<p>The <a href='https://example.com/x'>airline</a>\r\n had said a flight carrying 167 passengers from the "
               "capital \r\nKathmandu to Dubai was hit by a bird during take-off late on \r\nMonday.</p>")
    article = extract_string(page(body=wrapped + BODY), fmt="html")
    first = article.paragraphs[0].text
    assert first == ("The airline had said a flight carrying 167 passengers from the capital Kathmandu to Dubai was hit "
                     "by a bird during take-off late on Monday.")
    assert [article.text[l.span.start:l.span.end] for l in article.links] == ["airline"]
    assert len(article.paragraphs) == 4


def _teaser(n: int) -> str:
    return (f"<h3><a href='https://example.com/story-{n}'>Other story number {n} about the council</a></h3>"
            f"<p><a href='https://example.com/story-{n}'>Other story number {n} about the council</a></p>"
            f"<p>A short teaser for the other story number {n}, which is not part of this article.</p>")


def test_teasers_after_a_more_from_label_are_related_boilerplate():
    html = page(body=BODY + "<p>More from The Example Gazette</p>" + _teaser(1) + _teaser(2) + _teaser(3))
    article = extract_string(html, fmt="html")
    teasers = [b.span.text for b in article.boilerplate if (b.kind, b.rule) == ("related", "teaser")]
    assert teasers == [f"A short teaser for the other story number {n}, which is not part of this article."
                       for n in (1, 2, 3)]
    assert "teaser" not in article.body_text()
    assert len(article.paragraphs) == 3


def test_the_paragraph_after_a_single_related_link_stays_in_the_body():
    after = "<p>The council will meet again on Friday to set the fares for the first year.</p>"
    html = page(body=BODY + "<p>Related stories</p>" + _teaser(1).split("<p>A short")[0] + after)
    article = extract_string(html, fmt="html")
    assert not [b for b in article.boilerplate if b.rule == "teaser"]
    assert article.paragraphs[-1].text == "The council will meet again on Friday to set the fares for the first year."


def test_the_authors_bio_closing_a_page_is_set_aside_by_the_metadata_author():
    head = jsonld({"@type": "NewsArticle", "headline": "Tram line approved", "author": {"name": "Lena Park"}})
    bio = "<p>A ten-year veteran of city hall, Lena has covered transport since the first tram line opened.</p>"
    article = extract_string(page(head, body=BODY + bio), fmt="html")
    assert article.authors == ["Lena Park"]
    assert [(b.kind, b.rule) for b in article.boilerplate if b.span.text.startswith("A ten-year")] == [
        ("byline", "author_bio")]
    assert len(article.paragraphs) == 3
