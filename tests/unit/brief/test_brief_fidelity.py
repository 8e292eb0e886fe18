"""Article text reaches the brief and its preview exactly as written."""

from __future__ import annotations

import markdown

from desktop.brief.markdown import md_escape
from desktop.brief.preview import brief_html


def visible_text(html: str) -> str:
    import html as html_module
    import re

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_entity_lookalikes_and_ampersands_show_as_written():
    sentence = "AT&T said x &lt; y and &#106;avascript is text; R&D & sales rose."
    rendered = markdown.markdown(md_escape(sentence))
    assert visible_text(rendered).strip() == sentence


def test_preview_shows_markup_in_article_text_as_text():
    sentence = "The memo read <b>urgent</b> & the *draft* [link](http://x.org)."
    html = brief_html(f"# Brief\n\n- {md_escape(sentence)}\n")
    assert "<b>" not in html and "<a " not in html and "<em>" not in html
    assert visible_text(html).count("<b>urgent</b> & the *draft* [link](http://x.org).") == 1
