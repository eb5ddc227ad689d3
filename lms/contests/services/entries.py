"""Entries: create, save (the draft / autosave), submit, members, attachments. Every write
checks the deadline on the server clock inside its transaction, with the entry row locked, so a
save racing the deadline either lands before it or is refused whole."""

from typing import cast

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import User
from lms.units.models import Unit
from lms.units.permissions import learner_in_subtree

from .. import permissions
from ..files import MAX_IMAGES, prepare_image, validate_pdf
from ..models import (
    Attachment,
    AttachmentKind,
    BudgetLine,
    Contest,
    Entry,
    EntryMember,
    EntryRound,
    EntryStatus,
    Round,
    RoundUnit,
)

CONTENT_FIELDS = ("title", "summary", "problem", "solution", "market", "team_info", "video_url")
REQUIRED_TO_SUBMIT = ("title", "summary", "problem", "solution", "market")


class EntryLocked(Exception):
    """The deadline has passed (or the entry's round is over): nothing was changed."""


def first_round(contest: Contest) -> Round | None:
    return contest.rounds.select_related("level").order_by("order").first()


def placement(contest: Contest, unit: Unit, *, after_order: int = 0):
    """(round, unit) where an entry from `unit` competes next: the first round after
    `after_order` whose level is `unit` or one of its ancestors. Levels missing in this branch
    (no district office) are skipped. None when no later round applies."""
    ancestors = {u.kind_id: u for u in Unit.objects.filter(path__in=unit.ancestor_paths())
                 .select_related("kind")}
    for round_ in contest.rounds.filter(order__gt=after_order).order_by("order"):
        if round_.level_id in ancestors:
            return round_, ancestors[round_.level_id]
    return None


def round_unit_get(round_: Round, unit: Unit) -> RoundUnit:
    round_unit, _created = RoundUnit.objects.get_or_create(round=round_, unit=unit)
    return round_unit


def current_entry_round(entry: Entry) -> EntryRound | None:
    return (entry.rounds.select_related("round", "round_unit").order_by("-round__order")
            .first())


def _deadline(entry: Entry, current: EntryRound | None):
    round_ = current.round if current else first_round(entry.contest)
    return round_.submission_deadline if round_ else None


def entry_deadline(entry: Entry):
    """The deadline the entry is working to: its current round's, or the first round's."""
    return _deadline(entry, current_entry_round(entry))


def entry_is_open(entry: Entry, now=None) -> bool:
    current = current_entry_round(entry)
    if current is not None and current.round_unit.published_at is not None:
        return False  # its round is decided and it was not promoted further
    deadline = _deadline(entry, current)
    return deadline is not None and (now or timezone.now()) <= deadline


def _locked_entry(entry: Entry) -> Entry:
    """Re-read the entry with its row locked, then check the deadline on the server clock."""
    locked = Entry.objects.select_for_update().get(pk=entry.pk)
    if not entry_is_open(locked, timezone.now()):
        raise EntryLocked(_("Đã hết hạn nộp bài: bài dự thi đã khóa, không thể thay đổi. "
                            "Bản nháp đã lưu trước đó vẫn được giữ nguyên."))
    return locked


def _require_editor(actor, entry: Entry) -> None:
    if not permissions.can_edit_entry(actor, entry):
        raise PermissionError


@transaction.atomic
def entry_create(*, actor, contest: Contest, title: str) -> Entry:
    """A learner starts a team's idea; they become its first member."""
    school = permissions.learner_school(actor)
    if school is None:
        raise ValidationError(_("Chỉ học sinh, học viên có lớp mới tạo được bài dự thi."))
    round_ = first_round(contest)
    if round_ is None or timezone.now() > round_.submission_deadline:
        raise EntryLocked(_("Cuộc thi đã hết hạn nhận bài."))
    if EntryMember.objects.filter(contest=contest, user=actor).exists():
        raise ValidationError(_("Bạn đã ở trong một nhóm dự thi của cuộc thi này."))
    entry = Entry.objects.create(contest=contest, school=school, created_by=actor,
                                 title=title.strip()[:200])
    EntryMember.objects.create(entry=entry, user=actor, contest=contest)
    return entry


def entry_save(*, actor, entry: Entry, data: dict, budget: list[dict] | None = None,
               mentor: User | None = None) -> Entry:
    """Save the draft (also the autosave). `budget` replaces the budget table when given."""
    _require_editor(actor, entry)
    with transaction.atomic():
        locked = _locked_entry(entry)
        for name in CONTENT_FIELDS:
            if name in data:
                setattr(locked, name, (data[name] or "").strip())
        if mentor is not None:
            if not permissions.mentor_candidates(locked.school).filter(pk=mentor.pk).exists():
                raise ValidationError({"mentor": _("Giáo viên hướng dẫn phải là giáo viên của "
                                                   "trường.")})
            locked.mentor = mentor
        locked.save()
        if budget is not None:
            locked.budget_lines.all().delete()
            BudgetLine.objects.bulk_create([
                BudgetLine(entry=locked, order=i, item=row["item"][:200],
                           quantity=row["quantity"], unit_cost=row["unit_cost"])
                for i, row in enumerate(budget)])
    return locked


def submit_problems(entry: Entry) -> list[str]:
    problems = []
    labels = {f.name: f.verbose_name for f in Entry._meta.fields}
    for name in REQUIRED_TO_SUBMIT:
        if not getattr(entry, name).strip():
            problems.append(_("Chưa điền “%(field)s”.") % {"field": labels[name]})
    count = entry.members.count()
    contest = entry.contest
    if not contest.team_min <= count <= contest.team_max:
        problems.append(_("Nhóm cần từ %(min)s đến %(max)s thành viên.")
                        % {"min": contest.team_min, "max": contest.team_max})
    if entry.mentor_id is None:
        problems.append(_("Chưa chọn giáo viên hướng dẫn."))
    return problems


def entry_submit(*, actor, entry: Entry) -> Entry:
    """Submit to the first round (idempotent: a submitted entry stays where it is)."""
    _require_editor(actor, entry)
    with transaction.atomic():
        locked = _locked_entry(entry)
        if locked.status == EntryStatus.SUBMITTED:
            return locked
        problems = submit_problems(locked)
        if problems:
            raise ValidationError(problems)
        place = placement(locked.contest, locked.school)
        if place is None:
            raise ValidationError(_("Không có vòng thi nào dành cho trường của nhóm."))
        round_, unit = place
        EntryRound.objects.get_or_create(entry=locked, round=round_, defaults={
            "round_unit": round_unit_get(round_, unit)})
        locked.status = EntryStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["status", "submitted_at", "updated_at"])
    return locked


def _find_learner(identifier: str) -> User | None:
    identifier = identifier.strip()
    return (User.objects.filter(username=identifier).first()
            or User.objects.filter(learner_profile__learner_code=identifier).first())


def member_add(*, actor, entry: Entry, identifier: str) -> EntryMember:
    _require_editor(actor, entry)
    with transaction.atomic():
        locked = _locked_entry(entry)
        learner = _find_learner(identifier)
        if learner is None or not learner_in_subtree(learner, locked.school):
            raise ValidationError(_("Không tìm thấy học sinh này trong trường của nhóm."))
        if locked.members.filter(user=learner).exists():
            return locked.members.get(user=learner)
        if locked.members.count() >= locked.contest.team_max:
            raise ValidationError(_("Nhóm đã đủ %(max)s thành viên.")
                                  % {"max": locked.contest.team_max})
        try:
            with transaction.atomic():
                return EntryMember.objects.create(entry=locked, user=learner,
                                                  contest=locked.contest)
        except IntegrityError as exc:
            raise ValidationError(_("Học sinh này đã ở trong một nhóm dự thi khác.")) from exc


def member_remove(*, actor, entry: Entry, user_id: int) -> None:
    _require_editor(actor, entry)
    with transaction.atomic():
        locked = _locked_entry(entry)
        if locked.members.count() <= 1:
            raise ValidationError(_("Nhóm phải còn ít nhất một thành viên."))
        locked.members.filter(user_id=user_id).delete()


def attachment_add(*, actor, entry: Entry, kind: str, upload) -> Attachment:
    """Validated by content before anything is stored; a new pitch deck replaces the old."""
    _require_editor(actor, entry)
    if kind == AttachmentKind.PITCH_DECK:
        validate_pdf(upload)
        content, name = upload, upload.name
    elif kind == AttachmentKind.IMAGE:
        content = prepare_image(upload)
        name = upload.name.rsplit(".", 1)[0] + ".jpg"
    else:
        raise ValidationError(_("Loại tệp không hợp lệ."))
    with transaction.atomic():
        locked = _locked_entry(entry)
        if kind == AttachmentKind.IMAGE and locked.attachments.filter(kind=kind).count() >= \
                MAX_IMAGES:
            raise ValidationError(_("Tối đa %(n)s hình ảnh.") % {"n": MAX_IMAGES})
        old = list(locked.attachments.filter(kind=AttachmentKind.PITCH_DECK)) \
            if kind == AttachmentKind.PITCH_DECK else []
        attachment = Attachment(entry=locked, kind=kind, original_name=name[:200],
                                size=getattr(content, "size", 0) or 0)
        attachment.file.save(name, content, save=False)
        attachment.save()
        for previous in old:
            path = previous.file.name
            previous.delete()
            storage = previous.file.storage
            # a lambda with default arguments: mypy cannot infer it
            transaction.on_commit(lambda p=path, st=storage: st.delete(p))  # type: ignore[misc]
    return attachment


def attachment_remove(*, actor, attachment: Attachment) -> None:
    _require_editor(actor, attachment.entry)
    with transaction.atomic():
        _locked_entry(attachment.entry)
        path, storage = cast(str, attachment.file.name), attachment.file.storage
        attachment.delete()
        transaction.on_commit(lambda: storage.delete(path))
