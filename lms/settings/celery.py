"""Celery: the broker, how tasks run, and the one beat schedule of every periodic task.

Every task carries an explicit name, `<app label>.<function>` (e.g. `reports.snapshots_take`),
and the schedule names tasks by it; times are in TIME_ZONE (Asia/Ho_Chi_Minh).
"""

from .env import env, time_zone

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://localhost/")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
# No broker configured means the embedded default: run tasks in-process.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL.startswith("memory://"))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_TIMEZONE = time_zone

# A schedule is seconds (a number) or a crontab's fields (a dict): lms.celery makes the crontab
# objects, so loading the settings does not import Celery (≈ 9 MiB a web worker, issue 18).
CELERY_BEAT_SCHEDULE = {
    # --- classroom: learners told of work due within 24 h (once per assignment and learner)
    "classroom-due-reminders": {"task": "classroom.due_reminders",
                                "schedule": {"minute": 5}},
    # --- notifications
    # Sunday 18:00: the weekly digest to parents.
    "notifications-weekly-digest": {"task": "notifications.weekly_digest",
                                    "schedule": {"hour": 18, "minute": 0, "day_of_week": 0}},
    # Sends a crashed worker left half-done, once their lease is over.
    "notifications-deliveries-resume": {"task": "notifications.deliveries_resume",
                                        "schedule": 60.0},
    "notifications-course-reminders": {"task": "notifications.course_reminders",
                                       "schedule": {"hour": 8, "minute": 0}},
    # --- plans
    "plans-overdue-reminders": {"task": "plans.overdue_reminders",
                                "schedule": {"hour": 7, "minute": 30}},
    # --- recognition: candidates for the current year (and, in January, the year just ended)
    "recognition-evaluate-recent": {"task": "recognition.evaluate_recent",
                                    "schedule": {"hour": 2, "minute": 30}},
    # --- reports: weekly trend snapshots, tree-change reconcile, deadline reminders, annual reports
    "reports-snapshots-weekly": {"task": "reports.snapshots_take",
                                 "schedule": {"hour": 1, "minute": 0, "day_of_week": 1}},
    "reports-tree-watch": {"task": "reports.tree_watch", "schedule": 600.0},
    "reports-reconcile-hourly": {"task": "reports.reconcile_all",
                                 "schedule": {"minute": 20}},
    "reports-deadline-reminders": {"task": "reports.deadline_reminders",
                                   "schedule": {"hour": 7, "minute": 0}},
    "reports-annual-prepare": {"task": "reports.annual_prepare",
                               "schedule": {"hour": 6, "minute": 30}},
}
