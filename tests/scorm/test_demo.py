"""The SCORM demo: load_demo's builder stores the demo lecture once and adds it to the
digital-skills lesson on personal data once (idempotent)."""

import io

import pytest

from courses.scorm import demo
from courses.scorm.models import ScormPackage
from courses.scorm.testkit import DEMO_TITLE
from lms.demo.hooks import DemoContext, feature_demo_builders
from tests.factories import course_with_lessons


@pytest.fixture(autouse=True)
def scorm_root(settings, tmp_path):
    settings.SCORM_ROOT = str(tmp_path / "scorm")


@pytest.mark.django_db
def test_build_demo_adds_the_lecture_once():
    course, lessons = course_with_lessons(2, slug=demo.COURSE_SLUG)
    lesson = lessons[1]
    lesson.slug = demo.LESSON_SLUG
    lesson.save_revision().publish()
    out = io.StringIO()
    context = DemoContext(units={}, courses=[course], teachers={}, learners=[], stdout=out)
    demo.build_demo(context)
    demo.build_demo(context)
    package = ScormPackage.objects.get(title=DEMO_TITLE)
    assert package.version == "1.2" and len(package.scos) == 1
    lesson.refresh_from_db()
    blocks = [b for b in lesson.body.raw_data if b["type"] == "scorm"]
    assert len(blocks) == 1 and blocks[0]["value"]["package"] == package.pk
    assert out.getvalue().count("SCORM:") == 1
    assert demo.build_demo in feature_demo_builders()
