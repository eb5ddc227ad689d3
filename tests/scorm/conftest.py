import pytest


@pytest.fixture(autouse=True)
def scorm_root(settings, tmp_path):
    settings.SCORM_ROOT = str(tmp_path / "scorm")
    return tmp_path / "scorm"
