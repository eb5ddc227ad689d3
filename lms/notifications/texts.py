"""What each event says, in the recipient's language, plus the short SMS form.

SMS: Vietnamese with diacritics needs UCS-2 (70 characters per message); folded to plain ASCII
(NFC → đ/Đ → d/D → strip combining marks) it fits GSM-7's 160. Every SMS goes folded and cut."""

from django.utils import translation
from django.utils.translation import gettext as _

GSM7_LIMIT = 160
UCS2_LIMIT = 70


def fold(text: str) -> str:
    from lms.common.text import unaccent  # the one Vietnamese folding, keeping case for SMS

    return unaccent(text)


def sms_fit(text: str) -> str:
    """Folded, single-spaced and within one GSM-7 message (160 characters)."""
    folded = " ".join(fold(text).split())
    folded = "".join(ch if ch.isascii() else "?" for ch in folded)
    if len(folded) <= GSM7_LIMIT:
        return folded
    return folded[: GSM7_LIMIT - 3].rstrip() + "..."


def render(event: str, context: dict, language: str = "vi") -> dict:
    """{"title", "body", "sms", "url"} for an event; context keys are documented per event in
    docs/features/families-notifications.md."""
    with translation.override(language or "vi"):
        builder = _BUILDERS.get(event, _generic)
        title, body, sms = builder(context)
    return {"title": title[:200], "body": body, "sms": sms_fit(sms),
            "url": context.get("url", "")}


def _course_completed(c):
    title = _("%(learner)s đã hoàn thành khóa học “%(course)s”") % c
    return title, title + ".", _("HocMo: %(learner)s da hoan thanh khoa hoc %(course)s") % c


def _certificate_earned(c):
    title = _("%(learner)s đã nhận chứng chỉ “%(course)s”") % c
    return title, title + ".", _("HocMo: %(learner)s nhan chung chi %(course)s") % c


def _class_news(c):
    title = _("Tin mới của %(class_name)s") % c
    return title, c.get("text", ""), _("HocMo: %(class_name)s co tin moi") % c


def _report_due(c):
    title = _("Báo cáo “%(report)s” đến hạn ngày %(due)s") % c
    return title, title + ".", title


def _report_returned(c):
    title = _("Báo cáo “%(report)s” đã bị trả lại") % c
    body = title + (": " + c["reason"] if c.get("reason") else ".")
    return title, body, body


def _course_not_started(c):
    title = _("Bạn chưa bắt đầu khóa học “%(course)s”") % c
    body = _("Khóa học “%(course)s” đã được giao cho bạn. Hãy bắt đầu bài học đầu tiên.") % c
    return title, body, title


def _contest_result(c):
    """c: entry, round, unit, rank (or ""), outcome ("promoted", "prize" or "ranked"),
    next_round, prize (Vietnamese, translated here), url."""
    if c.get("outcome") == "promoted":
        title = _("Bài dự thi “%(entry)s” được chọn vào %(next_round)s") % c
    elif c.get("outcome") == "prize":
        title = _("Bài dự thi “%(entry)s” đạt %(prize)s") % {**c, "prize": _(c["prize"])}
    else:
        title = _("Đã có kết quả %(round)s — %(unit)s") % c
    detail = (_("Bài dự thi “%(entry)s” xếp hạng %(rank)s tại %(round)s — %(unit)s.") % c
              if c.get("rank") else
              _("Bài dự thi “%(entry)s” chưa được xếp hạng tại %(round)s — %(unit)s.") % c)
    return title, detail, title


def _application_received(c):
    title = _("Hồ sơ ứng tuyển mới cho tin “%(posting)s”: %(learner)s") % c
    return title, title + ".", title


def _application_status(c):
    title = _("Hồ sơ ứng tuyển “%(posting)s”: %(status)s") % c
    return title, title + ".", title


def _recognition_confirmed(c):
    title = _("%(name)s được công nhận danh hiệu “%(title)s” năm %(year)s") % c
    body = title + ". " + _("Chứng chỉ công nhận có thể xác minh trực tuyến.")
    return title, body, title


def _club_membership(c):
    if c.get("accepted"):
        title = _("Bạn đã được nhận vào %(club)s") % c
    else:
        title = _("Yêu cầu tham gia %(club)s chưa được chấp nhận") % c
    return title, title + ".", title


def _assignment_new(c):
    """c: title, class_name, due (local time, "17:00 12/12/2026"), url."""
    title = _("Bài tập mới của %(class_name)s: “%(title)s”") % c
    body = _("Hạn nộp: %(due)s (giờ Việt Nam).") % c
    return title, title + ". " + body, _("HocMo: bai tap moi %(title)s, han %(due)s") % c


def _stream_post(c):
    """c: class_name, text (the first post of the day, cut), url."""
    title = _("Bảng tin lớp %(class_name)s có bài đăng mới") % c
    return title, c.get("text", ""), _("HocMo: bang tin lop %(class_name)s co bai moi") % c


def _assignment_due(c):
    title = _("Bài tập “%(title)s” đến hạn lúc %(due)s") % c
    body = title + ". " + _("Bạn chưa nộp bài.")
    return title, body, _("HocMo: bai tap %(title)s den han %(due)s") % c


def _submission_returned(c):
    """c: title, score (already shown in the recipient's language), url."""
    title = _("Bài tập “%(title)s” đã được chấm: %(score)s điểm") % c
    return title, title + ".", _("HocMo: bai %(title)s duoc %(score)s diem") % c


def _qa_question_new(c):
    """c: lesson, class_name, url (one notice per lesson, class and day)."""
    title = _("Câu hỏi mới về bài “%(lesson)s” (%(class_name)s)") % c
    body = title + ". " + _("Học sinh của lớp đang chờ thầy cô trả lời.")
    return title, body, _("HocMo: cau hoi moi ve bai %(lesson)s (%(class_name)s)") % c


def _qa_answer_new(c):
    """c: lesson, url (one notice per question and day)."""
    title = _("Câu hỏi của bạn về bài “%(lesson)s” có câu trả lời mới") % c
    return title, title + ".", _("HocMo: cau hoi ve bai %(lesson)s co tra loi moi") % c


def _sign_in_code(c):
    title = _("Mã đăng nhập HọcMở: %(code)s") % c
    return title, _("Mã đăng nhập của bạn là %(code)s, có hiệu lực 10 phút.") % c, title


def _weekly_digest(c):
    from .digest import digest_texts

    return digest_texts(c)


def _generic(c):
    title = c.get("title", _("Thông báo từ HọcMở"))
    return title, c.get("body", title), c.get("sms", title)


_BUILDERS = {
    "assignment_new": _assignment_new,
    "assignment_due": _assignment_due,
    "stream_post": _stream_post,
    "submission_returned": _submission_returned,
    "qa_question_new": _qa_question_new,
    "qa_answer_new": _qa_answer_new,
    "application_received": _application_received,
    "application_status": _application_status,
    "club_membership": _club_membership,
    "contest_result": _contest_result,
    "recognition_confirmed": _recognition_confirmed,
    "course_completed": _course_completed,
    "certificate_earned": _certificate_earned,
    "class_news": _class_news,
    "report_due": _report_due,
    "report_returned": _report_returned,
    "course_not_started": _course_not_started,
    "sign_in_code": _sign_in_code,
    "weekly_digest": _weekly_digest,
}
