"""Reading a runtime commit: the request body checked against the standards' sizes, and the few
values the server takes from the cmi data (statuses, score, location, time).

The cmi object is what scorm-again's renderCMIToJSONObject() gives: SCORM 1.2 keeps status,
score, location and times under "core"; SCORM 2004 keeps them at the top. Arrays
(interactions, objectives, comments) arrive as lists or as objects keyed "0", "1", …"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from lms.jsonio import JSONFieldError, json_bool, json_number, json_object, json_string

COMMIT_FIELDS = {"attempt", "sco", "seq", "cmi", "terminated", "initialized"}
MAX_BODY_BYTES = 512 * 1024

# (path in the cmi object, maximum characters) per version: SCORM 1.2 RTE 3.4 (CMIString4096,
# CMIString255), SCORM 2004 4th ed. RTE 4.2 (SPM of characterstring / localized_string).
STRING_LIMITS = {
    "1.2": {
        "suspend_data": 4096, "core.lesson_location": 255, "comments": 4096,
        "launch_data": 4096, "comments_from_lms": 4096,
    },
    "2004": {
        "suspend_data": 64000, "location": 1000, "launch_data": 4000,
        "progress_measure": 64, "learner_id": 4000,
    },
}
# Smallest permitted maximums for collections (SCORM 2004 RTE 4.2: interactions 250,
# objectives 100, comments 250); SCORM 1.2 sets none, the same caps keep a row bounded.
COLLECTION_LIMITS = {"interactions": 250, "objectives": 100, "comments_from_learner": 250}

LESSON_STATUS_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
COMPLETION_2004 = {"completed", "incomplete", "not attempted", "unknown"}
SUCCESS_2004 = {"passed", "failed", "unknown"}
SCO_ID = re.compile(r"^[^\x00-\x1f]{1,255}$")


@dataclass
class Commit:
    attempt: int
    sco: str
    seq: int
    cmi: dict
    terminated: bool
    initialized: bool


@dataclass
class ScoState:
    """What the server reads from one SCO's cmi."""

    completion: str  # completed | incomplete | not attempted
    success: str  # passed | failed | unknown
    score_scaled: float | None
    location: str
    suspend_data: str
    exit: str
    entry: str
    session_seconds: int


def _get(cmi: dict, path: str):
    value: object = cmi
    for part in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _count(value) -> int:
    if isinstance(value, list):
        return len(value)
    if isinstance(value, dict):
        return sum(1 for key in value if str(key).isdigit())
    return 0


def parse_commit(raw: bytes, *, version: str, sco_ids: set[str]) -> Commit:
    """Raises JSONInputError (its `path` names the field) for anything a standard refuses."""
    if len(raw) > MAX_BODY_BYTES:
        raise JSONFieldError(_("dữ liệu quá lớn (tối đa %(kb)s KB).")
                             % {"kb": MAX_BODY_BYTES // 1024}, "body")
    data = json_object(raw, allowed=COMMIT_FIELDS, empty_ok=False)
    attempt = int(json_number(data, "attempt", minimum=1, maximum=10_000, integer=True))
    seq = int(json_number(data, "seq", minimum=1, maximum=2**53, integer=True))
    sco = json_string(data, "sco", max_length=255)
    if sco not in sco_ids:
        raise JSONFieldError(_("không phải SCO của gói này."), "sco")
    terminated = json_bool(data, "terminated", default=False)
    initialized = json_bool(data, "initialized", default=False)
    cmi = data.get("cmi")
    if isinstance(cmi, dict) and set(cmi) == {"cmi"} and isinstance(cmi["cmi"], dict):
        cmi = cmi["cmi"]  # scorm-again's renderCMIToJSONObject() wraps it so
    if not isinstance(cmi, dict):
        raise JSONFieldError(_("phải là một đối tượng JSON."), "cmi")
    for path, limit in STRING_LIMITS["2004" if version == "2004" else "1.2"].items():
        value = _get(cmi, path)
        if value is None:
            continue
        if not isinstance(value, str):
            raise JSONFieldError(_("phải là chuỗi."), f"cmi.{path}")
        if len(value) > limit:
            raise JSONFieldError(_("dài quá %(count)s ký tự (giới hạn của chuẩn SCORM).")
                                 % {"count": limit}, f"cmi.{path}")
    for name, limit in COLLECTION_LIMITS.items():
        if _count(cmi.get(name)) > limit:
            raise JSONFieldError(_("nhiều quá %(count)s mục (giới hạn của chuẩn SCORM).")
                                 % {"count": limit}, f"cmi.{name}")
    return Commit(attempt, sco, seq, cmi, terminated, initialized)


def _float(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


_ISO_DURATION = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$")
_HMS = re.compile(r"^(?P<h>\d{1,4}):(?P<m>\d{1,2}):(?P<s>\d{1,2}(?:\.\d{1,2})?)$")


def duration_seconds(value) -> int:
    """SCORM 1.2 HHHH:MM:SS.SS or SCORM 2004 ISO 8601 (PT1H2M3S); 0 when unreadable."""
    if not isinstance(value, str) or len(value) > 64:
        return 0
    match = _HMS.match(value.strip())
    if match:
        return int(int(match["h"]) * 3600 + int(match["m"]) * 60 + float(match["s"]))
    match = _ISO_DURATION.match(value.strip())
    if match:
        parts = {k: float(v) if v else 0.0 for k, v in match.groupdict().items()}
        return int(parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"])
    return 0


def seconds_as(version: str, seconds: int) -> str:
    """A total time as the version writes it (cmi.core.total_time / cmi.total_time)."""
    hours, rest = divmod(max(0, int(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    if version == "2004":
        return f"PT{hours}H{minutes}M{secs}S"
    return f"{hours:04d}:{minutes:02d}:{secs:02d}"


def sco_state(version: str, cmi: dict, item: dict) -> ScoState:
    """Statuses as the standard reads them, with the manifest's pass mark applied: a 1.2
    masteryscore against cmi.core.score.raw, a 2004 scaledPassingScore against
    cmi.score.scaled (RTE 4.2.22), and a 2004 completionThreshold against progress_measure."""
    if version == "2004":
        completion = str(cmi.get("completion_status") or "unknown")
        completion = completion if completion in COMPLETION_2004 else "unknown"
        success = str(cmi.get("success_status") or "unknown")
        success = success if success in SUCCESS_2004 else "unknown"
        score: dict = cmi["score"] if isinstance(cmi.get("score"), dict) else {}
        scaled = _float(score.get("scaled"))
        if scaled is not None:
            scaled = max(-1.0, min(1.0, scaled))
        passing = item.get("scaled_passing_score")
        if passing is not None and scaled is not None:
            success = "passed" if scaled >= passing else "failed"
        threshold = item.get("completion_threshold")
        progress = _float(cmi.get("progress_measure"))
        if threshold is not None and progress is not None:
            completion = "completed" if progress >= threshold else "incomplete"
        location = str(cmi.get("location") or "")
        exit_value, entry = str(cmi.get("exit") or ""), str(cmi.get("entry") or "")
        session = duration_seconds(cmi.get("session_time"))
    else:
        core: dict = cmi["core"] if isinstance(cmi.get("core"), dict) else {}
        status = str(core.get("lesson_status") or "not attempted")
        status = status if status in LESSON_STATUS_12 else "not attempted"
        completion = "completed" if status in ("passed", "completed", "failed") else (
            "incomplete" if status in ("incomplete", "browsed") else "not attempted")
        success = status if status in ("passed", "failed") else "unknown"
        score = core["score"] if isinstance(core.get("score"), dict) else {}
        raw, low, high = (_float(score.get(k)) for k in ("raw", "min", "max"))
        scaled = None
        if raw is not None:
            low = 0.0 if low is None else low
            high = 100.0 if high is None or high <= low else high
            scaled = max(0.0, min(1.0, (raw - low) / (high - low)))
        mastery = item.get("masteryscore")
        if mastery is not None and raw is not None and completion == "completed":
            success = "passed" if raw >= mastery else "failed"
        location = str(core.get("lesson_location") or "")
        exit_value, entry = str(core.get("exit") or ""), str(core.get("entry") or "")
        session = duration_seconds(core.get("session_time"))
    if completion == "unknown":
        completion = "incomplete" if location or cmi.get("suspend_data") else "not attempted"
    return ScoState(completion, success, scaled, location, str(cmi.get("suspend_data") or ""),
                    exit_value, entry, session)
