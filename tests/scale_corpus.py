"""A small corpus for the scale tests, built from the samples in examples/ and texts written here."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

from newstrace.scale.warc import warc_response, write_warc

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

ORIGINAL = (
    "The river authority of Lindenfeld said on Monday that the old stone bridge will close for repairs in March. "
    "Engineers found cracks in two of the five arches during an inspection last autumn, the authority said.\n\n"
    "Mayor Petra Olsen told reporters that a temporary ferry would carry pedestrians across the river while the "
    "work lasts. \"We will not leave the east bank cut off,\" she said. The repairs are expected to cost 4.2 "
    "million euros and to take eleven months.\n\n"
    "Shop owners near the bridge worry about lost trade. Their association asked the council for a rent holiday "
    "during the closure, which the council will discuss at its next meeting on 14 February."
)
UNRELATED = (
    "A small bakery in the harbour district won the regional bread prize on Saturday for its rye loaf. "
    "The judges tasted more than two hundred entries from forty towns over three days.\n\n"
    "The owner, who opened the shop twelve years ago, said the recipe came from her grandmother and that she "
    "would use the prize money to buy a second oven before the summer season begins."
)


def html_examples() -> list[Path]:
    return sorted(p for p in EXAMPLES.glob("*.html") if "empty" not in p.name)


def build_warc(path: Path) -> dict[str, int]:
    """A WARC.gz of the HTML samples plus records that must be skipped or recorded as errors."""
    good = [warc_response(f"https://news.example/{p.stem}", p.read_bytes(), date="2024-03-01T12:00:00Z")
            for p in html_examples()]
    records = good[:2] + [
        warc_response("https://news.example/missing", b"<html>gone</html>", status=404),
        warc_response("https://news.example/logo.gif", b"GIF89a....", content_type="image/gif"),
        warc_response("https://news.example/binary", b"\x00\x01\x02\x03" * 200),  # undecodable payload
        warc_response("https://news.example/nothing", b"<html><body><nav>Home</nav></body></html>"),  # no article
    ] + good[2:]
    write_warc(str(path), records)
    corrupt = bytearray(gzip.compress(warc_response("https://news.example/corrupt", b"<html><p>x</p></html>")))
    corrupt[30:60] = b"\xff" * 30  # a broken gzip member between good records
    data = path.read_bytes()
    cut = len(gzip.compress(records[0])) + len(gzip.compress(records[1]))  # after the first two records
    path.write_bytes(data[:cut] + bytes(corrupt) + data[cut:])
    return {"html_ok": len(good), "left_out": 2, "bad": 3}


def build_jsonl(path: Path) -> None:
    """Two versions of one story (the later one republished with a line added) and an unrelated one."""
    rows = [
        {"url": "https://first.example/bridge", "text": ORIGINAL, "title": "Bridge to close", "date": "2024-01-01"},
        {"url": "https://copy.example/bridge", "text": ORIGINAL + "\n\nThis story first appeared in the Lindenfeld Post.",
         "title": "Bridge to close for repairs", "date": "2024-01-03"},
        {"url": "https://other.example/bread", "text": UNRELATED, "date": "2024-01-02"},
    ]
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
