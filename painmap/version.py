"""PainMap's version: written here once, read by ``pyproject.toml`` and by the atlas."""

__version__ = "0.2.0"
