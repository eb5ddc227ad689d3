"""Weekly snapshots for trend lines, and reminders ahead of reporting deadlines."""

import datetime
from typing import cast

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Sum
from django.utils.translation import gettext as _

from lms.units.models import Role, RoleKind, Unit

from ..dashboard import dashboards_touch_all
from ..models import ReportSubmission, Target, TargetSnapshot, TargetUnitCounter
from ..selectors import Attainment

REMINDER_DAYS = 30


def snapshots_take(day: datetime.date) -> int:
    """Copy each (target, unit) total into a dated snapshot; repeating a day overwrites it."""
    totals = (TargetUnitCounter.objects.filter(target__is_active=True)
              .values("target_id", "unit_id")
              .annotate(population=Sum("population"), trained=Sum("trained")))
    count = 0
    for row in totals.iterator(chunk_size=5000):
        TargetSnapshot.objects.update_or_create(
            target_id=row["target_id"], unit_id=row["unit_id"], taken_on=day,
            defaults={"population": row["population"], "trained": row["trained"]})
        count += 1
    dashboards_touch_all()  # the trend lines
    return count


def _dashboard_url(unit, target) -> str:
    from django.urls import reverse

    base = settings.NOTIFICATIONS_BASE_URL.rstrip("/")
    return f"{base}{reverse('reports:dashboard', args=[unit.pk])}?chi-tieu={target.pk}"


def deadline_reminders(today: datetime.date) -> int:
    """Email the officers of each unit that is behind on a target whose deadline is within
    REMINDER_DAYS and that has not yet submitted its report for the period."""
    sent = 0
    soon = today + datetime.timedelta(days=REMINDER_DAYS)
    for target in Target.objects.filter(is_active=True, deadline__gte=today,
                                        deadline__lte=soon).select_related("unit"):
        units = {u.pk: u for u in Unit.objects.filter(path__startswith=target.unit.path,
                                                      kind__is_class=False,
                                                      kind__is_school=False)}
        submitted = set(ReportSubmission.objects.filter(
            unit_id__in=units, period_label=target.period_label).values_list("unit_id",
                                                                            flat=True))
        sums = (TargetUnitCounter.objects.filter(target=target, unit_id__in=units)
                .values("unit_id").annotate(p=Sum("population"), t=Sum("trained")))
        for row in sums:
            unit = units[row["unit_id"]]
            figure = Attainment(target, unit, row["p"], row["t"])
            if row["unit_id"] in submitted or figure.status not in ("behind", "at_risk"):
                continue
            emails = list(Role.objects.filter(unit=unit, kind=RoleKind.OFFICER,
                                              ended_at__isnull=True)
                          .exclude(user__email="").values_list("user__email", flat=True))
            if emails:
                send_mail(
                    _("Nhắc báo cáo: %(target)s") % {"target": target.name},
                    _("%(unit)s mới đạt %(pct)s%% (%(trained)s/%(pop)s), còn %(gap)s người "
                      "cần đào tạo. Hạn báo cáo: %(deadline)s. Số liệu và báo cáo năm đã "
                      "chuẩn bị sẵn: %(url)s") % {
                        "unit": unit.name, "pct": figure.percent, "trained": figure.trained,
                        "pop": figure.population, "gap": figure.gap,
                        # the query above keeps only targets with a deadline
                        "deadline": cast(datetime.date, target.deadline).strftime("%d/%m/%Y"),
                        "url": _dashboard_url(unit, target)},
                    settings.DEFAULT_FROM_EMAIL, emails)
                sent += 1
    return sent
