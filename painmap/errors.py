"""What goes wrong when reading the atlas, said so that a person can fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One fault in one file: which file, which item in it, and what is wrong.

    >>> str(Problem("maps/plantar.geojson", "landmark heel_center", "lies outside the outline"))
    'maps/plantar.geojson: landmark heel_center: lies outside the outline'
    """

    file: str
    item: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.item}" if self.item else self.file
        return f"{where}: {self.message}"


class AtlasError(Exception):
    """The maps or the knowledge base are broken; ``problems`` lists every fault found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
