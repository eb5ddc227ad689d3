"""Issue 16 defect 1: installing or upgrading an H5P library (a content type's code) is a
platform administrator's right. A teacher who may add H5P content may use installed libraries
only; a package that brings a new library or a newer version is refused naming it, and nothing
of it is written."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.h5p.models import H5PContent, H5PLibrary
from courses.h5p.permissions import can_install_libraries
from courses.h5p.services import h5p_package_store, library_dir
from tests.factories import UserFactory

from .packages import demo_version, probe_package

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/snippets/h5p/h5pcontent/add/"


def _group(name: str, *codenames: str) -> Group:
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                 codename="access_admin"))
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="h5p", codename__in=codenames))
    return group


@pytest.fixture
def teacher():
    user = UserFactory(username="giaovien")
    user.groups.add(_group("Giáo viên soạn bài", "add_h5pcontent", "change_h5pcontent",
                           "view_h5pcontent"))
    return user


def _upload(client, user, fileobj, title="Bài tập"):
    client.force_login(user)
    return client.post(ADD_URL, {"title": title,
                                 "upload": SimpleUploadedFile("bai.h5p", fileobj.getvalue())})


def test_teacher_cannot_install_a_new_library(client, teacher, h5p_root):
    """The ProbeXss case: a teacher's package bringing its own script is refused."""
    response = _upload(client, teacher, probe_package())
    assert response.status_code == 200
    page = response.content.decode()
    assert "H5P.ProbeXss 1.0.0" in page and "chưa được cài" in page
    assert not H5PContent.objects.exists() and not H5PLibrary.objects.exists()
    assert not (h5p_root / "libraries").exists() or not any((h5p_root / "libraries").iterdir())
    assert not can_install_libraries(teacher)


def test_platform_admin_installs_a_library(client, h5p_root):
    admin = UserFactory(is_superuser=True, is_staff=True)
    response = _upload(client, admin, probe_package())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert H5PLibrary.objects.get().key == "H5P.ProbeXss-1.0.0"
    assert (library_dir("H5P.ProbeXss-1.0.0") / "probe.js").is_file()


def test_install_permission_given_to_an_admin_group(client, h5p_root):
    installer = UserFactory(username="quantri")
    installer.groups.add(_group("Quản trị nền tảng", "add_h5pcontent", "install_library"))
    assert can_install_libraries(installer)
    assert _upload(client, installer, probe_package()).status_code == 302
    assert H5PLibrary.objects.filter(machine_name="H5P.ProbeXss").exists()


def test_teacher_uses_installed_libraries_only(client, teacher, h5p_root):
    h5p_package_store(demo_version(2), install_libraries=True)  # installed by an admin
    installed = library_dir("H5P.HocMoTrueFalse-1.0.2") / "hocmo-true-false.js"
    installed_js = installed.read_bytes()
    # Same version, other code: the package is accepted, its library folder is ignored.
    response = _upload(client, teacher, demo_version(2, script=b"alert(document.cookie)"))
    assert response.status_code == 302, response.content.decode()[:2000]
    content = H5PContent.objects.get()
    assert [lib.key for lib in content.package.libraries.all()] == ["H5P.HocMoTrueFalse-1.0.2"]
    assert installed.read_bytes() == installed_js
    # An older patch uses the installed, newer one.
    assert _upload(client, teacher, demo_version(0, script=b"/* older */")).status_code == 302
    assert H5PLibrary.objects.count() == 1
    assert not library_dir("H5P.HocMoTrueFalse-1.0.0").exists()


def test_teacher_cannot_upgrade_a_library(client, teacher, h5p_root):
    h5p_package_store(demo_version(0), install_libraries=True)
    response = _upload(client, teacher, demo_version(3))
    page = response.content.decode()
    assert response.status_code == 200
    assert "H5P.HocMoTrueFalse 1.0.3" in page and "mới hơn bản đã cài 1.0.0" in page
    assert list(H5PLibrary.objects.values_list("patch_version", flat=True)) == [0]
    assert not library_dir("H5P.HocMoTrueFalse-1.0.3").exists()
    # A platform administrator may upgrade; packages then use the newest patch.
    package = h5p_package_store(demo_version(3), install_libraries=True)
    assert package.main_library.key == "H5P.HocMoTrueFalse-1.0.3"


def test_services_refuse_installs_by_default(h5p_root):
    from courses.h5p.validation import PackageInvalid

    with pytest.raises(PackageInvalid) as caught:
        h5p_package_store(probe_package())
    assert "H5P.ProbeXss 1.0.0" in caught.value.errors[0]
