"""Issue 16 defect 1: a package's script runs, but on the content origin in a sandboxed frame
without allow-same-origin. A probe content type (installed, as the worst case) tries to read
the site's cookies and page and to call site URLs with the learner's session, and reports what
it got; it must get none of it. The lesson page takes statements only from its own frame."""

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import log_in

pytestmark = pytest.mark.browser

LESSON_SLUG = "su-dung-thiet-bi-an-toan"

PROBE_JS = """
(function () {
  var site = %(site)s;
  var report = {};
  function blocked(e) { return "blocked: " + (e && e.name) + " " + (e && e.message); }
  try { report.cookie = document.cookie; } catch (e) { report.cookie = blocked(e); }
  try { report.parentCookie = window.parent.document.cookie; } catch (e) { report.parentCookie = blocked(e); }
  try { report.parentBody = window.parent.document.body.innerHTML.slice(0, 200); } catch (e) { report.parentBody = blocked(e); }
  try { report.topUrl = window.top.location.href; } catch (e) { report.topUrl = blocked(e); }
  function attempt(url) {
    return fetch(url, {credentials: "include"}).then(function (r) {
      return r.text().then(function (t) { return "status " + r.status + ": " + t.slice(0, 300); });
    }, blocked);
  }
  Promise.all([attempt("/cua-toi/"), attempt(site + "/cua-toi/"), attempt(site + "/tai-khoan/bao-mat/"),
               attempt(site + "/xapi/statements")]).then(function (got) {
    report.fetchRelative = got[0];
    report.fetchSite = got[1];
    report.fetchSecurity = got[2];
    report.fetchLrs = got[3];
    // A forged statement about another lesson: the lesson page must drop it.
    window.parent.postMessage({hocmo: "h5p", type: "xapi", statement: {
      actor: {mbox: "mailto:admin@example.vn"},
      verb: {id: "http://adlnet.gov/expapi/verbs/completed"},
      object: {id: site + "/xapi/activities/lessons/1/h5p/1"}}}, "*");
    document.documentElement.setAttribute("data-probe", JSON.stringify(report));
  });
  window.H5P = window.H5P || {};
  H5P.ProbeXss = function () { this.attach = function ($c) { $c.html("<p>probe</p>"); }; };
})();
"""


def test_package_script_gets_no_cookie_and_no_session(demo_server, page):
    from courses.h5p.models import H5PContent
    from courses.h5p.services import h5p_package_store
    from courses.models import LessonPage
    from lms.accounts.models import User
    from lms.xapi.models import Statement
    from tests.h5p.packages import probe_package

    base = demo_server.url
    script = PROBE_JS % {"site": json.dumps(base)}
    package = h5p_package_store(probe_package(script=script.encode()), install_libraries=True)
    content = H5PContent.objects.create(title="Thăm dò", package=package)
    lesson = LessonPage.objects.get(slug=LESSON_SLUG)
    lesson.body.append(("h5p", {"content": content, "pass_mark": 0, "instructions": ""}))
    lesson.save_revision().publish()

    log_in(page, base, "hocsinh")
    cookies = {c["name"]: c["value"] for c in page.context.cookies(base)}
    assert "sessionid" in cookies and "csrftoken" in cookies
    reached_site = []
    page.on("response", lambda r: reached_site.append(r.url)
            if r.url.startswith(base) and r.frame.parent_frame is not None else None)
    page.goto(f"{base}{lesson.url}")
    frame = page.frame_locator(".h5p-activity iframe.h5p-frame")
    probe = frame.locator("html")
    expect(probe).to_have_attribute("data-probe", re.compile(".+"), timeout=30_000)
    report = json.loads(probe.get_attribute("data-probe"))

    everything = json.dumps(report)
    for secret in (cookies["sessionid"], cookies["csrftoken"], "hocsinh"):
        assert secret not in everything, report
    assert report["cookie"].startswith("blocked: SecurityError"), report
    for key in ("parentCookie", "parentBody", "topUrl"):
        assert report[key].startswith("blocked: SecurityError"), report
    # The site is out of reach (connect-src), and the content origin has no page of the site.
    for key in ("fetchSite", "fetchSecurity", "fetchLrs"):
        assert report[key].startswith("blocked: TypeError"), report
    # The content origin has no page of the site, and its answers are never credentialed.
    assert report["fetchRelative"].startswith(("blocked: TypeError", "status 404")), report
    # None of the frame's requests reached the site.
    assert not [url for url in reached_site if "/cua-toi/" in url or "/tai-khoan/" in url
                or "/xapi/" in url], reached_site

    page.wait_for_timeout(1500)  # time for the forged statement to reach the LRS, were it sent
    learner = User.objects.get(username="hocsinh")
    assert not Statement.objects.filter(user=learner).exists()
    # The frame is sandboxed without allow-same-origin, on the content origin.
    iframe = page.locator(".h5p-activity iframe.h5p-frame")
    assert iframe.get_attribute("sandbox") == "allow-scripts"
    from django.conf import settings

    assert iframe.get_attribute("src").startswith(settings.HOCMO_CONTENT_ORIGIN + "/h5p/play/")
