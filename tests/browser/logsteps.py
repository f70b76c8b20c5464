"""Steps on the plan and progress page, shared by the browser tests."""

from __future__ import annotations


def wait_words(page, words: str, timeout: int = 30_000) -> None:
    """Wait for ``words`` on the page, and for the run that wrote them to finish (the elements
    of the run before, such as a second set of tabs, gone)."""
    page.wait_for_function(f"() => document.body.innerText.includes({words!r})", timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelectorAll('[data-testid=\"stTab\"]').length <= 3",
        timeout=timeout,
    )


def start_log(page, name: str) -> None:
    """From any page: open Plan and progress, start a log called ``name``, show its days."""
    page.get_by_role("link", name="Plan and progress").click()
    wait_words(page, "Logs are kept on the computer that runs PainMap")
    page.get_by_role("textbox", name="Name for a new log").fill(name)
    page.get_by_role("button", name="Start a new log").click()
    wait_words(page, f"{name}'s log")
    page.get_by_role("tab", name="Daily log").click()
