"""SCORM packages built in memory (zip bytes) for tests, benches and the demo (issue 21).

Valid: scorm12_package (1.2, iSpring-like), scorm2004_package (2004, Articulate-like; any
schemaversion), scorm2004_multi_sco_package (2004 3rd edition, 3 SCOs, flow + choice),
demo_package (the Vietnamese demo lecture for load_demo). Broken/hostile: HOSTILE_PACKAGES
and the *_package functions of hostile.py. The SCOs find the API by walking window.parent /
opener, resume from location + suspend_data, record interactions, score and status; their
buttons have stable ids (sco.BUTTONS) for browser tests."""

from .hostile import HOSTILE_PACKAGES
from .packages import (
    CORRECT_ANSWERS,
    DEMO_TITLE,
    MULTI_SCO_ITEMS,
    demo_package,
    package_files,
    package_with,
    scorm12_package,
    scorm2004_multi_sco_package,
    scorm2004_package,
    zip_bytes,
)
from .sco import BUTTONS

__all__ = [
    "BUTTONS", "CORRECT_ANSWERS", "DEMO_TITLE", "HOSTILE_PACKAGES", "MULTI_SCO_ITEMS",
    "demo_package", "package_files", "package_with", "scorm12_package",
    "scorm2004_multi_sco_package", "scorm2004_package", "zip_bytes",
]
