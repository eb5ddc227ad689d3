"""Certificates are issued automatically once per completed course (with the quiz passed),
render a Vietnamese PDF with a QR to the public verify page, and can be revoked only by staff
of the issuing unit."""

import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from courses.certificates import services
from courses.certificates.models import Certificate
from courses.certificates.pdf import certificate_html, qr_svg, verify_url
from courses.certificates.signals import certificate_issued
from courses.quizzes import services as quiz_services
from courses.services import enrolment_create, progress_record
from lms.units.models import RoleKind
from tests.concurrency import wait_for
from tests.factories import course_with_lessons, learner_in, staff_at
from tests.quizzes.helpers import correct_post, course_with_quiz, one_of_each, querydict

# Transactional: issuing runs from on-commit signals through Celery (eager here; a real worker
# in .ci/run's PostgreSQL pass, hence the polling).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def issued_signals():
    received = []

    def listener(sender, certificate, **kwargs):
        received.append(certificate.pk)

    certificate_issued.connect(listener)
    yield received
    certificate_issued.disconnect(listener)


def test_completion_issues_automatically_with_pdf(school_tree):
    course, lessons = course_with_lessons(2)
    learner = learner_in(school_tree["class_b"], full_name="Trần Thị Ánh Dương")
    enrolment_create(user=learner, course=course)
    for lesson in lessons:
        progress_record(user=learner, lesson=lesson, completed=True)
    assert wait_for(lambda: Certificate.objects.filter(user=learner, course=course)
                     .exclude(pdf="").exists())
    certificate = Certificate.objects.get(user=learner, course=course)
    assert certificate.issuing_unit == school_tree["school_b"]
    assert certificate.hours == course.estimated_hours
    again, created = services.certificate_issue(user=learner, course=course)
    assert (again.pk, created) == (certificate.pk, False)
    with certificate.pdf.open("rb") as fh:
        text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(fh.read())).pages)
    assert "Trần Thị Ánh Dương" in text
    assert certificate.code in text
    assert "Trường THPT B" in text


def test_issue_sends_certificate_issued_exactly_once(school_tree, issued_signals):
    from courses.models import CourseCompletion

    course, _lessons = course_with_lessons(1)
    learner = learner_in(school_tree["class_b"])
    CourseCompletion.objects.create(user=learner, course=course, completed_at=timezone.now())
    first, created = services.certificate_issue(user=learner, course=course, render=False)
    second, created_again = services.certificate_issue(user=learner, course=course)
    assert created and not created_again and first.pk == second.pk
    assert issued_signals == [first.pk]


def test_quiz_must_be_passed_before_issue(school_tree):
    course, lessons, quiz_lesson = course_with_quiz(2, question_count=6)
    one_of_each(course)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    for lesson in lessons:  # "Hoàn thành bài học" on every lesson, quiz not taken
        progress_record(user=learner, lesson=lesson, completed=True)
    assert not Certificate.objects.filter(user=learner).exists()
    attempt = quiz_services.attempt_start(user=learner, lesson=quiz_lesson)
    quiz_services.attempt_submit(attempt=attempt, data=querydict(correct_post(attempt)))
    assert wait_for(lambda: Certificate.objects.filter(user=learner, course=course).exists())
    assert Certificate.objects.filter(user=learner, course=course).count() == 1


def test_not_completed_gives_nothing(school_tree):
    course, _lessons = course_with_lessons(2)
    learner = learner_in(school_tree["class_b"])
    assert services.certificate_issue(user=learner, course=course) == (None, False)


def test_qr_points_to_verify_page(school_tree, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://hocmo.example.vn"
    course, lessons = course_with_lessons(1)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)
    assert wait_for(lambda: Certificate.objects.filter(user=learner).exists())
    certificate = Certificate.objects.get(user=learner)
    url = verify_url(certificate)
    assert url == f"https://hocmo.example.vn/verify/{certificate.code}/"
    assert qr_svg(url) in certificate_html(certificate)


def test_revocation_only_by_staff_of_issuing_unit(school_tree):
    course, lessons = course_with_lessons(1)
    learner = learner_in(school_tree["class_b"])
    enrolment_create(user=learner, course=course)
    progress_record(user=learner, lesson=lessons[0], completed=True)
    assert wait_for(lambda: Certificate.objects.filter(user=learner).exists())
    certificate = Certificate.objects.get(user=learner)
    other_head = staff_at(school_tree["school_a"], kind=RoleKind.SCHOOL_ADMIN)
    teacher = staff_at(school_tree["school_b"], kind=RoleKind.TEACHER)
    head = staff_at(school_tree["school_b"], kind=RoleKind.SCHOOL_ADMIN)
    for actor in (other_head, teacher, learner):
        with pytest.raises(PermissionError):
            services.certificate_revoke(actor=actor, certificate=certificate, reason="Gian lận")
    with pytest.raises(ValueError):
        services.certificate_revoke(actor=head, certificate=certificate, reason="  ")
    assert services.certificate_revoke(actor=head, certificate=certificate, reason="Gian lận")
    assert not services.certificate_revoke(actor=head, certificate=certificate, reason="Khác")
    certificate.refresh_from_db()
    assert certificate.revoked_at and certificate.revoke_reason == "Gian lận"
