"""Per-class generations (generations.py) follow the writes that go through save()/delete():
roles, units, unit kinds and learners' accounts. Bulk writers bump them themselves."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .generations import classes_touch, classes_touch_for_users, units_touch_all
from .models import Role, RoleKind, Unit, UnitKind

# What a class page shows of an account (the name, whether it counts at all).
_SHOWN_USER_FIELDS = frozenset({"full_name", "name_key", "username", "is_active"})


@receiver(post_save, sender=Role, dispatch_uid="units_class_role_saved")
@receiver(post_delete, sender=Role, dispatch_uid="units_class_role_deleted")
def _role_changed(sender, instance, **kwargs):
    if instance.kind != RoleKind.LEARNER:
        return
    # The class the role is (or was) in, and every class the learner is live in (the grid
    # says where a learner with two classes counts).
    classes_touch([instance.unit_id])
    classes_touch_for_users([instance.user_id])


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="units_class_user_saved")
def _user_saved(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields is not None and not _SHOWN_USER_FIELDS & set(update_fields)):
        return  # e.g. the sign-in's last_login
    classes_touch_for_users([instance.pk])


@receiver(post_save, sender=Unit, dispatch_uid="units_tree_unit_saved")
@receiver(post_delete, sender=Unit, dispatch_uid="units_tree_unit_deleted")
@receiver(post_save, sender=UnitKind, dispatch_uid="units_tree_kind_saved")
@receiver(post_delete, sender=UnitKind, dispatch_uid="units_tree_kind_deleted")
def _tree_changed(sender, **kwargs):
    units_touch_all()
