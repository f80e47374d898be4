"""Rebuild the shipped exchange-rate table from the IMF annual-average file.

    python -m training.fx_table --source ../shared/data/fx --out src/newstrace/checks/data/fx_rates.json.gz

Source: International Monetary Fund (IFS, ``ENDA``: national currency per US dollar, period average).
Rows are picked by country code, because the scraper's ``Currency`` column is a label: EUR comes from
the Euro Area (U2), GBP from GB, and so on. Values are rounded to 6 significant digits.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
from collections import defaultdict
from pathlib import Path

from newstrace.checks.fx import ATTRIBUTION

FIRST_YEAR, LAST_YEAR = 1990, 2024
# Where several countries share a currency, the one whose series is the currency's own.
PREFERRED = {"EUR": "U2", "USD": "US", "GBP": "GB", "XOF": "SN", "XAF": "CM", "XCD": "AG", "AUD": "AU",
             "NZD": "NZ", "CHF": "CH", "DKK": "DK", "NOK": "NO", "INR": "IN", "ZAR": "ZA", "ILS": "IL",
             "ANG": "CW", "XPF": "NC"}
# Labels that do not name the unit of every year (re-denominations, hyperinflation): left out.
EXCLUDED = {"VED", "ZWG", "UYW", "XDR"}


def build(source: Path) -> dict:
    by_currency: dict[str, dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    with (source / "imf_exchangerates_A_ENDA_USD.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            year = int(row["Date"][:4])
            if FIRST_YEAR <= year <= LAST_YEAR and row["Rate"] and row["Currency"] not in EXCLUDED:
                by_currency[row["Currency"]][row["Country code"]][year] = float(row["Rate"])
    rates = {}
    for code, countries in sorted(by_currency.items()):
        country = PREFERRED.get(code) if PREFERRED.get(code) in countries else max(countries, key=lambda c: len(countries[c]))
        rates[code] = {str(y): float(f"{v:.6g}") for y, v in sorted(countries[country].items())}
    return {"attribution": ATTRIBUTION, "unit": "national currency per US dollar, annual average (IMF IFS ENDA)",
            "rounding": "6 significant digits", "years": [FIRST_YEAR, LAST_YEAR], "rates": rates}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="folder with imf_exchangerates_A_ENDA_USD.csv")
    parser.add_argument("--out", type=Path, required=True,
                        help="the table to write (the shipped one: src/newstrace/checks/data/fx_rates.json.gz)")
    args = parser.parse_args(argv)
    table = build(args.source)
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        json.dump(table, f, separators=(",", ":"), sort_keys=True)
    print(f"wrote {len(table['rates'])} currencies to {args.out}")


if __name__ == "__main__":
    main()
