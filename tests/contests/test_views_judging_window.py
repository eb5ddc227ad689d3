"""Issue 19 item 6: outside the judging window the score sheet is shown read-only with the
reason and the window's dates (it used to be fillable and refused only on save); score inputs
are touch-sized; money reads "850.000 đ" / "850,000 VND"."""

import re

import pytest
from django.urls import reverse

from lms.contests.models import Round, ScoreSheet
from lms.contests.services import judging

from .factories import future, past

pytestmark = pytest.mark.django_db


def _sheet_inputs(body: str) -> list[str]:
    form = body.split('class="score-sheet"', 1)[1].split("</form>", 1)[0]
    return re.findall(r"<(?:input|textarea)\b[^>]*>", form)


def _page(client, judged):
    client.force_login(judged["judge_a"])
    return client.get(reverse("contests:judge_entry", args=[judged["er"].pk]))


def _set_window(judged, **dates):
    Round.objects.filter(pk=judged["er"].round_id).update(**dates)


def test_open_sheet_is_fillable_with_touch_sized_score_inputs(client, judged):
    body = _page(client, judged).content.decode()
    fields = [f for f in _sheet_inputs(body) if 'type="hidden"' not in f]
    assert fields and not [f for f in fields if "disabled" in f]
    scores = [f for f in fields if 'type="number"' in f]
    assert len(scores) == 3 and all('class="score"' in f and 'inputmode="numeric"' in f
                                    for f in scores)
    assert 'value="submit"' in body and "judging-closed" not in body


@pytest.mark.parametrize(("dates", "reason"), [
    ({"submission_deadline": past(20), "judging_deadline": past(2)}, "Đã hết thời gian chấm"),
    ({"submission_deadline": future(3), "judging_deadline": future(9)}, "Chưa đến thời gian chấm"),
])
def test_closed_sheet_is_read_only_with_reason_and_dates(client, judged, dates, reason):
    _set_window(judged, **dates)
    response = _page(client, judged)
    body = response.content.decode()
    fields = [f for f in _sheet_inputs(body) if 'type="hidden"' not in f]
    assert fields and all("disabled" in f for f in fields), fields
    assert 'value="submit"' not in body and 'value="save"' not in body
    assert reason in body
    window = Round.objects.get(pk=judged["er"].round_id)
    from django.utils import timezone

    for moment in (window.submission_deadline, window.judging_deadline):
        assert timezone.localtime(moment).strftime("%H:%M %d/%m/%Y") in body


def test_published_round_says_so(client, judged):
    from django.utils import timezone

    judged["ru"].__class__.objects.filter(pk=judged["ru"].pk).update(published_at=timezone.now())
    body = _page(client, judged).content.decode()
    assert "Kết quả vòng này đã công bố" in body
    assert all("disabled" in f for f in _sheet_inputs(body) if 'type="hidden"' not in f)


def test_post_while_closed_saves_nothing(client, judged):
    _set_window(judged, submission_deadline=past(20), judging_deadline=past(2))
    sheet = ScoreSheet.objects.get(judge=judged["judge_a"], entry_round=judged["er"])
    before = sorted(sheet.scores.values_list("criterion_id", "value"))
    crit = list(judged["er"].round.criteria.all())
    client.force_login(judged["judge_a"])
    response = client.post(reverse("contests:judge_entry", args=[judged["er"].pk]),
                           {**{f"c{c.pk}": 1 for c in crit}, "comment": "muộn",
                            "action": "submit"})
    assert response.status_code == 409
    assert "Đã hết thời gian chấm" in response.content.decode()
    sheet.refresh_from_db()
    assert sorted(sheet.scores.values_list("criterion_id", "value")) == before
    assert sheet.comment != "muộn"


def test_round_list_shows_the_window_when_closed(client, judged):
    _set_window(judged, submission_deadline=past(20), judging_deadline=past(2))
    client.force_login(judged["judge_a"])
    body = client.get(reverse("contests:judge_round", args=[judged["ru"].pk])).content.decode()
    assert "Đã hết thời gian chấm" in body
    assert not judging.judging_open(judged["ru"])


@pytest.mark.parametrize(("lang", "unit_cost", "total"), [
    ("vi", "850.000\u00a0đ", "1.700.000\u00a0đ"),
    ("en", "850,000\u00a0VND", "1,700,000\u00a0VND"),
])
def test_budget_money_in_the_page_language(client, judged, lang, unit_cost, total):
    if lang == "en":
        client.cookies["hocmo_lang"] = "en"
    body = _page(client, judged).content.decode()
    assert unit_cost in body and total in body
    assert "850000" not in body


def test_closed_sheet_in_english(client, judged):
    _set_window(judged, submission_deadline=past(20), judging_deadline=past(2))
    client.cookies["hocmo_lang"] = "en"
    body = _page(client, judged).content.decode()
    assert "Judging has closed" in body
