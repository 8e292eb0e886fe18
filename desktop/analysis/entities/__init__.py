"""Named entities in articles: people, organisations, places (and nationalities/groups).

spaCy's small English model finds the candidates; the passes in ``consistency`` make them
fit for reading news (one label per name per article, surnames, cue words, no headline
noise) and ``roles`` keeps the title the text gives a person. No Qt here.
"""

from __future__ import annotations

from desktop.analysis.entities.analyse import analyse_texts, entities_from_spans
from desktop.analysis.entities.entity import LABELS, Entity, TextAnalysis
from desktop.analysis.entities.model import ModelError, load_pipeline

__all__ = [
    "LABELS",
    "Entity",
    "ModelError",
    "TextAnalysis",
    "analyse_texts",
    "entities_from_spans",
    "load_pipeline",
]
