"""Reconcile candidate links into the chain: merge what names the same outlet, settle disagreements, order.

Order, earliest first: what the article reports on (interviews, reports, press releases), the wire,
the origin, the syndicator, this page, its later print edition; within a step, by stated date.
"""
from __future__ import annotations

from newstrace.model import Source
from newstrace.provenance import outlets
from newstrace.provenance.candidate import REPORTING_ROLES, UPSTREAM_ROLES, Candidate
from newstrace.provenance.signals import Page

_WHY_WINS = {
    5.0: "an explicit republication statement in the text",
    4.0: "structured page metadata naming the original (isBasedOn / original-source)",
    3.0: "a byline or dateline naming the outlet",
    2.0: "a canonical link",
    1.5: "a source line or metadata organisation",
    1.0: "a copyright notice",
}


def reconcile(candidates: list[Candidate], page: Page) -> list[Source]:
    """The ordered chain from all candidates (signals, body, quotes)."""
    merged = _merge(candidates)
    self_link = _self_link([c for c in merged if c.role == "self"], page)
    links = [c for c in merged if c.role != "self"]
    _settle_origins(links)
    if self_link:
        upstream = any(c.role in UPSTREAM_ROLES for c in links)
        self_link.source.role = "republisher" if upstream else "origin"
        links.append(self_link)
    _note_dates(links, page)
    links.sort(key=_order)
    return [c.source for c in links]


def _order(c: Candidate) -> tuple:
    return (c.tier, c.source.role == "claimed origin", c.source.date or "9999", c.order)


def _family(role: str) -> str:
    """Roles that may merge: one outlet is one publication step, but may also be reported on in the body."""
    if role in REPORTING_ROLES:
        return role
    return "print" if role == "print edition" else "publication"


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates that name the same outlet in the same family become one link with all the evidence."""
    groups: list[list[Candidate]] = []
    for cand in sorted(candidates, key=lambda c: c.order):
        home = next((g for g in groups if _family(g[0].role) == _family(cand.role)
                     and outlets.same_outlet(g[0].source.name, cand.source.name)), None)
        if home is None:
            groups.append([cand])
        else:
            home.append(cand)
    return [_combine(g) for g in groups]


def _combine(group: list[Candidate]) -> Candidate:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda c: (c.strength, -c.order))
    role = _merged_role([c.role for c in group])
    dated = sorted((c for c in group if c.source.date), key=lambda c: (-c.strength, c.order))
    evidence = sorted({(e.start, e.end): e for c in group for e in c.source.evidence}.values(), key=lambda e: e.start)
    signals = list(dict.fromkeys(s for c in group for s in c.source.signal.split("+")))
    source = Source(name=best.source.name, kind=best.source.kind, role=role,
                    date=dated[0].source.date if dated else None,
                    url=next((c.source.url for c in group if c.source.url), None),
                    journalist=next((c.source.journalist for c in group if c.source.journalist), None),
                    evidence=evidence, signal="+".join(signals),
                    note="; ".join(dict.fromkeys(c.source.note for c in group if c.source.note)) or None)
    dates = {c.source.date[:10] for c in dated}
    if len(dates) > 1:
        source.note = _join(source.note, f"dates disagree ({', '.join(sorted(dates))}); kept {source.date} from "
                                         f"{dated[0].source.signal}, the strongest dated signal")
    return Candidate(source, min(c.order for c in group))


def _merged_role(roles: list[str]) -> str:
    """The page's own outlet wins (a self-reference), then wire (more specific than origin), then the rest."""
    for role in ("self", "wire", "origin", "syndicator"):
        if role in roles:
            return role
    return roles[0]


def _self_link(selves: list[Candidate], page: Page) -> Candidate | None:
    """The page itself, with whatever evidence named its outlet; from its URL alone when nothing did."""
    if not page.outlet:
        return None
    if selves:
        link = selves[0]
        link.source.name = page.outlet
    else:
        link = Candidate(Source(name=page.outlet, role="self", signal="page"), 10**9)
    link.source.date = link.source.date or (page.date[:10] if page.date else None)
    link.source.url = page.url or link.source.url
    if link.source.signal != "page" and "page" not in link.source.signal:
        link.source.signal = "page+" + link.source.signal
    link.order = 10**9
    link.is_page = True
    return link


def _settle_origins(links: list[Candidate]) -> None:
    """Several different origins: the strongest signal wins; the others stay as ``claimed origin`` with a note."""
    origins = [c for c in links if c.role == "origin"]
    if len(origins) < 2:
        return
    ranked = sorted(origins, key=lambda c: (-c.strength, c.source.date or "9999", c.order))
    winner = ranked[0]
    for loser in ranked[1:]:
        loser.source.role = "claimed origin"
        why = _WHY_WINS.get(winner.strength, "a stronger signal")
        if winner.strength == loser.strength:
            why = "the same kind of signal, but earlier" if winner.source.date else "the same kind of signal, first in the page"
        loser.source.note = _join(loser.source.note, f"disagrees with {winner.source.name} ({winner.source.signal}), "
                                                     f"which wins: {why}")
        winner.source.note = _join(winner.source.note, f"chosen over {loser.source.name} ({loser.source.signal}): {why}")


def _note_dates(links: list[Candidate], page: Page) -> None:
    """An upstream link dated after this page is kept, but flagged: one of the two dates is wrong."""
    if not page.date:
        return
    for c in links:
        if c.role in UPSTREAM_ROLES and c.source.date and c.source.date[:10] > page.date[:10]:
            c.source.note = _join(c.source.note, f"dated after this page ({page.date[:10]})")


def _join(a: str | None, b: str) -> str:
    return f"{a}; {b}" if a else b


__all__ = ["reconcile"]
