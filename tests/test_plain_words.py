"""What a person reads names sources in plain words: by title, author and year, never as "the
seed", by an internal id or by a file name. The ids and files stay in the data (provenance).
"""

from __future__ import annotations

import html
import json
import re
from datetime import date

import pytest
from pydantic import BaseModel

from painmap import Area, Mark
from painmap.describe import cite, claim_cite, describe, short_cite
from painmap.export import all_views_figure, view_figure
from painmap.fhir.bundle import bundle_json
from painmap.handout import handout_html
from painmap.session import Session
from painmap.sheet import muscle_sheet, pattern_sheet

from .conftest import ROOT
from .places import ATLAS

INTERNAL = re.compile(
    r"\bseeds?\b"  # the data's word for the user's own articles
    r"|\bthe (?:seed )?article\b"  # an article named as if the reader knew which
    r"|\b\d{3}_[0-9a-f]{16}\.txt\b"  # the user's article files
    r"|\b[\w-]+\.(?:txt|ya?ml|py)\b",  # any data or code file
    re.IGNORECASE,
)
# Fields that hold ids, codes or places, not words a person reads.
NOT_WORDS = {"id", "sources", "file", "url", "kind", "view", "role", "join", "points", "regions"}
NOT_WORDS |= {"group", "urgency", "first", "requires", "options", "choose", "refers", "label_id"}
SESSIONS = {
    "inner heel": Session(side="left", items=(Mark("medial", 40, 40, 7),)),
    "under the heel": Session(
        side="right",
        items=(Mark("plantar", 13, 58, 8), Area("plantar", ((-20, 20), (15, 20), (15, 60)))),
        symptoms=("first_steps_morning",),
    ),
    "back of the heel": Session(side="right", items=(Mark("posterior", 0, 190, 6),)),
}
DAY = date(2026, 11, 23)


def _internal_ids() -> re.Pattern:
    """Source ids, and pattern or symptom ids with an underscore (plain names have none)."""
    k = ATLAS.knowledge
    ids = [*k.sources, *(i for i in [*k.patterns, *k.symptoms] if "_" in i)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, ids)) + r")(?![\w-])")


IDS = _internal_ids()


def problems(text: str) -> list[str]:
    """The internal words in ``text``."""
    return [m.group(0) for m in INTERNAL.finditer(text)] + IDS.findall(text)


def _texts(model: BaseModel, where: str):
    """Every (place, text) a person can read inside a knowledge-base object."""
    for name, value in model:
        if name in NOT_WORDS or name.endswith("_sources"):
            continue
        here = f"{where}.{name}"
        values = value if isinstance(value, tuple) else (value,)
        for i, item in enumerate(values):
            if isinstance(item, BaseModel):
                yield from _texts(item, f"{here}[{i}]")
            elif isinstance(item, str):
                yield here, item
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield from _texts(item, f"{here}[{key}]")


def _knowledge_texts():
    k = ATLAS.knowledge
    for p in k.patterns.values():
        yield from _texts(p, p.id)
    for s in k.symptoms.values():
        yield from _texts(s, f"symptom {s.id}")
    for q in k.questions:
        yield from _texts(q, f"question {q.id}")
    for g in k.guidance:
        yield from _texts(g, f"guidance {g.id}")
    yield from _texts(k.model, "model")
    for s in k.sources.values():
        yield f"source {s.id} as cited", cite(s)
        yield f"source {s.id} as cited in short", short_cite(s)


HIDDEN = {"legendgroup", "uid", "meta", "customdata"}  # a figure's keys nobody reads


def _strings(value):
    """Every string inside a JSON-like value, but for a figure's hidden keys."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in HIDDEN:
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _figure_words(fig) -> str:
    return "\n".join(_strings(fig.to_plotly_json()))


def test_the_checks_catch_what_they_look_for():
    for said in (
        "The seed author finds",
        "Seeds disagree",
        "the article gives no time",
        "[seed-001, travell-simons-v2-superficial-foot]",
        "file 000_5114b819df0228cc.txt",
        "see data/model.yaml",
        "on adductor_hallucis",
    ):
        assert problems(said), said
    assert not problems("Grace's blog post names adductor hallucis; Travell & Simons 1992.")


def test_no_text_of_the_knowledge_base_holds_an_internal_name():
    found = [f"{where}: {problems(text)}" for where, text in _knowledge_texts() if problems(text)]
    assert not found, "\n".join(found)


def test_the_users_articles_stay_visible_by_title_and_author():
    """Where an article of the user's differs from the references, the note names it."""
    notes = ATLAS.patterns["abductor_hallucis"].notes[0]
    assert "seed-001" in notes.sources  # the provenance, in the data
    assert "Grace" in notes.text and "Inner Heel Pain" in notes.text
    source = ATLAS.knowledge.sources["seed-001"]
    assert source.file and source.file not in cite(source)
    assert cite(source).startswith("Grace") and "2012" in cite(source)


def test_a_claim_is_cited_by_author_and_year():
    said = claim_cite(ATLAS.knowledge, ["travell-simons-v2", "seed-003", "afp-heel-pain-2011"])
    assert said == "(Travell & Simons 1992; Juniper PT; Tu & Bytomski 2011)"


def test_a_reference_line_keeps_its_link_working():
    line = cite(ATLAS.knowledge.sources["afp-heel-pain-2011"])
    assert line.endswith(" https://www.aafp.org/pubs/afp/issues/2011/1015/p909.html")
    assert "Priscilla Tu" in line and "Diagnosis of Heel Pain (2011)" in line


@pytest.mark.parametrize("pattern_id", list(ATLAS.patterns))
def test_describe_names_sources_in_plain_words(pattern_id):
    text = describe(ATLAS, pattern_id)
    assert not problems(text)
    assert re.search(r"\([A-Z][^()]*(\d{4}|[a-z])\)", text)  # claims carry a short citation


@pytest.mark.parametrize("name", list(SESSIONS))
def test_the_handout_names_no_internal_thing(name):
    page = handout_html(ATLAS, SESSIONS[name], when=DAY)
    words = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", " ", page, flags=re.S)))
    assert not problems(words)
    assert "Sources:" in words


def test_the_handout_of_the_inner_heel_names_the_users_article_by_author():
    page = html.unescape(handout_html(ATLAS, SESSIONS["inner heel"], when=DAY))
    assert "Grace" in page  # her self-care, said as hers


@pytest.mark.parametrize("name", list(SESSIONS))
def test_exported_pictures_name_no_internal_thing(name):
    session = SESSIONS[name]
    for fig in (all_views_figure(ATLAS, session, when=DAY), view_figure(ATLAS, session, "plantar")):
        assert not problems(_figure_words(fig))


def test_the_sheets_name_no_internal_thing():
    for fig in (pattern_sheet(ATLAS), muscle_sheet(ATLAS)):
        assert not problems(_figure_words(fig))


def test_the_fhir_files_words_name_no_internal_thing():
    session = SESSIONS["under the heel"]
    document = json.loads(bundle_json(ATLAS, session))
    words = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key in ("text", "display", "div", "title", "description", "valueString"):
                    words.extend(_strings(item))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    assert words and not problems("\n".join(words))


def test_the_readme_says_how_provenance_is_kept():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## The knowledge base", 1)[1].split("\n## ", 1)[0]
    assert "data/sources/seeds.yaml" in section and "`sources:`" in section
    assert "title, author and year" in section
