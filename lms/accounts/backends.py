from django.contrib.auth.backends import ModelBackend

from .models import User


class AccountBackend(ModelBackend):
    """ModelBackend whose per-request user load skips query compilation (it runs on every
    signed-in request); authentication and permissions are ModelBackend's own."""

    def get_user(self, user_id):
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        table = User._meta.db_table
        found = list(User.objects.raw(f"SELECT * FROM {table} WHERE id = %s", [pk]))  # noqa: S608
        if not found:
            return None
        user = found[0]
        return user if self.user_can_authenticate(user) else None
