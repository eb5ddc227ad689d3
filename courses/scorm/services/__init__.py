"""SCORM writes: storing packages (packages.py) and learners' runtime commits (runtime.py)."""

from .packages import (
    PackageInvalid,
    StoredScorm,
    package_dir,
    scorm_package_create,
    scorm_package_fill,
    scorm_package_store,
    scorm_package_validate_upload,
    scorm_root,
)
from .runtime import CommitResult, scorm_commit_record

__all__ = ["CommitResult", "PackageInvalid", "StoredScorm", "package_dir",
           "scorm_commit_record", "scorm_package_create", "scorm_package_fill",
           "scorm_package_store", "scorm_package_validate_upload", "scorm_root"]
