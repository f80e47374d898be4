"""The shipped exchange-rate table: national currency per US dollar, annual average, by year.

Source: International Monetary Fund (International Financial Statistics, annual period averages).
The table ``data/fx_rates.json.gz`` is derived by ``python -m training.fx_table``.
"""
from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

ATTRIBUTION = "Source: International Monetary Fund"
TABLE_PATH = Path(__file__).resolve().parent / "data" / "fx_rates.json.gz"


@dataclass(frozen=True, slots=True)
class Rate:
    currency: str
    year: int
    per_usd: float  # units of ``currency`` for one US dollar
    source: str = ATTRIBUTION + " (IFS annual average)"


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, float]]:
    with gzip.open(TABLE_PATH, "rt", encoding="utf-8") as f:
        return json.load(f)["rates"]


def rate(currency: str, year: int) -> Rate | None:
    """The annual-average rate, or None when the table has no value for that currency and year."""
    if currency == "USD":
        return Rate("USD", year, 1.0)
    value = _table().get(currency, {}).get(str(year))
    return Rate(currency, year, value) if value else None


def known(currency: str) -> bool:
    return currency == "USD" or currency in _table()


def volatility(currency: str, year: int) -> float:
    """The largest relative move of the annual rate from one year to the next around ``year`` (0 when unknown)."""
    moves = []
    for a, b in ((year - 1, year), (year, year + 1)):
        ra, rb = rate(currency, a), rate(currency, b)
        if ra and rb:
            moves.append(abs(rb.per_usd / ra.per_usd - 1))
    return max(moves, default=0.0)
