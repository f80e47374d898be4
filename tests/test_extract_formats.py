"""Format by content: Markdown pasted into .txt, HTML saved as .txt, XML-declared pages; Markdown parsed exactly."""
from __future__ import annotations

import pytest

from newstrace.claims.money import find_money
from newstrace.extract import extract_article, extract_string
from newstrace.extract.markdown import markdown_to_text
from newstrace.reading.document import RawDocument

# An invented article as a reader copies it from a web page: Markdown markup, a byline, calls to action.
COPIED_MARKDOWN = """# Harbour fund pays out to contractor

By **Mara Lindqvist** | March 3, 2024

The port authority paid \\$5 million to [Kestrel Dredging](#) last year, *the auditor* wrote.

"We were told it was routine," said **Tomas Ek**, a board member, in [an interview](https://example.org/ek).

The sum equals about 460 million kronor, according to the [annual report](https://example.org/report).

Become a Member of Harbour Watch
Comment on Harbour Watch articles on our Facebook page
"""


def _copied(name: str = "copied.txt"):
    return extract_article(RawDocument(name=name, data=COPIED_MARKDOWN.encode()))


def test_markdown_in_a_txt_file_is_read_as_markdown_and_says_why():
    article = _copied()
    assert article.source_format == "markdown"
    evidence = article.metadata["input"]["format_evidence"]
    assert "link" in evidence and "bold" in evidence and ".txt" in evidence


def test_markdown_txt_gives_clean_text_with_exact_link_spans():
    article = _copied()
    assert "*" not in article.text and "](" not in article.text and "\\" not in article.text
    assert article.title == "Harbour fund pays out to contractor"
    body = article.body_text()
    assert body.startswith("The port authority paid $5 million to Kestrel Dredging last year, the auditor wrote.")
    hrefs = {link.span.text: link.href for link in article.links}
    assert hrefs == {"an interview": "https://example.org/ek", "annual report": "https://example.org/report"}
    for link in article.links:
        assert article.text[link.span.start:link.span.end] == link.span.text


def test_markdown_txt_sets_aside_byline_and_calls_to_action():
    article = _copied()
    assert article.authors == ["Mara Lindqvist"]
    assert article.published == "2024-03-03"
    kinds = [(b.kind, b.rule) for b in article.boilerplate]
    assert ("byline", "byline") in kinds
    assert ("call_to_action", "become_member") in kinds and ("call_to_action", "comment_on") in kinds
    assert not any("Become a Member" in p.text for p in article.paragraphs)


def test_backslash_escaped_dollar_is_read_as_money():
    amounts = find_money(_copied().body_text())
    assert any(m.value == 5_000_000 and m.currency == "USD" for m in amounts)


def test_input_format_still_forces_plain_text():
    article = extract_article(RawDocument(name="copied.txt", data=COPIED_MARKDOWN.encode()), fmt="text")
    assert article.source_format == "text" and article.text == COPIED_MARKDOWN
    assert article.metadata["input"]["format_evidence"].startswith("forced (detected markdown")


def test_html_saved_as_txt_is_read_as_html():
    page = ("<html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>"
            + "".join(f"<p>The ferry crews returned to work on Tuesday, {n} days after the strike began.</p>" for n in (7, 8, 9))
            + "</article></body></html>")
    article = extract_article(RawDocument(name="saved.txt", data=page.encode()))
    assert article.source_format == "html" and "<p>" not in article.text
    assert "despite file name ends in .txt" in article.metadata["input"]["format_evidence"]


def test_a_jsonl_text_field_is_read_by_its_content(tmp_path):
    import json

    from newstrace.corpus.jsonl import jsonl_documents

    page = "<html><body><article><h1>Ferry strike ends</h1>" + "".join(
        f"<p>The ferry crews returned to work on Tuesday, {n} days after the strike began.</p>" for n in (7, 8)) + \
        "</article></body></html>"
    plain = "Ferry strike ends\n\nThe crews returned to work on Tuesday - a week after it began.\n"
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in (COPIED_MARKDOWN, page, plain)))
    articles = [extract_article(doc.raw, fmt=doc.fmt) for doc in jsonl_documents(str(path))]
    assert [a.source_format for a in articles] == ["markdown", "html", "text"]
    assert "](" not in articles[0].text and "$5 million to Kestrel Dredging" in articles[0].body_text()
    assert "<p>" not in articles[1].text and "content type text/plain" in articles[1].metadata["input"]["format_evidence"]
    assert articles[2].text == plain


def test_plain_text_with_a_dash_list_stays_plain_text_exactly():
    text = "Council votes on budget\n\nThe council voted on three items:\n\n- roads\n- schools\n\nIt passed.\n"
    article = extract_article(RawDocument(name="notes.txt", data=text.encode()))
    assert article.source_format == "text" and article.text == text


# --- the Markdown parser ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("source,text", [
    ("It cost \\$5 and \\*not\\* more.", "It cost $5 and *not* more."),
    ("Some **bold**, *italic*, _under_ and ~~struck~~ words.", "Some bold, italic, under and struck words."),
    ("## A subheading\n\nBody.", "A subheading\n\nBody."),
    ("- one\n- two", "one\n\ntwo"),
    ("3. third\n4. fourth", "3. third\n\n4. fourth"),
    ("> quoted words\n> over two lines", "quoted words\nover two lines"),
    ("Use `grep -r` here.\n\n```\nx = 1\n```", "Use grep -r here.\n\nx = 1"),
    ("A picture ![alt words](p.png) here.", "A picture  here."),
    ("AT&amp;T &copy; 2024", "AT&T © 2024"),
    ("| a | b |\n|---|---|\n| 1 | 2 |", "a | b\n\n1 | 2"),
])
def test_markdown_syntax_is_removed(source, text):
    assert markdown_to_text(source).text == text


def test_link_inside_emphasis_keeps_an_exact_span():
    md = markdown_to_text("Intro.\n\nShe told **[the Herald](https://herald.example/x)** on Friday.")
    assert md.text == "Intro.\n\nShe told the Herald on Friday."
    [link] = md.links
    assert (link.span.text, link.href) == ("the Herald", "https://herald.example/x")
    assert md.text[link.span.start:link.span.end] == "the Herald"


# --- pages that open with an XML declaration ----------------------------------------------------------------------

def _xml_page(encoding: str, title: str, body: str) -> bytes:
    page = (f'<?xml version="1.0" encoding="{encoding}"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head><body><article>'
            f"<h1>{title}</h1>" + "".join(f"<p>{body} ({n} of 3)</p>" for n in (1, 2, 3)) + "</article></body></html>")
    return page.encode(encoding)


def test_xml_declared_utf8_page_is_read():
    data = _xml_page("utf-8", "Café owners protest", "The café owners in Malmö protested against the new fees.")
    article = extract_article(RawDocument(name="page.xhtml", data=data))
    assert article.title == "Café owners protest" and "Malmö" in article.body_text()


def test_xml_declared_legacy_encoding_page_is_decoded_by_its_declaration():
    data = _xml_page("iso-8859-1", "Señor Peña resigns", "Señor Peña said he would leave the café board in Málaga.")
    article = extract_article(RawDocument(name="page.html", data=data))
    assert article.title == "Señor Peña resigns" and "Málaga" in article.body_text()


def test_xml_declared_page_as_a_string():
    page = _xml_page("utf-8", "Dock reopens", "The dock reopened on Monday after repairs to the quay wall.").decode()
    assert extract_string(page, fmt="html").title == "Dock reopens"


def test_cli_analyzes_an_xml_declared_legacy_page_and_a_markdown_txt(tmp_path, capsys, nlp):
    import json

    from newstrace.cli.main import main

    (tmp_path / "page.html").write_bytes(_xml_page("windows-1252", "Señor Peña resigns",
                                                   "Señor Peña said he would leave the café board in Málaga."))
    (tmp_path / "copied.txt").write_text(COPIED_MARKDOWN, encoding="utf-8")
    assert main(["analyze", str(tmp_path), "-f", "json", "-q", "--no-semantic"]) == 0
    docs = {json.loads(line)["article"]["source_format"]: json.loads(line)["article"]
            for line in capsys.readouterr().out.splitlines()}
    assert docs["html"]["title"] == "Señor Peña resigns"
    assert "$5 million" in docs["markdown"]["text"] and docs["markdown"]["authors"] == ["Mara Lindqvist"]
