"""The log database's limits: a server that hangs costs a sentence within its timeout, and a
log file that cannot be written can still be read."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from datetime import date

import pytest

from painmap.progress.entry import Entry
from painmap.progress.logbook import CONNECT_SECONDS, LogBook, LogError

from .conftest import ROOT


@pytest.fixture
def silent_server():
    """A TCP server on loopback that accepts connections and never says a word."""
    server = socket.create_server(("127.0.0.1", 0))
    held, stop = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_a_hung_postgresql_gives_a_sentence_within_its_timeout(silent_server):
    start = time.perf_counter()
    with pytest.raises(LogError) as refused:
        LogBook(f"postgresql+psycopg://painmap:x@127.0.0.1:{silent_server}/painmap")
    took = time.perf_counter() - start
    print(f"\na hung PostgreSQL answered with a sentence after {took:.1f} s")
    assert took < CONNECT_SECONDS + 5
    words = str(refused.value)
    assert "cannot be opened: connection timeout expired" in words
    assert "(psycopg" not in words and "\n" not in words
    assert ":x@" not in words  # the password is not shown


READ = """
import sys
from painmap.progress.logbook import LogBook, LogError
from painmap.progress.entry import Entry
book = LogBook(sys.argv[1])
log = book.open("ann")
print(len(log.entries()), book.read_only)
try:
    log.save(Entry("2026-01-02", 3))
except LogError as err:
    print(err)
"""


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root may write any file: run as another user to check this"
)
def test_a_read_only_log_can_be_read_and_says_saving_is_not_possible(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    path = folder / "logs.db"
    book = LogBook(str(path))
    book.create("ann").save(Entry(date(2026, 1, 1), 5))
    book.engine.dispose()
    path.chmod(0o444)
    folder.chmod(0o555)
    tmp_path.chmod(0o755)
    try:
        shown = subprocess.run(
            [sys.executable, "-c", READ, str(path)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "HOME": str(tmp_path)},
            timeout=60,
        )
    finally:
        folder.chmod(0o755)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "1 True"
    assert "can be read but not written here" in lines[1] and "nothing can be saved" in lines[1]


def test_the_upload_limit_is_set_where_streamlit_reads_it_and_fits_the_file_limit():
    import tomllib

    from painmap.session import MAX_BYTES, UPLOAD_HELP

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    most = config["server"]["maxUploadSize"] * 2**20  # Streamlit counts MB of 2**20 bytes
    assert MAX_BYTES <= most < 2 * MAX_BYTES  # a file just over the limit still gets its sentence
    assert f"at most {MAX_BYTES // 10**6} MB" in UPLOAD_HELP
