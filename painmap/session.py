"""A saved session: the whole map in one JSON file that loads back exactly.

The file holds the side and view, every mark and area in order (with intensity and note), the
symptom answers (yes, and from format 3 also no, and the trigger-point presses), the session
note, the progress log when one was open (format 2), and the
versions of PainMap and of the atlas it was made with. Loading checks everything and refuses a
bad file with one plain sentence, so the session on screen is never replaced by half a file.

>>> from painmap import Mark, load_atlas
>>> session = Session(items=(Mark("plantar", 13, 58, 7, note="worst at 7 am"),))
>>> load_session(dump_session(session, load_atlas()), load_atlas()).session == session
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from painmap import __version__
from painmap.answers import Answers, check_answers
from painmap.bounded_json import read_json
from painmap.contract import SIDE_IDS, VIEW_IDS
from painmap.errors import PainMapError
from painmap.links import MAX_MARKS
from painmap.marks import Area, Mark, check_note
from painmap.plain import quoted
from painmap.progress.entry import FIELDS, Entry
from painmap.vocabulary import PLANTAR, Side
from painmap.wording import counted

# The version of this file format; a newer file is refused, not guessed at. Format 2 added the
# progress log, format 3 the answers "no" and the presses; older files read with none.
FORMAT = 3
MAX_LOG_DAYS = 3660  # ten years of daily entries
MAX_BYTES = 1_000_000  # a map with 60 areas and ten years of days is a fifth of this
UPLOAD_HELP = f"A session (.json or .fhir.json) PainMap saved: at most {MAX_BYTES // 10**6} MB."
KEY = "painmap_session"


def opened_words(file_name: str, items) -> str:
    """What opening a session file did, said once at the top of the map.

    >>> opened_words("mine.json", [Mark("plantar", 0, 40), Mark("dorsal", 0, 50)])
    'Opened mine.json: 2 marks, with the answers and notes saved in it.'
    """
    marks = sum(isinstance(item, Mark) for item in items)
    kept = [counted(marks, "mark")] if marks or len(items) == marks else []
    if len(items) > marks:
        kept.append(counted(len(items) - marks, "area"))
    return f"Opened {file_name}: {' and '.join(kept)}, with the answers and notes saved in it."


class SessionError(PainMapError, ValueError):
    """A session file that cannot be loaded; the message says why, in one sentence."""


@dataclass(frozen=True)
class Session:
    """The whole map: side, view, marks and areas in order, symptoms, a note, a chosen pattern."""

    side: str = Side.RIGHT
    view: str = PLANTAR
    items: tuple[Mark | Area, ...] = ()
    symptoms: tuple[str, ...] = ()
    note: str = ""
    selected: str | None = None
    log: tuple[Entry, ...] = ()
    absent: tuple[str, ...] = ()
    pressed: tuple[tuple[str, bool], ...] = ()
    log_name: str = ""  # whose log the days came from (a name, no secret), when they did


@dataclass(frozen=True)
class Loaded:
    """A loaded session, and anything worth saying about it (made with other maps)."""

    session: Session
    warnings: tuple[str, ...] = ()


def _item(item: Mark | Area) -> dict:
    common = {"view": item.view, "intensity": item.intensity, "note": item.note}
    if isinstance(item, Mark):
        return {"kind": "mark", "x": item.x, "y": item.y, **common}
    return {"kind": "area", "points": [list(p) for p in item.points], **common}


def dump_session(session: Session, atlas, saved: datetime | None = None) -> str:
    """The session as JSON text (UTF-8), ready to write to a ``.json`` file."""
    document = {
        KEY: FORMAT,
        "painmap_version": __version__,
        "atlas_version": atlas.version,
        "saved": (saved or datetime.now(UTC)).isoformat(timespec="seconds"),
        "side": session.side,
        "view": session.view,
        "items": [_item(i) for i in session.items],
        "symptoms": list(session.symptoms),
        "absent": list(session.absent),
        "pressed": dict(session.pressed),
        "note": session.note,
        "selected": session.selected,
        "log": [entry.as_row() for entry in session.log],
        "log_name": session.log_name,
    }
    return json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False)


def _read_item(n: int, raw) -> Mark | Area:
    if not isinstance(raw, dict):
        raise SessionError(f"item {n} of the file is not a mark or an area")
    kind = raw.get("kind")
    try:
        if kind == "mark":
            return Mark(
                raw.get("view"),
                raw.get("x"),
                raw.get("y"),
                raw.get("intensity"),
                raw.get("note", ""),
            )
        if kind == "area":
            points = raw.get("points")
            if not isinstance(points, list) or not all(
                isinstance(p, list) and len(p) == 2 for p in points
            ):
                raise ValueError("its points must be [x, y] pairs")
            return Area(
                raw.get("view"),
                tuple(tuple(p) for p in points),
                raw.get("intensity"),
                raw.get("note", ""),
            )
    except (ValueError, TypeError) as err:
        raise SessionError(f"item {n} of the file ({kind}) is not valid: {clip(err)}") from None
    raise SessionError(f"item {n} of the file is of unknown kind {quoted(kind)}")


def load_session(data: bytes | str, atlas) -> Loaded:
    """Read a session file, or a FHIR Bundle that PainMap wrote (:mod:`painmap.fhir`);
    SessionError says plainly why one is refused."""
    from painmap.fhir.reading import is_bundle, read_bundle  # it builds on this module

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_BYTES:
        raise SessionError(
            f"the file is {len(raw):,} bytes; a session file is at most {MAX_BYTES:,} bytes"
        )
    if not raw.strip():
        raise SessionError("the file is empty")
    try:
        document = read_json(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SessionError("the file is not text: is it a PainMap session (.json)?") from None
    except json.JSONDecodeError as err:
        raise SessionError(
            f"the file is not valid JSON (line {err.lineno}: {err.msg}); it may be cut short"
        ) from None
    except ValueError as err:
        raise SessionError(str(err)) from None
    try:
        if is_bundle(document):
            return read_bundle(document, atlas)
        return _read_document(document, atlas)
    except (TypeError, ValueError, AttributeError, KeyError, RecursionError) as err:
        if isinstance(err, SessionError):
            raise
        # A last net: a check above let a value of the wrong kind through. Say so plainly.
        raise SessionError("the file holds a value of a kind PainMap does not expect") from None


def _read_format(document) -> None:
    """A PainMap session of a format this PainMap reads, or SessionError saying what it is."""
    if isinstance(document, dict) and isinstance(document.get("resourceType"), str):
        kind = document["resourceType"][:40]
        raise SessionError(f"the file is a FHIR {kind}, not a Bundle of a pain map")
    if not isinstance(document, dict) or KEY not in document:
        raise SessionError("the file is not a PainMap session")
    version = document[KEY]
    if not isinstance(version, int) or version < 1:
        raise SessionError("the file's format version is not a whole number")
    if version > FORMAT:
        raise SessionError(
            f"the file was saved by a newer PainMap (format {version}); this one "
            f"reads format {FORMAT}: update PainMap to open it"
        )


def _read_place(document) -> tuple[str, str, tuple]:
    """The side, the view and the marks and areas."""
    side, view = document.get("side", Side.RIGHT), document.get("view", PLANTAR)
    if side not in SIDE_IDS:
        raise SessionError(f"the file names an unknown side {quoted(side, 40)}")
    if view not in VIEW_IDS:
        raise SessionError(f"the file names an unknown view {quoted(view, 40)}")
    items = document.get("items", [])
    if not isinstance(items, list):
        raise SessionError("the file's marks are not a list")
    if len(items) > MAX_MARKS:
        raise SessionError(
            f"the file holds {len(items):,} marks and areas; a map holds at most {MAX_MARKS}"
        )
    return side, view, tuple(_read_item(n, raw) for n, raw in enumerate(items, start=1))


def _read_symptoms(document, atlas) -> list[str]:
    symptoms = document.get("symptoms", [])
    if not isinstance(symptoms, list) or not all(isinstance(s, str) for s in symptoms):
        raise SessionError("the file's symptoms are not a list of ids")
    unknown = [s for s in symptoms if s not in atlas.knowledge.symptoms]
    if unknown:
        raise SessionError(f"the file names unknown symptoms: {', '.join(unknown)[:200]}")
    return symptoms


def _read_texts(document, atlas) -> tuple[str | None, str, str]:
    """The chosen pattern, the session note and the log's name."""
    selected = document.get("selected")
    if selected is not None and not isinstance(selected, str):
        raise SessionError("the file's chosen pattern is not a pattern id")
    if selected is not None and selected not in atlas.patterns:
        raise SessionError(f"the file names an unknown pattern {quoted(selected, 40)}")
    try:
        note = check_note(document.get("note", ""))
    except ValueError as err:
        raise SessionError(f"the session note is not valid: {err}") from None
    try:
        log_name = check_note(document.get("log_name", ""))
    except ValueError:
        raise SessionError("the name of the file's log is not a short text") from None
    return selected, note, log_name


def _read_document(document, atlas) -> Loaded:
    _read_format(document)
    side, view, marks = _read_place(document)
    answers = _read_answers(document, _read_symptoms(document, atlas), atlas)
    selected, note, log_name = _read_texts(document, atlas)
    session = Session(
        side,
        view,
        marks,
        answers.present,
        note,
        selected,
        _read_log(document),
        answers.absent,
        answers.pressed,
        log_name,
    )
    return Loaded(session, other_maps(document.get("atlas_version"), atlas))


def other_maps(saved_with, atlas) -> tuple[str, ...]:
    """The warning for a file saved with other maps than ``atlas``'s, if it was."""
    if saved_with == atlas.version:
        return ()
    which = f"other maps ({str(saved_with)[:40]})" if saved_with else "unnamed maps"
    warning = (
        f"This session was saved with {which}; the marks are where they were, "
        "but the zones may have moved a little."
    )
    return (warning,)


def _read_answers(document: dict, symptoms: list, atlas) -> Answers:
    absent, pressed = document.get("absent", []), document.get("pressed", {})
    if not isinstance(absent, list) or not all(isinstance(s, str) for s in absent):
        raise SessionError('the file\'s answers "no" are not a list of ids')
    if not isinstance(pressed, dict):
        raise SessionError("the file's trigger-point presses are not a mapping")
    try:
        return check_answers(atlas, symptoms, absent, pressed)
    except ValueError as err:
        raise SessionError(f"the file's answers are not valid: {clip(err)}") from None


def _read_log(document: dict) -> tuple[Entry, ...]:
    rows = document.get("log", [])
    if not isinstance(rows, list):
        raise SessionError("the file's progress log is not a list")
    if len(rows) > MAX_LOG_DAYS:
        raise SessionError(
            f"the file's progress log holds {len(rows):,} days; at most {MAX_LOG_DAYS:,} are read"
        )
    log = []
    for n, row in enumerate(rows, start=1):
        try:
            if not isinstance(row, dict):
                raise ValueError("it is not a day's entry")
            log.append(Entry(**{k: row.get(k) for k in FIELDS if k in row}))
        except (ValueError, TypeError) as err:
            reason = clip(err)
            raise SessionError(
                f"day {n} of the file's progress log is not valid: {reason}"
            ) from None
    return tuple(sorted(log, key=lambda e: e.day))


def clip(err: Exception | str, most: int = 160) -> str:
    """A reason short enough to read: a file's odd values can make one very long."""
    reason = str(err)
    return reason if len(reason) <= most else reason[: most - 1] + "…"
