"""Question bank import/export in one documented XLSX layout
(docs/features/quizzes-certificates.md).

Sheet "Câu hỏi", row 1 = headers, one question per row:
  loai        single | multiple | true_false | short | matching | ordering (or the Vietnamese label)
  cau_hoi     the question text
  the         tags, comma separated            do_kho   1 (dễ) | 2 (trung bình) | 3 (khó)
  khong_dau   1/0: short answers accept text without accents (default 1)
  giai_thich  explanation shown after submitting
  dap_an      single / multiple / true_false: numbers of the correct options, e.g. "1" or "1,3"
  pa1 … pa10  options; short: accepted answers; matching: "left => right"; ordering: the items
              in their correct order
Import is all or nothing: any bad cell → nothing is saved and every error names row and column.
Re-importing the same file adds nothing (a question with the same type and folded text exists)."""

from io import BytesIO

from .grading import fold
from .models import Question, QuestionType

SHEET = "Câu hỏi"
OPTION_COLUMNS = [f"pa{i}" for i in range(1, 11)]
HEADERS = ["loai", "cau_hoi", "the", "do_kho", "khong_dau", "giai_thich", "dap_an",
           *OPTION_COLUMNS]
MATCH_SEP = "=>"
CHOICE_TYPES = (QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE)


class ImportError_(Exception):  # noqa: N801 - distinct from the builtin ImportError
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def _type_lookup() -> dict[str, str]:
    table = {}
    for value, label in QuestionType.choices:
        table[fold(value)] = value
        table[fold(str(label))] = value
    return table


def questions_export(course) -> bytes:
    from openpyxl import Workbook  # here: ~20 MiB a web worker need not hold (issue 18)

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(HEADERS)
    for q in Question.objects.filter(course=course).prefetch_related("options").order_by("pk"):
        options = list(q.options.all())
        if q.qtype == QuestionType.MATCHING:
            cells = [f"{o.text} {MATCH_SEP} {o.match_text}" for o in options]
        else:
            cells = [o.text for o in options]
        key = ",".join(str(n) for n, o in enumerate(options, 1) if o.is_correct) \
            if q.qtype in CHOICE_TYPES else ""
        ws.append([q.qtype, q.text, q.tags, q.difficulty, int(q.accent_insensitive),
                   q.explanation, key, *cells[:10]])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _parse_row(number: int, row: dict, types: dict) -> tuple[dict, list[dict], list[str]]:
    errors = []

    def err(column, message):
        errors.append(f"Dòng {number}, cột {column}: {message}")

    qtype = types.get(fold(_text(row.get("loai"))))
    if not qtype:
        err("loai", "loại câu hỏi không hợp lệ (single, multiple, true_false, short, matching, "
                    "ordering).")
    text = _text(row.get("cau_hoi"))
    if not text:
        err("cau_hoi", "thiếu nội dung câu hỏi.")
    difficulty = _text(row.get("do_kho")) or "2"
    if difficulty not in ("1", "2", "3"):
        err("do_kho", "phải là 1, 2 hoặc 3.")
    options = [_text(row.get(c)) for c in OPTION_COLUMNS]
    options = [o for o in options if o]
    if not options:
        err("pa1", "cần ít nhất một phương án / đáp án.")
    parsed = []
    correct = set()
    if qtype in CHOICE_TYPES:
        for part in _text(row.get("dap_an")).replace(";", ",").split(","):
            if not part.strip():
                continue
            if not part.strip().isdigit() or not 1 <= int(part) <= len(options):
                err("dap_an", f"“{part.strip()}” không phải số thứ tự phương án "
                              f"(1–{len(options)}).")
            else:
                correct.add(int(part))
        if not correct:
            err("dap_an", "cần ghi số thứ tự phương án đúng.")
        elif qtype != QuestionType.MULTIPLE and len(correct) > 1:
            err("dap_an", "loại câu hỏi này chỉ có một phương án đúng.")
    for n, option in enumerate(options, 1):
        item = {"text": option, "is_correct": n in correct, "match_text": "", "sort_order": n}
        if qtype == QuestionType.MATCHING:
            left, sep, right = option.partition(MATCH_SEP)
            if not sep or not left.strip() or not right.strip():
                err(OPTION_COLUMNS[n - 1], f"cần dạng “vế trái {MATCH_SEP} vế phải”.")
            item.update(text=left.strip(), match_text=right.strip())
        if qtype == QuestionType.SHORT:
            item["is_correct"] = True
        parsed.append(item)
    fields = {"qtype": qtype, "text": text, "tags": _text(row.get("the")),
              "difficulty": int(difficulty) if difficulty in ("1", "2", "3") else 2,
              "accent_insensitive": _text(row.get("khong_dau")) not in ("0", "false", "không"),
              "explanation": _text(row.get("giai_thich"))}
    return fields, parsed, errors


def questions_parse(data: bytes) -> list[tuple[dict, list[dict]]]:
    """Every question row of the workbook as (fields, options). Raises ImportError_ listing
    every bad cell; writes nothing (services.questions_import does)."""
    from openpyxl import load_workbook  # here, not at import: ~20 MiB a web worker (issue 18)

    try:
        wb = load_workbook(BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a file that is not XLSX
        raise ImportError_(["Tệp không phải bảng tính XLSX hợp lệ."]) from exc
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = [(_text(h)).lower() for h in next(rows, ())]
    missing = [h for h in ("loai", "cau_hoi", "pa1") if h not in header]
    if missing:
        raise ImportError_([f"Dòng 1: thiếu cột {', '.join(missing)}."])
    types = _type_lookup()
    parsed_rows, errors = [], []
    for number, values in enumerate(rows, start=2):
        row = dict(zip(header, values, strict=False))
        if not any(_text(v) for v in values):
            continue
        fields, options, row_errors = _parse_row(number, row, types)
        errors.extend(row_errors)
        parsed_rows.append((fields, options))
    if errors:
        raise ImportError_(errors)
    return parsed_rows
