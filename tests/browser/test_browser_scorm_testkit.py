"""The test kit's SCOs against the real scorm-again runtime (no HọcMở server): a minimal LMS
page served by Playwright's router holds `API` / `API_1484_11`, the SCO runs in an iframe
below it and finds the API by walking window.parent. Proves the packages behave as the
player's browser tests expect (resume, interactions, score, status, navigation requests)."""

import json
from pathlib import Path

import pytest

from courses.scorm.testkit import (
    CORRECT_ANSWERS,
    MULTI_SCO_ITEMS,
    package_files,
    scorm12_package,
    scorm2004_multi_sco_package,
    scorm2004_package,
)

DIST = Path(__file__).resolve().parents[2] / "node_modules" / "scorm-again" / "dist"
LMS_PAGE = """<!DOCTYPE html><html lang="vi"><head><title>LMS</title></head><body>
<script src="/vendor/{script}"></script>
<script>
window.{name} = new {cls}({{autocommit: false, logLevel: 5}});
if (window.SAVED) {{ window.{name}.loadFromJSON(window.SAVED, ""); }}
window.CALLS = [];
var setValue = window.{name}.{setter}.bind(window.{name});
window.{name}.{setter} = function (element, value) {{
  window.CALLS.push([element, value]);
  return setValue(element, value);
}};
</script>
<iframe id="sco" title="SCO" src="/pkg/{launch}" width="390" height="700"></iframe>
</body></html>"""
TYPES = {"html": "text/html", "css": "text/css", "js": "text/javascript"}


def _serve(context, package: bytes, *, version: str, launch: str) -> None:
    files = package_files(package)
    if version == "1.2":
        lms = LMS_PAGE.format(script="scorm12.min.js", name="API", cls="Scorm12API", setter="LMSSetValue",
                              launch=launch)
    else:
        lms = LMS_PAGE.format(script="scorm2004.min.js", name="API_1484_11",
                              cls="Scorm2004API", setter="SetValue", launch=launch)

    def handle(route):
        path = route.request.url.split("://kit.test/", 1)[1].split("?")[0]
        if path == "lms.html":
            return route.fulfill(body=lms, content_type="text/html")
        if path.startswith("vendor/"):
            return route.fulfill(body=(DIST / path[len("vendor/"):]).read_bytes(),
                                 content_type="text/javascript")
        name = path[len("pkg/"):]
        if path.startswith("pkg/") and name in files:
            return route.fulfill(body=files[name],
                                 content_type=TYPES.get(name.rsplit(".", 1)[-1], "text/plain"))
        return route.fulfill(status=404, body="not found")

    context.route("http://kit.test/**", handle)


def _open(context, *, saved: dict | None = None):
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if saved is not None:
        page.add_init_script(f"window.SAVED = {json.dumps(saved)};")
    page.goto("http://kit.test/lms.html")
    return page, page.frame_locator("#sco"), errors


def _answer_all(sco) -> None:
    for question, answer in CORRECT_ANSWERS.items():
        sco.locator(f"#{question}-{answer}").check()
    sco.locator("#btn-submit").click()


@pytest.fixture
def kit_context(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 800})
    context.set_default_timeout(10_000)
    yield context
    context.close()


def test_scorm12_sco_saves_location_resumes_and_passes(kit_context):
    _serve(kit_context, scorm12_package(), version="1.2", launch="res/index.html")
    page, sco, errors = _open(kit_context)
    assert sco.locator("#page-indicator").text_content() == "Trang 1/4"
    sco.locator("#btn-next").click()
    sco.locator("#btn-next").click()
    sco.locator("#btn-exit").click()
    cmi = json.loads(page.evaluate("JSON.stringify(window.API.cmi)"))
    assert cmi["core"]["lesson_location"] == "3"
    assert cmi["core"]["lesson_status"] == "incomplete"
    assert cmi["core"]["exit"] == "suspend"
    assert cmi["core"]["session_time"].count(":") == 2
    page.close()

    saved = {"core": {"lesson_location": cmi["core"]["lesson_location"], "entry": "resume",
                      "lesson_status": "incomplete"},
             "suspend_data": cmi["suspend_data"]}
    page, sco, errors = _open(kit_context, saved=saved)
    assert sco.locator("#page-indicator").text_content() == "Trang 3/4"
    assert "trang 3" in sco.locator("#resume-note").text_content()
    sco.locator("#btn-next").click()
    _answer_all(sco)
    assert "100 điểm" in sco.locator("#quiz-result").text_content()
    sco.locator("#btn-exit").click()
    cmi = json.loads(page.evaluate("JSON.stringify(window.API.cmi)"))
    assert cmi["core"]["lesson_status"] == "passed"
    assert cmi["core"]["score"] == {"raw": "100", "min": "0", "max": "100"}
    assert [cmi["interactions"][n]["result"] for n in ("0", "1")] == ["correct", "correct"]
    assert json.loads(cmi["suspend_data"])["answers"] == CORRECT_ANSWERS
    assert errors == []


def test_scorm2004_sco_sets_completion_success_and_scaled_score(kit_context):
    _serve(kit_context, scorm2004_package(), version="2004", launch="scormcontent/index.html")
    page, sco, errors = _open(kit_context)
    for _ in range(3):
        sco.locator("#btn-next").click()
    sco.locator("#cau-1-mat-khau-a").check()  # wrong
    sco.locator(f"#cau-2-tin-nhan-la-{CORRECT_ANSWERS['cau-2-tin-nhan-la']}").check()
    sco.locator("#btn-submit").click()
    assert "Chưa đạt" in sco.locator("#quiz-result").text_content()
    _answer_all(sco)
    sco.locator("#btn-exit").click()
    cmi = json.loads(page.evaluate("JSON.stringify(window.API_1484_11.cmi)"))
    assert cmi["completion_status"] == "completed"
    assert cmi["success_status"] == "passed"
    assert float(cmi["score"]["scaled"]) == 1.0
    assert cmi["location"] == "4"
    assert cmi["session_time"].startswith("PT")
    assert cmi["exit"] == "normal"
    results = [cmi["interactions"][str(n)]["result"] for n in range(4)]
    assert results == ["incorrect", "correct", "correct", "correct"]
    assert errors == []


def test_multi_sco_buttons_make_navigation_requests(kit_context):
    package = scorm2004_multi_sco_package()
    _serve(kit_context, package, version="2004", launch="sco3/index.html")
    page, sco, errors = _open(kit_context)
    sco.locator("#btn-sco-choice").click()
    calls = page.evaluate("window.CALLS")
    assert ["adl.nav.request", f"{{target={MULTI_SCO_ITEMS[0]}}}choice"] in calls
    assert ["cmi.exit", "suspend"] in calls  # left before answering
    page.close()
    page, sco, errors = _open(kit_context)
    sco.locator("#btn-sco-continue").click()
    assert ["adl.nav.request", "continue"] in page.evaluate("window.CALLS")
    assert errors == []
