"""Domain events other parts subscribe to (reports count completions; notifications announce)."""

import django.dispatch

# sender=CourseCompletion, completion=<CourseCompletion>; sent once per learner and course.
course_completed = django.dispatch.Signal()
