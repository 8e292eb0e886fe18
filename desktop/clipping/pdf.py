"""PDF files with a text layer to an ``Article`` (pypdf). Scanned PDFs have no text: refused."""

from __future__ import annotations

import io
import logging

from desktop.clipping.article import Article
from desktop.clipping.errors import ClipError
from desktop.clipping.text import clip_text

logging.getLogger("pypdf").setLevel(logging.CRITICAL)
MAX_PDF_PAGES = 500


def clip_pdf(data: bytes, *, source_path: str | None = None, title: str | None = None,
             published: str | None = None, what: str = "PDF") -> Article:
    # lazy: pypdf loads only when a PDF is clipped
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ClipError(f"{what} is encrypted")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise ClipError(f"{what} has {len(pages)} pages; the limit is {MAX_PDF_PAGES}")
        text = "\n\n".join((page.extract_text() or "") for page in pages)
        meta_title = (reader.metadata.title if reader.metadata else None) or None
    except ClipError:
        raise
    except LimitReachedError as error:  # a small file that inflates past pypdf's 75 MB cap
        raise ClipError(f"{what} is too large once uncompressed (a part of it inflates past 75 MB)") from error
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError,
            IndexError, AssertionError, ZeroDivisionError) as error:
        raise ClipError(f"{what} could not be read ({type(error).__name__})") from error
    if not text.strip():
        raise ClipError(f"{what} has no text layer (a scan?)")
    article = clip_text(text, title=title or meta_title, published=published,
                        source_path=source_path, what=what)
    article.original_type = "pdf"
    return article
