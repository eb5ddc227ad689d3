"""Recognition counts appear in reports: the dashboard's panel counts confirmed recognitions of
the unit's subtree, this year and last, and nothing of another subtree."""

import re

import pytest

from lms.recognition import services
from lms.recognition.models import Candidate
from lms.recognition.panels import recognition_dashboard_panel, recognition_panel_html

from .test_views_review import citizen  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def _citizen_cells(unit) -> list[str]:
    html = recognition_panel_html(unit)
    row = re.search(r'<th scope="row">Công dân học tập</th>(.*?)</tr>', html).group(1)
    return re.findall(r'<td class="n">(\d+)</td>', row)


def test_panel_counts_confirmed_citizens_in_the_subtree_only(tree, citizen):  # noqa: F811
    assert _citizen_cells(tree["so"]) == ["0", "0"]  # proposed is not yet recognised
    services.candidate_confirm(actor=tree["officer_so"], candidate=citizen, render=False)
    assert "1" in _citizen_cells(tree["so"])
    assert _citizen_cells(tree["xa_b"]) == ["0", "0"]


def test_cached_dashboard_panel_follows_a_confirmation_and_a_rename(tree, citizen,  # noqa: F811
                                                                    rf, django_assert_num_queries):
    """Issue 18: the dashboard's panel is cached under the recognition generation and the
    dashboard's: a warm panel reads nothing, a confirmation or a rename shows at once."""
    request = rf.get("/")  # a commune: the root (depth 1) shows no panel
    request.user = tree["officer_so"]  # the link to the counts is shown by capability
    first = recognition_dashboard_panel(request, tree["xa_a"])
    with django_assert_num_queries(0):
        assert recognition_dashboard_panel(request, tree["xa_a"]) == first
    services.candidate_confirm(actor=tree["officer_so"], candidate=citizen, render=False)
    assert recognition_dashboard_panel(request, tree["xa_a"]) != first
    assert "<td class=\"n\">1</td>" in recognition_dashboard_panel(request, tree["xa_a"])
    tree["xa_a"].name = "UBND Phường Biên Hòa (mới)"
    tree["xa_a"].save()
    assert "(mới)" in recognition_dashboard_panel(request, tree["xa_a"])
    Candidate.objects.filter(pk=citizen.pk).delete()  # one by one: the receiver bumps
    assert "<td class=\"n\">1</td>" not in recognition_dashboard_panel(request, tree["xa_a"])
