"""Feature apps add demo data without editing load_demo: an installed app with a `demo` module
defining `build_demo(context)` is called after the core demo (units, people, courses) exists.
`DEMO_ORDER` (default 100) in that module orders the calls. Each builder must be idempotent."""

import importlib
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from .people import TEACHER_GROUP


@dataclass
class DemoContext:
    units: dict  # unit key → Unit; "classes" → [(school, class)]
    courses: list  # CoursePage objects of the four demo courses
    teachers: dict  # username → User for the staff accounts
    learners: list  # learner Users
    stdout: Any
    teacher_group: str = TEACHER_GROUP  # the Wagtail group of teachers who write lessons


def feature_demo_builders():
    found = []
    for config in apps.get_app_configs():
        if config.name in ("lms.demo",):
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
            continue
        if hasattr(module, "build_demo"):
            found.append((getattr(module, "DEMO_ORDER", 100), config.name, module.build_demo))
    return [build for _, _, build in sorted(found, key=lambda item: (item[0], item[1]))]
