"""People on GUM news: person precision/recall/F1, grouping quality, speed.

Usage: .venv/bin/python benchmarks/people_eval.py [GUM_DIR] [--conll OUT] [--repeat N]

GUM_DIR (default ../shared/corpora/gum-news) holds the 24 Wikinews articles in CoNLL-U with
entity annotation. A gold person mention counts when its syntactic head is a proper noun
(PROPN, not a plural group such as "Muslims"); its *name* is the head with its ``flat``
dependents ("Donald Trump" in "U.S. President Donald Trump's"). A predicted PERSON is correct
when it overlaps a gold name; a gold name is found when a PERSON overlaps it (the corpus
README's "match on the proper-name head"). The raw model is scored the same way.

Grouping uses the corpus's Wikipedia identity links as truth: every found gold name with an
identity is a mention; all 24 articles go into one in-memory library and the mentions'
library people are compared pairwise (P = pairs put together that are one person / pairs
put together; R = pairs of one person put together / pairs of one person).

Speed: words (whitespace-separated) per second of ``analyse_texts`` — NER plus Clipline's
passes — on one thread, the model already loaded; storage and linking are timed apart.
On a shared 2-core machine these figures are noisy.

``--conll OUT`` also writes the corpus in CoNLL-2003 format (names only, PER/ORG/LOC) for
``../shared/eval/conll_eval.py OUT -- .venv/bin/python -m desktop``.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from itertools import combinations  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEFAULT_GUM = REPO.parent / "shared" / "corpora" / "gum-news"

_ENTITY_PART = re.compile(r"\(([^()]+)(\)?)|(\d+)\)")
CONLL_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}


@dataclass
class Token:
    index: int  # 1-based within its sentence
    form: str
    upos: str
    xpos: str
    head: int
    deprel: str
    start: int = 0
    end: int = 0


@dataclass
class Mention:
    etype: str
    identity: str | None
    tokens: list[Token]


@dataclass
class Name:
    """A gold named mention: its name's character span, type and identity."""

    start: int
    end: int
    etype: str
    identity: str | None
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Document:
    doc_id: str
    text: str
    sentences: list[list[Token]]
    names: list[Name]
    all_names: list[Name] = field(default_factory=list)  # groups and bare titles too


def read_conllu(path: Path) -> Document:
    sentences: list[list[Token]] = []
    mentions: list[Mention] = []
    pieces: list[str] = []
    offset = 0
    sentence: list[Token] = []
    open_mentions: dict[str, list[Mention]] = {}
    new_paragraph = False
    space_after_prev = True

    def emit(text: str) -> None:
        nonlocal offset
        pieces.append(text)
        offset += len(text)

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.startswith("# newpar"):
            new_paragraph = True
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if sentence:
                sentences.append(sentence)
                sentence = []
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        if not sentence and pieces:
            emit("\n" if new_paragraph else " ")
        new_paragraph = False
        token = Token(int(cols[0]), cols[1], cols[3], cols[4], int(cols[6]), cols[7])
        if sentence and space_after_prev:
            emit(" ")
        token.start = offset
        emit(token.form)
        token.end = offset
        sentence.append(token)
        misc = cols[9]
        space_after_prev = "SpaceAfter=No" not in misc
        entity = next((p[7:] for p in misc.split("|") if p.startswith("Entity=")), "")
        for spec, closed, closer in _ENTITY_PART.findall(entity):
            if spec:
                fields = spec.split("-", 7)
                mention = Mention(fields[1], fields[7] if len(fields) > 7 else None, [])
                mentions.append(mention)
                mention.tokens.append(token)
                if not closed:
                    open_mentions.setdefault(fields[0], []).append(mention)
            else:
                stack = open_mentions.get(closer)
                if stack:
                    done = stack.pop()
                    if done.tokens[-1] is not token:
                        done.tokens.append(token)
        for stack in open_mentions.values():
            for mention in stack:
                if mention.tokens[-1] is not token:
                    mention.tokens.append(token)
    text = "".join(pieces)
    document = Document(path.stem, text, sentences, names_of(mentions, sentences))
    document.all_names = names_of(mentions, sentences, strict=False)
    return document


def names_of(
    mentions: list[Mention], sentences: list[list[Token]], *, strict: bool = True
) -> list[Name]:
    """Each named mention's name: the proper-noun head with its ``flat`` parts, or (for
    "Texas student Ahmed Mohamed") the last run of proper nouns not inside a nested mention.
    Plural heads (groups: "Muslims") and bare titles ("the President") are not names."""
    from desktop.analysis.entities.roles import ROLE_HEADS

    by_token = {id(t): s for s in sentences for t in s}
    names: dict[tuple[int, int], Name] = {}
    for mention in mentions:
        sentence = by_token[id(mention.tokens[0])]
        indexes = {t.index for t in mention.tokens}
        heads = [t for t in mention.tokens if t.head not in indexes]
        if not heads:
            continue
        head = heads[0]
        if head.xpos == "NNPS" and strict:
            continue
        if head.upos == "PROPN":
            members = {head.index}
            changed = True
            while changed:
                changed = False
                for t in mention.tokens:
                    if t.index not in members and t.head in members and t.deprel.startswith("flat"):
                        members.add(t.index)
                        changed = True
        else:
            nested = {
                id(t) for other in mentions if other is not mention
                and len(other.tokens) < len(mention.tokens)
                and set(map(id, other.tokens)) <= set(map(id, mention.tokens))
                for t in other.tokens
            }
            runs: list[list[Token]] = []
            for t in mention.tokens:
                if t.upos == "PROPN" and id(t) not in nested:
                    if runs and runs[-1][-1].index == t.index - 1:
                        runs[-1].append(t)
                    else:
                        runs.append([t])
            if not runs:
                continue
            members = {t.index for t in runs[-1]}
        low, high = min(members), max(members)
        span = [t for t in sentence if low <= t.index <= high]
        if strict and all(t.form.rstrip(".").casefold() in ROLE_HEADS for t in span):
            continue
        key = (span[0].start, span[-1].end)
        if key not in names or mention.etype == "person":
            names[key] = Name(key[0], key[1], mention.etype, mention.identity, span)
    return sorted(names.values(), key=lambda n: n.start)


def score(
    docs: list[Document], predicted: list[list[tuple[int, int]]], *, strict: bool = True
) -> dict[str, float]:
    n_pred = correct = n_gold = found = 0
    for doc, spans in zip(docs, predicted, strict=True):
        gold = [n for n in (doc.names if strict else doc.all_names) if n.etype == "person"]
        n_gold += len(gold)
        hit = set()
        for start, end in spans:
            matches = [i for i, g in enumerate(gold) if g.start < end and start < g.end]
            n_pred += 1
            if matches:
                correct += 1
                hit.update(matches)
        found += len(hit)
    p = correct / n_pred if n_pred else 0.0
    r = found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f, "pred": n_pred, "gold": n_gold}


def grouping(docs: list[Document], analyses: list) -> dict[str, float]:
    from db import Library
    from desktop.people import write_mentions

    library = Library(None, memory=True)
    pairs: list[tuple[str, int]] = []  # (gold identity, predicted person id)
    started = time.perf_counter()
    for number, (doc, analysis) in enumerate(zip(docs, analyses, strict=True)):
        record = {"text": doc.text, "original": doc.text, "sha256": f"gum-{number}"}
        result = library.add_article(
            record, write_with=lambda db, aid, a=analysis: write_mentions(db, aid, a.entities)
        )
        rows = library.db.execute(
            'SELECT start, "end", person_id, id FROM mentions WHERE article_id = ?'
            " AND label = 'PERSON'",
            [result.article_id],
        ).fetchall()
        for gold in doc.names:
            if gold.etype != "person" or not gold.identity:
                continue
            overlapping = [r for r in rows if r[0] < gold.end and gold.start < r[1]]
            if overlapping:
                person = overlapping[0][2]
                pairs.append((gold.identity, person if person is not None else -overlapping[0][3]))
    linking = time.perf_counter() - started
    together = same = both = 0
    for (g1, p1), (g2, p2) in combinations(pairs, 2):
        if p1 == p2:
            together += 1
            both += g1 == g2
        same += g1 == g2
    library.close()
    return {
        "p": both / together if together else 1.0,
        "r": both / same if same else 1.0,
        "mentions": len(pairs),
        "linking_s": linking,
    }


def write_conll(docs: list[Document], path: Path) -> None:
    lines: list[str] = []
    for doc in docs:
        lines += ["-DOCSTART- -X- -X- O", ""]
        tags: dict[int, str] = {}
        for name in doc.names:
            kind = CONLL_TYPES.get(name.etype)
            if kind is None or any(id(t) in tags for t in name.tokens):
                continue
            for i, t in enumerate(name.tokens):
                tags[id(t)] = ("B-" if i == 0 else "I-") + kind
        for sentence in doc.sentences:
            for t in sentence:
                lines.append(f"{t.form} {t.xpos} O {tags.get(id(t), 'O')}")
            lines.append("")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gum", nargs="?", type=Path, default=DEFAULT_GUM)
    parser.add_argument("--conll", type=Path, help="also write the corpus as CoNLL-2003")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus for speed")
    args = parser.parse_args(argv)

    docs = [read_conllu(p) for p in sorted(args.gum.glob("*.conllu"))]
    if args.conll:
        write_conll(docs, args.conll)
        print(f"wrote {args.conll}")
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)

    from desktop.analysis.entities import analyse_texts, load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline()
    load_s = time.perf_counter() - started
    raw = [[(e.start_char, e.end_char) for e in d.ents if e.label_ == "PERSON"]
           for d in nlp.pipe(texts)]
    best = best_cpu = float("inf")
    for _ in range(max(1, args.repeat)):
        started, started_cpu = time.perf_counter(), time.process_time()
        analyses = list(analyse_texts(texts))
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    ours = [[(e.start, e.end) for e in a.entities if e.label == "PERSON"] for a in analyses]

    base, mine = score(docs, raw), score(docs, ours)
    groups = grouping(docs, analyses)
    print(f"GUM news: {len(docs)} articles, {words} words, {mine['gold']} gold person names")
    print(f"{'':18}{'P':>7}{'R':>7}{'F1':>7}{'pred':>7}")
    for label, s in (("raw spaCy sm", base), ("Clipline", mine)):
        print(f"{label:18}{s['p']:7.3f}{s['r']:7.3f}{s['f1']:7.3f}{s['pred']:7d}")
    wide_base, wide = score(docs, raw, strict=False), score(docs, ours, strict=False)
    print(f"counting groups and bare titles as gold too ({wide['gold']} names): "
          f"raw F1 {wide_base['f1']:.3f}, Clipline F1 {wide['f1']:.3f}")
    print(f"grouping over {groups['mentions']} linked mentions: pairwise "
          f"P {groups['p']:.3f} R {groups['r']:.3f}")
    print(f"speed: {words / best:,.0f} words/s wall clock, {words / best_cpu:,.0f} words/s of "
          f"CPU time (NER + passes, best of {args.repeat}, one thread; model load {load_s:.1f}s; "
          f"storage+linking {groups['linking_s']:.2f}s; wall clock is noisy on a shared machine)")
    print(f"person_p={mine['p']:.3f} person_r={mine['r']:.3f} person_f1={mine['f1']:.3f} "
          f"group_p={groups['p']:.3f} group_r={groups['r']:.3f} words_per_s={words / best:.0f} "
          f"cpu_words_per_s={words / best_cpu:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
