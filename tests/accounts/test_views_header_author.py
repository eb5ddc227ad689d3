"""Issue 19 item 9: authors find the Wagtail editor from the site. The header shows "Soạn nội
dung" / "Edit content" (→ /admin/) exactly to those Wagtail lets in (wagtailadmin.access_admin)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _header(user, language="vi") -> str:
    client = Client()
    client.cookies["hocmo_lang"] = language
    client.force_login(user)  # sign-in keeps the navigation flags in the session
    return client.get("/khoa-hoc/").content.decode()


@pytest.mark.parametrize("language,label", [("vi", "Soạn nội dung"), ("en", "Edit content")])
def test_authors_get_the_edit_content_link(language, label):
    authors = Group.objects.create(name="Tác giả")
    authors.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin",
                                                   codename="access_admin"))
    author = UserFactory()
    author.groups.add(authors)
    html = _header(author, language)
    assert f'<a href="/admin/">{label}</a>' in html
    assert f'<a href="/admin/">{label}</a>' not in _header(UserFactory(), language)


def test_the_link_follows_wagtails_check_not_the_staff_flag():
    assert "/admin/" not in _header(UserFactory(is_staff=True))
    assert '<a href="/admin/">Soạn nội dung</a>' in _header(UserFactory(is_superuser=True))
