"""Uploading through the Wagtail admin: an editor stores a package; a learner cannot."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.h5p.demo_package import build_demo_package
from courses.h5p.models import H5PContent
from tests.factories import UserFactory

from .packages import demo_with

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/h5p/h5pcontent/add/"


def test_editor_uploads_and_sees_refusals(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    bad = demo_with(**{"content/shell.php": b"<?php"}).getvalue()
    refused = client.post(ADD_URL, {"title": "Gói độc",
                                    "upload": SimpleUploadedFile("x.h5p", bad)})
    assert refused.status_code == 200
    assert "content/shell.php" in refused.content.decode()
    assert not H5PContent.objects.exists()
    ok = client.post(ADD_URL, {"title": "Kiểm chứng",
                               "upload": SimpleUploadedFile("k.h5p", build_demo_package())})
    assert ok.status_code == 302, ok.content.decode()[:2000]
    assert H5PContent.objects.get().package.main_library.machine_name == "H5P.HocMoTrueFalse"


def test_learner_cannot_upload(client):
    client.force_login(UserFactory(username="hocvien"))
    response = client.post(ADD_URL, {"title": "X", "upload": SimpleUploadedFile(
        "k.h5p", build_demo_package())})
    assert response.status_code in (302, 403)
    assert not H5PContent.objects.exists()
