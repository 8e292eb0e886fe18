"""``reanalyse``: every article rewritten; one the analysis can't take keeps what it had."""

from __future__ import annotations

from desktop.actions.analysing import AnalysisInput, ArticleAnalysis
from desktop.actions.reanalysing import reanalyse_library
from tests.conftest import article_record


class FussyAnalyser:
    """Stands in for the NLP (no model needed): refuses any text containing 'poison'."""

    def analyse_inputs(self, inputs: list[AnalysisInput]) -> list[ArticleAnalysis]:
        if any("poison" in i.text for i in inputs):
            raise ValueError("cannot take this text")
        return [ArticleAnalysis(dct=i.dct) for i in inputs]


def test_one_bad_article_does_not_stop_the_others(memory_library):
    ids = []
    for text in ["Talks on Monday.", "A poison pill clause.", "Vote on Friday."]:
        ids.append(memory_library.add_article(article_record(text)).article_id)
    memory_library.db["timexes"].insert({"article_id": ids[1], "start": 0, "end": 1, "text": "A",
                                          "type": "DATE", "value": "2025"})
    failures: list[int] = []
    done = reanalyse_library(memory_library, analyser=FussyAnalyser(), batch_size=8,
                             failed=lambda article_id, reason: failures.append(article_id))
    assert done == 2 and failures == [ids[1]]
    # the refused article keeps its previous analysis
    assert memory_library.db.execute("SELECT article_id FROM timexes").fetchall() == [(ids[1],)]


def test_reanalyse_command_reports_and_exits_0(cli, tmp_path):
    from tests.conftest import SAMPLE

    lib = tmp_path / "lib.db"
    assert cli("--library", lib, "import", "--no-analysis", SAMPLE)[0] == 0
    status, out, _ = cli("--library", lib, "reanalyse")
    assert status == 0 and out.strip().endswith("1 article re-analysed, 0 failed")
    status, out, _ = cli("--library", lib, "timeline", "--json")
    assert '"2025-05-29"' in out
