"""Who may upload SCORM packages: whoever may upload H5P content. A SCORM package runs script
like an H5P activity does (on the isolated content origin, sandboxed), so the right is the
same one: the `h5p.*_h5pcontent` model permissions, which the admin snippet's permission
policy asks for instead of a second set a school would have to grant separately."""

from wagtail.permission_policies import ModelPermissionPolicy

UPLOAD_PERMISSION = "h5p.add_h5pcontent"


def package_permission_policy(model) -> ModelPermissionPolicy:
    """add/change/delete/view of ScormPackage = the same action on H5P content."""
    return ModelPermissionPolicy(model, auth_model="h5p.H5PContent")


def can_upload_packages(user) -> bool:
    return bool(user is not None and user.is_active and user.has_perm(UPLOAD_PERMISSION))
