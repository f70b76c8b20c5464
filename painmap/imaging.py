"""Static images of figures (PNG, SVG, PDF) through kaleido and a local Chromium.

Nothing is fetched from outside: MathJax is turned off (kaleido would otherwise load it from a
public CDN), plotly.js comes from the installed plotly package, and the browser is started with
:data:`painmap.chromium.OFFLINE_FLAGS`. A kaleido server started
once with :func:`start` makes each image take a fraction of a second instead of seconds.
"""

from __future__ import annotations

import atexit

import kaleido
import plotly.graph_objects as go

from painmap.chromium import offline_launcher

FORMATS = ("png", "svg", "pdf")


_state = {"running": False}


def kaleido_options() -> dict:
    """What every kaleido browser is started with: no MathJax, the offline launcher."""
    return {"mathjax": False, "path": offline_launcher()}


def start() -> None:
    """Start the shared kaleido browser (once per process; stopped at exit)."""
    if not _state["running"]:
        kaleido.start_sync_server(silence_warnings=True, **kaleido_options())
        _state["running"] = True
        atexit.register(stop)


def stop() -> None:
    """Stop the shared kaleido browser, if it runs."""
    if _state["running"]:
        kaleido.stop_sync_server(silence_warnings=True)
        _state["running"] = False


def to_image(fig: go.Figure, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
    """``fig`` as PNG, SVG or PDF bytes, at ``width`` x ``height`` CSS pixels times ``scale``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; choose one of {', '.join(FORMATS)}")
    options = {"format": fmt, "width": width, "height": height, "scale": scale}
    if _state["running"]:  # the shared browser was started with the options already
        return kaleido.calc_fig_sync(fig, opts=options)
    return kaleido.calc_fig_sync(fig, opts=options, kopts=kaleido_options())
