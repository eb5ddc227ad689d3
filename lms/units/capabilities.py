"""What each role kind may do: the capability table. The permission layer
(lms/units/permissions.py and each app's permissions.py) asks for a capability, never for "any
staff role"; docs/security.md prints this table (a test keeps the two equal).

A role applies to its unit's whole subtree, with one limit: a teacher's role counts only where
it sits at a school or a class (TEACHER_SCOPED), so a teacher role placed on a province
department or a district office by mistake grants nothing over that office's schools.
Superusers hold every capability. A learner role (class membership) grants only `hand_in` (their
own work, in their own class), and a learner role and a judge role grant no
access to other people's data: judges see only the contest entries assigned to them
(lms/contests/services/judging.py), whatever unit their role sits at."""

from enum import StrEnum

from .models import RoleKind


class Capability(StrEnum):
    VIEW_LEARNER_PERSONAL_DATA = "view_learner_personal_data"
    VIEW_PARENT_PAGES = "view_parent_pages"
    VIEW_CERTIFICATES = "view_certificates"
    VIEW_REPORTS = "view_reports"
    EXPORT_REPORTS = "export_reports"
    MANAGE_REPORTS = "manage_reports"
    TEACH_CLASSES = "teach_classes"
    ENROL_LEARNERS = "enrol_learners"
    MANAGE_ROSTER = "manage_roster"
    MANAGE_PUPIL_ACCOUNTS = "manage_pupil_accounts"
    REORGANISE_UNITS = "reorganise_units"
    REVOKE_CERTIFICATES = "revoke_certificates"
    READ_PLANS = "read_plans"
    MANAGE_PLANS = "manage_plans"
    ORGANISE_CONTESTS = "organise_contests"
    MENTOR_ENTRIES = "mentor_entries"
    JUDGE_ENTRIES = "judge_entries"
    ADVISE_CLUBS = "advise_clubs"
    MANAGE_CLUBS = "manage_clubs"
    RECORD_OUTCOMES = "record_outcomes"
    APPROVE_EMPLOYERS = "approve_employers"
    MANAGE_RECOGNITION = "manage_recognition"
    SET_ASSIGNMENTS = "set_assignments"
    MARK_SUBMISSIONS = "mark_submissions"
    HAND_IN = "hand_in"
    ASK_QUESTIONS = "ask_questions"
    MODERATE_QUESTIONS = "moderate_questions"


# What each capability allows, over the subtree of the role that grants it (for docs/security.md;
# no page shows these, so they are not translated).
DESCRIPTIONS: dict[Capability, str] = {
    Capability.VIEW_LEARNER_PERSONAL_DATA: "learners' names, profiles, progress, quiz attempts, "
                                           "class rosters, API people and learning records",
    Capability.VIEW_PARENT_PAGES: "a child's parent page (progress, weekly time, class news)",
    Capability.VIEW_CERTIFICATES: "other learners' certificates and their PDFs",
    Capability.VIEW_REPORTS: "a unit's dashboards and class grids, quiz statistics, the unit "
                             "tree and targets in the API",
    Capability.EXPORT_REPORTS: "report exports (CSV, XLSX) and the class grid CSV",
    Capability.MANAGE_REPORTS: "set targets, submit and review reports, club term reports, "
                               "employment rates",
    Capability.TEACH_CLASSES: "the teacher's own classes: families page, link codes, class news, "
                              "the class stream (post with files and links, pin, close "
                              "comments, hide a comment)",
    Capability.ENROL_LEARNERS: "enrol a class or a learner in a course (pages and API)",
    Capability.MANAGE_ROSTER: "import class lists (XLSX/CSV, OneRoster 1.2 zip), export the "
                              "subtree as OneRoster 1.2, add or end class memberships (API), "
                              "link guardians for a school",
    Capability.MANAGE_PUPIL_ACCOUNTS: "give pupils a new password (printed slips), lift a "
                                      "pupil's sign-in lockout (never staff accounts)",
    Capability.REORGANISE_UNITS: "move or merge units of the subtree (preview, confirm, history); "
                                 "the destination must be in the subtree too",
    Capability.REVOKE_CERTIFICATES: "revoke a certificate issued in the subtree",
    Capability.READ_PLANS: "read plans issued at, above or below the role's unit",
    Capability.MANAGE_PLANS: "create and edit plans, post task updates with evidence",
    Capability.ORGANISE_CONTESTS: "run contest rounds, assign judges, contest reports",
    Capability.MENTOR_ENTRIES: "mentor a contest entry",
    Capability.JUDGE_ENTRIES: "may be assigned as a judge; then scores only the entries of "
                              "the round units assigned (conflicts of interest excluded)",
    Capability.ADVISE_CLUBS: "found a club, advise it",
    Capability.MANAGE_CLUBS: "manage every club of the subtree",
    Capability.RECORD_OUTCOMES: "record trainees' employment outcomes",
    Capability.APPROVE_EMPLOYERS: "approve employers and their job postings",
    Capability.MANAGE_RECOGNITION: "review and confirm learning citizens, families, communities",
    Capability.SET_ASSIGNMENTS: "set, edit and remove a class's assignments, their rubrics, who "
                                "they are set for and per-learner due-time extensions",
    Capability.MARK_SUBMISSIONS: "read learners' hand-ins, score (typed or by the rubric), "
                                 "comment and return them, score work done on paper (no "
                                 "hand-in); the class gradebook and its exports",
    Capability.HAND_IN: "hand in the learner's own work for their own class's assignments "
                        "(a learner role: nothing of anyone else)",
    Capability.ASK_QUESTIONS: "ask and answer questions on the lessons of their own class's "
                              "courses, seen only by that class and its teachers (no private "
                              "messages)",
    Capability.MODERATE_QUESTIONS: "read, answer and accept answers to the subtree's classes' "
                                   "lesson questions; hide and restore posts, dismiss reports",
}


TEACHER, HEAD, OFFICER, JUDGE = (RoleKind.TEACHER, RoleKind.SCHOOL_ADMIN, RoleKind.OFFICER,
                                 RoleKind.JUDGE)
LEARNER = RoleKind.LEARNER

# capability → the role kinds that hold it (over their role's subtree).
CAPABILITIES: dict[Capability, tuple[str, ...]] = {
    Capability.VIEW_LEARNER_PERSONAL_DATA: (TEACHER, HEAD, OFFICER),
    Capability.VIEW_PARENT_PAGES: (TEACHER, HEAD),
    Capability.VIEW_CERTIFICATES: (TEACHER, HEAD, OFFICER),
    Capability.VIEW_REPORTS: (TEACHER, HEAD, OFFICER),
    Capability.EXPORT_REPORTS: (TEACHER, HEAD, OFFICER),
    Capability.MANAGE_REPORTS: (HEAD, OFFICER),
    Capability.TEACH_CLASSES: (TEACHER, HEAD),
    Capability.ENROL_LEARNERS: (TEACHER, HEAD, OFFICER),
    Capability.MANAGE_ROSTER: (HEAD, OFFICER),
    Capability.MANAGE_PUPIL_ACCOUNTS: (HEAD,),
    Capability.REORGANISE_UNITS: (OFFICER,),
    Capability.REVOKE_CERTIFICATES: (HEAD, OFFICER),
    Capability.READ_PLANS: (TEACHER, HEAD, OFFICER),
    Capability.MANAGE_PLANS: (HEAD, OFFICER),
    Capability.ORGANISE_CONTESTS: (HEAD, OFFICER),
    Capability.MENTOR_ENTRIES: (TEACHER, HEAD),
    Capability.JUDGE_ENTRIES: (JUDGE, TEACHER, HEAD, OFFICER),
    Capability.ADVISE_CLUBS: (TEACHER, HEAD),
    Capability.MANAGE_CLUBS: (HEAD,),
    Capability.RECORD_OUTCOMES: (TEACHER, HEAD),
    Capability.APPROVE_EMPLOYERS: (HEAD, OFFICER),
    Capability.MANAGE_RECOGNITION: (HEAD, OFFICER),
    Capability.SET_ASSIGNMENTS: (TEACHER, HEAD),
    Capability.MARK_SUBMISSIONS: (TEACHER, HEAD),
    Capability.HAND_IN: (LEARNER,),
    Capability.ASK_QUESTIONS: (LEARNER,),
    Capability.MODERATE_QUESTIONS: (TEACHER, HEAD),
}

# Role kinds whose capabilities count only where the role sits at a school or a class.
TEACHER_SCOPED = (TEACHER,)


def kinds_with(capability: Capability | str) -> tuple[str, ...]:
    """The role kinds that hold `capability` (KeyError for an unknown one: a typo must fail)."""
    return CAPABILITIES[Capability(capability)]


def capabilities_of(kind: str) -> list[Capability]:
    return [capability for capability, kinds in CAPABILITIES.items() if kind in kinds]


TABLE_START = "<!-- capability-table:start (manage.py capability_table --write) -->"
TABLE_END = "<!-- capability-table:end -->"


def capability_table_markdown() -> str:
    """The table as docs/security.md shows it (between TABLE_START and TABLE_END)."""
    kinds = [kind for kind, _label in RoleKind.choices]
    lines = ["| capability | what it allows | " + " | ".join(kinds) + " |",
             "|---|---|" + "---|" * len(kinds)]
    for capability, holders in CAPABILITIES.items():
        marks = " | ".join("✔" if kind in holders else "" for kind in kinds)
        lines.append(f"| `{capability}` | {DESCRIPTIONS[capability]} | {marks} |")
    return "\n".join(lines)
