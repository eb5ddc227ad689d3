"""A course download lists a SCORM lesson's files (courses/scorm/offline.py, registered with
lms.offline.sources): the player frame at the address the lesson's iframe asks for, the
frame's scripts and every file of the package, on the content origin, with their sizes."""

import pytest

from lms.content_origin import content_origin
from tests.scorm.factories import enrolled_learner, scorm_lesson

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def scorm_root(settings, tmp_path):
    settings.SCORM_ROOT = str(tmp_path / "scorm")


def test_scorm_package_files_are_in_the_download_list(client):
    course, lesson, package = scorm_lesson()
    client.force_login(enrolled_learner(course))
    body = client.get(f"/offline/courses/{course.pk}/files.json").json()
    scorm = [item for item in body["files"] if item["kind"] == "scorm"]
    urls = [item["url"] for item in scorm]
    frame = f"{content_origin()}/scorm/play/{package.sha256}/?lang=vi"
    assert frame in urls
    lesson_page = client.get(lesson.url).content.decode()
    assert frame.replace("&", "&amp;") in lesson_page  # the very address the iframe asks for
    files = [url for url in urls if f"/scorm/p/{package.sha256}/" in url]
    assert any(url.endswith("/imsmanifest.xml") for url in files)
    assert all(item["bytes"] > 0 for item in scorm if "/scorm/p/" in item["url"])
    assert any(url.endswith("/scorm12.min.js") for url in urls)
    assert {item["lesson"] for item in scorm} == {lesson.pk}
    assert body["total_bytes"] == sum(item["bytes"] for item in body["files"])
    # Every listed package file answers on the content origin, as the download would ask.
    host = content_origin().split("://", 1)[1]
    for url in files:
        response = client.get(url.removeprefix(content_origin()), HTTP_HOST=host)
        assert response.status_code == 200, url
