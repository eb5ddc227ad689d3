"""`manage.py load_demo`: Vietnamese demo data. Idempotent: running it twice changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from lms.accounts.models import User
from lms.demo import courses as demo_courses
from lms.demo import people, units
from lms.demo.hooks import DemoContext, feature_demo_builders
from lms.demo.images import build_course_images


class Command(BaseCommand):
    help = "Load Vietnamese demo data (units, people, courses, progress). Safe to re-run."

    def handle(self, *args, **options):
        with transaction.atomic():
            tree = units.build_units()
            index = demo_courses.build_site()
            programmes = demo_courses.build_programmes()
            demo_courses.build_teacher_group(index)
            course_pages = demo_courses.build_courses(index, programmes)
            build_course_images(course_pages)
            staff_logins = people.build_staff(tree)
            learners = people.build_learners(tree)
            people.build_parent(learners)
            admin, _ = User.objects.get_or_create(username="admin", defaults={
                "full_name": "Quản trị HọcMở", "email": "admin@hocmo.local",
                "is_staff": True, "is_superuser": True,
                "password": people.demo_password_hash()})
            teachers = {u.username: u for u in User.objects.filter(
                username__in=[s[0] for s in people.STAFF])}
            demo_courses.build_progress(tree, course_pages, teachers)
            context = DemoContext(units=tree, courses=course_pages, teachers=teachers,
                                  learners=learners, stdout=self.stdout)
            for build in feature_demo_builders():
                build(context)
        self._print_logins(staff_logins, len(learners))

    def _print_logins(self, staff_logins, learner_count: int) -> None:
        password = settings.HOCMO_DEMO_PASSWORD
        out = self.stdout
        out.write(self.style.SUCCESS(f"Demo data ready: {learner_count} learners."))
        out.write(f"Demo logins (password for all: {password})")
        out.write("  admin          Quản trị (Wagtail: /admin/)")
        out.write(f"  {people.DEMO_LEARNER[0]:<14} Học sinh lớp 12A1 — {people.DEMO_LEARNER[1]}")
        out.write(f"  {people.DEMO_PARENT[0]:<14} Phụ huynh — {people.DEMO_PARENT[1]}")
        for username, note in staff_logins:
            out.write(f"  {username:<14} {note}")
