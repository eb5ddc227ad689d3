"""Defect 3: the unit admin's change list was a 500 (treebeard's templates not installed)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["", "?q=Hai", "?_to_field=id", "?q=Th%E1%BB%A7y"])
def test_unit_change_list_renders(admin_client, school_tree, query):
    response = admin_client.get(reverse("admin:units_unit_changelist") + query)
    assert response.status_code == 200
    if not query:
        assert "Trường THCS A" in response.content.decode()


def test_reorganisation_audit_is_read_only_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:units_unitchange_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:units_unitchange_add")).status_code == 403


def test_units_are_never_deleted_in_the_admin(admin_client, school_tree):
    url = reverse("admin:units_unit_delete", args=[school_tree["school_a"].pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert school_tree["school_a"].__class__.objects.filter(pk=school_tree["school_a"].pk).exists()
