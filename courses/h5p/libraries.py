"""Which of a package's libraries are installed, and which would be installed or upgraded by
storing it. A library is installed once per exact version; a package may use it when an
installed version of the same machineName-major.minor has the same or a newer patch (as H5P
core does). Anything else is an install (a new content type) or an upgrade, which only a
platform administrator may do (permissions.can_install_libraries)."""

from django.utils.translation import gettext as _

from .models import H5PLibrary
from .validation import LibraryInfo, PackageInvalid, ValidatedPackage


def installed_folders() -> dict[str, H5PLibrary]:
    """Installed libraries by player folder (machineName-major.minor), highest patch wins."""
    found: dict[str, H5PLibrary] = {}
    for lib in H5PLibrary.objects.order_by("patch_version"):
        found[lib.folder] = lib
    return found


def libraries_to_install(validated: ValidatedPackage,
                         installed: dict[str, H5PLibrary]) -> list[LibraryInfo]:
    """The package's libraries that are not installed at their version or a newer patch."""
    return [info for folder, info in sorted(validated.libraries.items())
            if folder not in installed or installed[folder].patch_version < info.patch]


def refuse_installs(needed: list[LibraryInfo], installed: dict[str, H5PLibrary]) -> None:
    """Raises PackageInvalid naming every library the package would install or upgrade."""
    errors = []
    for info in needed:
        version = f"{info.major}.{info.minor}.{info.patch}"
        current = installed.get(info.folder)
        if current is None:
            errors.append(_(
                "Gói cần thư viện H5P %(library)s %(version)s, chưa được cài trên HọcMở. Chỉ "
                "quản trị viên nền tảng được cài loại nội dung H5P mới: hãy gửi gói này cho "
                "quản trị viên, hoặc dùng loại nội dung đã cài.")
                % {"library": info.machine_name, "version": version})
        else:
            errors.append(_(
                "Gói mang thư viện H5P %(library)s %(version)s, mới hơn bản đã cài "
                "%(installed)s. Chỉ quản trị viên nền tảng được nâng cấp thư viện H5P: hãy gửi "
                "gói này cho quản trị viên, hoặc xuất lại nội dung với bản đã cài.")
                % {"library": info.machine_name, "version": version,
                   "installed": current.version})
    if errors:
        raise PackageInvalid(errors)
