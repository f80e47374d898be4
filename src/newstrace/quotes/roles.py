"""Role and affiliation from the words around a name: appositions ("X, a senior official at Y") and
pre-modifiers ("the group's unit commander X", "Defense Secretary X")."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from newstrace.quotes.attribution import Range
from newstrace.quotes.names import Cluster, is_acronym

_DROP = frozenset("a an the his her their its our this that former then also".split())
_AFFILIATION_PREPS = frozenset("at of for with in".split())
# honorifics are not roles: "Sir Keir Starmer" may still be "the Prime Minister"
_NOT_ROLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss", "sir", "dame", "lord", "lady",
                        "madam"})
_NAMES = frozenset("PERSON ORG GPE LOC FAC NORP PRODUCT EVENT WORK_OF_ART".split())  # entity types that are names


# Titles written before a name ("President Barack Obama", "First Lady Michelle Obama", "Prime Minister X").
TITLES = frozenset("""
president vice senator sen. rep. representative congressman congresswoman governor gov. mayor minister premier
secretary general gen. colonel col. captain capt. lieutenant lt. sergeant sgt. admiral adm. commander judge justice
chancellor king queen prince princess pope lady ambassador commissioner chairman chairwoman chair director chief
sheriff bishop archbishop rabbi imam cardinal professor prof. speaker leader councillor councilman councilwoman
attorney president-elect
""".split())


def describe_clusters(doc: Doc, clusters: list[Cluster]) -> None:
    """Fill ``role``, ``affiliation`` and description aliases from each cluster's name mentions."""
    for cluster in clusters:
        for (start, _), head in zip(cluster.mentions, cluster.heads):
            cluster.role = cluster.role or _title_before(doc, start)
            _describe(doc[head], cluster, start)


def _title_before(doc: Doc, start: int) -> str | None:
    """The capitalised title right before a name, whatever the parser made of it ("Remarks of President X")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    i, words = span.start, []
    while i > 0 and len(words) < 3 and doc[i - 1].text[:1].isupper() and doc[i - 1].ent_type_ != "PERSON":
        words.insert(0, doc[i - 1])
        i -= 1
    while words and words[-1].lower_ not in TITLES:
        words.pop()
    while words and words[0].lower_ not in TITLES and words[0].lower_ not in ("first", "prime", "vice", "deputy", "foreign",
                                                                                 "defense", "defence", "interior", "chief"):
        words.pop(0)
    return " ".join(t.text for t in words) or None


def _describe(name: Token, cluster: Cluster, start: int) -> None:
    """Role, affiliation and aliases from the words around the name whose mention starts at ``start``."""
    for child in name.children:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN") and child.ent_type_ not in ("PERSON",):
            _from_phrase(child, cluster)
    # pre-modifiers before the mention (never the name's own words: "Nikki" of "Nikki Haley")
    pre = [t for t in name.lefts if t.dep_ in ("compound", "amod", "nmod") and not t.ent_type_ == "PERSON"
           and t.lower_ not in _NOT_ROLES and t.idx < start]
    words = _words_of(pre)
    if words and cluster.role is None and any(t.ent_type_ not in _NAMES for t in words):
        cluster.role = _as_written(words)  # a role has a word of its own: "Hong Kong leader", not "United Nations"
    owner = next((t for t in name.lefts if t.dep_ == "poss"), None)
    if owner is not None and cluster.affiliation is None:
        cluster.affiliation = _phrase(owner)
    # "the commander, Jane Smith": the name is the apposition of a role noun
    if name.dep_ == "appos" and name.head.pos_ == "NOUN":
        _from_phrase(name.head, cluster)


def _from_phrase(noun: Token, cluster: Cluster) -> None:
    """"a senior official at the ministry" → role "senior official", affiliation "the ministry"."""
    words = [t for t in noun.subtree if t.i <= noun.i and t.dep_ != "poss" and not any(
        a.dep_ == "poss" for a in t.ancestors if a.i != noun.i and a.i < noun.i)]
    role_words = [t for t in words if t.lower_ not in _DROP and not t.is_punct and t.dep_ != "case"]
    # "The Office for Budget Responsibility (OBR)": a short name in apposition is another name, not a role
    short_name = cluster.kind == "organisation" and len(role_words) == 1 and is_acronym(role_words[0].text)
    if role_words and cluster.role is None and not short_name:
        cluster.role = _as_written(role_words)
    desc = " ".join(t.text for t in words if not t.is_punct)
    if desc and desc not in cluster.aliases and len(desc) < 60:
        cluster.aliases.append(desc)
    owner = next((t for t in noun.lefts if t.dep_ == "poss"), None)
    if owner is not None and cluster.affiliation is None:
        cluster.affiliation = _phrase(owner)
    for prep in noun.rights:
        if prep.dep_ == "prep" and prep.lower_ in _AFFILIATION_PREPS and cluster.affiliation is None:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                cluster.affiliation = _phrase(pobj)


def _as_written(words: list[Token]) -> str:
    """The words with the text's own spacing between neighbours ("17-year-old", not "17 - year - old")."""
    out = ""
    for tok, nxt in zip(words, words[1:] + [None]):
        out += tok.text + (tok.whitespace_ if nxt is not None and nxt.i == tok.i + 1 else " ")
    return out.strip()


def _phrase(token: Token) -> str:
    words = [t for t in token.subtree if t.dep_ != "case" and not t.is_punct]
    return " ".join(t.text for t in words)


def _words_of(tokens: list[Token]) -> list[Token]:
    """The pre-modifiers with their own modifiers, in text order."""
    seen = {t.i: t for tok in tokens for t in tok.subtree if t.dep_ != "poss" and t.dep_ != "case"
            and not any(a.dep_ == "poss" for a in t.ancestors if a in tokens or a.i in {x.i for x in tokens})
            and t.lower_ not in _DROP}
    return [seen[i] for i in sorted(seen)]


def mention_words(text: str, source: Range) -> set[str]:
    """The content words of a description ("the unit commander" → {"unit", "commander"})."""
    return {w.lower().strip(",.") for w in text[source[0]:source[1]].split() if w.lower() not in _DROP}
