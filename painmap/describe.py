"""A pattern told in plain text: for the command line, and the same order the app uses.

>>> from painmap import load_atlas
>>> print(describe(load_atlas(), "soleus").splitlines()[0])
Soleus (trigger point)
"""

from __future__ import annotations

import textwrap

from painmap.knowledge import cited_sources
from painmap.schema import Pattern, Source
from painmap.vocabulary import KIND_WORDS

SECTIONS = (
    ("description", "How people describe it"),
    ("aggravating", "What starts or aggravates it"),
    ("checks", "What a clinician checks"),
    ("see_clinician", "When to see a clinician"),
)


def cite(source: Source) -> str:
    """One line naming a source so a reader can find it."""
    parts = [source.author, f"{source.title}" + (f" ({source.year})" if source.year else "")]
    if source.file:
        parts.append(f"the user's source article, file {source.file}")
    if source.detail:
        parts.append(source.detail)
    if source.url:
        parts.append(source.url)
    return ". ".join(p.rstrip(".") for p in parts if p) + "."


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=96, initial_indent=indent, subsequent_indent=indent + "  ")


def _refs(ids) -> str:
    return "[" + ", ".join(ids) + "]"


def describe(atlas, pattern_id: str) -> str:
    """Everything the knowledge base says of one pattern, with its sources, as text."""
    pattern: Pattern = atlas.patterns[pattern_id]
    lines = [f"{pattern.name} ({KIND_WORDS[pattern.kind]})"]
    if pattern.aliases:
        lines.append(f"Also called: {', '.join(pattern.aliases)}")
    lines += ["", textwrap.fill(pattern.summary, width=96)]
    for field, title in SECTIONS[:3]:
        lines += ["", f"{title}:"]
        lines += [_wrap(f"- {c.text} {_refs(c.sources)}") for c in getattr(pattern, field)]
    lines += ["", "Self-care (one step at a time):"]
    for step in pattern.self_care:
        lines.append(_wrap(f"- {step.step}: {step.how} {_refs(step.sources)}"))
        dose = [f"dose: {step.dose}"]
        dose += [f"how often: {step.frequency}"] if step.frequency else []
        dose += [f"try for: {step.trial}"] if step.trial else []
        lines.append(_wrap("; ".join(dose), indent="    "))
        if step.stop_if:
            lines.append(_wrap(f"stop or get help if: {step.stop_if}", indent="    "))
    field, title = SECTIONS[3]
    lines += ["", f"{title}:"]
    lines += [_wrap(f"- {c.text} {_refs(c.sources)}") for c in getattr(pattern, field)]
    lines += ["", "Look-alikes and what tells them apart:"]
    for diff in pattern.differentials:
        other = atlas.patterns[diff.id].name
        lines.append(_wrap(f"- {other}: {diff.point} {_refs(diff.sources)}"))
    if pattern.notes:
        lines += ["", "Where the sources differ:"]
        lines += [_wrap(f"- {n.text} {_refs(n.sources)}") for n in pattern.notes]
    lines += [
        "",
        "How sure is this?",
        _wrap(f"{pattern.evidence} {_refs(pattern.evidence_sources)}"),
    ]
    cited = sorted({s for _, s in cited_sources(pattern)})
    lines += ["", "Sources:"]
    lines += [_wrap(f"[{sid}] {cite(atlas.knowledge.sources[sid])}") for sid in cited]
    lines += ["", "PainMap informs and explains; it does not diagnose."]
    return "\n".join(lines)
