"""Inputs into ``Article`` records: text, Markdown, HTML, URLs, PDFs, folders, JSON Lines.

No storage, no analysis, no Qt. What the jobs and the window use:

- ``text.clip_text``, ``html.clip_html``, ``url.clip_url``, ``pdf.clip_pdf``,
  ``files.clip_file`` / ``files.walk_folder``, ``jsonl.read_jsonl``: an input as an
  ``article.Article`` (or a ``errors.ClipError`` with one clear line).
- ``jsonl.parse_published``: a publication date as the reporter typed it.

The package imports none of them: trafilatura and dateparser load with the module that
needs them.
"""

__all__ = ["article", "dateline", "encoding", "errors", "files", "furniture", "html", "jsonl",
           "limits", "page_dates", "pdf", "text", "url"]
