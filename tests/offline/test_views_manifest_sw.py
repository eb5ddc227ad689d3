"""The web app manifest, the service worker's headers and version, the offline page, and the
pages the worker may keep (X-HocMo-Offline)."""

import json

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings
from PIL import Image

from courses.services import enrolment_create
from lms.offline import selectors
from tests.factories import UserFactory, course_with_lessons

pytestmark = pytest.mark.django_db


def test_manifest_has_what_android_chrome_asks_for(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    body = json.loads(response.content)
    assert body["name"] == "HọcMở" and body["lang"] == "vi"
    assert body["display"] == "standalone" and body["start_url"] == "/" and body["scope"] == "/"
    assert body["theme_color"].startswith("#")
    sizes = {(icon["sizes"], icon["purpose"]) for icon in body["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in body["icons"]:  # the files exist, at the sizes they say
        found = finders.find(icon["src"].removeprefix("/static/"))
        assert found, icon["src"]
        with Image.open(found) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]


def test_manifest_in_english_by_the_language_cookie(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = json.loads(client.get("/manifest.webmanifest").content)
    assert body["lang"] == "en"
    assert body["description"] == "Open learning for everyone, even without a connection."


def test_service_worker_from_the_root_never_cached_and_versioned(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    version = selectors.service_worker_version()
    assert response["X-Service-Worker-Version"] == version
    text = response.content.decode()
    assert f'var VERSION = "{version}"' in text
    assert "/static/vendor/workbox/workbox-sw.js" in text
    assert "googleapis" not in text and "https://" not in text  # never a CDN
    assert "/ngoai-tuyen/" in text and "/static/css/site.css" in text


def test_service_worker_version_follows_the_static_files(client, settings):
    selectors.service_worker_version.cache_clear()
    before = selectors.service_worker_version()
    with override_settings(STATIC_URL="/static-v2/"):
        selectors.service_worker_version.cache_clear()
        after = selectors.service_worker_version()
    selectors.service_worker_version.cache_clear()
    assert before != after


def test_offline_page_in_both_languages(client):
    response = client.get("/ngoai-tuyen/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Bạn đang không có mạng" in text and "You are offline" in text


def test_base_page_links_the_manifest_and_the_scripts(client):
    course_with_lessons(1)
    text = client.get("/khoa-hoc/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in text
    assert "offline/offline.js" in text and "offline/queue.js" in text


def test_learner_pages_marked_for_the_device_staff_pages_not(client):
    course, lessons = course_with_lessons(1)
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.force_login(learner)
    lesson = client.get(lessons[0].url)
    assert lesson.status_code == 200 and lesson["X-HocMo-Offline"] == "1"
    assert lesson["Cache-Control"] == "private, no-store"  # for every other cache
    assert client.get(course.url)["X-HocMo-Offline"] == "1"
    assert client.get("/cua-toi/")["X-HocMo-Offline"] == "1"
    for path in ("/tai-khoan/bao-mat/", "/thong-bao/", "/giang-day/lop/"):
        response = client.get(path)
        assert "X-HocMo-Offline" not in response, path
    # A POST's answer never is.
    assert "X-HocMo-Offline" not in client.post(f"/bai-hoc/{lessons[0].pk}/hoan-thanh/")


def test_content_origin_answers_are_left_alone(client, settings):
    """Regression: the marking middleware reversed a site URL under the content origin's own
    URLconf and turned every H5P frame into a 500."""
    host = settings.HOCMO_CONTENT_ORIGIN.split("//", 1)[1]
    response = client.get("/h5p/play/" + "0" * 64 + "/", HTTP_HOST=host)
    assert response.status_code == 404
    assert "X-HocMo-Offline" not in response
