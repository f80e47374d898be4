"""The outbound-fetch policy: internal addresses are refused before any connection, every redirect hop is
checked, the checked address is the one connected to, one deadline bounds the fetch, a size cap bounds it too.

Only 127.0.0.1 is ever contacted, and only listeners these tests start; every other address appears only in
the refused path, with socket.create_connection patched to fail the test if it is called."""
from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import time

import pytest

from newstrace.errors import EXIT_CODES, FetchFailed, InputTooLarge
from newstrace.reading import ReadOptions, read_input
from newstrace.reading.fetch import fetch_url
from newstrace.reading.netpolicy import AddressRefused, FetchOptions, refusal
from net_fixtures import Listener, drip, listener, no_outbound, only_loopback_connects, redirect  # noqa: F401
from test_cli_analyze import run_cli

REFUSED_HOSTS = [
    ("127.0.0.1", "loopback"), ("localhost", "loopback"), ("2130706433", "loopback"), ("127.1", "loopback"),
    ("0x7f.0.0.1", "loopback"), ("0177.0.0.1", "loopback"), ("[::1]", "loopback"),
    ("[::ffff:127.0.0.1]", "loopback"), ("[2002:7f00:1::]", "loopback"), ("0.0.0.0", "unspecified"),
    ("0", "unspecified"), ("[::]", "unspecified"), ("169.254.169.254", "link-local"),
    ("[::ffff:169.254.169.254]", "link-local"), ("[64:ff9b::a9fe:a9fe]", "link-local"), ("[fe80::1]", "link-local"),
    ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("192.168.1.1", "private"), ("100.64.0.1", "private"),
    ("[fc00::1]", "private"), ("[fd12:3456::1]", "private"), ("224.0.0.1", "multicast"), ("[ff02::1]", "multicast"),
    ("255.255.255.255", "reserved"), ("240.0.0.1", "reserved"), ("192.0.2.1", "reserved"),
    ("[2001:db8::1]", "reserved"),
]


@pytest.mark.parametrize("address, kind", [
    ("127.0.0.1", "loopback"), ("127.255.255.254", "loopback"), ("::1", "loopback"), ("10.0.0.1", "private"),
    ("169.254.169.254", "link-local"), ("::ffff:10.0.0.1", "private"), ("::ffff:8.8.8.8", None),
    ("224.0.0.251", "multicast"), ("0.0.0.0", "unspecified"), ("198.18.0.1", "reserved"), ("8.8.8.8", None),
    ("2606:4700:4700::1111", None), ("2001::1", "reserved"), ("::127.0.0.1", "reserved")])
def test_address_kinds(address, kind):
    assert refusal(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("host, kind", REFUSED_HOSTS)
def test_internal_addresses_are_refused_before_connecting(host, kind, listener, no_outbound):
    url = f"http://{host}:{listener.server_port}/secret"
    with pytest.raises(AddressRefused, match=f"refused: .* is an? {kind} address") as refused:
        fetch_url(url, ReadOptions(timeout=5))
    assert str(refused.value).count("\n") == 0 and refused.value.exit_code == EXIT_CODES["FetchFailed"]
    assert no_outbound == [] and listener.accepted == 0


def test_the_library_default_is_the_strict_policy(listener, no_outbound):
    with pytest.raises(AddressRefused):
        read_input(listener.base + "/x")
    assert listener.accepted == 0


def test_allow_private_reaches_loopback_but_never_unspecified_or_multicast(listener):
    doc = fetch_url(listener.base + "/ok", FetchOptions(allow_private=True))
    assert b"listener page" in doc.data and listener.accepted == 1
    for host in ("0.0.0.0", "224.0.0.1"):
        with pytest.raises(AddressRefused):
            fetch_url(f"http://{host}:{listener.server_port}/", FetchOptions(allow_private=True))
    assert listener.accepted == 1


def test_an_allowed_address_is_exact_to_the_port(listener, no_outbound):
    with pytest.raises(AddressRefused):
        fetch_url(f"http://127.0.0.1:{listener.server_port}/", FetchOptions(allow_addresses=("127.0.0.1:1",)))
    assert listener.accepted == 0


@pytest.mark.parametrize("location", ["http://169.254.169.254/latest/meta-data/", "http://[::1]:{other}/",
                                      "http://127.0.0.1:{other}/", "http://2130706433:{other}/",
                                      "http://10.0.0.1/"])
def test_every_redirect_hop_is_checked(location, monkeypatch):
    other = Listener()
    start = Listener({"/": redirect(location.format(other=other.server_port))})
    try:
        calls = only_loopback_connects(monkeypatch, {start.server_port})
        with pytest.raises(AddressRefused, match="refused"):
            fetch_url(start.base + "/", FetchOptions(allow_addresses=(start.netloc,)))
        assert calls == [("127.0.0.1", start.server_port)] and start.accepted == 1 and other.accepted == 0
    finally:
        start.stop(), other.stop()


def test_a_relative_redirect_on_an_allowed_listener_is_followed(monkeypatch):
    start = Listener({"/": redirect("/final")})
    try:
        doc = fetch_url(start.base + "/", FetchOptions(allow_addresses=(start.netloc,)))
        assert doc.url == start.base + "/final" and [p for p, _ in start.seen] == ["/", "/final"]
    finally:
        start.stop()


def test_the_checked_address_is_the_one_connected_to(listener, monkeypatch):
    """DNS rebinding: a second answer (to 169.254.169.254) is never asked for; Host stays the URL's name."""
    real = socket.getaddrinfo
    answers = iter(["127.0.0.1", "169.254.169.254", "169.254.169.254"])
    asked: list[str] = []

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        asked.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    calls = only_loopback_connects(monkeypatch, {listener.server_port})
    doc = fetch_url(f"http://rebind.test:{listener.server_port}/page", FetchOptions(allow_addresses=(listener.netloc,)))
    assert b"listener page" in doc.data
    assert asked == ["rebind.test"] and calls == [("127.0.0.1", listener.server_port)]
    assert listener.seen == [("/page", f"rebind.test:{listener.server_port}")]


def test_a_name_with_any_internal_address_is_refused(listener, monkeypatch, no_outbound):
    def mixed(host, port, *args, **kwargs):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port))]
    monkeypatch.setattr(socket, "getaddrinfo", mixed)
    with pytest.raises(AddressRefused, match=r"mixed\.test \(10\.0\.0\.7\) is a private address"):
        fetch_url("http://mixed.test/", ReadOptions())
    assert no_outbound == []


@pytest.mark.parametrize("head_first", [True, False])
def test_one_deadline_for_the_whole_fetch_not_per_read(head_first):
    slow = Listener({"/": drip(0.1, head_first=head_first)})
    try:
        started = time.monotonic()
        with pytest.raises(FetchFailed, match="timed out after 1s"):
            fetch_url(slow.base + "/", FetchOptions(timeout=1, allow_addresses=(slow.netloc,)))
        assert time.monotonic() - started < 2.5
    finally:
        slow.stop()


def test_a_body_without_length_stops_at_the_cap():
    def chunked(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        try:
            for _ in range(64):
                handler.wfile.write(b"8000\r\n" + b"a" * 0x8000 + b"\r\n")
            handler.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass
    big = Listener({"/": chunked})
    try:
        with pytest.raises(InputTooLarge, match="over the cap of 100,000"):
            fetch_url(big.base + "/", FetchOptions(max_bytes=100_000, allow_addresses=(big.netloc,)))
    finally:
        big.stop()


def test_cli_refuses_a_loopback_url_in_one_line_unless_allowed(listener):
    refused = run_cli("analyze", listener.base + "/story", "--timeout", "5")
    assert refused.returncode == EXIT_CODES["FetchFailed"], refused.stderr
    err = refused.stderr.decode()
    assert err.startswith(f"newstrace: error: {listener.base}/story: refused: 127.0.0.1 is a loopback address")
    assert err.count("\n") == 1 and "--allow-private-urls" in err and listener.accepted == 0
    allowed = run_cli("analyze", listener.base + "/story", "--timeout", "5", "--allow-private-urls", "-f", "json")
    assert allowed.returncode in (0, EXIT_CODES["NoArticleFound"]), allowed.stderr
    assert listener.accepted == 1 and listener.seen[0][0] == "/story"



@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A self-signed certificate for the name localhost only (made by the openssl command)."""
    if not shutil.which("openssl"):
        pytest.skip("the openssl command is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


@pytest.fixture
def tls_listener(certificate):
    cert, key = certificate
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    server = Listener(tls=context)
    yield server, names
    server.stop()


def test_https_connects_to_the_checked_address_and_verifies_the_urls_name(tls_listener, certificate, monkeypatch):
    server, names = tls_listener
    real = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: real("127.0.0.1" if host == "localhost" else host,
                                                                           *a, **k))  # not ::1 too, as some hosts do
    allow = FetchOptions(allow_addresses=(server.netloc,))
    with pytest.raises(FetchFailed, match="TLS failed: CERTIFICATE_VERIFY_FAILED"):  # self-signed: not trusted
        fetch_url(f"https://localhost:{server.server_port}/", allow)
    trusting = ssl.create_default_context(cafile=str(certificate[0]))
    monkeypatch.setattr(ssl, "_create_default_https_context", lambda *a, **k: trusting)
    calls = only_loopback_connects(monkeypatch, {server.server_port})
    doc = fetch_url(f"https://localhost:{server.server_port}/page", allow)
    assert b"listener page" in doc.data and calls == [("127.0.0.1", server.server_port)]
    assert names[-1] == "localhost" and server.seen[-1] == ("/page", f"localhost:{server.server_port}")
    with pytest.raises(FetchFailed, match="TLS failed"):  # the certificate names localhost, not the address
        fetch_url(f"https://127.0.0.1:{server.server_port}/", allow)
