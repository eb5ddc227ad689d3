"""Issue 19 item 4: the teacher's roster links to the class progress grid and to the parents'
link codes of that class, only where those pages open; class headings never read "Lớp Lớp"."""

import pytest
from django.urls import reverse

from lms.units.models import RoleKind
from tests.factories import learner_in, staff_at

pytestmark = pytest.mark.django_db


def _links(client, klass):
    return (reverse("reports:class_view", args=[klass.pk]),
            reverse("families:class_families", args=[klass.pk]))


def test_teacher_roster_links_to_grid_and_link_codes(client, school_tree):
    klass = school_tree["class_b"]
    learner_in(klass)
    client.force_login(staff_at(school_tree["school_b"]))
    body = client.get(reverse("courses:class_detail", args=[klass.pk])).content.decode()
    grid, families = _links(client, klass)
    assert f'href="{grid}"' in body
    assert f'href="{families}"' in body
    # Both pages open for the same teacher (a link never leads to a 404).
    assert client.get(grid).status_code == 200
    assert client.get(families).status_code == 200


def test_no_link_where_the_page_would_refuse(client, school_tree):
    """An officer may enrol the class and open its grid, but not its families page (teachers
    and heads only): the families link is not shown to them."""
    klass = school_tree["class_b"]
    client.force_login(staff_at(school_tree["so"], kind=RoleKind.OFFICER))
    body = client.get(reverse("courses:class_detail", args=[klass.pk])).content.decode()
    grid, families = _links(client, klass)
    assert f'href="{grid}"' in body
    assert f'href="{families}"' not in body
    assert client.get(families).status_code in (403, 404)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_class_headings_do_not_double_the_word_class(client, school_tree, lang):
    klass = school_tree["class_b"]  # named "Lớp 12A1", as the demo and real schools name them
    learner_in(klass)
    client.force_login(staff_at(school_tree["school_b"]))
    if lang == "en":
        client.cookies["hocmo_lang"] = "en"
    for name in ("courses:class_detail", "reports:class_view", "families:class_families",
                 "families:class_news"):
        body = client.get(reverse(name, args=[klass.pk])).content.decode()
        h1 = body.split("<h1>", 1)[1].split("</h1>", 1)[0]
        assert "Lớp 12A1" in h1, (name, h1)
        for doubled in ("lớp Lớp", "Lớp Lớp", "class Lớp", "Class Lớp"):
            assert doubled not in h1, (name, lang, h1)
