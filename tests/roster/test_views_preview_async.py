"""Large files are previewed in a Celery task with a progress bar (htmx polling every 2 s, a
meta refresh without JavaScript); small files keep the instant preview."""

import pytest
from django.urls import reverse

from lms.roster.models import ImportStatus, RosterImport
from lms.roster.services import roster_commit
from lms.roster.services.previews import estimate_rows, preview_in_background
from lms.roster.tasks import roster_import_preview

from .helpers import csv_bytes, student, upload, xlsx_bytes


def _upload_and_map(client, school, rows, name="ds.xlsx", content=None):
    client.post(reverse("roster:index"), {
        "school": school.pk, "file": upload(content or xlsx_bytes(rows), name)})
    imp = RosterImport.objects.latest("pk")
    response = client.post(reverse("roster:mapping", args=[imp.pk]),
                           {key: str(index) for key, index in imp.mapping.items()})
    return imp, response


def test_small_file_previews_in_the_request(client, school, school_admin):
    client.force_login(school_admin)
    imp, response = _upload_and_map(client, school, [student(1), student(2)])
    imp.refresh_from_db()
    assert imp.status == ImportStatus.PREVIEWED and imp.valid_rows == 2
    assert response.url == reverse("roster:preview", args=[imp.pk])


def test_large_file_previews_in_a_task_with_progress(
        client, settings, school, school_admin, django_capture_on_commit_callbacks):
    settings.HOCMO_ROSTER_PREVIEW_ASYNC_ROWS = 3
    client.force_login(school_admin)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        imp, response = _upload_and_map(client, school, [student(n) for n in range(1, 6)])
    imp.refresh_from_db()
    assert imp.status == ImportStatus.PREVIEWING and len(callbacks) == 1
    assert imp.total_rows >= 5  # the estimate, for the bar
    page = client.get(response.url).content.decode()
    assert "Đang đọc tệp" in page and 'id="import-progress"' in page
    assert f'hx-get="{reverse("roster:progress", args=[imp.pk])}"' in page
    assert 'hx-trigger="every 2s"' in page
    assert '<noscript><meta http-equiv="refresh"' in page  # works without JavaScript
    # While it runs: no commit, no mapping change, the fragment keeps polling.
    assert client.post(reverse("roster:commit", args=[imp.pk])).url == response.url
    assert client.get(reverse("roster:mapping", args=[imp.pk])).url == response.url
    fragment = client.get(reverse("roster:progress", args=[imp.pk]))
    assert "HX-Redirect" not in fragment and b"every 2s" in fragment.content

    roster_import_preview(imp.pk)  # what the worker runs
    imp.refresh_from_db()
    assert imp.status == ImportStatus.PREVIEWED
    assert (imp.total_rows, imp.valid_rows) == (5, 5)
    fragment = client.get(reverse("roster:progress", args=[imp.pk]))
    assert fragment["HX-Redirect"] == response.url and b"every 2s" not in fragment.content
    page = client.get(response.url).content.decode()
    assert "Xem trước khi nhập" in page and "noscript" not in page
    assert roster_commit(import_id=imp.pk).created_count == 5


def test_unreadable_large_file_goes_back_to_mapping(client, settings, school, school_admin,
                                                    monkeypatch):
    settings.HOCMO_ROSTER_PREVIEW_ASYNC_BYTES = 1
    client.force_login(school_admin)
    imp, _response = _upload_and_map(client, school, [student(1)])

    def broken(*args, **kwargs):
        raise OSError("hỏng tệp")
        yield

    monkeypatch.setattr("lms.roster.services.previews.scan_and_cache", broken)
    roster_import_preview(imp.pk)
    imp.refresh_from_db()
    assert imp.status == ImportStatus.UPLOADED and "hỏng tệp" in imp.failure
    assert client.get(reverse("roster:preview", args=[imp.pk])).url == reverse(
        "roster:mapping", args=[imp.pk])
    assert "hỏng tệp" in client.get(reverse("roster:mapping", args=[imp.pk])).content.decode()


def test_commit_progress_page_works_without_javascript(client, school, school_admin):
    client.force_login(school_admin)
    imp, _response = _upload_and_map(client, school, [student(1)])
    client.post(reverse("roster:commit", args=[imp.pk]))  # queued (the test never commits)
    page = client.get(reverse("roster:detail", args=[imp.pk])).content.decode()
    assert '<noscript><meta http-equiv="refresh" content="3"></noscript>' in page
    assert 'hx-trigger="every 2s"' in page and 'id="result"' not in page
    roster_commit(import_id=imp.pk)
    page = client.get(reverse("roster:detail", args=[imp.pk])).content.decode()
    assert "noscript" not in page and 'id="result"' in page


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_row_estimate(school, school_admin, kind):
    from lms.roster.services import roster_import_create

    rows = [student(n) for n in range(1, 31)]
    content = xlsx_bytes(rows) if kind == "xlsx" else csv_bytes(rows)
    imp = roster_import_create(actor=school_admin, school=school,
                               uploaded_file=upload(content, f"ds.{kind}"))
    assert 30 <= estimate_rows(imp) <= 32  # openpyxl writes <dimension>; CSV: lines
    assert not preview_in_background(imp)


def test_forbidden_progress(client, school, school_admin):
    from lms.units.models import RoleKind
    from tests.factories import staff_at

    client.force_login(school_admin)
    imp, _response = _upload_and_map(client, school, [student(1)])
    client.force_login(staff_at(school.other, RoleKind.SCHOOL_ADMIN, is_staff=True))
    assert client.get(reverse("roster:progress", args=[imp.pk])).status_code == 404
