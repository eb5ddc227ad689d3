"""The learning record store: statements as stored JSON plus indexed columns for the filters
the Statements API offers; documents (state and profiles) with ETags; client credentials."""

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    id = models.UUIDField(primary_key=True)
    # Canonical key of the actor's identifier (e.g. "account:https://site|hocsinh").
    actor_key = models.CharField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    verb_id = models.CharField(max_length=255)
    activity_id = models.CharField(max_length=255, blank=True)  # object id when an Activity
    registration = models.UUIDField(null=True, blank=True)
    voided_target = models.UUIDField(null=True, blank=True)  # set on voiding statements
    # The object when it is a StatementRef (voiding statements included): a statement that
    # targets a matching one matches the query filters too (1.0.3 Communication 2.1.3).
    ref_target = models.UUIDField(null=True, blank=True)
    # The object's key when it is an Agent or Group: the `agent` filter matches the actor "or
    # the object" (1.0.3 Communication 2.1.3); "" otherwise.
    object_agent_key = models.CharField(max_length=255, blank=True, default="")
    voided = models.BooleanField(default=False)
    stored = models.DateTimeField()
    timestamp = models.DateTimeField()
    client = models.ForeignKey("xapi.Client", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    content_hash = models.CharField(max_length=64)
    payload = models.JSONField()

    class Meta:
        verbose_name = _("câu lệnh xAPI")
        verbose_name_plural = _("câu lệnh xAPI")
        indexes = [
            models.Index(fields=["stored", "id"], name="xapi_stmt_stored_idx"),
            models.Index(fields=["actor_key", "stored"], name="xapi_stmt_actor_idx"),
            models.Index(fields=["verb_id", "stored"], name="xapi_stmt_verb_idx"),
            models.Index(fields=["activity_id", "stored"], name="xapi_stmt_activity_idx"),
            # Most statements have no registration: a partial index stays small and cheap.
            models.Index(fields=["registration", "stored"], name="xapi_stmt_reg_idx",
                         condition=models.Q(registration__isnull=False)),
            # Few statements target another or have an Agent as object: partial indexes.
            models.Index(fields=["ref_target"], name="xapi_stmt_ref_idx",
                         condition=models.Q(ref_target__isnull=False)),
            models.Index(fields=["object_agent_key", "stored"], name="xapi_stmt_obj_agent_idx",
                         condition=~models.Q(object_agent_key="")),
        ]

    def __str__(self) -> str:
        return f"{self.id} {self.verb_id}"


class StatementRelation(models.Model):
    """An agent or activity a statement names beyond its actor and its object: context
    instructor and team, context activities, and a SubStatement's parts. The `related_agents` /
    `related_activities` filters (1.0.3 Communication 2.1.3) look here; most statements (a
    learner, a verb, an activity) have no row, so plain ingest pays nothing for it."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+",
                                  db_index=False)
    kind = models.CharField(max_length=8)  # "agent" or "activity"
    key = models.CharField(max_length=255)  # agent_key(...) or the activity IRI

    class Meta:
        verbose_name = _("liên quan của câu lệnh xAPI")
        verbose_name_plural = _("liên quan của câu lệnh xAPI")
        indexes = [models.Index(fields=["kind", "key"], name="xapi_relation_key_idx"),
                   models.Index(fields=["statement"], name="xapi_relation_stmt_idx")]

    def __str__(self) -> str:
        return f"{self.statement_id} {self.kind}:{self.key}"


class Attachment(models.Model):
    """Attachment bytes, addressed by their SHA-2 (as the statements name them): the same file
    sent with many statements is stored once, and is immutable."""

    sha2 = models.CharField(max_length=128, primary_key=True)
    content_type = models.CharField(max_length=255)
    length = models.PositiveBigIntegerField()
    content = models.BinaryField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm xAPI")
        verbose_name_plural = _("tệp đính kèm xAPI")

    def __str__(self) -> str:
        return f"{self.sha2[:12]}… ({self.content_type}, {self.length} B)"


class DocumentKind(models.TextChoices):
    STATE = "state", _("Trạng thái")
    ACTIVITY_PROFILE = "activity_profile", _("Hồ sơ hoạt động")
    AGENT_PROFILE = "agent_profile", _("Hồ sơ người học")


class Document(models.Model):
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    activity_id = models.CharField(max_length=255, blank=True)
    agent_key = models.CharField(max_length=255, blank=True)
    registration = models.CharField(max_length=36, blank=True)  # "" when none
    doc_id = models.CharField(max_length=255)
    content = models.BinaryField()
    content_type = models.CharField(max_length=255, default="application/octet-stream")
    etag = models.CharField(max_length=64)
    updated = models.DateTimeField()

    class Meta:
        verbose_name = _("tài liệu xAPI")
        verbose_name_plural = _("tài liệu xAPI")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "activity_id", "agent_key", "registration", "doc_id"],
                name="xapi_document_unique"),
        ]
        indexes = [models.Index(fields=["kind", "activity_id", "agent_key", "updated"],
                                name="xapi_document_lookup_idx")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.doc_id}"


class Scope(models.TextChoices):
    STATEMENTS_WRITE = "statements/write", _("Ghi câu lệnh")
    STATEMENTS_READ = "statements/read", _("Đọc mọi câu lệnh")
    STATEMENTS_READ_MINE = "statements/read/mine", _("Đọc câu lệnh của công cụ này")
    STATE = "state", _("Trạng thái")
    PROFILE = "profile", _("Hồ sơ")
    ALL_READ = "all/read", _("Đọc tất cả")
    ALL = "all", _("Tất cả")


class Client(models.Model):
    """HTTP Basic credentials for an external tool. The secret is stored hashed with Django's
    password hashers and shown once, when created (see services.client_create)."""

    name = models.CharField(_("tên công cụ"), max_length=120)
    key = models.CharField(max_length=40, unique=True, default="")
    secret_hash = models.CharField(max_length=255)
    scopes = models.JSONField(default=list)
    # Statements from this tool may move progress for learners it names (by account).
    records_progress = models.BooleanField(_("ghi tiến độ học tập"), default=False)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("công cụ kết nối xAPI")
        verbose_name_plural = _("công cụ kết nối xAPI")

    def __str__(self) -> str:
        return self.name

    def set_secret(self, secret: str) -> None:
        self.secret_hash = make_password(secret)

    def check_secret(self, secret: str) -> bool:
        return check_password(secret, self.secret_hash)

    def has_scope(self, *wanted: str) -> bool:
        scopes = set(self.scopes or [])
        return "all" in scopes or bool(scopes & set(wanted))


class LessonScore(models.Model):
    """The best score a learner reached on a lesson's H5P activity (0–1 scaled)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+")
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    activity_id = models.CharField(max_length=255)
    best_scaled = models.FloatField(default=0)
    attempts = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("điểm cao nhất")
        verbose_name_plural = _("điểm cao nhất")
        constraints = [models.UniqueConstraint(fields=["user", "lesson", "activity_id"],
                                               name="xapi_lesson_score_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.lesson_id}: {self.best_scaled:.2f}"
