"""A URL to an ``Article``: fetched with a timeout and a size cap, then read as HTML.

Only http(s). The body is read in chunks and cut off at the cap; compressed responses are
not asked for, so a small download can't inflate into gigabytes.
"""

from __future__ import annotations

import http.client
import re
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import urlparse

from desktop import __version__
from desktop.clipping.article import Article
from desktop.clipping.errors import ClipError
from desktop.clipping.html import clip_html
from desktop.clipping.limits import MAX_HTML_BYTES, URL_TIMEOUT_SECONDS, human_size

USER_AGENT = f"Clipline/{__version__} (desktop article clipper)"


#: A download may take this many times the answer timeout in all.
DOWNLOAD_TIMEOUTS = 4


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only (urllib also follows ftp:)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        if urlparse(newurl).scheme.lower() not in ("http", "https"):
            raise ClipError(f"{req.full_url} redirects away from the web ({newurl.split(':', 1)[0]}:)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_WebOnlyRedirects)


def is_url(text: str) -> bool:
    """Starts with http(s)://: a URL the reporter meant, even one too broken to parse."""
    return re.match(r"\s*https?://", text, re.I) is not None


def fetch(url: str, *, timeout: float = URL_TIMEOUT_SECONDS, max_bytes: int = MAX_HTML_BYTES) -> tuple[bytes, str]:
    """The body and final URL of ``url``; ClipError with the reason when it can't be had."""
    if not is_url(url):
        raise ClipError(f"{url} is not an http(s) URL")
    try:
        if not urlparse(url.strip()).hostname:
            raise ValueError("no host")
        request = urllib.request.Request(
            url.strip(), headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml",
                                  "Accept-Encoding": "identity"}
        )
    except ValueError as error:
        raise ClipError(f"{url} is not a valid URL ({error})") from error
    # ``timeout`` bounds each wait for the server; the whole download gets a few times that,
    # so a server dripping a byte at a time can't hold the import forever.
    deadline = time.monotonic() + timeout * DOWNLOAD_TIMEOUTS
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            encoding = (response.headers.get("Content-Encoding") or "identity").lower()
            if encoding not in ("identity", ""):
                raise ClipError(f"{url} sent compressed content ({encoding}) that was not asked for")
            kind = response.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"):
                raise ClipError(f"{url} is not a web page ({kind})")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ClipError(f"{url} is too large ({human_size(int(declared))})")
            chunks: list[bytes] = []
            size = 0
            while chunk := response.read1(64 * 1024):
                if time.monotonic() > deadline:
                    raise ClipError(f"{url} did not finish sending within {timeout * DOWNLOAD_TIMEOUTS:.0f} s")
                size += len(chunk)
                if size > max_bytes:
                    raise ClipError(f"{url} is too large (over {human_size(max_bytes)})")
                chunks.append(chunk)
            return b"".join(chunks), response.geturl()
    except ClipError:
        raise
    except urllib.error.HTTPError as error:
        raise ClipError(f"{url} answered {error.code} {error.reason}") from error
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise ClipError(f"{url} did not answer within {timeout:.0f} s") from error
        raise ClipError(f"{url} is unreachable ({reason})") from error
    except TimeoutError as error:
        raise ClipError(f"{url} did not answer within {timeout:.0f} s") from error
    except http.client.HTTPException as error:
        # A broken status line, a header over 64 KB, over 100 headers, a broken chunk.
        raise ClipError(f"{url} sent a malformed answer ({_http_problem(error)})") from error
    except (OSError, ValueError) as error:
        raise ClipError(f"{url} is unreachable ({error})") from error


def _http_problem(error: http.client.HTTPException) -> str:
    if isinstance(error, http.client.IncompleteRead):
        return "the page was cut off"
    if isinstance(error, http.client.BadStatusLine):
        return "not an HTTP status line"
    text = str(error).split(":", 1)[0].strip()
    return text[:80] if text else type(error).__name__


def clip_url(url: str, *, title: str | None = None, published: str | None = None,
             timeout: float = URL_TIMEOUT_SECONDS) -> Article:
    body, final_url = fetch(url, timeout=timeout)
    return clip_html(body, url=final_url or url, title=title, published=published, what=url)
