"""Issue 16, defect 5, on the demo itself: the judges `giamkhao.so` / `giamkhao.phong` held
teacher roles on a Sở / Phòng and got 200 on class grids and CSV, parents' pages, other
learners' certificates and PDFs, employment outcomes and /api/v1/learners/<id>/. Now they hold
judge roles: each of those URLs answers 404 for them and still 200 for the people it is for."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from courses.certificates.models import Certificate
from lms.accounts.models import User
from lms.contests.models import JudgeAssignment
from lms.units.models import Role, RoleKind, Unit

pytestmark = pytest.mark.django_db


def _as(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _urls() -> dict[str, tuple[str, list[str]]]:
    """Each URL of the issue → who should still get 200 there."""
    school = Unit.objects.get(code="HP-THPT-NQ")
    klass = Unit.objects.filter(kind__is_class=True, path__startswith=school.path).first()
    gdtx_class = Unit.objects.filter(kind__is_class=True, code__startswith="HP-GDTX-").first()
    so = Unit.objects.get(code="SO-31")
    child = User.objects.get(username="hocsinh")
    certificate = Certificate.objects.filter(user=child).first()
    assert klass and gdtx_class and certificate
    return {
        f"/bao-cao/lop/{klass.pk}/": ("giaovien", ["hieutruong", "canbo.so"]),
        f"/bao-cao/lop/{klass.pk}/xuat.csv": ("giaovien", ["canbo.so"]),
        f"/bao-cao/lop/{klass.pk}/xuat.json": ("giaovien", []),
        f"/phu-huynh/con/{child.pk}/": ("phuhuynh", ["hocsinh", "hieutruong"]),
        f"/phu-huynh/api/con/{child.pk}/": ("phuhuynh", []),
        f"/chung-chi/hoc-vien/{child.pk}/": ("phuhuynh", ["giaovien", "canbo.so"]),
        f"/chung-chi/{certificate.code}/": ("hocsinh", ["canbo.so"]),
        f"/chung-chi/{certificate.code}/tai-ve/": ("hocsinh", []),
        "/huong-nghiep/theo-doi/": ("giaovien.gdtx", []),
        f"/huong-nghiep/theo-doi/lop/{gdtx_class.pk}/": ("giaovien.gdtx", []),
        f"/huong-nghiep/ty-le-viec-lam/{so.pk}/": ("canbo.so", []),
        f"/huong-nghiep/ty-le-viec-lam/{so.pk}/xuat.xlsx": ("canbo.so", []),
        f"/api/v1/learners/{child.pk}/": ("canbo.so", ["phuhuynh"]),
    }


def test_demo_judges_see_no_pupil_data_and_the_right_people_still_do():
    call_command("load_demo", stdout=io.StringIO())
    for username in ("giamkhao.so", "giamkhao.phong", "giamkhao.truong", "giamkhao.thcs"):
        kinds = set(Role.objects.filter(user__username=username, ended_at__isnull=True)
                    .values_list("kind", flat=True))
        assert kinds == {RoleKind.JUDGE}, username
        assert JudgeAssignment.objects.filter(judge__username=username).exists(), username
    judges = [_as("giamkhao.so"), _as("giamkhao.phong")]
    for url, (owner, others) in _urls().items():
        for judge in judges:
            assert judge.get(url).status_code == 404, url
        for username in (owner, *others):
            assert _as(username).get(url).status_code == 200, (url, username)
    # The API's learner list is empty for a judge, full for the province's officer.
    api = APIClient()
    judge = User.objects.get(username="giamkhao.so")
    api.force_authenticate(judge)
    response = api.get("/api/v1/learners/")
    assert response.status_code == 200
    assert response.json()["results"] == []
    api.force_authenticate(User.objects.get(username="canbo.so"))
    assert len(api.get("/api/v1/learners/").json()["results"]) > 10
