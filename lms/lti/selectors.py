from django.db.models import Q
from django.utils import timezone

from .models import LtiKey, LtiPlatform, LtiTool, LtiToolLink


def lti_keys_published() -> list[LtiKey]:
    now = timezone.now()
    return list(LtiKey.objects.filter(Q(published_until__isnull=True)
                                      | Q(published_until__gt=now)))


def lti_key_signing() -> LtiKey | None:
    return LtiKey.objects.filter(retired_at__isnull=True).first()


def lti_jwks() -> dict:
    return {"keys": [key.public_jwk for key in lti_keys_published()]}


def platform_find(issuer: str, client_id: str | None = None) -> LtiPlatform | None:
    rows = LtiPlatform.objects.filter(issuer=issuer, is_active=True)
    if client_id:
        rows = rows.filter(client_id=client_id)
    return rows.order_by("pk").first()


def platforms_count(issuer: str) -> int:
    return LtiPlatform.objects.filter(issuer=issuer, is_active=True).count()


def tool_active(tool_id) -> LtiTool | None:
    return LtiTool.objects.filter(pk=tool_id, is_active=True).first()


def tool_by_client_id(client_id: str) -> LtiTool | None:
    return LtiTool.objects.filter(client_id=client_id, is_active=True).first()


def tool_link(tool: LtiTool, lesson_id: int) -> LtiToolLink | None:
    return LtiToolLink.objects.filter(tool=tool, lesson_id=lesson_id).first()


def lesson_tool_ids(lesson) -> set[int]:
    """The tools the lesson's external-tool blocks name (a launch for any other is refused)."""
    ids = set()
    for block in lesson.body:
        if block.block_type == "lti_tool" and block.value.get("tool") is not None:
            ids.add(block.value["tool"].pk)
    return ids


def course_learner_ids(course_id: int) -> list[int]:
    from courses.models import Enrolment

    return list(Enrolment.objects.filter(course_id=course_id, user__is_active=True)
                .order_by("user_id").values_list("user_id", flat=True)[:5000])
