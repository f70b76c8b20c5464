"""Steps on the plan and progress page, shared by the browser tests."""

from __future__ import annotations

from .conftest import wait_words


def start_log(page, name: str) -> None:
    """From any page: open Plan and progress, start a log called ``name``, show its days."""
    page.get_by_role("link", name="Plan and progress").click()
    wait_words(page, "Logs are kept on the computer that runs PainMap")
    page.get_by_role("textbox", name="Name for a new log").fill(name)
    page.get_by_role("button", name="Start a new log").click()
    wait_words(page, f"{name}'s log")
    page.get_by_role("tab", name="Daily log").click()
