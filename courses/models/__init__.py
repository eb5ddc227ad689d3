from .pages import CourseIndexPage, CourseLevel, CoursePage, HomePage, LessonPage
from .programme import Programme
from .progress import CourseCompletion, Enrolment, EnrolmentSource, LessonProgress

__all__ = [
    "CourseCompletion",
    "CourseIndexPage",
    "CourseLevel",
    "CoursePage",
    "Enrolment",
    "EnrolmentSource",
    "HomePage",
    "LessonPage",
    "LessonProgress",
    "Programme",
]
