"""`python -m desktop tag-dates`: the JSON Lines contract the acceptance checks use."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO


def run(lines: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "tag-dates"], input="".join(lines), cwd=REPO,
        capture_output=True, text=True, timeout=120,
    )


def test_one_output_line_per_document_with_offsets_into_the_text():
    docs = [
        {"id": f"d{i}", "dct": "2025-05-30", "text": f"Story {i}: the talks ended on Thursday."}
        for i in range(300)
    ]
    proc = run([json.dumps(d) + "\n" for d in docs])
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == [d["id"] for d in docs]
    for doc, record in zip(docs, out, strict=True):
        [timex] = record["timexes"]
        assert doc["text"][timex["start"] : timex["end"]] == "Thursday"
        assert (timex["type"], timex["value"]) == ("DATE", "2025-05-29")


def test_a_bad_line_is_reported_on_stderr_and_the_rest_still_tagged():
    proc = run(["not json\n", json.dumps({"id": 7, "dct": None, "text": "in 1998"}) + "\n"])
    assert proc.returncode == 1
    assert "line 1" in proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert out[0]["timexes"] == [] and "error" in out[0]
    assert out[1]["id"] == 7
    assert [(t["text"], t["value"]) for t in out[1]["timexes"]] == [("1998", "1998")]
