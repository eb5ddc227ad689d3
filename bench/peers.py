"""The peers of ../shared/peers (wagtail-lms, Kolibri), loaded in the same run as HọcMở's pages
with the same wrk parameters, so the ratios hold on a shared, noisy machine.

Each peer is set up once with its own `setup.sh` (outside this repository, in /tmp) and started
with its `serve.sh`; this module only reads its URLs and signs in as its learner / coach. A peer
that is not set up is skipped (the table says so). Peers are found in $HOCMO_PEERS_DIR, or the
`shared/peers` folder next to the checkout's parent."""

# ruff: noqa: S603, S607, S108 - fixed argv of the peers' own scripts; their fixed /tmp homes

from __future__ import annotations

import json
import os
import subprocess
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from serving import ROOT, BenchError, Browser, Page, csrf_from, log, rss_of_children

T_SCRIPT = 180


def clean_env(extra: dict | None = None) -> dict:
    """The environment without HọcMở's settings (DJANGO_SETTINGS_MODULE, DATABASE_URL …), which
    the bench has exported for itself: a peer reads its own."""
    own = ("DJANGO_", "DATABASE_URL", "HOCMO_", "CELERY_")
    return {**{k: v for k, v in os.environ.items() if not k.startswith(own)}, **(extra or {})}


def peers_dir() -> Path | None:
    candidates = [os.environ.get("HOCMO_PEERS_DIR", ""), ROOT.parent / "shared" / "peers",
                  Path("/work/shared/peers")]
    return next((Path(c) for c in candidates if c and (Path(c) / "README.md").exists()), None)


@dataclass
class Peer:
    name: str
    folder: Path
    pages: list[Page] = field(default_factory=list)
    started: bool = False
    pid_file: Path | None = None
    note: str = ""
    base: str = ""

    def script(self, name: str, *, stdin: str | None = None, env: dict | None = None) -> str:
        proc = subprocess.run(["bash", str(self.folder / name)], capture_output=True, text=True,
                              timeout=T_SCRIPT, input=stdin, env=clean_env(env))
        if proc.returncode != 0:
            raise BenchError(f"{self.name} {name} failed:\n{proc.stdout[-1500:]}"
                             f"\n{proc.stderr[-1500:]}")
        return proc.stdout

    def _running(self) -> bool:
        """A live server from its pid file (a failed start leaves a stale one behind)."""
        try:
            os.kill(int(self.pid_file.read_text().strip()), 0)  # type: ignore[union-attr]
        except (AttributeError, OSError, ValueError):
            return False
        return True

    def serve(self) -> None:
        running = self._running()
        out = self.script("serve.sh")
        self.started = not running and "already running" not in out
        log(f"{self.name}: {out.strip().splitlines()[-1]}")

    def stop(self) -> None:
        if self.started:
            log(f"{self.name}: {self.script('stop.sh').strip()}")
            self.started = False

    def worker_rss_mib(self) -> list[float]:
        if self.pid_file is None or not self.pid_file.exists():
            return []
        return rss_of_children(int(self.pid_file.read_text().strip()))


WAGTAIL_LMS_SQL = """
import os
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail_lms.models import CoursePage, H5PLessonPage
course = CoursePage.objects.get(slug="khoi-nghiep-cho-hoc-sinh")
lesson = H5PLessonPage.objects.child_of(course).live().order_by("path").first()
anon, learner = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
learner.force_login(get_user_model().objects.get(username=os.environ["LEARNER"]))
for name, client, url in [("course", anon, course.url), ("lesson", learner, lesson.url)]:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    print("PEERPAGE", name, url, status, len(queries))
"""


def wagtail_lms(folder: Path) -> Peer:
    """Course page (anonymous) and the enrolled learner's first lesson (session cookie from a
    real sign-in), as the peer's measure.sh loads them."""
    p = Path("/tmp/peer-wagtail-lms")
    peer = Peer("wagtail-lms", folder, pid_file=p / "gunicorn.pid")
    if not (p / "venv" / "bin" / "python").exists() or not (p / "site" / "manage.py").exists():
        peer.note = f"not set up: bash {folder}/setup.sh"
        return peer
    peer.serve()
    try:
        _wagtail_lms_pages(peer, p)
    except (BenchError, OSError, subprocess.TimeoutExpired):
        peer.stop()
        raise
    return peer


def _wagtail_lms_pages(peer: Peer, p: Path) -> None:
    base = "http://127.0.0.1:8101"
    env = {"LEARNER": "hocvien"}
    proc = subprocess.run([str(p / "venv" / "bin" / "python"), "manage.py", "shell", "-v0"],
                          cwd=p / "site", input=WAGTAIL_LMS_SQL, capture_output=True, text=True,
                          timeout=T_SCRIPT, env=clean_env(env))
    rows = [line.split()[1:] for line in proc.stdout.splitlines()
            if line.startswith("PEERPAGE ")]
    if len(rows) != 2:
        raise BenchError(f"wagtail-lms SQL count failed:\n{proc.stdout}\n{proc.stderr[-1500:]}")
    b = Browser(base, behind_proxy=False)
    _, _, _, html = b.request("/accounts/login/")
    b.request("/accounts/login/", {"csrfmiddlewaretoken": csrf_from(html), "username": "hocvien",
                                   "password": "hocvien-bench-2026"},
              headers={"Referer": base + "/accounts/login/"})
    if not b.cookie("sessionid"):
        raise BenchError("wagtail-lms: learner sign-in failed")
    cookie = f"sessionid={b.cookie('sessionid')}; csrftoken={b.cookie('csrftoken')}"
    for (name, url, _status, queries), label in zip(rows, ("course page (anonymous)",
                                                           "lesson (learner)"), strict=True):
        page = Page(f"peer_{name}", f"wagtail-lms {label}", url,
                    cookie=cookie if name == "lesson" else "")
        page.queries = int(queries)
        page.base = base
        peer.pages.append(page)
    peer.base = base


def kolibri(folder: Path) -> Peer:
    """The coach's class summary API of the seeded class of 40 learners (Kolibri's class
    report, what HọcMở's class grid answers)."""
    p = Path("/tmp/peer-kolibri")
    peer = Peer("Kolibri", folder, pid_file=p / "server.pid")
    ids_file = p / "ids.env"
    if not (p / "bin" / "kolibri").exists() or not ids_file.exists():
        peer.note = f"not set up: bash {folder}/setup.sh"
        return peer
    ids = dict(line.split("=", 1) for line in ids_file.read_text().split() if "=" in line)
    peer.serve()
    try:
        _kolibri_pages(peer, ids)
    except (BenchError, OSError, ValueError, KeyError):
        peer.stop()
        raise
    return peer


def _kolibri_pages(peer: Peer, ids: dict) -> None:
    base = "http://127.0.0.1:8102"
    with urllib.request.urlopen(f"{base}/api/public/v1/facility/", timeout=15) as r:  # noqa: S310
        facility = json.load(r)[0]["id"]
    b = Browser(base, behind_proxy=False)
    body = json.dumps({"username": "coach", "password": "coachpass123", "facility": facility})
    req = urllib.request.Request(f"{base}/api/auth/session/", data=body.encode(),
                                 headers={"Content-Type": "application/json"})
    b.opener.open(req, timeout=30).read()
    session, csrf = b.cookie("kolibri"), b.cookie("kolibri_csrftoken")
    if not session:
        raise BenchError("Kolibri: coach sign-in failed")
    page = Page("peer_classsummary", "Kolibri class summary API",
                f"/coach/api/classsummary/{ids['CLASS_ID']}/",
                cookie=f"kolibri={session}; kolibri_csrftoken={csrf}")
    page.extra_headers = {"X-CSRFToken": csrf or ""}
    page.base = base
    peer.pages.append(page)
    peer.base = base
