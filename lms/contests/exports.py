"""XLSX exports (openpyxl): a round unit's entries and scores, and the contest report."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _

from .services.promotion import results_compute

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _book():
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


def _sheet(book, title: str, heading: str, headers: list[str]):
    from openpyxl.styles import Font

    sheet = book.create_sheet(title=title[:31])
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([timezone.localtime().strftime("%d/%m/%Y %H:%M")])
    sheet.append([])
    sheet.append(headers)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    return sheet


def _save(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def _num(value):
    return None if value is None else round(value, 4)


def round_unit_xlsx(round_unit) -> bytes:
    """Sheet 1: entries with raw mean, normalised score, rank and outcome; sheet 2: every
    judge's per-criterion scores (organisers see all judges; judges never get this file)."""
    round_ = round_unit.round
    criteria = list(round_.criteria.all())
    results = results_compute(round_unit)
    book = _book()
    heading = f"{round_.contest.title} — {round_.name} — {round_unit.unit.name}"
    entries = _sheet(book, _("Bài dự thi"), heading, [
        _("STT"), _("Mã bài"), _("Tên ý tưởng"), _("Trường"), _("Thành viên"),
        _("Giáo viên hướng dẫn"), _("Nộp lúc"), _("Số phiếu chấm"), _("Điểm trung bình thô"),
        _("Điểm tổng hợp"), _("Xếp hạng"), _("Kết quả")])
    for n, (entry_round, result) in enumerate(results, start=1):
        entry = entry_round.entry
        members = ", ".join(m.user.get_full_name() for m in entry.members.select_related("user"))
        outcome = entry_round.prize or (_("Đi tiếp") if entry_round.promoted else "")
        entries.append([n, entry.pk, entry.title, entry.school.name, members,
                        entry.mentor.get_full_name() if entry.mentor else "",
                        _local(entry.submitted_at), result.judges, _num(result.raw_mean),
                        _num(result.final_score), result.rank, outcome])
    for col, width in zip("ABCDEFGHIJKL", (5, 8, 40, 30, 40, 24, 18, 10, 12, 12, 9, 18),
                          strict=True):
        entries.column_dimensions[col].width = width
    scores = _sheet(book, _("Điểm chi tiết"), heading, [
        _("Mã bài"), _("Tên ý tưởng"), _("Giám khảo"),
        *[f"{c.name} ({c.min_score}–{c.max_score}, ×{c.weight:g})" for c in criteria],
        _("Tổng phiếu (0–100)"), _("Nộp phiếu lúc"), _("Nhận xét")])
    from .models import ScoreSheet

    sheets = (ScoreSheet.objects.filter(entry_round__round_unit=round_unit)
              .select_related("entry_round__entry", "judge").prefetch_related("scores")
              .order_by("entry_round__entry__title", "judge__name_key", "judge_id"))
    totals = {r.entry_round_id: r.totals for _er, r in results}
    for sheet in sheets:
        values = {s.criterion_id: s.value for s in sheet.scores.all()}
        total = totals.get(sheet.entry_round_id, {}).get(sheet.judge_id)
        scores.append([sheet.entry_round.entry_id, sheet.entry_round.entry.title,
                       sheet.judge.get_full_name() or sheet.judge.username,
                       *[values.get(c.pk) for c in criteria], _num(total),
                       _local(sheet.submitted_at), sheet.comment])
    return _save(book)


def report_xlsx(report: dict) -> bytes:
    contest, scope = report["contest"], report["scope"]
    heading = f"{contest.title} {contest.year} — {scope.name}"
    book = _book()
    rounds = _sheet(book, _("Theo vòng"), heading,
                    [_("Vòng"), _("Đơn vị tổ chức"), _("Số bài"), _("Đã công bố"),
                     _("Số bài đi tiếp / đạt giải")])
    for row in report["round_rows"]:
        rounds.append([row["round_unit"].round.name, row["round_unit"].unit.name,
                       row["entries"], _("Có") if row["round_unit"].published_at else _("Chưa"),
                       row["winners"]])
    schools = _sheet(book, _("Theo trường"), heading,
                     [_("Trường"), _("Đơn vị quản lý"), _("Bản nháp"), _("Đã nộp"),
                      *[r.name for r in report["rounds"]]])
    for row in report["school_rows"]:
        schools.append([row["school"].name, row["parent"], row["drafts"], row["submitted"],
                        *row["reached"]])
    districts = _sheet(book, _("Theo cấp quản lý"), heading,
                       [_("Đơn vị"), _("Số trường có bài"), _("Đã nộp")])
    for row in report["parent_rows"]:
        districts.append([row["name"], row["schools"], row["submitted"]])
    winners = _sheet(book, _("Đi tiếp và đạt giải"), heading,
                     [_("Vòng"), _("Đơn vị tổ chức"), _("Xếp hạng"), _("Tên ý tưởng"),
                      _("Trường"), _("Kết quả")])
    for er in report["winners"]:
        winners.append([er.round.name, er.round_unit.unit.name, er.rank, er.entry.title,
                        er.entry.school.name, er.prize or _("Đi tiếp")])
    for sheet in (rounds, schools, districts, winners):
        sheet.column_dimensions["A"].width = 36
        sheet.column_dimensions["B"].width = 30
    return _save(book)
