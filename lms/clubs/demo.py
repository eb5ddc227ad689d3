"""Demo clubs (seed 001, Đề án 1665 in Hải Phòng): the start-up club of THPT Ngô Quyền
(adviser giaovien, member hocsinh), an innovation club at THCS Thủy Nguyên and a STEM club at
the GDNN-GDTX centre, each with activities of this term, attendance and generated photos.
Idempotent: a club that exists is left as it is."""

import datetime
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from .terms import current_term

DEMO_ORDER = 160

CLUBS: list[dict[str, Any]] = [
    {"school": "HP-THPT-NQ", "adviser": "giaovien", "name": "CLB Khởi nghiệp THPT Ngô Quyền",
     "field": "business", "members": 12, "learner": "hocsinh",
     "description": "Câu lạc bộ giúp học sinh biến ý tưởng thành dự án: tìm hiểu thị trường, "
                    "lập kế hoạch kinh doanh, gặp gỡ doanh nhân và chuẩn bị cho cuộc thi "
                    "“Học sinh với ý tưởng khởi nghiệp” của thành phố.",
     "activities": [
         (40, "Ngày hội khởi nghiệp", "Sân trường",
          "Các nhóm trưng bày sản phẩm và thuyết trình ý tưởng trước thầy cô, phụ huynh.",
          [((250, 204, 72), True), ((76, 140, 74), False)]),
         (21, "Tọa đàm với doanh nhân", "Hội trường",
          "Doanh nhân cựu học sinh chia sẻ kinh nghiệm khởi nghiệp và trả lời câu hỏi.",
          [((11, 83, 148), True)]),
         (7, "Tham quan doanh nghiệp tại khu công nghiệp", "Khu công nghiệp Nam Cầu Kiền",
          "Trải nghiệm hoạt động sản xuất kinh doanh của doanh nghiệp.", []),
     ]},
    {"school": "HP-THCS-TN", "adviser": "giaovien.thcs",
     "name": "CLB Đổi mới sáng tạo THCS Thủy Nguyên", "field": "innovation", "members": 8,
     "description": "Học sinh lớp 8, 9 tìm giải pháp sáng tạo cho những vấn đề ở trường "
                    "và ở địa phương.",
     "activities": [
         (28, "Cuộc thi ý tưởng khởi nghiệp cấp trường", "Thư viện trường",
          "Vòng trường của cuộc thi “Học sinh với ý tưởng khởi nghiệp”.",
          [((200, 90, 60), True)]),
         (10, "Tọa đàm với doanh nhân", "Phòng đa năng",
          "Giao lưu với chủ hợp tác xã nông sản sạch của huyện.", []),
     ]},
    {"school": "HP-GDTX", "adviser": "giaovien.gdtx",
     "name": "CLB STEM và khởi nghiệp GDNN-GDTX Hải Phòng", "field": "stem", "members": 6,
     "description": "Thiết kế sản phẩm STEM nhỏ và tìm hiểu cách đưa sản phẩm ra thị trường.",
     "activities": [(14, "Ngày hội khởi nghiệp", "Xưởng thực hành",
                     "Học viên giới thiệu mô hình tưới cây tự động.", [])]},
]


def _photo(colour, name: str) -> SimpleUploadedFile:
    image = Image.new("RGB", (1200, 800), (232, 238, 244))
    draw = ImageDraw.Draw(image)
    draw.rectangle((100, 120, 1100, 300), fill=colour)  # the banner
    draw.rectangle((0, 560, 1200, 800), fill=(180, 170, 150))  # the floor
    for x in range(160, 1080, 120):  # people seen from afar, no faces
        draw.ellipse((x, 400, x + 50, 450), fill=(70, 60, 50))
        draw.rectangle((x - 5, 450, x + 55, 600), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _learners(school, learner_username, count):
    from lms.accounts.models import User
    from lms.units.models import RoleKind

    users = list(User.objects.filter(roles__kind=RoleKind.LEARNER,
                                     roles__unit_path__startswith=school.path)
                 .distinct().order_by("username")[:count])
    first = User.objects.filter(username=learner_username).first() if learner_username else None
    if first and first not in users:
        users = [first, *users[:count - 1]]
    return users


def _day(days_ago: int) -> datetime.date:
    """A day of the current term, so this term's report has figures."""
    term, today = current_term(), timezone.localdate()
    return max(term.start, min(today, term.end) - datetime.timedelta(days=days_ago))


def build_demo(context) -> None:
    from lms.units.models import Unit

    from .models import Club, Membership, MembershipStatus
    from .services import club_create
    from .services.activities import activity_save

    founded = current_term().start - datetime.timedelta(days=365)
    for spec in CLUBS:
        school = Unit.objects.filter(code=spec["school"]).first()
        adviser = context.teachers.get(spec["adviser"])
        if school is None or adviser is None or Club.objects.filter(name=spec["name"]).exists():
            continue
        club = club_create(actor=adviser, unit=school, name=spec["name"], field=spec["field"],
                           description=spec["description"], founded_on=founded,
                           is_public=True)
        learners = _learners(school, spec.get("learner"), spec["members"])
        Membership.objects.bulk_create([
            Membership(club=club, user=u, status=MembershipStatus.ACTIVE, joined_on=founded,
                       decided_by=adviser) for u in learners])
        for n, (days_ago, title, place, text, photos) in enumerate(spec["activities"]):
            # Most members come; one or two miss each activity (a realistic attendance rate).
            present = [u.pk for i, u in enumerate(learners) if (i + n) % 5 != 4]
            activity = activity_save(actor=adviser, club=club, date=_day(days_ago), title=title,
                                     location=place, description=text, present_ids=present)
            for k, (colour, public) in enumerate(photos):
                activity_save(actor=adviser, club=club, activity=activity, date=activity.date,
                              title=title, location=place, description=text,
                              present_ids=present, photos=[_photo(colour, f"anh-{k}.jpg")],
                              alt=f"{title}: các nhóm học sinh trong hội trường",
                              photos_public=public)
        context.stdout.write(f"  câu lạc bộ: {club.name} ({len(learners)} thành viên)")
