"""JSONL input: one article per line, streamed; a bad line is reported and the rest go on."""
from __future__ import annotations

import gzip
import json

from newstrace.errors import InputTooLarge, MalformedRecord
from newstrace.reading.document import Record
from newstrace.reading.jsonl import jsonl_documents


def write_lines(path, lines):
    path.write_bytes(b"".join((line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n"
                              for line in lines))
    return str(path)


def test_records_become_documents_with_their_fields(tmp_path):
    path = write_lines(tmp_path / "a.jsonl", [
        {"url": "https://a.example/1", "html": "<p>Hello there.</p>", "title": "Hi", "outlet": "A"},
        {"text": "Plain text article.", "authors": ["Ann"]},
    ])
    first, second = jsonl_documents(path)
    assert first.locator == "https://a.example/1" and first.fmt == "html" and first.fields["title"] == "Hi"
    assert second.locator == f"{path}#line2" and second.raw.data == b"Plain text article."


def test_bad_lines_are_reported_in_place(tmp_path):
    path = write_lines(tmp_path / "b.jsonl", [
        b"{not json", [1, 2], {"url": "x"}, {"url": 5, "text": "t"}, b"", {"text": "fine"}])
    out = list(jsonl_documents(path))
    assert [type(x) for x in out] == [MalformedRecord] * 4 + [Record]
    assert "line 1 is not valid JSON" in str(out[0]) and "line 3 has neither" in str(out[2])


def test_lines_are_read_lazily(tmp_path):
    path = write_lines(tmp_path / "c.jsonl", [{"text": "first"}, {"text": "second"}])
    stream = jsonl_documents(path)
    assert next(stream).raw.data == b"first"
    with open(path, "ab") as handle:  # written after the first line was read: a stream sees it
        handle.write(json.dumps({"text": "third"}).encode() + b"\n")
    assert [d.raw.data for d in stream] == [b"second", b"third"]


def test_an_oversized_line_is_skipped_without_loading_it(tmp_path):
    path = write_lines(tmp_path / "d.jsonl", [{"text": "x" * 5000}, {"text": "small"}])
    out = list(jsonl_documents(path, max_line_bytes=1000))
    assert isinstance(out[0], InputTooLarge) and out[1].raw.data == b"small"


def test_gzipped_jsonl_and_resuming_from_a_line(tmp_path):
    path = tmp_path / "e.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        for i in range(5):
            handle.write(json.dumps({"text": f"article {i}"}) + "\n")
    assert [d.raw.data for d in jsonl_documents(str(path), start_line=4)] == [b"article 3", b"article 4"]
