"""Package files and the player frame answer only on the content origin, with SCORM's policy;
the site serves no package file; the lesson page embeds the player from the content origin."""

import html
import io
import re

import pytest

from courses.scorm.services import scorm_package_create

from .factories import enrolled_learner, scorm_lesson
from .packages import SCO_HTML, scorm12_zip

pytestmark = pytest.mark.django_db
CONTENT = {"HTTP_HOST": "noidung.testserver"}


@pytest.fixture
def package():
    return scorm_package_create(fileobj=io.BytesIO(scorm12_zip()), title="Bài giảng")


def test_package_files_on_the_content_origin_only(client, package):
    url = f"/scorm/p/{package.sha256}/index.html"
    response = client.get(url, **CONTENT)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode() == SCO_HTML
    assert response["Content-Type"].startswith("text/html")
    policy = response["Content-Security-Policy"]
    assert "sandbox allow-scripts allow-same-origin allow-forms" in policy
    assert "script-src http://noidung.testserver 'unsafe-inline' 'unsafe-eval'" in policy
    assert "connect-src http://noidung.testserver " in policy
    assert "frame-ancestors http://noidung.testserver http://testserver" in policy
    assert "immutable" in response["Cache-Control"]
    assert "Set-Cookie" not in response
    css = client.get(f"/scorm/p/{package.sha256}/style.css", **CONTENT)
    assert css["Content-Type"] == "text/css; charset=utf-8"
    # The site itself never serves package files (nor the player frame).
    assert client.get(url).status_code == 404
    assert client.get(f"/scorm/play/{package.sha256}/").status_code == 404


@pytest.mark.parametrize("path", ["../../../etc/passwd", "imsmanifest.xml/../../x",
                                  "missing.html", "%2e%2e/secret"])
def test_paths_outside_or_missing_are_404(client, package, path):
    assert client.get(f"/scorm/p/{package.sha256}/{path}", **CONTENT).status_code == 404


def test_player_frame_is_framed_by_the_site_and_runs_only_our_scripts(client, package):
    response = client.get(f"/scorm/play/{package.sha256}/?lang=vi", **CONTENT)
    assert response.status_code == 200
    page = response.content.decode()
    assert "vendor/scorm-again/scorm12.min.js" in page
    assert f'data-package-path="/scorm/p/{package.sha256}/"' in page
    assert 'data-parent-origin="http://testserver"' in page
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors http://testserver;" in policy
    assert "script-src http://noidung.testserver;" in policy and "unsafe" not in policy
    assert "connect-src 'none'" in policy
    assert client.get("/scorm/play/" + "0" * 64 + "/", **CONTENT).status_code == 404


def test_lesson_page_embeds_the_player_from_the_content_origin(client):
    course, lesson, package = scorm_lesson()
    client.force_login(enrolled_learner(course))
    page = client.get(lesson.url).content.decode()
    assert "scorm/player.js" in page
    frame = re.search(r'<iframe class="scorm-frame"[^>]*>', page).group(0)
    assert 'sandbox="allow-scripts allow-same-origin allow-forms"' in frame
    src = html.unescape(re.search(r'data-src="([^"]+)"', frame).group(1))
    assert src.startswith(f"http://noidung.testserver/scorm/play/{package.sha256}/?")
    assert f'data-commit-url="/scorm/commit/{lesson.pk}/{package.pk}/"' in page
    # The body is shared by every learner: no learner's state is ever in it.
    assert "suspend_data" not in page
    # The learner cannot simply press "complete": the package completes the lesson.
    assert f"/bai-hoc/{lesson.pk}/hoan-thanh/" not in page
