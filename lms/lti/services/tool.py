"""HọcMở as an LTI tool: what a validated launch (pylti1p3 checked it) does here, Names and Role
Provisioning, and the grade sent back with Assignment and Grade Services."""

import hashlib

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from courses.models import CoursePage, EnrolmentSource, LessonPage
from courses.services import enrolment_create
from lms.units.models import Role, RoleKind, UnitKind
from lms.units.services import role_end, role_grant, role_reopen, unit_create

from ..models import LtiContext, LtiIdentity, LtiLinkUser, LtiPlatform, LtiResourceLink

C = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
TEACHING = ("Instructor", "Administrator", "ContentDeveloper", "TeachingAssistant", "Mentor")


def role_kind_of(roles: list[str]) -> str:
    """LTI roles (context or institution URIs) → a HọcMở role kind: teaching roles → teacher,
    everything else (Learner, Member, none) → learner."""
    for role in roles or []:
        name = role.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if name in TEACHING:
            return RoleKind.TEACHER
    return RoleKind.LEARNER


def identity_user(*, platform: LtiPlatform, sub: str, name: str = ""):
    """The HọcMở account of (platform, sub), created on first sight. Only the name is kept
    from the platform (no email: learners' data stays with the school's system)."""
    found = LtiIdentity.objects.filter(platform=platform, sub=sub).select_related("user").first()
    if found:
        user = found.user
        if name and user.full_name != name:
            user.full_name = name[:150]
            user.save(update_fields=["full_name"])
        return user
    digest = hashlib.sha256(f"{platform.pk}:{sub}".encode()).hexdigest()[:20]
    User = get_user_model()
    try:
        with transaction.atomic():
            user = User.objects.create(username=f"lti-{digest}", full_name=name[:150])
            user.set_unusable_password()
            user.save(update_fields=["password"])
            LtiIdentity.objects.create(platform=platform, sub=sub, user=user)
    except IntegrityError:  # a concurrent launch created it
        return LtiIdentity.objects.get(platform=platform, sub=sub).user
    return user


def _class_kind() -> UnitKind | None:
    return UnitKind.objects.filter(is_class=True).order_by("sort_order").first()


def context_ensure(*, platform: LtiPlatform, context: dict, memberships_url: str = "",
                   ) -> LtiContext | None:
    context_id = str(context.get("id") or "")[:255]
    if not context_id:
        return None
    title = str(context.get("title") or context.get("label") or context_id)[:255]
    row, _ = LtiContext.objects.get_or_create(platform=platform, context_id=context_id,
                                              defaults={"title": title})
    changed: list[str] = []
    if memberships_url and row.memberships_url != memberships_url:
        row.memberships_url, changed = memberships_url, [*changed, "memberships_url"]
    kind = _class_kind()
    if row.class_unit_id is None and platform.unit_id and kind is not None:
        row.class_unit = unit_create(parent=platform.unit, kind=kind, name=title[:200])
        changed.append("class_unit")
    if changed:
        row.save(update_fields=changed)
    return row


def membership_set(*, context: LtiContext | None, user, kind: str, page=None) -> None:
    """The user's live role at the context's class, and for a learner the enrolment in the
    course of `page` (a course or a lesson)."""
    if context is not None and context.class_unit is not None:
        role = Role.objects.filter(user=user, unit=context.class_unit, kind=kind).first()
        if role is None:
            role_grant(user=user, unit=context.class_unit, kind=kind)
        else:
            role_reopen(role=role)
    if page is not None and kind == RoleKind.LEARNER:
        course = course_of(page)
        if course is not None:
            class_unit = context.class_unit if context is not None else None
            enrolment_create(user=user, course=course, via_unit=class_unit,
                             source=EnrolmentSource.CLASS if class_unit else EnrolmentSource.SELF)


def course_of(page) -> CoursePage | None:
    page = page.specific
    if isinstance(page, CoursePage):
        return page
    if isinstance(page, LessonPage):
        parent = page.get_parent()
        return parent.specific if parent is not None else None
    return None


def launch_accept(*, platform: LtiPlatform, data: dict, page) -> tuple:
    """A validated resource link launch: the account, the class role, the enrolment, the link
    (and its AGS line item) and that this user launched it. Returns (user, link)."""
    user = identity_user(platform=platform, sub=str(data["sub"]), name=str(data.get("name", "")))
    kind = role_kind_of(data.get(C + "roles", []))
    nrps = data.get(NRPS_CLAIM) or {}
    context = context_ensure(platform=platform, context=data.get(C + "context") or {},
                             memberships_url=str(nrps.get("context_memberships_url", "")))
    membership_set(context=context, user=user, kind=kind, page=page)
    ags = data.get(AGS_CLAIM) or {}
    link_id = str((data.get(C + "resource_link") or {}).get("id", ""))[:255]
    link, _ = LtiResourceLink.objects.update_or_create(
        platform=platform, resource_link_id=link_id,
        defaults={"context": context, "page": page,
                  "lineitem_url": str(ags.get("lineitem", ""))[:500],
                  "ags_scopes": list(ags.get("scope", []))})
    if kind == RoleKind.LEARNER:
        LtiLinkUser.objects.get_or_create(link=link, user=user)
    elif context is not None and context.memberships_url:
        # A teacher's launch refreshes the class from the platform's roster (NRPS), in Celery.
        from ..tasks import lti_members_sync

        transaction.on_commit(lambda: lti_members_sync.delay(context.pk))
    return user, link


def members_apply(*, context: LtiContext, members: list) -> int:
    """NRPS members → accounts and roles at the context's class; members gone or Inactive lose
    their role there. Returns the number of active members."""
    active_users = set()
    pages = [link.page for link in context.links.select_related("page")[:1]]
    for member in members:
        sub = str(member.get("user_id") or "")
        if not sub:
            continue
        user = identity_user(platform=context.platform, sub=sub, name=str(member.get("name", "")))
        if member.get("status", "Active") != "Active":
            continue
        membership_set(context=context, user=user, kind=role_kind_of(member.get("roles", [])),
                       page=pages[0] if pages else None)
        active_users.add(user.pk)
    if context.class_unit_id:
        for role in Role.objects.filter(unit_id=context.class_unit_id, ended_at__isnull=True,
                                        user__lti_identities__platform=context.platform
                                        ).exclude(user_id__in=active_users):
            role_end(role=role)
    LtiContext.objects.filter(pk=context.pk).update(synced_at=timezone.now())
    return len(active_users)


def grade_sent_mark(*, link_user: LtiLinkUser, percent: int) -> None:
    LtiLinkUser.objects.filter(pk=link_user.pk).update(sent_score=percent,
                                                       sent_at=timezone.now())

