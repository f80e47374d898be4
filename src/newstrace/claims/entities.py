"""Named entities canonicalised within one article.

"the United States", "US", "U.S.", "America" and "Washington" used as the government are one entity;
"Trump" joins "Donald Trump"; "FSB" joins "Federal Security Service (FSB)". A capital is read as its
government only where it acts (subject of a verb, or possessor), never after "in", "to", "from".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from newstrace.model import Span

KINDS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT"}
COUNTRY_ALIASES = {
    "United States": ["united states", "united states of america", "us", "u.s.", "usa", "u.s.a.", "america", "the us"],
    "United Kingdom": ["united kingdom", "uk", "u.k.", "britain", "great britain"],
    "Russia": ["russia", "russian federation"], "China": ["china", "people's republic of china", "prc"],
    "European Union": ["european union", "eu", "e.u."], "United Nations": ["united nations", "un", "u.n."],
    "North Korea": ["north korea", "dprk", "democratic people's republic of korea"],
    "South Korea": ["south korea", "republic of korea"], "United Arab Emirates": ["united arab emirates", "uae"],
}
# Capitals standing for their governments ("Washington imposed sanctions").
METONYMS = {"washington": "United States", "moscow": "Russia", "beijing": "China", "london": "United Kingdom",
            "paris": "France", "berlin": "Germany", "tehran": "Iran", "kyiv": "Ukraine", "kiev": "Ukraine",
            "ankara": "Turkey", "tokyo": "Japan", "pyongyang": "North Korea", "seoul": "South Korea",
            "damascus": "Syria", "riyadh": "Saudi Arabia", "brussels": "European Union", "caracas": "Venezuela",
            "havana": "Cuba", "ottawa": "Canada", "canberra": "Australia", "new delhi": "India",
            "islamabad": "Pakistan", "cairo": "Egypt", "tbilisi": "Georgia"}
LOCATIVE = {"in", "to", "from", "near", "at", "into", "outside", "around", "across", "via", "through", "of"}
ALIAS_INDEX = {a: canon for canon, aliases in COUNTRY_ALIASES.items() for a in aliases}
TITLES = re.compile(r"^(?:the\s+)?(?:(?:president|prime minister|minister|senator|sen\.|rep\.|mr\.?|mrs\.?|ms\.?|dr\.?|"
                    r"general|gen\.|chancellor|king|queen|pope|governor|gov\.|mayor|judge|secretary)\s+)+", re.I)


@dataclass(slots=True)
class CanonicalEntity:
    id: str
    name: str
    label: str
    mentions: list[Span] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)


def key(text: str) -> str:
    """The comparable form of a mention: no leading "the", no possessive, no titles, lower case."""
    text = re.sub(r"['’]s$", "", text.strip())
    text = TITLES.sub("", text)
    return re.sub(r"^the\s+", "", text, flags=re.I).strip().lower()


def canonicalise(ents, to_span) -> tuple[list[CanonicalEntity], dict[tuple[int, int], str]]:
    """Group spaCy entity spans; ``to_span`` maps a spaCy span to an article ``Span``.

    Returns the entities and a map from each mention's (start_char, end_char) in the doc to its entity id.
    """
    entities: list[CanonicalEntity] = []
    by_key: dict[str, CanonicalEntity] = {}
    mention_ids: dict[tuple[int, int], str] = {}
    # Longer names first, so "Trump" can join "Donald Trump" whatever the order in the text.
    for ent in sorted((e for e in ents if e.label_ in KINDS), key=lambda e: -len(e.text)):
        name, label = _canonical_name(ent)
        k = name.lower()
        target = by_key.get(k) or _person_surname_match(k, label, entities) or _acronym_match(ent.text, entities)
        if target is None:
            target = CanonicalEntity(f"E{len(entities) + 1}", name, label)
            entities.append(target)
        by_key.setdefault(k, target)
        # the 12 characters after the entity (``Doc.text`` would join every token of the document, per entity)
        after = (ent[-1].whitespace_ + ent.doc[ent.end:ent.end + 12].text_with_ws)[:12]
        acronym = re.match(r"\s*\(([A-Z][A-Za-z.]{1,7})\)", after)
        if acronym:  # "Federal Security Service (FSB)": later "FSB" is the same body
            by_key.setdefault(acronym.group(1).replace(".", "").lower(), target)
        target.aliases.add(ent.text)
        target.mentions.append(to_span(ent))
        mention_ids[(ent.start_char, ent.end_char)] = target.id
    for e in entities:
        e.mentions.sort(key=lambda s: s.start)
    return entities, mention_ids


def _canonical_name(ent) -> tuple[str, str]:
    k = key(ent.text)
    if k in ALIAS_INDEX:
        return ALIAS_INDEX[k], "GPE"
    if k in METONYMS and _acts(ent):
        return METONYMS[k], "GPE"
    text = re.sub(r"['’]s$", "", ent.text.strip())
    return re.sub(r"^the\s+", "", TITLES.sub("", text), flags=re.I), ent.label_


def _acts(ent) -> bool:
    """A place name used as an actor: subject of a verb, or a possessor, and not after a locative preposition."""
    head = ent.root
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ in LOCATIVE:
        return False
    return head.dep_ in ("nsubj", "nsubjpass", "poss") or (ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS")


def _person_surname_match(k: str, label: str, entities: list[CanonicalEntity]) -> CanonicalEntity | None:
    if label not in ("PERSON", "ORG") or " " in k:  # the small model often tags a lone surname ORG
        return None
    found = [e for e in entities if e.label == "PERSON" and e.name.lower().split()[-1] == k]
    return found[0] if len(found) == 1 else None  # two Smiths: do not guess


def _acronym_match(text: str, entities: list[CanonicalEntity]) -> CanonicalEntity | None:
    compact = text.replace(".", "")
    if not (compact.isupper() and 2 <= len(compact) <= 6):
        return None
    for e in entities:
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", e.name) if w[0].isupper())
        if initials == compact or any(f"({compact})" in a for a in e.aliases):
            return e
    return None
