"""Recognition counts appear in reports: the dashboard's panel counts confirmed recognitions of
the unit's subtree, this year and last, and nothing of another subtree."""

import re

import pytest

from lms.recognition import services
from lms.recognition.panels import recognition_panel_html

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
