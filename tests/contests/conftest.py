"""A contest over the shared `school_tree` (Sở → Phòng → THCS A; Sở → THPT B, no district
office above B): rounds school → district office → province department (final)."""


import pytest

from lms.units.models import RoleKind
from tests.factories import UnitKindFactory, learner_in, staff_at

from .factories import future


@pytest.fixture
def contest_env(school_tree, settings, tmp_path):
    from lms.contests.models import Contest, Criterion, Round

    settings.MEDIA_ROOT = str(tmp_path / "media")
    t = school_tree
    contest = Contest.objects.create(title="Học sinh với ý tưởng khởi nghiệp", slug="y-tuong",
                                     year=2025, organiser_unit=t["so"])
    rounds = {}
    for order, code, promote in ((1, "school", 1), (2, "district_office", 1),
                                 (3, "province_department", 2)):
        rounds[code] = Round.objects.create(
            contest=contest, order=order, name=f"Vòng {order}",
            level=UnitKindFactory(code=code), submission_deadline=future(10 * order),
            judging_deadline=future(10 * order + 5), results_date=future(10 * order + 6),
            promote_count=promote)
        for i, (name, weight) in enumerate((("Tính mới", 3), ("Khả thi", 2), ("Trình bày", 1))):
            Criterion.objects.create(round=rounds[code], order=i, name=name, weight=weight,
                                     min_score=0, max_score=10)
    people = {
        "a1": learner_in(t["class_a"], username="hs.a1", full_name="Lê Thị A1"),
        "a2": learner_in(t["class_a"], username="hs.a2", full_name="Lê Văn A2"),
        "a3": learner_in(t["class_a"], username="hs.a3"),
        "b1": learner_in(t["class_b"], username="hs.b1", full_name="Phạm B1"),
        "mentor_a": staff_at(t["school_a"], username="gv.a", full_name="Cô Giáo A",
                             is_staff=True),
        "mentor_b": staff_at(t["school_b"], username="gv.b", is_staff=True),
        "judge_a": staff_at(t["school_a"], username="gk.a", is_staff=True),
        # Judges from outside the schools' staff hold judge roles (issue 16, defect 5).
        "judge_a2": staff_at(t["school_a"], RoleKind.JUDGE, username="gk.a2"),
        "judge_phong": staff_at(t["phong"], RoleKind.JUDGE, username="gk.phong"),
        "admin_a": staff_at(t["school_a"], RoleKind.SCHOOL_ADMIN, username="ht.a",
                            is_staff=True),
        "admin_b": staff_at(t["school_b"], RoleKind.SCHOOL_ADMIN, username="ht.b",
                            is_staff=True),
        "officer_phong": staff_at(t["phong"], RoleKind.OFFICER, username="cb.phong",
                                  is_staff=True),
        "officer_so": staff_at(t["so"], RoleKind.OFFICER, username="cb.so", is_staff=True),
    }
    return {"contest": contest, "rounds": rounds, **t, **people}


@pytest.fixture
def judged(contest_env):
    """Entry of A1+A2 at THCS A's school round, submissions closed, judge gk.a assigned and
    one sheet in; a PDF attached before the deadline."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lms.contests import services
    from lms.contests.models import EntryRound
    from lms.contests.services import judging

    from .factories import close_submissions, make_entry, score

    env = contest_env
    entry = make_entry(env, members=("a2",))
    deck = services.attachment_add(actor=env["a1"], entry=entry, kind="pitch_deck",
                                   upload=SimpleUploadedFile("deck.pdf", b"%PDF-1.4\n%%EOF"))
    entry = services.entry_submit(actor=env["a1"], entry=entry)
    close_submissions(env["rounds"]["school"])
    er = EntryRound.objects.get(entry=entry)
    judging.judge_assign(actor=env["admin_a"], round_unit=er.round_unit, username="gk.a")
    judging.judge_assign(actor=env["admin_a"], round_unit=er.round_unit, username="gv.a")
    score(env["judge_a"], er, [7, 8, 9])
    return {**env, "entry": entry, "er": er, "ru": er.round_unit, "deck": deck}
