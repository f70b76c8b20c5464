"""Read the knowledge base (``data/``) from YAML into validated schema objects.

Faults are collected, not raised one by one, so ``python -m painmap validate`` lists them all,
each naming its file and the item in it (``self_care[2].dose: Field required``).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from painmap.errors import Problem
from painmap.schema import GuidanceTopic, ModelSettings, Pattern, Question, Source, Symptom


def _where(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# libyaml's parser reads the knowledge base about eight times faster than PyYAML's own, which
# stays the fallback where PyYAML was built without it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """The data in YAML ``text``; raises ``yaml.YAMLError`` when it is not YAML.

    >>> parse_yaml("side: left")
    {'side': 'left'}
    """
    return yaml.load(text, Loader=_LOADER)


def read_yaml(path: Path, label: str, problems: list[Problem]):
    """The parsed YAML at ``path``, or None with a Problem when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(label, None, "file is missing"))
        return None
    except UnicodeDecodeError:
        problems.append(Problem(label, None, "is not UTF-8 text"))
        return None
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        reason = getattr(err, "problem", None) or str(err).splitlines()[0]
        problems.append(Problem(label, None, f"is not valid YAML{where}: {reason}"))
        return None
    if data is None:
        problems.append(Problem(label, None, "is empty"))
    return data


def parse(model: type[BaseModel], data, label: str, item: str | None, problems: list[Problem]):
    """``data`` validated as ``model``, or None with one Problem per schema fault."""
    try:
        return model.model_validate(data)
    except ValidationError as err:
        for e in err.errors():
            where = _where(e["loc"])
            name = f"{item}: {where}" if item and where else (item or where or None)
            problems.append(Problem(label, name, e["msg"]))
        return None


def _read_list(path: Path, label: str, model, problems: list[Problem]) -> list:
    data = read_yaml(path, label, problems)
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(label, None, "must be a list of entries"))
        return []
    items = []
    for index, entry in enumerate(data):
        name = entry.get("id") if isinstance(entry, dict) else None
        parsed = parse(model, entry, label, f"entry {index} ({name or 'no id'})", problems)
        if parsed is not None:
            items.append(parsed)
    return items


def read_sources(data: Path, problems: list[Problem]) -> list[Source]:
    """Every source of every file in ``data/sources/``."""
    folder = data / "sources"
    files = sorted(folder.glob("*.yaml"))
    if not files:
        problems.append(Problem("data/sources/", None, "holds no source files"))
    return [s for f in files for s in _read_list(f, f"data/sources/{f.name}", Source, problems)]


def read_symptoms(data: Path, problems: list[Problem]) -> list[Symptom]:
    return _read_list(data / "symptoms.yaml", "data/symptoms.yaml", Symptom, problems)


def read_questions(data: Path, problems: list[Problem]) -> list[Question]:
    return _read_list(data / "questions.yaml", "data/questions.yaml", Question, problems)


def read_model(data: Path, problems: list[Problem]) -> ModelSettings | None:
    """The ranking's parameters (``data/model.yaml``), or None with the faults in ``problems``."""
    label = "data/model.yaml"
    raw = read_yaml(data / "model.yaml", label, problems)
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(label, None, "must be a mapping of settings"))
        return None
    return parse(ModelSettings, raw, label, None, problems)


def read_guidance(data: Path, problems: list[Problem]) -> list[GuidanceTopic]:
    return _read_list(data / "guidance.yaml", "data/guidance.yaml", GuidanceTopic, problems)


def read_patterns(data: Path, problems: list[Problem]) -> list[Pattern]:
    """Every pattern file of ``data/patterns/``; the file name must be the pattern's id."""
    patterns = []
    for path in sorted((data / "patterns").glob("*.yaml")):
        label = f"data/patterns/{path.name}"
        raw = read_yaml(path, label, problems)
        if raw is None:
            continue
        if not isinstance(raw, dict):
            problems.append(Problem(label, None, "must be a mapping of fields (id, kind, ...)"))
            continue
        pattern = parse(Pattern, raw, label, None, problems)
        if pattern is None:
            continue
        if pattern.id != path.stem:
            problems.append(Problem(label, "id", f"{pattern.id!r} differs from the file name"))
            continue
        patterns.append(pattern)
    return patterns
