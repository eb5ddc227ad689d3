"""A SCORM package's script runs on the content origin, never with the learner's session: a
probe SCO (the test kit's 1.2 package with one more script) tries to read the site's cookies
and the lesson page, to call site URLs with the session, and to reach the site's commit
endpoint; it must get none of it. (SCOs keep their origin — they must reach the API in the
player frame, courses/scorm/policy.py — so what protects the learner is the other origin.)"""

import io
import json
import re

import pytest
from playwright.sync_api import expect

from courses.scorm.testkit import package_files, package_with, scorm12_package

from .conftest import log_in

pytestmark = pytest.mark.browser

LESSON_SLUG = "su-dung-thiet-bi-an-toan"

PROBE_JS = """
(function () {
  var site = %(site)s;
  var commitUrl = %(commit)s;
  var report = {};
  function blocked(e) { return "blocked: " + (e && e.name) + " " + (e && e.message); }
  try { report.cookie = document.cookie; } catch (e) { report.cookie = blocked(e); }
  try { report.topCookie = window.top.document.cookie; } catch (e) { report.topCookie = blocked(e); }
  try { report.topBody = window.top.document.body.innerHTML.slice(0, 200); } catch (e) { report.topBody = blocked(e); }
  try { report.topUrl = window.top.location.href; } catch (e) { report.topUrl = blocked(e); }
  try { report.storage = JSON.stringify(window.localStorage); } catch (e) { report.storage = blocked(e); }
  function attempt(url, options) {
    return fetch(url, Object.assign({credentials: "include"}, options || {})).then(function (r) {
      return r.text().then(function (t) { return "status " + r.status + ": " + t.slice(0, 300); });
    }, blocked);
  }
  Promise.all([
    attempt(site + "/cua-toi/"), attempt(site + "/tai-khoan/bao-mat/"),
    attempt(site + "/xapi/statements"),
    attempt(site + commitUrl, {method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({attempt: 1, sco: "x", seq: 99, cmi: {}})}),
    attempt("/cua-toi/")
  ]).then(function (got) {
    report.fetchSite = got[0];
    report.fetchSecurity = got[1];
    report.fetchLrs = got[2];
    report.fetchCommit = got[3];
    report.fetchRelative = got[4];
    document.documentElement.setAttribute("data-probe", JSON.stringify(report));
  });
})();
"""


def _probe_package(script: str) -> bytes:
    package = scorm12_package(title="Thăm dò", identifier="PROBE")
    html = package_files(package)["res/index.html"].decode()
    html = html.replace("</head>", '  <script src="probe.js"></script>\n</head>')
    return package_with(package, **{"res/index.html": html.encode(),
                                    "res/probe.js": script.encode()})


def test_sco_script_gets_no_cookie_and_no_session(demo_server, page):
    from django.conf import settings
    from django.urls import reverse

    from courses.models import LessonPage
    from courses.scorm.models import ScormAttempt
    from courses.scorm.services import scorm_package_create

    base = demo_server.url
    lesson = LessonPage.objects.get(slug=LESSON_SLUG)
    # The package is stored before its commit URL is known: the probe names a guess first,
    # then the real URL (same package content otherwise).
    placeholder = scorm_package_create(fileobj=io.BytesIO(_probe_package("")), title="x")
    commit = reverse("scorm_runtime:commit", args=[lesson.pk, placeholder.pk + 1])
    script = PROBE_JS % {"site": json.dumps(base), "commit": json.dumps(commit)}
    package = scorm_package_create(fileobj=io.BytesIO(_probe_package(script)), title="Thăm dò")
    assert package.pk == placeholder.pk + 1
    lesson.body.append(("scorm", {"package": package, "instructions": ""}))
    lesson.save_revision().publish()

    log_in(page, base, "hocsinh")
    cookies = {c["name"]: c["value"] for c in page.context.cookies(base)}
    assert "sessionid" in cookies and "csrftoken" in cookies
    reached_site = []
    page.on("request", lambda r: reached_site.append(r.url)
            if r.url.startswith(base) and r.frame.parent_frame is not None else None)
    page.goto(f"{base}{lesson.url}")
    probe = (page.frame_locator(".scorm-activity iframe.scorm-frame")
             .frame_locator("#scorm-sco").locator("html"))
    expect(probe).to_have_attribute("data-probe", re.compile(".+"), timeout=30_000)
    report = json.loads(probe.get_attribute("data-probe"))

    everything = json.dumps(report)
    for secret in (cookies["sessionid"], cookies["csrftoken"], "hocsinh"):
        assert secret not in everything, report
    assert "sessionid" not in report["cookie"] and "csrftoken" not in report["cookie"], report
    for key in ("topCookie", "topBody", "topUrl"):
        assert report[key].startswith("blocked: SecurityError"), report
    # connect-src is the content origin only: nothing reaches the site.
    for key in ("fetchSite", "fetchSecurity", "fetchLrs", "fetchCommit"):
        assert report[key].startswith("blocked: TypeError"), report
    assert report["fetchRelative"].startswith(("blocked: TypeError", "status 404")), report
    assert not [url for url in reached_site if "/cua-toi/" in url or "/tai-khoan/" in url
                or "/xapi/" in url or "/scorm/commit/" in url], reached_site
    # The forged commit stored nothing beyond the SCO's own session (seq 99 never seen).
    attempts = ScormAttempt.objects.filter(lesson=lesson, package=package)
    assert all(a.last_seq < 99 for a in attempts)
    frame = page.locator(".scorm-activity iframe.scorm-frame")
    assert frame.get_attribute("data-src").startswith(
        settings.HOCMO_CONTENT_ORIGIN + "/scorm/play/")
