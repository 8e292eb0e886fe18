"""``articles``, ``search``, ``show``, ``delete``, ``tag``: look at and tidy the library."""

from __future__ import annotations

import argparse
import sys

from desktop.cli.common import open_library, print_json
from desktop.wording import plural

ARTICLE_KEYS = ("id", "title", "url", "published", "outlet", "author", "language",
                "published_precision", "published_source", "clipped_at", "tags")


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    p = commands.add_parser("articles", parents=[parent], help="list the articles, newest first")
    p.add_argument("--json", action="store_true", help="a JSON array of objects")
    p.add_argument("--tag", metavar="T", help="only articles filed under this tag/story")
    p.add_argument("--sort", choices=["published", "clipped"], default="published")
    p.set_defaults(run=list_articles)

    p = commands.add_parser("search", parents=[parent], help="full-text search, best match first")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=20)
    p.set_defaults(run=search)

    p = commands.add_parser("show", parents=[parent], help="one article with its text")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=show)

    p = commands.add_parser("delete", parents=[parent], help="delete an article and its analysis")
    p.add_argument("id", type=int, metavar="ID")
    p.set_defaults(run=delete)

    p = commands.add_parser("tag", parents=[parent], help="file an article under a tag/story")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("tag", metavar="TAG")
    p.add_argument("--remove", action="store_true", help="take the tag off instead")
    p.set_defaults(run=tag)


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

