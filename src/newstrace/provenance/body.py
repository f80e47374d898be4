"""Reporting sources named in the body: "told Reuters", "in an interview with the BBC", "according to a
report by ProPublica", "Le Monde reported on Monday", "the interview was conducted on DATE by X for Y".

Each rule is a regular expression with an ``out`` group (the outlet) and optional ``journalist``, ``date`` and
``medium`` groups. A match becomes a link only if ``out`` really names an outlet: a table outlet, a name
with a media word ("Kyiv Independent", "Interfax news agency"), a name the wording makes one ("Greek daily
Kathimerini", "first reported by the Hamburger Abendblatt"), or a described venue ("French television").
An outlet mentioned as a topic ("Reuters moved its offices") matches no rule.
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
        r"(?: (?:news agency|newspaper|daily|broadcaster|television|TV|radio|news channel|channel|website|network|magazine))?"
        r"|(?:[A-Z][a-z]+(?:\s+state)?|state|local|national|public|independent|pro-government)\s+"
        r"(?:television|TV|radio|broadcaster|news\s+agency|newspaper|media|channel|daily))")
# "the Saudi state-owned Al-Arabiya television": a description before the name is not part of it.
_DESCRIBED = (r"(?:(?:the\s+)?(?:[A-Z][a-z]+(?:['’]s)?\s+)?(?:state-owned|state-run|state-controlled|state-backed|"
              r"semi-official|official|privately[- ]owned|pro-government|opposition|independent|local|regional|national|"
              r"public|commercial|[A-Z][a-z]+-(?:backed|controlled|run|owned|funded|based))\s+(?=[A-Z]))?")
# A medium named before the name: "Greek daily Kathimerini", "newspaper The Hindu", "the regional newspaper
# Nordposten", "public broadcaster Kanal Sedam". The wording says the name that follows is an outlet.
_PRINT_NOUNS = r"daily|newspaper|tabloid|weekly|broadsheet|magazine|news\s+agency|press\s+agency|wire\s+service"
_BROADCAST_NOUNS = (r"broadcaster|(?:news|media)\s+(?:site|website|outlet|portal|channel|network)|TV\s+channel|"
                    r"television(?:\s+channel|\s+station)?|radio(?:\s+station)?|channel|affiliate|"
                    r"sister\s+(?:station|channel|paper|newspaper|publication)")
_ADJECTIVE = (r"(?:state-owned|state-run|state|semi-official|official|privately[- ]owned|pro-government|opposition|"
              r"independent|local|regional|national|public|commercial|private|business|financial|economic|conservative|"
              r"liberal|left-leaning|right-leaning|left-wing|right-wing|leading|popular|online|[a-z]+-language|"
              r"[a-z]+-based)\s+")
_MEDIUM = (r"(?:(?P<medium>(?:[Tt]he\s+)?(?:[A-Z][\w-]*(?:['’]s)?\s+)?"
           rf"(?:{_ADJECTIVE}){{0,2}}(?:[A-Z][a-z]+\s+)?"  # "state-owned Iranian news agency"
           rf"(?:(?:{_PRINT_NOUNS}|{_BROADCAST_NOUNS})\s+){{0,1}}"  # "television broadcaster", "daily newspaper"
           rf"(?:{_PRINT_NOUNS}|{_BROADCAST_NOUNS}))\s+(?=(?:The\s+|El\s+|La\s+|Le\s+|Die\s+|Der\s+)?[A-Z]))?")
# A personal name: "Jake Tapper", "Bill O'Reilly", "Ron DeSantis", "Laura J. Smith".
_NAME_WORD = r"[A-Z][a-z]*(?:['’][A-Z]|[A-Z])?[a-z'’-]+"
_LEAD = rf"{_DESCRIBED}{_MEDIUM}"
# "the Associated Press (AP) reported"
_ABBREVIATION = r"(?:\s+\([A-Z][A-Za-z.]{1,8}\))?"
# "The BBC and CNN reported", "according to Reuters, the BBC and Al Jazeera": a list that ends in "and".
_LISTED = r"(?:the\s+|The\s+)?[A-Z](?:[\w&'’-]|\.(?=\w))*(?:\s+[A-Z](?:[\w&'’-]|\.(?=\w))*){0,4}"
_AND_MORE = rf"(?:(?:,\s+{_LISTED}){{0,3}},?\s+and\s+{_LISTED})?"
_MORE = re.compile(rf"(?P<list>(?:,\s+{_LISTED}){{0,3}},?\s+and\s+{_LISTED})")
_PERSON = rf"(?P<journalist>{_NAME_WORD}(?:\s+(?:[A-Z]\.|{_NAME_WORD})){{1,2}})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_WHEN = (rf"(?P<date>(?:on\s+|late\s+on\s+|early\s+on\s+|last\s+)?(?:{_WEEKDAY}|{_MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?"
         rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?))")
_PLACE = r"(?:in\s+(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+)?"
_JOURNALIST_OF = rf"{_PERSON}\s+(?:of|from|for|at)\s+"
_INTERVIEW = r"(?:an?\s+(?:exclusive\s+|recent\s+|televised\s+|broadcast\s+|(?:tele)?phone\s+|radio\s+|TV\s+|lengthy\s+|rare\s+|joint\s+)*interview)"

# Where a subject starts: a sentence or clause start, or after "the", "says", "which", "as".
_SUBJECT = r"(?:\b(?:[Tt]he|[Ss]ays|[Ww]hich|[Aa]s)\s+|^|(?<=[.;:!?,\"”]\s)|(?<=[.;:!?,\"”]\s\s)|(?<=\n)|(?<=,\sand\s))"
# A reported clause without "that": "reported President Trump is expected", "reported the minister had resigned".
_CLAUSE = (r"\s+(?:he|she|they|it|there|we|(?:the\s+|a\s+|an\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}|"
           r"the\s+[a-z]+(?:\s+[a-z]+){0,2})\s+(?:is|was|were|are|had|has|have|would|will|could|may|might|must|"
           r"should|did|does|planned|plans)\b")

# "… poll found", "… investigation showed": what an outlet's own work says.
_FINDING = (r"(?:report|investigation|analysis|tally|count|poll|review|reporting)\s+"
            r"(?:found|finds|showed|shows|revealed|said|says)\b")


def _published(pieces: str) -> re.Pattern[str]:
    """An outlet that published a piece: "the New York Post published an article", "The November 4 issue of X ran
    an interview"."""
    return re.compile(rf"(?:{_SUBJECT}|\b(?:issue|edition)\s+of\s+){_LEAD}{_OUT}\s+(?:published|ran|carried|aired)\s+"
                      rf"(?:an?|its)\s+(?:\w+\s+)?(?:{pieces})\b")


def _outlet_then(verb: str) -> re.Pattern[str]:
    """An outlet as the subject of ``verb``: "Greek daily Kathimerini said", ", Cyprus Mail reported."."""
    return re.compile(rf"{_SUBJECT}{_LEAD}{_OUT}{_ABBREVIATION}{_AND_MORE}{verb}")


# (rule, role, pattern). Patterns are tried on each body paragraph; names are case-sensitive.
_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("interview_conducted", "interview", re.compile(
        rf"\b[Tt]he\s+interview\s+was\s+(?:conducted|given|granted|recorded)\s+{_PLACE}(?:on\s+{_WHEN}\s+)?(?:by|to)\s+"
        rf"{_PERSON}\s+(?:for|of)\s+{_OUT}"
        rf"(?:\s+{_PLACE.replace('place', 'place2')}(?:on\s+(?P<date2>{_WEEKDAY}|[A-Z][a-z]+\s+\d{{1,2}}(?:,\s+\d{{4}})?"
        rf"|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?))?)?")),
    ("interview_with_journalist", "interview", re.compile(
        rf"\b(?:[Ii]n|[Dd]uring|[Ii]n\s+the\s+course\s+of)\s+{_INTERVIEW}\s+with\s+{_JOURNALIST_OF}{_OUT}")),
    ("interview_with", "interview", re.compile(
        rf"\b(?:[Ii]n|[Dd]uring|[Gg]ave|[Gg]iving)\s+{_INTERVIEW}\s+(?:with|to|for|on)\s+{_LEAD}{_OUT}")),
    ("interview_aired", "interview", re.compile(
        rf"\b{_INTERVIEW}\s+(?:aired|broadcast|published|released)\s+(?:{_WHEN}\s+)?(?:on|by|in)\s+{_OUT}")),
    ("told_journalist", "interview", re.compile(
        rf"\b(?:told|[Ss]peaking\s+(?:to|with)|spoke\s+(?:to|with)|[Tt]alking\s+to|talked\s+to|interviewed\s+by)\s+"
        rf"{_JOURNALIST_OF}{_OUT}")),
    ("told", "interview", re.compile(
        rf"\b(?:told|(?:confirmed|explained|admitted|revealed|said)\s+to|[Ss]peaking\s+exclusively\s+to|[Ss]peaking\s+(?:to|with|on)|spoke\s+(?:to|with|on)|[Tt]alking\s+to|talked\s+to|interviewed\s+by|"
        rf"[Aa]ppearing\s+on|appeared\s+on|[Ii]n\s+an\s+appearance\s+on|"
        rf"[Ii]n\s+(?:comments|remarks|a\s+statement)\s+to)\s+{_LEAD}{_OUT}")),
    # "according to a report by X", "citing an investigation published on Monday in X", "A story in X said".
    ("according_to_report", "report", re.compile(
        r"(?:\b(?:[Aa]ccording\s+to|[Cc]iting|[Aa]s\s+(?:first\s+)?reported\s+in)\s+)?\b(?:(?:[Aa]n?|[Tt]he)\s+(?:new\s+|"
        r"recent\s+|earlier\s+|separate\s+|joint\s+|exclusive\s+)?(?:report|investigation|story|article|analysis|survey|"
        r"op-ed|column|editorial)|(?:(?:media|news|press)\s+)?reports|articles|stories)\s+"
        rf"(?:(?:published|broadcast|aired)\s+)?(?:{_WHEN}\s+)?(?:by|from|in|on)\s+{_LEAD}{_OUT}")),
    # "writing in The Guardian", "in an op-ed for X", "in a column for X": a piece published there ("wrote for X
    # for ten years" is a job).
    ("writing_in", "report", re.compile(
        r"\b(?:[Ww]riting\s+in|wrote\s+in|[Ii]n\s+an?\s+(?:op-ed|column|opinion\s+piece|article|essay|"
        rf"editorial)\s+(?:for|in))\s+(?!an?\b){_LEAD}{_OUT}")),
    # "according to a Reuters report", "citing an AFP tally", "A Harbour Gazette poll found".
    ("report_by_outlet", "report", re.compile(
        rf"\b(?:[Aa]ccording\s+to|[Cc]iting|[Ii]n)\s+an?\s+(?:new\s+|recent\s+|earlier\s+|exclusive\s+)?{_OUT}\s+"
        r"(?:report|investigation|story|article|analysis|tally|count|poll|review)\b")),
    ("outlet_poll_found", "report", re.compile(
        rf"(?:^|(?<=[.!?]\s))[Aa]n?\s+(?:new\s+|recent\s+|earlier\s+|exclusive\s+)?{_OUT}\s+{_FINDING}")),
    ("outlet_s_finding", "report", re.compile(rf"(?:^|(?<=[.!?]\s))(?:[Tt]he\s+)?{_OUT}['’]s?\s+{_FINDING}")),
    ("seen_by", "report", re.compile(
        rf"\b(?:seen|obtained|reviewed|viewed|quoted|cited)\s+(?:by|in)\s+{_LEAD}{_OUT}")),
    ("by_the_newspaper", "report", re.compile(
        rf"\b(?:by|from|in)\s+(?:the\s+)?(?:newspaper|daily|broadcaster|news\s+site|news\s+outlet|magazine)\s+(?P<named>{_OUT})")),
    ("reporters_from", "report", re.compile(
        rf"\b(?:[Rr]eporters?|[Jj]ournalists?|[Cc]orrespondents?)\s+(?:from|at|for|with)\s+{_OUT}\s+(?:have\s+|has\s+)?reported")),
    ("first_reported_by", "report", re.compile(rf"\b(?:[Aa]s\s+)?(?:first\s+|previously\s+|originally\s+)?reported\s+(?:by|in)\s+{_OUT}")),
    ("according_to_outlet", "report", re.compile(rf"\b[Aa]ccording\s+to\s+{_LEAD}{_OUT}")),
    ("via_outlet", "report", re.compile(rf"(?<![/:])\b(?:said|reported|announced|wrote|published|first\s+reported|"
                                        rf"(?:first\s+)?obtained|via\s+a\s+report)?\s*\bvia\s+{_OUT}")),
    ("outlet_reported", "report", _outlet_then(
        rf"(?:'s\s+\w+)?\s+(?:first\s+|previously\s+|earlier\s+|also\s+|had\s+|has\s+)?reported"
        rf"(?=\s*(?:,|\bthat\b|{_CLAUSE}|\b{_WEEKDAY}\b|\b(?:on|late\s+on|early\s+on)\s+(?:{_WEEKDAY}|[A-Z][a-z]+\s+\d)|"
        r"\b(?:last|this)\s+(?:week|month|year|\w+day)\b|\bearlier\b|\bon\s+its\s+website\b|\bciting\b|\.|\byesterday\b|"
        r"\btoday\b|\bin\s+(?:a|an|its)\b|:|(?<=has reported)\s+(?:she|he|they|it|there)\b))")),
    # "The Harbour Gazette reports that", not "Harbour News reports, which …" (a noun).
    ("outlet_reports", "report", _outlet_then(rf"\s+(?:also\s+)?reports(?=\s+(?:that\b|{_CLAUSE}))")),
    # "Greek daily Kathimerini said": an outlet that says is a report when a medium word says it is one.
    ("outlet_said", "report", _outlet_then(
        r"\s+(?:also\s+|has\s+|had\s+)?(?:said|says|wrote|writes|stated|quoted|cited|"
        r"revealed|claimed|added|noted|described|covered|called)\b")),
    # "the New York Post published an article about", "The November 4 issue of X published an interview with".
    ("outlet_published_interview", "interview", _published("interview")),
    ("outlet_published", "report", _published("article|story|report|investigation|piece|editorial")),
    # "The BBC said the suspect had …": a table outlet saying what a clause says; not "CNN said it would appeal",
    # "… said in a statement", "… said they", where the outlet acts or speaks for itself.
    ("known_outlet_said", "report", _outlet_then(
        rf"\s+(?:also\s+)?(?:said|wrote)(?:\s+(?:on\s+)?(?:{_WEEKDAY}|yesterday|today))?\s+"
        r"(?:that\s+(?!it\b|its\b|they\b|their\b)|(?!it\b|its\b|they\b|their\b|in\b|on\b|to\b|this\b)"
        r"(?=the\b|a\b|an\b|[A-Z]|he\b|she\b|there\b|\d))")),
    # "…, CNN reports." / "…, the Harbour Gazette said.": the outlet after what it says, at the end of the sentence
    # (after a comma, so "He denied the BBC reports." is a noun).
    ("outlet_says_after", "report", re.compile(
        rf"(?:(?<=,\s)|(?<=,\s\s)|(?<=,[”\"]\s))(?:the\s+|The\s+)?{_LEAD}{_OUT}{_ABBREVIATION}\s+(?:also\s+)?"
        r"(?:reports|says|said|writes|wrote|adds|added)(?=\s*[.!?](?:\s|$)|\s*,\s*citing\b)")),
    ("outlet_quoted_as", "report", _outlet_then(
        r"\s+(?:also\s+)?quoted\s+[^.;:]{1,80}?\s+as\s+(?:saying|stating|telling)\b")),
    # "The Harbour Gazette said in an editorial", "X has learned": an outlet publishing.
    ("outlet_said_in", "report", _outlet_then(
        r"\s+(?:(?:said|wrote|reported|stated|noted)\s+in\s+(?:a|an|its)\s+(?:\w+\s+)?"
        r"(?:report|article|story|editorial|broadcast|bulletin)|(?:has|had)\s+(?:learned|learnt|obtained|confirmed))\b")),
    ("press_release", "press release", re.compile(
        rf"\b(?:[Aa]ccording\s+to|[Ii]n|[Cc]iting)\s+a\s+(?:press\s+release|news\s+release)\s+(?:from|by|issued\s+by)\s+{_OUT}")),
    ("said_in_press_release", "press release", re.compile(rf"{_OUT}\s+(?:said|announced|stated)\s+in\s+a\s+press\s+release")),
]
_INSTITUTION = re.compile(r"\b(?:Council|Institute|Institution|University|College|Foundation|Cent(?:er|re)|Committee|"
                          r"Company|Corporation|Group|Bank|Fund|Party|Commission|Association|Society|School|"
                          r"Hospital|Department|Ministry|Club|Union|Museum|Forum)\b")
# A medium with no name ("said on TV", "told the newspaper"): no outlet to put in a chain.
_BARE_MEDIUM = re.compile(r"^(?:the\s+)?(?:TV|television|radio|(?:the\s+)?(?:news)?paper|newspaper|press|media|"
                          r"internet|web|website|podcast|channel|magazine|daily|weekly|tabloid|broadcaster|"
                          r"(?:news\s+)?agency|network|station|outlet|site|journal|publication)$", re.I)
# A title, a weekday or a month starts no outlet's name ("national television President Novak said",
# "the newspaper Monday said").
_NO_NAME_START = re.compile(rf"^(?:the\s+|The\s+)?(?:President|Prime|Minister|Premier|Chancellor|King|Queen|Prince|"
                            rf"Princess|Mr|Mrs|Ms|Dr|Sir|Dame|Lord|Lady|Senator|Sen|Rep|Representative|Governor|Gov|"
                            rf"Mayor|General|Gen|Colonel|Judge|Justice|Minister|Secretary|Chief|Pope|Bishop|"
                            rf"Professor|Prof|{_WEEKDAY}|{_MONTH})\b\.?")
# "CNN's Jake Tapper", "Breitbart News’ Jane Roe": the outlet ends at its possessive.
# An office in the name: "White House Press Secretary Josh Earnest said" is a person, whatever "Press" says.
_OFFICE = re.compile(r"\b(?:Secretary|Spokes(?:man|woman|person)|Minister|President|Director|Chair(?:man|woman|person)?|"
                     r"Officer|Governor|Senator|Mayor|Commissioner|Ambassador|Attorney)\b(?!-)")
_POSSESSIVE = re.compile(r"['’](?:s\b|(?=\s)).*$")
# A demonym before a medium ("French television", "Greek newspaper"), not a name ("Vellamo newspaper").
_GENERIC_VENUE = re.compile(r"^(?:[A-Z][a-z]+(?:an|ese|ish|ch|i|ic|k|ss|b)(?:\s+state)?|state|local|national|public|independent|pro-government)\s+"
                            r"(?:television|TV|radio|broadcaster|news\s+agency|newspaper|channel|daily)$")
_NOT_OUTLETS = re.compile(r"^(?:reporters?|journalists?|police|officials?|lawmakers|parliament|congress|the\s+court|"
                          r"the\s+(?:committee|council|house|senate|jury|judge|press|media)|"
                          # "Turkish media reported": a country's media are many outlets, not one
                          r"(?:social|state|local|news|national|[A-Z][a-z]+)\s+media(?:\s+outlets|\s+reports)?)$",
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
                if role in ("report", "interview"):
                    yield from _listed_with(article, para, m, rule, source)


def _listed_with(article: Article, para: Span, m: re.Match[str], rule: str, first: Source) -> Iterator[Candidate]:
    """The other outlets of a list after the first ("according to the BBC and Reuters"), each by its own name:
    only a list that ends in "and", and only names that are outlets without help from the wording."""
    listed = _MORE.match(para.text, m.end("out"))
    if not listed:
        return
    for part in re.finditer(_LISTED, listed.group("list")):
        start = para.start + m.end("out") + part.start()
        name = outlet_name(part.group(0), article.entities, start, start + len(part.group(0)),
                           strict_ambiguous=rule in _STRICT_RULES)
        # "The Post and Courier" is one paper: a lone media word ("Courier") is no outlet of a list.
        if name and " " not in name and not outlets.lookup(name, strict=True):
            return
        if name and not outlets.same_outlet(name, first.name):
            yield Candidate(Source(name=name, kind=name_kind(name), role=first.role, date=first.date,
                                   evidence=list(first.evidence), signal=first.signal), start)


def _source(article: Article, para: Span, m: re.Match[str], rule: str, role: str, page: Page) -> Source | None:
    start, end = para.start + m.start("out"), para.start + m.end("out")
    if role == "press release":
        name = _issuer(m.group("out"))
    else:
        if rule == "via_outlet" and _credit_before(para.text, m.start()):
            return None  # "Photo: Jane Roe/Harbour Record via AP" is a picture credit
        medium = m.groupdict().get("medium")
        if rule in _MEDIUM_RULES and not medium and not _MEDIUM_SUFFIX.search(m.group("out")):
            return None  # "CNN said it would appeal": an outlet that says is a report only when it is worded as one
        if medium and _is_person(m.group("out"), article.entities, start, end) and re.search(_BROADCAST_NOUNS, medium):
            return None  # "told local radio John Smith had been arrested": the radio is unnamed
        if rule in _TABLE_RULES:
            known = outlets.lookup(_POSSESSIVE.sub("", m.group("out")).strip(), strict=True)
            name = known.name if known else None
        else:
            name = outlet_name(m.group("out"), article.entities, start, end,
                               strict_ambiguous=rule in _STRICT_RULES and not medium,
                               by_syntax=bool(medium) or _named_by_syntax(rule, m.group("out"))
                               or bool(_ISSUE_OF.search(para.text, 0, m.start("out"))))
    if not name:
        return None
    groups = m.groupdict()
    date_text = groups.get("date") or groups.get("date2") or _after(para.text, m.end()) or _in_name(m.group("out"))
    evidence = Span.of(article.text, para.start + m.start(), para.start + m.end())
    kind = "person" if _is_person(name, article.entities, start, end) else name_kind(name)
    place = groups.get("place") or groups.get("place2")
    return Source(name=name, kind=kind, role=role, date=stated_date(date_text or "", page.date),
                  journalist=groups.get("journalist") or _possessive_person(m.group("out")), evidence=[evidence],
                  signal=f"body:{rule}", note=f"interviewed in {place}" if place else None)


def _named_by_syntax(rule: str, out: str) -> bool:
    """The wording makes any name an outlet: "by newspaper Dagens Nyheter", "first reported by the Hamburger Abendblatt"
    (a person takes no article, so "the" + a name after "reported by" is an organisation)."""
    return rule in _SYNTAX_RULES or (rule == "first_reported_by" and out.startswith(("the ", "The ")))


# Rules after which a name must be an unambiguous table outlet ("according to X" is said of people and agencies,
# "via X" of routes and people).
_STRICT_RULES = {"according_to_outlet", "via_outlet"}


def _credit_before(text: str, pos: int) -> bool:
    return bool(outlets.CREDIT_WORDS.search(text[max(0, pos - 60):pos]) or "/" in text[max(0, pos - 30):pos])


# "The November 4 issue of Magyar Nemzet": only a publication has issues.
_ISSUE_OF = re.compile(r"\b(?:issue|edition)\s+of\s+(?:the\s+)?$")

# Rules after which only an unambiguous outlet of the table counts, by its whole name.
_TABLE_RULES = {"known_outlet_said"}

# Rules that need a medium word before or after the name ("daily X said", "X newspaper said").
_MEDIUM_RULES = {"outlet_said"}
_MEDIUM_SUFFIX = re.compile(r"\s(?:news\s+agency|newspaper|daily|broadcaster|television|TV|radio|news\s+channel|channel|"
                            r"website|network|magazine)$")

# Rules whose wording says the name is an outlet ("by newspaper X", "reporters from X reported").
_SYNTAX_RULES = {"by_the_newspaper", "reporters_from"}


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
                *, strict_ambiguous: bool = False, by_syntax: bool = False) -> str | None:
    """The outlet ``text`` names, or None when it is not an outlet (a person, an institution, "reporters").

    ``by_syntax``: the words around ``text`` say it is an outlet, so a name that is not in the table and
    has no media word is taken too (unless it is a person or an institution).
    """
    owner = re.match(r"^[A-Z][\w.-]*['’]s\s+(?P<rest>[A-Z].*)$", text.strip())
    if owner and (outlets.MEDIA_WORDS.search(owner.group("rest")) or outlets.lookup(owner.group("rest"), strict=True)):
        text = owner.group("rest")  # "Pakistan's Geo news channel", "Russia's TASS": the outlet follows its country
    text = _POSSESSIVE.sub("", text.strip()).strip()
    if not text or _NOT_OUTLETS.match(text) or _BARE_MEDIUM.match(text) or _NO_NAME_START.match(text) or \
            _OFFICE.search(text):
        return None
    if _GENERIC_VENUE.match(text):
        return text  # "French television": the outlet is described, not named
    bare = re.sub(r"^[Tt]he\s+", "", text)
    joint = re.match(r"^(?P<a>[^-]+\S)-(?P<b>[A-Z].*)$", bare)  # "an Associated Press-GfK poll": a joint name
    partners = [outlets.lookup(joint.group(g), strict=True) for g in ("a", "b")] if joint and not outlets.lookup(bare) else []
    partner = next((o for o in partners if o), None)
    if partner:
        return partner.name
    known = _known_prefix(bare, strict=strict_ambiguous)
    if known:
        return known
    # A lower-case medium is a description ("Kanal Dva television"); "Harbour TV" keeps its capitals.
    named = re.sub(r"\s+(?:news\s+agency|newspaper|broadcaster|website|(?:news\s+)?channel|television)$", "", bare)
    if named != bare and not _is_place(named, entities, start, end):
        return named  # "the Ukrinform news agency": the wording says it is an outlet
    if strict_ambiguous:
        # "according to X" is said of people and agencies far more than of outlets; a capital "The" inside a
        # sentence is part of a title, as outlets write theirs ("according to The Assembly").
        the_title = text.startswith("The ") and not _INSTITUTION.search(bare) and outlets.plausible_name(bare)
        return text if the_title and not _is_person(bare, entities, start, end) else None
    if outlets.MEDIA_WORDS.search(bare) and not _is_person(bare, entities, start, end) and not _organisation(bare):
        # "The Star-Ledger of Newark", "WKOW-TV of Madison": the paper, then its town
        town = re.match(r"^(?P<head>\S+(?:[ -]\S+)*?[ -]\S+)\s+of\s+[A-Z][a-z]+$", bare)
        return town.group("head") if town and outlets.MEDIA_WORDS.search(town.group("head")) else bare
    if by_syntax and not _INSTITUTION.search(bare) and outlets.plausible_name(bare):
        # The wording outranks the tagger, which often takes a foreign title for a person; a capital "The" is
        # part of the title ("newspaper The Hindu").
        return text if text.startswith("The ") else bare
    return None


_CAMPAIGN = re.compile(r"\b(?:Action|Justice|Rights|Alliance|Coalition|Campaign|Federation|Initiative|Project|Watch|"
                       r"Club|Council|Institute|Foundation|Association|Society|Union|Party|Group|Company|Corporation|"
                       r"University|College|School|Commission|Committee|Ministry|Department)\b")
_BROADCASTING = re.compile(r"\bBroadcast\w*\s+(?:Corporation|Company|Service|System|Union)\b")


def _organisation(name: str) -> bool:
    """"Planned Parenthood Action Network", "the National Press Club", "Guardian Media Group": a media word in
    the name of a campaign, a club or a company, which are no outlets ("Australian Broadcasting Corporation" is one)."""
    return bool(_CAMPAIGN.search(name)) and not _BROADCASTING.search(name)


def _known_prefix(name: str, *, strict: bool) -> str | None:
    """The table outlet that ``name`` or its first words spell: "BBC World Service" is the BBC."""
    words = name.split()
    # Strict rules take the whole name or nothing: "via Reuters Street" is no Reuters.
    for n in range(len(words), 0 if not strict else len(words) - 1, -1):
        head = " ".join(words[:n])
        # The whole name may be a domain's label; a prefix only a real name ("Sky Sports" is not sky.com's Sky News).
        known = outlets.lookup(head, strict=strict) if n == len(words) else outlets.lookup_name(head, strict=strict)
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


def _is_place(name: str, entities: Iterable[Entity], start: int, end: int) -> bool:
    """"the Hamburg newspaper": a place the tagger finds before a medium describes it, it does not name it."""
    return any(e.label in ("GPE", "LOC", "NORP") and e.span.start <= start < e.span.end for e in entities)


def short_names(candidates: list[Candidate], page: Page) -> None:
    """"The Washington Post reported … the Post said": a one-word name stands for the outlet named before it whose
    name ends in that word (or for the page's own outlet), so the two are one link."""
    named = [c for c in sorted(candidates, key=lambda c: c.order) if " " in c.source.name]
    for cand in candidates:
        word = re.sub(r"^[Tt]he\s+", "", cand.source.name)
        if cand.role not in ("report", "interview") or " " in word or outlets.lookup(word, strict=True):
            continue
        full = next((c.source.name for c in named if c.order < cand.order and _ends_with(c.source.name, word)), None)
        full = full or (page.outlet if page.outlet and _ends_with(page.outlet, word) else None)
        if full:
            cand.source.name = full


def _ends_with(name: str, word: str) -> bool:
    return " " in name and name.split()[-1].lower() == word.lower()


def quote_candidates(article: Article, quotes: Iterable[Quote], page: Page) -> list[Candidate]:
    """Venues another stage found on quotes ("..., she told the BBC") become interview links.

    Only a named outlet after a cue counts: "in a statement", "in a blog post", "during a news conference"
    and "in a Telegram post" say how something was said, not to which outlet.
    """
    found = []
    for quote in quotes:
        venue = quote.venue
        if venue is None:
            continue
        name = _venue_outlet(article, venue)
        if name:
            # "in a letter to The Mercury News": a letter the paper published, not an interview
            role = "report" if re.search(r"\b(?:letter|op-ed|column|article)\s+(?:to|for|in)\b", venue.text) else "interview"
            source = Source(name=name, kind="outlet", role=role, date=stated_date(venue.text, page.date),
                            evidence=[venue], signal="quote_venue")
            found.append(Candidate(source, venue.start))
    return found


def _venue_outlet(article: Article, venue: Span) -> str | None:
    """The outlet named right after the first cue of a venue that is followed by one ("in an interview with the BBC")."""
    for cue in _VENUE_CUE.finditer(venue.text):
        named = re.match(_OUT, venue.text[cue.end():])
        if named:
            start = venue.start + cue.end() + named.start("out")
            name = outlet_name(named.group("out"), article.entities, start, start + len(named.group("out")))
            if name:
                return name
    return None


_VENUE_CUE = re.compile(r"\b(?:interview\s+(?:with|to|on)|told|speaking\s+to|spoke\s+to|to|on|with|in)\s+")
