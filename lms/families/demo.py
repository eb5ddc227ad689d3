"""Demo: a class-news post with a photo in the demo learner's class, so the demo parent
(phuhuynh) sees news next to their child's progress. Idempotent."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageDraw

DEMO_ORDER = 150
DEMO_TEXT = ("Chiều thứ Sáu, lớp đã trình bày ý tưởng khởi nghiệp “Rau sạch cho bếp ăn trường”. "
             "Cảm ơn các phụ huynh đã đến cổ vũ các em!")


def demo_photo() -> SimpleUploadedFile:
    image = Image.new("RGB", (960, 640), (222, 238, 226))
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 380, 880, 600), fill=(76, 140, 74))
    draw.ellipse((620, 60, 780, 220), fill=(250, 204, 72))
    for x in range(120, 860, 90):
        draw.ellipse((x, 300, x + 70, 390), fill=(46, 110, 52))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return SimpleUploadedFile("lop-12a1.jpg", buffer.getvalue(), content_type="image/jpeg")


def build_demo(context) -> None:
    from lms.accounts.models import User
    from lms.units.models import Role, RoleKind

    from .images import photo_prepare
    from .models import NewsPost
    from .services import news_post_write

    learner = User.objects.filter(username="hocsinh").first()
    teacher = context.teachers.get("giaovien")
    if learner is None or teacher is None:
        return
    # The class through the role's foreign key (not its copied path): demo data is trusted,
    # so the post is written directly rather than through the teacher's permission check.
    role = (Role.objects.filter(user=learner, kind=RoleKind.LEARNER, ended_at__isnull=True)
            .select_related("unit").first())
    if role is None or NewsPost.objects.filter(unit=role.unit, text=DEMO_TEXT).exists():
        return
    news_post_write(author=teacher, unit=role.unit, text=DEMO_TEXT,
                    prepared=[photo_prepare(demo_photo())],
                    alt="Lớp 12A1 bên vườn rau của dự án khởi nghiệp")
    context.stdout.write("  tin lớp 12A1 có ảnh cho phụ huynh")
