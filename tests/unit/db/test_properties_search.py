"""Property test: whatever a reporter types in the search box, search answers (never raises)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db import Library
from tests.conftest import article_record

_SYNTAX = st.sampled_from(['"', "*", ":", "(", ")", "AND", "OR", "NOT", "NEAR", "^", "-", "+",
                           "{", "}", "title:", "NEAR(a b, 2)", "\x00", "'", ";", "--", "İ", "ß"])
QUERIES = st.one_of(st.text(max_size=60), st.lists(st.one_of(_SYNTAX, st.text(max_size=6)),
                                                    max_size=12).map(" ".join))


@pytest.fixture(scope="module")
def library():
    library = Library(None, memory=True)
    for text in ("Talks\nTalks resumed in İstanbul on Friday.", 'Quote\nHe said "no deal".',
                 "Straße\nDie Gespräche (NEAR the border) gingen weiter: AND OR NOT."):
        library.add_article(article_record(text))
    yield library
    library.close()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=QUERIES)
def test_search_never_raises_whatever_is_typed(library, query):
    assert isinstance(library.search(query), list)
