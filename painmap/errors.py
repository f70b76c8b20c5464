"""What can go wrong, as one family, each said in one sentence a person can act on.

Every error PainMap raises on purpose is a :class:`PainMapError`, so a page or the command
line catches the family once::

    PainMapError
    ├── AtlasError      the maps or the knowledge base are broken (``problems`` lists each)
    ├── SessionError    a session file or FHIR file that cannot be opened (painmap.session)
    ├── AnswerError     a FHIR answer that does not fit its question (painmap.fhir.questionnaire)
    ├── LogError        a progress log that cannot be opened or written (painmap.progress.logbook)
    └── BrowserMissing  no Chromium to print images and handouts with (painmap.chromium)

The last four are also ValueError or FileNotFoundError, as the standard library would say.
"""

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


class PainMapError(Exception):
    """Anything PainMap refuses or cannot do, said in plain words."""


class BrowserMissing(PainMapError, FileNotFoundError):
    """There is no Chromium here to print images and handouts with; the message says how to
    get one."""


class AtlasError(PainMapError):
    """The maps or the knowledge base are broken; ``problems`` lists every fault found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def os_reason(err: OSError) -> str:
    """Why a file could not be read or written, in plain words (no errno, no Python names).

    >>> os_reason(PermissionError(13, "Permission denied", "/x"))
    'it is not allowed to write there (the folder is read-only, or belongs to someone else)'
    """
    import errno

    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "it is not allowed to write there (the folder is read-only, or belongs "
        "to someone else)",
        errno.EPERM: "it is not allowed to write there (the folder is read-only, or belongs "
        "to someone else)",
        errno.EROFS: "the disk there is read-only",
        errno.ENOENT: "a folder on the way does not exist",
        errno.EISDIR: "it names a folder, not a file",
        errno.ENOTDIR: "part of the path is a file, not a folder",
        errno.ENAMETOOLONG: "the name is too long",
    }
    return reasons.get(err.errno, "the system refused it")
