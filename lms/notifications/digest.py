"""The weekly digest to parents: each linked child's week (lessons finished, study time, courses
completed, courses still open) as one in-app notification plus email/SMS/Zalo deliveries.

Built in keyset-paginated chunks of guardians (never all rows in memory): per chunk a handful of
grouped queries, two bulk INSERTs and one queued task per few hundred deliveries."""

import datetime as dt
import functools
from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Channel, DeliveryState, Event, Notification, Preference

CHUNK = 2000
QUEUE_BATCH = 500


def week_key(now: dt.datetime) -> str:
    year, week, _ = timezone.localtime(now).isocalendar()
    return f"{year}-W{week:02d}"


@functools.lru_cache(maxsize=8)
def _phrases(language: str) -> dict:
    """The digest's sentences translated once per language (gettext per parent is the slow
    part of building 100,000 digests)."""
    with translation.override(language):
        return {
            "title": _("Bản tin học tập tuần %(week)s"),
            "intro": _("Kết quả học tập của con trong 7 ngày qua:"),
            "minutes": _("Thời gian học: %(m)s phút"),
            "completed": _("Đã hoàn thành khóa học “%(c)s”"),
            "open": _("Cần hoàn thành: %(n)s khóa học đang học"),
            "sms_child": _("%(name)s %(n)s bai %(m)sp"),
            "sms_done": _(" xong %(k)s KH"),
            "more": _("Xem chi tiết: %(url)s"),
            "sms_head": _("HocMo tuan %(week)s: "),
        }


@functools.lru_cache(maxsize=256)
def _lessons_phrase(language: str, n: int) -> str:
    with translation.override(language):
        return ngettext("Hoàn thành %(n)s bài học", "Hoàn thành %(n)s bài học", n) % {"n": n}


def digest_texts(c: dict) -> tuple[str, str, str]:
    """(title, body, sms) for one parent, in the active language."""
    language = translation.get_language() or "vi"
    p = _phrases(language)
    lines = [p["intro"], ""]
    sms_parts = []
    for child in c["children"]:
        lines.append(child["name"])
        lines.append("  • " + _lessons_phrase(language, child["lessons"]))
        lines.append("  • " + p["minutes"] % {"m": child["minutes"]})
        for course in child["completed"]:
            lines.append("  • " + p["completed"] % {"c": course})
        if child["open"]:
            lines.append("  • " + p["open"] % {"n": child["open"]})
        words = child["name"].split()
        sms_parts.append(p["sms_child"] % {"name": words[-1] if words else "",
                                           "n": child["lessons"], "m": child["minutes"]}
                         + (p["sms_done"] % {"k": len(child["completed"])}
                            if child["completed"] else ""))
    lines += ["", p["more"] % {"url": c.get("link", "")}]
    sms = p["sms_head"] % {"week": c["week"].split("W")[-1]} + "; ".join(sms_parts)
    return p["title"] % {"week": c["week"]}, "\n".join(lines), sms


def _guardian_chunks(after: int, size: int):
    from lms.accounts.models import GuardianLink

    while True:
        links = list(
            GuardianLink.objects.filter(revoked_at__isnull=True, guardian_id__gt=after)
            .order_by("guardian_id", "learner_id")
            .values_list("guardian_id", "learner_id")[: size * 4])
        if not links:
            return
        # Keep whole guardians in a chunk: cut at the last complete guardian.
        guardian_ids = sorted({g for g, _ in links})[:size]
        if len(links) == size * 4 and len(guardian_ids) > 1:
            guardian_ids = guardian_ids[:-1]
        keep = set(guardian_ids)
        yield after, guardian_ids, [(g, learner) for g, learner in links if g in keep]
        after = guardian_ids[-1]


def _links_in(lo: int, hi: int):
    """Live links of guardians in (lo, hi]: a subquery, so no list of ids is sent to the DB."""
    from lms.accounts.models import GuardianLink

    return GuardianLink.objects.filter(guardian_id__gt=lo, guardian_id__lte=hi,
                                       revoked_at__isnull=True)


def _children_stats(learner_ids: list[int], lo: int, hi: int, since) -> dict[int, dict]:
    from courses.models import CourseCompletion, Enrolment, LessonProgress
    from lms.accounts.models import User

    stats: dict[int, dict[str, Any]] = {
        uid: {"lessons": 0, "seconds": 0, "completed": [], "open": 0, "name": ""}
        for uid in learner_ids}
    learners = _links_in(lo, hi).values("learner_id")
    for uid, name, username in User.objects.filter(pk__in=learners).values_list(
            "pk", "full_name", "username"):
        stats[uid]["name"] = name or username
    week = LessonProgress.objects.filter(user_id__in=learners, last_activity_at__gte=since)
    for row in week.values("user_id").annotate(seconds=Sum("time_spent_seconds")):
        stats[row["user_id"]]["seconds"] = row["seconds"] or 0
    for done in (week.filter(completed_at__gte=since).values("user_id")
                 .annotate(n=Count("id"))):
        stats[done["user_id"]]["lessons"] = done["n"]
    completed_ids = defaultdict(set)
    for uid, course_id, title, when in CourseCompletion.objects.filter(
            user_id__in=learners).values_list("user_id", "course_id", "course__title",
                                                  "completed_at"):
        completed_ids[uid].add(course_id)
        if when >= since:
            stats[uid]["completed"].append(title)
    for uid, course_id in Enrolment.objects.filter(user_id__in=learners).values_list(
            "user_id", "course_id"):
        if course_id not in completed_ids[uid]:
            stats[uid]["open"] += 1
    return stats


def digest_build_and_queue(now=None, *, chunk: int = CHUNK, link_path: str = "/phu-huynh/") -> dict:
    """Create this week's digest for every guardian with a live link and queue its sends.
    Idempotent per ISO week (dedupe key), so a re-run after a crash only fills the gaps."""
    from lms.accounts.models import User

    from .services import absolute_url
    from .services.bulk import deliveries_insert, notifications_insert
    from .tasks import deliver_batch
    from .texts import sms_fit

    now = now or timezone.now()
    since = now - dt.timedelta(days=7)
    week = week_key(now)
    dedupe = f"digest:{week}"
    link = absolute_url(link_path)
    totals = {"notifications": 0, "deliveries": 0, "tasks": 0}
    for lo, guardian_ids, links in _guardian_chunks(0, chunk):
        hi = guardian_ids[-1]
        guardians = _links_in(lo, hi).values("guardian_id")
        done = set(Notification.objects.filter(user_id__gt=lo, user_id__lte=hi,
                                               dedupe_key=dedupe)
                   .values_list("user_id", flat=True))
        prefs = {p.user_id: p for p in Preference.objects.filter(user_id__gt=lo,
                                                                  user_id__lte=hi)}
        people = {pk: (email, phone, lang) for pk, email, phone, lang in User.objects.filter(
            pk__in=guardians).values_list("pk", "email", "phone", "preferred_language")}
        stats = _children_stats([learner for _, learner in links], lo, hi, since)
        by_guardian = defaultdict(list)
        for guardian_id, learner_id in links:
            by_guardian[guardian_id].append(learner_id)
        rows, channels_of = [], []
        for guardian_id in guardian_ids:
            pref = prefs.get(guardian_id) or Preference(user_id=guardian_id)
            if guardian_id in done or not pref.weekly_digest or guardian_id not in people:
                continue
            email, phone, lang = people[guardian_id]
            children = [{"name": stats[lid]["name"], "lessons": stats[lid]["lessons"],
                         "minutes": stats[lid]["seconds"] // 60,
                         "completed": stats[lid]["completed"], "open": stats[lid]["open"]}
                        for lid in by_guardian[guardian_id]]
            with translation.override(lang or "vi"):
                title, body, sms = digest_texts({"week": week, "children": children,
                                                 "link": link})
            rows.append((guardian_id, Event.WEEKLY_DIGEST, title[:200], body, sms_fit(sms),
                         link_path, dedupe))
            address: dict[str, str | None] = {Channel.EMAIL: email, Channel.SMS: phone,
                                              Channel.ZALO: pref.zalo_user_id}
            channels_of.append([c for c in pref.channels()
                                if c == Channel.IN_APP or address.get(c)])
        if not rows:
            continue
        with transaction.atomic():
            notification_ids = notifications_insert(rows, now)
            delivery_rows = [
                (n_id, channel, DeliveryState.SENT if channel == Channel.IN_APP
                 else DeliveryState.PENDING, now if channel == Channel.IN_APP else None)
                for n_id, channels in zip(notification_ids, channels_of, strict=True)
                for channel in channels]
            delivery_ids = deliveries_insert(delivery_rows, now)
        pending = [pk for pk, row in zip(delivery_ids, delivery_rows, strict=True)
                   if row[2] == DeliveryState.PENDING]
        for start in range(0, len(pending), QUEUE_BATCH):
            deliver_batch.delay(pending[start:start + QUEUE_BATCH])
            totals["tasks"] += 1
        totals["notifications"] += len(rows)
        totals["deliveries"] += len(delivery_rows)
    return totals
