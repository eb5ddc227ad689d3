"""Issue 19 item 13: the annex PDF (WeasyPrint, 0.8–1.4 s) is built by a Celery task with a
progress page, like the reports' exports — never in the request."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from lms.plans import exports
from lms.plans.models import AnnexExport

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_pdf_in_request(monkeypatch):
    """Any WeasyPrint rendering during a request fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError("the annex PDF was rendered in the request")
    monkeypatch.setattr(exports, "annex_pdf", refuse)


def test_the_pdf_link_renders_nothing_in_the_request(client, people, plan, no_pdf_in_request):
    client.force_login(people["officer_a"])
    detail = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    url = reverse("plans:export_pdf", args=[plan.pk])
    assert f'<form method="post" action="{url}"' in detail  # a POST button, not a GET link
    page = client.get(url)  # an old link or bookmark: the page with the button
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
    assert 'name="csrfmiddlewaretoken"' in page.content.decode()


def test_request_queues_a_job_and_the_status_page_refreshes(client, people, plan,
                                                            no_pdf_in_request, monkeypatch):
    from lms.plans import tasks

    queued = []
    monkeypatch.setattr(tasks.annex_export_build_task, "delay", queued.append)
    client.force_login(people["officer_a"])
    response = client.post(reverse("plans:export_pdf", args=[plan.pk]))
    job = AnnexExport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("plans:annex_status", args=[job.pk])
    assert job.requested_by == people["officer_a"] and job.finished_at is None
    AnnexExport.objects.filter(pk=job.pk).update(progress=30)
    body = client.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in body
    assert '<progress id="p" max="100" value="30">' in body
    assert client.get(reverse("plans:annex_download", args=[job.pk])).status_code == 404


def test_eager_task_builds_the_pdf_and_the_page_offers_the_download(
        client, people, plan, django_capture_on_commit_callbacks, annex_task_runs_here):
    client.force_login(people["officer_a"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("plans:export_pdf", args=[plan.pk]))
    job = AnnexExport.objects.get()
    assert job.finished_at is not None and job.progress == 100 and not job.error
    body = client.get(response["Location"]).content.decode()
    assert "refresh" not in body
    download = client.get(reverse("plans:annex_download", args=[job.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert f'filename="phu-luc-{plan.code}.pdf"' in download["Content-Disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(download.content)).pages)
    assert "PHÂN CÔNG NHIỆM VỤ" in " ".join(text.split())
    # Running the task again (a retry) leaves the finished job alone.
    from lms.plans.services import annex_export_build

    annex_export_build(job.pk)
    assert AnnexExport.objects.get().finished_at == job.finished_at


def test_only_the_requester_sees_the_job(client, people, plan, monkeypatch):
    from lms.plans import tasks

    monkeypatch.setattr(tasks.annex_export_build_task, "delay", lambda job_id: None)
    client.force_login(people["officer_a"])
    client.post(reverse("plans:export_pdf", args=[plan.pk]))
    job = AnnexExport.objects.get()
    client.force_login(people["officer_bo"])  # may read the plan, but did not ask
    assert client.get(reverse("plans:annex_status", args=[job.pk])).status_code == 404
    assert client.get(reverse("plans:annex_download", args=[job.pk])).status_code == 404


def test_a_failed_build_says_so(client, people, plan, monkeypatch,
                                django_capture_on_commit_callbacks, annex_task_runs_here):
    def broken(plan, progress=None):
        raise RuntimeError("WeasyPrint broke")
    monkeypatch.setattr(exports, "annex_pdf", broken)
    client.force_login(people["officer_a"])
    try:  # whether the eager task re-raises depends on Celery's eager_propagates
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("plans:export_pdf", args=[plan.pk]))
    except RuntimeError:
        pass
    job = AnnexExport.objects.get()
    assert job.error and job.finished_at is None
    body = client.get(reverse("plans:annex_status", args=[job.pk])).content.decode()
    assert "Không tạo được tệp PDF" in body and "refresh" not in body
