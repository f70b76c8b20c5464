"""What the tests and the tools share: the command line run in-process, a free loopback port,
and the Chromium flags (a plain module, as datasette keeps ``tests/fixtures.py``).

>>> result = cli("landmarks", "--view", "plantar")
>>> result.returncode, "heel_center" in result.stdout
(0, True)
"""

from __future__ import annotations

import contextlib
import io
import socket
import sys
from dataclasses import dataclass

from painmap.chromium import OFFLINE_FLAGS
from painmap.cli import main

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", *OFFLINE_FLAGS]


@dataclass(frozen=True)
class Result:
    """What a command gave: its exit code and what it printed, as subprocess.run gives them."""

    returncode: int
    stdout: str
    stderr: str


def cli(*args: str) -> Result:
    """``python -m painmap ARGS`` in this process: the same parser and exit codes, about a
    thousand times faster than a new interpreter (see tests/test_cli.py for the one that is)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as stop:  # argparse's own exits (--help, a bad argument)
            code = stop.code if isinstance(stop.code, int) else 2
    return Result(code, out.getvalue(), err.getvalue())


def app_command(port: int, script: str = "serve.py", *more: str) -> list[str]:
    """The command that serves ``script`` (the app behind its host check) on a loopback port."""
    run = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port)]
    return [*run, "--server.headless", "true", *more]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
