import pytest


@pytest.fixture(autouse=True)
def _library_files(settings, tmp_path):
    """Library files go to a per-test folder."""
    settings.HOCMO_LIBRARY_FILES_ROOT = str(tmp_path / "library-files")
