"""Only the expected host names are served: a foreign Host header (DNS rebinding) gets a 421
and no byte of the app over HTTP, and its WebSocket is refused before it opens."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time

import pytest

from painmap.hosts import HostCheck
from painmap.settings import allowed_hosts

from .conftest import ROOT


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def port(tmp_path_factory):
    """`streamlit run serve.py` (as `make run` starts it) on a free loopback port."""
    port = _free_port()
    env = {**os.environ, "PAINMAP_DB": str(tmp_path_factory.mktemp("logs") / "painmap.db")}
    env.pop("PAINMAP_HOSTS", None)
    cmd = ["-m", "streamlit", "run", "serve.py", "--server.port", str(port)]
    server = subprocess.Popen(
        [sys.executable, *cmd, "--server.headless", "true"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while b" 200 " not in _ask(port, "127.0.0.1", "/_stcore/health")[:20]:
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail("the app server did not start")
        time.sleep(0.3)
    yield port
    server.terminate()
    server.wait(timeout=10)


def _ask(port: int, host: str, path: str = "/", websocket: bool = False) -> bytes:
    """The raw answer to one request naming ``host``."""
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    if websocket:
        key = base64.b64encode(os.urandom(16)).decode()
        lines[2:] = [
            "Connection: Upgrade",
            "Upgrade: websocket",
            f"Sec-WebSocket-Key: {key}",
            "Sec-WebSocket-Version: 13",
            f"Origin: http://{host}:{port}",
        ]
    answer = b""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
            while (chunk := s.recv(65536)) and len(answer) < 100_000:
                answer += chunk
                if websocket and b"\r\n\r\n" in answer:
                    break
    except OSError:
        pass
    return answer


def test_the_expected_host_gets_the_app_and_its_websocket(port):
    assert _ask(port, "127.0.0.1").startswith(b"HTTP/1.1 200") and b"<html" in _ask(
        port, "localhost"
    )
    assert _ask(port, "localhost", "/_stcore/stream", websocket=True).startswith(b"HTTP/1.1 101")


@pytest.mark.parametrize("path", ["/", "/_stcore/health", "/static/js/index.js", "/progress"])
def test_a_foreign_host_gets_nothing_of_the_app(port, path):
    answer = _ask(port, "rebound.attacker.example", path)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 421") and body.strip(b"0\r\n") == b""


def test_a_foreign_host_cannot_open_the_websocket(port):
    answer = _ask(port, "rebound.attacker.example", "/_stcore/stream", websocket=True)
    assert answer.startswith(b"HTTP/1.1 403") and b"101" not in answer


def test_the_names_served_come_from_the_setting():
    check = HostCheck(None, allowed_hosts({"PAINMAP_HOSTS": "painmap.clinic.example"}))
    for host, served in [
        (b"painmap.clinic.example", True),
        (b"PainMap.Clinic.Example:443", True),
        (b"localhost:8501", True),
        (b"painmap.example", False),
        (b"", False),
    ]:
        assert check.allows({"type": "http", "headers": [(b"host", host)]}) is served
    assert HostCheck(None, ("*",)).allows({"type": "http", "headers": []})
