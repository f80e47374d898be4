"""Speakers: one per real person or organisation, with pronoun and description mentions resolved to it.

The resolver is rule based: a source mention that contains a name joins that name's cluster; a pronoun
takes the most salient agreeing candidate before it (the last speaker first, then the nearest name);
a definite description ("the commander") takes the speaker whose role or apposition it repeats; what
cannot be resolved stays an ``unresolved`` speaker of its own ("officials", "a source").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newstrace.quotes.attribution import Attribution, Range
from newstrace.quotes.names import (COMPANY_SUFFIXES, ORG_WORDS, Cluster, camel_cased, cluster_names, is_acronym,
                                    join_surnames, most_mentioned, person_shaped)
from newstrace.quotes.phrases import source_range
from newstrace.quotes.roles import describe_clusters, mention_words
from newstrace.quotes.types import source_head

_PERSON_PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_GROUP_PRONOUNS = frozenset({"they", "them", "we", "us"})
_FIRST_PERSON = frozenset({"i", "me", "we", "us", "you"})
_PRONOUNS = frozenset(_PERSON_PRONOUNS) | _GROUP_PRONOUNS | _FIRST_PERSON | {"it"}
_WINDOW_SENTENCES = 12


@dataclass(slots=True)
class Resolution:
    cluster: Cluster
    how: str  # name | pronoun | description | unresolved


def resolve_speakers(doc: Doc, text: str, atts: list[Attribution]) -> tuple[list[Cluster], dict[int, Cluster]]:
    """Clusters that speak, and for each attribution (by position in ``atts``) its speaker cluster."""
    clusters = cluster_names(doc)
    _unrecognised_subjects(doc, clusters)
    join_surnames(clusters)
    describe_clusters(doc, clusters)
    _people_by_role(clusters)
    sent_of = _sentence_index(doc)
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    quoted = sorted(a.content for a in atts if a.kind == "direct")
    addressed = sorted(a.addressee for a in atts if a.addressee is not None)
    speaking: dict[int, Cluster] = {}
    unresolved: list[Cluster] = []
    last_speaker: Cluster | None = None
    turn_end = -1  # the last token of what the last speaker said: their turn runs to there
    last_writer: tuple[Cluster, int] | None = None  # who last wrote or issued something, and where
    for i, att in enumerate(atts):
        if att.follows is not None:
            if att.follows in atts:
                leader = atts.index(att.follows)
                if leader in speaking:
                    speaking[i] = speaking[leader]
                    if speaking[i] is last_speaker:
                        turn_end = _last_token(doc, att.content, turn_end)
                continue
            # the quote it continues was not reported (the accept step dropped it): its source still speaks
            att = att.follows
        if att.source is None:
            continue
        head = source_head(doc, att)
        if head is None:
            continue
        cluster = (_jointly(text, head, att.source, unresolved)
                   or _by_name_after(text, att.source, clusters, head) or _after_speaking_to(head, att.source, clusters)
                   or _by_name(clusters, att.source, text, head)
                   or _by_document(head, att.source, last_writer, sent_of)
                   or _by_owner_pronoun(head, last_speaker)
                   or _by_description(text, head, att.source, clusters)
                   or _by_role_noun(doc, text, head, att.source, clusters, last_speaker, sent_of, quoted)
                   or _by_proper_noun(doc, head, clusters)
                   # named and unnamed sources ranked together: "Ukraine's emergency service said … it said"
                   or _by_pronoun(doc, head, clusters + unresolved, last_speaker, sent_of, breaks, quoted, turn_end,
                                  addressed=addressed)
                   or _by_pronoun(doc, head, clusters, last_speaker, sent_of, breaks, quoted, turn_end, lenient=True,
                                  addressed=addressed))
        group = _plural_subject_before(doc, head, sent_of) if head.lower_ in ("they", "them") else None
        if group is not None and (cluster is None or all(h < group.i for h in cluster.heads)):
            # "Researchers used swabs … They found …": the nearer unnamed group, not an organisation named earlier
            cluster = _unresolved(text, source_range(group, cut_clauses=True), group, unresolved)
        cluster = cluster or _unresolved(text, att.source, head, unresolved)
        joined = join_surnames(clusters)  # a full name found only now: "Marina Lacerda, identified as …" said
        if joined:
            speaking.update({n: joined[id(c)] for n, c in speaking.items() if id(c) in joined})
            cluster = joined.get(id(cluster), cluster)
            last_speaker = joined.get(id(last_speaker), last_speaker)
        if cluster is None:
            continue
        _note_mention(cluster, att.source, head, text)
        speaking[i] = cluster
        if cluster.kind != "unresolved":
            last_speaker = cluster
            turn_end = _last_token(doc, att.content, head.i)
            if att.type == "writing" and head.lemma_.lower() not in _DOCUMENTS:
                last_writer = (cluster, head.i)
    _cataphora(speaking, unresolved)
    _interviewee(text, atts, speaking)
    return _in_order(speaking), speaking


def _last_token(doc: Doc, content: Range, default: int) -> int:
    said = doc.char_span(*content, alignment_mode="expand")
    return said[-1].i if said is not None and len(said) else default


def _interviewee(text: str, atts: list[Attribution], speaking: dict[int, Cluster]) -> None:
    """An article that relays one interview: "“…,” Blair says." … "“I wrote the book because …”" (no cue).

    When one named person speaks at least four times, in three in five of the article's named quotes and three
    times as often as anyone else, a
    direct quote with no stated speaker (no cue, or only "I"/"you" inside it) is theirs, marked as inferred.
    """
    counts: dict[int, int] = {}
    for i, cluster in speaking.items():
        if atts[i].type in ("speech", "writing") and cluster.kind != "unresolved":
            counts[id(cluster)] = counts.get(id(cluster), 0) + 1
    if not counts:
        return
    top = max(counts, key=counts.get)
    rest = sorted(counts.values())[-2:-1] or [0]
    if counts[top] < 4 or counts[top] < 0.6 * sum(counts.values()) or counts[top] < 3 * rest[0]:
        return
    person = next(c for c in speaking.values() if id(c) == top)
    if person.kind != "person":
        return
    for i, att in enumerate(atts):
        if i in speaking or att.kind != "direct" or att.type != "speech" or att.follows is not None:
            continue
        source = text[att.source[0]:att.source[1]].lower() if att.source is not None else ""
        if att.source is None or source in _FIRST_PERSON:
            speaking[i] = person
            att.inferred = True


def _people_by_role(clusters: list[Cluster]) -> None:
    """"Gáspár Maróth, the government commissioner", "Nikki Holland, a spokeswoman": a name the recogniser called an
    organisation is a person when its apposition or title is a person's role; and a name that is someone's
    affiliation ("Sars commissioner Edward Kieswetter") is an organisation, whatever the recogniser called it."""
    affiliations = {(c.affiliation or "").lower() for c in clusters} | {
        w for c in clusters for w in (c.role or "").lower().split()[:-1]}  # "Sars" of the role "Sars commissioner"
    for cluster in clusters:
        if cluster.kind == "person" and len(cluster.name.split()) == 1 and cluster.name.lower() in affiliations:
            cluster.kind = "organisation"
        role = (cluster.role or "").lower().split()
        if (cluster.kind == "organisation" and role and not is_acronym(cluster.name) and not camel_cased(cluster.name)
                and _a_title_word(role[-1])
                and not any(w.lower() in ORG_WORDS for w in cluster.name.split())):
            cluster.kind = "person"


def _cataphora(speaking: dict[int, Cluster], unresolved: list[Cluster]) -> None:
    """"A rebel commander has vowed … Abu Karim … the commander said": an indefinite description that comes
    before the name is the one person a later "the commander" (or the role "commander") names."""
    named = {id(c): c for c in speaking.values() if c.kind == "person"}.values()
    for early in unresolved:
        noun = early.key
        if "/" in noun or not early.name.lower().startswith(("a ", "an ")) or noun not in _PERSON_NOUNS:
            continue
        first = min((m[0] for m in early.mentions), default=0)
        same = [c for c in named if (f"the {noun}" in {a.lower() for a in c.aliases}
                                     or (c.role or "").lower().split()[-1:] == [noun])
                and c.mentions and first < min(m[0] for m in c.mentions)]  # before the name: a later one is new
        # "a spokesperson for flydubai" is not "Niroula, a CAAN spokesperson": the names it carries must agree
        words = early.name.lower().replace("’", "'").split()
        after = {w.removesuffix("'s") for w in words[words.index(noun) + 1:]} - _LINKS if noun in words else set()
        same = [c for c in same if all(w in " ".join([c.name, c.role or "", c.affiliation or "", *c.aliases]).lower()
                                       for w in after)]
        if len(same) != 1:
            continue
        person = same[0]
        for i, cluster in list(speaking.items()):
            if cluster is early:
                speaking[i] = person
        person.mentions += early.mentions
        person.heads += early.heads
        if early.name not in person.aliases:
            person.aliases.append(early.name)


_LINKS = frozenset("of for at from with in on the a an and".split())


def _by_name(clusters: list[Cluster], source: Range, text: str, head: Token) -> Cluster | None:
    """The cluster named by the source phrase: its head is the name, or the name is in apposition to it.

    "Hong Kong leader" names a leader, not Hong Kong; "the minister, Karl Weber" names Karl Weber.
    """
    s0, s1 = source
    at = head.idx
    # "Several of the experts who reviewed the report at the request of Reuters": a name inside a clause on the
    # source describes it, it does not speak
    clauses = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in head.subtree
               if t.dep_ in ("relcl", "acl") and s0 <= t.idx < s1 and not t.left_edge.idx <= at <= t.right_edge.idx]
    inside = [(c, m) for c in clusters for m in c.mentions if s0 <= m[0] and m[1] <= s1
              and not any(a <= m[0] and m[1] <= b for a, b in clauses)]
    if not inside:
        return None
    if head.pos_ == "PROPN" and not any(m[0] <= at < m[1] for _, m in inside) and not _a_title(head):
        # "Amit Mehrotra, an analyst for Deutsche Bank", "Speaking to the Daily Mail Lacerda": a name the
        # recogniser missed heads the phrase (but "Marketing Manager at Ocean Florida Abby Dunn" is Abby Dunn)
        return None
    if _a_title(head) and all(c.kind == "organisation" for c, m in inside) and not any(
            m[0] <= at < m[1] or m[1] == s1 and text[s0:m[0]].split()[-1:] != [] and
            text[s0:m[0]].split()[-1].lower() not in _LINKS for _, m in inside):
        # "the US President" is a president, not the US; "An MP in Plymouth" not Plymouth: a description
        return None
    linked = {t.idx for t in head.children if t.dep_ == "appos"} | ({head.head.idx} if head.dep_ == "appos" else set())
    for c, m in inside:
        if m[0] <= at < m[1]:
            if _a_title_word(c.name.lower()) and any(t.dep_ == "det" for t in head.lefts):
                return None  # "The MEC" (tagged as an organisation) is a description of the MEC named before
            return c
    # the apposition's own head first, a person before an organisation: "wife [Grace Okafor], also UNICEF"
    named = [(c, m) for c, m in inside if any(m[0] <= x < m[1] for x in linked)]
    if named:
        return min(named, key=lambda cm: (cm[0].kind != "person", cm[1][0]))[0]
    for c, m in inside:
        # not a name that only modifies a noun of the apposition ("a nation under the Paris agreement" is no Paris)
        if any(m[0] <= t.idx < m[1] and not (t.dep_ in ("compound", "amod", "nmod") and t.head.pos_ == "NOUN"
                                             and not m[0] <= t.head.idx < m[1])
               for a in head.children if a.dep_ == "appos" for t in a.subtree):
            return c
    if head.lemma_.lower() in _DOCUMENTS:
        # "TNO's report said": a document speaks for its owner ("Smith's spokesman" does not: he speaks for Smith)
        owners = [t for t in head.lefts if t.dep_ in ("poss", "nmod") or t.dep_ == "compound" and t.ent_type_ == "ORG"] + [
            o for p in head.rights if p.dep_ == "prep" and p.lower_ in ("by", "from") for o in p.children
            if o.dep_ == "pobj"]  # "the report by the institute"
        owner = next((c for c, m in inside for t in owners if m[0] <= t.idx < m[1] or any(
            m[0] <= w.idx < m[1] for w in t.subtree if w.dep_ in ("compound", "appos") or w is t
            or w.dep_ == "poss" and t.dep_ == "nmod")), None)  # "The NCRB's “Crime in India” report"
        if owner is not None:
            return owner
    if head.pos_ in ("NOUN", "PRON"):
        return None
    # "Smith's spokesman" names Smith as affiliation, not as speaker
    phrase = text[s0:s1]
    first_cluster, first_mention = min(inside, key=lambda cm: cm[1][0])
    rest = phrase[first_mention[1] - s0:]
    if rest.startswith(("'s", "’s", "'", "’")) and len(rest.split()) > 1:
        return None
    persons = [cm for cm in inside if cm[0].kind == "person"]
    if persons:
        return persons[0][0]
    # a title before its name: "Former US Ambassador to the United Nations Nikki Haley" is the last name, not "US"
    after = [cm for cm in inside if cm[1][0] > at]
    return max(after, key=lambda cm: cm[1][0])[0] if after else inside[0][0]


# Documents that speak for whoever owns them ("TNO's report", "the agency's statement").
_DOCUMENTS = frozenset("""
report study statement letter analysis review survey poll investigation findings release filing memo post tweet
website note paper assessment forecast data datum figures account
""".split())  # "datum": the lemma the parser gives "data"


def _jointly(text: str, head: Token, source: Range, unresolved: list[Cluster]) -> Cluster | None:
    """"Nick Adderley and Commissioner Stephen Mold urged", "Hamas and Iran have blamed": two or more sources speaking
    together are one joint source named by the whole phrase, not its first part ("she and her husband" stays her)."""
    if head.pos_ == "PRON" or not any(c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN") for c in head.children) or not any(
            c.dep_ == "cc" and c.lower_ in ("and", "&") for c in head.children):
        return None
    words = [t for t in head.subtree if source[0] <= t.idx < source[1] and t.dep_ != "preconj" and t.lower_ != "both"]
    if not words:
        return None
    phrase = (words[0].idx, words[-1].idx + len(words[-1]))
    name = text[phrase[0]:phrase[1]]
    for cluster in unresolved:
        if cluster.key == "joint/pl" and cluster.name == name:
            return cluster
    cluster = Cluster(name=name, kind="unresolved", key="joint/pl")
    unresolved.append(cluster)
    return cluster


def _after_speaking_to(head: Token, source: Range, clusters: list[Cluster]) -> Cluster | None:
    """"Speaking to the Daily Mail Lacerda claimed": the parser took the name for the newspaper's; the one who
    speaks is the name after the addressee, never the addressee."""
    if head.pos_ != "VERB" or head.lower_ not in ("speaking", "talking", "writing"):
        return None
    after = [t for t in head.doc[head.i:] if t.idx < source[1]]
    name = after[-1] if after and after[-1].pos_ == "PROPN" else None
    if name is None:
        return None
    told = [t for p in head.children if p.dep_ == "prep" for t in p.subtree if t.i != name.i]
    if not told or told[-1].i >= name.i:
        return None
    return _by_proper_noun(head.doc, name, clusters, allow_determiner=True)


def _a_title(head: Token) -> bool:
    """"Marketing Manager", "Defence Minister": a capitalised role, not a name."""
    return _a_title_word(head.lower_)


def _a_title_word(word: str) -> bool:
    return word in _PERSON_NOUNS or word in _TITLES


def _by_document(head: Token, source: Range, last_writer: tuple[Cluster, int] | None,
                 sent_of: dict[int, int]) -> Cluster | None:
    """"The statement said" a few sentences after "the committee said in a statement": the one who wrote it."""
    definite = any(t.lower_ in ("the", "this", "that") and t.dep_ == "det" for t in head.lefts)
    if (last_writer is None or head.pos_ != "NOUN" or not definite or head.lemma_.lower() not in _DOCUMENTS
            or any(t.dep_ in ("poss", "nmod", "compound") for t in head.lefts) or source[1] - source[0] > 30):
        return None
    writer, at = last_writer
    return writer if 0 <= sent_of.get(head.i, 0) - sent_of.get(at, 0) <= 6 else None


_OWNED = _DOCUMENTS | {"website", "site", "account", "page", "feed", "blog", "channel"}


def _by_owner_pronoun(head: Token, last_speaker: Cluster | None) -> Cluster | None:
    """"The NTSB said … according to its website", "his letter said": the document's owner is the last speaker,
    when the possessive agrees with it."""
    owner = next((t.lower_ for t in head.children if t.dep_ == "poss"), None)
    if last_speaker is None or head.lemma_.lower() not in _OWNED or owner not in ("its", "their", "his", "her"):
        return None
    wants = "person" if owner in ("his", "her") else "organisation"
    if last_speaker.kind != wants or wants == "person" and last_speaker.gender and \
            last_speaker.gender != _PERSON_PRONOUNS["he" if owner == "his" else "she"]:
        return None
    return last_speaker


def _by_name_after(text: str, source: Range, clusters: list[Cluster], head: Token) -> Cluster | None:
    """"A leader of the teachers union, Dan Holub, said": the name set off by commas right after the description."""
    after = source[1]
    gap = text[after:after + 3]
    start = after + 1 + (len(gap[1:]) - len(gap[1:].lstrip())) if gap.startswith(",") else None
    for cluster in clusters:
        if cluster.kind != "person":
            continue
        for m in cluster.mentions:
            if m[0] == start and text[m[1]:m[1] + 1] == ",":
                return cluster
            # the parser kept the name inside the source: "A leader of the union, Dan Holub"; a title or role
            # right before the name: "…, resident Abdul Sammad" (but "a friend of Dan Holub" is the friend)
            # (and "The National Security Committee, chaired by Prime Minister Shehbaz Sharif" is the committee)
            if not (source[0] < m[0] and m[1] == source[1]):
                continue  # (tested first: slicing the text for every mention of every person is quadratic)
            before = text[source[0]:m[0]].rstrip()
            if (before.endswith(",") or before.split()[-1:] and before.split()[-1].lower() in _PERSON_NOUNS) \
                    and not _clause_between(head, m[0]):
                return cluster
    return None


def _clause_between(head: Token, at: int) -> bool:
    """A clause of the source's head runs up to the name at ``at``: "the committee, chaired by …", "who …"."""
    return any(c.dep_ in ("acl", "relcl") and c.idx < at <= c.right_edge.idx for c in head.children)


def _by_proper_noun(doc: Doc, head: Token, clusters: list[Cluster], allow_determiner: bool = False) -> Cluster | None:
    """A capitalised name the entity recogniser missed ("Murphy tweeted"): a person unless it says otherwise."""
    if head.pos_ != "PROPN" or len(head.text) < 2 or head.lower_ in _PRONOUNS or _a_title(head) or any(
            t.dep_ == "det" for t in head.lefts) and not allow_determiner:
        return None
    words = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i == head.i - 1] + [head]
    # "Number 10 said", "Channel 4 reported": a name with its number is a place or a body, no person's name
    numbered = [t for t in head.rights if t.dep_ == "nummod" and t.i == head.i + 1 and t.like_num]
    name = " ".join(t.text for t in words + numbered)
    low = name.lower()
    for cluster in clusters:
        if low in cluster.forms:
            return cluster
    same = most_mentioned([c for c in clusters if c.kind == "person" and low.split()[-1] == c.surname])
    if same is not None:
        return same
    # "Védelmi Ipari Kft", "Hirtenberger Group": a company's name, not a person's
    org = bool(numbered) or is_acronym(name) or camel_cased(name) or any(
        w.lower().strip(".") in ORG_WORDS or w.lower().strip(".") in COMPANY_SUFFIXES for w in name.split())
    cluster = Cluster(name=name, kind="organisation" if org else "person", forms={low})
    last = (words + numbered)[-1]
    cluster.mentions.append((words[0].idx, last.idx + len(last)))
    cluster.heads.append(head.i)
    clusters.append(cluster)
    return cluster


def _by_pronoun(doc: Doc, head: Token, clusters: list[Cluster], last_speaker: Cluster | None,
                sent_of: dict[int, int], breaks: list[int] = (), quoted: list[Range] = (), turn_end: int = -1,
                lenient: bool = False, addressed: list[Range] = ()) -> Cluster | None:
    """The candidate a pronoun stands for. ``lenient``: a last resort for "he"/"she", where a name the
    recogniser took for an organisation ("Serhii Radio, a chemistry researcher, says … he says") counts as a person."""
    low = head.lower_
    if low not in _PRONOUNS or low in _FIRST_PERSON and low not in ("we", "us"):
        return None
    gender = _PERSON_PRONOUNS.get(low)
    wants = "person" if gender else "organisation" if low in ("it", "its") else "group" if low in _GROUP_PRONOUNS else None
    if wants is None:
        return None
    here = sent_of.get(head.i, 0)
    para = bisect.bisect_right(breaks, head.idx)
    spoke_at = max((h for h in last_speaker.heads if h < head.i), default=-1) if last_speaker else -1
    best, best_score = None, None
    for cluster in clusters:
        if not _agrees(cluster, wants, gender) and not (
                lenient and wants == "person" and cluster.kind == "organisation" and person_shaped(cluster.name)):
            continue
        # a name inside someone's quoted words ("… and then Ghislaine walking in …”) is not whom the narrator's
        # "she" after the quote stands for
        outside = _inside(quoted, head.idx) is None
        # nor is the one spoken to ("told Reuters … it said" is not Reuters speaking)
        before = [h for h in cluster.heads if h < head.i and not (outside and _inside(quoted, doc[h].idx) is not None)
                  and _inside(addressed, doc[h].idx) is None]
        if not before:
            continue
        last = max(before)  # heads are not in text order: speaking mentions are added after the names
        distance = here - sent_of.get(last, 0)
        if cluster is last_speaker and last < turn_end < head.i:
            # "he said: “…” … Asked again whether he would …, he said": the speaker's turn ran to its quote's end
            distance = here - sent_of.get(turn_end, 0)
        if distance > _WINDOW_SENTENCES:
            continue
        # a person named as a subject earlier in the pronoun's own paragraph is who the paragraph is about
        here_para = bisect.bisect_right(breaks, doc[last].idx) == bisect.bisect_right(breaks, head.idx)
        score = (-distance + (3 if cluster is last_speaker else 0) + (1 if _was_subject(doc, last) else 0)
                 # the main clause's subject before one named in passing ("X went into detail about how Y …")
                 + (1 if cluster is not last_speaker and _was_subject(doc, last) and doc[last].head.dep_ == "ROOT"
                    else 0)
                 + (3 if here_para and cluster is not last_speaker and (
                    _was_subject(doc, last) or last - doc[last].sent.start <= 2) else 0)
                 + (3 if cluster is not last_speaker and _leads_into(doc[last], head) else 0)
                 # "Craig Le Clair, principal analyst at Forrester, sees …" after the last quote, then
                 # "“…,” he said" in the next paragraph: the voice just introduced, not the one before it
                 + (4 if cluster is not last_speaker and min(cluster.heads) > spoke_at and _introduced(doc, last)
                    and para - bisect.bisect_right(breaks, doc[last].idx) == 1 else 0)
                 - (2 if _only_a_place(doc, last) else 0)
                 # "after the Reuters investigation was published, it said": a name that only modifies a noun
                 - (2 if doc[last].dep_ == "compound" and doc[last].head.pos_ == "NOUN" else 0)
                 - (2 if doc[last].dep_ == "poss" else 0))  # "Ukraine's emergency service said … it": the service
        if best_score is None or score > best_score:
            best, best_score = cluster, score
    if best is not None and gender and not best.gender:
        best.gender = gender
    if best is not None and lenient:
        best.kind = "person"
    return best




def _unrecognised_subjects(doc: Doc, clusters: list[Cluster]) -> None:
    """"Fischer isn’t sure …": a capitalised subject the recogniser missed is a candidate for the pronouns after it."""
    for token in doc:
        if (token.dep_ == "nsubj" and token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper()
                and not token.is_upper and len(token.text) > 2 and token.lower_ not in _PERSON_NOUNS
                and not any(t.ent_type_ for t in token.subtree)):  # "Ambassador … Nikki Haley": a title, not a name
            cluster = _by_proper_noun(doc, token, clusters)
            if cluster is not None and token.i not in cluster.heads:
                # "White didn't commit …" after "Peter White": a later mention the pronouns after it must see
                cluster.mentions.append((token.idx, token.idx + len(token)))
                cluster.heads.append(token.i)


def _plural_subject_before(doc: Doc, pronoun: Token, sent_of: dict[int, int]) -> Token | None:
    """The nearest plural common noun that is a subject, in the pronoun's sentence or the one before."""
    here = sent_of.get(pronoun.i, 0)
    for tok in reversed(doc[max(0, pronoun.sent.start - 80):pronoun.i]):
        if here - sent_of.get(tok.i, 0) > 1:
            return None
        if tok.tag_ == "NNS" and tok.dep_ == "nsubj" and not tok.ent_type_ and _people(tok.lower_):
            return tok
    return None


_PEOPLE = frozenset("""
people officials police authorities experts critics leaders members staff troops soldiers women men children kids
families parents residents citizens students scientists analysts economists activists doctors nurses investigators
prosecutors witnesses victims supporters opponents officers agents diplomats ministers delegates candidates
lawmakers legislators protesters protestors demonstrators workers employees executives investors voters fans
researchers reporters journalists editors judges lawyers attorneys teachers farmers residents villagers locals
organizers organisers rebels militants fighters insurgents rescuers firefighters medics survivors refugees migrants
immigrants republicans democrats conservatives liberals progressives partisans thinkers commentators observers
pollsters strategists advisers advisors aides spokespeople spokesmen spokeswomen sources insiders consumers users
owners customers shoppers participants respondents americans britons europeans tenants applicants
contestants inhabitants
""".split())
_PEOPLE_SUFFIXES = ("ists", "ians", "ors", "ers")
_NOT_PEOPLE = frozenset("""
papers numbers orders centers centres matters letters waters powers borders layers towers headquarters offers answers
barriers filters markers factors sectors errors motors colors colours floors doors mirrors corridors monitors
""".split())


def _people(noun: str) -> bool:
    """A plural noun for people ("researchers", "officials"), not for things ("the talks", "our laws")."""
    return noun in _PEOPLE or noun.endswith(_PEOPLE_SUFFIXES) and noun not in _NOT_PEOPLE


def _leads_into(name: Token, pronoun: Token) -> bool:
    """"When Jane Roberts gave birth, she …": the name is the subject of a clause that opens the pronoun's own clause."""
    verb = name.head
    return (name.dep_ in ("nsubj", "nsubjpass") and verb.dep_ == "advcl" and verb.head.i == pronoun.head.i
            and verb.i < pronoun.i and pronoun.dep_ in ("nsubj", "nsubjpass"))


def _agrees(cluster: Cluster, wants: str, gender: str | None) -> bool:
    if cluster.kind == "unresolved":  # "the mayor … she": only a description of one, never "officials"
        plural = cluster.key.endswith("/pl")
        noun = cluster.key.split("/")[0]
        # "he" is a description of a person ("the teacher"), not "the national contract"; "it" not "the teacher"
        if wants in ("person", "organisation") and _a_person_noun(noun) != (wants == "person"):
            return False
        return (wants == "group") == plural and noun not in _PRONOUNS
    if wants == "person":
        return cluster.kind == "person" and (not cluster.gender or cluster.gender == gender)
    if wants == "organisation":
        return cluster.kind == "organisation"
    return cluster.kind == "organisation"


def _a_person_noun(noun: str) -> bool:
    return (noun in _PERSON_NOUNS or noun in _TITLES or noun in _NOUN_GENDER or noun in _ANYONE
            or noun.endswith(("ist", "ian", "or", "er")) and noun not in _DOCUMENTS and noun + "s" not in _NOT_PEOPLE)


def _only_a_place(doc: Doc, i: int) -> bool:
    """"a summit in Cairo … They", "a deal between Turkey and Libya": a place after a preposition is not who spoke."""
    tok = doc[i]
    return tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "from", "to", "near", "between")


def _inside(ranges: list[Range], at: int) -> Range | None:
    """The range (sorted, not overlapping much) that holds character ``at``."""
    n = bisect.bisect_right(ranges, (at, float("inf"))) - 1
    return ranges[n] if n >= 0 and ranges[n][0] <= at < ranges[n][1] else None


def _introduced(doc: Doc, i: int) -> bool:
    """"Craig Le Clair, principal analyst at Forrester, sees …": a name that opens its sentence as the subject of
    the main verb (a new voice), not one named in passing."""
    tok = doc[i]
    return (tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"
            and all(t.pos_ == "PROPN" for t in doc[tok.sent.start:i]))


def _was_subject(doc: Doc, i: int) -> bool:
    tok = doc[i]
    return tok.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ in ("nsubj", "nsubjpass")


def _by_description(text: str, head: Token, source: Range, clusters: list[Cluster]) -> Cluster | None:
    """"The commander", "the 45-year-old": a definite description that repeats a known speaker's role.

    A bare capitalised role ("…, Minister Says" in a headline) may name a speaker introduced later.
    """
    definite = any(t.lower_ in ("the", "this") for t in head.lefts)
    headline_role = head.pos_ == "PROPN" and source[1] - source[0] == len(head.text)
    if head.pos_ not in ("NOUN", "ADJ", "PROPN") or not definite and not headline_role or head.tag_ in ("NNS", "NNPS"):
        return None  # "the authors" are not the author named before
    words = mention_words(text, source)
    before, after, latest = None, None, -1
    for cluster in clusters:
        if cluster.kind == "unresolved":
            continue
        # "the expert" once said of one expert is no name for her: a word any speaker may be called counts only
        # as the role the article gave (the last speaker who fits comes first, in ``_by_role_noun``)
        described = [cluster.role or ""] + ([] if head.lower_ in _ANYONE else cluster.aliases)
        known = {w for d in described for w in d.lower().split()}
        # the description's head must head one of the speaker's roles ("the ministry" is not the ministry's
        # spokesperson, "the Indian army" not "an Indian army officer"), and what else it says must fit
        # ("the U.S. secretary of state" is not the foreign secretary named before)
        if head.lower_ not in {_role_head(d) for d in described} or not _fits_description(head, source, words - known):
            continue
        last = max((h for h in cluster.heads if h < head.i), default=-1)
        if last > latest:  # two experts: the one mentioned last, not the one named first
            before, latest = cluster, last
        elif last < 0 and after is None and not definite:
            after = cluster
    return before or after


def _fits_description(head: Token, source: Range, unknown: set[str]) -> bool:
    """What a description says beyond the speaker's known roles is only a country ("the US President")."""
    return all(t.ent_type_ in ("GPE", "NORP") for t in head.doc.char_span(*source, alignment_mode="expand") or ()
               if t.lower_.strip(",.") in unknown)


def _role_head(role: str) -> str:
    """The word a role is a kind of: "unit commander" → commander, "head of the agency" → head."""
    words = role.lower().split()
    cut = next((n for n, w in enumerate(words) if n and w in _ROLE_PREPS), len(words))
    return words[cut - 1].strip(",.") if cut else ""


_ROLE_PREPS = frozenset("of at for with in from to on".split())


# Nouns a definite description of one named person or organisation is made of ("the expert", "the 37-year-old",
# "the company", "the institute"): the description stands for the last one of that kind the article named.
_PERSON_NOUNS = frozenset("""
expert official spokesman spokeswoman spokesperson minister president premier leader chief executive director
commander lawyer attorney actor actress singer star player coach manager founder author writer researcher
scientist professor economist analyst doctor victim survivor woman man mother father activist politician senator
fan resident worker owner teacher student pilot driver witness neighbour neighbor businessman businesswoman
militant fighter rebel soldier guard lawmaker mp
governor mayor chairman chairwoman chair secretary ambassador general officer judge prosecutor candidate
commissioner envoy negotiator strategist
""".split())
_TITLES = frozenset("""
vp svp evp ceo cfo coo cto md head correspondent editor reporter columnist adviser advisor aide deputy mec
""".split())
_ORG_NOUNS = frozenset("""
company firm bank group institute alliance ministry department agency organisation organization party campaign
council committee board union charity university court club team network broadcaster authority business
airline retailer carrier startup insurer lender regulator watchdog government administration force
""".split())


# institutions a description names by what they are called: "the ministry" is a ministry named before
_NAMED_BY = {**{w: {w} for w in "ministry department council committee university court union commission".split()},
             "force": {"police", "force", "constabulary", "army", "military"}}
# what a country may be called
_STATE_NOUNS = frozenset("government administration authority".split())
# nouns any person may be described by, whatever their role
_ANYONE = frozenset("""-old man woman victim survivor resident witness mother father fan spokesman spokeswoman
spokesperson expert""".split())
_ABBREVIATED = {"gov.": "governor", "sen.": "senator", "rep.": "lawmaker", "gen.": "general", "col.": "officer",
                "lt.": "officer", "sgt.": "officer", "det.": "officer", "insp.": "officer", "prof.": "professor",
                "dr.": "doctor", "pres.": "president", "supt.": "officer"}

_NOUN_GENDER = {**{w: "f" for w in """mother woman actress spokeswoman chairwoman businesswoman wife daughter sister girl
grandmother aunt queen princess lady widow""".split()},
                **{w: "m" for w in """father man actor spokesman chairman businessman husband son brother boy grandfather
uncle king prince widower""".split()}}


def _by_role_noun(doc: Doc, text: str, head: Token, source: Range, clusters: list[Cluster],
                  last_speaker: Cluster | None, sent_of: dict[int, int], quoted: list[Range] = ()) -> Cluster | None:
    """"The expert said …" after "Radek Babicek, a houseplant expert": the last person (or organisation) named
    before it, within a few sentences, the last speaker first. Plural and indefinite descriptions stay apart."""
    definite = any(t.lower_ in ("the", "this") and t.dep_ == "det" for t in head.lefts)
    noun = "-old" if re.fullmatch(r"(?i)the \d+-year-old", text[source[0]:source[1]]) else head.lemma_.lower()
    # "The Prime Minister" is tagged a proper noun: a title outside any entity still describes
    title_cased = head.pos_ == "PROPN" and not head.ent_type_ and noun in _PERSON_NOUNS
    if head.pos_ != "NOUN" and noun != "-old" and not title_cased or not definite or head.tag_ == "NNS" \
            or source[1] - source[0] > 40:
        return None
    wants = ("person" if noun in _PERSON_NOUNS or noun == "-old" else
             "organisation" if noun in _ORG_NOUNS else None)
    if wants is None or any(t.dep_ == "poss" or t.dep_ == "compound" and t.ent_type_ in ("PERSON", "ORG")
                            for t in head.lefts):
        return None  # "the company's spokesman", "the Trump administration" are someone else
    here = sent_of.get(head.i, 0)
    gender = _NOUN_GENDER.get(noun, "")  # "the mother" is not the father named before her

    said = {t.lower_ for t in doc.char_span(*source, alignment_mode="expand") or () if t.pos_ in ("NOUN", "PROPN")}

    def fits(cluster: Cluster) -> bool:
        # "the government official" is not the prime minister who spoke last: a role of their own must agree,
        # and so must what else the description says ("the U.S. secretary of state" is not the foreign secretary)
        role = _ABBREVIATED.get(_role_head(cluster.role or ""), _role_head(cluster.role or ""))
        other_role = noun not in _ANYONE and role != noun and _a_title_word(role)
        known = {w for d in [cluster.role or ""] + cluster.aliases for w in d.lower().split()}
        if wants == "organisation" and noun not in _STATE_NOUNS and cluster.heads and all(
                doc[h].ent_type_ == "GPE" for h in cluster.heads):
            return False  # "the alliance", "the company" is not Russia named before
        if noun in _NAMED_BY and not _NAMED_BY[noun] & {w.strip(".,").lower() for w in
                                                         " ".join([cluster.name, *cluster.aliases]).split()}:
            return False  # "the force" is the police named before, not the bus company
        return (cluster.kind == wants and not (gender and cluster.gender and cluster.gender != gender)
                and not other_role and (not cluster.role or noun == "-old" or _fits_description(head, source, said - known - {noun})))

    if last_speaker is not None and fits(last_speaker):
        last_named = max((h for h in last_speaker.heads if h < head.i), default=None)
        if last_named is not None and here - sent_of.get(last_named, 0) <= 6:
            return last_speaker
        # "the expert explains" ten sentences after the one expert who spoke: still her, when no one else who
        # fits was named in between (not for words any bystander is called: "the victim", "the spokesman")
        if last_named is not None and noun not in _ANYONE - {"expert"} and here - sent_of.get(last_named, 0) <= 15 \
                and not any(c is not last_speaker and fits(c) and any(last_named < h < head.i for h in c.heads)
                            for c in clusters):
            return last_speaker
    best, best_at = None, -1
    outside = _inside(quoted, head.idx) is None
    for cluster in clusters:
        if not fits(cluster):
            continue
        # a body named only inside someone's quoted words is not what "the department" after the quote means
        before = [h for h in cluster.heads if h < head.i and here - sent_of.get(h, 0) <= 4
                  and not (outside and _inside(quoted, doc[h].idx) is not None)]
        if before and max(before) > best_at and not _only_a_place(doc, max(before)):
            best, best_at = cluster, max(before)
    return best


def _unresolved(text: str, source: Range, head: Token, unresolved: list[Cluster]) -> Cluster | None:
    """"officials", "a senior official" … "the official": kept apart, grouped by head word and number."""
    text = text[source[0]:source[1]]
    if head.pos_ == "PRON" and head.lower_ not in _PRONOUNS or head.pos_ in ("ADP", "SCONJ", "CCONJ", "DET", "PART"):
        return None  # "to" of "According to": a parse slip, not a source
    if text.strip().lower() in _PRONOUNS or not any(c.isalpha() for c in text):
        return None  # "he" with no one to stand for, "[": no speaker at all rather than a speaker called "he"
    key = head.lemma_.lower() + ("/pl" if head.tag_ in ("NNS", "NNPS") else "")
    definite = any(t.lower_ in ("the", "that", "this") for t in head.lefts)
    for cluster in reversed(unresolved):
        if cluster.key == key and (definite or cluster.name.lower() == text.lower()):
            if text not in cluster.aliases and text != cluster.name:
                cluster.aliases.append(text)
            return cluster
    cluster = Cluster(name=text, kind="unresolved", key=key)
    if head.pos_ == "NOUN":
        cluster.role = head.text.lower()
        owner = next((t for t in head.lefts if t.dep_ == "poss"), None)
        if owner is not None:
            cluster.affiliation = " ".join(t.text for t in owner.subtree if t.dep_ != "case")
    unresolved.append(cluster)
    return cluster


def _note_mention(cluster: Cluster, source: Range, head: Token, text: str) -> None:
    """Record a source mention that is not already one of the cluster's name mentions."""
    if any(source[0] <= m[0] and m[1] <= source[1] for m in cluster.mentions):
        return
    cluster.mentions.append(source)
    cluster.heads.append(head.i)
    text = text[source[0]:source[1]]
    if cluster.kind != "unresolved" and head.pos_ != "PRON" and len(text) < 60 and text not in cluster.aliases:
        cluster.aliases.append(text)


def _sentence_index(doc: Doc) -> dict[int, int]:
    index = {}
    for n, sent in enumerate(doc.sents):
        for t in sent:
            index[t.i] = n
    return index


def _in_order(speaking: dict[int, Cluster]) -> list[Cluster]:
    seen: list[Cluster] = []
    for i in sorted(speaking):
        if not any(c is speaking[i] for c in seen):
            seen.append(speaking[i])
    return seen
