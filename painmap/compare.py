"""Look-alike patterns side by side: what tells them apart, as a table.

>>> from painmap import load_atlas
>>> table = comparison(load_atlas(), ["quadratus_plantae", "soleus"])
>>> list(table.columns)
['Quadratus plantae', 'Soleus']
"""

from __future__ import annotations

import pandas as pd

from painmap.describe import KIND_WORDS
from painmap.vocabulary import VIEWS

ROWS = (
    "Kind",
    "Where it hurts",
    "Trigger-point site",
    "Fits",
    "Argues against",
    "Told apart from the others",
    "How sure",
)


def comparison(atlas, pattern_ids: list[str]) -> pd.DataFrame:
    """A table, one column per pattern, of the features that tell the patterns apart."""
    k = atlas.knowledge
    labels = {s.id: s.label for s in k.symptoms.values()}
    columns = {}
    for pid in pattern_ids:
        p = atlas.patterns[pid]
        sites = [VIEWS[v].on.removeprefix("on ") for v in k.site_views(pid)]
        fits = [labels[w.id] for w in sorted(p.symptoms, key=lambda w: -w.weight) if w.weight > 0]
        against = [labels[w.id] for w in p.symptoms if w.weight < 0]
        apart = [
            f"{atlas.patterns[d.id].name}: {d.point}"
            for d in p.differentials
            if d.id in pattern_ids and d.id != pid
        ]
        columns[p.name] = [
            KIND_WORDS[p.kind],
            ", ".join(r.replace("_", " ") for r in p.regions),
            "; ".join(sites) or (p.site_off_atlas or "none (a condition)"),
            "; ".join(fits[:4]) or "-",
            "; ".join(against[:3]) or "-",
            " ".join(apart) or "-",
            p.evidence.split(". ")[0].rstrip(".") + ".",
        ]
    return pd.DataFrame(columns, index=list(ROWS))
