"""Storing packages: keyed by content hash (stored once), libraries shared by exact version,
and the files served back for the player."""

import io
import json

import pytest

from courses.h5p.demo_package import build_demo_package
from courses.h5p.models import H5PContent, H5PLibrary, H5PPackage
from courses.h5p.services import h5p_content_create, h5p_package_store

from .packages import demo_files, demo_with

pytestmark = pytest.mark.django_db


def test_same_package_twice_is_stored_once(h5p_root):
    first = h5p_package_store(io.BytesIO(build_demo_package()), install_libraries=True)
    second = h5p_package_store(io.BytesIO(build_demo_package()), install_libraries=True)
    assert first.pk == second.pk
    assert H5PPackage.objects.count() == 1
    assert (h5p_root / "packages" / first.sha256 / "content" / "content.json").is_file()
    assert (h5p_root / "libraries" / "H5P.HocMoTrueFalse-1.0.0" / "library.json").is_file()
    # Two contents (two titles) can share one stored package.
    h5p_content_create(title="A", fileobj=io.BytesIO(build_demo_package()))  # installed
    h5p_content_create(title="B", fileobj=io.BytesIO(build_demo_package()))
    assert H5PContent.objects.filter(package=first).count() == 2


def test_library_shared_across_packages(h5p_root):
    one = h5p_package_store(io.BytesIO(build_demo_package()), install_libraries=True)
    two = h5p_package_store(io.BytesIO(build_demo_package(question="Câu hỏi khác?",
                                                          correct=False)))  # uses the installed library
    assert one.sha256 != two.sha256
    assert H5PLibrary.objects.count() == 1
    assert list(one.libraries.all()) == list(two.libraries.all())
    assert len(list((h5p_root / "libraries").iterdir())) == 1


def test_main_library_must_come_with_the_package(h5p_root):
    h5p_package_store(io.BytesIO(build_demo_package()), install_libraries=True)
    files = demo_files()
    slim = {name: data for name, data in files.items()
            if not name.startswith("H5P.HocMoTrueFalse-1.0/")}
    slim["content/content.json"] = json.dumps({"question": "Chỉ có nội dung", "correct": True}
                                              ).encode()
    from .packages import make_package

    # The main library must come with the package; a dependency may be installed already.
    with pytest.raises(Exception) as caught:
        h5p_package_store(make_package(slim))
    assert "thư viện chính" in str(caught.value)


def test_files_served_for_player(client, h5p_root):
    """On the content origin only (lms.content_origin); the site never serves package files."""
    package = h5p_package_store(io.BytesIO(build_demo_package()), install_libraries=True)
    base = f"/h5p/p/{package.sha256}"
    content = {"HTTP_HOST": "noidung.testserver"}
    manifest = client.get(f"{base}/h5p.json", **content)
    assert manifest.status_code == 200
    assert json.loads(b"".join(manifest.streaming_content))["mainLibrary"] == "H5P.HocMoTrueFalse"
    assert "immutable" in manifest["Cache-Control"]
    assert "sandbox" in manifest["Content-Security-Policy"]
    assert manifest["Access-Control-Allow-Origin"] == "*"
    lib = client.get(f"{base}/libraries/H5P.HocMoTrueFalse-1.0/hocmo-true-false.js", **content)
    assert lib.status_code == 200 and lib["Content-Type"].startswith("text/javascript")
    assert client.get(f"{base}/content/content.json", **content).status_code == 200
    # Outside the package, unknown libraries and traversal are 404.
    assert client.get(f"{base}/libraries/H5P.Other-1.0/library.json", **content).status_code == 404
    assert client.get(f"{base}/content/../../../etc/passwd", **content).status_code == 404
    assert client.get(f"{base}/libraries/H5P.HocMoTrueFalse-1.0/../../../x",
                      **content).status_code == 404
    assert client.get(f"/h5p/p/{'0' * 64}/h5p.json", **content).status_code == 404
    # The site itself serves none of it.
    assert client.get(f"{base}/h5p.json").status_code == 404
    assert client.get(f"{base}/libraries/H5P.HocMoTrueFalse-1.0/hocmo-true-false.js"
                      ).status_code == 404


def test_refused_upload_shows_message_in_admin_form(h5p_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from courses.h5p.forms import H5PContentForm
    from courses.h5p.wagtail_hooks import H5PContentViewSet
    from tests.factories import UserFactory

    form_class = H5PContentViewSet().get_edit_handler().get_form_class()
    assert issubclass(form_class, H5PContentForm)
    bad = demo_with(**{"content/shell.php": b"<?php"}).getvalue()
    admin = UserFactory(is_superuser=True, is_staff=True)
    form = form_class(data={"title": "Bài độc"}, for_user=admin,
                      files={"upload": SimpleUploadedFile("bai.h5p", bad)})
    assert not form.is_valid()
    assert any("content/shell.php" in e for e in form.errors["upload"])
    good = form_class(data={"title": "Bài tốt"}, for_user=admin,
                      files={"upload": SimpleUploadedFile("bai.h5p", build_demo_package())})
    assert good.is_valid(), good.errors
    content = good.save()
    assert content.package.main_library.machine_name == "H5P.HocMoTrueFalse"
