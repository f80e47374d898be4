"""The first screen of every human view: what a fact-checker should look at, at a glance.

Numbers that do not add up, the top check-worthy claims with who asserts them and how many independent origins
back them, how the article is sourced (named versus unnamed, the share of the top source, whether everything
rests on one person or one upstream outlet), and the publication chain on one line. Built from the data model
alone; the corroboration counts come from a store when there is one.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newstrace.model import Analysis, Check, Claim, Quote, Speaker

TOP_CLAIMS = 3
CLIP = 200  # characters of a claim or sentence in the terminal and Markdown summaries (the HTML shows them whole)
NOT_COUNTED = "independent origins not counted here (newstrace corroborate counts them in a store)"
# Words that describe a group or a role rather than name someone ("officials said", "critics", "a spokesman").
GENERIC_WORDS = frozenset("""
a an the one two three several some many other others both this that these those
official officials source sources critic critics resident residents expert experts analyst analysts
spokesman spokeswoman spokesperson spokespeople people person witness witnesses observer observers
authority authorities police government administration aide aides insider insiders diplomat diplomats
familiar with matter negotiations situation talks knowledge anonymity condition speaking
senior junior local state federal western us u.s. military security intelligence
""".split())
# Chain roles that say where the text itself came from (the others: what it reports on, or this page).
TEXT_ORIGINS = ("origin", "wire", "claimed origin", "syndicator")


@dataclass(frozen=True, slots=True)
class Inconsistency:
    """A check whose numbers do not add up: the sentence it is in and the computation in words."""

    check_id: str
    claim_id: str
    kind: str
    sentence: str
    computation: str


@dataclass(frozen=True, slots=True)
class ClaimLine:
    claim_id: str
    text: str
    score: float
    asserter: str
    asserter_named: bool | None  # None: the outlet itself asserts it
    origins: str | None  # "2 independent origins support, 0 contradict", "single origin: …"; None: not counted
    supporting: int | None = None
    contradicting: int | None = None


@dataclass(frozen=True, slots=True)
class Sourcing:
    distinct: int
    named: int
    unnamed: int
    unattributed_quotes: int
    top_source: str | None
    top_share: float  # share of the quoted words that comes from the top source (0 when nothing is quoted)
    rests_on: str | None  # "one source: Ann Lee (every quote), relayed by …" or None

    @property
    def words(self) -> str:
        if not self.distinct:
            return "no quoted sources" + (f" ({_count(self.unattributed_quotes, 'unattributed quote')})"
                                          if self.unattributed_quotes else "")
        text = (f"{self.distinct} source{'s' if self.distinct != 1 else ''} quoted: {self.named} named, "
                f"{self.unnamed} unnamed")
        if self.top_source:
            text += f"; {round(100 * self.top_share)}% of the quoted words from {self.top_source}"
        if self.unattributed_quotes:
            text += f"; {_count(self.unattributed_quotes, 'quote')} unattributed"
        return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


@dataclass(frozen=True, slots=True)
class Summary:
    inconsistent: list[Inconsistency]
    claims: list[ClaimLine]
    more_claims: int
    sourcing: Sourcing
    chain: str
    original_date: str | None = None
    origins_counted: bool = False

    def lines(self) -> list[tuple[str, str]]:
        """The summary as (label, text) rows, in the order every format shows them."""
        rows = [("Numbers that do not add up", f"{len(self.inconsistent)}" if self.inconsistent else "none found")]
        rows += [("  ✗ " + i.kind, f"{i.computation} — in: “{clip(i.sentence, CLIP)}”") for i in self.inconsistent]
        note = "" if self.origins_counted else NOT_COUNTED
        rows.append(("Top claims", note if self.claims else "no check-worthy claims"))
        rows += [(f"  {n}.", f"“{clip(c.text, CLIP)}” — {asserter_words(c)}" + (f" — {c.origins}" if c.origins else ""))
                 for n, c in enumerate(self.claims, 1)]
        if self.more_claims:
            rows.append(("", f"and {self.more_claims} more"))
        rows.append(("Sourcing", self.sourcing.words))
        if self.sourcing.rests_on:
            rows.append(("  rests on", self.sourcing.rests_on))
        rows.append(("Chain", self.chain + (f" · original published {self.original_date}" if self.original_date
                                            else "")))
        return rows


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def asserter_words(line: ClaimLine) -> str:
    if line.asserter_named is None:
        return f"asserted by {line.asserter} (the outlet itself)"
    return f"asserted by {line.asserter} ({'named' if line.asserter_named else 'unnamed'})"


def summarize(analysis: Analysis, *, origins: dict[str, dict] | None = None, top: int = TOP_CLAIMS) -> Summary:
    """The summary of ``analysis``; ``origins`` maps claim ids to their corroboration (``Corroboration.to_dict``)
    in a store, None when the article was not compared with any other."""
    # claims kept below the threshold only for their figures are not "check-worthy"
    worthy = sorted((c for c in analysis.claims if c.checkworthy), key=lambda c: -c.score)
    first, original = chain_line(analysis)
    return Summary(inconsistent=inconsistencies(analysis),
                   claims=[claim_line(analysis, c, origins) for c in worthy[:top]],
                   more_claims=max(0, len(worthy) - top), sourcing=sourcing(analysis), chain=first,
                   original_date=original, origins_counted=origins is not None)


# --- checks -------------------------------------------------------------------------------------------------

def inconsistencies(analysis: Analysis) -> list[Inconsistency]:
    claims = {c.id: c for c in analysis.claims}
    return [Inconsistency(k.id, k.claim_id, k.kind, check_sentence(analysis, k, claims.get(k.claim_id)),
                          k.computation) for k in analysis.checks if k.verdict == "inconsistent"]


def check_sentence(analysis: Analysis, check: Check, claim: Claim | None) -> str:
    """The sentence the check is about: the article sentence holding its claim, else the claim's text."""
    if claim is None:
        return str(check.stated or "")
    for sentence in analysis.article.sentences:
        if sentence.start <= claim.span.start < sentence.end:
            return " ".join(sentence.text.split())
    return " ".join(claim.span.text.split())


# --- claims -------------------------------------------------------------------------------------------------

def claim_line(analysis: Analysis, claim: Claim, origins: dict[str, dict] | None) -> ClaimLine:
    speaker_id = claim.asserter.get("speaker_id")
    speaker = _speaker(analysis, same_person(analysis).get(speaker_id, speaker_id))
    if speaker is not None:
        asserter, named = speaker.name, is_named(speaker)
    elif claim.asserter.get("kind") == "speaker":
        asserter = claim.asserter.get("name") or "an unresolved source"
        named = bool(claim.asserter.get("name")) and not _generic(asserter)
    else:
        asserter, named = analysis.article.outlet or "the outlet", None
    found = (origins or {}).get(claim.id)
    return ClaimLine(claim.id, " ".join(claim.span.text.split()), claim.score, asserter, named,
                     origin_words(found, compared=origins is not None),
                     found.get("supporting_origins") if found else None,
                     found.get("contradicting_origins") if found else None)


def origin_words(found: dict | None, *, compared: bool) -> str | None:
    if not compared:
        return None
    if not found:
        return "single origin: no other stored article says so"
    n, m = found.get("supporting_origins", 1), found.get("contradicting_origins", 0)
    if n <= 1:
        return "single origin: no independent article says so" + (f"; {m} contradict" if m else "")
    return f"{n} independent origins support, {m} contradict{'s' if m == 1 else ''}"


def _speaker(analysis: Analysis, speaker_id: str | None) -> Speaker | None:
    return next((s for s in analysis.speakers if s.id == speaker_id), None) if speaker_id else None


# --- sourcing -----------------------------------------------------------------------------------------------

def is_named(speaker: Speaker) -> bool:
    """A resolved person or organisation with a name, not a group or a role ("officials", "a source")."""
    return speaker.kind in ("person", "organisation") and not _generic(speaker.name)


def _generic(name: str) -> bool:
    words = [w.strip(".,;:'\"’") for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return True
    return all(w.lower() in GENERIC_WORDS or not w[0].isupper() for w in words)


def source_key(analysis: Analysis, quote: Quote, same: dict[str, str] | None = None) -> str | None:
    """Who a quote comes from: its speaker (``same`` maps a speaker to the one it is part of), else its speaker
    mention (lower-cased); None when unattributed."""
    if quote.speaker_id and _speaker(analysis, quote.speaker_id):
        return (same or {}).get(quote.speaker_id, quote.speaker_id)
    if quote.speaker_mention and quote.speaker_mention.text.strip():
        return "mention:" + " ".join(quote.speaker_mention.text.lower().split())
    return None


def same_person(analysis: Analysis) -> dict[str, str]:
    """Speakers known by one word of exactly one other speaker's name ("Wang" beside "Wang Yi", whose surname comes
    first) → that speaker: one source, not two. With "Ann Lee" and "Bob Lee" a lone "Lee" stays on its own."""
    full = [s for s in analysis.speakers if len(s.name.split()) > 1 and is_named(s)]
    found = {}
    for s in analysis.speakers:
        words = s.name.split()
        if len(words) != 1 or not is_named(s):
            continue
        owners = [f for f in full if words[0].casefold() in (w.casefold() for w in f.name.split())]
        if len(owners) == 1:
            found[s.id] = owners[0].id
    return found


def sourcing(analysis: Analysis) -> Sourcing:
    words: Counter[str] = Counter()
    unattributed = 0
    same = same_person(analysis)
    for q in analysis.quotes:
        key = source_key(analysis, q, same)
        if key is None:
            unattributed += 1
        else:
            words[key] += max(1, len(q.content.text.split()))
    named = sum(1 for key in words if _key_named(analysis, key))
    top_key, top_words = words.most_common(1)[0] if words else (None, 0)
    total = sum(words.values())
    return Sourcing(distinct=len(words), named=named, unnamed=len(words) - named, unattributed_quotes=unattributed,
                    top_source=_key_name(analysis, top_key) if top_key else None,
                    top_share=top_words / total if total else 0.0, rests_on=rests_on(analysis, list(words)))


def _key_named(analysis: Analysis, key: str) -> bool:
    speaker = _speaker(analysis, key) if not key.startswith("mention:") else None
    return is_named(speaker) if speaker else False


def _key_name(analysis: Analysis, key: str) -> str:
    speaker = _speaker(analysis, key) if not key.startswith("mention:") else None
    return speaker.name if speaker else key.removeprefix("mention:")


def rests_on(analysis: Analysis, source_keys: list[str]) -> str | None:
    """Whether every claim rests on one interviewee or one upstream outlet, said in words (None: it does not)."""
    chain = analysis.provenance
    interviews = [s for s in chain if s.role == "interview"]
    outlet = (analysis.article.outlet or "").casefold()
    upstream = list({s.name.casefold(): s.name for s in chain
                     if s.role in TEXT_ORIGINS and s.name.casefold() != outlet}.values())
    carriers = [s.name for s in chain if s.role not in ("interview", "report", "press release")]
    relay = f", relayed by {' → '.join(carriers)}" if len(carriers) > 1 else ""
    if len(source_keys) == 1 and _claims_from(analysis, source_keys[0]):
        who = _key_name(analysis, source_keys[0])
        where = f" (interview with {interviews[0].name})" if len(interviews) == 1 else ""
        return f"one source: {who}{where} gives every quote{relay}"
    if len(interviews) == 1 and not source_keys:
        return f"one interview ({interviews[0].name}){relay}"
    if len(upstream) == 1 and len(carriers) > 1:
        later = [name for name in carriers if name.casefold() != upstream[0].casefold()]
        return f"one upstream outlet: {upstream[0]}, republished by {' → '.join(later)}"
    return None


def _claims_from(analysis: Analysis, key: str) -> bool:
    """No claim is asserted by another quoted source than ``key`` (the outlet's own narration aside)."""
    same = same_person(analysis)
    others = {same.get(c.asserter.get("speaker_id"), c.asserter.get("speaker_id")) for c in analysis.claims
              if c.asserter.get("speaker_id")}
    return others <= {key}


def chain_line(analysis: Analysis) -> tuple[str, str | None]:
    """The chain on one line, earliest first, and the date of the original (the earliest text source)."""
    steps = [f"{s.name} ({', '.join(x for x in (s.role, s.date) if x)})" for s in analysis.provenance]
    texts = [s for s in analysis.provenance if s.role in TEXT_ORIGINS and s.date]
    dated = texts or [s for s in analysis.provenance if s.date]
    return " → ".join(steps) or "no publication chain found", (dated[0].date if dated else None)
