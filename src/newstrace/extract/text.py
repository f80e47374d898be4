"""Plain text to ``Article``: the text is kept exactly; title, paragraphs and boilerplate become spans."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newstrace.extract.lines import LineMatch, classify_line, match_dateline_prefix
from newstrace.model import Article, Boilerplate, Link, Signal, Span

_MAX_TITLE = 250
# Boilerplate whose facts describe the article itself (not a quoted or embedded item).
_ENGLISH_HINTS = re.compile(r"\b(the|and|of|to|in|is|that|for|was|with|said|on|are|by|it|as|at)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int  # without the line break
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip(" \t\xa0\u200b\ufeff")


def extract_text(text: str, *, url: str | None = None, source_format: str = "text",
                 title_hint: str | None = None, links: list[Link] | None = None) -> Article:
    """Build an ``Article`` whose ``text`` is exactly ``text``."""
    lines = _split_lines(text)
    article = Article(text=text, url=url, source_format=source_format, links=list(links or []))
    title_line = _find_title(lines, title_hint)
    if title_line is not None:
        article.title_span = _strip_span(text, title_line.start, title_line.end)
        article.title = article.title_span.text
    body_lines: list[_Line] = []
    for line in lines:
        if line.blank or line is title_line:
            body_lines.append(line) if line.blank else None
            continue
        match = classify_line(line.text)
        if match:
            _record(article, _strip_span(text, line.start, line.end), match)
        else:
            body_lines.append(line)
    article.paragraphs = _paragraphs(text, body_lines, lines)
    _set_aside_link_only(article)
    _split_datelines(article)
    set_aside_author_bios(article)
    article.boilerplate.sort(key=lambda b: b.span.start)
    article.language = guess_language(article.body_text())
    return article


def _split_lines(text: str) -> list[_Line]:
    lines = []
    for m in re.finditer(r"[^\r\n]*(\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.group(0) == "":
            break
        line_end = m.end() - len(m.group(1))
        lines.append(_Line(m.start(), line_end, text[m.start():line_end]))
    return lines


def _strip_span(text: str, start: int, end: int) -> Span:
    """The span of ``text[start:end]`` without surrounding white space (also non-breaking spaces)."""
    while start < end and text[start] in " \t\xa0\u200b\ufeff":
        start += 1
    while end > start and text[end - 1] in " \t\xa0\u200b\ufeff":
        end -= 1
    return Span.of(text, start, end)


def _find_title(lines: list[_Line], title_hint: str | None) -> _Line | None:
    """A leading title: the first line, short, alone in its block, followed by more text."""
    non_blank = [i for i, line in enumerate(lines) if not line.blank]
    if len(non_blank) < 2:
        return None
    first = lines[non_blank[0]]
    if title_hint is not None:
        return first if first.text.strip() == title_hint.strip() else None
    stripped = first.text.strip()
    if len(stripped) > _MAX_TITLE or classify_line(stripped):
        return None
    next_is_blank = non_blank[0] + 1 < len(lines) and lines[non_blank[0] + 1].blank
    # A sentence boundary after a lower-case word ("Monday. She") — not after initials ("U.S. Says").
    boundaries = len(re.findall(r"[a-z0-9][.!?][\"”’']?\s+[A-Z]", stripped))
    ends_like_sentence = stripped.endswith((".", ":", ",", ";")) and not next_is_blank
    if boundaries >= 1 or ends_like_sentence or (not next_is_blank and len(stripped) > 120):
        return None
    return first


def _paragraphs(text: str, body_lines: list[_Line], all_lines: list[_Line]) -> list[Span]:
    """Body paragraphs: runs of body lines between blank lines (each line, if the text has no blank lines)."""
    has_blank_lines = any(line.blank for line in all_lines)
    paragraphs: list[Span] = []
    run: list[_Line] = []
    body_set = {id(line) for line in body_lines}
    for line in all_lines:
        in_body = id(line) in body_set and not line.blank
        if in_body and (has_blank_lines or not run):
            run.append(line)
            continue
        if run:
            paragraphs.append(_strip_span(text, run[0].start, run[-1].end))
        run = [line] if in_body else []
    if run:
        paragraphs.append(_strip_span(text, run[0].start, run[-1].end))
    return [p for p in paragraphs if p.text]


def _set_aside_link_only(article: Article) -> None:
    """A paragraph that is nothing but one link is a promotion or a "related" teaser, not body."""
    anchors = {(link.span.start, link.span.end) for link in article.links if link.span}
    keep = []
    for para in article.paragraphs:
        if (para.start, para.end) in anchors and len(para.text) < 300:
            article.boilerplate.append(Boilerplate("related", para, "link_only_paragraph"))
        else:
            keep.append(para)
    article.paragraphs = keep


_MAX_TEASER = 300
_MIN_TEASERS = 2


def set_aside_teasers(article: Article) -> None:
    """After a "More from …" label, linked headlines each followed by a short paragraph are a list of teasers.

    Only a list: at least two headline-teaser pairs in a row after the label, so the paragraph that goes on
    after one "Related:" link in the middle of an article stays body. Run after the subheadings are set aside.
    """
    blocks = sorted([(p.start, "body", p) for p in article.paragraphs] +
                    [(b.span.start, b.rule, b.span) for b in article.boilerplate])
    teasers: list[Span] = []
    run: list[Span] | None = None
    previous = None
    for _, rule, span in blocks:
        if rule == "related_label":
            run, previous = [], rule
            continue
        if run is None:
            continue
        if rule == "body" and previous == "link_only_paragraph" and len(span.text) <= _MAX_TEASER:
            run.append(span)
        elif rule not in ("link_only_paragraph", "subheading"):
            teasers += run if len(run) >= _MIN_TEASERS else []
            run = None
        previous = rule
    teasers += run if run and len(run) >= _MIN_TEASERS else []
    if teasers:
        chosen = {(t.start, t.end) for t in teasers}
        article.paragraphs = [p for p in article.paragraphs if (p.start, p.end) not in chosen]
        article.boilerplate += [Boilerplate("related", t, "teaser") for t in teasers]
        article.boilerplate.sort(key=lambda b: b.span.start)


_BIO_CUE = re.compile(
    r"\b(?:(?:is|was)\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){0,4}?(?:reporter|writer|journalist|editor|correspondent|columnist|"
    r"researcher|professor|lecturer|fellow|director|contributor|analyst|author|producer|commentator)s?\b|"
    r"(?:has\s+)?(?:covers|covered|written\s+for|writes\s+(?:about|for|on))\b|\bveteran\b)", re.I)
_MAX_BIO, _BIO_TAIL = 600, 3


def set_aside_author_bios(article: Article) -> None:
    """The closing paragraphs about the article's own author ("Jane Doe covers politics…") are not its news.

    Only among the last three body paragraphs, only one naming an author (full name, or the given name when
    it also says what the author does), and then the paragraphs after it that go on about the same person.
    """
    names = [a for a in article.authors if len(a.split()) >= 2]
    if not names or len(article.paragraphs) <= _BIO_TAIL or any(b.rule == "author_bio" for b in article.boilerplate):
        return
    tail = article.paragraphs[-_BIO_TAIL:]
    start = next((i for i, p in enumerate(tail) if len(p.text) <= _MAX_BIO and _BIO_CUE.search(p.text)
                  and any(_names(p.text, n) for n in names)), None)
    if start is None:
        return
    bios = [p for p in tail[start:] if len(p.text) <= _MAX_BIO and any(_names(p.text, n) for n in names)]
    if bios != tail[start:]:
        return  # a paragraph after it about something else: the article had not ended
    article.paragraphs = article.paragraphs[:-_BIO_TAIL] + tail[:start]
    article.boilerplate += [Boilerplate("byline", p, "author_bio") for p in bios]
    article.boilerplate.sort(key=lambda b: b.span.start)


def _names(text: str, author: str) -> bool:
    """``text`` names ``author``: the full name, the given name as a word, or the surname after another given
    name ("Steph Bazzle" for Stephanie Bazzle)."""
    given, surname = author.split()[0], author.split()[-1]
    return (author in text or re.search(rf"(?<!\w){re.escape(given)}(?!\w)", text) is not None
            or re.search(rf"\b[A-Z][\w’'-]+\s+{re.escape(surname)}(?!\w)", text) is not None)


def _split_datelines(article: Article) -> None:
    """Move an opening dateline ("WASHINGTON (AP) — ") out of its paragraph into a boilerplate span."""
    for i, para in enumerate(article.paragraphs[:3]):
        match = match_dateline_prefix(para.text)
        if not match or match.end is None or match.end >= len(para.text):
            continue
        dateline = _strip_span(article.text, para.start, para.start + match.end)
        dateline = Span.of(article.text, dateline.start, dateline.end)
        _record(article, dateline, match)
        article.paragraphs[i] = Span.of(article.text, para.start + match.end, para.end)
        break


def _record(article: Article, span: Span, match: LineMatch) -> None:
    """Keep the boilerplate span and the facts it carries."""
    article.boilerplate.append(Boilerplate(match.kind, span, match.rule))
    for author in match.authors:
        if author not in article.authors:
            article.authors.append(author)
    if match.kind == "dateline" and match.rule == "updated_line":
        article.updated = article.updated or match.date
    elif match.date and match.kind in ("dateline", "byline"):
        article.published = article.published or match.date
    if match.outlet and match.kind in ("dateline", "byline") and not article.outlet:
        article.outlet = match.outlet
    if match.signal:
        article.signals.append(Signal(match.signal, match.signal_value or "", "text", span,
                                      date=match.date, url=match.url))


def guess_language(text: str) -> str | None:
    """"en" when English function words are common; None when we cannot tell (we only parse English)."""
    words = re.findall(r"[^\W\d_]+", text[:20000])
    if len(words) < 5:
        return None
    share = len(_ENGLISH_HINTS.findall(" ".join(words))) / len(words)
    return "en" if share > 0.12 else None
