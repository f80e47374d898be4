"""Reading input: what each kind of bad input gets (one clear error, its own exit code)."""
from __future__ import annotations

import gzip
import http.server
import os
import threading
import time
from pathlib import Path

import pytest

from newstrace.errors import (BinaryInput, CorruptInput, EmptyInput, EncodingProblem, FetchFailed, InputNotFound,
                              InputTooLarge, UnreadableInput)
from newstrace.reading import ReadOptions, decode_bytes, detect_format, expand_inputs, read_input, sniff_format
from newstrace.reading.netpolicy import FetchOptions

ARTICLE = "Title of the story\n\nThe minister said the plan would cost €40bn — “a fair price”.\n"


# --- decoding -------------------------------------------------------------------------------------------------

def test_utf8_is_decoded():
    assert decode_bytes(ARTICLE.encode("utf-8")) == (ARTICLE, "utf-8")


def test_utf8_bom_is_dropped():
    text, enc = decode_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert text == ARTICLE and enc == "utf-8-sig"


def test_utf16_with_bom():
    text, _ = decode_bytes(ARTICLE.encode("utf-16"))
    assert text == ARTICLE


def test_windows_1252_is_detected_not_assumed_utf8():
    text = "Café owners said the “new tax” was unfair to the naïve. " * 20
    decoded, enc = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert enc.lower().replace("_", "-") in ("cp1252", "windows-1252")


def test_wrong_declared_charset_falls_back_to_what_the_bytes_are():
    html = "<html><head><meta charset=\"utf-8\"></head><body><p>Señor Pérez dijo “sí”.</p></body></html>"
    decoded, _ = decode_bytes((html * 5).encode("cp1252"))
    assert "Señor Pérez" in decoded


def test_declared_latin1_is_read_as_windows_1252():
    html = "<meta charset=\"iso-8859-1\"><p>“quoted” €5</p>"
    decoded, enc = decode_bytes(html.encode("cp1252"))
    assert "“quoted” €5" in decoded and enc == "cp1252"


def test_mixed_encodings_are_refused_with_a_hint():
    data = "Zürich “said” ".encode("utf-8") * 5 + "Zürich".encode("cp1252") + b" end"
    with pytest.raises(EncodingProblem, match="mixed encodings.*--encoding"):
        decode_bytes(data, name="mixed.txt")


def test_forced_encoding_decodes_mixed_input_with_replacement():
    data = "Zürich ".encode("utf-8") + "Zürich".encode("cp1252")
    text, enc = decode_bytes(data, forced="utf-8")
    assert text.startswith("Zürich ") and "\ufffd" in text and enc == "utf-8"


def test_empty_and_whitespace_input():
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(EmptyInput):
            decode_bytes(data)


def test_binary_input():
    with pytest.raises(BinaryInput, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_unknown_forced_encoding():
    with pytest.raises(EncodingProblem, match="unknown encoding"):
        decode_bytes(b"abc", forced="no-such-codec")


# --- files, gzip, folders, caps ---------------------------------------------------------------------------------

def test_gzip_file_is_unpacked(tmp_path: Path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode()))
    assert read_input(str(path)).data == ARTICLE.encode()


def test_truncated_gzip_is_corrupt(tmp_path: Path):
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(ARTICLE.encode() * 50)[:-30])
    with pytest.raises(CorruptInput, match="truncated gzip"):
        read_input(str(path))


def test_garbage_after_gzip_magic_is_corrupt(tmp_path: Path):
    path = tmp_path / "story.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage-not-deflate-data")
    with pytest.raises(CorruptInput):
        read_input(str(path))


def test_file_over_the_cap_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # a sparse 200 MB file: nothing is actually written
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(InputTooLarge, match="over the cap"):
        read_input(str(path))


def test_cap_is_configurable(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    with pytest.raises(InputTooLarge):
        read_input(str(path), ReadOptions(max_bytes=10))


def test_gzip_bomb_is_stopped_at_the_cap(tmp_path: Path):
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 5_000_000))
    with pytest.raises(InputTooLarge, match="unpacks"):
        read_input(str(path), ReadOptions(max_bytes=1_000_000))


def test_missing_file():
    with pytest.raises(InputNotFound, match="no such file"):
        read_input("/no/such/article.html")


def test_broken_symlink_is_unreadable(tmp_path: Path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(UnreadableInput, match="broken symbolic link"):
        read_input(str(link))


def test_fifo_is_not_a_regular_file(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableInput, match="not a regular file"):
        read_input(str(fifo))


def test_folder_is_walked_for_article_files_only(tmp_path: Path):
    (tmp_path / "a.html").write_text("<p>x</p>")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt.gz").write_bytes(gzip.compress(b"x"))
    (tmp_path / "notes.csv").write_text("x")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    names = [Path(n).name for n in expand_inputs([str(tmp_path)])]
    assert names == ["a.html", "b.txt.gz"]


def test_glob_without_matches_is_kept_so_it_can_be_reported(tmp_path: Path):
    assert list(expand_inputs([str(tmp_path / "*.html")])) == [str(tmp_path / "*.html")]


def test_stdin_is_read(monkeypatch):
    import io

    doc = read_input("-", stdin=io.BytesIO(ARTICLE.encode()))
    assert doc.name == "<stdin>" and doc.data == ARTICLE.encode()


# --- sniffing ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name,ctype,expected", [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", "x.bin", None, "html"),
    ("<p>one</p>", "page.HTML", None, "html"),
    ("plain words", "page.HTML", None, "text"),  # a .html name with no tag in it is text
    ("plain words", "story.md", None, "markdown"),
    ("plain words", "story.txt.gz", None, "text"),
    ("# Title\n\nSome **bold** text and [a link](http://x.org).\n\n- item", "-", None, "markdown"),
    ("# Title\n\nSome **bold** text and [a link](http://x.org).", "copied.txt", None, "markdown"),
    ("<p>para</p>", "-", "text/plain", "html"),  # content wins over the content type
    ("<div>a</div>", "u", "text/html; charset=utf-8", "html"),
    ("anything", "u", "text/html; charset=utf-8", "text"),
    ("Just a story.\n\nWith two paragraphs.", "story", None, "text"),
    ("A list:\n\n- eggs\n- milk\n\nand *one* stress.", "notes.txt", None, "text"),  # plain text uses these too
    ("It cost \\$5 and **more**.", "a.txt", None, "markdown"),
])
def test_sniff_format(text, name, ctype, expected):
    assert sniff_format(text, name=name, content_type=ctype) == expected


def test_detected_format_names_its_evidence():
    guess = detect_format("Some **bold** and [a link](http://x.org) here.", name="copied.txt")
    assert guess.format == "markdown"
    assert "1 link" in guess.evidence and "1 bold" in guess.evidence and "despite file name ends in .txt" in guess.evidence
    assert detect_format("plain words", name="a.txt").evidence == "file name ends in .txt"


# --- URLs, against a local server -------------------------------------------------------------------------------

class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_GET(self):  # noqa: N802 - http.server API
        if self.path == "/article":
            body = "<html><head><meta charset='utf-8'></head><body><p>Story</p></body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif self.path == "/slow":
            time.sleep(2)
            self.send_response(200)
            self.end_headers()
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop" + str(int(self.path[5:] or 0) + 1))
            self.end_headers()
        elif self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Length", str(10_000_000))
            self.end_headers()
        else:
            self.send_error(404, "Not Found")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def local(server: str, **limits) -> FetchOptions:
    """Options allowing exactly this test's listener (loopback is refused by default: tests/test_netpolicy.py)."""
    return FetchOptions(allow_addresses=(server.split("//", 1)[1],), **limits)


def test_url_is_fetched_with_its_content_type(server):
    doc = read_input(server + "/article", local(server))
    assert doc.content_type == "text/html" and doc.charset == "utf-8" and b"Story" in doc.data


def test_url_404(server):
    with pytest.raises(FetchFailed, match="HTTP 404"):
        read_input(server + "/missing", local(server))


def test_url_timeout(server):
    with pytest.raises(FetchFailed, match="timed out"):
        read_input(server + "/slow", local(server, timeout=0.5))


def test_redirect_loop_is_limited(server):
    with pytest.raises(FetchFailed, match="redirect"):
        read_input(server + "/loop", local(server, max_redirects=3))


def test_redirect_to_non_http_is_refused(server):
    with pytest.raises(FetchFailed, match="non-http"):
        read_input(server + "/to-file", local(server))


def test_response_over_the_cap(server):
    with pytest.raises(InputTooLarge):
        read_input(server + "/big", local(server, max_bytes=1_000_000))


def test_connection_refused():
    with pytest.raises(FetchFailed, match="cannot connect|connection"):
        read_input("http://127.0.0.1:9/article", FetchOptions(timeout=2, allow_private=True))
