"""Issue 19 item 1: every link the site shows a person (home page, header, footer, the careers
page) opens for them: no 403 or 404 reached by following a link (one level of crawl)."""

import re

import pytest

from lms.units.models import RoleKind
from tests.accounts.factories import UserFactory
from tests.factories import learner_in, staff_at

HREF = re.compile(r'<a\s[^>]*href="(/[^"#]*)"')
# the catalogue and library are Wagtail pages, which the test database does not hold
SKIP = ("/static/", "/media/", "/admin/", "/tai-khoan/dang-xuat", "/khoa-hoc/", "/thu-vien/")


def _person(kind, tree):
    if kind == "parent":
        from lms.accounts.models import GuardianLink

        parent = UserFactory()
        GuardianLink.objects.create(guardian=parent, learner=learner_in(tree["class_b"]))
        return parent
    if kind == "employer":
        from tests.careers.factories import make_employer

        return make_employer(tree["so"])[1]
    if kind == RoleKind.LEARNER:
        return learner_in(tree["class_b"])
    unit = tree["school_b"] if kind in (RoleKind.TEACHER, RoleKind.SCHOOL_ADMIN) else tree["so"]
    return staff_at(unit, kind)


@pytest.mark.parametrize("kind", [RoleKind.TEACHER, RoleKind.SCHOOL_ADMIN, RoleKind.OFFICER,
                                  RoleKind.JUDGE, RoleKind.LEARNER, "parent", "employer"])
def test_every_shown_link_opens(client, school_tree, kind):
    client.force_login(_person(kind, school_tree))
    pages = [client.get("/tai-khoan/", follow=True), client.get("/huong-nghiep/")]
    links = set()
    for page in pages:
        assert page.status_code == 200
        links |= {h.replace("&amp;", "&") for h in HREF.findall(page.content.decode())}
    broken = {}
    for link in sorted(links):
        if link.startswith(SKIP):
            continue
        status = client.get(link).status_code
        if status in (403, 404):
            broken[link] = status
    assert broken == {}
