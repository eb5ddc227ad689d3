"""Uploading SCORM packages in the Wagtail admin takes the H5P upload right (the same
`h5p.*_h5pcontent` permissions); refusals are shown on the form; nothing is stored then."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.scorm.models import ScormPackage
from tests.factories import UserFactory

from .packages import scorm12_zip, scorm2004_zip

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/scorm/scormpackage/add/"


def _author():
    group = Group.objects.create(name="Giáo viên soạn bài")
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label__in=["h5p", "wagtailadmin"],
        codename__in=["add_h5pcontent", "change_h5pcontent", "view_h5pcontent",
                      "access_admin"]))
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    return user


def test_author_with_the_h5p_right_uploads_and_sees_refusals(client):
    client.force_login(_author())
    refused = client.post(ADD_URL, {"title": "Gói độc", "upload": SimpleUploadedFile(
        "x.zip", scorm12_zip(extra={"shell.php": "<?php"}))})
    assert refused.status_code == 200
    assert "shell.php" in refused.content.decode()
    assert not ScormPackage.objects.exists()
    ok = client.post(ADD_URL, {"title": "", "upload": SimpleUploadedFile(
        "bai-giang.zip", scorm2004_zip())})
    assert ok.status_code == 302, ok.content.decode()[:1500]
    package = ScormPackage.objects.get()
    assert (package.version, package.edition, package.title) == ("2004", "4th", "Kỹ năng số")
    assert [s["identifier"] for s in package.scos] == ["SCO1", "SCO2"]


def test_user_without_the_upload_right_cannot_upload(client):
    client.force_login(UserFactory(username="hocvien"))
    response = client.post(ADD_URL, {"title": "X", "upload": SimpleUploadedFile(
        "k.zip", scorm12_zip())})
    assert response.status_code in (302, 403)
    assert not ScormPackage.objects.exists()
