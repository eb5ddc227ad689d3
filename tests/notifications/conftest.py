import email
import socket
from email import policy

import pytest


class Collector:
    """aiosmtpd handler keeping every message that arrives, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's API
        self.messages.append((envelope.rcpt_tos,
                              email.message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server in this process; Django's SMTP backend sends to it."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # a free port (the controller's self-check needs a real one)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.NOTIFICATIONS_BASE_URL = "https://hocmo.example.vn"
    yield collector
    controller.stop()


@pytest.fixture
def parent_with_child(school_tree):
    from courses.services import enrolment_create, progress_record
    from lms.accounts.models import GuardianLink
    from tests.factories import UserFactory, course_with_lessons, learner_in

    child = learner_in(school_tree["class_b"], username="hs.an", full_name="Nguyễn Minh An")
    parent = UserFactory(username="ph.an", full_name="Nguyễn Văn Ba", phone="0912000001",
                         email="ba@example.vn")
    GuardianLink.objects.create(guardian=parent, learner=child)
    course, lessons = course_with_lessons(2, title="Kỹ năng số cơ bản")
    enrolment_create(user=child, course=course)
    progress_record(user=child, lesson=lessons[0], completed=True, seconds=1500, history=True)
    other, _ = course_with_lessons(1, title="Hướng nghiệp", slug="huong-nghiep")
    enrolment_create(user=child, course=other)
    progress_record(user=child, lesson=_[0], completed=True, seconds=600, history=True)
    return {"parent": parent, "child": child, "course": course}
