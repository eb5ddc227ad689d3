"""Demo plans: the five seeds with their real task tables (lms/plans/demo_ministry.py and
demo_provinces.py), linked to their library documents and to the demo targets that come from
them, plus updates so the demo shows done, in-progress and overdue tasks. Idempotent: plans are
keyed by code, tasks by (plan, order); updates are added only to tasks that have none."""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from . import demo_ministry as ministry
from . import demo_provinces as prov
from .models import Plan, PlanTask, TaskStatus
from .services import plan_save, task_save, task_update_post

DEMO_ORDER = 950  # after lms.reports (900), which creates the targets the plans link to
DONE, DOING = TaskStatus.DONE, TaskStatus.IN_PROGRESS


def _date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _plan(spec: dict, units: dict) -> Plan:
    from library.models import LibraryItemPage
    from lms.reports.models import Target

    start, end = spec["period"]
    plan = Plan.objects.filter(code=spec["code"]).first() or Plan(code=spec["code"])
    plan.symbol, plan.title = spec["symbol"], spec["title"]
    plan.issuing_unit, plan.issuer_name = units[spec["unit"]], spec["issuer_name"]
    plan.issued_on, plan.period_start, plan.period_end = (_date(spec["issued_on"]),
                                                          _date(start), _date(end))
    plan.summary, plan.is_tracked = spec["summary"], spec["is_tracked"]
    plan.document = LibraryItemPage.objects.filter(slug=spec["document"]).first()
    targets = []
    for code in spec["targets"]:
        target = Target.objects.filter(code=code, is_active=True).order_by("-period_start").first()
        if target:
            targets.append(target)
    return plan_save(actor=None, plan=plan, targets=targets)


def _tasks(plan: Plan, rows: list[dict], units: dict) -> dict:
    from lms.reports.models import Target

    made = {}
    for order, row in enumerate(rows, start=1):
        task = PlanTask.objects.filter(plan=plan, order=order * 10).first() \
            or PlanTask(plan=plan, order=order * 10)
        task.section, task.number, task.title = row["section"], row["number"], row["title"]
        task.lead_unit = units[row.get("lead", plan_unit_key(plan, units))]
        task.lead_unit_name, task.cooperating_text = row["lead_name"], row["coop_text"]
        task.timeframe, task.deadline = row["timeframe"], _date(row["deadline"])
        task.deliverable, task.description = row["deliverable"], row.get("description", "")
        task.target = (Target.objects.filter(code=row["target"], is_active=True)
                       .order_by("-period_start").first() if row.get("target") else None)
        task_save(task=task, cooperating_units=[units[k] for k in row.get("coop", [])])
        made[(row["section"].split(".")[0], row["number"])] = task
    return made


def plan_unit_key(plan, units) -> str:
    return next(k for k, u in units.items() if k != "classes" and u.pk == plan.issuing_unit_id)


def _post(task, user, unit, status, note, when, links=(), files=()) -> None:
    update, created = task_update_post(actor=user, task=task, unit=unit, status=status,
                                       note=note, links=list(links), files=list(files))
    if created:  # backdated, so the history reads like the year the plan ran
        stamp = timezone.make_aware(datetime.datetime.combine(when, datetime.time(9, 0)))
        type(update).objects.filter(pk=update.pk).update(created_at=stamp)
        PlanTask.objects.filter(pk=task.pk, status_changed_at=update.created_at).update(
            status_changed_at=stamp)


def _evidence_pdf(title: str, text: str) -> ContentFile:
    from weasyprint import HTML

    html = (f"<html lang='vi'><meta charset='utf-8'><body style=\"font-family:'DejaVu Sans'\">"
            f"<h1>{title}</h1><p>{text}</p></body></html>")
    return ContentFile(HTML(string=html).write_pdf(), name="bien-ban-thanh-lap-clb.pdf")


def build_demo(context) -> None:
    from lms.accounts.models import User

    units = context.units
    users = {u.username: u for u in User.objects.filter(
        username__in=["canbo.bo", "canbo.so", "hieutruong", "canbo.dongnai"])}
    counts = []
    for builder in (_ministry, _hai_phong, _dong_nai, _startup, _thai_binh):
        counts.append(builder(units, users))
    context.stdout.write(f"plans: {len(counts)} kế hoạch mẫu, {sum(counts)} nhiệm vụ")


def _fresh(tasks: dict) -> dict:
    return {key: t for key, t in tasks.items() if not t.updates.exists()}


def _ministry(units, users) -> int:
    plan = _plan(ministry.PLAN, units)
    rows = [dict(section=s, number=n, title=t, lead_name=lead, coop_text=coop, timeframe=tf,
                 deadline=dl, deliverable=dv) for s, n, t, lead, coop, tf, dl, dv in ministry.TASKS]
    tasks = _tasks(plan, rows, units)
    officer = users.get("canbo.bo")
    for key, task in _fresh(tasks).items():
        status = ministry.UNFINISHED.get(key, DONE)
        if officer is None or status == TaskStatus.NOT_STARTED:
            continue
        when = (task.deadline or datetime.date(2023, 12, 1)) - datetime.timedelta(
            days=4 if status == DONE else 25)
        note = (f"{task.lead_label} đã hoàn thành. Sản phẩm: {task.deliverable.strip('- ')}"
                if status == DONE else f"{task.lead_label} đang triển khai, chưa hoàn thành.")
        _post(task, officer, units["bo"], status, note, when)
    return len(tasks)


def _hai_phong(units, users) -> int:
    plan = _plan(prov.HAI_PHONG, units)
    rows = [dict(section=s, number=n, title=t, lead_name=lead, coop_text=coop,
                 timeframe="Năm 2020", deadline="2020-12-31", deliverable=dv, coop=coop_keys)
            for s, n, t, lead, coop, dv, coop_keys in prov.HAI_PHONG_TASKS]
    tasks = _tasks(plan, rows, units)
    fresh = _fresh(tasks)
    officer, head = users.get("canbo.so"), users.get("hieutruong")
    if officer is None or head is None:
        return len(tasks)
    plan_done = {"1.1": "2020-06-15", "1.3": "2020-05-20", "2.1": "2020-09-30",
                 "2.2": "2020-08-20", "2.3": "2020-07-10", "2.4": "2020-11-05",
                 "3.2": "2020-12-10", "3.5": "2020-10-25"}
    for (_section, number), task in fresh.items():
        if number in plan_done:
            _post(task, officer, units["so_hp"], DONE,
                  f"Đã hoàn thành. {task.deliverable}".strip(), _date(plan_done[number]),
                  links=["https://moet.gov.vn/"] if number == "3.5" else ())
        elif number in ("1.2", "2.5"):
            _post(task, officer, units["so_hp"], DOING,
                  "Đã làm việc với Đài PT-TH Hải Phòng; chuyên mục chưa phát sóng định kỳ."
                  if number == "1.2" else "Mới có 2 trường tổ chức tham quan doanh nghiệp.",
                  datetime.date(2020, 11, 20))
        elif number == "3.1":
            _post(task, head, units["HP-THPT-NQ"], DONE,
                  "Trường THPT Ngô Quyền đã thành lập Câu lạc bộ khởi nghiệp (42 thành viên).",
                  datetime.date(2020, 10, 12),
                  files=[(_evidence_pdf("Biên bản thành lập Câu lạc bộ khởi nghiệp",
                                        "Trường THPT Ngô Quyền, ngày 12/10/2020."),
                          "application/pdf")])
            _post(task, officer, units["so_hp"], DOING,
                  "THPT Ngô Quyền đã thành lập CLB; đang chờ báo cáo của các trường còn lại.",
                  datetime.date(2020, 12, 5))
    return len(tasks)


def _annual_deadline(today: datetime.date) -> datetime.date:
    """"Định kỳ trước ngày 15 tháng 12 hằng năm": the next 15 December from today."""
    deadline = datetime.date(today.year, 12, 15)
    return deadline if deadline >= today else datetime.date(today.year + 1, 12, 15)


def _dong_nai(units, users) -> int:
    plan = _plan(prov.DONG_NAI, units)
    deadline = _annual_deadline(timezone.localdate())
    rows = [dict(section="", number=n, title=t, lead_name=lead, coop_text=coop,
                 timeframe="Thời gian Kế hoạch ban hành", deadline=deadline,
                 deliverable="Báo cáo kết quả (định kỳ trước ngày 15/12 hằng năm)",
                 description=f"Chế độ báo cáo theo bảng phân công: {prov.DN_REPORT}.",
                 target=code, coop=coop_keys)
            for n, t, lead, coop, code, coop_keys in prov.DONG_NAI_TASKS]
    tasks = _tasks(plan, rows, units)
    officer = users.get("canbo.dongnai")
    if officer is None:
        return len(tasks)
    today = timezone.localdate()
    notes = {"1": (DOING, "Đã tổ chức 3 chuyên đề STEM; đang thống kê học sinh đăng ký ngành."),
             "2": (DOING, "Khóa “Kỹ năng số cơ bản” đã giao cho các lớp 9, 12."),
             "3": (DONE, "Toàn bộ cơ sở GDPT đã dùng nền tảng HọcMở trong dạy học, đánh giá."),
             "4": (DOING, "Đã mở 2 lớp bồi dưỡng AI cơ bản (31 người).")}
    for (_s, number), task in _fresh(tasks).items():
        if number in notes:
            status, note = notes[number]
            links = [f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/bao-cao/"] \
                if number == "3" else []
            _post(task, officer, units["so_dn"], status, note,
                  today - datetime.timedelta(days=20 if status == DONE else 7), links=links)
    return len(tasks)


def _startup(units, users) -> int:
    plan = _plan(prov.STARTUP, units)
    rows = [dict(section="", number=str(n), title=t, lead_name=lead, coop_text="",
                 timeframe="Đến năm 2021", deadline="2021-12-31", deliverable=dv)
            for n, (t, lead, dv) in enumerate(prov.STARTUP_TASKS, start=1)]
    tasks = _tasks(plan, rows, units)
    officer = users.get("canbo.bo")
    for (_s, number), task in _fresh(tasks).items():
        if officer and number in ("1", "2", "3", "6"):
            _post(task, officer, units["bo"], DONE, "Đã hoàn thành theo báo cáo của tỉnh.",
                  datetime.date(2021, 6, 30))
        elif officer and number == "4":
            _post(task, officer, units["bo"], DOING, "Mới có 18% trường THPT kết nối doanh "
                  "nghiệp.", datetime.date(2021, 11, 15))
    return len(tasks)


def _thai_binh(units, users) -> int:
    plan = _plan(prov.THAI_BINH, units)
    rows = []
    for section, items in prov.THAI_BINH_TASKS:
        number = section.split(".")[0]
        for i, title in enumerate(items, start=1):
            rows.append(dict(section=section, number=f"{number}.{i}", title=title,
                             lead_name=prov.TB, coop_text="", timeframe="", deadline=None,
                             deliverable=""))
    tasks = _tasks(plan, rows, units)
    officer = users.get("canbo.bo")
    library = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/thu-vien/"
    for (_s, number), task in _fresh(tasks).items():
        if officer and number in ("2.1", "2.3"):
            _post(task, officer, units["bo"], DOING,
                  "Đang dùng HọcMở (khóa học và thư viện số miễn phí) làm nền tảng.",
                  timezone.localdate() - datetime.timedelta(days=30),
                  links=[library] if number == "2.3" else [])
    return len(tasks)
