"""The site header and footer are cached per worker; their links depend on the person's
capabilities, so the cache key must too (regression: the key held only the language and the
is_staff/parent flags, so whoever rendered first chose the links for everyone alike)."""

import pytest

from lms.units.models import RoleKind
from tests.factories import staff_at


@pytest.mark.parametrize("first, second", [(RoleKind.OFFICER, RoleKind.TEACHER),
                                           (RoleKind.TEACHER, RoleKind.OFFICER)])
def test_header_links_follow_each_persons_capabilities(client, school_tree, first, second):
    def header_of(kind):
        unit = school_tree["school_b"] if kind == RoleKind.TEACHER else school_tree["so"]
        client.force_login(staff_at(unit, kind))
        page = client.get("/tai-khoan/", follow=True).content.decode()
        return page.split("</header>")[0]

    headers = {first: header_of(first), second: header_of(second)}
    assert "/danh-sach/" in headers[RoleKind.OFFICER]  # roster import: officers may
    assert "/danh-sach/" not in headers[RoleKind.TEACHER]  # teachers may not (404 for them)
