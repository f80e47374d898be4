"""Outlet names: a small table of well-known outlets (``outlets.json``), and tests for "is this name an outlet?".

The table is only used to recognise names and domains (``apnews.com`` is the Associated Press); an
outlet that is not in it is still accepted where the wording of the evidence says it is an outlet.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from tld import get_tld

from newstrace.extract.lines import WIRES


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    kind: str  # wire | outlet | syndicator | aggregator | press_release
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()


def _load_table(path: Path) -> tuple[Outlet, ...]:
    """The outlet table of ``outlets.json`` (one object an outlet: name, kind, aliases, domains)."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    return tuple(Outlet(r["name"], r["kind"], tuple(r["aliases"]), tuple(r["domains"])) for r in rows)


_TABLE: tuple[Outlet, ...] = _load_table(Path(__file__).with_name("outlets.json"))

# One-word acronyms ("AP", "PA", "CP") are too ambiguous to find in running text; they count only where the
# evidence is a wire slot such as "(AP) —" or a credit line.
_AMBIGUOUS = {"ap", "pa", "cp", "ft", "dw", "tca", "time", "abc", "cbs", "nbc", "insider", "independent", "guardian",
              "the times", "times", "atlantic", "fox", "people", "jta", "economist", "intercept", "telegraph", "conversation", "yahoo", "spiegel"}

# Names that stand for several outlets whatever the context.
_NEVER_ALONE = {"times", "the times", "post", "the post", "sun", "the sun", "star", "the star"}

# Words that make a name a news outlet (narrower than extraction's OUTLET_WORDS: no "bureau", "institute" ...).
MEDIA_WORDS = re.compile(
    r"\b(news|newspaper|press|times|post|agency|agence|media|radio|tv|television|broadcast\w*|network|journal|"
    r"herald|tribune|daily|weekly|magazine|gazette|wire|newswire|chronicle|observer|telegraph|courier|sun|star|"
    r"(?<!Royal )(?<![-\w])mail|"
    r"mirror|express|examiner|dispatch|inquirer|bulletin|monitor|reporter|review|record|register|standard|independent|"
    r"globe|channel|newsroom|publication|outlet|blog|substack|podcast)\b|\.(com|org|net|info|co\.uk|ca|news)\b",
    re.I)
# Credits for pictures and data, which "Source:" lines often are.
CREDIT_WORDS = re.compile(
    r"\b(photo|photos|photograph|image|images|picture|video|footage|graphic|chart|map|illustration|getty|"
    r"shutterstock|istock|alamy|epa|data|survey|statistics|census|bureau of|department|ministry|"
    r"world bank|monetary fund|imf|who|cdc|company filings|wikimedia|wikipedia|unsplash|pixabay|flickr|"
    r"screenshot|screengrab|handout)\b|/\s*[A-Z][a-z]+\s+[A-Z][a-z]+", re.I)
GENERIC_SOURCES = re.compile(r"^(?:news\s+)?(?:agencies|wires?|wire\s+services|agency|news\s+agencies|staff|"
                             r"agencies\s+and\s+staff|staff\s+and\s+agencies|social\s+media|media\s+reports?|"
                             r"internet|online|web|press\s+release|various)$", re.I)
# A job title after a byline's name ("By Jon King, News Reporter"), not where the text came from.
JOB_TITLE = re.compile(r"^(?:(?:senior|chief|deputy|junior|assistant|associate|staff|freelance|political|news|"
                       r"digital|special|foreign|royal|sports?|business|health|science|local|community)\s+)*"
                       r"(?:reporter|correspondent|writer|editor|journalist|contributor|columnist|producer|"
                       r"presenter|analyst|intern)s?$", re.I)


def key(name: str) -> str:
    """A comparable form of an outlet name: lower case letters and digits, no leading "the", no TLD."""
    text = name.lower().strip()
    text = re.sub(r"^https?://", "", text)
    text = re.sub(r"^www\.", "", text)
    text = re.sub(r"\.(?:com|org|net|info|co\.uk|ca|news|go\.com|co)(?:/.*)?$", "", text)
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^a-z0-9]+", "", text)


def _index() -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in _TABLE:
        for alias in (outlet.name, *outlet.aliases, *outlet.domains):
            index.setdefault(key(alias), outlet)
    for short, full in WIRES.items():
        if key(full) in index:
            index.setdefault(key(short), index[key(full)])
    return index


_INDEX = _index()
# Names and aliases only: a domain's label ("sky" of sky.com) is no name to find at the start of "Sky Sports".
_NAME_INDEX = {key(alias): outlet for outlet in _TABLE for alias in (outlet.name, *outlet.aliases)}
_DOMAINS = {d: outlet for outlet in _TABLE for d in outlet.domains}


@lru_cache(maxsize=65536)
def lookup(name: str | None, *, strict: bool = False) -> Outlet | None:
    """The known outlet a name or domain stands for; ``strict`` refuses ambiguous short names."""
    if not name:
        return None
    k = key(name)
    if name.strip().lower() in (_AMBIGUOUS if strict else _NEVER_ALONE):
        return None
    found = _INDEX.get(k)
    if found is None and "." in name:
        found = _by_domain(name)
    return found


def lookup_name(name: str, *, strict: bool = False) -> Outlet | None:
    """The known outlet ``name`` spells as a name or alias (never by a domain)."""
    if strict and name.strip().lower() in _AMBIGUOUS or name.strip().lower() in _NEVER_ALONE:
        return None
    return _NAME_INDEX.get(key(name))


def _by_domain(host: str) -> Outlet | None:
    """"news.yahoo.com", "edition.cnn.com": the host or any parent domain in the table."""
    parts = (domain_of(host) or host.lower()).split(".")
    return next((_DOMAINS[".".join(parts[i:])] for i in range(len(parts) - 1) if ".".join(parts[i:]) in _DOMAINS), None)


def canonical_name(name: str) -> str:
    """The table's name for a known outlet, else the cleaned name."""
    known = lookup(name)
    return known.name if known else clean_name(name)


def clean_name(name: str) -> str:
    """"khn.org, a national newsroom" -> "khn.org"; "Reuters Staff" -> "Reuters"; "LLC" suffixes dropped."""
    name = re.split(r",\s+(?:a|an|the)\s+|\s+\((?:opens|link)\b|,?\s+and\s+(?:is|was|has|have|are|appears|is\s+republished)\b",
                    name.strip(), maxsplit=1)[0]
    name = re.sub(r"\s+\([^)]*\)?$", "", name.strip())  # "Voice of America (VOA News)"
    name = re.sub(r",?\s+(?:LLC|Inc\.?|Ltd\.?|Limited|Corp\.?)$", "", name.strip(" .,;:"))
    name = re.sub(r"\s+(?:staff(?:\s+and\s+wire\s+reports)?|newsroom|editors|desk|staff\s+reports?)$", "", name,
                  flags=re.I)
    name = re.sub(r"\s+wire$", "", name)  # "Reuters wire"; a name such as "Lisbon Wire" keeps its capital
    name = re.sub(r"^(?:the\s+website\s+of\s+|the\s+site\s+|the\s+blog\s+)", "", name, flags=re.I)
    name = re.sub(r"\s+on\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b.*$",
                  "", name)
    name = re.sub(r"^the\s+(?=[A-Z])", "", name)  # "the Lakeland Courier"; a capital "The" is part of a title
    return name.strip(" .,;:\"“”'‘’[]()")


def domain_of(url: str | None) -> str | None:
    """The host of a URL or bare domain, without "www."; None when there is none or it cannot be parsed."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:  # "news[.com", "http://[bad": urlsplit refuses an unclosed IPv6 bracket
        return None
    return host.lower().removeprefix("www.").removeprefix("amp.").removeprefix("m.") or None


def registrable(domain: str) -> str:
    """The domain a host belongs to by the public-suffix list ("timeslive.co.za" of sundaytimes.timeslive.co.za)."""
    found = get_tld(domain, fix_protocol=True, as_object=True, fail_silently=True)
    return found.fld if found else domain


def site_label(domain: str | None) -> str | None:
    """The registrable name of a host by the public-suffix list: "9news" of www.9news.com.au."""
    if not domain:
        return None
    found = get_tld(domain, fix_protocol=True, as_object=True, fail_silently=True)
    return found.domain if found else None


def names_site(name: str | None, domain: str | None) -> bool:
    """Whether ``name`` is the site at ``domain``: the table says so, or the name spells the domain's label
    ("Financial Post" at financialpost.com, "The West Australian" at thewest.com.au, "9News" at 9news.com.au)."""
    if not name or not domain:
        return False
    if same_outlet(name, domain):
        return True
    label, k = key(site_label(domain) or ""), key(name)
    if len(label) < 3 or not k:
        return False
    return k.startswith(label) or label.startswith(k) or ("the" + k).startswith(label) or (len(label) >= 5 and label in k)


# A name as a page or a byline writes it; not navigation text run together ("Today's PaperPlace an Ad").
_PLAIN_WORDS = {"of", "the", "and", "de", "du", "la", "le", "el", "al", "for", "on", "in", "at", "y", "&", "news",
                "online", "daily", "today", "plus", "media"}


def plausible_name(name: str | None) -> bool:
    """A name a page could call an outlet: short, capitalised, with no run-together words or sentence text."""
    if not name or len(name) > 60 or not (name[0].isupper() or name[0].isdigit()):
        return False
    words = name.split()
    if len(words) > 7 or re.search(r"[a-z][A-Z][a-z]{2,}", name) and " " in name:
        return False
    lower = [w for w in words if w[0].islower() and w.lower() not in _PLAIN_WORDS]
    return not lower


def looks_like_outlet(name: str) -> bool:
    """A name that is a news outlet by the table, its wording, or because it is a web address."""
    if not name or GENERIC_SOURCES.match(name.strip()):
        return False
    return lookup(name, strict=True) is not None or bool(MEDIA_WORDS.search(name))


def is_credit(name: str) -> bool:
    """A picture or data credit ("AP Photo/Evan Vucci", "Source: U.S. Census Bureau") rather than a publisher."""
    return bool(CREDIT_WORDS.search(name))


def is_wire(name: str) -> bool:
    known = lookup(name)
    return known is not None and known.kind == "wire"


@lru_cache(maxsize=65536)
def same_outlet(a: str | None, b: str | None) -> bool:
    """Two names (or domains) for the same outlet: equal keys, one table entry, or a domain that spells the name."""
    if not a or not b:
        return False
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    oa, ob = lookup(a), lookup(b)
    if oa is not None and oa is ob:
        return True
    # "theconversation.com" and "The Conversation" ("globalresearch.ca" already has Global Research's key).
    if ("." in a) != ("." in b):
        return "the" + ka == kb or "the" + kb == ka
    return False


def _names_pattern() -> re.Pattern[str]:
    names = {n for o in _TABLE for n in (o.name, *o.aliases)
             if len(n) >= 3 and n.lower() not in _AMBIGUOUS and not n.isupper() or n in ("AFP", "BBC", "CNN", "NPR")}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


_NAMES_RE = _names_pattern()


def known_names_in(text: str) -> list[str]:
    """Table outlets named in ``text`` (unambiguous spellings only), in order, each once."""
    found: list[str] = []
    for m in _NAMES_RE.finditer(text):
        name = canonical_name(m.group(0))
        if name not in found:
            found.append(name)
    return found
