"""NLP over an article's text, returning data: ``dates`` (the TIMEX3 tagger), ``entities``
(spaCy plus document-level passes) and ``people`` (name keys and grouping). It imports
nothing else of Clipline and stores nothing; ``desktop.actions`` runs it and stores the result.
"""

__all__ = ["dates", "entities", "people"]
