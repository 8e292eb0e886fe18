"""``articles``, ``search``, ``show``, ``delete``, ``tag``: look at and tidy the library."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import open_library, print_json
from desktop.wording import plural

ARTICLE_KEYS = ("id", "title", "url", "published", "outlet", "author", "language",
                "published_precision", "published_source", "clipped_at", "tags")




def _row(article: dict) -> dict:
    return {key: article.get(key) for key in ARTICLE_KEYS if key in article}


def list_articles(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        articles = library.articles(order_by=args.sort, tag=args.tag)
        if args.json:
            tags = library.tags_by_article()
            for article in articles:
                article["tags"] = tags.get(article["id"], [])
            print_json([_row(a) for a in articles])
            return 0
        for a in articles:
            published = (a["published"] or "")[:16] or "no date"
            outlet = f" — {a['outlet']}" if a["outlet"] else ""
            print(f"#{a['id']:<5} {published:<16}  {a['title']}{outlet}")
        print(plural(len(articles), "article"))
    return 0


def search(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        results = library.search(args.query, limit=args.limit)
    if args.json:
        print_json(results)
        return 0
    for r in results:
        print(f"#{r['id']:<5} {(r['published'] or '')[:10]:<10}  {r['title']}")
        print(f"       {r['snippet']}")
    print(plural(len(results), "result"))
    return 0


def show(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        article = library.article(args.id)
    if article is None:
        print(f"error: no article #{args.id}", file=sys.stderr)
        return 1
    if args.json:
        row = _row(article) | {"text": article["text"], "sha256": article["sha256"],
                               "source_path": article["source_path"], "notes": article["notes"]}
        print_json([row])
        return 0
    print(article["title"])
    details = [article["outlet"], (article["published"] or "no publication date"), article["url"]]
    print(" · ".join(d for d in details if d))
    if article["tags"]:
        print("tags: " + ", ".join(article["tags"]))
    print()
    print(article["text"])
    return 0


def delete(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        deleted = library.delete_article(args.id)
    if deleted is None:
        print(f"error: no article #{args.id}", file=sys.stderr)
        return 1
    print(f"deleted #{args.id}  {deleted.article['title']}")
    return 0


def tag(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        if library.article(args.id) is None:
            print(f"error: no article #{args.id}", file=sys.stderr)
            return 1
        if args.remove:
            library.untag_article(args.id, args.tag)
        else:
            library.tag_article(args.id, args.tag)
    print(f"#{args.id} {'untagged' if args.remove else 'tagged'} {args.tag!r}")
    return 0

