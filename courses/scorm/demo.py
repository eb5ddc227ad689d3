"""Demo data: the SCORM 1.2 lecture "Bài giảng e-learning: An toàn khi dùng mạng xã hội"
(built by testkit.demo_package(), shaped like an iSpring Suite export) in the digital-skills
lesson on protecting personal data. (Uploading needs no permission of its own: the H5P upload
rights cover SCORM, courses/scorm/permissions.py.) Idempotent."""

import io

DEMO_ORDER = 125  # after the H5P demo (120): both touch the digital-skills course
COURSE_SLUG = "ky-nang-so-co-ban"
LESSON_SLUG = "bao-ve-du-lieu-ca-nhan"
INSTRUCTIONS = ("Xem hết bài giảng và làm bài kiểm tra cuối bài (đạt từ 80 điểm). Em có thể "
                "dừng giữa chừng: lần sau bài giảng mở lại đúng trang em đang học.")


def _demo_package():
    from .models import ScormPackage
    from .services import scorm_package_create
    from .testkit import DEMO_TITLE, demo_package

    package = ScormPackage.objects.filter(title=DEMO_TITLE).order_by("pk").first()
    if package is None:
        package = scorm_package_create(fileobj=io.BytesIO(demo_package()), title=DEMO_TITLE)
    return package


def _add_block(lesson, package) -> bool:
    if any(item.get("type") == "scorm" for item in lesson.body.raw_data):
        return False
    lesson.body.append(("scorm", {"package": package, "instructions": INSTRUCTIONS}))
    lesson.save_revision().publish()
    return True


def build_demo(context) -> None:
    """Reads the course from `context` (no import of courses' demo here)."""
    package = _demo_package()
    course = next((c for c in context.courses if c.slug == COURSE_SLUG), None)
    lesson = course.get_children().filter(slug=LESSON_SLUG).first() if course else None
    if lesson is None:
        return
    if _add_block(lesson.specific, package):
        context.stdout.write(f"SCORM: thêm “{package.title}” vào bài “{lesson.title}”\n")
