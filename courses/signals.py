"""Domain events other parts subscribe to (reports count completions; notifications announce).
Receivers of this app's own hooks are in courses/receivers.py; the certificate signals are in
courses/certificates/signals.py."""

import django.dispatch

# sender=CourseCompletion, completion=<CourseCompletion>; sent once per learner and course.
course_completed = django.dispatch.Signal()

# sender=LessonProgress, user_id=, lesson_id=, course_id=; sent once, when a learner's lesson
# progress first completes (progress_record). lms.lti sends the score back to an LTI platform.
lesson_completed = django.dispatch.Signal()
