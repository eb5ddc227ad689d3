"""Pages and their forbidden paths: every object outside the viewer's reach answers 404."""

import pytest
from django.urls import reverse

from lms.contests.models import Entry, EntryStatus
from lms.contests.services import judging

from .factories import close_submissions, make_entry

pytestmark = pytest.mark.django_db


def _get(client, user, name, *args):
    client.force_login(user)
    return client.get(reverse(f"contests:{name}", args=args))


def test_public_pages_need_no_login(client, contest_env):
    slug = contest_env["contest"].slug
    assert client.get(reverse("contests:index")).status_code == 200
    page = client.get(reverse("contests:contest", args=[slug]))
    assert page.status_code == 200 and "Tính mới" in page.content.decode()
    assert client.get(reverse("contests:results", args=[slug])).status_code == 200


@pytest.mark.parametrize("who,status", [("a1", 200), ("a2", 200), ("mentor_a", 200),
                                        ("a3", 404), ("b1", 404), ("judge_a", 404),
                                        ("admin_b", 404)])
def test_entry_edit_page_is_for_the_team_only(client, judged, who, status):
    assert _get(client, judged[who], "entry", judged["entry"].pk).status_code == status


@pytest.mark.parametrize("who,status", [("a1", 200), ("admin_a", 200), ("officer_so", 200),
                                        ("a3", 404), ("admin_b", 404), ("judge_a2", 404)])
def test_entry_read_page(client, judged, who, status):
    assert _get(client, judged[who], "entry_view", judged["entry"].pk).status_code == status


def test_anonymous_is_sent_to_login(client, judged):
    response = client.get(reverse("contests:entry", args=[judged["entry"].pk]))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_outsiders_cannot_write_to_an_entry(client, judged):
    client.force_login(judged["a3"])
    pk = judged["entry"].pk
    for name, args in (("entry", [pk]), ("entry_autosave", [pk]), ("member_add", [pk]),
                       ("member_remove", [pk, judged["a2"].pk]), ("attachment_add", [pk]),
                       ("attachment_remove", [judged["deck"].pk])):
        assert client.post(reverse(f"contests:{name}", args=args),
                           {"title": "X", "identifier": "hs.a3"}).status_code == 404, name
    assert Entry.objects.get(pk=pk).title == judged["entry"].title


@pytest.mark.parametrize("who,status", [("a1", 200), ("judge_a", 200), ("admin_a", 200),
                                        ("mentor_a", 200), ("a3", 404), ("judge_a2", 404),
                                        ("admin_b", 404)])
def test_attachment_download(client, judged, who, status):
    response = _get(client, judged[who], "attachment", judged["deck"].pk)
    assert response.status_code == status
    if status == 200:
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"].startswith("attachment")
        assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("who,status", [("judge_a", 200), ("judge_a2", 404), ("a1", 404),
                                        ("admin_b", 404), ("mentor_a", 200)])
def test_judge_round_page_only_for_assigned_judges(client, judged, who, status):
    assert _get(client, judged[who], "judge_round", judged["ru"].pk).status_code == status


def test_conflicted_judge_cannot_open_the_entry(client, judged):
    # gv.a is assigned but mentors the entry: it is not in their list and answers 404.
    page = _get(client, judged["mentor_a"], "judge_round", judged["ru"].pk)
    assert judged["entry"].title not in page.content.decode()
    assert _get(client, judged["mentor_a"], "judge_entry", judged["er"].pk).status_code == 404


def test_judge_sees_only_their_own_sheet(client, judged):
    judging.judge_assign(actor=judged["admin_a"], round_unit=judged["ru"], username="gk.a2")
    judging.score_save(judge=judged["judge_a"], entry_round=judged["er"], values={},
                       comment="Nhận xét bí mật của giám khảo A")
    page = _get(client, judged["judge_a2"], "judge_entry", judged["er"].pk)
    assert page.status_code == 200
    assert "Nhận xét bí mật" not in page.content.decode()
    own = _get(client, judged["judge_a"], "judge_entry", judged["er"].pk).content.decode()
    assert "Nhận xét bí mật" in own


def test_judge_posts_a_sheet(client, judged):
    judging.judge_assign(actor=judged["admin_a"], round_unit=judged["ru"], username="gk.a2")
    client.force_login(judged["judge_a2"])
    crit = list(judged["er"].round.criteria.all())
    url = reverse("contests:judge_entry", args=[judged["er"].pk])
    bad = client.post(url, {f"c{crit[0].pk}": 99, "action": "submit"})
    assert bad.status_code == 400
    ok = client.post(url, {**{f"c{c.pk}": 6 for c in crit}, "action": "submit"})
    assert ok.status_code == 302
    assert judging.sheet_for(judged["judge_a2"], judged["er"]).submitted_at is not None


@pytest.mark.parametrize("who,status", [("admin_a", 200), ("officer_phong", 200),
                                        ("officer_so", 200), ("admin_b", 404), ("judge_a", 404),
                                        ("mentor_a", 404), ("a1", 404)])
def test_organiser_pages(client, judged, who, status):
    assert _get(client, judged[who], "organiser_round", judged["ru"].pk).status_code == status
    assert _get(client, judged[who], "export_round", judged["ru"].pk).status_code == status


@pytest.mark.parametrize("who", ["admin_b", "judge_a", "a1"])
def test_forbidden_organiser_posts(client, judged, who):
    client.force_login(judged[who])
    ru = judged["ru"]
    assignment = ru.assignments.first()
    assert client.post(reverse("contests:publish", args=[ru.pk]),
                       {"force": "on"}).status_code == 404
    assert client.post(reverse("contests:judge_assign", args=[ru.pk]),
                       {"username": "gk.a2"}).status_code == 404
    assert client.post(reverse("contests:judge_unassign", args=[assignment.pk])).status_code \
        == 404
    ru.refresh_from_db()
    assert ru.published_at is None and ru.assignments.count() == 2


def test_organiser_assigns_and_publishes(client, judged):
    client.force_login(judged["admin_a"])
    ru = judged["ru"]
    bad = client.post(reverse("contests:judge_assign", args=[ru.pk]), {"username": "hs.a3"})
    assert bad.status_code == 400
    page = client.get(reverse("contests:organiser_round", args=[ru.pk])).content.decode()
    assert "1/1" in page  # gk.a submitted their one sheet
    client.post(reverse("contests:publish", args=[ru.pk]))
    ru.refresh_from_db()
    assert ru.published_at is not None
    results = client.get(reverse("contests:results", args=[judged["contest"].slug]))
    assert judged["entry"].title in results.content.decode()
    assert "Lê Thị A1" not in results.content.decode()  # no learners' names in public


def test_late_submit_shows_a_clear_message_and_keeps_the_draft(client, contest_env):
    env = contest_env
    entry = make_entry(env)
    close_submissions(env["rounds"]["school"])
    client.force_login(env["a1"])
    response = client.post(reverse("contests:entry", args=[entry.pk]), {
        "title": "Tiêu đề mới", "summary": "Nội dung gõ sau hạn", "mentor": env["mentor_a"].pk,
        "action": "submit", "budget-TOTAL_FORMS": "0", "budget-INITIAL_FORMS": "0"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Đã hết hạn nộp bài" in text
    assert "Nội dung gõ sau hạn" in text  # the posted text is shown back
    entry.refresh_from_db()
    assert entry.title == "Túi sinh học từ bẹ chuối" and entry.summary == "Tóm tắt"
    assert entry.status == EntryStatus.DRAFT


def test_draft_save_submit_and_htmx_autosave(client, contest_env):
    env = contest_env
    client.force_login(env["a1"])
    response = client.post(reverse("contests:entry_start", args=[env["contest"].slug]),
                           {"title": "Máy lọc nước mini"})
    entry = Entry.objects.get(title="Máy lọc nước mini")
    assert response["Location"] == reverse("contests:entry", args=[entry.pk])
    form = {"title": "Máy lọc nước mini", "summary": "Tóm tắt", "problem": "Nước nhiễm phèn",
            "solution": "Lọc cát", "market": "Hộ dân", "mentor": env["mentor_a"].pk,
            "budget-TOTAL_FORMS": "2", "budget-INITIAL_FORMS": "0",
            "budget-0-item": "Cát thạch anh", "budget-0-quantity": "3",
            "budget-0-unit_cost": "50000"}
    autosave = client.post(reverse("contests:entry_autosave", args=[entry.pk]), form,
                           HTTP_HX_REQUEST="true")
    assert autosave.status_code == 200 and "Đã tự động lưu" in autosave.content.decode()
    assert entry.budget_lines.get().total == 150000
    client.post(reverse("contests:entry", args=[entry.pk]), {**form, "action": "submit"})
    entry.refresh_from_db()
    assert entry.status == EntryStatus.SUBMITTED


@pytest.mark.parametrize("who,status", [("officer_so", 200), ("officer_phong", 200),
                                        ("judge_a", 404), ("a1", 404)])
def test_report_page(client, judged, who, status):
    assert _get(client, judged[who], "report", judged["contest"].slug).status_code == status


def test_report_for_a_unit_outside_the_subtree_is_404(client, judged):
    client.force_login(judged["officer_phong"])
    url = reverse("contests:report", args=[judged["contest"].slug])
    assert client.get(url, {"don_vi": judged["so"].pk}).status_code == 404
    assert client.get(url, {"don_vi": judged["phong"].pk}).status_code == 200
