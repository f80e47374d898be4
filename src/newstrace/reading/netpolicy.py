"""Where newstrace may connect: public addresses only, unless the caller explicitly allows internal ones.

The one place that decides for every outbound fetch (``analyze URL``, the web's analyse-by-URL, feed items):
the host is resolved once, every address it resolves to is checked, and the fetch connects to a checked
address (so a second DNS answer cannot rebind it to an internal one). Odd notations (``2130706433``,
``127.1``, ``0x7f.0.0.1``) are resolved by the system as the connection would be, then checked as addresses.
"""
from __future__ import annotations

import concurrent.futures
import ipaddress
import socket
import time
from dataclasses import dataclass

from newstrace.errors import FetchFailed
from newstrace.reading.document import ReadOptions

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Reached only with allow_private: the user's own machine and networks.
INTERNAL = {
    "loopback": ("127.0.0.0/8", "::1/128"),
    "private": ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "fec0::/10",
                "64:ff9b:1::/48"),
    "link-local": ("169.254.0.0/16", "fe80::/10"),
}
# Never reached: no web server lives there, or connecting means something else (0.0.0.0 is this host).
NEVER = {
    "unspecified": ("0.0.0.0/8", "::/128"),
    "multicast": ("224.0.0.0/4", "ff00::/8"),
    "reserved": ("240.0.0.0/4", "192.0.0.0/24", "192.0.2.0/24", "198.18.0.0/15", "198.51.100.0/24",
                 "203.0.113.0/24", "100::/64", "2001::/23", "2001:db8::/32", "3fff::/20", "::/96"),
}
_NETWORKS = [(kind, ipaddress.ip_network(net)) for table in (INTERNAL, NEVER) for kind, nets in table.items()
             for net in nets]
_RESOLVER = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="newstrace-dns")


@dataclass(frozen=True, slots=True)
class FetchOptions(ReadOptions):
    """Reading limits plus where fetches may go. A plain ``ReadOptions`` gets the strict policy."""

    allow_private: bool = False  # also loopback, private and link-local addresses (--allow-private-urls)
    allow_addresses: tuple[str, ...] = ()  # exact "IP" or "IP:PORT" ("[v6]:PORT") allowed although internal


class AddressRefused(FetchFailed):
    """The URL's host is (or resolves to) an address newstrace does not connect to."""


class Deadline:
    """One time limit for a whole fetch: DNS, connecting, every redirect hop and every byte read."""

    def __init__(self, seconds: float):
        self.seconds, self.ends = seconds, time.monotonic() + seconds

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def timed_out(self, url: str) -> FetchFailed:
        return FetchFailed(f"timed out after {self.seconds:g}s", source=url)


def refusal(address: IPAddress) -> str | None:
    """What kind of non-public address this is ("loopback", "private", ...), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return refusal(embedded)
        address = ipaddress.IPv6Address(address.packed)  # drop a %scope
    for kind, network in _NETWORKS:
        if address.version == network.version and address in network:
            return kind
    return None if address.is_global else "reserved"


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one stands for: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in ipaddress.ip_network("64:ff9b::/96"):
        return ipaddress.IPv4Address(address.packed[-4:])
    return address.sixtofour


def checked_addresses(url: str, host: str, port: int, options: ReadOptions, deadline: Deadline) -> list[str]:
    """Resolve ``host`` once and return its addresses, all of them allowed; else raise ``AddressRefused``."""
    addresses = _resolve(url, host, port, deadline)
    for raw in addresses:
        kind = refusal(ipaddress.ip_address(raw))
        if kind and not _allowed(kind, raw, port, options):
            shown = host if host == raw else f"{host} ({raw})"
            hint = " (the CLI's --allow-private-urls allows it)" if kind in INTERNAL else ""
            raise AddressRefused(f"refused: {shown} is a {kind} address; only public addresses are fetched{hint}",
                                 source=url)
    return addresses


def _allowed(kind: str, address: str, port: int, options: ReadOptions) -> bool:
    if kind in INTERNAL and getattr(options, "allow_private", False):
        return True
    exact = ipaddress.ip_address(address)
    return any(_matches(entry, exact, port) for entry in getattr(options, "allow_addresses", ()))


def _matches(entry: str, address: IPAddress, port: int) -> bool:
    entry = entry.strip()
    if entry.startswith("["):
        host, _, rest = entry[1:].partition("]")
        wanted_port = rest.lstrip(":")
    elif entry.count(":") == 1:
        host, _, wanted_port = entry.partition(":")
    else:
        host, wanted_port = entry, ""
    try:
        same = ipaddress.ip_address(host) == address
    except ValueError:
        return False
    return same and (not wanted_port or wanted_port == str(port))


def _resolve(url: str, host: str, port: int, deadline: Deadline) -> list[str]:
    """The system resolver (what a connection would use), within the deadline; addresses without %scope."""
    future = _RESOLVER.submit(socket.getaddrinfo, host, port, type=socket.SOCK_STREAM)
    try:
        infos = future.result(timeout=max(deadline.remaining(), 0.001))
    except concurrent.futures.TimeoutError:
        raise deadline.timed_out(url) from None
    except (socket.gaierror, UnicodeError) as err:
        raise FetchFailed(f"cannot resolve host {host!r}: {getattr(err, 'strerror', None) or err}",
                          source=url) from None
    seen: list[str] = []
    for *_, sockaddr in infos:
        address = str(sockaddr[0]).split("%", 1)[0]
        if address not in seen:
            seen.append(address)
    if not seen:
        raise FetchFailed(f"cannot resolve host {host!r}", source=url)
    return seen
