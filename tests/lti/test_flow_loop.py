"""End to end in process: HọcMở as the platform deep-links and launches HọcMở as the tool, and
the tool's grade passback (AGS) completes the platform's lesson. The test client is the
browser; server-to-server calls go through the in-process transport (conftest)."""

from urllib.parse import urlsplit

import pytest

from courses.models import LessonProgress
from courses.services import enrolment_create, progress_record
from lms.lti.models import LtiIdentity, LtiLinkUser, LtiToolLink, LtiToolScore
from lms.lti.services import grade_send, members_sync
from tests.factories import UserFactory


def _follow_autopost(client, response):
    """What the browser does with an auto-submitting form page."""
    assert response.status_code == 200, response.content[:300]
    action, fields = response.context["action"], response.context["fields"]
    return client.post(urlsplit(action).path, fields)


def _launch(client, lesson, tool, *, deep=False):
    url = f"/lti/nen-tang/mo/{lesson.pk}/{tool.pk}/" + ("?chon=1" if deep else "")
    login = _follow_autopost(client, client.get(url))           # OIDC initiation at the tool
    assert login.status_code == 302
    auth = client.get(login["Location"])                          # our platform's auth endpoint
    return _follow_autopost(client, auth)                         # id_token POSTed to the tool


@pytest.mark.django_db
def test_deep_link_launch_and_grade_passback(client, loop, celery_in_process,
                                             django_capture_on_commit_callbacks):
    tool, course = loop["tool"], loop["course"]
    tool_lesson, platform_lesson = loop["lessons"]
    platform_lesson.body = [("lti_tool", {"tool": tool, "title": "Phòng thí nghiệm ảo"})]
    platform_lesson.save()

    # A teacher (an editor of the lesson) picks the tool's content by deep linking.
    teacher = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(teacher)
    lesson_page = client.get(platform_lesson.url)
    assert f"/lti/nen-tang/mo/{platform_lesson.pk}/{tool.pk}/".encode() in lesson_page.content
    picker = _launch(client, platform_lesson, tool, deep=True)
    assert picker.status_code == 302 and "/lti/chon-noi-dung/" in picker["Location"]
    chosen = client.post(picker["Location"], {"page_id": tool_lesson.pk})
    done = _follow_autopost(client, chosen)                       # the signed deep link response
    assert done.status_code == 200
    link = LtiToolLink.objects.get(tool=tool, lesson=platform_lesson)
    assert link.url == "http://testserver/lti/launch/"
    assert link.custom == {"page_id": str(tool_lesson.pk)}

    # A learner of the platform's course launches it: the tool signs in their mapped account.
    learner = UserFactory()
    enrolment_create(user=learner, course=course)
    client.logout()
    client.force_login(learner)
    landed = _launch(client, platform_lesson, tool)
    assert landed.status_code == 302 and landed["Location"] == tool_lesson.url
    tool_user = LtiIdentity.objects.get(sub=str(learner.pk)).user
    assert tool_user != learner
    link_user = LtiLinkUser.objects.get(user=tool_user)
    assert link_user.link.lineitem_url.endswith(f"/lti/platform/ags/{link.pk}/lineitem")

    # The learner completes the tool's lesson: the score goes back and completes ours.
    with django_capture_on_commit_callbacks(execute=True):
        progress_record(user=tool_user, lesson=tool_lesson, completed=True)
    score = LtiToolScore.objects.get(link=link, user=learner)
    assert score.score_given == 100 and score.activity_progress == "Completed"
    ours = LessonProgress.objects.get(user=learner, lesson=platform_lesson)
    assert ours.completed_at is not None and ours.percent == 100
    assert "POST /lti/platform/token/" in loop_calls(loop)
    link_user.refresh_from_db()
    assert link_user.sent_score == 100
    assert grade_send(link_user_id=link_user.pk) is False         # idempotent: sent once

    # Names and Role Provisioning: the tool reads the course's members (opaque ids only).
    other = UserFactory()
    enrolment_create(user=other, course=course)
    context = link_user.link.context
    assert context.memberships_url.endswith(f"/lti/platform/nrps/{link.pk}/memberships")
    # learner, other, and (one instance plays both sides) the tool's account of the learner
    assert members_sync(context_pk=context.pk) == 3
    assert LtiIdentity.objects.filter(sub=str(other.pk)).exists()
    assert LtiIdentity.objects.get(sub=str(other.pk)).user.full_name == ""


def loop_calls(loop):
    from lms.lti import http
    return http.session().get_adapter("http://testserver/").calls


def test_a_learner_not_enrolled_cannot_start(client, loop):
    tool, lesson = loop["tool"], loop["lessons"][1]
    lesson.body = [("lti_tool", {"tool": tool})]
    lesson.save()
    client.force_login(UserFactory())
    assert client.get(f"/lti/nen-tang/mo/{lesson.pk}/{tool.pk}/").status_code == 404
    assert client.get(f"/lti/nen-tang/mo/{lesson.pk}/{tool.pk}/?chon=1").status_code == 404
    # a tool the lesson does not name
    assert client.get(f"/lti/nen-tang/mo/{loop['lessons'][0].pk}/{tool.pk}/").status_code == 404


def test_auth_refuses_another_user_and_unregistered_redirect(client, loop):
    tool = loop["tool"]
    client.force_login(UserFactory())
    base = {"client_id": tool.client_id, "response_type": "id_token", "scope": "openid",
            "nonce": "n", "state": "s", "login_hint": "x", "lti_message_hint": "y"}
    assert client.get("/lti/platform/auth/", {**base, "redirect_uri": "https://evil.example/"}
                      ).status_code == 400
    assert client.get("/lti/platform/auth/", {**base, "redirect_uri": tool.launch_url}
                      ).status_code == 400  # hints not signed by us
