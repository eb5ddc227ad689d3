"""Courses and lessons (live pages only), enrolments, progress and completions."""

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.response import Response
from wagtail.models import Page

from courses.models import (
    CourseCompletion,
    CoursePage,
    Enrolment,
    EnrolmentSource,
    LessonPage,
    LessonProgress,
)
from courses.services import enrolment_create

from .base import ApiViewMixin, IdFilter, documented, parent_id_of
from .permissions import can_manage_learner, visible_learners
from .serializers import (
    CompletionSerializer,
    CourseSerializer,
    EnrolmentSerializer,
    LessonSerializer,
    ProgressSerializer,
)


class CourseFilter(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__code")
    level = django_filters.CharFilter()

    class Meta:
        model = CoursePage
        fields = ["programme", "level"]


@documented("courses", "Khóa học đang xuất bản.", "Published (live) courses.")
class CourseViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CourseSerializer
    filterset_class = CourseFilter
    ordering_fields = ["id", "title", "first_published_at"]

    def get_queryset(self):
        return CoursePage.objects.live().select_related("programme")


class LessonFilter(django_filters.FilterSet):
    course = IdFilter(method="in_course", help_text="Khóa học / course id")
    required = django_filters.BooleanFilter()

    class Meta:
        model = LessonPage
        fields = ["course", "required"]

    def in_course(self, queryset, name, value):
        course = CoursePage.objects.filter(pk=value).only("path").first()
        return queryset.filter(path__startswith=course.path) if course else queryset.none()


@documented("courses", "Bài học đang xuất bản (không gồm nội dung).",
            "Published (live) lessons (without their body).")
class LessonViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = LessonSerializer
    filterset_class = LessonFilter
    ordering_fields = ["id", "title", "path"]

    def get_queryset(self):
        return LessonPage.objects.live().annotate(course_id=parent_id_of(Page))


class LearnerRecordFilter(django_filters.FilterSet):
    learner = IdFilter(field_name="user_id")
    course = IdFilter(field_name="course_id")


class EnrolmentFilter(LearnerRecordFilter):
    class Meta:
        model = Enrolment
        fields = ["learner", "course", "source"]


@documented(
    "learning",
    "Ghi danh của người học bạn được xem. Tạo ghi danh là idempotent: ghi danh đã có trả về "
    "200, ghi danh mới trả về 201.",
    "Enrolments of the learners you may see. Creating is idempotent: an existing enrolment "
    "answers 200, a new one 201.",
    create=extend_schema(tags=["learning"], responses={201: EnrolmentSerializer,
                                                        200: EnrolmentSerializer},
                         description="Ghi danh một người học vào một khóa học đang xuất bản. / "
                                     "Enrol a learner in a live course."))
class EnrolmentViewSet(ApiViewMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = EnrolmentSerializer
    filterset_class = EnrolmentFilter
    ordering_fields = ["id", "created_at", "last_activity_at"]

    def get_queryset(self):
        return Enrolment.objects.filter(user_id__in=visible_learners(self.request.user))

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        learner = serializer.validated_data["user"]
        course = serializer.validated_data["course"]
        if not hasattr(learner, "learner_profile") and learner.pk != request.user.pk or \
                not can_manage_learner(request.user, learner):
            raise serializers.ValidationError({"learner": [
                "Không có người học này trong phạm vi của bạn. / No such learner in your "
                "scope."]})
        source = EnrolmentSource.SELF if learner.pk == request.user.pk else EnrolmentSource.ADMIN
        enrolment, created = enrolment_create(user=learner, course=course, source=source,
                                              enrolled_by=request.user)
        return Response(self.get_serializer(enrolment).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class ProgressFilter(LearnerRecordFilter):
    lesson = IdFilter(field_name="lesson_id")
    completed = django_filters.BooleanFilter(field_name="completed_at", lookup_expr="isnull",
                                             exclude=True)

    class Meta:
        model = LessonProgress
        fields = ["learner", "course", "lesson", "completed"]


@documented(
    "learning",
    "Tiến độ từng bài (chỉ đọc; tiến độ chỉ tăng, ghi qua trình phát bài học).",
    "Per-lesson progress (read only; progress only moves forward and is written by the lesson "
    "players).")
class ProgressViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ProgressSerializer
    filterset_class = ProgressFilter
    ordering_fields = ["id", "last_activity_at", "completed_at"]

    def get_queryset(self):
        return LessonProgress.objects.filter(user_id__in=visible_learners(self.request.user))


class CompletionFilter(LearnerRecordFilter):
    completed_after = django_filters.IsoDateTimeFilter(field_name="completed_at",
                                                       lookup_expr="gte")
    completed_before = django_filters.IsoDateTimeFilter(field_name="completed_at",
                                                        lookup_expr="lt")

    class Meta:
        model = CourseCompletion
        fields = ["learner", "course", "completed_after", "completed_before"]


@documented("learning", "Hoàn thành khóa học (chỉ đọc).", "Course completions (read only).")
class CompletionViewSet(ApiViewMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CompletionSerializer
    filterset_class = CompletionFilter
    ordering_fields = ["id", "completed_at"]

    def get_queryset(self):
        return CourseCompletion.objects.filter(user_id__in=visible_learners(self.request.user))
