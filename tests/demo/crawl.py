"""A breadth-first crawl of the links the site shows (issue 19, "every link leads somewhere").

`crawl(client, start)` follows same-site `<a href>` links from `start` with Django's test client
(no browser) and returns every link that answered 4xx/5xx as (page, link, status). URLs are
deduplicated by pattern (the URLconf route, or the depth of a CMS page, plus the names of the
query parameters) and at most `per_pattern` addresses of one pattern are opened, so a crawl
of a role costs a few dozen requests, not thousands.

Not followed: signing out, the language switch, /admin/ and /django-admin/ internals, exports and
downloads (`xuat.*`, `/xuat/`, `tai-ve`, PDFs), static and media files, the package content
origin, other sites, and anything only a form (POST) reaches."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

from django.core.signals import got_request_exception
from django.urls import Resolver404, resolve

SKIP_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/ngon-ngu/",
                 "/tai-khoan/dang-xuat/", "/jsi18n/", "/api/", "/xapi/", "/documents/",
                 "/progress/")
SKIP_PATTERNS = (re.compile(r"/xuat[./]"), re.compile(r"/tai-ve/"), re.compile(r"\.(pdf|csv|xlsx|"
                 r"json|xml|zip|h5p|png|jpe?g|svg|webp)$"))


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "area"):
            href = dict(attrs).get("href")
            if href and not href.startswith(("#", "mailto:", "tel:", "javascript:", "sms:")):
                self.hrefs.append(href)


def links_in(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    return parser.hrefs


def pattern_of(path: str, query: str) -> str:
    """The crawl's dedupe key: the URL pattern (CMS pages by depth), plus query parameter names."""
    try:
        match = resolve(path)
    except Resolver404:
        return "404:" + path
    if match.url_name == "wagtail_serve":
        key = f"cms:{path.count('/')}"
    else:
        key = f"{match.namespace}:{match.url_name}" if match.namespace else str(match.url_name)
    # Query strings (filters, sorting, paging) vary the same view: one key with any of them.
    names = {name for name, _ in parse_qsl(query, keep_blank_values=True)} - {"next"}
    return key + ("?…" if names else "")


@dataclass
class CrawlResult:
    broken: list[tuple[str, str, int, str]] = field(default_factory=list)
    visited: int = 0
    patterns: dict[str, int] = field(default_factory=dict)


def _followable(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None  # other sites and the package content origin
    path = parts.path or "/"
    if path.startswith(SKIP_PREFIXES) or any(p.search(path) for p in SKIP_PATTERNS):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def crawl(client, start: str | list[str], *, per_pattern: int = 2,
          max_requests: int = 400) -> CrawlResult:
    result = CrawlResult()
    errors: list[str] = []

    def remember(sender, request=None, **kwargs):
        import sys

        exc = sys.exc_info()[1]
        errors.append(f"{type(exc).__name__}: {exc}" if exc else "exception")

    got_request_exception.connect(remember, dispatch_uid="crawl-remember")
    queue: deque[tuple[str, str]] = deque(("(start)", s) for s in (
        [start] if isinstance(start, str) else start))
    seen: set[str] = set()
    try:
        while queue and result.visited < max_requests:
            source, url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            parts = urlsplit(url)
            key = pattern_of(parts.path, parts.query)
            if result.patterns.get(key, 0) >= per_pattern:
                continue
            result.patterns[key] = result.patterns.get(key, 0) + 1
            errors.clear()
            response = client.get(url)
            result.visited += 1
            status = response.status_code
            if status >= 400:
                result.broken.append((source, url, status, "; ".join(errors)))
                continue
            if status in (301, 302, 303, 307, 308):
                target = _followable(urljoin(url, response["Location"]))
                if target:
                    queue.append((f"{source} → {url} (redirect)", target))
                continue
            if "html" not in response.get("Content-Type", "") or response.streaming:
                continue
            for href in links_in(response.content.decode("utf-8", "replace")):
                target = _followable(urljoin(url, href))
                if target and target not in seen:
                    queue.append((url, target))
    finally:
        got_request_exception.disconnect(dispatch_uid="crawl-remember")
    return result


def report(label: str, result: CrawlResult) -> str:
    lines = [f"{label}: {len(result.broken)} broken link(s) of {result.visited} pages opened"]
    lines += [f"  {page} → {link} → {status}" + (f" ({error})" if error else "")
              for page, link, status, error in result.broken]
    return "\n".join(lines)
