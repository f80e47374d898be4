"""A link of the chain before reconciliation: the ``Source`` plus what ordering and conflicts need."""
from __future__ import annotations

from dataclasses import dataclass

from newstrace.model import Source

# Where a role sits in the chain, earliest first: what the article reports on, the wire or origin it
# came from, who distributed it, this page, and the later print edition.
TIERS = {"interview": 0, "report": 0, "press release": 0, "wire": 1, "origin": 2, "claimed origin": 2,
         "syndicator": 3, "self": 4, "print edition": 5}
REPORTING_ROLES = {"interview", "report", "press release"}
UPSTREAM_ROLES = {"wire", "origin", "syndicator"}

# How much a signal is believed when two signals name different origins (higher wins). An explicit
# sentence in the text is written by an editor about this very article; metadata is often a CMS default.
STRENGTH = {
    "original_source": 5.0, "republished_from": 5.0, "produced_by": 5.0, "syndicated_copyright": 5.0,
    "is_based_on": 4.0, "original-source": 4.0, "syndication-source": 4.0,
    "byline_outlet": 3.0, "outlet_dateline": 3.0, "wire_dateline": 3.0, "wire_credit": 3.0,
    "author": 3.0, "files_from": 3.0, "contributed": 3.0, "credit_via": 5.0,
    "canonical": 2.0, "source_line": 1.5, "source_organization": 1.5, "publisher": 1.5,
    "copyright": 1.0, "og_site_name": 1.0, "url": 0.5,
}


@dataclass(slots=True)
class Candidate:
    """``role`` is a chain role or ``self`` (evidence about the page's own outlet)."""

    source: Source
    order: int  # position of the evidence in the article (metadata first), for stable ties
    is_page: bool = False  # the link for this page itself, whatever its role

    @property
    def role(self) -> str:
        return self.source.role

    @property
    def strength(self) -> float:
        return max((STRENGTH.get(s, 2.0) for s in self.source.signal.split("+")), default=0.0)

    @property
    def tier(self) -> int:
        return TIERS["self"] if self.is_page else TIERS.get(self.role, 2)
