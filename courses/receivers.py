"""Keeping completions true when a course's required lessons change: publishing or
unpublishing a lesson rechecks its course's completions (Celery, after commit). Enrolments
retire the class pages that show them. Keeping the lesson page's kept learner state current:
any saved enrolment or progress row replaces its learner's progress generation
(courses/progress_cache.py)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from lms.units.generations import classes_touch_for_users

from .models import Enrolment, LessonProgress
from .progress_cache import learner_progress_bump


# No post_delete receiver for the lesson page's state on purpose: it would turn Django's fast
# deletes of a user's progress rows (cascades) into row-by-row deletes. Those cascades change the
# content version (course, lesson) or end the account; the admin's own deletes bump
# (courses/admin.py).
@receiver(post_save, sender=Enrolment)
@receiver(post_save, sender=LessonProgress)
def _learner_row_saved(sender, instance, **kwargs):
    learner_progress_bump([instance.user_id])


@receiver(page_published)
@receiver(page_unpublished)
def _lesson_changed(sender, instance, **kwargs):
    from .models import LessonPage
    from .tasks import course_completions_recheck

    if isinstance(instance, LessonPage):
        course_id = instance.get_parent().pk
        transaction.on_commit(lambda: course_completions_recheck.delay(course_id))


@receiver(post_save, sender="courses.Enrolment", dispatch_uid="courses_class_enrolment_saved")
@receiver(post_delete, sender="courses.Enrolment", dispatch_uid="courses_class_enrolment_deleted")
def _enrolment_changed(sender, instance, created=True, **kwargs):
    # The class pages show enrolments (lms/units/generations.py); progress_record's own
    # last_activity UPDATE goes through a QuerySet and bumps there.
    if created:
        classes_touch_for_users([instance.user_id])
