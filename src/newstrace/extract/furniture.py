"""Page furniture found in the HTML before the main text is extracted: drop caps, embedded posts and boxes.

Drop caps are joined back to their word ("T" + "urkey"). Embedded posts (X/Twitter, Instagram, Facebook,
TikTok, YouTube, Bluesky) are read from the markup the platforms publish and replaced by a marker paragraph,
so that their text keeps its place in the article. Boxes (related links, promotions, newsletter prompts,
"read more", pull quotes, captions, photo credits) are found with the rule that recognised them; a block of
main text that comes from a box (and from nowhere else on the page) is set aside as typed boilerplate.
Recognition is by the class, id and tag names publishers use (CMS templates, the platforms' embed code).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from newstrace.extract.dates import to_iso
from newstrace.extract.metadata import url_part

EMBED_MARKER = "newstraceembedmarker{}x"
_MAX_BOXES = 200
_MAX_BOX_CHARS = 2500
_DROP_CAP = re.compile(r"drop-?cap|dropcap|first-?letter|initial-?letter|big-?letter|^initial$", re.I)
# (kind, rule, pattern over one class or id token with "-" and "_" removed). First match wins.
_DROP_CAP_CANDIDATES = etree.XPath("//*[contains(@class, 'rop') or contains(@class, 'nitial') or contains(@class, 'etter')"
                                   " or contains(@id, 'rop')]")
_BOX_RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    ("pull_quote", "pull_quote_box", re.compile(r"pull-?quote|pullquote|quotepull|highlightquote", re.I)),
    ("caption", "photo_credit_box", re.compile(r"^(?:[a-z]*(?:image|photo|picture|media|figure|caption))?credits?$|"
                                               r"copyright$", re.I)),
    ("caption", "caption_box", re.compile(r"caption", re.I)),
    ("caption", "image_box", re.compile(r"(?:img|image|photo|picture)(?:group|container|wrapper|block|box|holder)$",
                                        re.I)),
    ("call_to_action", "comments_box", re.compile(r"(?:show|view|load|join|add|leave|post)comments?|commentsprompt|"
                                                  r"commentscta|commentcount|commentslink", re.I)),
    ("call_to_action", "newsletter_box", re.compile(r"newsletter|signup|emailcapture|subscribebox|subscribebtn", re.I)),
    ("related", "read_more_box", re.compile(r"readmore|seemore|readnext|readalso|alsoread|morestories", re.I)),
    ("related", "related_box", re.compile(r"related|recirculation|recommended|outbrain|taboola|"
                                          r"youmayalsolike|mostread|mostpopular", re.I)),
    ("related", "promo_box", re.compile(r"^promo|promo$|promotion|promotional|sponsored", re.I)),
)
# One cheap test before the rules: most elements have none of these words in their class or id.
_BOX_WORDS = ("quote", "credit", "copyright", "caption", "newsletter", "signup", "emailcapture", "subscribe", "read",
              "seemore", "morestories", "related", "recirculation", "recommended", "outbrain", "taboola",
              "youmayalsolike", "most", "promo", "sponsored", "img", "image", "photo", "picture", "comment")
_BOX_CANDIDATES = etree.XPath("//figcaption | //*[@class or @id]")
_VISIBLE_TEXT = etree.XPath("//text()[not(ancestor::script or ancestor::style or ancestor::noscript "
                            "or ancestor::template)]")
_INLINE_TAGS = {"span", "a", "em", "i", "small", "cite"}
_BLOCK_TAGS = {"div", "p", "section", "aside", "figure", "figcaption", "ul", "ol", "li", "blockquote", "span",
               "a", "nav", "header", "footer", "small", "em", "i", "cite", "table", "form"}
_EMBED_PLATFORMS = (
    ("twitter", "twitter_blockquote", re.compile(r"^twitter-(?:tweet|video)$")),
    ("instagram", "instagram_blockquote", re.compile(r"^instagram-media$")),
    ("tiktok", "tiktok_blockquote", re.compile(r"^tiktok-embed$")),
    ("facebook", "facebook_post", re.compile(r"^fb-(?:post|video)$")),
    ("bluesky", "bluesky_blockquote", re.compile(r"^bluesky-embed$")),
)
_EMBED_CANDIDATES = etree.XPath("//blockquote[@class] | //div[contains(@class, 'fb-')] | //iframe[@src or @data-src]")
_BY_HANDLE = re.compile(r"(?:[—–-]|&mdash;)\s*(?P<name>[^()\n—–]{1,80}?)\s*\(\s*(?P<handle>@[\w.]{1,60})\s*\)")


@dataclass(slots=True)
class Box:
    """A piece of page furniture: what it is, the rule that said so, and its words."""

    kind: str
    rule: str
    key: str  # the box's words, white space folded


@dataclass(slots=True)
class FoundEmbed:
    """An embedded post as read from its markup; ``text`` is placed in the article by the caller."""

    platform: str
    rule: str
    text: str
    url: str | None = None
    handle: str | None = None
    display_name: str | None = None
    date: str | None = None


@dataclass(slots=True)
class Furniture:
    tree: lxml_html.HtmlElement  # the page: drop caps joined, embeds replaced by markers
    boxes: list[Box]
    embeds: list[FoundEmbed]
    page_text: str  # all the page's words, white space folded

    def box_of(self, text: str) -> Box | None:
        """The box a block of main text comes from: found in a box, and nowhere else on the page."""
        key = " ".join(text.split())
        if len(key) < 3:
            return None
        holders = [box for box in self.boxes if key in box.key]
        if holders and self.page_text.count(key) <= sum(box.key.count(key) for box in holders):
            return holders[0]
        return None


def take_furniture(tree: lxml_html.HtmlElement) -> Furniture:
    """Join drop caps and mark embeds in ``tree`` itself; boxes stay (taking them out changes what trafilatura picks)."""
    _join_drop_caps(tree)
    embeds = _replace_embeds(tree)
    boxes = _find_boxes(tree)
    return Furniture(tree, boxes, embeds, " ".join("".join(_VISIBLE_TEXT(tree)).split()))


# --- drop caps ----------------------------------------------------------------------------------------------------

def _join_drop_caps(tree: lxml_html.HtmlElement) -> None:
    for el in _DROP_CAP_CANDIDATES(tree):
        if not any(_DROP_CAP.search(t) for t in _tokens(el)):
            continue
        letter = (el.text_content() or "").strip()
        if not (1 <= len(letter) <= 2 and letter.isalpha()) or len(el):
            continue
        _merge_letter(el, letter)


def _merge_letter(el: lxml_html.HtmlElement, letter: str) -> None:
    """The letter becomes the start of the text that follows it, with no space in between."""
    tail = (el.tail or "").lstrip()
    if tail:
        el.text, el.tail = letter + tail, ""
        el.drop_tag()
        return
    following = el.getnext()
    parent = el.getparent()
    el.drop_tree()
    target = following if following is not None else parent
    if target is None:
        return
    while len(target) and not (target.text or "").strip() and isinstance(target[0].tag, str):
        target = target[0]  # "<p><span>urkey" : the letter goes where the words start
    target.text = letter + (target.text or "").lstrip()


# --- embedded posts -----------------------------------------------------------------------------------------------

def _replace_embeds(tree: lxml_html.HtmlElement) -> list[FoundEmbed]:
    found: list[FoundEmbed] = []
    replaced: set[lxml_html.HtmlElement] = set()
    for el in _EMBED_CANDIDATES(tree):
        if el.getparent() is None or any(a in replaced for a in el.iterancestors()):
            continue
        embed = _read_embed(el)
        if embed is None:
            continue
        marker = lxml_html.Element("p")
        marker.text = EMBED_MARKER.format(len(found))
        marker.tail = el.tail
        el.getparent().replace(el, marker)
        replaced.add(el)
        found.append(embed)
    return found


def _read_embed(el: lxml_html.HtmlElement) -> FoundEmbed | None:
    if el.tag == "iframe":
        return _youtube(el)
    classes = (el.get("class") or "").split()
    for platform, rule, pattern in _EMBED_PLATFORMS:
        if any(pattern.match(c) for c in classes):
            return _READERS[platform](el, rule)
    return None


def _twitter(el: lxml_html.HtmlElement, rule: str, platform: str = "twitter") -> FoundEmbed:
    paragraphs = el.findall(".//p")
    text = " ".join(_words(p) for p in paragraphs) if paragraphs else _words(el)
    links = [a for a in el.iter("a") if "/status/" in (a.get("href") or "") or "/post/" in (a.get("href") or "")]
    url = _clean_url(links[-1].get("href")) if links else None
    date = to_iso(_words(links[-1])) if links else None
    bylines = list(_BY_HANDLE.finditer(_words(el)))  # the last one signs the post; a quoted one may come before
    byline = bylines[-1] if bylines else None
    handle = byline.group("handle") if byline else _handle_from_url(url)
    name = byline.group("name").strip() if byline else None
    return FoundEmbed(platform, rule, text, url, handle, name, date)


def _bluesky(el: lxml_html.HtmlElement, rule: str) -> FoundEmbed:
    return _twitter(el, rule, platform="bluesky")


def _instagram(el: lxml_html.HtmlElement, rule: str) -> FoundEmbed:
    url = _clean_url(el.get("data-instgrm-permalink") or next((a.get("href") for a in el.iter("a")), None))
    lines = [_words(p) for p in el.iter("p")]
    shared = next((m for m in (re.search(r"a post shared by\s+(.+?)\s*\((@[\w.]+)\)", line, re.I) for line in lines)
                   if m), None)
    caption = [line for line in lines if line and not re.match(r"(?:a post shared by|view this post on instagram)",
                                                               line, re.I)]
    times = [t.get("datetime") for t in el.iter("time") if t.get("datetime")]
    handle = shared.group(2) if shared else _handle_from_url(url)
    return FoundEmbed("instagram", rule, " ".join(caption), url, handle,
                      shared.group(1) if shared else None, to_iso(times[0]) if times else None)


def _tiktok(el: lxml_html.HtmlElement, rule: str) -> FoundEmbed:
    url = _clean_url(el.get("cite"))
    handle = _handle_from_url(url)
    parts = []
    for node in el.iter("section"):
        text = _words(node)
        music = [_words(a) for a in node.iter("a") if _words(a).startswith("♬")]
        for m in music:
            text = text.replace(m, "")
        parts.append(text)
        break
    text = " ".join(" ".join(parts).split())
    if handle and text.startswith(handle):
        text = text[len(handle):].strip()
    return FoundEmbed("tiktok", rule, text, url, handle, None, None)


def _facebook(el: lxml_html.HtmlElement, rule: str) -> FoundEmbed:
    url = _clean_url(el.get("data-href"))
    text = " ".join(_words(p) for p in el.iter("p"))
    posted = re.search(r"posted by\s+(.+?)\s+on\s+(.+)$", _words(el), re.I)
    page = url_part(url, "path").strip("/").split("/")[0]
    return FoundEmbed("facebook", rule, text, url, page or None,
                      posted.group(1) if posted else None, to_iso(posted.group(2)) if posted else None)


def _youtube(el: lxml_html.HtmlElement) -> FoundEmbed | None:
    src = el.get("src") or el.get("data-src") or ""
    if not re.search(r"//(?:www\.)?youtube(?:-nocookie)?\.com/embed/", src):
        return None
    return FoundEmbed("youtube", "youtube_iframe", "", _clean_url(src), None, el.get("title") or None, None)


_READERS = {"twitter": _twitter, "instagram": _instagram, "tiktok": _tiktok, "facebook": _facebook,
            "bluesky": _bluesky}


def _handle_from_url(url: str | None) -> str | None:
    if not url:
        return None
    path = url_part(url, "path").strip("/").split("/")
    first = path[0] if path and path[0] else ""
    if first.startswith("@"):
        return first
    if first and first not in ("p", "reel", "tv", "i", "profile", "status") and re.fullmatch(r"[\w.]{1,60}", first):
        return "@" + first
    return None


def _clean_url(url: str | None) -> str | None:
    if not url:
        return None
    url = url if "://" in url else "https:" + url if url.startswith("//") else url
    return url.split("?")[0]


# --- boxes --------------------------------------------------------------------------------------------------------

def _find_boxes(tree: lxml_html.HtmlElement) -> list[Box]:
    """Candidates by one XPath (fast, in C), then the rules; a box inside a box is not a box of its own."""
    boxes: list[Box] = []
    taken: set[lxml_html.HtmlElement] = set()
    for el in _BOX_CANDIDATES(tree):
        if len(boxes) >= _MAX_BOXES:
            break
        if el.tag not in _BLOCK_TAGS:
            continue
        rule = _box_rule(el)
        if rule is None or any(a in taken for a in el.iterancestors()):
            continue
        if (el.tag in _INLINE_TAGS and not _alone_in_parent(el)) or _holds_article(el):
            continue
        key = _words(el)
        if key and len(key) <= _MAX_BOX_CHARS:
            taken.add(el)
            boxes.append(Box(rule[0], rule[1], key))
    return boxes


def _box_rule(el: lxml_html.HtmlElement) -> tuple[str, str] | None:
    if el.tag == "figcaption":
        return "caption", "figcaption"
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    squashed_names = names.lower().replace("-", "").replace("_", "")
    if not any(word in squashed_names for word in _BOX_WORDS):  # substring tests: far faster than one regex
        return None
    for token in names.split():
        squashed = token.replace("-", "").replace("_", "")
        for kind, rule, pattern in _BOX_RULES:
            if pattern.search(squashed):
                return kind, rule
    return None


def _alone_in_parent(el: lxml_html.HtmlElement) -> bool:
    """An inline element is a box only when it is the whole line: a link styled "related" inside a sentence is not."""
    parent = el.getparent()
    rest = _words(parent).replace(_words(el), "", 1) if parent is not None else ""
    return len(re.sub(r"\W", "", rest)) < 3


def _holds_article(el: lxml_html.HtmlElement) -> bool:
    """A wrapper whose class happens to say "related" but holds the headline or many paragraphs is not a box."""
    return any(True for _ in el.iter("h1", "article", "main")) or len(el.findall(".//p")) > 12


def _tokens(el: lxml_html.HtmlElement) -> list[str]:
    return (el.get("class") or "").split() + ([el.get("id")] if el.get("id") else [])


def _words(el: lxml_html.HtmlElement) -> str:
    return " ".join((el.text_content() or "").split())
