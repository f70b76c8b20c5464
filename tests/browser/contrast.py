"""The contrast of every visible piece of text on a page, computed in the browser (WCAG 2.1)."""

from __future__ import annotations

from pathlib import Path

AA = 4.5  # WCAG 2.1 AA for normal text

_SCRIPT = Path(__file__).with_name("contrast.js").read_text(encoding="utf-8").splitlines()
_CONTRAST = "\n".join(line for line in _SCRIPT if not line.startswith("//"))  # a bare function


def low_contrast(page, least: float = AA) -> list[dict]:
    """The visible texts on the page whose contrast is below ``least``."""
    return [t for t in page.evaluate(_CONTRAST) if t["ratio"] < least]
