"""Valid SCORM packages, built in memory as zip bytes: 1.2 single-SCO (iSpring-like), 2004
single-SCO (Articulate-like, any edition), 2004 3rd edition multi-SCO (Captivate-like) and
the Vietnamese demo lecture. Same arguments → same bytes (fixed member order and dates), so
the content hash is stable."""

import io
import zipfile

from .manifests import ManifestItem, lom_metadata, manifest_12, manifest_2004
from .sco import SAFETY_QUESTIONS, SHARED_FILES, Question, ScoSpec, sco_html, shared_files

ZIP_DATE = (2025, 1, 1, 0, 0, 0)
DEMO_TITLE = "Bài giảng e-learning: An toàn khi dùng mạng xã hội"
SAFETY_PAGES = (
    ("Mạng xã hội quanh em",
     "Facebook, Zalo, TikTok giúp em kết nối với bạn bè, nhưng mọi thứ em đăng lên có thể "
     "được nhiều người nhìn thấy và lưu lại rất lâu."),
    ("Bảo vệ thông tin cá nhân",
     "Không chia sẻ địa chỉ nhà, số điện thoại, tên trường hay ảnh giấy tờ tùy thân. Hãy để "
     "chế độ riêng tư cho các bài đăng."),
    ("Mật khẩu và mã OTP",
     "Dùng mật khẩu dài, khác nhau cho từng tài khoản và bật xác thực hai lớp. Không bao giờ "
     "gửi mã OTP cho bất kỳ ai, kể cả người tự xưng là bạn bè."),
)
# What the quiz expects: interaction id → the right choice (for browser tests).
CORRECT_ANSWERS = {q.identifier: q.correct for q in SAFETY_QUESTIONS}
MULTI_SCO_ITEMS = ("ITEM-GIOI-THIEU", "ITEM-NOI-DUNG", "ITEM-KIEM-TRA")


def zip_bytes(files: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of `files` (name → bytes) in the given order with a fixed date."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = compression
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def package_files(package: bytes) -> dict[str, bytes]:
    """The members of a package (name → bytes), in zip order."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def package_with(package: bytes, **changes: bytes | None) -> bytes:
    """`package` with members added or replaced (name=bytes) or removed (name=None). Names
    with "/" or "." go through a dict: package_with(p, **{"res/a.js": b"..."})."""
    files = package_files(package)
    for name, data in changes.items():
        if data is None:
            files.pop(name, None)
        else:
            files[name] = data
    return zip_bytes(files)


def scorm12_package(*, title: str = "Bài học SCORM 1.2: An toàn trên mạng",
                    identifier: str = "HOCMO_SCORM12", mastery_score: int | None = 80,
                    pages: tuple[tuple[str, str], ...] = SAFETY_PAGES,
                    questions: tuple[Question, ...] = SAFETY_QUESTIONS) -> bytes:
    """SCORM 1.2, one SCO, as iSpring Suite exports it: the SCO in res/ (xml:base="res/"),
    adlcp:masteryscore on the item, shared scripts as an asset resource (dependency)."""
    spec = ScoSpec(title=title, pages=pages, questions=questions)
    mastery = (mastery_score if mastery_score is not None else 80) / 100
    item = ManifestItem(identifier=f"{identifier}_ITEM", title=title,
                        resource=f"{identifier}_RES", href="index.html",
                        files=("index.html",), xml_base="res/")
    manifest = manifest_12(identifier=identifier, title=title, item=item, shared=SHARED_FILES,
                           mastery_score=mastery_score)
    return zip_bytes({
        "imsmanifest.xml": manifest.encode("utf-8"),
        "res/index.html": sco_html(spec, version="1.2", shared_prefix="../", mastery=mastery),
        **shared_files(),
    })


def scorm2004_package(*, title: str = "Bài học SCORM 2004: An toàn trên mạng",
                      identifier: str = "HOCMO_SCORM2004",
                      schema_version: str = "2004 4th Edition",
                      passing_score: float | None = 0.8) -> bytes:
    """SCORM 2004, one SCO, as Articulate exports it: scormcontent/index.html, the LOM in
    metadata.xml (adlcp:location), imsss:minNormalizedMeasure as the passing score."""
    spec = ScoSpec(title=title, pages=SAFETY_PAGES, questions=SAFETY_QUESTIONS)
    item = ManifestItem(identifier=f"{identifier}_ITEM", title=title,
                        resource=f"{identifier}_RES", href="scormcontent/index.html",
                        files=("scormcontent/index.html",))
    manifest = manifest_2004(
        identifier=identifier, title=title, items=(item,), shared=SHARED_FILES,
        schema_version=schema_version, metadata_file="metadata.xml",
        passing_scores={item.identifier: passing_score} if passing_score is not None else {})
    return zip_bytes({
        "imsmanifest.xml": manifest.encode("utf-8"),
        "metadata.xml": lom_metadata(title, "Bài học thử cho trình phát SCORM.").encode(),
        "scormcontent/index.html": sco_html(spec, version="2004", shared_prefix="../",
                                            mastery=passing_score or 0.8),
        **shared_files(),
    })


def scorm2004_multi_sco_package(*, title: str = "Khóa học nhiều phần: An toàn trên mạng",
                                identifier: str = "HOCMO_MULTI",
                                schema_version: str = "2004 3rd Edition") -> bytes:
    """SCORM 2004 3rd edition, three SCOs in one organisation (Captivate-like): an
    introduction and a content SCO completed by reading to their last page, a quiz SCO scored
    against minNormalizedMeasure 0.5. Each SCO has continue / previous buttons
    (adl.nav.request); the quiz SCO also a choice request back to the introduction."""
    specs = (
        ScoSpec("Phần 1: Giới thiệu", SAFETY_PAGES[:1] + (
            ("Em sẽ học gì", "Bảo vệ thông tin cá nhân, mật khẩu và cách xử lý tin nhắn lạ."),),
            flow_nav=True),
        ScoSpec("Phần 2: Nội dung", SAFETY_PAGES[1:], flow_nav=True),
        ScoSpec("Phần 3: Kiểm tra", (("Chuẩn bị", "Em hãy trả lời hai câu hỏi sau."),),
                questions=SAFETY_QUESTIONS, flow_nav=True, choice_target=MULTI_SCO_ITEMS[0]),
    )
    items = tuple(
        ManifestItem(identifier=item_id, title=spec.title, resource=f"RES-{number}",
                     href=f"sco{number}/index.html", files=(f"sco{number}/index.html",))
        for number, (item_id, spec) in enumerate(zip(MULTI_SCO_ITEMS, specs, strict=True),
                                                 start=1))
    manifest = manifest_2004(identifier=identifier, title=title, items=items,
                             shared=SHARED_FILES, schema_version=schema_version,
                             passing_scores={MULTI_SCO_ITEMS[2]: 0.5},
                             metadata_file="metadata.xml")
    files = {"imsmanifest.xml": manifest.encode("utf-8"),
             "metadata.xml": lom_metadata(title, "Gói SCORM 2004 nhiều SCO.").encode()}
    for number, spec in enumerate(specs, start=1):
        files[f"sco{number}/index.html"] = sco_html(spec, version="2004", shared_prefix="../",
                                                    mastery=0.5)
    files.update(shared_files())
    return zip_bytes(files)


def demo_package() -> bytes:
    """The demo lecture for load_demo: SCORM 1.2 like iSpring, in Vietnamese."""
    return scorm12_package(title=DEMO_TITLE, identifier="HOCMO_DEMO_MANG_XA_HOI")
