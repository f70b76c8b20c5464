"""What a browser asked for and what a process tree sent, from Chromium's net log and strace.

In strace's ``-f -yy`` output, traffic is a TCP connection opened, or a datagram sent, to an
address that is not loopback. A UDP ``connect`` on its own is not traffic: it sends nothing,
only asks the kernel for a route (Chromium does it to 2001:4860:4860::8888 to learn whether
IPv6 is usable).
"""

from __future__ import annotations

import ipaddress
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import urlparse

NAME_NOT_RESOLVED = -105

TRACED = "connect,sendto,sendmsg,sendmmsg,write,writev,execve"
# strace -yy writes each socket as fd<PROTO:[local->peer]>, or fd<PROTO:[local]> before connect.
_SOCKET = re.compile(r"^\d+\s+(\w+)\(\d+<(TCP|TCPv6|UDP|UDPv6):\[(.*?)\]>")
_ADDRESS = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6, "([^"]+)"')


def _is_loopback(host: str) -> bool:
    address = ipaddress.ip_address(host.strip("[]"))
    mapped = getattr(address, "ipv4_mapped", None)
    return (mapped or address).is_loopback


def _peer(endpoints: str) -> str | None:
    """The peer host of ``local->peer`` (IPv6 hosts in brackets), or None before connect."""
    if "->" not in endpoints:
        return None
    peer = endpoints.split("->", 1)[1]
    return peer[1 : peer.index("]")] if peer.startswith("[") else peer.rsplit(":", 1)[0]


def outbound(trace: str) -> list[str]:
    """Each line of ``trace`` that put traffic on the wire towards another machine.

    >>> dns = ('7 sendmmsg(9<UDP:[10.0.0.2:4000->10.255.255.53:53]>, [{msg_hdr={...}}], 2, 0)'
    ...        ' = 2')
    >>> probe = ('7 connect(8<UDPv6:[3]>, {sa_family=AF_INET6, sin6_port=htons(443), '
    ...          'inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr)}, 28) = 0')
    >>> outbound(dns + "\\n" + probe) == [dns]
    True
    """
    found = []
    for line in trace.splitlines():
        socket = _SOCKET.match(line)
        if not socket:
            continue
        call, proto, endpoints = socket.groups()
        if call == "connect":
            hosts = [a or b for a, b in _ADDRESS.findall(line)] if proto.startswith("TCP") else []
        else:
            hosts = [a or b for a, b in _ADDRESS.findall(line)] + [_peer(endpoints)]
        if any(host and not _is_loopback(host) for host in hosts):
            found.append(line)
    return found


def traced(command: list[str], log: Path, **kwargs) -> subprocess.CompletedProcess:
    """Run ``command`` under strace, following every child, with sockets named in ``log``."""
    strace = [
        "strace",
        "-f",
        "-qq",
        "-yy",
        "-s",
        "64",
        "-e",
        f"trace={TRACED}",
        "-e",
        "signal=none",
        "-o",
        str(log),
    ]
    return subprocess.run([*strace, *command], capture_output=True, text=True, **kwargs)


def requests(net_log: Path) -> list[dict]:
    """Each URL request in a Chromium net log: url, initiator and net_error (0: it worked).

    Chromium writes one event a line, so a log cut short by a killed browser is read up to the
    last whole event.
    """
    constants, events = {}, []
    for line in net_log.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            if line.startswith('{"constants":'):
                constants = json.loads(line[len('{"constants":') :].rstrip(","))
            elif line.startswith(('{"params"', '{"phase"')):
                events.append(json.loads(line.rstrip(",")))
        except ValueError:
            break
    url_request = constants.get("logSourceType", {}).get("URL_REQUEST")
    found: dict[int, dict] = {}
    for event in events:
        if event["source"]["type"] != url_request:
            continue
        params = event.get("params", {})
        request = found.setdefault(
            event["source"]["id"], {"url": None, "initiator": None, "net_error": 0}
        )
        for key in request:
            request[key] = params.get(key, request[key])
    return [r for r in found.values() if r["url"]]


def is_local(url: str) -> bool:
    """True for a URL that names no other machine: a file, inline data, or loopback."""
    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about", "chrome"):
        return True
    host = parsed.hostname or ""
    return host == "localhost" or (_is_address(host) and _is_loopback(host))


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
