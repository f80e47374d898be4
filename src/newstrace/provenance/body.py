"""Reporting sources named in the body: "told Reuters", "in an interview with the BBC", "according to a
report by ProPublica", "Le Monde reported on Monday", "the interview was conducted on DATE by X for Y".

Each rule is a regular expression with an ``out`` group (the outlet) and optional ``journalist`` and
``date`` groups. A match becomes a link only if ``out`` really names an outlet: a table outlet, a name
with a media word ("Kyiv Independent", "Interfax news agency"), or a described venue ("French
television"). An outlet mentioned as a topic ("Reuters moved its offices") matches no rule.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from newstrace.model import Article, Entity, Quote, Source, Span
from newstrace.provenance import outlets
from newstrace.provenance.candidate import Candidate
from newstrace.provenance.signals import Page, name_kind
from newstrace.provenance.when import stated_date

# A capitalised word; a full stop only inside it ("UOL.com.br", "U.S"), so a name never runs into the next sentence.
_CAP = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"
# An outlet as written: "the BBC", "The Associated Press", "Interfax news agency", "CNN's", "French television".
_OUT = (rf"(?P<out>(?:the |The )?{_CAP}(?: (?:of |de |al[- ])?{_CAP}){{0,5}}"
        r"(?: (?:news agency|newspaper|daily|broadcaster|television|TV|radio|channel|website|network|magazine))?"
        r"|(?:[A-Z][a-z]+(?:\s+state)?|state|local|national|public|independent|pro-government)\s+"
        r"(?:television|TV|radio|broadcaster|news\s+agency|newspaper|media|channel|daily))")
_PERSON = r"(?P<journalist>[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z'’-]+)){1,2})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WHEN = (rf"(?P<date>(?:on\s+|late\s+on\s+|early\s+on\s+|last\s+)?(?:{_WEEKDAY}|(?:January|February|March|April|May|"
         r"June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2}"
         r"(?:,\s+\d{4})?))")
_JOURNALIST_OF = rf"{_PERSON}\s+(?:of|from|for|at)\s+"
_INTERVIEW = r"(?:an?\s+(?:exclusive\s+|recent\s+|televised\s+|broadcast\s+|(?:tele)?phone\s+|radio\s+|TV\s+|lengthy\s+|rare\s+|joint\s+)*interview)"

# (rule, role, pattern). Patterns are tried on each body paragraph; names are case-sensitive.
_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("interview_conducted", "interview", re.compile(
        rf"\b[Tt]he\s+interview\s+was\s+conducted\s+(?:on\s+{_WHEN}\s+)?by\s+{_PERSON}\s+(?:for|of)\s+{_OUT}"
        rf"(?:\s+on\s+(?P<date2>{_WEEKDAY}|[A-Z][a-z]+\s+\d{{1,2}}(?:,\s+\d{{4}})?))?")),
    ("interview_with_journalist", "interview", re.compile(
        rf"\b(?:[Ii]n|[Dd]uring|[Ii]n\s+the\s+course\s+of)\s+{_INTERVIEW}\s+with\s+{_JOURNALIST_OF}{_OUT}")),
    ("interview_with", "interview", re.compile(
        rf"\b(?:[Ii]n|[Dd]uring|[Gg]ave|[Gg]iving)\s+{_INTERVIEW}\s+(?:with|to|for|on)\s+{_OUT}")),
    ("interview_aired", "interview", re.compile(
        rf"\b{_INTERVIEW}\s+(?:aired|broadcast|published|released)\s+(?:{_WHEN}\s+)?(?:on|by|in)\s+{_OUT}")),
    ("told_journalist", "interview", re.compile(rf"\btold\s+{_JOURNALIST_OF}{_OUT}")),
    ("told", "interview", re.compile(
        rf"\b(?:told|[Ss]peaking\s+to|spoke\s+to|[Ii]n\s+(?:comments|remarks|a\s+statement)\s+to)\s+{_OUT}")),
    ("according_to_report", "report", re.compile(
        r"\b(?:[Aa]ccording\s+to|[Cc]iting|[Aa]s\s+(?:first\s+)?reported\s+in)\s+(?:a|an|the)\s+(?:new\s+|recent\s+|"
        r"earlier\s+|separate\s+|joint\s+|exclusive\s+)?(?:report|investigation|story|article|analysis|survey)\s+"
        rf"(?:(?:published\s+)?(?:{_WHEN}\s+)?(?:by|from|in|on)\s+){_OUT}")),
    ("first_reported_by", "report", re.compile(rf"\b(?:[Aa]s\s+)?(?:first\s+|previously\s+|originally\s+)?reported\s+(?:by|in)\s+{_OUT}")),
    ("according_to_outlet", "report", re.compile(rf"\b[Aa]ccording\s+to\s+{_OUT}")),
    ("outlet_reported", "report", re.compile(
        rf"(?:^|(?<=[.;:!?,\"”]\s)|(?<=\n)|\b(?:[Tt]he|[Ss]ays|[Ww]hich|[Aa]s)\s+)"
        rf"{_OUT}(?:'s\s+\w+)?\s+(?:first\s+|previously\s+|earlier\s+|also\s+|had\s+|has\s+)?reported"
        rf"(?=\s*(?:,|\bthat\b|\b{_WEEKDAY}\b|\b(?:on|late\s+on|early\s+on)\s+(?:{_WEEKDAY}|[A-Z][a-z]+\s+\d)|"
        r"\b(?:last|this)\s+(?:week|month|year|\w+day)\b|\bearlier\b|\bon\s+its\s+website\b|\bciting\b|\.|\byesterday\b|"
        r"\btoday\b|\bin\s+(?:a|an|its)\b))")),
    ("press_release", "press release", re.compile(
        rf"\b(?:[Aa]ccording\s+to|[Ii]n|[Cc]iting)\s+a\s+(?:press\s+release|news\s+release)\s+(?:from|by|issued\s+by)\s+{_OUT}")),
    ("said_in_press_release", "press release", re.compile(rf"{_OUT}\s+(?:said|announced|stated)\s+in\s+a\s+press\s+release")),
]
_INSTITUTION = re.compile(r"\b(?:Council|Institute|Institution|University|College|Foundation|Cent(?:er|re)|Committee|"
                          r"Company|Corporation|Group|Bank|Fund|Party|Commission|Association|Society|School|"
                          r"Hospital|Department|Ministry|Club|Union|Museum|Forum)\b")
_POSSESSIVE = re.compile(r"['’]s\b.*$")
_GENERIC_VENUE = re.compile(r"^(?:[A-Z][a-z]+(?:\s+state)?|state|local|national|public|independent|pro-government)\s+"
                            r"(?:television|TV|radio|broadcaster|news\s+agency|newspaper|channel|daily)$")
_NOT_OUTLETS = re.compile(r"^(?:reporters?|journalists?|police|officials?|lawmakers|parliament|congress|the\s+court|"
                          r"the\s+(?:committee|council|house|senate|jury|judge|press|media)|(?:social|state|local|news|national)\s+media)$",
                          re.I)


def body_candidates(article: Article, page: Page) -> list[Candidate]:
    """Interview and report links found in the body paragraphs (one per outlet and role, evidence merged later)."""
    found: list[Candidate] = []
    for para in article.paragraphs:
        found += list(_paragraph_candidates(article, para, page))
    return found


def _paragraph_candidates(article: Article, para: Span, page: Page) -> Iterator[Candidate]:
    taken: list[tuple[int, int]] = []
    for rule, role, pattern in _RULES:
        for m in pattern.finditer(para.text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue  # a more specific rule already explained this text
            source = _source(article, para, m, rule, role, page)
            if source:
                taken.append((m.start(), m.end()))
                yield Candidate(source, para.start + m.start())


def _source(article: Article, para: Span, m: re.Match[str], rule: str, role: str, page: Page) -> Source | None:
    start, end = para.start + m.start("out"), para.start + m.end("out")
    if role == "press release":
        name = _issuer(m.group("out"))
    else:
        name = outlet_name(m.group("out"), article.entities, start, end, strict_ambiguous=rule == "according_to_outlet")
    if not name:
        return None
    groups = m.groupdict()
    date_text = groups.get("date") or groups.get("date2") or _after(para.text, m.end()) or _in_name(m.group("out"))
    evidence = Span.of(article.text, para.start + m.start(), para.start + m.end())
    kind = "person" if _is_person(name, article.entities, start, end) else name_kind(name)
    return Source(name=name, kind=kind, role=role, date=stated_date(date_text or "", page.date),
                  journalist=groups.get("journalist") or _possessive_person(m.group("out")), evidence=[evidence],
                  signal=f"body:{rule}")


def _possessive_person(out: str) -> str | None:
    """"CNN's Jake Tapper": the journalist after the outlet's possessive."""
    m = re.search(r"['’]s\s+([A-Z][a-z]+\s+[A-Z][a-z'’-]+)$", out)
    return m.group(1) if m and not outlets.MEDIA_WORDS.search(m.group(1)) else None


def _after(text: str, pos: int) -> str | None:
    """A date right after the match: "told Reuters on Monday", "reported late on March 3"."""
    m = re.match(rf"\s*,?\s*(?:(?:published|aired|broadcast|released)\s+)?{_WHEN}", text[pos:pos + 50])
    return m.group("date") if m else None


def _in_name(out: str) -> str | None:
    """A weekday swallowed by the name pattern: "told the BBC Tuesday"."""
    m = re.search(rf"\b{_WEEKDAY}\b", out)
    return m.group(0) if m else None


def outlet_name(text: str, entities: Iterable[Entity] = (), start: int = 0, end: int = 0,
                *, strict_ambiguous: bool = False) -> str | None:
    """The outlet ``text`` names, or None when it is not an outlet (a person, an institution, "reporters")."""
    text = _POSSESSIVE.sub("", text.strip()).strip()
    if not text or _NOT_OUTLETS.match(text):
        return None
    if _GENERIC_VENUE.match(text):
        return text  # "French television": the outlet is described, not named
    bare = re.sub(r"^[Tt]he\s+", "", text)
    known = _known_prefix(bare, strict=strict_ambiguous)
    if known:
        return known
    if strict_ambiguous:
        return None  # "according to X" is said of people and agencies far more than of outlets
    named = re.sub(r"\s+(?:news\s+agency|newspaper|broadcaster|website|channel)$", "", bare)
    if named != bare:
        return named  # "the Ukrinform news agency": the wording says it is an outlet
    if outlets.MEDIA_WORDS.search(bare) and not _is_person(bare, entities, start, end):
        return bare
    return None


def _known_prefix(name: str, *, strict: bool) -> str | None:
    """The table outlet that ``name`` or its first words spell: "BBC World Service" is the BBC."""
    words = name.split()
    for n in range(len(words), 0, -1):
        known = outlets.lookup(" ".join(words[:n]), strict=strict)
        if known:
            # "the Atlantic Council" is not The Atlantic
            return None if _INSTITUTION.search(" ".join(words[n:])) else known.name
    return None


def _issuer(text: str) -> str | None:
    """Who issued a press release: any capitalised name (a company, an agency, a person)."""
    name = re.sub(r"^[Tt]he\s+", "", _POSSESSIVE.sub("", text.strip()))
    return name if name and not _NOT_OUTLETS.match(name) else None


def _is_person(name: str, entities: Iterable[Entity], start: int, end: int) -> bool:
    return any(e.label == "PERSON" and e.span.start <= start and e.span.end >= end for e in entities)


def quote_candidates(article: Article, quotes: Iterable[Quote], page: Page) -> list[Candidate]:
    """Interview venues another stage found on quotes ("..., she told the BBC") become interview links."""
    found = []
    for quote in quotes:
        venue = quote.venue
        if venue is None:
            continue
        text = re.sub(r"^.*?\b(?:interview\s+(?:with|to|on)|told|to|on|with)\s+", "", venue.text)
        name = outlet_name(text, article.entities, venue.start, venue.end)
        if name:
            source = Source(name=name, kind="outlet", role="interview", date=stated_date(venue.text, page.date),
                            evidence=[venue], signal="quote_venue")
            found.append(Candidate(source, venue.start))
    return found
