"""Reports on a phone (issue 19 item 5): the dashboard's charts are accessible SVG with labels
of at least 12 px at 1:1 scale, the weekly trend has axes and values, every figure has a
progress bar and its % of target, splits show percentages; the not-yet-trained list shows the
school and searches by name across pages."""

import datetime
import re

import pytest
from django.urls import reverse

from lms.reports.models import TargetSnapshot
from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

from .helpers import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_a(tree):
    return staff_at(tree["so_a"], RoleKind.OFFICER, username="canbo-a", is_staff=True)


@pytest.fixture
def data(tree, target, courses):
    learners = [learner_in(tree["x1"], full_name=f"Trần Văn {c}") for c in "ABC"]
    learners.append(learner_in(tree["x2"], full_name="Lê Thị Hoa"))
    complete(learners[0], courses[0])
    for week in range(3):
        TargetSnapshot.objects.create(target=target, unit=tree["so_a"],
                                      taken_on=datetime.date(2026, 1, 5 + 7 * week),
                                      population=4, trained=week)
    return learners


def _dashboard(client, tree, target) -> str:
    return client.get(reverse("reports:dashboard", args=[tree["so_a"].pk]),
                      {"chi-tieu": target.pk}).content.decode()


def test_charts_are_accessible_svg_with_readable_labels(client, tree, target, data, officer_a):
    client.force_login(officer_a)
    body = _dashboard(client, tree, target)
    charts = re.findall(r'<svg class="chart"(.*?)</svg>', body, re.S)
    assert len(charts) == 2  # children bars, weekly trend
    for chart in charts:
        assert 'role="img"' in chart and "aria-hidden" not in chart
        assert "<title id=" in chart and "<desc id=" in chart
        assert re.search(r'viewBox="0 0 340 ', chart)  # drawn 1:1 on a 390 px phone
        sizes = [int(s) for s in re.findall(r'font-size="(\d+)"', chart)]
        assert sizes and min(sizes) >= 12
    bars, trend = charts
    assert "Phòng GD&amp;ĐT A1: 25,0% (1/4)" in bars  # the desc is a text alternative
    assert "Ngưỡng 90%" in bars
    # Both axes with labels, every point's value, the dates under the x axis.
    for label in ("0%", "50%", "100%", ">05/01<", ">19/01<", ">25%<", ">50%<"):
        assert label in trend, label


def test_each_figure_has_a_progress_bar_and_percent_of_target(client, tree, target, data,
                                                              officer_a):
    client.force_login(officer_a)
    body = _dashboard(client, tree, target)
    card = re.search(r'<li class="fig".*?</li>', body, re.S).group(0)
    # 1 of 4 trained; 90% of 4 → 4 required: 25% of the target, 3 still to train.
    assert 'class="pbar" role="img"' in card
    assert "Đạt 25,0% chỉ tiêu" in card and "còn 3 người cần đào tạo" in card
    assert 'width="25"' in card and 'x="90"' in card  # bar and threshold marker


def test_nobody_in_scope_has_no_bar_and_no_percent_of_target(client, tree, target, data,
                                                             officer_a):
    client.force_login(officer_a)
    body = client.get(reverse("reports:dashboard", args=[tree["primary"].pk]),
                      {"chi-tieu": target.pk}).content.decode()
    card = re.search(r'<li class="fig".*?</li>', body, re.S).group(0)
    assert "Không có đối tượng" in card  # R4
    assert 'class="pbar"' not in card and "chỉ tiêu</span>" not in card


def test_splits_show_percentages(client, tree, target, data, officer_a):
    client.force_login(officer_a)
    body = _dashboard(client, tree, target)
    splits = body.split('id="splits-cap"')[1].split("</table>")[0]
    row = re.search(r'<th scope="row">Trung học phổ thông</th>(.*?)</tr>', splits, re.S).group(1)
    assert re.findall(r'<td class="n">(.*?)</td>', row) == ["4", "1", "25,0"]


def test_dashboard_sections_collapse_with_the_children_open(client, tree, target, data,
                                                           officer_a):
    client.force_login(officer_a)
    body = _dashboard(client, tree, target)
    assert '<details class="sec" open><summary><h3 id="children">' in body
    assert body.count('<details class="sec">') >= 3  # details, splits, trend


def test_not_trained_list_shows_school_and_searches(client, tree, target, data, officer_a):
    client.force_login(officer_a)
    url = reverse("reports:not_trained", args=[tree["so_a"].pk, target.pk])
    body = client.get(url).content.decode()
    assert "3 người chưa đạt" in body
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td>", body, re.S)
    assert {name for name, _ in rows} == {"Trần Văn B", "Trần Văn C", "Lê Thị Hoa"}
    assert all("THPT X" in school for _, school in rows)
    body = client.get(url, {"q": "  trần  văn "}).content.decode()
    assert "2 người chưa đạt khớp với “trần văn”" in body
    assert "Lê Thị Hoa" not in body
    assert client.get(url, {"q": "Không ai"}).content.decode().count(
        "Không có ai chưa đạt khớp với") == 1
    assert client.get(url, {"q": "x" * 5000}).status_code == 200
    assert client.get(url, {"q": "Trần\x00"}).status_code == 400  # refused upstream, no 500


def test_not_trained_search_is_kept_across_pages(client, tree, target, officer_a):
    for i in range(51):
        learner_in(tree["x1"], full_name=f"Phạm Minh {i:02d}")
    learner_in(tree["x1"], full_name="Ngô Bảo")
    client.force_login(officer_a)
    url = reverse("reports:not_trained", args=[tree["so_a"].pk, target.pk])
    body = client.get(url, {"q": "Phạm"}).content.decode()
    assert "51 người chưa đạt khớp với" in body
    assert "?q=Ph%E1%BA%A1m&amp;trang=2" in body
    second = client.get(url, {"q": "Phạm", "trang": "2"}).content.decode()
    assert second.count('<th scope="row">') == 1 and "Ngô Bảo" not in second
