"""The player loads only on lessons with an H5P block; the block carries the activity IRI."""

import html
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from courses.h5p.demo_package import build_demo_package
from courses.h5p.services import h5p_content_create
from tests.factories import course_with_lessons

pytestmark = pytest.mark.django_db


def test_player_only_on_lessons_with_h5p(client):
    _course, lessons = course_with_lessons(2)
    content = h5p_content_create(title="Đúng hay sai", fileobj=io.BytesIO(build_demo_package()),
                                  install_libraries=True)
    lessons[0].body.append(("h5p", {"content": content, "pass_mark": 0, "instructions": "Chọn"}))
    lessons[0].save_revision().publish()
    with_h5p = client.get(lessons[0].url).content.decode()
    without = client.get(lessons[1].url).content.decode()
    assert "h5p/player.js" in with_h5p
    activity = f"http://testserver/xapi/activities/lessons/{lessons[0].pk}/h5p/{content.pk}"
    assert f'data-activity="{activity}"' in with_h5p
    # The player runs on the content origin, in a frame sandboxed without allow-same-origin;
    # the lesson page loads no package code itself.
    frame = re.search(r"<iframe [^>]*>", with_h5p).group(0)
    assert 'sandbox="allow-scripts"' in frame and "allow-same-origin" not in frame
    src = html.unescape(re.search(r'src="([^"]+)"', frame).group(1))
    assert src.startswith(f"http://noidung.testserver/h5p/play/{content.package.sha256}/?")
    assert parse_qs(urlsplit(src).query)["activity"] == [activity]
    assert "h5p-standalone" not in with_h5p
    assert "h5p/player.js" not in without and "data-h5p" not in without
    # Issue 18: the connection to the content host opens while the lesson page loads.
    assert '<link rel="preconnect" href="http://noidung.testserver">' in with_h5p
    assert "preconnect" not in without
