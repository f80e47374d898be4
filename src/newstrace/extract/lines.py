"""Recognise the lines of an article that are not body: bylines, datelines, source lines, notices.

Each rule is a named regular expression over one line (or over the start of a paragraph, for
datelines such as "WASHINGTON (AP) —"). A match says what kind of boilerplate the line is and,
where the line carries facts (authors, outlet, a date, where the story came from), what they are.
Rules are anchored and length-limited so that body sentences ("By the end of the year, ...") pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newstrace.extract.dates import DATE_PATTERN, MONTH_DAY_RE, find_date, to_iso

WIRES = {
    "AP": "Associated Press", "Associated Press": "Associated Press", "Reuters": "Reuters",
    "AFP": "Agence France-Presse", "Agence France-Presse": "Agence France-Presse", "UPI": "United Press International",
    "dpa": "Deutsche Presse-Agentur", "DPA": "Deutsche Presse-Agentur", "Xinhua": "Xinhua", "ANI": "ANI",
    "PTI": "Press Trust of India", "IANS": "IANS", "Bloomberg": "Bloomberg", "CNN": "CNN", "TASS": "TASS",
    "AAP": "Australian Associated Press", "CP": "The Canadian Press", "PA": "PA Media", "EFE": "EFE",
    "ANSA": "ANSA", "Kyodo": "Kyodo News", "Yonhap": "Yonhap", "WAM": "WAM", "SPA": "Saudi Press Agency",
    "ITAR-TASS": "TASS",
}
_WIRE_ALT = "|".join(sorted((re.escape(w) for w in WIRES), key=len, reverse=True))
# Words that make a name an organisation rather than a person.
OUTLET_WORDS = re.compile(
    r"\b(news|press|times|post|agency|agence|reuters|associated|staff|media|radio|tv|television|network|journal|"
    r"herald|tribune|daily|weekly|magazine|gazette|wire|service|bureau|newsroom|desk|editors?|editorial|"
    r"research|report|review|observer|guardian|telegraph|independent|chronicle|monitor|insider|online|"
    r"broadcasting|corporation|group|institute|foundation|center|centre|wikinews|bbc|cnn|afp|upi|npr|"
    r"pbs|abc|cbs|nbc|fox|sky|al jazeera|xinhua|tass|bloomberg|conversation|politico|axios|team|contributors?)\b"
    r"|\.(com|org|net|gov|co\.uk|info)\b", re.I)
_NAME_TOKEN = r"(?:[A-Z][\w'’.-]*|[A-Z]\.|de|van|von|der|da|di|la|le|bin|al|el|Mc\w+)"
_PERSON = rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,4}}"
DASH = r"[-–—]"
# "By RT", "By NPR": a byline of one short capitalised acronym names an outlet, not a person.
_ACRONYM = re.compile(r"[A-Z]{2,5}")


@dataclass(slots=True)
class LineMatch:
    """What a line is, by which rule, and the facts it carries."""

    kind: str
    rule: str
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    date: str | None = None
    signal: str | None = None  # provenance signal kind, e.g. "original_source"
    signal_value: str | None = None
    url: str | None = None
    end: int | None = None  # for a prefix match (dateline), where the boilerplate ends in the line


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


_PLATFORM = (r"(?:twitter|x|instagram|facebook|bluesky|mastodon|threads|telegram|youtube|tiktok|linkedin|vk|rumble|gab|"
             r"truth\s+social)\b")
_URL = re.compile(r"https?://\S+|www\.\S+")
_EMAIL = re.compile(r"[\s,|/(<\[]*(?:e-?mail:?\s*)?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b[\s)>\]]*", re.I)
_ON_DATE = re.compile(rf"\b(?:on|in)\s+({DATE_PATTERN})", re.I)

# Source and republication lines: (rule name, pattern with a named group "who").
_SOURCE_RULES: list[tuple[str, str, re.Pattern[str]]] = [
    ("original_source", "original_source", _rx(r"^(?:the\s+)?original\s+source\s+of\s+this\s+(?:article|story|piece)\s+is\s+(?P<who>.+?)\.?$")),
    ("originally_published", "original_source", _rx(
        r"^(?:this|the)\s+(?:article|story|piece|post|report|interview|essay|column|op-ed)\s+(?:was|is)\s+(?:originally|first)\s+"
        r"(?:published|posted|appeared|ran)\s+(?:by|on|in|at|with)\s+(?P<who>.+?)\.?$")),
    ("originally_published_short", "original_source", _rx(
        r"^(?:originally|first)\s+(?:published|posted|appeared)\s+(?:by|on|in|at)\s+(?P<who>.+?)\.?$")),
    ("first_appeared", "original_source", _rx(
        r"^(?:this|the)\s+(?:article|story|piece|post|essay|column)\s+(?:first\s+|originally\s+)?appeared\s+(?:first\s+)?(?:on|in|at)\s+(?P<who>.+?)\.?$")),
    ("cross_posted", "republished_from", _rx(r"^(?:this\s+(?:article|post|piece)\s+(?:is|was)\s+)?cross-?posted\s+(?:from|with|at)\s+(?P<who>.+?)\.?$")),
    # Tribune Content Agency: "(c)2023 The Baltimore Sun. Visit at baltimoresun.com. Distributed by Tribune Content Agency, LLC."
    ("syndicated_copyright", "syndicated_copyright", _rx(
        r"^(?:©|\(c\)|copyright)\s*\d{4},?\s+(?P<who>[^.]+?(?:\.(?:com|org|net))?)\.\s+(?:visit|distributed|.{0,80}?distributed)\b.*\bdistributed\s+by\s+.+$")),
    # "— AFP", "-- Reuters", "(With inputs from Reuters)", "With inputs from PTI": a wire credit on its own line.
    ("wire_credit", "wire_credit", re.compile(rf"^(?:{DASH}{{1,2}}\s*)(?P<who>(?:{_WIRE_ALT})(?:\s*(?:/|,|and)\s*(?:{_WIRE_ALT}))*)\.?$")),
    ("with_inputs", "wire_credit", _rx(r"^\(?\s*with\s+(?:additional\s+)?inputs?\s+from\s+(?P<who>.{2,60}?)\s*\)?\.?$")),
    ("republished_under_licence", "republished_from", _rx(
        r"^this\s+(?:article|story)\s+is\s+republished\s+from\s+(?P<who>.+?)\s+under\s+a\s+creative\s+commons\s+licen[cs]e.*$")),
    ("republished_from", "republished_from", _rx(
        r"^(?:this\s+(?:article|story|piece)\s+(?:is|was|has\s+been)\s+)?re-?published\s+(?:from|by\s+permission\s+of|with\s+(?:the\s+)?permission\s+(?:of|from))\s+(?P<who>.+?)\.?$")),
    ("republished_permission", "republished_from", _rx(r"^re-?published\s+with\s+(?:the\s+)?permission\.?$")),
    ("reprinted", "republished_from", _rx(
        r"^(?:this\s+(?:article|story)\s+(?:was|is)\s+)?reprinted\s+(?:with\s+permission\s+)?from\s+(?P<who>.+?)\.?$")),
    ("source_line", "source_line", _rx(r"^sources?\s*:\s*(?P<who>.{2,150})$")),
    ("via_line", "source_line", _rx(r"^via\s*:?\s+(?P<who>.{2,80})$")),
    ("print_version", "print_edition", _rx(r"^a\s+version\s+of\s+this\s+(?:article|story)\s+appear(?:s|ed)\s+in\s+print\s+on\s+(?P<who>.+)$")),
    ("produced_by", "produced_by", _rx(
        r"^this\s+(?:article|story|report)\s+was\s+(?:produced|reported|written)\s+by\s+(?P<who>.+?)(?:\s+in\s+(?:partnership|collaboration)\s+with\s+.+)?\.?$")),
    ("distributed_by", "syndicated_by", _rx(r"^(?:distributed|syndicated)\s+by\s+(?P<who>.+?)\.?$")),
]

# Lines whose kind is enough (no facts to pull out).
_NOTICE_RULES: list[tuple[str, str, re.Pattern[str], int]] = [
    ("copyright", "copyright_symbol", _rx(r"^(?:copyright\s*)?(?:©|\(c\)|&copy;)\s*.{0,200}$"), 250),
    # "Copyright law was at the centre..." is body: a notice names a year or a holder with "by".
    ("copyright", "copyright_word", _rx(r"^copyright\b\s*(?:by\b|(?=.{0,150}\b(?:19|20)\d{2}\b)).{0,200}$"), 250),
    ("copyright", "all_rights_reserved", _rx(r"^.{0,150}\ball\s+rights\s+reserved\.?$"), 200),
    ("copyright", "licence_notice", _rx(
        r"^.{0,200}\b(?:licen[cs]ed|available|published|distributed)\s+under\s+(?:the\s+terms\s+of\s+)?(?:a|the)?\s*"
        r"(?:creative\s+commons|cc[\s-]by|gnu|open\s+government)\b.*$"), 500),
    ("copyright", "may_not_be_reproduced", _rx(r"^.{0,80}\bmay\s+not\s+be\s+(?:published|reproduced|broadcast|rewritten|redistributed)\b.*$"), 300),
    ("fair_use", "fair_use", _rx(r"^.*\b(?:fair\s+use|copyrighted\s+material\s+the\s+use\s+of\s+which)\b.*$"), 1500),
    ("disclaimer", "our_standards", _rx(r"^our\s+standards\s*:.{0,120}$"), 140),
    ("disclaimer", "disclaimer_label", _rx(r"^disclaimer\s*:?.*$"), 1500),
    ("disclaimer", "views_own", _rx(
        r"^.{0,200}\b(?:views|opinions)\s+expressed\s+(?:in\s+this\s+(?:article|piece|post|column)\s+)?(?:are|is)\s+"
        r"(?:(?:solely|entirely)\s+)?(?:those\s+of\s+the\s+author|the\s+author'?s?|their\s+own|his\s+own|her\s+own).*$"), 800),
    ("disclaimer", "views_not_reflect", _rx(r"^.{0,300}\bdo(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)\b.*$"), 800),
    ("disclaimer", "informational_only", _rx(r"^.{0,200}\bfor\s+(?:general\s+)?informational\s+purposes\s+only\b.*$"), 600),
    ("disclaimer", "not_investment_advice", _rx(r"^.{0,200}\bnot\s+(?:financial|investment|legal|medical)\s+advice\b.*$"), 600),
    # "Associated Press writer Jane Roe in Paris contributed to this report." (a credit, not the byline's authors)
    ("byline", "contributed_credit", _rx(
        r"^.{0,400}\bcontributed\s+(?:to\s+this\s+(?:report|story|article)|reporting(?:\s+to\s+this\s+(?:report|story))?)\.?$"), 500),
    # "With reporting by Associated Press writer Jane Roe", "With files from The Canadian Press": a credit too.
    ("byline", "with_reporting", _rx(r"^with\s+(?:additional\s+)?(?:reporting|files)\s+(?:by|from)\s+\S.{1,200}$"), 230),
    ("editor_note", "editors_note", _rx(r"^editor'?s?[’']?s?\s+note\s*:.*$"), 1500),
    ("correction", "correction", _rx(r"^(?:correction|clarification|update(?:d)?)\s*(?:\(.{1,40}\))?\s*:.*$"), 1200),
    ("correction", "earlier_version", _rx(r"^an\s+earlier\s+version\s+of\s+this\s+(?:article|story)\b.*$"), 1200),
    ("taxonomy", "taxonomy_label", _rx(
        r"^(?:region|regions|theme|themes|tags?|topics?|categor(?:y|ies)|filed\s+under|keywords?|section|subjects?|"
        r"posted\s+in|more\s+on|in\s+this\s+(?:article|story))\s*:\s*.{1,300}$"), 320),
    ("call_to_action", "comment_on", _rx(r"^comment\s+on\s+.{1,120}$"), 160),
    ("call_to_action", "become_member", _rx(r"^(?:become|join)\s+(?:a\s+)?(?:member|subscriber|patron|supporter)\b.{0,150}$"), 180),
    ("call_to_action", "subscribe", _rx(
        r"^(?:subscribe|sign\s+up|register|join\s+our|get\s+our|don'?t\s+miss|never\s+miss)\b.{0,160}$"), 180),
    ("call_to_action", "support_us", _rx(
        r"^(?:please\s+)?(?:support|donate|make\s+a\s+donation|help\s+us|consider\s+supporting|chip\s+in)\b.{0,200}"
        r"\b(?:journalism|us|our\s+work|reporting|newsroom|donation|independent|today|site|media)\b.{0,80}$"), 260),
    ("call_to_action", "newsletter_prompt", _rx(r"^.{0,200}\bsign\s+up\s+(?:for|to)\s+our\s+(?:free\s+)?(?:\w+\s+)?newsletters?\b.{0,120}$"), 320),
    ("call_to_action", "support_journalism", _rx(r"^.{0,100}\bsupport\s+(?:independent|quality|local|our)\s+journalism\b.{0,120}$"), 240),
    # Comment systems: "Would you like to comment on this article?", "Please read our Comment Policy before
    # commenting.", "You must confirm your public display name before commenting".
    ("call_to_action", "comment_prompt", _rx(
        r"^(?:would\s+you\s+like\s+to\s+comment\b.{0,60}|(?:you\s+must|please)\b.{0,100}\b(?:before\s+commenting|comment(?:ing)?\s+policy|"
        r"display\s+name)\b.{0,100})$"), 220),
    ("call_to_action", "follow_us", _rx(
        r"^(?:follow|like|find)\s+us\s+on\b.{0,120}$"), 140),
    ("call_to_action", "click_here", _rx(r"^(?:click|tap)\s+here\b.{0,150}$"), 170),
    ("call_to_action", "download_app", _rx(r"^download\s+(?:the|our)\s+.{0,40}\bapp\b.{0,80}$"), 140),
    ("call_to_action", "visit_site", _rx(r"^visit\s+(?:our|the)\s+.{0,60}(?:website|site|page)\b.{0,60}$"), 140),
    ("share", "share_prompt", _rx(
        r"^(?:(?:please\s+|click\s+to\s+)?share\s+(?:this|on|via)\b.{0,60}|share|tweet|e-?mail|print|whatsapp|facebook|twitter|linkedin|reddit|"
        r"(?:(?:twitter|facebook|email|e-mail|print|whatsapp|linkedin|reddit|pinterest|telegram|copy\s+link)[\s\xa0|,/·•]*){2,})$"), 120),
    ("contact", "contact_author", _rx(
        r"^(?:contact|reach|e-?mail|write\s+to)\s+(?:the\s+)?(?:author|reporter|writer|editor|us|\w+\s+\w+)\b.{0,40}"
        r"(?:\bat\b|:).{0,100}$"), 180),
    # "Follow Example.co.uk on Twitter and Facebook for the latest news updates. Sign up for our alerts here."
    ("contact", "follow_handle", _rx(rf"^follow\s+(?:[A-Z][\w.'-]+\s+){{1,3}}on\s+{_PLATFORM}(?:.{{0,60}}|"
                                      rf"(?:\s*(?:,|and|or)\s+{_PLATFORM})+\s+for\s+(?:the\s+)?latest\b.{{0,200}})$"), 320),
    ("contact", "media_inquiries", _rx(
        r"^(?:for\s+)?(?:media|press)\s+(?:inquiries|enquiries|contacts?|queries)\s*"
        r"(?:[:,–-]|\s(?:please\s+)?(?:contact|call|e-?mail|write|reach)\b).{3,160}$"), 190),
    ("contact", "reached_at", _rx(
        r"^[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+can\s+be\s+(?:reached|contacted|emailed)\s+(?:at|on|via)\s+.{3,100}$"),
     160),
    # "Get in touch with our news team by emailing us at webnews@example.co.uk."
    ("contact", "get_in_touch", _rx(
        r"^.{0,100}\b(?:get\s+in\s+touch|e-?mail(?:ing)?\s+us|contact\s+us|write\s+to\s+us|send\s+us)\b.{0,80}@[\w-]+\.\w"
        r"(?:.{0,40}|\S*\.?\s+or\s+(?:you\s+can\s+)?(?:submit|send|upload)\b.{0,80})$"), 260),
    ("contact", "email_line", _rx(r"^(?:e-?mail|tel|phone|telephone|fax|contact)\s*:\s*.{3,100}$"), 130),
    ("contact", "tip_line", _rx(r"^(?:have\s+a\s+(?:news\s+)?tip|got\s+a\s+(?:news\s+)?tip|send\s+(?:us\s+)?(?:a\s+)?tips?)\b.{0,150}$"), 180),
    ("related", "related_label", _rx(
        r"^(?:related(?:\s+(?:coverage|stories|articles|content|reading))?|read\s+(?:more|also|next)|see\s+also|see\s+more(?=\s*[:|»›>-])|"
        r"for\s+more\s+(?:stories|news|articles)\s+like\s+this|more\s+(?:from|stories|on\s+this)|recommended(?:\s+for\s+you)?|you\s+may\s+also\s+like|also\s+read|"
        r"most\s+(?:read|popular)|trending(?:\s+now)?|watch)\b\s*[:|»›>-]?.{0,160}$"), 180),
    ("related", "more_label", re.compile(r"^MORE\s*:\s*\S.{0,160}$"), 180),  # "MORE: <headline>", in capitals
    ("caption", "photo_credit", _rx(
        r"^(?:\(?(?:photo|photograph|image|picture|video|graphic|illustration|credit|file\s+photo|pictured)"
        r"(?:\s+(?:by|credit|courtesy(?:\s+of)?))?\s*[:/-].{2,200}\)?"
        r"|.{0,200}\((?:photo|image)\s+(?:by|credit|courtesy)\b.{1,120}\)\.?"
        r"|.{0,200}\b(?:/\s*)?(?:getty\s+images|afp\s+via\s+getty|shutterstock|reuters/[A-Z]\w+|ap\s+photo)\b.{0,60})$"), 320),
    # "Pictured from left, are ...", "Pictured right, is reader ...": a caption that lost its figure.
    ("caption", "pictured", _rx(
        r"^pictured\s+(?:above|below|left|right|centre|center|top|bottom|here|from\s+(?:left|right)|at\s+the\s+(?:back|front)|"
        r"in\s+(?:front|the\s+(?:centre|center|middle)))\b.{0,400}$"), 420),
    ("advertisement", "advertisement", _rx(r"^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|promoted|story\s+continues\s+below(?:\s+advertisement)?)$"), 60),
    # The pieces of a consent notice whose links split it: "Privacy Policy and", "Terms of Service apply."
    ("navigation", "legal_link", _rx(r"^(?:the\s+)?(?:google\s+)?(?:privacy\s+policy|terms\s+of\s+(?:service|use)|cookie\s+policy)"
                                     r"\s*(?:and|apply\.?|,)?\s*$"), 40),
    ("navigation", "navigation", _rx(r"^(?:back\s+to\s+top|skip\s+to\s+(?:main\s+)?content|home|menu|next\s+article|previous\s+article|you\s+are\s+here.{0,80})$"), 100),
]

# Bylines: "By Jane Doe", "By JANE DOE and JOHN ROE, Associated Press", "By Reuters Staff", "Written by ..."
_BYLINE = re.compile(
    rf"^(?:(?P<date_before>{DATE_PATTERN})\s*(?:[|,·•-]\s*)?)?"
    r"(?:by|written\s+by|story\s+by|words\s+by|posted\s+by|text\s+by|authors?\s*:)\s*:?\s+"
    rf"(?P<names>[^|\n]{{2,160}}?)(?:\s*(?:\||/|\s{DASH}\s)\s*(?P<rest>[^|\n]{{0,120}}))?$",
    re.I)
_REUTERS_CREDITS = _rx(r"^(?:\(?reporting\s+by\s+.{2,200}(?:;|\s)\s*(?:additional\s+reporting\s+by|writing\s+by|editing\s+by)\s+.{2,300}\)?)$")
_DATE_THEN_BY = _rx(rf"^(?P<date>{DATE_PATTERN})\s*(?:[|,·•-]\s*)?by\s+(?P<names>.{{2,120}})$")

# Datelines at the start of a paragraph.
_WIRE_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .,'’-]{{1,60}}?(?:,\s*[A-Z][A-Za-z. ]{{1,30}})?"
    # "New Delhi [India], March 3 (ANI):" (Indian wires write the place in title case and end with a colon)
    rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}\s*\[[A-Z][A-Za-z ]{{1,30}}\]"
    # "Washington (AFP) -" (a place in title case) and "Dec 29 (Reuters) -" (the date alone)
    rf"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?=\s*\()|{MONTH_DAY_RE.pattern}(?=\s*\())?"
    rf"\s*(?:,\s*(?P<monthday>{MONTH_DAY_RE.pattern}))?\s*"
    rf"\((?P<wire>{_WIRE_ALT})\)\s*(?:{DASH}{{1,2}}|:)\s*")
# TASS: "MOSCOW, March 3. /TASS/."
_SLASH_WIRE_DATELINE = re.compile(rf"^(?P<place>[A-Z][A-Z .'’-]{{1,40}}),\s*(?P<monthday>{MONTH_DAY_RE.pattern})\.?\s*/(?P<wire>TASS|Xinhua|ITAR-TASS)/\.?\s+")
_CITY_DATELINE = re.compile(rf"^(?P<place>[A-Z][A-Z'’.-]{{2,}}(?:\s+[A-Z][A-Z'’.-]+){{0,3}}(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?)\s*{DASH}{{1,2}}\s+(?=[A-Z\"“‘'])")
# A whole line that is a date (with weekday or a label): "Friday, January 4, 2019", "Published: 3 March 2020"
_DATE_LINE = re.compile(
    rf"^(?P<label>(?:published|posted|updated|last\s+updated|modified|date|first\s+published)\s*(?:on|:)?\s*)?"
    rf"(?P<date>{DATE_PATTERN})\s*(?:[|·•]\s*(?P<tail>.{{0,60}}))?\s*$", re.I)
# "Outlet, March 20, 2017" or "Outlet | 20 March 2017" on its own line.
_OUTLET_DATE_LINE = re.compile(rf"^(?P<outlet>[A-Z][\w.&'’ -]{{1,60}}?)\s*[,|·•-]\s*(?P<date>{DATE_PATTERN})\s*\.?$")
# "Asia Times 18 March 2017" (no separator): only a Title Case name, so that a sentence ending in a date passes.
_OUTLET_DATE_LINE_BARE = re.compile(rf"^(?P<outlet>(?:[A-Z][\w.&'’-]*\s+){{1,5}}?)(?P<date>{DATE_PATTERN})\s*\.?$")


def classify_line(line: str) -> LineMatch | None:
    """Say what a whole line is, if it is not body text."""
    text = line.strip().strip("\xa0\u200b").strip()
    if not text:
        return None
    return (_match_source(text) or _match_byline(text) or _match_date_line(text)
            or _match_notice(text))


def classify_fact_line(line: str) -> LineMatch | None:
    """Like ``classify_line`` for source, byline and date lines only (the ones whose facts a page header holds)."""
    text = line.strip().strip("\xa0\u200b").strip()
    return (_match_source(text) or _match_byline(text) or _match_date_line(text)) if text else None


def match_dateline_prefix(paragraph: str) -> LineMatch | None:
    """A dateline that opens a body paragraph: "WASHINGTON (AP) — ", "(Reuters) - ", "KYIV, Ukraine — "."""
    m = _WIRE_DATELINE.match(paragraph) or _SLASH_WIRE_DATELINE.match(paragraph)
    if m and (m.group("place") or m.group("wire")):
        wire = m.group("wire")
        name = WIRES.get(wire, WIRES.get(wire.upper(), wire))
        return LineMatch("dateline", "wire_dateline", signal="wire_dateline", signal_value=name, end=m.end())
    m = _CITY_DATELINE.match(paragraph)
    if m and len(m.group("place")) <= 60 and not _is_acronym_only(m.group("place")):
        return LineMatch("dateline", "city_dateline", end=m.end())
    return None


def _is_acronym_only(place: str) -> bool:
    # "US —" or "UN —" at the start of a paragraph is more often body than a dateline.
    return len(place.replace(".", "").strip()) <= 3


def _match_source(text: str) -> LineMatch | None:
    if len(text) > 400:
        return None
    for rule, signal, pattern in _SOURCE_RULES:
        m = pattern.match(text)
        if not m:
            continue
        who = (m.groupdict().get("who") or "").strip()
        url_m = _URL.search(who)
        url = url_m.group(0).rstrip(".,;)") if url_m else None
        date = None
        date_m = _ON_DATE.search(who) or re.search(DATE_PATTERN, who, re.I)
        if date_m:
            date = to_iso(date_m.group(1) if date_m.re is _ON_DATE else date_m.group(0))
            who = who[: date_m.start()].strip()
        who = _clean_outlet(_URL.sub("", who)) if who else None
        if rule == "print_version":
            who = None
        return LineMatch("source", rule, outlet=None, date=date, signal=signal, signal_value=who or None, url=url)
    return None


def _clean_outlet(name: str) -> str:
    """"the website of X on" -> "X": the outlet's name without the words around it."""
    name = re.sub(r"\s+(?:on|in|at|under)\s*$", "", name.strip(" .,;:-–—()[]\"“”"))
    name = re.sub(r"^the\s+website\s+of\s+", "", name, flags=re.I)
    return name.strip(" .,;:")


def _match_byline(text: str) -> LineMatch | None:
    if len(text) > 220:
        return None
    if _REUTERS_CREDITS.match(text):
        names = re.findall(r"(?:reporting|writing)\s+by\s+([^;)]+)", text, re.I)
        return LineMatch("byline", "reporting_credits", authors=_split_names(" and ".join(names)))
    date_first = _DATE_THEN_BY.match(text)
    if date_first:
        match = _byline_from_names(date_first.group("names"), None, "date_byline")
        if match:
            match.date = to_iso(date_first.group("date"))
        return match
    m = _BYLINE.match(text)
    if not m:
        return None
    match = _byline_from_names(m.group("names"), m.group("rest"), "byline")
    if match and m.group("date_before"):
        match.date = to_iso(m.group("date_before"))
    return match


def _byline_from_names(names: str, rest: str | None, rule: str) -> LineMatch | None:
    names = _EMAIL.sub("", names).strip(" ,.")  # "By Jane Doe (jane@example.org)": the address is no name
    rest = _EMAIL.sub("", rest or "").strip(" ,.")
    date = None
    found = find_date(rest) if rest else None
    if found:
        date = found[0]
        rest = (rest[: found[1]] + rest[found[2]:]).strip(" ,.|-–—")
    # "By Jane Doe, Associated Press" may arrive with the outlet still in ``names``.
    if not rest and "," in names:
        head, tail = names.rsplit(",", 1)
        if OUTLET_WORDS.search(tail) or tail.strip() in WIRES:
            names, rest = head, tail.strip()
    if not _looks_like_names(names):
        if OUTLET_WORDS.search(names) or names in WIRES or _ACRONYM.fullmatch(names):
            outlet = WIRES.get(names, names)
            return LineMatch("byline", rule + "_outlet", outlet=outlet, date=date,
                             signal="byline_outlet", signal_value=outlet)
        return None
    authors = _split_names(names)
    if not authors:
        return None
    outlet = WIRES.get(rest, rest) if rest and (OUTLET_WORDS.search(rest) or rest in WIRES or rest.istitle()) else None
    return LineMatch("byline", rule, authors=authors, outlet=outlet, date=date,
                     signal="byline_outlet" if outlet else None, signal_value=outlet)


def _looks_like_names(names: str) -> bool:
    if OUTLET_WORDS.search(names) or _ACRONYM.fullmatch(names):
        return False
    parts = _split_names(names)
    return bool(parts) and all(re.fullmatch(_PERSON, p) and 1 <= len(p.split()) <= 5 for p in parts) and \
        all(_mostly_capitalised(p) for p in parts)


def _mostly_capitalised(name: str) -> bool:
    words = [w for w in name.split() if w.lower() not in ("de", "van", "von", "der", "da", "di", "la", "le", "bin", "al", "el")]
    return bool(words) and all(w[0].isupper() for w in words)


def _split_names(names: str) -> list[str]:
    parts = re.split(r"\s*(?:,|;|\band\b|&)\s*", names.strip(), flags=re.I)
    return [_titlecase_if_shouting(p.strip(" .")) for p in parts if p.strip(" .")]


def _titlecase_if_shouting(name: str) -> str:
    return name.title() if name.isupper() and len(name) > 3 else name


def _match_date_line(text: str) -> LineMatch | None:
    if len(text) > 120:
        return None
    m = _DATE_LINE.match(text)
    if m:
        iso = to_iso(m.group("date"))
        if iso:
            label = (m.group("label") or "").lower()
            rule = "updated_line" if "updated" in label or "modified" in label else "date_line"
            return LineMatch("dateline", rule, date=iso)
    m = _OUTLET_DATE_LINE.match(text) or _OUTLET_DATE_LINE_BARE.match(text)
    if m and not m.group("outlet").lower().startswith(("on ", "in ", "by ")):
        iso = to_iso(m.group("date"))
        outlet = m.group("outlet").strip(" ,|-")
        if iso and len(outlet.split()) <= 6:
            return LineMatch("dateline", "outlet_date_line", outlet=outlet, date=iso,
                             signal="outlet_dateline", signal_value=outlet)
    return None


def _match_notice(text: str) -> LineMatch | None:
    for kind, rule, pattern, max_len in _NOTICE_RULES:
        if len(text) <= max_len and pattern.match(text):
            return LineMatch(kind, rule)
    return None
