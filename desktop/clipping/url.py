"""A URL to an ``Article``: fetched with a timeout and a size cap, then read as HTML.

Only http(s). The body is read in chunks and cut off at the cap; compressed responses are
not asked for, so a small download can't inflate into gigabytes.
"""

from __future__ import annotations

import http.client
import re
import socket
import threading
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


class _Deadline:
    """One deadline for a whole download: connecting, every header, the body, each redirect.

    http.client's timeout bounds each wait only, so a server sending one header line every
    few seconds kept an import busy for minutes. At the deadline every socket of the download
    is shut down, which ends whatever read is waiting.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def cancel(self) -> None:
        self._timer.cancel()


def _watched(base: type[http.client.HTTPConnection], deadline: _Deadline) -> type[http.client.HTTPConnection]:
    class Connection(base):  # type: ignore[valid-type, misc]
        def connect(self) -> None:
            super().connect()
            deadline.watch(self.sock)

    return Connection


class _DeadlineHTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):  # noqa: ANN001, ANN201
        return self.do_open(_watched(http.client.HTTPConnection, self.deadline), req)


class _DeadlineHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):  # noqa: ANN001, ANN201
        return self.do_open(_watched(http.client.HTTPSConnection, self.deadline), req,
                            context=self._context)


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_WebOnlyRedirects, _DeadlineHTTP(deadline), _DeadlineHTTPS(deadline))


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
    # ``timeout`` bounds each wait for the server; the whole download, headers included, gets
    # a few times that, so a server dripping a byte at a time can't hold the import forever.
    overall = timeout * DOWNLOAD_TIMEOUTS
    deadline = time.monotonic() + overall
    watchdog = _Deadline(overall)
    try:
        with _opener(watchdog).open(request, timeout=timeout) as response:
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
                    raise ClipError(f"{url} did not finish sending within {overall:.0f} s")
                size += len(chunk)
                if size > max_bytes:
                    raise ClipError(f"{url} is too large (over {human_size(max_bytes)})")
                chunks.append(chunk)
            if watchdog.expired:  # the shut socket read as the end of the page: it was not
                raise ClipError(f"{url} did not finish sending within {overall:.0f} s")
            return b"".join(chunks), response.geturl()
    except ClipError:
        raise
    except Exception as error:
        if watchdog.expired:
            raise ClipError(f"{url} did not finish sending within {overall:.0f} s") from error
        raise _clip_error(url, error, timeout) from error
    finally:
        watchdog.cancel()


def _clip_error(url: str, error: Exception, timeout: float) -> Exception:
    """``error`` from urllib or http.client as the ClipError the reporter reads."""
    if isinstance(error, urllib.error.HTTPError):
        return ClipError(f"{url} answered {error.code} {error.reason}")
    if isinstance(error, urllib.error.URLError):
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return ClipError(f"{url} did not answer within {timeout:.0f} s")
        return ClipError(f"{url} is unreachable ({reason})")
    if isinstance(error, TimeoutError):
        return ClipError(f"{url} did not answer within {timeout:.0f} s")
    if isinstance(error, http.client.HTTPException):
        # A broken status line, a header over 64 KB, over 100 headers, a broken chunk.
        return ClipError(f"{url} sent a malformed answer ({_http_problem(error)})")
    if isinstance(error, (OSError, ValueError)):
        return ClipError(f"{url} is unreachable ({error})")
    return error


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
