import pytest

from lms.notifications.digest import digest_texts
from lms.notifications.models import Notification
from lms.notifications.texts import GSM7_LIMIT, fold, sms_fit

pytestmark = pytest.mark.django_db

GSM7_BASIC = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
                 "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")


def test_fold_removes_vietnamese_marks():
    assert fold("Đặng Thị Hương – Lớp 12A1") == "Dang Thi Huong – Lop 12A1"
    assert fold("Nguyễn") == fold("Nguye\u0302\u0303n")  # NFC and NFD agree


def test_sms_fits_one_gsm7_message_even_with_many_children():
    children = [{"name": f"Nguyễn Thị Phương Thảo {i}", "lessons": 12, "minutes": 345,
                 "completed": ["Khởi nghiệp cho học sinh"], "open": 2} for i in range(6)]
    _, _, sms = digest_texts({"week": "2026-W10", "children": children, "link": "x"})
    text = sms_fit(sms)
    assert len(text) <= GSM7_LIMIT
    assert set(text) <= GSM7_BASIC
    assert text.startswith("HocMo tuan 10: ")


def test_digest_notification_has_sms_text(parent_with_child, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from lms.notifications.digest import digest_build_and_queue

    digest_build_and_queue()
    n = Notification.objects.get(user=parent_with_child["parent"], event="weekly_digest")
    assert n.sms_text.startswith("HocMo tuan ")
    assert "An 2 bai 35p xong 1 KH" in n.sms_text
    assert len(n.sms_text) <= GSM7_LIMIT and n.sms_text.isascii()


def test_revoked_link_gets_no_digest(parent_with_child, settings):
    from django.utils import timezone

    from lms.accounts.models import GuardianLink
    from lms.notifications.digest import digest_build_and_queue

    GuardianLink.objects.update(revoked_at=timezone.now())
    assert digest_build_and_queue()["notifications"] == 0
