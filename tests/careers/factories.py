"""Careers test data: employers with their member, job postings, award certificates."""

import datetime as dt

from django.utils import timezone

from tests.accounts.factories import UserFactory


def make_employer(unit, *, name="Công ty A", tax="0100000001", approved=True, username=None):
    from lms.careers.models import Employer, EmployerMember

    employer = Employer.objects.create(name=name, tax_code=tax, unit=unit, contact_name="Anh Ba",
                                       approved=approved)
    user = UserFactory(username=username or f"ntd.{tax}")
    EmployerMember.objects.create(employer=employer, user=user)
    return employer, user


def make_posting(employer, *, title="Thợ điện học việc", days=30, status="open", **fields):
    from lms.careers.models import JobPosting

    return JobPosting.objects.create(
        employer=employer, title=title, location="Hải Phòng", description="Mô tả",
        deadline=timezone.localdate() + dt.timedelta(days=days), status=status, **fields)


def make_certificate(user, *, key="careers:test", revoked=False):
    from courses.certificates.services import award_issue

    certificate, _ = award_issue(user=user, award_key=key, title="Ngày hội nghề nghiệp",
                                 citation="đã tham gia", issuing_unit=None, render=False)
    if revoked:
        certificate.revoked_at = timezone.now()
        certificate.save(update_fields=["revoked_at"])
    return certificate
