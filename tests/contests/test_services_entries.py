"""Entries: team rules, the server-clock deadline, locking and attachments."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from lms.contests import services
from lms.contests.models import Attachment, Entry, EntryRound, EntryStatus

from .factories import close_submissions, make_entry

pytestmark = pytest.mark.django_db


def test_submit_places_entry_in_its_schools_round(contest_env):
    entry = make_entry(contest_env, members=("a2",), submit=True)
    assert entry.status == EntryStatus.SUBMITTED and entry.submitted_at
    er = EntryRound.objects.get(entry=entry)
    assert er.round == contest_env["rounds"]["school"]
    assert er.round_unit.unit == contest_env["school_a"]


def test_submit_is_idempotent(contest_env):
    entry = make_entry(contest_env, submit=True)
    first = entry.submitted_at
    again = services.entry_submit(actor=contest_env["a1"], entry=entry)
    assert again.submitted_at == first
    assert EntryRound.objects.filter(entry=entry).count() == 1


def test_submit_requires_complete_content_and_mentor(contest_env):
    entry = services.entry_create(actor=contest_env["a1"], contest=contest_env["contest"],
                                  title="Ý tưởng")
    with pytest.raises(ValidationError) as info:
        services.entry_submit(actor=contest_env["a1"], entry=entry)
    text = " ".join(info.value.messages)
    assert "Giải pháp" in text or "giải pháp" in text
    assert "giáo viên hướng dẫn" in text
    assert Entry.objects.get(pk=entry.pk).status == EntryStatus.DRAFT


def test_one_team_per_learner_per_contest(contest_env):
    make_entry(contest_env, members=("a2",))
    with pytest.raises(ValidationError):
        services.entry_create(actor=contest_env["a2"], contest=contest_env["contest"], title="X")
    other = services.entry_create(actor=contest_env["a3"], contest=contest_env["contest"],
                                  title="Y")
    with pytest.raises(ValidationError, match="nhóm dự thi khác"):
        services.member_add(actor=contest_env["a3"], entry=other, identifier="hs.a2")


def test_team_size_limit(contest_env):
    contest = contest_env["contest"]
    contest.team_max = 2
    contest.save()
    entry = make_entry(contest_env, members=("a2",))
    with pytest.raises(ValidationError, match="đủ 2"):
        services.member_add(actor=contest_env["a1"], entry=entry, identifier="hs.a3")
    assert entry.members.count() == 2


def test_member_must_be_a_learner_of_the_same_school(contest_env):
    entry = make_entry(contest_env)
    for identifier in ("hs.b1", "gv.a", "khong-ton-tai"):
        with pytest.raises(ValidationError):
            services.member_add(actor=contest_env["a1"], entry=entry, identifier=identifier)
    assert entry.members.count() == 1


def test_mentor_must_teach_at_the_school(contest_env):
    entry = make_entry(contest_env)
    with pytest.raises(ValidationError):
        services.entry_save(actor=contest_env["a1"], entry=entry, data={},
                            mentor=contest_env["mentor_b"])


def test_outsider_cannot_save(contest_env):
    entry = make_entry(contest_env)
    with pytest.raises(PermissionError):
        services.entry_save(actor=contest_env["b1"], entry=entry, data={"title": "Hack"})


def test_mentor_can_save(contest_env):
    entry = make_entry(contest_env)
    services.entry_save(actor=contest_env["mentor_a"], entry=entry, data={"market": "Chợ quê"})
    assert Entry.objects.get(pk=entry.pk).market == "Chợ quê"


def test_late_save_and_submit_are_refused_and_the_draft_is_kept(contest_env):
    entry = make_entry(contest_env)
    close_submissions(contest_env["rounds"]["school"])
    with pytest.raises(services.EntryLocked, match="hết hạn"):
        services.entry_save(actor=contest_env["a1"], entry=entry,
                            data={"summary": "Sửa muộn"}, budget=[])
    with pytest.raises(services.EntryLocked):
        services.entry_submit(actor=contest_env["a1"], entry=entry)
    entry.refresh_from_db()
    assert entry.summary == "Tóm tắt" and entry.status == EntryStatus.DRAFT
    assert entry.budget_lines.count() == 1
    with pytest.raises(services.EntryLocked):
        services.member_add(actor=contest_env["a1"], entry=entry, identifier="hs.a2")


def test_cannot_start_after_the_first_deadline(contest_env):
    close_submissions(contest_env["rounds"]["school"])
    with pytest.raises(services.EntryLocked):
        services.entry_create(actor=contest_env["a1"], contest=contest_env["contest"],
                              title="Muộn")


def test_budget_is_replaced_atomically(contest_env):
    entry = make_entry(contest_env)
    services.entry_save(actor=contest_env["a1"], entry=entry, data={}, budget=[
        {"item": "Bẹ chuối", "quantity": 100, "unit_cost": 2000},
        {"item": "Khuôn", "quantity": 1, "unit_cost": 900000}])
    assert [(b.item, b.total) for b in entry.budget_lines.all()] == [
        ("Bẹ chuối", 200000), ("Khuôn", 900000)]


def _png() -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (50, 40), (10, 200, 10))
    exif = Image.Exif()
    exif[0x010F] = "Camera"
    image.save(out, format="PNG", exif=exif)
    return out.getvalue()


def test_attachments_are_validated_by_content(contest_env):
    entry = make_entry(contest_env)
    fake_pdf = SimpleUploadedFile("deck.pdf", b"<html><script>alert(1)</script>",
                                  content_type="application/pdf")
    with pytest.raises(ValidationError, match="PDF"):
        services.attachment_add(actor=contest_env["a1"], entry=entry, kind="pitch_deck",
                                upload=fake_pdf)
    fake_image = SimpleUploadedFile("anh.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    with pytest.raises(ValidationError):
        services.attachment_add(actor=contest_env["a1"], entry=entry, kind="image",
                                upload=fake_image)
    assert not Attachment.objects.exists()
    deck = services.attachment_add(actor=contest_env["a1"], entry=entry, kind="pitch_deck",
                                   upload=SimpleUploadedFile("deck.pdf", b"%PDF-1.4\n%%EOF"))
    image = services.attachment_add(actor=contest_env["a1"], entry=entry, kind="image",
                                    upload=SimpleUploadedFile("anh.png", _png()))
    with image.file.open("rb") as handle:
        decoded = Image.open(io.BytesIO(handle.read()))
        assert decoded.format == "JPEG" and not decoded.getexif()
    # A new deck replaces the old one.
    services.attachment_add(actor=contest_env["a1"], entry=entry, kind="pitch_deck",
                            upload=SimpleUploadedFile("deck2.pdf", b"%PDF-1.7\n%%EOF"))
    decks = entry.attachments.filter(kind="pitch_deck")
    assert [d.original_name for d in decks] == ["deck2.pdf"]
    assert deck.pk not in {d.pk for d in decks}


def test_attachment_size_limit(contest_env, settings):
    settings.HOCMO_CONTEST_MAX_UPLOAD_MB = 1
    entry = make_entry(contest_env)
    big = SimpleUploadedFile("deck.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError, match="quá lớn"):
        services.attachment_add(actor=contest_env["a1"], entry=entry, kind="pitch_deck",
                                upload=big)
