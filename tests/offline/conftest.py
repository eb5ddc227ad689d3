import pytest


@pytest.fixture(autouse=True)
def h5p_root(settings, tmp_path):
    settings.H5P_ROOT = str(tmp_path / "h5p")
    return tmp_path / "h5p"
