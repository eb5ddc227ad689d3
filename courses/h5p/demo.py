"""Demo data: the true/false H5P activity in the digital-skills lesson on checking facts, and
the teacher group's right to upload H5P content. Idempotent."""

import io

from django.contrib.auth.models import Group, Permission

DEMO_ORDER = 120
COURSE_SLUG = "ky-nang-so-co-ban"
LESSON_SLUG = "tim-kiem-va-kiem-chung-thong-tin"
CONTENT_TITLE = "Kiểm chứng trước khi chia sẻ"


def _demo_content():
    from .demo_package import build_demo_package
    from .models import H5PContent
    from .services import h5p_package_store

    data = io.BytesIO(build_demo_package())
    package = h5p_package_store(data, install_libraries=True)  # the platform's own demo
    content, _ = H5PContent.objects.get_or_create(title=CONTENT_TITLE,
                                                  defaults={"package": package})
    if content.package_id != package.pk:
        content.package = package
        content.save(update_fields=["package"])
    return content


def _add_block(lesson, content) -> bool:
    if any(item.get("type") == "h5p" for item in lesson.body.raw_data):
        return False
    lesson.body.append(("h5p", {"content": content, "pass_mark": 100,
                                "instructions": "Chọn Đúng hoặc Sai. Bài học hoàn thành khi "
                                                "em trả lời đúng."}))
    lesson.save_revision().publish()
    return True


def _teacher_permissions(group_name: str) -> None:
    group = Group.objects.filter(name=group_name).first()
    if group is None:
        return
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="h5p",
        codename__in=("add_h5pcontent", "change_h5pcontent", "view_h5pcontent")))


def build_demo(context) -> None:
    """Reads the course from `context` (courses is the layer above h5p: no import of it here)."""
    content = _demo_content()
    _teacher_permissions(context.teacher_group)
    course = next((c for c in context.courses if c.slug == COURSE_SLUG), None)
    lesson = course.get_children().filter(slug=LESSON_SLUG).first() if course else None
    if lesson is None:
        return
    if _add_block(lesson.specific, content):
        context.stdout.write(f"H5P: thêm “{CONTENT_TITLE}” vào bài “{lesson.title}”\n")
