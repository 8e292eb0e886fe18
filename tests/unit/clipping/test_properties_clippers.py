"""Property tests: whatever text, HTML, bytes or JSON Lines come in, the clippers and the date
tagger answer with an article (or a ``ClipError`` naming the problem) in bounded time; they
never raise anything else.
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.clipping.encoding import decode_text
from desktop.clipping.errors import ClipError
from desktop.clipping.html import clip_html
from desktop.clipping.jsonl import read_jsonl
from desktop.clipping.text import clip_text, normalise_text

#: Seconds one example may take; generous for a shared, busy machine (typical: milliseconds).
BOUND = 5.0
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Text that looks like what gets pasted: words, dates, datelines, furniture, odd characters.
_WORDS = st.sampled_from([
    "Talks", "resumed", "in", "Istanbul", "on", "Friday", "30", "May", "2025", "Mayıs", "12:58",
    "Published:", "30.05.2025", "Read more", "Share", "0", "Advertisement", "—", "«", "»", "\n",
    "\n\n", "\t", "\r\n", "\x00", "\x1b[31m", "\u202e", "\u200b", "e\u0301", "محادثات", "会谈",
    "👩🏽‍⚖️", "<p>", "</p>", "&amp;", "#", "# Title", "http://example.org/2025/05/30/x",
])
PASTED = st.one_of(
    st.text(max_size=400),
    st.lists(_WORDS, max_size=120).map(" ".join),
    st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=80).map("".join),
)

_TAGS = ["p", "div", "span", "article", "main", "script", "style", "a", "img", "h1", "title",
         "meta", "time", "table", "td", "iframe", "svg", "b", "br", "noscript", "template"]


@st.composite
def html_pages(draw) -> str:
    """Well- and badly-formed HTML: random tags, attributes (hostile ones too) and text."""
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            attr = draw(st.sampled_from([
                "", ' onload="alert(1)"', ' src="http://127.0.0.1:9/p.gif"', ' href="javascript:x()"',
                ' property="article:published_time" content="2025-05-30T12:58:00+03:00"',
                ' itemprop="datePublished" datetime="2025-13-45"', ' style="x:url(http://a)"',
                ' content=', ' "unterminated',
            ]))
            parts.append(f"<{tag}{attr}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.text(max_size=60)))
        elif kind == 3:
            parts.append(" ".join(draw(st.lists(_WORDS, max_size=30))))
        elif kind == 4:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>",
                                                "&lol;", "&#0;", "&#x110000;", "<", ">", "<meta "])))
        else:
            parts.append("<p>" + "Delegations met again in Istanbul on Friday. " * draw(st.integers(0, 6)) + "</p>")
    return "".join(parts)


def _bounded(call, *args, **kwargs):
    started = time.monotonic()
    try:
        result = call(*args, **kwargs)
    except ClipError as error:
        result = error
        assert str(error) and "\n" not in str(error)  # one line, for the reporter
    assert time.monotonic() - started < BOUND
    return result


@SETTINGS
@given(PASTED, st.one_of(st.none(), st.text(max_size=30)))
def test_clip_text_answers_an_article_or_a_clip_error(raw, title):
    result = _bounded(clip_text, raw, title=title)
    if not isinstance(result, ClipError):
        assert result.text.strip() and result.text == normalise_text(result.text)
        assert len(result.title) <= 500
        assert result.original == raw  # the input is kept as it came
        if result.published:
            date.fromisoformat(result.published[:10])


@SETTINGS
@given(st.text(max_size=300))
def test_normalising_text_is_idempotent_and_leaves_no_control_characters(raw):
    once = normalise_text(raw)
    assert normalise_text(once) == once
    assert not any(ord(c) < 32 and c not in "\n\t" for c in once)


@settings(SETTINGS, max_examples=40)
@given(st.one_of(html_pages(), st.text(max_size=300)))
def test_clip_html_answers_an_article_or_a_clip_error(page):
    result = _bounded(clip_html, page)
    if not isinstance(result, ClipError):
        assert result.text.strip()
        assert result.url is None or result.url.startswith(("http://", "https://"))
        # The text may hold "<" (a <title> is raw text, as browsers show it): it is plain
        # text, which every view escapes (tests/integration/test_hostile_preview.py).


@SETTINGS
@given(st.binary(max_size=400))
def test_bytes_of_any_kind_decode_or_are_refused(data):
    result = _bounded(decode_text, data)
    assert isinstance(result, (str, ClipError))
    _bounded(clip_html, data)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_ARTICLE_OBJECTS = st.fixed_dictionaries(
    {"text": st.one_of(PASTED, _JSON_VALUES)},
    optional={"published": st.one_of(st.sampled_from(["2025-05-30", "2025-05-30T12:58:00Z", "2025-02-30",
                                                        "yesterday", "", "9999-99-99T99:99"]), _JSON_VALUES),
              "title": st.one_of(st.text(max_size=40), _JSON_VALUES),
              "url": st.one_of(st.sampled_from(["https://x.org/a", "javascript:alert(1)", "http://[::1"]),
                               _JSON_VALUES),
              "source": _JSON_VALUES},
)
_LINES = st.one_of(
    _ARTICLE_OBJECTS.map(lambda o: json.dumps(o).encode()),
    _JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=80).filter(lambda b: b"\n" not in b),
    st.sampled_from([b"[" * 5000, b'{"text": ' + b'{"a":' * 5000, b"", b"   ", b"\xef\xbb\xbf{}"]),
)


@SETTINGS
@given(st.lists(_LINES, max_size=12))
def test_the_json_lines_reader_answers_every_line_and_never_raises(lines):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "batch.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        started = time.monotonic()
        items = list(read_jsonl(path))
        assert time.monotonic() - started < BOUND * max(1, len(lines))
    assert len(items) == sum(1 for line in lines if line.strip())
    for item in items:
        assert (item.article is None) != (item.error == "")
        if item.article is not None:
            assert item.article.text.strip()
            assert item.article.url is None or item.article.url.startswith(("http://", "https://"))


# -- the date tagger ---------------------------------------------------------------------------

_DATEY = st.sampled_from([
    "on", "Friday", "last", "next", "week", "30", "May", "2025", "May 30", "30/05/2025", "2025-05-30",
    "the 1990s", "yesterday", "in", "March", "of", "1812", "Q3", "spring", "two", "weeks", "ago",
    "12:58", "midnight", "Christmas", "Election Day", "until", "between", "and", "9999", "0000",
    "31 February", "29 February 2023", "\n", ",", ".", "-", "–", "’", "mid-", "early", "late",
])
DATE_TEXT = st.one_of(st.text(max_size=300), st.lists(_DATEY, max_size=150).map(" ".join))
DCTS = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(str),
                 st.sampled_from(["2025-05-30", "2025-05-30T12:58", "not a date", ""]))


@SETTINGS
@given(DATE_TEXT, DCTS)
def test_the_date_tagger_never_raises_and_its_spans_are_in_the_text(text, dct):
    from desktop.analysis.dates import tag_dates

    started = time.monotonic()
    try:
        timexes = tag_dates(text, dct)
    except ValueError:
        # A malformed publication date may be refused; the text never makes it raise.
        assert dct not in (None, "") and not _is_iso(dct)
        return
    assert time.monotonic() - started < BOUND
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start:timex.end] == timex.text


def _is_iso(value: str) -> bool:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def test_the_date_tagger_on_a_hundred_thousand_dates_is_linear_not_worse():
    from desktop.analysis.dates import tag_dates

    def seconds(count: int) -> float:
        text = "\n".join(f"On {d % 28 + 1} May 2025 the talks resumed." for d in range(count))
        started = time.monotonic()
        found = tag_dates(text, "2025-05-30")
        assert len(found) >= count
        return time.monotonic() - started

    small, large = seconds(2_000), seconds(20_000)
    assert large < max(small, 0.05) * 10 * 3  # ten times the text, at most ~30 times the time
