"""Serializers for /api/v1/. Read shapes are flat and small; `?fields=a,b` trims any of them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from courses.models import CourseCompletion, CoursePage, Enrolment, LessonPage, LessonProgress
from lms.accounts.models import GuardianContact, User
from lms.units.models import Role, Unit


class UnitSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="kind.code", read_only=True,
                                 help_text="Mã cấp đơn vị / unit level code")
    parent = serializers.IntegerField(source="parent_id", read_only=True, allow_null=True,
                                      help_text="Đơn vị cha / parent unit id")

    class Meta:
        model = Unit
        fields = ["id", "name", "code", "kind", "parent", "depth", "path", "admin_code",
                  "school_level", "school_year", "grade", "is_active"]


class UnitTreeSerializer(UnitSerializer):
    children = serializers.SerializerMethodField()

    class Meta(UnitSerializer.Meta):
        fields = [*UnitSerializer.Meta.fields, "children"]

    @extend_schema_field(serializers.ListField(child=serializers.DictField()))
    def get_children(self, unit) -> list:
        kids = self.context.get("children", {}).get(unit.path, [])
        return UnitTreeSerializer(kids, many=True, context=self.context).data


class LearnerSerializer(serializers.ModelSerializer):
    learner_code = serializers.CharField(source="learner_profile.learner_code", read_only=True)
    date_of_birth = serializers.DateField(source="learner_profile.date_of_birth", read_only=True)
    sex = serializers.CharField(source="learner_profile.sex", read_only=True)
    ethnicity = serializers.CharField(source="learner_profile.ethnicity", read_only=True,
                                      help_text="Mã dân tộc (01 Kinh … 54) / ethnicity code")
    household_status = serializers.CharField(source="learner_profile.household_status",
                                             read_only=True)
    grade = serializers.IntegerField(source="learner_profile.grade", read_only=True,
                                     allow_null=True)
    classes = serializers.SerializerMethodField(help_text="Lớp đang học / current class ids")

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "learner_code", "date_of_birth", "sex",
                  "ethnicity", "household_status", "grade", "classes"]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_classes(self, user) -> list[int]:
        return [r.unit_id for r in getattr(user, "active_learner_roles", [])]


class TeacherSerializer(serializers.ModelSerializer):
    units = serializers.SerializerMethodField(help_text="Đơn vị dạy / units taught")

    class Meta:
        model = User
        fields = ["id", "username", "full_name", "email", "units"]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_units(self, user) -> list[int]:
        return [r.unit_id for r in getattr(user, "teacher_roles", [])]


class GuardianSerializer(serializers.ModelSerializer):
    learner = serializers.IntegerField(source="profile.user_id", read_only=True)

    class Meta:
        model = GuardianContact
        fields = ["id", "learner", "name", "relation", "phone", "email"]


def _strict_id() -> serializers.IntegerField:
    """Ids are whole numbers in range: 1.5 would be read as 1 by the database lookup, a boolean
    or a 40-digit number refused only by the database (issue 16: strict types)."""
    return serializers.IntegerField(min_value=1, max_value=2**63 - 1)


class MembershipSerializer(serializers.ModelSerializer):
    learner = serializers.PrimaryKeyRelatedField(source="user", queryset=User.objects.all(),
                                                 pk_field=_strict_id(),
                                                 help_text="Người học / learner id")
    class_unit = serializers.PrimaryKeyRelatedField(source="unit", queryset=Unit.objects.all(),
                                                    pk_field=_strict_id(),
                                                    help_text="Lớp / class unit id")

    class Meta:
        model = Role
        fields = ["id", "learner", "class_unit", "created_at", "ended_at"]
        read_only_fields = ["created_at", "ended_at"]


class CourseSerializer(serializers.ModelSerializer):
    programme = serializers.CharField(source="programme.code", read_only=True)

    class Meta:
        model = CoursePage
        fields = ["id", "title", "slug", "programme", "audience", "level", "estimated_hours",
                  "intro", "first_published_at", "last_published_at"]


class LessonSerializer(serializers.ModelSerializer):
    course = serializers.IntegerField(source="course_id", read_only=True)

    class Meta:
        model = LessonPage
        fields = ["id", "title", "slug", "course", "estimated_minutes", "required",
                  "last_published_at"]


class EnrolmentSerializer(serializers.ModelSerializer):
    learner = serializers.PrimaryKeyRelatedField(source="user", queryset=User.objects.all(),
                                                 pk_field=_strict_id(),
                                                 help_text="Người học / learner id")
    course = serializers.PrimaryKeyRelatedField(queryset=CoursePage.objects.live(),
                                                pk_field=_strict_id(),
                                                help_text="Khóa học / course id (live)")

    class Meta:
        model = Enrolment
        fields = ["id", "learner", "course", "source", "created_at", "last_activity_at"]
        read_only_fields = ["source", "created_at", "last_activity_at"]
        # Idempotency is handled by the view (an existing enrolment answers 200).
        validators: list = []


class ProgressSerializer(serializers.ModelSerializer):
    learner = serializers.IntegerField(source="user_id", read_only=True)
    lesson = serializers.IntegerField(source="lesson_id", read_only=True)
    course = serializers.IntegerField(source="course_id", read_only=True)

    class Meta:
        model = LessonProgress
        fields = ["id", "learner", "lesson", "course", "percent", "time_spent_seconds",
                  "started_at", "last_activity_at", "completed_at"]


class CompletionSerializer(serializers.ModelSerializer):
    learner = serializers.IntegerField(source="user_id", read_only=True)
    course = serializers.IntegerField(source="course_id", read_only=True)

    class Meta:
        model = CourseCompletion
        fields = ["id", "learner", "course", "completed_at"]
