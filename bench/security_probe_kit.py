"""What bench/security_probe.py's probes share: the HTTP client with its cookie jar and
source address, PASS/FAIL recording, fixture discovery through manage.py shell, and the hostile
H5P package builder."""

import http.cookiejar
import io
import json
import subprocess
import sys
import zipfile

import requests
from requests.adapters import HTTPAdapter

PASSWORD = "hocmo-demo-2025"  # noqa: S105 (the public demo password)
RESULTS: list[tuple[str, str, bool, str]] = []


class _LoopbackTLSPolicy(http.cookiejar.DefaultCookiePolicy):
    """Behind the (simulated) TLS proxy the browser would send Secure cookies."""

    def return_ok_secure(self, cookie, request):
        return True


class _SourceAddress(HTTPAdapter):
    def __init__(self, source: str, **kw):
        self._source = source
        super().__init__(**kw)

    def init_poolmanager(self, *args, **kw):
        kw["source_address"] = (self._source, 0)
        super().init_poolmanager(*args, **kw)


class Client:
    def __init__(self, site: str, source: str | None = None):
        self.site = site.rstrip("/")
        self.s = requests.Session()
        self.s.cookies.set_policy(_LoopbackTLSPolicy())
        self.s.headers["X-Forwarded-Proto"] = "https"
        self.s.headers["User-Agent"] = "hocmo-security-probe"
        if source:
            self.s.mount("http://", _SourceAddress(source))

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.site + path

    def _cookie_header(self) -> dict:
        # requests merges the jar into a new one with the default policy for each request, so
        # Secure cookies would not be sent over http://: send them ourselves.
        host = self.site.split("://", 1)[1].split(":")[0]
        pairs = [f"{c.name}={c.value}" for c in self.s.cookies if c.domain.lstrip(".") == host]
        return {"Cookie": "; ".join(pairs)} if pairs else {}

    def get(self, path, **kw):
        kw["headers"] = {**self._cookie_header(), **kw.get("headers", {})}
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 30)
        return self.s.get(self.url(path), **kw)

    def csrf(self) -> str:
        token = self.s.cookies.get("csrftoken")
        if not token:
            self.get("/tai-khoan/dang-nhap/")
            token = self.s.cookies.get("csrftoken", "")
        return token

    def post(self, path, *, data=None, json_body=None, raw=None, files=None, headers=None, **kw):
        h = {
            "X-CSRFToken": self.csrf(),
            "Origin": "https://" + self.site.split("://", 1)[1],
            "Referer": "https://" + self.site.split("://", 1)[1] + "/",
        }
        h.update(self._cookie_header())
        h.update(headers or {})
        if json_body is not None:
            raw = json.dumps(json_body)
        if raw is not None:
            h.setdefault("Content-Type", "application/json")
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 60)
        method = kw.pop("method", "POST")
        if data is not None:
            data = dict(data)
            data.setdefault("csrfmiddlewaretoken", h["X-CSRFToken"])
        return self.s.request(
            method,
            self.url(path),
            data=raw if raw is not None else data,
            files=files,
            headers=h,
            **kw,
        )

    def login(self, identifier: str, password: str = PASSWORD):
        self.get("/tai-khoan/dang-nhap/")
        return self.post("/tai-khoan/dang-nhap/",
                         data={"username": identifier, "password": password})


def signed_in(site, username) -> Client:
    c = Client(site)
    r = c.login(username)
    if r.status_code != 302 or "sessionid" not in c.s.cookies:
        raise SystemExit(f"cannot sign in as {username}: {r.status_code}")
    return c


def record(group: str, name: str, ok: bool, detail: str = "") -> None:
    RESULTS.append((group, name, ok, detail))
    print(f"{'PASS' if ok else 'FAIL'}  [{group}] {name}  {detail}", flush=True)


def probe(group: str, name: str):
    def wrap(fn):
        def run(*a):
            try:
                ok, detail = fn(*a)
            except Exception as exc:  # a probe that crashes is a failed probe
                ok, detail = False, f"{type(exc).__name__}: {exc}"[:200]
            record(group, name, ok, detail)

        return run

    return wrap


DISCOVER = r"""
import json
from django.contrib.auth import get_user_model
from courses.models import LessonPage, Enrolment
from courses.h5p.models import H5PPackage
from courses.certificates.models import Certificate
from lms.units.models import Role
U = get_user_model()
hs = U.objects.get(username="hocsinh")
role = Role.objects.filter(user=hs, unit__kind__is_class=True).select_related("unit").first()
h5p_lesson = next(p for p in LessonPage.objects.live().specific()
                  if any(b.block_type == "h5p" for b in p.body))
pkg = H5PPackage.objects.filter(contents__isnull=False).first()
enrolled = Enrolment.objects.filter(user=hs).values_list("course_id", flat=True)
plain = next(p for p in LessonPage.objects.live().specific()
             if p.get_parent().id in set(enrolled)
             and not any(b.block_type in ("h5p", "quiz") for b in p.body))
so = Role.objects.get(user__username="canbo.so").unit
in_so = Certificate.objects.filter(user__roles__kind="learner",
                                   user__roles__unit_path__startswith=so.path).distinct()
cert = in_so.filter(pdf__gt="").first() or in_so.first()
print(json.dumps({
  "hocsinh": hs.pk, "class_id": role.unit_id if role else None,
  "h5p_lesson_url": h5p_lesson.url, "h5p_lesson_course": h5p_lesson.get_parent().id,
  "sha": pkg.sha256 if pkg else None, "plain_lesson": plain.id, "plain_lesson_url": plain.url,
  "cert": cert.code if cert else None, "cert_user": cert.user_id if cert else None,
  "cert_owner": cert.user.username if cert else None,
}))
"""


def manage(*args: str) -> str:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        check=True,
        text=True,
        capture_output=True,
        timeout=300,
    ).stdout


def shell(code: str) -> str:
    return manage("shell", "-c", code).strip().splitlines()[-1]


def h5p_package(*, new_library: bool = True, deep: int = 0) -> bytes:
    buf = io.BytesIO()
    lib = {"machineName": "H5P.ProbeXss", "majorVersion": 1, "minorVersion": 0}
    manifest: dict = {
        "title": "probe",
        "language": "vi",
        "mainLibrary": "H5P.ProbeXss",
        "embedTypes": ["iframe"],
        "preloadedDependencies": [lib],
    }
    text = json.dumps(manifest)
    if deep:
        text = text[:-1] + ', "x": ' + "[" * deep + "]" * deep + "}"
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("h5p.json", text)
        z.writestr("content/content.json", "{}")
        if new_library:
            z.writestr(
                "H5P.ProbeXss-1.0/library.json",
                json.dumps(
                    {
                        **lib,
                        "title": "Probe",
                        "patchVersion": 0,
                        "runnable": 1,
                        "preloadedJs": [{"path": "probe.js"}],
                    }
                ),
            )
            z.writestr("H5P.ProbeXss-1.0/probe.js", "parent.postMessage(document.cookie,'*');")
    return buf.getvalue()


def has_private_no_store(r) -> bool:
    cc = r.headers.get("Cache-Control", "").lower()
    return "private" in cc and "no-store" in cc


def cookie_attrs(r, name: str) -> str:
    for value in r.raw.headers.getlist("Set-Cookie"):
        if value.startswith(name + "="):
            return value
    return ""
