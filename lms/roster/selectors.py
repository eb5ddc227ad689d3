"""Reads for the roster pages and the export."""

from django.db.models import OuterRef, Subquery

from lms.accounts.models import GuardianContact, LearnerProfile
from lms.units.models import Role, RoleKind, Unit
from lms.units.permissions import units_visible_to

from .models import RosterImport
from .permissions import IMPORT_CAPABILITY


def schools_importable_by(user):
    return units_visible_to(user, IMPORT_CAPABILITY).filter(kind__is_school=True,
                                                            is_active=True)


def imports_visible_to(user):
    return RosterImport.objects.filter(school__in=schools_importable_by(user)).select_related(
        "school")


def roster_records(school: Unit):
    """One dict per learner with an active class role in the school, in Vietnamese name
    order (given, middle, family name: issue 19 item 11)."""
    first_contact = GuardianContact.objects.filter(profile=OuterRef("pk")).order_by("pk")
    roles = Role.objects.filter(kind=RoleKind.LEARNER, ended_at__isnull=True,
                                unit_path__startswith=school.path, unit__kind__is_class=True)
    role_by_user = dict(roles.values_list("user_id", "unit__name"))
    profiles = (LearnerProfile.objects.filter(user_id__in=roles.values("user_id"))
                .select_related("user").order_by("user__name_key", "learner_code")
                .annotate(g_name=Subquery(first_contact.values("name")[:1]),
                          g_phone=Subquery(first_contact.values("phone")[:1]),
                          g_email=Subquery(first_contact.values("email")[:1])))
    for p in profiles.iterator(chunk_size=2000):
        yield {"learner_code": p.learner_code or "", "full_name": p.user.full_name,
               "date_of_birth": p.date_of_birth, "sex": p.sex, "ethnicity": p.ethnicity,
               "class_name": role_by_user.get(p.user_id, ""), "grade": p.grade,
               "household_status": p.household_status, "guardian_name": p.g_name or "",
               "guardian_phone": p.g_phone or "", "guardian_email": p.g_email or ""}


def oneroster_units(user):
    """Units whose subtree `user` may export or import as OneRoster (MANAGE_ROSTER; classes are
    part of a school's file, never a file of their own)."""
    return units_visible_to(user, IMPORT_CAPABILITY).filter(
        kind__is_class=False, is_active=True, merged_into__isnull=True).order_by("path")
