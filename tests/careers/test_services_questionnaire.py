import pytest

from lms.careers import riasec
from lms.careers.models import Occupation, QuestionnaireResult
from lms.careers.selectors import course_suggestions, occupation_suggestions
from lms.careers.services import questionnaire_result_save
from tests.factories import UserFactory, course_with_lessons


def answers_for(**per_scale) -> dict:
    """Every statement of a scale answered with the given value (default 0)."""
    return {key: per_scale.get(scale, 0) for key, scale, _text in riasec.STATEMENTS}


def test_questionnaire_has_four_statements_per_scale_and_unique_keys():
    assert len(riasec.STATEMENTS) == 24
    assert len(set(riasec.STATEMENT_KEYS)) == 24
    for letter in riasec.LETTERS:
        assert sum(1 for _k, s, _t in riasec.STATEMENTS if s == letter) == 4


def test_score_sums_each_scale_and_orders_the_code():
    scored = riasec.score(answers_for(R=2, I=1, S=2, C=1))
    assert scored.scores == {"R": 8, "I": 4, "A": 0, "S": 8, "E": 0, "C": 4}
    # Ties are broken in R-I-A-S-E-C order: R before S, I before C.
    assert scored.code == "RSI"


def test_score_code_leaves_out_scales_without_points():
    assert riasec.score(answers_for(E=1)).code == "E"
    assert riasec.score(answers_for()).code == ""


def test_score_refuses_out_of_range_answers():
    with pytest.raises(ValueError):
        riasec.score({**answers_for(), "r1": 3})


def test_code_match_rewards_same_first_letter_most():
    assert riasec.code_match("RIC", "RIC") == 14
    assert riasec.code_match("RIC", "SEA") == 0
    assert riasec.code_match("RIC", "RSE") > riasec.code_match("RIC", "SRE")
    assert riasec.code_match("R", "CRI") == 6


@pytest.mark.django_db
def test_suggestions_rank_occupations_by_match_and_list_their_courses():
    course, _ = course_with_lessons(1, title="Điện cơ bản", slug="dien-co-ban")
    other, _ = course_with_lessons(1, title="Bán hàng online", slug="ban-hang")
    electrician = Occupation.objects.create(title="Thợ điện", slug="tho-dien", riasec_code="RCI",
                                            summary="…", live=True)
    electrician.related_courses.set([course])
    electrician.save()
    seller = Occupation.objects.create(title="Bán hàng", slug="ban-hang", riasec_code="ECA",
                                       summary="…", live=True)
    seller.related_courses.set([other])
    seller.save()
    Occupation.objects.create(title="Nháp", slug="nhap", riasec_code="RIC", summary="…",
                              live=False)
    Occupation.objects.create(title="Y tá", slug="y-ta", riasec_code="SIA", summary="…",
                              live=True)
    ranked = occupation_suggestions("RCE")
    assert [occ.slug for occ, _m in ranked] == ["tho-dien", "ban-hang"]  # no draft, no S-only
    assert [c.slug for c in course_suggestions([occ for occ, _m in ranked])] == [
        "dien-co-ban", "ban-hang"]


@pytest.mark.django_db
def test_saving_the_same_answers_twice_keeps_one_result():
    user = UserFactory()
    first, created = questionnaire_result_save(user=user, answers=answers_for(A=2, S=1))
    again, created_again = questionnaire_result_save(user=user, answers=answers_for(A=2, S=1))
    assert created and not created_again and again.pk == first.pk
    assert first.code == "AS" and first.scores["A"] == 8
    questionnaire_result_save(user=user, answers=answers_for(I=2))
    assert QuestionnaireResult.objects.filter(user=user).count() == 2
