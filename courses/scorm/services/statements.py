"""xAPI statements for SCORM runtime events, stored in the platform's LRS with the signed-in
learner as the actor (lms.xapi: a learner session's statements always get the session's
actor). Verbs and the category activity follow ADL's xAPI SCORM profile
(https://w3id.org/xapi/scorm): initialized / resumed when a SCO session starts, completed,
passed / failed when a status changes, suspended / terminated when it ends. Ordinary commits
(an autocommit of suspend_data) emit nothing, so the LRS holds the events teachers read.

Each statement's id is derived from (attempt registration, sequence, verb): a commit replayed
after a lost answer cannot store its statements twice."""

import uuid
from urllib.parse import quote

from django.utils import timezone

from lms.content_origin import site_origin
from lms.xapi.services import Principal, statements_store

from ..cmi import Commit, ScoState, seconds_as
from ..selectors import activity_path

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {name: ADL + name for name in
         ("initialized", "resumed", "completed", "passed", "failed", "suspended", "terminated")}
DISPLAY = {"initialized": "đã bắt đầu", "resumed": "đã học tiếp", "completed": "đã hoàn thành",
           "passed": "đã đạt", "failed": "chưa đạt", "suspended": "đã tạm dừng",
           "terminated": "đã kết thúc"}
SCORM_PROFILE = "https://w3id.org/xapi/scorm"
SCO_TYPE = "http://adlnet.gov/expapi/activities/lesson"
COURSE_TYPE = "http://adlnet.gov/expapi/activities/course"
STATEMENT_NAMESPACE = uuid.UUID("6f1c0a52-3d4e-4b7a-9a57-5c0e2d1b9f31")


def _verbs(commit: Commit, state: ScoState, previous: dict) -> list[str]:
    verbs = []
    if commit.initialized:
        verbs.append("resumed" if state.entry == "resume" else "initialized")
    if state.completion == "completed" and previous.get("completion") != "completed":
        verbs.append("completed")
    if state.success in ("passed", "failed") and previous.get("success") != state.success:
        verbs.append(state.success)
    if commit.terminated:
        verbs.append("suspended" if state.exit == "suspend" else "terminated")
    return verbs


def scorm_statements_emit(*, user, lesson, package, attempt, commit: Commit, state: ScoState,
                          previous: dict) -> list[str]:
    verbs = _verbs(commit, state, previous)
    if not verbs:
        return []
    package_iri = site_origin() + activity_path(lesson.pk, package.pk)
    sco_iri = f"{package_iri}/{quote(commit.sco, safe='')}"
    item: dict = next((i for i in package.scos if i["identifier"] == commit.sco), {})
    now = timezone.now().isoformat()
    statements = []
    for verb in verbs:
        result: dict = {}
        if verb in ("completed", "passed", "failed", "terminated", "suspended"):
            result["completion"] = state.completion == "completed"
            if state.success in ("passed", "failed"):
                result["success"] = state.success == "passed"
            if state.score_scaled is not None:
                result["score"] = {"scaled": round(state.score_scaled, 4)}
        if verb in ("terminated", "suspended") and state.session_seconds:
            result["duration"] = seconds_as("2004", state.session_seconds)
        statement = {
            "id": str(uuid.uuid5(STATEMENT_NAMESPACE,
                                 f"{attempt.registration}:{commit.seq}:{verb}")),
            "verb": {"id": VERBS[verb], "display": {"vi": DISPLAY[verb], "en-US": verb}},
            "object": {"objectType": "Activity", "id": sco_iri, "definition": {
                "name": {"vi": item.get("title") or commit.sco}, "type": SCO_TYPE}},
            "context": {
                "registration": str(attempt.registration),
                "contextActivities": {
                    "parent": [{"id": package_iri, "objectType": "Activity", "definition": {
                        "name": {"vi": package.title}, "type": COURSE_TYPE}}],
                    "category": [{"id": SCORM_PROFILE, "objectType": "Activity"}],
                },
                "extensions": {"https://w3id.org/xapi/scorm/extensions/attempt": attempt.number},
            },
            "timestamp": now,
        }
        if result:
            statement["result"] = result
        statements.append(statement)
    return statements_store(statements, Principal(user=user))
