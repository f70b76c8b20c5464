"""Static images of figures (PNG, SVG, PDF) through kaleido and a local Chromium.

Nothing is fetched from outside: MathJax is turned off (kaleido would otherwise load it from a
public CDN), plotly.js comes from the installed plotly package, and the browser is started with
:data:`painmap.chromium.OFFLINE_FLAGS`. One kaleido browser serves the whole process: started
by the first image and stopped at exit (or by :func:`stop`), it makes each later image take a
fraction of a second instead of the seconds a browser takes to start.

The shared browser answers one figure at a time, and kaleido's server hands its answers back
in a queue that any waiting caller may take from: two threads asking at once (two people
exporting on one server) could each receive the other's image. :func:`to_image` therefore asks
it under a lock, so each caller gets the image of its own figure.

A shared browser that has died (crashed, or killed for memory) fails the next image and then
never answers again, which would hang every export after it; a failed image therefore stops
it, and the image is asked once more of a new one.
"""

from __future__ import annotations

import atexit
import threading

import kaleido
import plotly.graph_objects as go

from painmap.chromium import offline_launcher

FORMATS = ("png", "svg", "pdf")


_state = {"running": False}
_asking = threading.Lock()  # one figure at a time in the shared browser (see above)


def kaleido_options() -> dict:
    """What every kaleido browser is started with: no MathJax, the offline launcher."""
    return {"mathjax": False, "path": offline_launcher()}


def _start() -> None:
    if not _state["running"]:
        kaleido.start_sync_server(silence_warnings=True, **kaleido_options())
        _state["running"] = True


def _stop() -> None:
    if _state["running"]:
        kaleido.stop_sync_server(silence_warnings=True)
        _state["running"] = False


def stop() -> None:
    """Stop the shared kaleido browser, if it runs, once the image it makes is made."""
    with _asking:
        _stop()


atexit.register(stop)


def _image(fig: go.Figure, options: dict) -> bytes:
    _start()
    try:
        return kaleido.calc_fig_sync(fig, opts=options)
    except Exception:
        _stop()  # a browser that failed answers the next image never: that one starts anew
        raise


def to_image(fig: go.Figure, fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
    """``fig`` as PNG, SVG or PDF bytes, at ``width`` x ``height`` CSS pixels times ``scale``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; choose one of {', '.join(FORMATS)}")
    options = {"format": fmt, "width": width, "height": height, "scale": scale}
    with _asking:
        try:
            return _image(fig, options)
        except Exception:  # the shared browser died since the last image: once more, anew
            return _image(fig, options)
