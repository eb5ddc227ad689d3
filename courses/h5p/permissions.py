"""Who may do what with H5P. Installing or upgrading a library (a content type's code: a new
machineName, or a newer version of an installed one) runs script for every learner who opens
a lesson, so it is a platform administrator's right only: superusers, or a group given the
`h5p.install_library` permission. Everyone who may add H5P content may use installed
libraries."""

PERMISSION_INSTALL_LIBRARY = "h5p.install_library"


def can_install_libraries(user) -> bool:
    return bool(user is not None and user.is_active and user.has_perm(PERMISSION_INSTALL_LIBRARY))
