"""The local Chromium, run offline: kaleido's image browser and the handout's printer.

Left to itself, even headless and with a fresh profile, Chromium looks up Google's update,
account and extension servers as it starts (seen here with strace: DNS queries for
update.googleapis.com, accounts.google.com and clients2.google.com). Every Chromium PainMap
starts gets :data:`OFFLINE_FLAGS`, which turn those services off and resolve no host name but
localhost, so nothing it does can reach another machine.

Examples
--------
>>> "--disable-background-networking" in OFFLINE_FLAGS
True
"""

from __future__ import annotations

import atexit
import os
import shlex
import shutil
import tempfile
from pathlib import Path

from painmap.errors import BrowserMissing
from painmap.settings import browser_path

OFFLINE_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--no-pings",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]",
)
"""Flags for every browser PainMap starts: no background services, no name lookups.

Some of Chromium's own services run whatever the flags say (update checks, network time,
account listing): the resolver rules stop them before they have an address to send to."""

_launchers: dict[str, str] = {}


def find() -> str:
    """The local Chromium (``BROWSER_PATH`` first); FileNotFoundError says how to get one."""
    named = browser_path()
    if named and not os.access(named, os.X_OK):
        raise BrowserMissing(f"BROWSER_PATH names {named!r}, which is not a program here")
    found = named or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise BrowserMissing(
            "Chromium is needed for image export and the PDF handout: install Debian's "
            "'chromium' package (make test does it when run as root)"
        )
    return found


def offline_launcher() -> str:
    """An executable that starts the local Chromium with :data:`OFFLINE_FLAGS` added.

    kaleido takes a browser path but no extra flags, so it is given this small script,
    written once per process (and per ``BROWSER_PATH``) to a private temporary folder. It
    opens on about:blank: Debian's Chromium would otherwise open its search engine's page.
    """
    browser = find()
    if browser not in _launchers:
        folder = Path(tempfile.mkdtemp(prefix="painmap-chromium-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        script = folder / "chromium-offline"
        flags = " ".join(shlex.quote(flag) for flag in OFFLINE_FLAGS)
        script.write_text(f'#!/bin/sh\nexec {shlex.quote(browser)} "$@" {flags} about:blank\n')
        script.chmod(0o700)
        _launchers[browser] = str(script)
    return _launchers[browser]
