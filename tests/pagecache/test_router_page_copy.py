"""The router's copy of a kept page object (lms/pagecache/router.py): each request's own,
as copy.copy's was."""

import pytest

from lms.pagecache.router import _page_copy
from tests.courses.factories import course_with_lessons

pytestmark = pytest.mark.django_db


def test_copy_is_a_separate_instance_with_the_same_values():
    _page, lessons = course_with_lessons(1)
    kept = lessons[0].specific
    kept.get_parent()  # something in the caches
    copied = _page_copy(kept)
    assert type(copied) is type(kept) and copied.pk == kept.pk and copied.title == kept.title
    assert copied._state is not kept._state and copied._state.db == kept._state.db
    assert copied._state.adding is False
    assert copied._state.fields_cache is not kept._state.fields_cache
    copied.title = "Đổi trong một yêu cầu"
    copied.request_only = True
    assert kept.title != copied.title and not hasattr(kept, "request_only")
