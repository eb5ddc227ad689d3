"""Who may download a course for offline use: a learner enrolled in it (the pages they will
read offline are the pages they may read online). Others get 404, so a course's file list
never leaks to someone who could not open its lessons as a learner."""

from django.http import Http404

from courses.models import CoursePage, Enrolment


def may_download_course(user, course: CoursePage) -> bool:
    return (user.is_authenticated
            and Enrolment.objects.filter(user=user, course=course).exists())


def downloadable_course_or_404(user, course_id: int) -> CoursePage:
    course = CoursePage.objects.live().filter(pk=course_id).first()
    if course is None or not may_download_course(user, course):
        raise Http404
    return course
