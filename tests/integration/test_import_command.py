"""The ``import`` command end to end: every kind of input, the outcome lines, exit status."""

from __future__ import annotations

import json
from pathlib import Path

from db import Library
from tests.conftest import DATA, SAMPLE
from tests.pdf_maker import make_pdf

HTML_PAGES = DATA / "pages"


def articles(path: Path) -> list[dict]:
    with Library(path) as library:
        return library.articles()


def test_sample_imports_with_its_dateline_date(cli, tmp_path):
    lib = tmp_path / "lib.db"
    status, out, _ = cli("--library", lib, "import", "--no-analysis", SAMPLE)
    assert status == 0
    assert out.splitlines()[-1] == "1 stored, 0 already in the library, 0 failed"
    [article] = articles(lib)
    assert article["published"] == "2025-05-30T12:58"


def test_the_same_article_twice_is_reported_not_stored(cli, tmp_path):
    lib = tmp_path / "lib.db"
    cli("--library", lib, "import", "--no-analysis", SAMPLE)
    status, out, _ = cli("--library", lib, "import", "--no-analysis", SAMPLE)
    assert status == 0
    assert out.startswith("duplicate  #1")
    assert len(articles(lib)) == 1


def test_folder_import_is_recursive_and_reports_each_file(cli, tmp_path):
    folder = tmp_path / "clips"
    (folder / "inner").mkdir(parents=True)
    (folder / "a.txt").write_text("First story\n\nThe mayor spoke on Monday.")
    (folder / "inner" / "b.md").write_text("# Second story\n\nThe council met on Tuesday.")
    (folder / "inner" / "c.pdf").write_bytes(make_pdf(["Third story\nThe budget passed on Friday."]))
    (folder / "inner" / "notes.xyz").write_text("ignored: not a clippable kind")
    status, out, _ = cli("--library", tmp_path / "lib.db", "import", "--no-analysis", folder)
    assert status == 0
    assert sorted(a["title"] for a in articles(tmp_path / "lib.db")) == ["First story", "Second story", "Third story"]
    assert "3 stored" in out


def test_pdf_text_layer_is_read(cli, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(make_pdf(["Budget report\nPublished: 12.03.2024\nThe council approved the budget."]))
    status, _, _ = cli("--library", tmp_path / "lib.db", "import", "--no-analysis", pdf)
    assert status == 0
    [article] = articles(tmp_path / "lib.db")
    assert (article["title"], article["published"]) == ("Budget report", "2024-03-12")


def test_html_page_gets_text_title_site_and_date(cli, tmp_path):
    page = HTML_PAGES / "Express.co.uk-bubbly.html"
    status, out, _ = cli("--library", tmp_path / "lib.db", "import", "--no-analysis", page)
    assert status == 0, out
    [article] = articles(tmp_path / "lib.db")
    assert article["published"] == "2023-11-02"
    assert "Bubbly" in article["title"]
    with Library(tmp_path / "lib.db") as library:
        full = library.article(article["id"])
    assert "<" not in full["text"][:200] and len(full["text"]) > 500
    assert full["original"].lstrip().lower().startswith(("<!doctype", "<html"))


def test_jsonl_bulk_import_with_dates_titles_and_sources(cli, tmp_path):
    jsonl = tmp_path / "batch.jsonl"
    rows = [
        {"text": "Oil spill grows\nThe slick reached the coast on Monday.", "published": "2010-05-03",
         "source": "bbc"},
        {"text": "Rig explodes in the Gulf.", "title": "Rig explodes", "published": "2010-04-21T08:30:00",
         "url": "https://example.org/rig"},
    ]
    jsonl.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    status, out, _ = cli("--library", tmp_path / "lib.db", "import", "--no-analysis", "--jsonl", jsonl)
    assert status == 0, out
    stored = {a["title"]: a for a in articles(tmp_path / "lib.db")}
    assert stored["Oil spill grows"]["published"] == "2010-05-03"
    assert stored["Oil spill grows"]["outlet"] == "bbc"
    assert stored["Rig explodes"]["published"] == "2010-04-21T08:30"
    assert stored["Rig explodes"]["url"] == "https://example.org/rig"


def test_published_title_and_tag_flags_apply(cli, tmp_path):
    lib = tmp_path / "lib.db"
    status, _, _ = cli("--library", lib, "import", "--no-analysis", SAMPLE, "--published", "2025-05-31",
                       "--title", "Peace talks team", "--tag", "Istanbul talks")
    assert status == 0
    status, out, _ = cli("--library", lib, "articles", "--json", "--tag", "Istanbul talks")
    [row] = json.loads(out)
    assert (row["title"], row["published"], row["tags"]) == ("Peace talks team", "2025-05-31", ["Istanbul talks"])


def test_usage_errors_exit_2(cli, tmp_path):
    assert cli("--library", tmp_path / "lib.db", "import")[0] == 2
    status, _, err = cli("--library", tmp_path / "lib.db", "import", SAMPLE, "--published", "last Tuesday")
    assert status == 2 and "--published" in err
    assert cli("--library", tmp_path / "lib.db", "no-such-command")[0] == 2


def test_browse_commands_json_keys(cli, tmp_path):
    lib = tmp_path / "lib.db"
    cli("--library", lib, "import", "--no-analysis", SAMPLE)
    for command in (["articles", "--json"], ["search", "Medinsky", "--json"], ["show", "1", "--json"]):
        status, out, _ = cli("--library", lib, *command)
        assert status == 0
        [row] = json.loads(out)
        assert {"id", "title", "url", "published", "outlet"} <= set(row)
    assert "Zakharova" in json.loads(cli("--library", lib, "show", "1", "--json")[1])[0]["text"]
    status, out, _ = cli("--library", lib, "delete", "1")
    assert status == 0 and out.startswith("deleted #1")
    assert cli("--library", lib, "show", "1")[0] == 1
    assert json.loads(cli("--library", lib, "articles", "--json")[1]) == []
