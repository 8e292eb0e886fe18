"""Clipping URLs, against a local HTTP server on 127.0.0.1 started by the test (never the web).

A normal page, 404, a server too slow to answer, one that drips a byte at a time, too large
(declared and streamed), a gzip bomb with ``Content-Encoding: gzip``, a bomb sent as plain
HTML, redirects (good, looping, to ftp: and file:), non-HTML content types, and a page whose
tracking pixel and scripts must not be fetched.
"""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from desktop.clipping.errors import ClipError
from desktop.clipping.limits import MAX_HTML_BYTES
from desktop.clipping.url import clip_url, fetch

ARTICLE = (
    "<html><head><title>Talks resume in Istanbul</title>"
    '<meta property="article:published_time" content="2025-05-30T12:58:00+03:00"></head>'
    "<body><article><h1>Talks resume in Istanbul</h1>"
    + "".join(f"<p>Delegations met again on Friday, round {i}, and officials said progress was "
              "slow but real, according to people familiar with the talks.</p>" for i in range(8))
    + "</article></body></html>"
).encode()


class Server:
    """A local web server whose pages are the cases above; ``requests`` lists every path asked."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                server.requests.append(self.path)
                route = getattr(server, "page_" + self.path.strip("/").split("?")[0].replace("-", "_"), None)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                try:
                    route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- pages ------------------------------------------------------------------------------

    @staticmethod
    def _send(handler, body: bytes, kind: str = "text/html; charset=utf-8", **headers: str) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    def page_article(self, h) -> None:
        self._send(h, ARTICLE)

    def page_slow(self, h) -> None:
        time.sleep(3)
        self._send(h, ARTICLE)

    def page_drip(self, h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(200):  # 20 s if nobody gives up
            h.wfile.write(b" ")
            h.wfile.flush()
            time.sleep(0.1)

    def page_declared_huge(self, h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(10 * 1024**3))
        h.end_headers()
        h.wfile.write(ARTICLE)

    def page_endless(self, h) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        chunk = b"<p>" + b"padding " * 8000 + b"</p>\n"
        for _ in range(MAX_HTML_BYTES // len(chunk) + 50):
            h.wfile.write(chunk)

    def page_gzip_bomb(self, h) -> None:
        self._send(h, BOMB, Content_Encoding="gzip")

    def page_bomb_as_html(self, h) -> None:
        self._send(h, BOMB)

    def page_redirect(self, h) -> None:
        h.send_response(302)
        h.send_header("Location", "/article")
        h.end_headers()

    def page_loop(self, h) -> None:
        h.send_response(302)
        h.send_header("Location", "/loop")
        h.end_headers()

    def page_to_ftp(self, h) -> None:
        h.send_response(302)
        h.send_header("Location", f"ftp://127.0.0.1:{self.httpd.server_address[1]}/article")
        h.end_headers()

    def page_to_file(self, h) -> None:
        h.send_response(302)
        h.send_header("Location", "file:///etc/passwd")
        h.end_headers()

    def page_pdf(self, h) -> None:
        self._send(h, b"%PDF-1.4 not really", "application/pdf")

    def page_image(self, h) -> None:
        self._send(h, b"\x89PNG\r\n\x1a\n", "image/png")

    def page_tracked(self, h) -> None:
        body = ARTICLE.replace(b"</article>", (
            f'<img src="{self.base}/pixel.gif" width="1" height="1">'
            f'<script src="{self.base}/tracker.js"></script>'
            f"<script>fetch('{self.base}/beacon')</script>"
            f'<link rel="stylesheet" href="{self.base}/style.css">'
            f'<iframe src="{self.base}/frame"></iframe></article>'
        ).encode())
        self._send(h, body)


#: 200 MB of zeros, gzipped to about 200 KB.
BOMB = gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    server = Server()
    yield server
    server.stop()


def test_a_normal_page_is_clipped_with_its_title_date_and_final_url(server):
    article = clip_url(server.url("/article"), timeout=5)
    assert article.title == "Talks resume in Istanbul"
    assert "round 7" in article.text and "<p>" not in article.text
    assert article.published == "2025-05-30"
    assert article.url == server.url("/article")
    assert article.original_type == "html"


def test_a_missing_page_says_404(server):
    with pytest.raises(ClipError, match="404"):
        clip_url(server.url("/nothing-here"), timeout=5)


def test_a_server_that_does_not_answer_in_time_is_given_up_on(server):
    started = time.monotonic()
    with pytest.raises(ClipError, match="did not answer within"):
        clip_url(server.url("/slow"), timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_a_server_that_drips_bytes_is_given_up_on_too(server):
    started = time.monotonic()
    with pytest.raises(ClipError, match="did not"):
        clip_url(server.url("/drip"), timeout=0.5)
    assert time.monotonic() - started < 5


def test_a_page_declared_too_large_is_refused_before_reading_it(server):
    with pytest.raises(ClipError, match="too large"):
        clip_url(server.url("/declared-huge"), timeout=5)


def test_a_page_that_never_ends_is_cut_off_at_the_cap(server):
    with pytest.raises(ClipError, match="too large"):
        fetch(server.url("/endless"), timeout=5, max_bytes=1024 * 1024)
    with pytest.raises(ClipError, match="too large"):
        clip_url(server.url("/endless"), timeout=10)


def test_a_gzip_bomb_is_refused_without_being_inflated(server):
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(ClipError, match="compressed"):
        clip_url(server.url("/gzip-bomb"), timeout=5)
    with pytest.raises(ClipError, match="binary"):
        clip_url(server.url("/bomb-as-html"), timeout=5)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100  # the 200 MB inside was never unpacked


def test_a_redirect_is_followed_and_the_final_url_kept(server):
    article = clip_url(server.url("/redirect"), timeout=5)
    assert article.url == server.url("/article")


def test_a_redirect_loop_ends_with_a_message(server):
    with pytest.raises(ClipError, match="redirect"):
        clip_url(server.url("/loop"), timeout=5)


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_a_redirect_away_from_the_web_is_refused(server, path):
    with pytest.raises(ClipError, match="(?i)redirect"):
        clip_url(server.url(path), timeout=5)


@pytest.mark.parametrize(("path", "kind"), [("/pdf", "application/pdf"), ("/image", "image/png")])
def test_what_is_not_a_web_page_is_refused_by_its_type(server, path, kind):
    with pytest.raises(ClipError, match=f"not a web page \\({kind}\\)"):
        clip_url(server.url(path), timeout=5)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)",
                                 "data:text/html,<p>x</p>"])
def test_only_http_and_https_urls_are_fetched(url):
    with pytest.raises(ClipError, match="not an http"):
        fetch(url)


def test_clipping_a_page_fetches_the_page_and_nothing_it_links_to(server):
    server.requests.clear()
    article = clip_url(server.url("/tracked"), timeout=5)
    assert "round 3" in article.text
    assert server.requests == ["/tracked"]  # no pixel, script, beacon, stylesheet or frame
    assert "fetch(" not in article.text


def test_url_import_through_the_command(cli, server, tmp_path):
    library = tmp_path / "library.db"
    status, out, _ = cli("--library", library, "import", "--no-analysis",
                         server.url("/article"), server.url("/nothing-here"), server.url("/pdf"))
    assert status == 1
    assert "stored" in out and "404" in out and "not a web page" in out
    assert "1 stored, 0 already in the library, 2 failed" in out
