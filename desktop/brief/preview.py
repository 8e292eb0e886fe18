"""The brief as HTML, for the preview pane and for sending: Markdown rendered with tables and
footnotes. Raw HTML is never passed through: anything that looks like a tag in the brief
(it can only come from article text) shows as text."""

from __future__ import annotations

import html

import markdown

_STYLE = """
body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; line-height: 1.5; color: #1a1a1a; }
h1 { font-size: 1.6em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05em; margin-bottom: .3em; }
table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .2em .5em; }
.footnote { font-size: .9em; color: #444; }
"""


def _renderer() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["tables", "footnotes"], output_format="html")
    # No raw HTML, block or inline: it would come from article text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def brief_body(markdown_text: str) -> str:
    """The brief's HTML fragment (no <html> wrapper)."""
    return _renderer().convert(markdown_text)


def brief_html(markdown_text: str, *, title: str | None = None) -> str:
    """A standalone HTML page of the brief."""
    heading = title or next(
        (line[2:].strip() for line in markdown_text.splitlines() if line.startswith("# ")), "Brief"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(heading.replace(chr(92), ''))}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{brief_body(markdown_text)}\n</body>\n</html>\n"
    )
