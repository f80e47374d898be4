"""Reading the CheckThat! 2024 check-worthiness TSV files (development data, never shipped)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

SPLITS = {"train": "CT24_checkworthy_english_train.tsv", "dev": "CT24_checkworthy_english_dev.tsv",
          "dev-test": "CT24_checkworthy_english_dev-test.tsv"}
# One physical train line holds two records because a newline is missing ("No29286").
_MERGED_LABEL = re.compile(r"^(Yes|No)(\d+)$")


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    label: int  # 1 = check-worthy ("Yes")


def read_split(folder: str | Path, split: str) -> list[Example]:
    """One split as examples; handles CRLF, CSV quoting inside TSV and the merged train line."""
    path = Path(folder) / SPLITS[split]
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))
    out: list[Example] = []
    for row in rows[1:]:
        out.extend(_records(row))
    return out


def _records(row: list[str]) -> list[Example]:
    row = [cell.strip("\r") for cell in row]
    if len(row) == 5 and (m := _MERGED_LABEL.match(row[2])):
        return [Example(row[0], row[1], int(m.group(1) == "Yes")), Example(m.group(2), row[3], int(row[4] == "Yes"))]
    if len(row) != 3:
        raise ValueError(f"unexpected row with {len(row)} fields: {row[:1]}")
    return [Example(row[0], row[1], int(row[2].strip() == "Yes"))]
