"""A pattern told in plain text: for the command line, and the same order the app uses.

>>> from painmap import load_atlas
>>> print(describe(load_atlas(), "soleus").splitlines()[0])
Soleus (trigger point)
"""

from __future__ import annotations

import re
import textwrap

from painmap.knowledge import cited_sources
from painmap.schema import Pattern, Source
from painmap.vocabulary import KIND_WORDS

# Words that mark an author as an organisation, not a person.
ORGANISATION_WORDS = {
    "of",
    "for",
    "and",
    "the",
    "inform",
    "blog",
    "manual",
    "center",
    "centre",
    "education",
    "medical",
    "health",
    "forum",
    "encyclopedia",
    "practice",
    "podiatry",
    "orthopedics",
    "faq",
    "pain",
    "talk",
    "group",
    "association",
    "academy",
    "institute",
    "college",
    "society",
    "clinic",
    "injury",
}
PARTICLES = {"van", "der", "den", "de", "von", "ter", "la", "le", "du", "da"}
SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}
SECTIONS = (
    ("description", "How people describe it"),
    ("aggravating", "What starts or aggravates it"),
    ("checks", "What a clinician checks"),
    ("see_clinician", "When to see a clinician"),
)


def cite(source: Source) -> str:
    """The full reference of a source, as a reader reads it: author, title, year, what it is
    and its link (never a file name or an id).

    >>> from painmap import load_atlas
    >>> print(cite(load_atlas().knowledge.sources["seed-003"]))  # doctest: +ELLIPSIS
    Juniper PT (physical therapy practice blog). How to Reduce Your Heel or Foot Pain. ...
    """
    parts = [source.author, f"{source.title}" + (f" ({source.year})" if source.year else "")]
    if source.detail:
        parts.append(source.detail)
    line = ". ".join(p.rstrip(".") for p in parts if p) + "."
    return f"{line} {source.url}" if source.url else line  # no full stop to break the link


def _is_person(name: str) -> bool:
    """Whether an author's name is a person's (given names or initials, then a surname)."""
    words = name.split()
    if not 2 <= len(words) <= 6 or any(w.lower() in ORGANISATION_WORDS for w in words):
        return False
    acronym = any(len(w) > 1 and w.isupper() and "." not in w for w in words)
    return not acronym and words[-1][0].isupper() and words[0][0].isupper()


def _surname(name: str) -> str:
    """A person's surname with its particles, without Jr or Sr: "van Dijk", "Koc"."""
    words = [w for w in name.split() if w.rstrip(".") not in SUFFIXES]
    n = len(words) - 1
    while n > 1 and words[n - 1].lower() in PARTICLES:
        n -= 1
    return " ".join(words[n:])


def short_cite(source: Source) -> str:
    """A source named in a few words, after a claim: surnames and year for people, the body's
    name for an organisation, the title when no author is named.

    >>> from painmap import load_atlas
    >>> sources = load_atlas().knowledge.sources
    >>> [short_cite(sources[s]) for s in ("travell-simons-v2", "afp-heel-pain-2011", "seed-003")]
    ['Travell & Simons 1992', 'Tu & Bytomski 2011', 'Juniper PT']
    """
    author = re.sub(r"\s*\([^)]*\)", "", source.author or "").split(":")[-1].strip()
    many = bool(re.search(r"\bet al\.?|\band colleagues\b", author))
    author = re.sub(r",?\s*(et al\.?|and colleagues)", "", author).strip(" ,")
    names = [n.strip() for n in author.split(",") if n.strip()]
    year = f" {source.year}" if source.year else ""
    if names and _is_person(names[0]):
        surnames = [_surname(n) for n in names if _is_person(n)]
        if many or len(surnames) > 2:
            return f"{surnames[0]} et al.{year}"
        return " & ".join(surnames) + year
    if author and author[0].isupper():
        return author + year
    words = source.title.split()
    title = " ".join(words[:6]) + ("\u2026" if len(words) > 6 else "")
    return f"\u201c{title}\u201d{year}"


def claim_cite(knowledge, ids) -> str:
    """The sources of one claim, in brackets: "(Travell & Simons 1992; Juniper PT)"."""
    return "(" + "; ".join(dict.fromkeys(short_cite(knowledge.sources[s]) for s in ids)) + ")"


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(text, width=96, initial_indent=indent, subsequent_indent=indent + "  ")


def describe(atlas, pattern_id: str) -> str:
    """Everything the knowledge base says of one pattern, with its sources, as text."""
    pattern: Pattern = atlas.patterns[pattern_id]

    def _refs(ids) -> str:
        return claim_cite(atlas.knowledge, ids)

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
    lines += [
        _wrap(f"- {line}") for line in sorted(cite(atlas.knowledge.sources[s]) for s in cited)
    ]
    lines += ["", "PainMap informs and explains; it does not diagnose."]
    return "\n".join(lines)
