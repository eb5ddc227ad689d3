import pytest
from django.db import transaction


@pytest.fixture(autouse=True)
def _library_files(settings, tmp_path):
    """Library files go to a per-test folder."""
    settings.HOCMO_LIBRARY_FILES_ROOT = str(tmp_path / "library-files")


class _Out:
    def write(self, *args, **kwargs):
        pass


@pytest.fixture(scope="module")
def demo_content(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo courses and library (with the five seed plans), built once per module inside a
    transaction that is rolled back at the end; the search index is rebuilt synchronously."""
    from django.conf import settings

    from lms.demo import courses as demo_courses
    from lms.demo.hooks import DemoContext

    previous = settings.HOCMO_LIBRARY_FILES_ROOT
    settings.HOCMO_LIBRARY_FILES_ROOT = str(tmp_path_factory.mktemp("library-demo"))
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            from library.demo import build_demo

            index = demo_courses.build_site()
            programmes = demo_courses.build_programmes()
            courses = demo_courses.build_courses(index, programmes)
            build_demo(DemoContext(units={}, courses=courses, teachers={}, learners=[],
                                   stdout=_Out()))
            yield courses
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            settings.HOCMO_LIBRARY_FILES_ROOT = previous
