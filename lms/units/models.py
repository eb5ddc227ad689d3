"""The organisation tree: ministry → province department → (district office) → commune → school
→ class. Levels are data (UnitKind) because Vietnam reorganised them in 2025 and depth varies by
branch. A materialised path (treebeard MP_Node) makes "everything in this subtree" one indexed
prefix query."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet


class UnitKind(models.Model):  # type: ignore[django-manager-missing]
    """A level of the hierarchy (Bộ, Sở, Phòng, xã/phường, trường, lớp). Editable data."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    is_school = models.BooleanField(_("là trường học"), default=False)
    is_class = models.BooleanField(_("là lớp học"), default=False)
    # Kinds that may sit directly under this kind; empty means "any".
    allowed_parents = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="allowed_children",
        verbose_name=_("cấp cha được phép"),
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("cấp đơn vị")
        verbose_name_plural = _("các cấp đơn vị")

    def __str__(self) -> str:
        return self.name


class SchoolLevel(models.TextChoices):
    PRESCHOOL = "preschool", _("Mầm non")
    PRIMARY = "primary", _("Tiểu học")
    LOWER_SECONDARY = "lower_secondary", _("Trung học cơ sở")
    UPPER_SECONDARY = "upper_secondary", _("Trung học phổ thông")
    CONTINUING_EDUCATION = "continuing_education", _("Trung tâm GDNN-GDTX")
    VOCATIONAL = "vocational", _("Trung cấp / nghề")
    COLLEGE = "college", _("Cao đẳng")
    COMMUNITY_LEARNING = "community_learning", _("Trung tâm học tập cộng đồng")


class UnitQuerySet(MP_NodeQuerySet):
    def active(self):
        return self.filter(merged_into__isnull=True, is_active=True)

    def in_subtrees(self, paths):
        """Units under any of the given materialised paths (each a prefix-indexed LIKE)."""
        query = models.Q(pk__in=[])
        for path in paths:
            query |= models.Q(path__startswith=path)
        return self.filter(query)


class UnitManager(MP_NodeManager):
    def get_queryset(self):
        return UnitQuerySet(self.model, using=self._db).order_by("path")

    def active(self):
        return self.get_queryset().active()

    def in_subtrees(self, paths):
        return self.get_queryset().in_subtrees(paths)


def path_and_ancestors(path: str) -> list[str]:
    """The materialised paths of a unit and of every unit above it, root first (treebeard's
    fixed-width steps: no query needed)."""
    step = Unit.steplen
    return [path[:i] for i in range(step, len(path) + 1, step)]


def paths_and_ancestors(paths) -> set[str]:
    return {ancestor for path in paths for ancestor in path_and_ancestors(path)}


class Unit(MP_Node):
    """One node of the tree. `path` is treebeard's materialised path (indexed, unique)."""

    # No node_order_by: new children are appended, so adding a unit never shifts the paths of
    # its siblings (roles, counters and caches hold copies of paths). Lists sort by name.

    kind = models.ForeignKey(UnitKind, on_delete=models.PROTECT, related_name="units",
                             verbose_name=_("cấp"))
    name = models.CharField(_("tên"), max_length=200)
    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True, null=True, blank=True)
    # Official administrative code (province or commune/ward) from `vietnam-provinces`.
    admin_code = models.PositiveIntegerField(_("mã hành chính"), null=True, blank=True,
                                             db_index=True)
    school_level = models.CharField(_("cấp học"), max_length=32, choices=SchoolLevel.choices,
                                    blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    # A merged unit stays (reports for past periods still add up) and points at its successor.
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="merged_from", verbose_name=_("sáp nhập vào"))
    merged_at = models.DateTimeField(_("ngày sáp nhập"), null=True, blank=True)
    # For classes: the school year they run in, e.g. "2025-2026", and the grade (1–12).
    school_year = models.CharField(_("năm học"), max_length=9, blank=True)
    grade = models.PositiveSmallIntegerField(_("khối"), null=True, blank=True)

    objects = UnitManager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self) -> str:
        return self.name

    def subtree(self):
        """This unit and everything below it: one indexed prefix query."""
        return Unit.objects.filter(path__startswith=self.path)

    def ancestor_paths(self) -> list[str]:
        return path_and_ancestors(self.path)

    def is_within(self, other: "Unit") -> bool:
        return self.path.startswith(other.path)


class RoleKind(models.TextChoices):
    LEARNER = "learner", _("Người học")
    TEACHER = "teacher", _("Giáo viên")
    SCHOOL_ADMIN = "school_admin", _("Quản lý trường")
    OFFICER = "officer", _("Cán bộ quản lý")
    # Sees only the contest entries assigned to them (lms.contests), nothing else of anyone.
    JUDGE = "judge", pgettext_lazy("vai trò", "Giám khảo")


class Role(models.Model):
    """`user` has `kind` at `unit`, and therefore over the unit's whole subtree. A learner's role
    at a class unit is their class membership."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="roles", verbose_name=_("người dùng"))
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="roles",
                             verbose_name=_("đơn vị"))
    kind = models.CharField(_("vai trò"), max_length=20, choices=RoleKind.choices)
    # Denormalised copy of unit.path so "roles inside this subtree" needs no join.
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    ended_at = models.DateTimeField(_("kết thúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "kind"], name="role_unique_per_unit"),
        ]
        indexes = [models.Index(fields=["kind", "unit_path"], name="role_kind_path_idx")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()} @ {self.unit}"

    def save(self, *args, **kwargs):
        # Read the path from the database: an in-memory Unit may predate a move.
        self.unit_path = Unit.objects.values_list("path", flat=True).get(pk=self.unit_id)
        super().save(*args, **kwargs)


class ChangeAction(models.TextChoices):
    MOVE = "move", _("Chuyển đơn vị")
    MERGE = "merge", _("Sáp nhập đơn vị")


class UnitChange(models.Model):
    """Audit entry of one reorganisation (a move or a merge), written by the service with the
    names and paths as they were at that moment (units may be renamed or merged later)."""

    action = models.CharField(_("thao tác"), max_length=10, choices=ChangeAction.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="+",
                              verbose_name=_("người thực hiện"))
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="changes",
                             verbose_name=_("đơn vị"))
    unit_name = models.CharField(_("tên đơn vị lúc đó"), max_length=200)
    from_parent = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("đơn vị cha cũ"))
    from_parent_name = models.CharField(max_length=200, blank=True)
    # A move: the new parent. A merge: the successor.
    destination = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("đơn vị đích"))
    destination_name = models.CharField(max_length=200)
    old_path = models.CharField(max_length=255)
    new_path = models.CharField(max_length=255, blank=True)
    # What moved: units, classes, learners (people with a live learner role in the subtree).
    units_moved = models.PositiveIntegerField(default=0)
    classes_moved = models.PositiveIntegerField(default=0)
    learners_moved = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lần tổ chức lại")
        verbose_name_plural = _("lịch sử tổ chức lại")
        indexes = [models.Index(fields=["old_path"], name="unitchange_old_path_idx"),
                   models.Index(fields=["new_path"], name="unitchange_new_path_idx")]

    def __str__(self) -> str:
        return f"{self.get_action_display()}: {self.unit_name} → {self.destination_name}"
