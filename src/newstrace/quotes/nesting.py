"""Nested attribution: "the minister said the report showed …" is one quote whose content names an inner source."""
from __future__ import annotations

import bisect

from newstrace.quotes.attribution import Attribution


def resolve_nesting(atts: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose cue lies inside another's content, recording their source as ``nested_source``."""
    # contents by start, so that each cue is compared with the contents that can hold it, not with all of them
    order = sorted(range(len(atts)), key=lambda n: atts[n].content[0])
    starts = [atts[n].content[0] for n in order]
    longest = max((a.content[1] - a.content[0] for a in atts), default=0)
    keep = []
    for att in atts:
        outer = None
        if att.cue is not None:
            near = order[bisect.bisect_left(starts, att.cue[0] - longest):bisect.bisect_right(starts, att.cue[0])]
            outer = _outer(att, [atts[n] for n in sorted(near)])
        if outer is None:
            keep.append(att)
        elif outer.nested_source is None and att.source is not None:
            outer.nested_source = att.source
    return _dedupe(keep)


def _outer(att: Attribution, atts: list[Attribution]) -> Attribution | None:
    """The first of ``atts`` (in their order) whose content holds ``att``'s cue and is the wider one."""
    if att.cue is None or att.follows is not None:
        return None
    for other in atts:
        if other is att or other.follows is not None:
            continue
        c0, c1 = other.content
        if c0 <= att.cue[0] and att.cue[1] <= c1 and (c1 - c0) > (att.content[1] - att.content[0]) or \
                c0 <= att.cue[0] and att.cue[1] <= c1 and att.content[0] >= c0 and att.content[1] <= c1:
            return other
    return None


def _dedupe(atts: list[Attribution]) -> list[Attribution]:
    """Two cues claiming the same content: keep the more confident (then the earlier) one."""
    best: dict[tuple[int, int], Attribution] = {}
    for att in atts:
        cur = best.get(att.content)
        if cur is None or att.confidence > cur.confidence:
            best[att.content] = att
    kept = set(map(id, best.values()))
    return [a for a in atts if id(a) in kept]
