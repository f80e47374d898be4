"""Embedded posts as quotes: a tweet or Instagram post in the page is written by its account.

The extraction stage keeps each embedded post's words in ``Article.text`` (outside the body paragraphs, so the
parser never reads them) with the platform's @handle, display name and date (``Article.embeds``). Each post with
words and an account becomes a ``writing`` quote of that account; an account whose display name is a speaker
already quoted in the body is that speaker.
"""
from __future__ import annotations

import dataclasses
import re

from newstrace.model import Article, Quote, Speaker

_WORD = re.compile(r"\w+")


def with_embeds(article: Article, quotes: list[Quote], speakers: list[Speaker]) -> tuple[list[Quote], list[Speaker]]:
    """``quotes`` and ``speakers`` with one quote per embedded post; quote ids renumbered in text order."""
    posts = [e for e in article.embeds if e.span is not None and e.span.text.strip() and (e.handle or e.display_name)]
    if not posts:
        return quotes, speakers
    speakers = list(speakers)
    added = []
    for post in posts:
        speaker = _account(speakers, post.display_name, post.handle)
        added.append(Quote(id="", span=post.span, content=post.span, kind="direct", cue=None, cue_lemma="post",
                           speaker_id=speaker.id, confidence=0.9, type="writing"))
    ordered = sorted(list(quotes) + added, key=lambda q: (q.span.start, q.span.end))
    return [dataclasses.replace(q, id=f"q{n}") for n, q in enumerate(ordered, 1)], speakers


def _account(speakers: list[Speaker], name: str | None, handle: str | None) -> Speaker:
    """The speaker the account is: one already named alike, or a new one named by the account."""
    words = set(_WORD.findall((name or "").lower()))
    for speaker in speakers:
        if speaker.kind == "unresolved":
            continue
        known = set(_WORD.findall(speaker.name.lower()))
        if handle and handle in speaker.aliases or len(words) > 1 and words == known:
            if handle and handle not in speaker.aliases:
                speaker.aliases.append(handle)
            return speaker
    speaker = Speaker(id=f"s{len(speakers) + 1}", name=name or handle or "", kind="person",
                      aliases=[handle] if handle and name else [], role=None, affiliation=None, mentions=[])
    speakers.append(speaker)
    return speaker
