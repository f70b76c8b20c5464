"""Serve only the expected host names: a request naming another host gets nothing of the app.

A web page elsewhere can make its own name resolve to 127.0.0.1 (DNS rebinding) and then talk
to a local server as if it were its own origin; the only sign is the ``Host`` header. This ASGI
middleware answers a foreign one with 421 and no content, for HTTP and WebSocket alike, before
Streamlit sees the request. ``serve.py`` puts it in front of the app.

>>> host_of(b"LocalHost:8501"), host_of(b"[::1]:8501"), host_of(b"")
('localhost', '::1', '')
"""

from __future__ import annotations

from painmap.settings import allowed_hosts

REFUSED = 421  # Misdirected Request


def host_of(header: bytes) -> str:
    """The host name in a Host header, without its port, in lower case."""
    text = header.decode("latin-1").strip().lower()
    if text.startswith("["):
        return text[1 : text.find("]")]
    return text.rsplit(":", 1)[0] if text.count(":") == 1 else text


class HostCheck:
    """ASGI middleware letting through only requests whose Host is in ``hosts``."""

    def __init__(self, app, hosts: tuple[str, ...] | None = None):
        self.app, self.hosts = app, hosts if hosts is not None else allowed_hosts()

    def allows(self, scope) -> bool:
        if "*" in self.hosts:
            return True
        headers = dict(scope.get("headers") or [])
        return host_of(headers.get(b"host", b"")) in self.hosts

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket") or self.allows(scope):
            await self.app(scope, receive, send)
        elif scope["type"] == "http":
            await send({"type": "http.response.start", "status": REFUSED, "headers": []})
            await send({"type": "http.response.body", "body": b""})
        else:
            await send({"type": "websocket.close", "code": 1008})  # before accepting
