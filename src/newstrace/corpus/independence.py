"""Independent origins: claims count once per original source, not once per article.

Two claims share an origin when their articles are copies of one original (same copies cluster, e.g.
from provenance/near-duplicate clustering), when they credit the same upstream source (wire, interview,
press release named in the provenance chain), or when they quote the same speaker. Origins are the
connected components of those links.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import networkx as nx


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """A claim as corroboration sees it: its text and what tells where it came from."""

    key: str  # "<article id>:<claim id>"
    text: str
    article_id: str
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    speaker: str | None = None  # normalised name of the quoted speaker who asserts it, if any
    cluster: str | None = None  # copies cluster of the article
    credits: tuple[str, ...] = ()  # upstream sources named by the article's provenance chain
    negated: bool | None = None

    def origin_keys(self) -> list[str]:
        keys = [f"cluster:{self.cluster or self.article_id}"]
        keys += [f"credit:{c.casefold()}" for c in self.credits]
        if self.speaker:
            keys.append(f"speaker:{self.speaker}")
        return keys


@dataclass(slots=True)
class Origin:
    """One independent origin: the claims that trace to it, earliest first."""

    claims: list[ClaimRecord] = field(default_factory=list)
    via: set[str] = field(default_factory=set)  # the shared keys that merged these claims

    @property
    def label(self) -> str:
        first = self.claims[0]
        speaker = next((c.speaker for c in self.claims if c.speaker), None)
        credit = next((c.credits[0].casefold() for c in self.claims if c.credits), None)
        base = first.outlet or first.url or first.article_id[:12]
        return base + (f" (quoting {speaker})" if speaker else "") + (f" (via {credit})" if credit else "")

    def to_dict(self) -> dict:
        return {"label": self.label, "shared": sorted(self.via),
                "claims": [{"key": c.key, "outlet": c.outlet, "published": c.published, "url": c.url,
                            "text": c.text} for c in self.claims]}


def group_origins(records: Iterable[ClaimRecord]) -> list[Origin]:
    """Group claims into independent origins (connected components of their origin keys)."""
    records = list(records)
    graph = nx.Graph()
    for record in records:
        keys = record.origin_keys()
        graph.add_node(keys[0])
        graph.add_edges_from((keys[0], key) for key in keys[1:])
    component = {key: number for number, keys in enumerate(nx.connected_components(graph)) for key in keys}
    key_uses: dict[str, int] = {}
    for record in records:
        for key in record.origin_keys():
            key_uses[key] = key_uses.get(key, 0) + 1
    groups: dict[int, Origin] = {}
    for record in sorted(records, key=lambda r: (r.published or "9999", r.key)):
        origin = groups.setdefault(component[record.origin_keys()[0]], Origin())
        origin.claims.append(record)
        origin.via |= {k for k in record.origin_keys() if key_uses[k] > 1}
    return list(groups.values())
