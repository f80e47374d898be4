"""Named people and organisations in a document, clustered ("Jane Smith" … "Smith" … "Ms. Smith")."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan

from newstrace.quotes.attribution import Range
from newstrace.quotes.firstnames import gender_of

PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
_HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "sir": "m",
               "lady": "f", "dame": "f", "lord": "m", "madam": "f",
               "dr": "", "dr.": "", "prof": "", "prof.": ""}
_POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass(slots=True)
class Cluster:
    """One person or organisation: its longest name, its name forms and every mention."""

    name: str
    kind: str  # person | organisation
    forms: set[str] = field(default_factory=set)
    mentions: list[Range] = field(default_factory=list)
    heads: list[int] = field(default_factory=list)  # token index of each mention's last token
    gender: str = ""  # "m", "f" or "" (unknown)
    role: str | None = None
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    key: str = ""  # how unresolved sources are grouped (head lemma and number)
    place: bool = False  # the recogniser called a mention a country or city (GPE)

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()


def cluster_names(doc: Doc) -> list[Cluster]:
    clusters: list[Cluster] = []
    for ent in doc.ents:
        kind = "person" if ent.label_ in PERSON_LABELS else "organisation" if ent.label_ in ORG_LABELS else None
        if kind is None or ent.label_ == "NORP" and ent.root.pos_ == "ADJ":
            continue  # "the American people": an adjective, not a group that could speak
        name = clean_name(ent.text)
        if not name or not any(c.isalpha() for c in name):
            continue
        if kind == "organisation" and ent.label_ == "ORG" and person_shaped(name, given_name=True):
            kind = "person"  # "Alexandra Bradbury" tagged ORG: a known given name before a surname
        elif kind == "person" and (name.split()[-1].lower().strip(".") in COMPANY_SUFFIXES or is_acronym(name)
                                   or camel_cased(name)):
            kind = "organisation"  # "Védelmi Ipari Kft", "ALDI", "SpaceX" tagged PERSON
        elif kind == "organisation" and len(name.split()) > 2 and person_shaped(" ".join(name.split()[-2:]),
                                                                              given_name=True):
            # "[First Minister of] Scotland Nicola Sturgeon" in one entity: the person at its end
            kind, name = "person", " ".join(name.split()[-2:])
        gender = _honorific_gender(ent) or _given_name_gender(kind, name)
        cluster = _match(clusters, name, kind, gender) or _new(clusters, name, kind)
        end = ent.end_char - (2 if _possessive(ent.text) else 0)
        _add(cluster, name, (ent.start_char, end), ent.end - 1)
        cluster.gender = cluster.gender or gender
        cluster.place = cluster.place or ent.label_ == "GPE"
    _join_acronyms(clusters)
    return clusters


COMPANY_SUFFIXES = frozenset("kft ltd inc llc gmbh ag sa spa plc corp co nv bv oy ab srl sarl pty llp".split())


def join_surnames(clusters: list[Cluster]) -> dict[int, Cluster]:
    """"Lacerda" tagged as an organisation before the recogniser (or a later rule) found "Marina Lacerda": one
    person, when she is the only one with that surname and the short form is no acronym. Returns what was
    joined to whom (by ``id`` of the short form's cluster)."""
    joined: dict[int, Cluster] = {}
    # people by their last one or two words and by their first word, so that each short form looks up its
    # candidates instead of scanning every cluster
    by_end: dict[tuple[str, ...], list[Cluster]] = {}
    by_first: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.kind == "person":
            words = c.name.lower().split()
            for k in (1, 2):
                if len(words) > k:
                    by_end.setdefault(tuple(words[-k:]), []).append(c)
            if len(words) > 1:
                by_first.setdefault(words[0], []).append(c)
    for short in [c for c in clusters if c.kind == "organisation" and len(c.name.split()) <= 2
                  and not is_acronym(c.name) and c.name[:1].isupper()]:
        words = short.name.lower().split()
        # "Lacerda" after "Marina Lacerda"; "Wang" after "Wang Yi" (the family name first); ("Israel said" after
        # "Israel Katz" is the country)
        ends = by_end.get(tuple(words), [])
        same = ends + [c for c in by_first.get(words[0], []) if len(words) == 1 and not short.place
                       and not any(c is e for e in ends)]
        if len(same) != 1:
            continue
        person = same[0]
        person.forms |= short.forms
        person.mentions += short.mentions
        person.heads += short.heads
        if short.name not in person.aliases:
            person.aliases.append(short.name)
        clusters.remove(short)
        joined[id(short)] = person
    return joined


ORG_WORDS = frozenset("""
university bank party ministry council company group institute agency department news times post journal
association union league club court committee fund foundation office service centre center inc corp ltd llc
press tv network airlines airways school college hospital church army police force trust board authority
commission government republic kingdom states nations city county state house senate parliament capital partners
street palace hall
""".split())  # "Downing Street said", "the Palace said": a seat that speaks for whoever sits in it


def person_shaped(name: str, given_name: bool = False) -> bool:
    """Two or three capitalised words ("Serhii Radio", "Mary-Jane O'Neil") with no organisation word; with
    ``given_name`` the first must also be a known given name ("Alexandra Bradbury" tagged ORG is a person)."""
    words = name.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].replace("-", "").replace("’", "").replace("'", "")
                                         .isalpha() and not w.isupper() for w in words)
            and not any(w.lower() in ORG_WORDS for w in words) and (not given_name or bool(gender_of(words[0]))))


def is_acronym(name: str) -> bool:
    return 2 <= len(name) <= 6 and name.isalpha() and name.isupper()


_NAME_PREFIXES = ("mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "o'", "o’", "d'", "d’")


def camel_cased(name: str) -> bool:
    """"SpaceX", "YouTube", "OpenAI": one word with a capital inside, as brands are written ("McConnell",
    "DeSantis", "LeBron" are people's names)."""
    return len(name.split()) == 1 and name[:1].isupper() and any(c.isupper() for c in name[2:]) and any(
        c.islower() for c in name) and not name.lower().startswith(_NAME_PREFIXES)


_MINOR = frozenset("and of the for in on at to de".split())


def initials(name: str) -> str:
    """"Immigration, Refugees and Citizenship Canada" → "IRCC"."""
    return "".join(w[0] for w in name.replace(",", " ").replace("-", " ").split() if w.lower() not in _MINOR)


def _join_acronyms(clusters: list[Cluster]) -> None:
    """"Public Services and Procurement Canada (PSPC)" … "PSPC said": one organisation, under its full name."""
    for short in [c for c in clusters if is_acronym(c.name)]:
        full = next((c for c in clusters if c is not short and c.kind == "organisation" and len(c.name.split()) > 1
                     and initials(c.name).upper() == short.name), None)
        if full is None:
            continue
        full.forms |= short.forms
        full.mentions += short.mentions
        full.heads += short.heads
        full.aliases += [a for a in [short.name, *short.aliases] if a not in full.aliases]
        clusters.remove(short)


def clean_name(text: str) -> str:
    text = " ".join(text.split()).rstrip(" ([{-–—,")
    for p in _POSSESSIVE:
        if text.endswith(p) and len(text) > len(p) + 1:
            return text[: -len(p)]
    return text


def _possessive(text: str) -> bool:
    return text.endswith(("'s", "’s"))


def _match(clusters: list[Cluster], name: str, kind: str, gender: str = "") -> Cluster | None:
    low = name.lower()
    words = low.split()
    for cluster in reversed(clusters):
        if low in cluster.forms and not _other_gender(cluster, gender):
            return cluster
    if kind != "person":
        # "Tanaka" (or "Le Clair") tagged as an organisation after "Maria Tanaka": the tagger's slip, not a new
        # speaker; the person it most likely shortens, when several share the surname
        return most_mentioned([c for c in clusters if c.kind == "person" and len(c.name.split()) > len(words)
                                and c.name.lower().split()[-len(words):] == words])
    found = []
    for cluster in reversed(clusters):
        if cluster.kind != "person" or _other_gender(cluster, gender):
            continue  # "Lady Starmer" is not "Sir Keir Starmer"
        cwords = cluster.name.lower().split()
        # "Smith" after "Jane Smith"; "Jane Smith" after "Smith"; "Jane" after "Jane Smith" when unambiguous
        if len(words) > 1 and len(cwords) > 1 and words[0] != cwords[0] and words[-1] == cwords[-1]:
            continue  # "Michelle Obama" is not "Barack Obama"
        if words[-1] == cwords[-1] or len(words) == 1 and words[0] in cwords or len(cwords) == 1 and cwords[0] in words:
            if len(words) > 1:
                if len(words) > len(cwords):
                    cluster.name = name
                return cluster
            found.append(cluster)
    return most_mentioned(found[::-1])


def most_mentioned(candidates: list[Cluster]) -> Cluster | None:
    """"Harris" after "Kamala Harris" … "her mother, Shyamala Gopalan Harris": a surname alone stands for the one
    the article has named most so far (the latest of equals), not for whoever was named last."""
    best = None
    for cluster in candidates:  # in the order they were first named
        if best is None or len(cluster.mentions) >= len(best.mentions):
            best = cluster
    return best


def _other_gender(cluster: Cluster, gender: str) -> bool:
    return bool(gender and cluster.gender and gender != cluster.gender)


def _new(clusters: list[Cluster], name: str, kind: str) -> Cluster:
    cluster = Cluster(name=name, kind=kind)
    clusters.append(cluster)
    return cluster


def _add(cluster: Cluster, form: str, span: Range, head: int) -> None:
    cluster.forms.add(form.lower())
    cluster.mentions.append(span)
    cluster.heads.append(head)
    if form != cluster.name and form not in cluster.aliases:
        cluster.aliases.append(form)


def _given_name_gender(kind: str, name: str) -> str:
    """"Steve Dasbach" is a man: a full name whose given name is unambiguous (``firstnames.py``)."""
    words = name.split()
    return gender_of(words[0]) if kind == "person" and len(words) > 1 else ""


def _honorific_gender(ent: SpacySpan) -> str:
    before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    first = ent[0].lower_
    return _HONORIFICS.get(before) or _HONORIFICS.get(first) or ""
