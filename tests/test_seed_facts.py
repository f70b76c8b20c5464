"""Every fact the user's seed articles state is in the knowledge base, citing its seed.

The checklist (tests/seed_facts.yaml) names, for each fact, where it must be (a pattern's
field, or a guidance topic) and words that must appear in one entry there that cites the seed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CHECKLIST = yaml.safe_load((Path(__file__).parent / "seed_facts.yaml").read_text())
SEEDS = ("seed-000", "seed-001", "seed-002", "seed-003", "seed-004")


def _entries(atlas, where: str):
    """(text, sources) of every entry at ``where``: 'pattern.field' or 'guidance:topic'."""
    if where.startswith("guidance:"):
        topic = next(t for t in atlas.knowledge.guidance if t.id == where.split(":", 1)[1])
        yield topic.title + " " + topic.text, topic.sources
        for step in topic.steps:
            yield " ".join(str(v) for k, v in step if k != "sources" and v), step.sources
        return
    pattern_id, field = where.split(".")
    value = getattr(atlas.patterns[pattern_id], field)
    for entry in value if isinstance(value, tuple) else (value,):
        if isinstance(entry, str):
            yield entry, atlas.patterns[pattern_id].evidence_sources
        else:
            parts = [str(v) for k, v in entry if k not in ("sources", "id") and v]
            yield " ".join(parts), entry.sources


def test_checklist_covers_every_seed():
    assert {fact["seed"] for fact in CHECKLIST} == set(SEEDS)
    assert len(CHECKLIST) >= 60


@pytest.mark.parametrize("fact", CHECKLIST, ids=[f"{f['seed']}: {f['fact']}" for f in CHECKLIST])
def test_seed_fact_is_present_and_attributed(atlas, fact):
    words = [w.lower() for w in fact["words"]]
    found = [
        text
        for text, sources in _entries(atlas, fact["where"])
        if fact["seed"] in sources and all(w in text.lower() for w in words)
    ]
    assert found, f"{fact['where']} has no entry citing {fact['seed']} with {words}"
