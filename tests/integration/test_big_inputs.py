"""Big inputs are refused before they cost gigabytes, and heavy pages with a normal article
still import (generated here: nothing this size is kept in tests/data)."""

from __future__ import annotations

import random

import trafilatura

from db import Library

WORDS = "minister met officials in Geneva talks resumed on Monday after delays".split()


def paragraphs(count: int) -> str:
    rng = random.Random(5)
    return "".join(f"<p>{' '.join(rng.choice(WORDS) for _ in range(30))}.</p>\n" for _ in range(count))


def test_a_page_with_more_text_than_any_article_is_refused_before_it_is_parsed(cli, tmp_path, monkeypatch):
    page = tmp_path / "endless.html"
    page.write_text(f"<html><body><article>{paragraphs(16_000)}</article></body></html>")  # ~2.6 M characters

    def parse(*args, **kwargs):
        raise AssertionError("the page was parsed")

    monkeypatch.setattr(trafilatura, "bare_extraction", parse)
    status, out, _ = cli("--library", tmp_path / "library.db", "import", "--no-analysis", page)
    assert status == 1
    assert "endless.html is too long" in out and "the limit is 2,000,000" in out
    with Library(tmp_path / "library.db") as library:
        assert library.article_count() == 0


def test_a_heavy_page_whose_article_is_short_still_imports(cli, tmp_path):
    page = tmp_path / "heavy.html"
    script = "<script>var data = [" + ",".join(["1234567"] * 400_000) + "];</script>"  # 3.2 MB
    page.write_text(f"<html><head><title>Talks resume</title>{script}</head><body><article>"
                    f"{paragraphs(12)}</article><!-- {'x' * 100_000} --></body></html>")
    status, out, _ = cli("--library", tmp_path / "library.db", "import", "--no-analysis", page)
    assert status == 0, out
    with Library(tmp_path / "library.db") as library:
        (article,) = library.articles()
        assert "Geneva" in library.article(article["id"])["text"] or "talks" in library.article(article["id"])["text"]


def test_a_text_of_fifty_thousand_short_lines_is_refused_before_analysis_with_a_clear_line(cli, tmp_path):
    rng = random.Random(6)
    text = tmp_path / "list.txt"
    text.write_text("A very long list\n\n" + "".join(
        f"{i}. {' '.join(rng.choice(WORDS) for _ in range(2))} on {rng.randint(1, 28)} May 2025\n"
        for i in range(50_000)))
    status, out, _ = cli("--library", tmp_path / "library.db", "import", text)
    assert status == 1
    (line,) = [x for x in out.splitlines() if x.startswith(("stored", "error"))]
    assert "list.txt: could not be analysed" in line and "more than the 500,000" in line
    assert "nothing was stored" in line
    with Library(tmp_path / "library.db") as library:
        assert library.article_count() == 0
    # Stored without analysis, on request, it is kept whole.
    status, out, _ = cli("--library", tmp_path / "library.db", "import", "--no-analysis", text)
    assert status == 0, out
