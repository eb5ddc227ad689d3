"""Demo: ten occupation profiles, three approved employers (Hải Phòng, Đồng Nai) and one
waiting for approval, their postings, an application by `hocsinh` with a certificate, and
employment outcomes for trainees of the GDNN-GDTX centre and class 12A2. Idempotent."""

import datetime as dt
import random

from django.utils import timezone

DEMO_ORDER = 300  # after courses, certificates (120) and the library (200)


def _occupations(context) -> dict:
    from courses.models import CoursePage
    from library.models import LibraryItemPage

    from .demo_content import OCCUPATIONS
    from .models import Occupation

    found = {}
    for n, (slug, title, code, low, high, summary, description, skills, paths, employers,
            course_slugs, item_slugs) in enumerate(OCCUPATIONS):
        occ, created = Occupation.objects.get_or_create(slug=slug, defaults={
            "title": title, "riasec_code": code, "wage_min": low, "wage_max": high,
            "summary": summary, "description": description, "skills": skills,
            "training_paths": paths, "local_employers": employers, "sort_order": 10 * (n + 1),
            "live": True})
        if created:
            occ.related_courses.set(CoursePage.objects.filter(slug__in=course_slugs))
            occ.related_library_items.set(LibraryItemPage.objects.filter(slug__in=item_slugs))
            occ.save()  # ParentalManyToManyField values are written on save
        found[slug] = occ
    return found


def _employers(context) -> dict:
    from lms.accounts.models import User
    from lms.demo.people import demo_password_hash

    from .demo_content import EMPLOYERS
    from .models import Employer, EmployerMember

    approvers = {"so_hp": "canbo.so", "phong_tn": "canbo.phong", "so_dn": "canbo.dongnai"}
    found = {}
    for key, name, tax, unit_key, address, contact, phone, username, approved in EMPLOYERS:
        approver = User.objects.filter(username=approvers[unit_key]).first()
        employer, _ = Employer.objects.get_or_create(tax_code=tax, defaults={
            "name": name, "unit": context.units[unit_key], "address": address,
            "contact_name": contact, "contact_phone": phone,
            "contact_email": f"{username}@hocmo.local", "approved": approved,
            "approved_at": timezone.now() if approved else None,
            "approved_by": approver if approved else None})
        user, _ = User.objects.get_or_create(username=username, defaults={
            "full_name": contact, "email": f"{username}@hocmo.local",
            "password": demo_password_hash()})
        EmployerMember.objects.get_or_create(user=user, defaults={"employer": employer})
        found[key] = employer
    return found


def _postings(employers, occupations) -> dict:
    from courses.models import CoursePage

    from .demo_content import POSTINGS
    from .models import JobPosting

    today = timezone.localdate()
    found = {}
    for (key, title, kind, occ_slug, location, low, high, days, description, requirements,
         course_slugs) in POSTINGS:
        employer = employers[key]
        posting, created = JobPosting.objects.get_or_create(
            employer=employer, title=title, defaults={
                "kind": kind, "occupation": occupations.get(occ_slug), "location": location,
                "wage_min": low, "wage_max": high, "deadline": today + dt.timedelta(days=days),
                "description": description, "requirements": requirements,
                "created_by": employer.members.first().user})
        if created and course_slugs:
            posting.required_courses.set(CoursePage.objects.filter(slug__in=course_slugs))
        found[title] = posting
    return found


def _hocsinh_application(context, postings) -> None:
    from courses.certificates.services import award_issue
    from lms.accounts.models import User

    from .services import application_submit

    learner = User.objects.filter(username="hocsinh").first()
    if learner is None:
        return
    # A certificate to attach: the career-experience day of the seed 002 plan ("ngày hội STEM,
    # trải nghiệm nghề nghiệp"), issued as an award by the learner's school.
    certificate, _ = award_issue(
        user=learner, award_key="careers:ngay-hoi-nghe-nghiep:2025",
        title="Ngày hội STEM và trải nghiệm nghề nghiệp 2025", citation="đã tham gia và hoàn thành",
        issuing_unit=context.units.get("HP-THPT-NQ"), hours=4, render=False)
    posting = postings["Kỹ thuật viên nhà màng thủy canh"]
    application_submit(learner=learner, posting=posting, contact="hocsinh@hocmo.local",
                       message="Em thích trồng rau thủy canh và muốn học việc tại HTX vào kỳ "
                               "nghỉ hè.", certificates=[certificate])


def _outcomes(context) -> int:
    from courses.models import CourseCompletion
    from lms.accounts.models import User
    from lms.units.models import RoleKind

    from .models import EmploymentOutcome, OutcomeSource, OutcomeStatus

    rng = random.Random(2025)
    today = timezone.localdate()
    recorded = 0
    for prefix, teacher_name in (("HP-GDTX-", "giaovien.gdtx"), ("HP-THPT-NQ-12A2", "giaovien")):
        teacher = context.teachers.get(teacher_name)
        trainees = (User.objects.filter(roles__kind=RoleKind.LEARNER,
                                        roles__unit__code__startswith=prefix,
                                        pk__in=CourseCompletion.objects.values("user_id"))
                    .distinct().order_by("pk"))
        for learner in trainees:
            if EmploymentOutcome.objects.filter(learner=learner).exists():
                continue
            roll = rng.random()
            if roll < 0.55:
                status, where = OutcomeStatus.EMPLOYED, rng.choice(
                    ["Công ty TNHH Kỹ thuật Điện Cát Hải", "HTX Nông nghiệp Thủy Nguyên",
                     "Xưởng may Minh Khai"])
            elif roll < 0.7:
                status, where = OutcomeStatus.SELF_EMPLOYED, "Hộ kinh doanh gia đình"
            elif roll < 0.85:
                status, where = OutcomeStatus.STUDYING, "Trường Cao đẳng Kỹ thuật Hải Phòng"
            elif roll < 0.93:
                status, where = OutcomeStatus.SEEKING, ""
            else:
                continue  # not heard from yet
            self_report = rng.random() < 0.3
            EmploymentOutcome.objects.create(
                learner=learner, status=status, employer_name=where,
                date=today - dt.timedelta(days=rng.randint(5, 90)),
                source=OutcomeSource.SELF if self_report else OutcomeSource.SCHOOL,
                recorded_by=learner if self_report else teacher)
            recorded += 1
    return recorded


def build_demo(context) -> None:
    occupations = _occupations(context)
    employers = _employers(context)
    postings = _postings(employers, occupations)
    _hocsinh_application(context, postings)
    recorded = _outcomes(context)
    context.stdout.write(f"Hướng nghiệp: {len(occupations)} nghề, {len(postings)} tin tuyển "
                         f"dụng, {recorded} tình trạng việc làm mới. Doanh nghiệp: ntd.dien, "
                         "ntd.htx, ntd.dongnai (đã duyệt), ntd.choduyet (chờ canbo.so duyệt).")
