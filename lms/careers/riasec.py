"""The interest questionnaire: 24 statements in our own wording, four for each of the six
RIASEC groups, answered on a three-step scale. Scoring is pure Python so it is easy to test."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

LETTERS = "RIASEC"
ANSWER_CHOICES = [(0, _("Không đúng với tôi")), (1, _("Có phần đúng")),
                  (2, _("Rất đúng với tôi"))]
MAX_PER_SCALE = 4 * 2

SCALES = {
    "R": (_("Kỹ thuật"), _("Thích làm việc với máy móc, dụng cụ, cây trồng, vật nuôi; "
                           "thích kết quả cầm nắm, nhìn thấy được.")),
    "I": (_("Nghiên cứu"), _("Thích tìm hiểu, quan sát, phân tích và giải quyết vấn đề "
                             "bằng suy luận.")),
    "A": (_("Nghệ thuật"), _("Thích sáng tạo, tự do thể hiện bằng hình ảnh, chữ viết, "
                             "âm thanh.")),
    "S": (_("Xã hội"), _("Thích giúp đỡ, hướng dẫn, chăm sóc và làm việc cùng mọi người.")),
    "E": (_("Quản lý – kinh doanh"), _("Thích dẫn dắt, thuyết phục, kinh doanh và chấp nhận "
                                       "thử thách.")),
    "C": (_("Nghiệp vụ – tổ chức"), _("Thích công việc có quy trình, số liệu, giấy tờ rõ "
                                      "ràng và chính xác.")),
}

# (key, scale, statement). Keys are stable: saved answers refer to them.
STATEMENTS = [
    ("r1", "R", _("Tôi thích sửa những đồ dùng trong nhà như quạt điện, xe đạp, ổ cắm.")),
    ("i1", "I", _("Tôi hay tự hỏi vì sao một hiện tượng trong tự nhiên lại xảy ra.")),
    ("a1", "A", _("Tôi thích vẽ, thiết kế hoặc trang trí một không gian.")),
    ("s1", "S", _("Tôi thích giảng lại bài cho bạn khi bạn chưa hiểu.")),
    ("e1", "E", _("Tôi thích thuyết phục người khác làm theo ý tưởng của mình.")),
    ("c1", "C", _("Tôi thích sắp xếp giấy tờ, đồ dùng gọn gàng theo thứ tự.")),
    ("r2", "R", _("Tôi thích làm việc ngoài trời, trồng cây hoặc chăm sóc vật nuôi.")),
    ("i2", "I", _("Tôi thích làm thí nghiệm và ghi chép kết quả cẩn thận.")),
    ("a2", "A", _("Tôi thích viết truyện, làm thơ hoặc quay và dựng video.")),
    ("s2", "S", _("Tôi thấy vui khi giúp người già, trẻ nhỏ hoặc người gặp khó khăn.")),
    ("e2", "E", _("Tôi thích đứng ra tổ chức một sự kiện hoặc dẫn dắt cả nhóm.")),
    ("c2", "C", _("Tôi thích làm việc với bảng tính, số liệu và biểu mẫu.")),
    ("r3", "R", _("Tôi thích dùng dụng cụ, máy móc để tự tay làm ra một sản phẩm.")),
    ("i3", "I", _("Tôi thích giải bài toán khó hoặc câu đố cần suy luận.")),
    ("a3", "A", _("Tôi thích tự nghĩ ra cách làm mới thay vì theo khuôn mẫu có sẵn.")),
    ("s3", "S", _("Tôi thích tham gia hoạt động tình nguyện ở địa phương.")),
    ("e3", "E", _("Tôi thích buôn bán nhỏ và tính toán chuyện lời lãi.")),
    ("c3", "C", _("Tôi làm việc cẩn thận và ít khi bỏ sót chi tiết.")),
    ("r4", "R", _("Tôi muốn học cách lắp ráp, vận hành thiết bị điện hoặc cơ khí.")),
    ("i4", "I", _("Tôi thích tìm hiểu một phần mềm hay một cỗ máy hoạt động ra sao.")),
    ("a4", "A", _("Tôi thích âm nhạc, biểu diễn hoặc chụp ảnh.")),
    ("s4", "S", _("Bạn bè thường tin tưởng kể chuyện với tôi vì tôi biết lắng nghe.")),
    ("e4", "E", _("Tôi sẵn sàng nhận việc khó để đạt một mục tiêu lớn hơn.")),
    ("c4", "C", _("Tôi thích công việc có quy trình rõ ràng, làm đúng từng bước.")),
]
STATEMENT_KEYS = [key for key, _scale, _text in STATEMENTS]


@dataclass(frozen=True)
class Scored:
    scores: dict  # letter → points (0–8)
    code: str  # up to three letters, strongest first; only groups with points


def score(answers: dict[str, int]) -> Scored:
    """Sum each group's answers; the code is the three strongest groups with any points, ties
    broken in R-I-A-S-E-C order so the same answers always give the same code."""
    scores = dict.fromkeys(LETTERS, 0)
    for key, scale, _text in STATEMENTS:
        value = int(answers.get(key, 0))
        if value not in (0, 1, 2):
            raise ValueError(f"answer {key} out of range: {value}")
        scores[scale] += value
    ranked = sorted(LETTERS, key=lambda letter: (-scores[letter], LETTERS.index(letter)))
    code = "".join(letter for letter in ranked[:3] if scores[letter] > 0)
    return Scored(scores=scores, code=code)


def code_match(person_code: str, occupation_code: str) -> int:
    """How well two Holland codes agree: each shared letter adds (3 − its position in the
    person's code) × (3 − its position in the occupation's). Same first letter dominates;
    identical three-letter codes score 14, no shared letter 0."""
    total = 0
    for i, letter in enumerate(person_code[:3]):
        j = occupation_code.find(letter, 0, 3)
        if j >= 0:
            total += (3 - i) * (3 - j)
    return total
