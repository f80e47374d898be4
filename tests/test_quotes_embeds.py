"""An embedded post is a quote written by its account (invented page)."""
from newstrace.model import Article, Embed, Quote, Span, Speaker
from newstrace.pipeline import analyze
from newstrace.quotes.embeds import with_embeds

PAGE = """<html><head><title>Council votes on bridge</title></head><body><article>
<h1>Council votes on bridge</h1>
<p>The city council voted on Tuesday to rebuild the old bridge across the river, ending a debate of two years.</p>
<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The bridge will be rebuilt by 2027. Thank you to everyone
who campaigned for it!</p>&mdash; Ann Lee (@annlee) <a href="https://twitter.com/annlee/status/1">June 3, 2024</a>
</blockquote>
<p>Ann Lee, the mayor, said the vote was a victory for the whole city and that work would start in the autumn.</p>
<p>Opponents said the cost of the project, about 40 million dollars, was far too high for a city of its size.</p>
</article></body></html>"""


def test_an_embedded_tweet_is_written_by_its_account_and_ids_stay_in_text_order():
    analysis = analyze(PAGE, content_type="text/html")
    text = analysis.article.text
    post = next(q for q in analysis.quotes if "rebuilt by 2027" in q.content.text)
    speaker = next(s for s in analysis.speakers if s.id == post.speaker_id)
    assert post.type == "writing" and post.kind == "direct" and post.cue is None
    assert text[post.content.start:post.content.end] == post.content.text
    assert speaker.name == "Ann Lee" and "@annlee" in speaker.aliases
    said = next(q for q in analysis.quotes if "victory for the whole city" in q.content.text)
    assert said.speaker_id == post.speaker_id  # the body's Ann Lee is the account's Ann Lee
    starts = [q.span.start for q in analysis.quotes]
    assert starts == sorted(starts) and [q.id for q in analysis.quotes] == [f"q{n}" for n in range(1, len(starts) + 1)]


def test_a_post_without_words_or_without_an_account_is_no_quote():
    text = "Body.\n\nA video."
    article = Article(text=text, embeds=[Embed("youtube", None, url="https://youtube.com/x"),
                                         Embed("twitter", Span.of(text, 7, 15), handle=None, display_name=None)])
    quotes = [Quote(id="q1", span=Span.of(text, 0, 5), content=Span.of(text, 0, 5))]
    speakers = [Speaker(id="s1", name="Someone")]
    assert with_embeds(article, quotes, speakers) == (quotes, speakers)
