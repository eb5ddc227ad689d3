"""What officers read: nobody in scope is "Không có đối tượng" (defect 5, R4), unrecorded groups
are "Chưa ghi nhận" (defect 4, R3) on the dashboard and in every export, and an absolute target
shows sub-units' contributions, not the whole threshold again (defect 6, R5)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from lms.accounts.models import LearnerProfile
from lms.reports.exports import export_build
from lms.reports.models import ExportJob, Target, ThresholdKind
from lms.reports.selectors import children_attainment, met_summary, unit_attainments
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_a(tree):
    return staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-a", is_staff=True)


@pytest.fixture
def learners(tree, target, courses):
    people = [learner_in(tree["x1"]) for _ in range(3)]
    LearnerProfile.objects.filter(user=people[0]).update(ethnicity="01", household_status="none")
    profile = LearnerProfile.objects.get(user=people[1])
    profile.ethnicity, profile.household_status = "", ""
    profile.save()  # re-syncs the learner's rows
    LearnerProfile.objects.filter(user=people[2]).update(ethnicity="08", household_status="poor")
    for person in (people[0], people[2]):
        profile = LearnerProfile.objects.get(user=person)
        profile.save()
    complete(people[0], courses[0])
    return people


@pytest.fixture
def absolute(tree, target, courses):
    t = Target.objects.create(
        code="so-a-50", name="Ít nhất 50 người/năm được đào tạo", unit=tree["so_a"],
        threshold=50, threshold_kind=ThresholdKind.ABSOLUTE, period_label="2025",
        period_start=target.period_start, period_end=target.period_end)
    t.courses.set([courses[0][0]])
    return t


def test_unit_with_nobody_in_scope_is_not_applicable(client, tree, target, learners,
                                                     officer_a):
    client.force_login(officer_a)
    body = client.get(reverse("reports:dashboard", args=[tree["primary"].pk]),
                      {"target": target.pk}).content.decode()
    main = body.split("<main")[1]
    assert "(0/0)" in main and "Không có đối tượng" in main
    assert "Đã đạt" not in main.replace("Đã đạt</th>", "")  # only the column heading
    body = client.get(reverse("reports:dashboard", args=[tree["so_a"].pk]),
                      {"target": target.pk}).content.decode()
    row = body.split("Tiểu học Z</a></th>")[1].split("</tr>")[0]
    assert "Không có đối tượng" in row and "Đã đạt" not in row
    assert "0/1 đơn vị có đối tượng đã đạt" in body  # Phòng A1 behind, Tiểu học Z not counted
    listing = client.get(reverse("reports:not_trained", args=[tree["primary"].pk, target.pk]))
    text = listing.content.decode()
    assert "Không có đối tượng." in text and "Tất cả đã đạt." not in text


def test_roll_up_never_counts_not_applicable_as_met(tree, target, learners):
    rows = children_attainment(tree["so_a"], target)
    statuses = {a.unit.name: a.status for a in rows}
    assert statuses["Tiểu học Z"] == "not_applicable"
    assert met_summary(rows) == {"met": 0, "applicable": 1, "not_applicable": 1}
    empty = unit_attainments(tree["z1"], [target])[0]
    assert (empty.status, empty.required, empty.gap) == ("not_applicable", None, None)


def test_dashboard_splits_show_not_recorded(client, tree, target, learners, officer_a):
    client.force_login(officer_a)
    body = client.get(reverse("reports:dashboard", args=[tree["so_a"].pk]),
                      {"target": target.pk}).content.decode()
    splits = body.split("Theo giới tính, dân tộc")[1]
    assert "Chưa ghi nhận" in splits
    kinh = splits.split("Dân tộc Kinh</th>")[1].split("</tr>")[0]
    assert '<td class="n">1</td><td class="n">1</td>' in kinh  # only the recorded Kinh learner
    assert "<td>Hộ gia đình</td><th scope=\"row\">" in splits  # each group says its criterion
    household = splits.split("Không thuộc diện nghèo/cận nghèo</th>")[1].split("</tr>")[0]
    assert '<td class="n">1</td>' in household


def _build(unit, fmt, user) -> bytes:
    job = ExportJob.objects.create(unit=unit, requested_by=user, fmt=fmt)
    export_build(job.pk)
    job.refresh_from_db()
    return bytes(job.content)


def test_xlsx_split_sheet_has_not_recorded_rows(tree, target, learners, officer_a):
    book = load_workbook(io.BytesIO(_build(tree["so_a"], "xlsx", officer_a)))
    sheet = book["Phân tách"]
    rows = [tuple(r) for r in sheet.iter_rows(min_row=5, values_only=True)]
    mine = [r for r in rows if r[0] == "Sở GD&ĐT A" and r[1] == target.code]
    by_group = {(r[2], r[3]): (r[4], r[5]) for r in mine}
    assert by_group[("Dân tộc Kinh / thiểu số", "Dân tộc Kinh")] == (1, 1)
    assert by_group[("Dân tộc Kinh / thiểu số", "Chưa ghi nhận")] == (1, 0)
    assert by_group[("Dân tộc", "Chưa ghi nhận")] == (1, 0)
    assert by_group[("Hộ gia đình", "Không thuộc diện nghèo/cận nghèo")] == (1, 1)
    assert by_group[("Hộ gia đình", "Chưa ghi nhận")] == (1, 0)
    annex = [tuple(r) for r in book.worksheets[0].iter_rows(min_row=5, values_only=True)]
    assert annex and all(r[-1] for r in annex)  # every line says its status


def test_absolute_target_sub_units_show_contribution(client, tree, absolute, learners,
                                                     officer_a):
    learner_in(tree["x2"])
    client.force_login(officer_a)
    body = client.get(reverse("reports:dashboard", args=[tree["x1"].pk]),
                      {"target": absolute.pk}).content.decode()
    card = body.split(absolute.name)[1].split("</li>")[0]
    assert "Đóng góp" in card and "1 người, 100,0% số đã đạt của Sở GD&amp;ĐT A" in card
    assert "còn 50 người cần đào tạo" not in body
    own = client.get(reverse("reports:dashboard", args=[tree["so_a"].pk]),
                     {"target": absolute.pk}).content.decode()
    assert "còn 49 người cần đào tạo" in own  # the threshold applies at Sở A itself
    children = own.split('id="children"')[1].split("<h3>")[0]
    assert "Đóng góp" in children and "còn 50" not in children
    assert "stroke-dasharray" not in children  # no threshold line over contributions
    figure = unit_attainments(tree["x1"], [absolute])[0]
    assert (figure.status, figure.required, figure.gap, figure.share) == (
        "contribution", None, None, 100.0)
    text = _build(tree["so_a"], "csv", officer_a).decode("utf-8-sig")
    lines = {(r[0], r[2]): r for r in csv.reader(io.StringIO(text))}
    assert lines[("Lớp 12A1", "so-a-50")][-2:] == ["", "Đóng góp 100%"]
    assert lines[("Sở GD&ĐT A", "so-a-50")][-2] == "49"


def test_english_labels(tree, target, learners):
    from django.utils import translation

    from lms.reports.selectors import unit_splits
    from lms.reports.splits import labelled_rows

    with translation.override("en"):
        labels = [str(label) for label, _v in labelled_rows(
            unit_splits(tree["so_a"], target))["household"]]
        empty = unit_attainments(tree["z1"], [target])[0]
        assert "Not recorded" in labels and str(empty.status_label) == "Nobody in scope"
