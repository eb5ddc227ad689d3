"""Reorganisation in a real browser: the province officer (canbo.so) merges Phòng GD&ĐT Hồng
Bàng into Phòng GD&ĐT Thủy Nguyên — preview (nothing applied yet), confirm, then the history
page keeps the figures under the old name; the merged Phòng is no longer a child on the
province dashboard, and the counters equal a fresh rebuild."""

import pytest
from playwright.sync_api import expect

from .conftest import axe_check, log_in

pytestmark = pytest.mark.browser


def _counters():
    from lms.reports.models import TargetUnitCounter

    return {(c.target_id, c.unit_id, c.sex, c.minority, c.ethnicity, c.household,
             c.school_level): (c.population, c.trained)
            for c in TargetUnitCounter.objects.all() if c.population or c.trained}


def test_officer_previews_confirms_and_reads_history(demo_server, page):
    from lms.reports.services import rebuild
    from lms.units.models import Unit, UnitChange

    base = demo_server.url
    source, successor = Unit.objects.get(code="PHONG-HP-HB"), Unit.objects.get(code="PHONG-HP-TN")
    so = Unit.objects.get(code="SO-31")
    log_in(page, base, "canbo.so", f"/bao-cao/don-vi/{source.pk}/")
    expect(page.locator("main h1")).to_have_text(source.name)
    page.get_by_role("link", name="Tổ chức lại đơn vị").click()
    expect(page.locator("main h1")).to_contain_text("Tổ chức lại đơn vị")
    axe_check(page, label="reorganise form")

    page.get_by_label("Sáp nhập đơn vị").check()
    page.get_by_label("Đơn vị đích").select_option(str(successor.pk))
    page.get_by_role("button", name="Xem trước").click()
    expect(page.locator("main h1")).to_have_text("Xem trước thay đổi")
    expect(page.locator("#what-moves")).to_contain_text("người học")
    axe_check(page, label="reorganise preview")
    assert not UnitChange.objects.exists()  # the preview applied nothing
    assert Unit.objects.get(pk=source.pk).merged_into_id is None

    page.get_by_role("button", name="Xác nhận").click()
    expect(page.locator("main h1")).to_contain_text("Lịch sử tổ chức lại")
    expect(page.locator("main")).to_contain_text("Phòng GD&ĐT Hồng Bàng")
    expect(page.locator("main")).to_contain_text("Nguyễn Thị Hồng Nhung")
    axe_check(page, label="reorganise history")
    assert Unit.objects.get(pk=source.pk).merged_into_id == successor.pk

    page.goto(f"{base}/bao-cao/don-vi/{so.pk}/")
    expect(page.locator("main h1")).to_have_text(so.name)
    page.locator("summary", has_text="Bảng số liệu và xem từng đơn vị").click()
    children = page.get_by_role("table",
                                name="Kết quả theo đơn vị trực thuộc (bảng thay cho biểu đồ)")
    expect(children).to_contain_text("Phòng GD&ĐT Thủy Nguyên")
    expect(children).not_to_contain_text("Hồng Bàng")
    live = _counters()
    rebuild.targets_rebuild()
    assert live == _counters()
