"""The files of a test SCO: an HTML launch page (Vietnamese text, UTF-8) that loads the shared
scorm-api.js / sco.js / sco.css from sco_source/. Pages, quiz and navigation buttons are plain
markup; the behaviour is configured by data-* attributes (no inline script or style)."""

from dataclasses import dataclass, field
from html import escape
from pathlib import Path

SOURCE = Path(__file__).resolve().parent / "sco_source"
SHARED_FILES = ("js/scorm-api.js", "js/sco.js", "css/sco.css")
# What a browser test clicks: id → visible text.
BUTTONS = {
    "btn-prev": "Trang trước",
    "btn-next": "Trang tiếp",
    "btn-submit": "Nộp bài",
    "btn-exit": "Lưu và thoát",
    "btn-sco-previous": "Phần trước",
    "btn-sco-continue": "Phần tiếp theo",
    "btn-sco-choice": "Xem lại phần giới thiệu",
}


@dataclass(frozen=True)
class Question:
    identifier: str  # the interaction id (CMIIdentifier: no spaces)
    text: str
    options: tuple[tuple[str, str], ...]  # (value, label)
    correct: str


@dataclass(frozen=True)
class ScoSpec:
    title: str
    pages: tuple[tuple[str, str], ...]  # (heading, paragraph)
    questions: tuple[Question, ...] = ()
    flow_nav: bool = False  # 2004 multi-SCO: continue / previous buttons
    choice_target: str = ""  # 2004 multi-SCO: an item identifier for a choice request
    extra_paragraphs: dict[int, str] = field(default_factory=dict)


SAFETY_QUESTIONS = (
    Question("cau-1-mat-khau", "Câu 1: Mật khẩu nào an toàn nhất?",
             (("a", "12345678"), ("b", "Ngày sinh của em"),
              ("c", "Một cụm từ dài, riêng cho từng tài khoản")), "c"),
    Question("cau-2-tin-nhan-la", "Câu 2: Một người lạ nhắn tin xin mã OTP của em. Em làm gì?",
             (("a", "Không gửi, báo cho bố mẹ hoặc thầy cô"), ("b", "Gửi vì họ nói là bạn"),
              ("c", "Gửi một nửa mã")), "a"),
)


def shared_files() -> dict[str, bytes]:
    """scorm-api.js, sco.js and sco.css, keyed by their path in the package."""
    return {path: (SOURCE / Path(path).name).read_bytes() for path in SHARED_FILES}


def _question_html(question: Question) -> str:
    options = "\n".join(
        f'      <label for="{question.identifier}-{value}"><input type="radio" '
        f'name="{question.identifier}" id="{question.identifier}-{value}" value="{value}"> '
        f"{escape(label)}</label>"
        for value, label in question.options)
    return (f'    <fieldset data-interaction="{question.identifier}" '
            f'data-correct="{question.correct}">\n'
            f"      <legend>{escape(question.text)}</legend>\n{options}\n    </fieldset>")


def sco_html(spec: ScoSpec, *, version: str, shared_prefix: str, mastery: float = 0.8) -> bytes:
    """The launch page. `shared_prefix` is the relative path from it to the shared files
    (e.g. "../" when the SCO lives in a folder next to js/ and css/)."""
    sections = []
    for number, (heading, text) in enumerate(spec.pages, start=1):
        extra = spec.extra_paragraphs.get(number, "")
        sections.append(
            f'  <section class="sco-page" id="page-{number}" data-page="{number}"'
            f'{"" if number == 1 else " hidden"}>\n'
            f"    <h2>{escape(heading)}</h2>\n    <p>{escape(text)}</p>\n"
            + (f"    <p>{escape(extra)}</p>\n" if extra else "") + "  </section>")
    if spec.questions:
        questions = "\n".join(_question_html(q) for q in spec.questions)
        number = len(spec.pages) + 1
        sections.append(
            f'  <section class="sco-page" id="page-{number}" data-page="{number}" hidden>\n'
            f"    <h2>Kiểm tra nhanh</h2>\n{questions}\n"
            f'    <button type="button" id="btn-submit">{BUTTONS["btn-submit"]}</button>\n'
            f'    <p id="quiz-result" role="status" aria-live="polite"></p>\n  </section>')
    sco_nav = ""
    if spec.flow_nav:
        sco_nav = (f'  <nav aria-label="Chuyển phần">\n'
                   f'    <button type="button" id="btn-sco-previous">'
                   f'{BUTTONS["btn-sco-previous"]}</button>\n'
                   f'    <button type="button" id="btn-sco-continue">'
                   f'{BUTTONS["btn-sco-continue"]}</button>\n')
        if spec.choice_target:
            sco_nav += (f'    <button type="button" id="btn-sco-choice" '
                        f'data-target="{escape(spec.choice_target)}">'
                        f'{BUTTONS["btn-sco-choice"]}</button>\n')
        sco_nav += "  </nav>\n"
    nav = "flow" if spec.flow_nav else "none"
    html = f"""<!DOCTYPE html>
<html lang="vi">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{escape(spec.title)}</title>
  <link rel="stylesheet" href="{shared_prefix}css/sco.css">
  <script src="{shared_prefix}js/scorm-api.js"></script>
  <script src="{shared_prefix}js/sco.js" defer></script>
</head>
<body data-scorm="{version}" data-mastery="{mastery}" data-nav="{nav}">
<main>
  <h1>{escape(spec.title)}</h1>
  <p id="sco-status" role="status" aria-live="polite"></p>
  <p id="resume-note"></p>
{chr(10).join(sections)}
  <nav aria-label="Chuyển trang">
    <button type="button" id="btn-prev">{BUTTONS["btn-prev"]}</button>
    <span id="page-indicator">Trang 1/{len(spec.pages) + (1 if spec.questions else 0)}</span>
    <button type="button" id="btn-next">{BUTTONS["btn-next"]}</button>
    <button type="button" id="btn-exit">{BUTTONS["btn-exit"]}</button>
  </nav>
{sco_nav}</main>
</body>
</html>
"""
    return html.encode("utf-8")
